// Some modellers write a sequence flow's sourceRef/targetRef but not the nodes' <incoming>/<outgoing> lists;
// bpmnlint's rules and ours read the lists, so they are completed once before any rule runs.
import type { ModdleElement } from 'bpmn-moddle';
import { flowContent } from './map-model/flow-content';

export function completeFlowReferences(definitions: ModdleElement): void {
  for (const element of flowContent(definitions).elements) {
    if (!element.$instanceOf('bpmn:SequenceFlow')) continue;
    const source = element.get('sourceRef') as ModdleElement | undefined;
    const target = element.get('targetRef') as ModdleElement | undefined;
    const outgoing = source?.get('outgoing') as ModdleElement[] | undefined;
    const incoming = target?.get('incoming') as ModdleElement[] | undefined;
    if (outgoing && !outgoing.includes(element)) outgoing.push(element);
    if (incoming && !incoming.includes(element)) incoming.push(element);
  }
}
