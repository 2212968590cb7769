// How a message names an element to its reader (lint findings, the SOP's warnings): by its name, or — when it has
// none — by its kind and position ('Tugas tanpa nama ke-3 di jalur "Kasir"', 'Gerbang tanpa nama ke-1'), never by a
// raw id such as `sid-8EFE706F-…` that the modeller does not show. Every message that names an element which may be
// unnamed goes through here.
import type { ModdleElement } from 'bpmn-moddle';

/** The kinds as messages word them, most specific first (the diff's element-names.ts reads them too). */
export const KINDS: ReadonlyArray<[type: string, word: string]> = [
  ['bpmn:SubProcess', 'Subproses'],
  ['bpmn:CallActivity', 'Aktivitas panggilan'],
  ['bpmn:Task', 'Tugas'],
  ['bpmn:Activity', 'Kegiatan'],
  ['bpmn:Gateway', 'Gerbang'],
  ['bpmn:Event', 'Peristiwa'],
  ['bpmn:SequenceFlow', 'Alur'],
  ['bpmn:Lane', 'Jalur'],
  ['bpmn:Participant', 'Kolam'],
];

type Element = ModdleElement & { $instanceOf?: (type: string) => boolean; $parent?: Element; $type?: string };

const kindOf = (element: Element) => KINDS.find(([type]) => element.$instanceOf?.(type))?.[1] ?? 'Elemen';
const nameOf = (element: Element) => String(element.name ?? '').replace(/\s+/g, ' ').trim();

const definitionsOf = (element: Element): Element | undefined => {
  let at: Element | undefined = element;
  while (at && !at.$instanceOf?.('bpmn:Definitions')) at = at.$parent;
  return at;
};

/** Every element under the definitions, in document order. */
function walk(root: Element): Element[] {
  const out: Element[] = [];
  const visit = (e: Element) => {
    out.push(e);
    for (const key of ['rootElements', 'participants', 'laneSets', 'lanes', 'childLaneSet', 'flowElements']) {
      const value = (e as Record<string, unknown>)[key];
      for (const child of Array.isArray(value) ? value : value ? [value] : []) visit(child as Element);
    }
  };
  visit(root);
  return out;
}

/** The innermost lane listing an element, if exactly one does. */
function laneOf(all: Element[], element: Element): Element | undefined {
  const lanes = all.filter((e) => e.$instanceOf?.('bpmn:Lane') && ((e.flowNodeRef as Element[] | undefined) ?? []).includes(element));
  const innermost = lanes.filter((lane) => !lanes.some((other) => other !== lane && (other.$parent?.$parent === lane)));
  return innermost.length === 1 ? innermost[0] : undefined;
}

/**
 * The element as a message names it: `"name"` with the kind before it when `withKind` (Tugas "Memeriksa berkas"),
 * or, unnamed, its kind and its place among the unnamed elements of that kind in its lane (else in the map).
 */
export function describeElement(element: ModdleElement, withKind = true): string {
  const e = element as Element;
  const kind = kindOf(e);
  const name = nameOf(e);
  if (name) return withKind ? `${kind} "${name}"` : `"${name}"`;
  const definitions = definitionsOf(e);
  if (!definitions) return `${kind} tanpa nama`;
  const all = walk(definitions);
  const lane = e.$instanceOf?.('bpmn:FlowNode') ? laneOf(all, e) : undefined;
  const peers = all.filter((other) => kindOf(other) === kind && !nameOf(other) && (lane ? laneOf(all, other) === lane : true));
  const position = peers.indexOf(e) + 1;
  const where = lane && nameOf(lane) ? ` di jalur "${nameOf(lane)}"` : '';
  return `${kind} tanpa nama${position > 0 ? ` ke-${position}` : ''}${where}`;
}

/** describeElement for an element found by id under the definitions (for rules that read the map model). */
export function describeElementById(definitions: ModdleElement, id: string, withKind = true): string {
  const element = walk(definitions as Element).find((e) => e.id === id);
  return element ? describeElement(element, withKind) : 'Elemen tanpa nama';
}

/** A decision after the word "Keputusan": its name in quotes, or its kind and position in brackets. */
export const describeDecision = (gateway: ModdleElement) =>
  String(gateway.name ?? '').trim() ? describeElement(gateway, false) : `(${describeElement(gateway)})`;
