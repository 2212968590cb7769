// Start and end events as SOP AP draws them (SOP-FORMAT.md §2, §4; PermenPANRB 35/2012: the kapsul "untuk
// mendeskripsikan kegiatan mulai dan berakhir"): the terminator is the symbol of the first and of the last activity
// row, not a numbered row of its own. A start event whose one exit leads to an activity makes that activity the start
// row; an end event makes each activity whose every exit ends there an end row. An event no activity can carry (a map
// that starts with a decision or fans out at once, a decision's answer that ends the process, a one-activity map's
// end) stays a terminator row of its own, which the SOP does not number. Pure.
import type { ModdleElement } from 'bpmn-moddle';
import type { RowEdge, RowNode } from './row-graph';

export interface FoldedRow extends RowNode {
  /** The start or end events drawn on this activity's row. */
  events: ModdleElement[];
}

export interface FoldedGraph {
  rows: FoldedRow[];
  edges: Map<ModdleElement, RowEdge[]>;
  /** Where the procedure starts: the start rows, in the order of the start events. */
  starts: ModdleElement[];
}

export function foldTerminators(rows: readonly RowNode[], edges: ReadonlyMap<ModdleElement, RowEdge[]>, starts: readonly ModdleElement[]): FoldedGraph {
  const folded = new Map<ModdleElement, FoldedRow>(rows.map((row) => [row.element, { ...row, events: [] }]));
  const out = new Map<ModdleElement, RowEdge[]>(rows.map((row) => [row.element, [...(edges.get(row.element) ?? [])]]));
  const hasIncoming = (element: ModdleElement) => [...out.entries()].some(([source, list]) => source !== element && list.some((edge) => edge.target === element));
  const startRow = new Map<ModdleElement, ModdleElement>();

  for (const row of rows.filter((r) => r.kind === 'terminator' && r.terminal === 'start')) {
    const exits = out.get(row.element) ?? [];
    const target = exits.length === 1 && !exits[0]!.message ? folded.get(exits[0]!.target) : undefined;
    if (!target || target.kind !== 'process' || target.terminal || hasIncoming(row.element)) continue;
    target.terminal = 'start';
    target.events.push(row.element);
    startRow.set(row.element, target.element);
    folded.delete(row.element);
    out.delete(row.element);
  }

  const isEnd = (element: ModdleElement) => {
    const row = folded.get(element);
    return row?.kind === 'terminator' && row.terminal === 'end';
  };
  for (const row of [...folded.values()]) {
    if (row.kind !== 'process' || row.terminal) continue;
    const exits = out.get(row.element) ?? [];
    const sequence = exits.filter((edge) => !edge.message);
    if (sequence.length === 0 || !sequence.every((edge) => isEnd(edge.target))) continue;
    row.terminal = 'end';
    for (const edge of sequence) if (!row.events.includes(edge.target)) row.events.push(edge.target);
    out.set(row.element, exits.filter((edge) => edge.message));
  }
  // An end event every activity before it carries is drawn on their rows only.
  for (const row of [...folded.values()]) {
    if (row.kind === 'terminator' && row.terminal === 'end' && !hasIncoming(row.element) && [...folded.values()].some((other) => other.events.includes(row.element))) {
      folded.delete(row.element);
      out.delete(row.element);
    }
  }
  return {
    rows: rows.flatMap((row) => folded.get(row.element) ?? []),
    edges: out,
    starts: starts.map((start) => startRow.get(start) ?? start).filter((element) => folded.has(element)),
  };
}
