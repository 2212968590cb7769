// Names for the diff's reader (issue 15, item 5), in the words of the lint's messages
// (server/bpmn/element-label.ts: 'Tugas tanpa nama ke-3 di jalur "Kasir"'), but computed from one index of the
// model: describeElement walks the whole map for each element, fine for a few findings, quadratic for a diff in which
// every element of a large map was added or removed. test/review/element-names.test.ts holds both to the same words.
import type { ModdleElement } from 'bpmn-moddle';
import { KINDS } from '../../bpmn/element-label';


const CHILDREN = ['rootElements', 'participants', 'laneSets', 'lanes', 'childLaneSet', 'flowElements'];

const kindOf = (element: ModdleElement) => KINDS.find(([type]) => element.$instanceOf(type))?.[1] ?? 'Elemen';
const nameOf = (element: ModdleElement) => String(element.name ?? '').replace(/\s+/g, ' ').trim();

/** Tells each element of one model as a message would name it unnamed: its kind and its place among its peers. */
export function unnamedLabeller(definitions: ModdleElement): (element: ModdleElement) => string {
  const all: ModdleElement[] = [];
  const visit = (element: ModdleElement) => {
    all.push(element);
    for (const key of CHILDREN) {
      const value = (element as unknown as Record<string, unknown>)[key];
      for (const child of Array.isArray(value) ? value : value ? [value] : []) visit(child as ModdleElement);
    }
  };
  visit(definitions);

  // The innermost lane listing each element, when exactly one does (as element-label.ts's laneOf).
  const listing = new Map<ModdleElement, ModdleElement[]>();
  for (const lane of all) {
    if (!lane.$instanceOf('bpmn:Lane')) continue;
    for (const node of (lane.get('flowNodeRef') as ModdleElement[] | undefined) ?? []) listing.set(node, [...(listing.get(node) ?? []), lane]);
  }
  const laneOf = new Map<ModdleElement, ModdleElement>();
  for (const [node, lanes] of listing) {
    const innermost = lanes.filter((lane) => !lanes.some((other) => other !== lane && other.$parent?.$parent === lane));
    if (innermost.length === 1) laneOf.set(node, innermost[0]!);
  }

  // Positions among the unnamed elements of a kind: in the whole map, and within each lane.
  const inMap = new Map<ModdleElement, number>();
  const inLane = new Map<ModdleElement, number>();
  const mapCounts = new Map<string, number>();
  const laneCounts = new Map<ModdleElement, Map<string, number>>();
  for (const element of all) {
    if (nameOf(element)) continue;
    const kind = kindOf(element);
    mapCounts.set(kind, (mapCounts.get(kind) ?? 0) + 1);
    inMap.set(element, mapCounts.get(kind)!);
    const lane = laneOf.get(element);
    if (!lane) continue;
    const counts = laneCounts.get(lane) ?? new Map<string, number>();
    laneCounts.set(lane, counts);
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
    inLane.set(element, counts.get(kind)!);
  }

  return (element) => {
    const kind = kindOf(element);
    const lane = element.$instanceOf('bpmn:FlowNode') ? laneOf.get(element) : undefined;
    const position = lane ? inLane.get(element) : inMap.get(element);
    const where = lane && nameOf(lane) ? ` di jalur "${nameOf(lane)}"` : '';
    return `${kind} tanpa nama${position ? ` ke-${position}` : ''}${where}`;
  };
}
