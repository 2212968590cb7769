// Letters and documents a map passes around (BPMN-CONVENTIONS.md "letter / document" and "contents of a request
// letter"): message flows, data objects and data object references, from sk:letter or, failing it, from their names.
import type { ModdleElement } from 'bpmn-moddle';
import { annotationTexts } from './annotations';
import { mutuBakuOf } from './mutu-baku';
import { withoutOtherReports } from './report-name';

export const LETTER_KINDS = ['permohonan-pelibatan', 'jawaban-permohonan', 'penugasan', 'pengajuan-sukarela', 'laporan', 'perjanjian-kinerja'] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

/** The four minimum contents of a surat permohonan pelibatan (GMS Ps 14(5)). */
export const REQUEST_CONTENTS = ['purpose', 'competence', 'target', 'duration'] as const;
export type RequestContent = (typeof REQUEST_CONTENTS)[number];

export interface LetterFacts {
  /** Id of the message flow, data object reference or data object. */
  id: string;
  type: 'bpmn:MessageFlow' | 'bpmn:DataObjectReference' | 'bpmn:DataObject';
  name: string;
  kind: LetterKind;
  /** True when the kind came from the name rather than sk:letter. */
  inferred: boolean;
  /** Elements that send it: a message flow's source; the activities whose data output it is. */
  senders: string[];
  /** Elements that receive it: a message flow's target; the activities whose data input it is. */
  receivers: string[];
  /** The contents it states, each from its sk: attribute or from a linked text annotation. */
  contents: Partial<Record<RequestContent, string>>;
  /** True when some content came from a text annotation rather than sk: attributes. */
  contentsInferred: boolean;
}

/** Name keywords of each kind, in the order they are tried ("Surat jawaban permohonan pelibatan" is an answer). */
const KIND_KEYWORDS: [LetterKind, RegExp][] = [
  ['jawaban-permohonan', /\bjawaban\b|\bbalasan\b|\bpenolakan\b/],
  ['permohonan-pelibatan', /permohonan pelibatan|permintaan pelibatan|permohonan bantuan tenaga|surat permohonan/],
  ['pengajuan-sukarela', /sukarela|pengajuan diri|surat pengajuan/],
  ['penugasan', /surat penugasan|surat tugas|bukti penugasan|nota penugasan|\bspt\b/],
  ['perjanjian-kinerja', /perjanjian kinerja/],
  ['laporan', /\blaporan\b/],
];

/** Keywords of each content in a linked text annotation (BPMN-CONVENTIONS.md; GMS Ps 14(5) huruf a–d). */
const CONTENT_KEYWORDS: Record<RequestContent, RegExp> = {
  purpose: /maksud|tujuan/,
  competence: /kompetensi|keahlian|keterampilan/,
  target: /target|ekspektasi/,
  duration: /durasi|jangka waktu|lama pelibatan|lamanya/,
};

const lower = (text: string) => text.toLocaleLowerCase('id').replace(/\s+/g, ' ');
const textOf = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.trim() : undefined);
const asElements = (value: unknown): ModdleElement[] => (Array.isArray(value) ? (value as ModdleElement[]) : []);

export const isLetterKind = (value: unknown): value is LetterKind => LETTER_KINDS.includes(value as LetterKind);

/** The kind a letter's name says, if any. */
export function letterKindFromName(name: string): LetterKind | undefined {
  const text = withoutOtherReports(lower(name));
  return KIND_KEYWORDS.find(([, pattern]) => pattern.test(text))?.[0];
}

/** The contents a text annotation lists, one per line or phrase ("Maksud dan tujuan: …", "Durasi: 3 bulan"). */
export function contentsFromAnnotation(text: string): Partial<Record<RequestContent, string>> {
  const found: Partial<Record<RequestContent, string>> = {};
  for (const line of text.split(/\r?\n|;/).map((l) => l.trim()).filter(Boolean)) {
    const [label = '', ...rest] = line.split(':');
    const probe = lower(rest.length > 0 ? label : line);
    for (const content of REQUEST_CONTENTS) {
      if (!found[content] && CONTENT_KEYWORDS[content].test(probe)) found[content] = rest.join(':').trim() || line;
    }
  }
  return found;
}

