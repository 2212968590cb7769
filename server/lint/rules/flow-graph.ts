// The flow graph of a map (sequence and message flows between element ids), for rules that follow paths.
import type { ModdleElement } from 'bpmn-moddle';
import { flowContent } from '../map-model/flow-content';

export interface FlowGraph {
  /** Successors over sequence and message flows. */
  next: ReadonlyMap<string, readonly string[]>;
  /** Successors over sequence flows only: the work within one process. */
  sequenceNext: ReadonlyMap<string, readonly string[]>;
  /** The flow content's elements by id. */
  byId: ReadonlyMap<string, ModdleElement>;
  /** Start events of top-level processes (not those of sub-processes or event sub-processes). */
  starts: string[];
  /** End events that end the work as done: top-level, and neither error nor escalation ends. */
  successfulEnds: ModdleElement[];
}

const graphs = new WeakMap<ModdleElement, FlowGraph>();

export function flowGraphOf(definitions: ModdleElement): FlowGraph {
  const cached = graphs.get(definitions);
  if (cached) return cached;
  const next = new Map<string, string[]>();
  const sequenceNext = new Map<string, string[]>();
  const byId = new Map<string, ModdleElement>();
  const starts: string[] = [];
  const successfulEnds: ModdleElement[] = [];
  for (const element of flowContent(definitions).elements) {
    if (element.id) byId.set(element.id, element);
    const topLevel = element.$parent?.$instanceOf('bpmn:Process') === true;
    if (topLevel && element.$instanceOf('bpmn:StartEvent')) starts.push(element.id!);
    if (topLevel && element.$instanceOf('bpmn:EndEvent')) {
      const definitionsOfEvent = (element.get('eventDefinitions') as ModdleElement[] | undefined) ?? [];
      if (!definitionsOfEvent.some((d) => d.$instanceOf('bpmn:ErrorEventDefinition') || d.$instanceOf('bpmn:EscalationEventDefinition'))) successfulEnds.push(element);
    }
    if (element.$instanceOf('bpmn:SequenceFlow') || element.$instanceOf('bpmn:MessageFlow')) {
      const source = (element.get('sourceRef') as ModdleElement | undefined)?.id;
      const target = (element.get('targetRef') as ModdleElement | undefined)?.id;
      if (source && target) next.set(source, [...(next.get(source) ?? []), target]);
      if (source && target && element.$instanceOf('bpmn:SequenceFlow')) sequenceNext.set(source, [...(sequenceNext.get(source) ?? []), target]);
    }
  }
  const graph = { next, sequenceNext, byId, starts, successfulEnds };
  graphs.set(definitions, graph);
  return graph;
}

/** Steps from the nearest start to every element reachable, never entering an element of `blocked`. */
export function distancesFromStart(graph: FlowGraph, blocked: ReadonlySet<string> = new Set()): Map<string, number> {
  const distance = new Map(graph.starts.map((id) => [id, 0]));
  const queue = [...graph.starts];
  while (queue.length > 0) {
    const id = queue.shift()!;
    for (const target of graph.next.get(id) ?? []) {
      if (distance.has(target) || blocked.has(target)) continue;
      distance.set(target, distance.get(id)! + 1);
      queue.push(target);
    }
  }
  return distance;
}

/** The first activities reached from `from`, passing through gateways and events but not through activities. */
export function firstActivities(next: FlowGraph['next'], from: string, isActivity: (id: string) => boolean): string[] {
  const found: string[] = [];
  const seen = new Set<string>();
  const queue = [from];
  while (queue.length > 0) {
    const id = queue.shift()!;
    if (seen.has(id)) continue;
    seen.add(id);
    if (isActivity(id)) found.push(id);
    else queue.push(...(next.get(id) ?? []));
  }
  return found;
}
