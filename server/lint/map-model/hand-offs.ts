// Hand-offs (BPMN-CONVENTIONS.md, last paragraphs): sequence flows whose ends lie in different lanes, and message
// flows; which of them cross units (RULES.md §D) and which are reports.
import type { ModdleElement } from 'bpmn-moddle';
import { definedOnly } from './defined-only';
import type { LetterFacts, LetterKind } from './letters';

export interface HandOff {
  /** Id of the sequence or message flow. */
  id: string;
  type: 'sequence' | 'message';
  name: string;
  source: string;
  target: string;
  fromLane?: string;
  toLane?: string;
  fromPool?: string;
  toPool?: string;
  fromUnit?: string;
  toUnit?: string;
  /** The two ends belong to different units (pools of different units, or lanes whose sk:unit differ). */
  crossUnit: boolean;
  /** The flow, its source or target activity, or the letter it carries is a report (laporan, menyampaikan hasil). */
  report: boolean;
  /** Kinds of the letters the flow carries: its own (message flows) and those its source activity writes. */
  letters: LetterKind[];
}

/** Where an element sits: its innermost lane, its pool, and the unit of either. */
export interface Placement {
  lane?: string;
  pool?: string;
  unit?: string;
}

const REPORT = /laporan|melaporkan|menyampaikan hasil|penyampaian hasil|serah(kan)? hasil/;
const lower = (text: unknown) => (typeof text === 'string' ? text.toLocaleLowerCase('id') : '');

/**
 * The hand-offs of a map. `placeOf` says where an element id sits (map-model.ts knows lanes and pools); `letters`
 * are the map's letters (letters.ts).
 */
export function readHandOffs(elements: ModdleElement[], placeOf: (id: string) => Placement, letters: LetterFacts[]): HandOff[] {
  const lettersOf = new Map<string, LetterKind[]>();
  for (const letter of letters) {
    const carriers = letter.type === 'bpmn:MessageFlow' ? [letter.id] : letter.senders;
    for (const id of carriers) lettersOf.set(id, [...(lettersOf.get(id) ?? []), letter.kind]);
  }
  const handOffs: HandOff[] = [];
  for (const flow of elements) {
    const message = flow.$type === 'bpmn:MessageFlow';
    if (!message && flow.$type !== 'bpmn:SequenceFlow') continue;
    const source = flow.get('sourceRef') as ModdleElement | undefined;
    const target = flow.get('targetRef') as ModdleElement | undefined;
    if (!source?.id || !target?.id || !flow.id) continue;
    const from = placeOf(source.id);
    const to = placeOf(target.id);
    if (!message && (from.lane === undefined || from.lane === to.lane)) continue;
    const carried = [...(message ? (lettersOf.get(flow.id) ?? []) : []), ...(lettersOf.get(source.id) ?? [])];
    const report = carried.includes('laporan') || [flow.name, source.name, target.name].some((text) => REPORT.test(lower(text)));
    handOffs.push({
      id: flow.id,
      type: message ? 'message' : 'sequence',
      name: typeof flow.name === 'string' ? flow.name : '',
      source: source.id,
      target: target.id,
      ...definedOnly({ fromLane: from.lane, toLane: to.lane, fromPool: from.pool, toPool: to.pool, fromUnit: from.unit, toUnit: to.unit }),
      crossUnit: from.unit !== undefined && to.unit !== undefined && normaliseUnit(from.unit) !== normaliseUnit(to.unit),
      report,
      letters: [...new Set(carried)],
    });
  }
  return handOffs;
}

const normaliseUnit = (unit: string) => unit.toLocaleLowerCase('id').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