/** Reads every letter of a map from its elements (in document order, as map-model.ts collects them). */
export function readLetters(elements: ModdleElement[]): LetterFacts[] {
  const annotations = annotationTexts(elements);
  const { senders, receivers } = dataAssociations(elements);
  const referenced = new Set(elements.flatMap((e) => (e.$type === 'bpmn:DataObjectReference' ? [e.get('dataObjectRef') as ModdleElement] : [])));
  const letters: LetterFacts[] = [];
  for (const element of elements) {
    const type = element.$type;
    if (type !== 'bpmn:MessageFlow' && type !== 'bpmn:DataObjectReference' && type !== 'bpmn:DataObject') continue;
    // A data object drawn through references is read at its references; one with none is read itself.
    if (type === 'bpmn:DataObject' && referenced.has(element)) continue;
    const object = type === 'bpmn:DataObjectReference' ? (element.get('dataObjectRef') as ModdleElement | undefined) : undefined;
    const declared = element.get('sk:letter') ?? object?.get('sk:letter');
    const name = textOf(element.name) ?? textOf(object?.name) ?? '';
    const kind = isLetterKind(declared) ? declared : letterKindFromName(name);
    if (!kind) continue;
    const { contents, inferred: contentsInferred } = readContents(element, object, annotations);
    letters.push({
      id: element.id ?? '',
      type,
      name,
      kind,
      inferred: !isLetterKind(declared),
      senders: type === 'bpmn:MessageFlow' ? idOf(element.get('sourceRef')) : (senders.get(element) ?? []),
      receivers: type === 'bpmn:MessageFlow' ? idOf(element.get('targetRef')) : (receivers.get(element) ?? []),
      contents,
      contentsInferred,
    });
  }
  return letters;
}

function idOf(value: unknown): string[] {
  const id = (value as ModdleElement | undefined)?.id;
  return id ? [id] : [];
}

function readContents(
  element: ModdleElement,
  object: ModdleElement | undefined,
  annotations: Map<string, string[]>,
): { contents: Partial<Record<RequestContent, string>>; inferred: boolean } {
  const contents: Partial<Record<RequestContent, string>> = {};
  for (const content of REQUEST_CONTENTS) {
    const value = textOf(element.get(`sk:${content}`)) ?? textOf(object?.get(`sk:${content}`));
    if (value) contents[content] = value;
  }
  let inferred = false;
  for (const text of [...(annotations.get(element.id ?? '') ?? []), ...(object?.id ? (annotations.get(object.id) ?? []) : [])]) {
    for (const [content, value] of Object.entries(contentsFromAnnotation(text)) as [RequestContent, string][]) {
      if (contents[content]) continue;
      contents[content] = value;
      inferred = true;
    }
  }
  return { contents, inferred };
}

/** Which activities write (output) and read (input) each data object reference or data object. */
function dataAssociations(elements: ModdleElement[]): { senders: Map<ModdleElement, string[]>; receivers: Map<ModdleElement, string[]> } {
  const senders = new Map<ModdleElement, string[]>();
  const receivers = new Map<ModdleElement, string[]>();
  const add = (map: Map<ModdleElement, string[]>, key: ModdleElement | undefined, id: string | undefined) => {
    if (key && id) map.set(key, [...(map.get(key) ?? []), id]);
  };
  for (const node of elements) {
    if (!node.$instanceOf('bpmn:FlowNode')) continue;
    for (const output of asElements(node.get('dataOutputAssociations'))) add(senders, output.get('targetRef') as ModdleElement | undefined, node.id);
    for (const input of asElements(node.get('dataInputAssociations'))) {
      for (const source of asElements(input.get('sourceRef'))) add(receivers, source, node.id);
    }
  }
  return { senders, receivers };
}

/** A letter an activity's output names (its mutu baku "Output", SOP-FORMAT.md): a written document it produces. */
export interface OutputLetter {
  /** Id of the activity. */
  activity: string;
  /** The output as written ("Surat penugasan tim kerja"). */
  text: string;
  kind: LetterKind;
  /** True when the output came from a linked text annotation ("Output: …") rather than sk:output. */
  inferred: boolean;
}

const outputLetterCache = new WeakMap<ModdleElement, OutputLetter[]>();

/** The letters that activities' outputs name: their mutu baku output (mutu-baku.ts), read once per map. */
export function outputLettersOf(definitions: ModdleElement): OutputLetter[] {
  let letters = outputLetterCache.get(definitions);
  if (!letters) {
    letters = [...mutuBakuOf(definitions)].flatMap(([activity, { output }]) => {
      const kind = output ? letterKindFromName(output.text) : undefined;
      return output && kind ? [{ activity, text: output.text, kind, inferred: output.inferred }] : [];
    });
    outputLetterCache.set(definitions, letters);
  }
  return letters;
}
