// The semantic content of a map without its diagram: processes and sub-processes with their flow elements and
// artifacts, collaborations with their participants, message flows and artifacts. Walking it is several times cheaper
// than allElements, which also visits every DI shape and waypoint. One reading per map (pure code).
import type { ModdleElement } from 'bpmn-moddle';

export interface FlowContent {
  elements: readonly ModdleElement[];
  byId: ReadonlyMap<string, ModdleElement>;
}

const list = (element: ModdleElement, property: string): ModdleElement[] => (element.get(property) as ModdleElement[] | undefined) ?? [];

const cache = new WeakMap<ModdleElement, FlowContent>();

export function flowContent(definitions: ModdleElement): FlowContent {
  const cached = cache.get(definitions);
  if (cached) return cached;
  const elements: ModdleElement[] = [];
  const visit = (element: ModdleElement): void => {
    elements.push(element);
    if (element.$instanceOf('bpmn:Process') || element.$instanceOf('bpmn:SubProcess')) {
      for (const child of [...list(element, 'flowElements'), ...list(element, 'artifacts')]) visit(child);
    } else if (element.$instanceOf('bpmn:Collaboration')) {
      for (const child of [...list(element, 'participants'), ...list(element, 'messageFlows'), ...list(element, 'artifacts')]) visit(child);
    }
  };
  for (const root of list(definitions, 'rootElements')) visit(root);
  const content = { elements, byId: new Map(elements.flatMap((e) => (e.id ? [[e.id, e] as const] : []))) };
  cache.set(definitions, content);
  return content;
}
