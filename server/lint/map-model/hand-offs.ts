// Hand-offs (BPMN-CONVENTIONS.md, last paragraphs): sequence flows whose ends lie in different lanes, and message
// flows; which of them cross units (RULES.md §D) and which are reports.
import type { ModdleElement } from 'bpmn-moddle';
import { definedOnly } from './defined-only';
import type { LetterFacts, LetterKind } from './letters';
import { withoutOtherReports } from './report-name';
import { normaliseUnit } from './unit-name';
import { lowerCaseId } from '../lower-case';

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
  /** True when `report` rests on names only (no sk:letter="laporan" carried, no sk:activityKind="serah-hasil" at the source). */
  reportInferred: boolean;
  /** The flow or its source activity makes a voluntary application (pengajuan sukarela), by a carried letter or by name. */
  voluntary: boolean;
}

/** Where an element sits: its innermost lane, its pool, and the unit of either. */
export interface Placement {
  lane?: string;
  pool?: string;
  unit?: string;
}

const REPORT = /laporan|melaporkan|menyampaikan hasil|penyampaian hasil|serah(kan)? hasil/;
/** Names of the step that makes a voluntary application (BDG Lampiran I BAB II B.2 huruf b; GMS Ps 15(2)–(3)). */
const VOLUNTARY = /\b(mengajukan|menyampaikan|mengirim(kan)?|menyerahkan|membuat|menyusun)\b.*\b(sukarela|keinginan\w*)\b|\bpermohonan untuk (dapat )?dilibatkan\b|\b(pengajuan|mengajukan) diri\b/;
const lower = (text: unknown) => (typeof text === 'string' ? lowerCaseId(text) : '');

/**
 * The hand-offs of a map. `placeOf` says where an element id sits (map-model.ts knows lanes and pools); `letters`
 * are the map's letters (letters.ts).
 */
export function readHandOffs(elements: ModdleElement[], placeOf: (id: string) => Placement, letters: LetterFacts[]): HandOff[] {
  const lettersOf = new Map<string, LetterKind[]>();
  const declaredReports = new Set<string>();
  for (const letter of letters) {
    const carriers = letter.type === 'bpmn:MessageFlow' ? [letter.id] : letter.senders;
    for (const id of carriers) lettersOf.set(id, [...(lettersOf.get(id) ?? []), letter.kind]);
    if (letter.kind === 'laporan' && !letter.inferred) for (const id of carriers) declaredReports.add(id);
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
    const declaredReport = declaredReports.has(flow.id) || declaredReports.has(source.id) || source.get('sk:activityKind') === 'serah-hasil';
    const report = declaredReport || carried.includes('laporan') || [flow.name, source.name, target.name].some((text) => REPORT.test(withoutOtherReports(lower(text))));
    const voluntary = carried.includes('pengajuan-sukarela') || [flow.name, source.name].some((text) => VOLUNTARY.test(lower(text)));
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
      reportInferred: report && !declaredReport,
      voluntary,
    });
  }
  return handOffs;
}


/** One way a voluntary application (pengajuan sukarela) travels: from the element that sends it to one that receives it. */
export interface VoluntaryRoute {
  /** The element to report on: the letter (message flow or data object reference), else the flow. */
  element: string;
  source: string;
  target: string;
  /** True when the application was recognised by name rather than sk:letter="pengajuan-sukarela". */
  inferred: boolean;
}

/**
 * The routes of every pengajuan sukarela in a map: each letter of that kind from its senders to its receivers (a data
 * object read by no activity goes wherever its sender hands off to another lane), and each hand-off whose own name or
 * source activity's name makes the application, unless a letter already gives the route.
 */
export function voluntaryRoutes(letters: LetterFacts[], handOffs: HandOff[]): VoluntaryRoute[] {
  const routes: VoluntaryRoute[] = [];
  const covered = new Set<string>();
  for (const letter of letters) {
    if (letter.kind !== 'pengajuan-sukarela') continue;
    const inferred = letter.inferred;
    if (letter.type === 'bpmn:MessageFlow') {
      covered.add(letter.id);
      for (const source of letter.senders) for (const target of letter.receivers) routes.push({ element: letter.id, source, target, inferred });
      continue;
    }
    for (const source of letter.senders) {
      covered.add(source);
      const targets = letter.receivers.length > 0 ? letter.receivers : handOffs.filter((h) => h.source === source).map((h) => h.target);
      for (const target of targets) if (target !== source) routes.push({ element: letter.id, source, target, inferred });
    }
  }
  for (const handOff of handOffs) {
    if (!handOff.voluntary || covered.has(handOff.id) || covered.has(handOff.source)) continue;
    routes.push({ element: handOff.id, source: handOff.source, target: handOff.target, inferred: true });
  }
  return routes;
}
