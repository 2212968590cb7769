// The main path of a map for its total time (sop/duration-total): from a start event of a top-level process to a
// successful end (flow-graph.ts), without rework loops (flows back to an element already on the way) and without the
// "no" exits of decisions (answers.ts) when the decision has another exit. Its time is the longest chain of times on
// that acyclic graph: parallel branches count once (the longest), and of alternative branches the longest counts.
import type { ModdleElement } from 'bpmn-moddle';
import { flowContent } from '../../map-model/flow-content';
import { isNo } from '../answers';
import { flowGraphOf } from '../flow-graph';

interface Edge {
  target: string;
}

export interface MainPath {
  /** Element ids in order, from a start to a successful end. */
  ids: string[];
  /** Sum of the weights along it. */
  total: number;
}

const edgeCache = new WeakMap<ModdleElement, Map<string, Edge[]>>();

/** Outgoing edges by source id, without the "no" exits of decisions that have another exit. */
function forwardEdges(definitions: ModdleElement): Map<string, Edge[]> {
  const cached = edgeCache.get(definitions);
  if (cached) return cached;
  const outgoing = new Map<string, Array<Edge & { no: boolean }>>();
  for (const flow of flowContent(definitions).elements) {
    if (!flow.$instanceOf('bpmn:SequenceFlow') && !flow.$instanceOf('bpmn:MessageFlow')) continue;
    const source = (flow.get('sourceRef') as ModdleElement | undefined)?.id;
    const target = (flow.get('targetRef') as ModdleElement | undefined)?.id;
    if (!source || !target) continue;
    outgoing.set(source, [...(outgoing.get(source) ?? []), { target, no: isNo(flow.name) }]);
  }
  const edges = new Map<string, Edge[]>();
  for (const [source, list] of outgoing) {
    const kept = list.some((edge) => !edge.no) ? list.filter((edge) => !edge.no) : list;
    edges.set(source, kept.map(({ target }) => ({ target })));
  }
  edgeCache.set(definitions, edges);
  return edges;
}

/** Drops the edges that close a loop in a depth-first walk from the starts (the rework loops). */
function withoutLoops(edges: Map<string, Edge[]>, starts: string[]): Map<string, Edge[]> {
  const acyclic = new Map<string, Edge[]>();
  const state = new Map<string, 'open' | 'done'>();
  for (const start of starts) {
    if (state.has(start)) continue;
    const stack: Array<{ id: string; next: number }> = [{ id: start, next: 0 }];
    state.set(start, 'open');
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      const out = edges.get(frame.id) ?? [];
      if (frame.next >= out.length) {
        state.set(frame.id, 'done');
        stack.pop();
        continue;
      }
      const edge = out[frame.next++]!;
      if (state.get(edge.target) === 'open') continue;
      acyclic.set(frame.id, [...(acyclic.get(frame.id) ?? []), edge]);
      if (!state.has(edge.target)) {
        state.set(edge.target, 'open');
        stack.push({ id: edge.target, next: 0 });
      }
    }
  }
  return acyclic;
}

/** The heaviest path from one of `starts` to an id of `ends`, weights on nodes; undefined when no end is reached. */
export function heaviestPath(edges: Map<string, Edge[]>, starts: string[], ends: ReadonlySet<string>, weight: (id: string) => number): MainPath | undefined {
  const dag = withoutLoops(edges, starts);
  const best = new Map<string, { total: number; next?: string }>();
  // Post-order over the DAG, iteratively (maps can be long).
  const order: string[] = [];
  const seen = new Set<string>();
  for (const start of starts) {
    if (seen.has(start)) continue;
    const stack: Array<{ id: string; next: number }> = [{ id: start, next: 0 }];
    seen.add(start);
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      const out = dag.get(frame.id) ?? [];
      if (frame.next >= out.length) {
        order.push(frame.id);
        stack.pop();
        continue;
      }
      const target = out[frame.next++]!.target;
      if (!seen.has(target)) {
        seen.add(target);
        stack.push({ id: target, next: 0 });
      }
    }
  }
  for (const id of order) {
    let chosen: { total: number; next?: string } | undefined = ends.has(id) ? { total: 0 } : undefined;
    for (const { target } of dag.get(id) ?? []) {
      const after = best.get(target);
      if (after && (!chosen || after.total > chosen.total)) chosen = { total: after.total, next: target };
    }
    if (chosen) best.set(id, { total: chosen.total + weight(id), ...(chosen.next ? { next: chosen.next } : {}) });
  }
  let from: string | undefined;
  for (const start of starts) if (best.has(start) && (!from || best.get(start)!.total > best.get(from)!.total)) from = start;
  if (!from) return undefined;
  const ids: string[] = [];
  for (let id: string | undefined = from; id; id = best.get(id)?.next) ids.push(id);
  return { ids, total: best.get(from)!.total };
}

/** The main path of a map, weighted by `weight` (working minutes of each element). */
export function mainPath(definitions: ModdleElement, weight: (id: string) => number): MainPath | undefined {
  const graph = flowGraphOf(definitions);
  return heaviestPath(forwardEdges(definitions), graph.starts, new Set(graph.successfulEnds.map((end) => end.id!)), weight);
}

/** The heaviest path inside an expanded sub-process, from its start events to its end events. */
export function innerPath(definitions: ModdleElement, subProcess: ModdleElement, weight: (id: string) => number): MainPath | undefined {
  const children = (subProcess.get('flowElements') as ModdleElement[] | undefined) ?? [];
  const starts = children.filter((c) => c.$instanceOf('bpmn:StartEvent') && c.id).map((c) => c.id!);
  const ends = new Set(children.filter((c) => c.$instanceOf('bpmn:EndEvent') && c.id).map((c) => c.id!));
  return heaviestPath(forwardEdges(definitions), starts, ends, weight);
}
