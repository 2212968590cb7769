// Letters and documents a map passes around (BPMN-CONVENTIONS.md "letter / document" and "contents of a request
// letter"): message flows, data objects and data object references, from sk:letter or, failing it, from their names.
import type { ModdleElement } from 'bpmn-moddle';
import { annotationTexts } from './annotations';
import { mutuBakuLines, mutuBakuOf } from './mutu-baku';
import { withoutOtherReports } from './report-name';
import { lowerCaseId } from '../lower-case';

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
  ['penugasan', /surat penugasan|surat (perintah )?tugas|bukti penugasan|penugasan tertulis|nota (dinas )?penugasan|\bspt\b/],
  ['perjanjian-kinerja', /perjanjian kinerja/],
  ['laporan', /\blaporan\b/],
];

/** Keywords of each content in a linked text (BPMN-CONVENTIONS.md; GMS Ps 14(5) huruf a–d; BDG Lampiran I BAB II B.2 huruf a). */
const CONTENT_KEYWORDS: Record<RequestContent, RegExp> = {
  purpose: /maksud|tujuan/,
  competence: /kompetensi|keahlian|keterampilan|kualifikasi/,
  target: /target|ekspektasi|hasil yang diharapkan/,
  duration: /durasi|jangka waktu|lama pelibatan|lamanya|masa (pelibatan|penugasan|tugas)|periode (pelibatan|penugasan)/,
};

const lower = (text: string) => lowerCaseId(text).replace(/\s+/g, ' ');
const textOf = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.trim() : undefined);
const asElements = (value: unknown): ModdleElement[] => (Array.isArray(value) ? (value as ModdleElement[]) : []);

export const isLetterKind = (value: unknown): value is LetterKind => LETTER_KINDS.includes(value as LetterKind);

/** The kind a letter's name says, if any. */
export function letterKindFromName(name: string): LetterKind | undefined {
  const text = withoutOtherReports(lower(name));
  return KIND_KEYWORDS.find(([, pattern]) => pattern.test(text))?.[0];
}

/** Whether a name names a letter of `kind`, among others it may name ("Menerima surat jawaban dan surat tugas"). */
export function namesLetter(name: string, kind: LetterKind): boolean {
  return KIND_KEYWORDS.some(([k, pattern]) => k === kind && pattern.test(lower(name)));
}

/**
 * The contents a text lists, one per line or phrase ("Maksud dan tujuan: …", "Durasi: 3 bulan"), or listed after a
 * heading ("Isi surat: maksud dan tujuan, kompetensi, target kinerja, durasi"): a line's label is read first, and
 * what follows it when the label names no content.
 */
export function contentsFromAnnotation(text: string): Partial<Record<RequestContent, string>> {
  const found: Partial<Record<RequestContent, string>> = {};
  for (const line of text.split(/\r?\n|;/).map((l) => l.trim()).filter(Boolean)) {
    const [label = '', ...rest] = line.split(':');
    const value = rest.join(':').trim();
    const labelled = REQUEST_CONTENTS.filter((content) => rest.length > 0 && CONTENT_KEYWORDS[content].test(lower(label)));
    if (labelled.length > 0) {
      for (const content of labelled) found[content] ??= value || line;
      continue;
    }
    const listed = lower(value || line);
    for (const content of REQUEST_CONTENTS) if (CONTENT_KEYWORDS[content].test(listed)) found[content] ??= value || line;
  }
  return found;
}

/** A text without its mutu baku lines ("Waktu: 2 jam", "Output: …"), which speak of the activity, not of a letter. */
const withoutMutuBaku = (text: string): string =>
  text
    .split(/\r?\n/)
    .filter((line) => Object.keys(mutuBakuLines(line)).length === 0)
    .join('\n');

/** The texts of an element's bpmn:documentation. */
const documentationOf = (element: ModdleElement | undefined): string[] =>
  asElements(element?.get('documentation')).flatMap((doc) => textOf(doc.get('text')) ?? []);

/** Reads every letter of a map from its elements (in document order, as map-model.ts collects them). */
export function readLetters(elements: ModdleElement[]): LetterFacts[] {
  const annotations = annotationTexts(elements);
  const { senders, receivers, dataOf } = dataAssociations(elements);
  // Only requests for involvement look their senders up: the index is built for the first of them.
  let index: Map<string, ModdleElement> | undefined;
  const byId = (id: string) => {
    index ??= new Map(elements.flatMap((e) => (e.id ? [[e.id, e] as const] : [])));
    return index.get(id);
  };
  const associated = associatedElements(elements);
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
    const letterSenders = type === 'bpmn:MessageFlow' ? idOf(element.get('sourceRef')) : (senders.get(element) ?? []);
    const attached: Attached =
      kind === 'permohonan-pelibatan'
        ? attachedTo(element, object, letterSenders.flatMap((id) => byId(id) ?? []), dataOf, associated)
        : { senders: [], dataObjects: [] };
    const { contents, inferred: contentsInferred } = readContents(element, object, annotations, attached);
    letters.push({
      id: element.id ?? '',
      type,
      name,
      kind,
      inferred: !isLetterKind(declared),
      senders: letterSenders,
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

/** What is attached to a request besides the letter itself: the activities that send it, and the data objects they read or write or that an association joins to the letter. */
interface Attached {
  senders: ModdleElement[];
  dataObjects: ModdleElement[];
}

function attachedTo(
  element: ModdleElement,
  object: ModdleElement | undefined,
  senders: ModdleElement[],
  dataOf: Map<ModdleElement, ModdleElement[]>,
  associated: Map<ModdleElement, ModdleElement[]>,
): Attached {
  const isData = (e: ModdleElement) => e.$type === 'bpmn:DataObjectReference' || e.$type === 'bpmn:DataObject';
  const data = [
    ...senders.flatMap((sender) => dataOf.get(sender) ?? []),
    ...[element, ...(object ? [object] : [])].flatMap((e) => (associated.get(e) ?? []).filter(isData)),
  ].filter((e) => e !== element && e !== object);
  const withObjects = data.flatMap((e) => [e, ...(e.$type === 'bpmn:DataObjectReference' ? [e.get('dataObjectRef') as ModdleElement | undefined].flatMap((o) => o ?? []) : [])]);
  return { senders, dataObjects: [...new Set(withObjects)] };
}

/**
 * The contents a request states: sk: attributes of the letter, its data object and the data objects attached to it
 * (declared); else any text attached to the request — annotations and bpmn:documentation of the letter, its data
 * object, the sending activity (without its mutu baku lines) and the attached data objects, and the names of those
 * data objects when they list two contents or more (GMS Ps 14(5); BDG Lampiran I BAB II B.2 huruf a).
 */
function readContents(
  element: ModdleElement,
  object: ModdleElement | undefined,
  annotations: Map<string, string[]>,
  attached: Attached,
): { contents: Partial<Record<RequestContent, string>>; inferred: boolean } {
  const contents: Partial<Record<RequestContent, string>> = {};
  const declaring = [element, ...(object ? [object] : []), ...attached.dataObjects];
  for (const content of REQUEST_CONTENTS) {
    const value = declaring.map((e) => textOf(e.get(`sk:${content}`))).find((v) => v !== undefined);
    if (value) contents[content] = value;
  }
  const textsOf = (e: ModdleElement) => [...(annotations.get(e.id ?? '') ?? []), ...documentationOf(e)];
  const listedNames = attached.dataObjects.flatMap((e) => {
    const name = textOf(e.name);
    return name && Object.keys(contentsFromAnnotation(name)).length >= 2 ? [name] : [];
  });
  const texts = [
    ...[element, ...(object ? [object] : []), ...attached.dataObjects].flatMap(textsOf),
    ...attached.senders.flatMap(textsOf).map(withoutMutuBaku),
    ...listedNames,
  ];
  let inferred = false;
  for (const text of texts) {
    for (const [content, value] of Object.entries(contentsFromAnnotation(text)) as [RequestContent, string][]) {
      if (contents[content]) continue;
      contents[content] = value;
      inferred = true;
    }
  }
  return { contents, inferred };
}

/** Which activities write (output) and read (input) each data object reference or data object, and the data each activity reads or writes. */
function dataAssociations(elements: ModdleElement[]): {
  senders: Map<ModdleElement, string[]>;
  receivers: Map<ModdleElement, string[]>;
  dataOf: Map<ModdleElement, ModdleElement[]>;
} {
  const senders = new Map<ModdleElement, string[]>();
  const receivers = new Map<ModdleElement, string[]>();
  const dataOf = new Map<ModdleElement, ModdleElement[]>();
  const add = (map: Map<ModdleElement, string[]>, key: ModdleElement | undefined, node: ModdleElement) => {
    if (!key || !node.id) return;
    map.set(key, [...(map.get(key) ?? []), node.id]);
    dataOf.set(node, [...(dataOf.get(node) ?? []), key]);
  };
  for (const node of elements) {
    if (!node.$instanceOf('bpmn:FlowNode')) continue;
    // Read as properties: get() would give every node without data associations two empty lists to keep.
    for (const output of asElements(node.dataOutputAssociations)) add(senders, output.get('targetRef') as ModdleElement | undefined, node);
    for (const input of asElements(node.dataInputAssociations)) {
      for (const source of asElements(input.get('sourceRef'))) add(receivers, source, node);
    }
  }
  return { senders, receivers, dataOf };
}

/** Elements joined by an association (either direction), other than text annotations (annotations.ts reads those). */
function associatedElements(elements: ModdleElement[]): Map<ModdleElement, ModdleElement[]> {
  const joined = new Map<ModdleElement, ModdleElement[]>();
  for (const association of elements) {
    if (!association.$instanceOf('bpmn:Association')) continue;
    const [a, b] = [association.get('sourceRef'), association.get('targetRef')] as Array<ModdleElement | undefined>;
    if (!a || !b || a.$instanceOf('bpmn:TextAnnotation') || b.$instanceOf('bpmn:TextAnnotation')) continue;
    joined.set(a, [...(joined.get(a) ?? []), b]);
    joined.set(b, [...(joined.get(b) ?? []), a]);
  }
  return joined;
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

/** The letters that activities' outputs name: their mutu baku output (mutu-baku.ts), read once per map; one entry per letter named. */
export function outputLettersOf(definitions: ModdleElement): OutputLetter[] {
  let letters = outputLetterCache.get(definitions);
  if (!letters) {
    letters = [...mutuBakuOf(definitions)].flatMap(([activity, { output }]) => {
      const kind = output ? letterKindFromName(output.text) : undefined;
      if (!output || !kind) return [];
      // A written assignment issued together with another letter ("Surat jawaban dan surat penugasan") is issued too.
      const kinds = kind !== 'penugasan' && namesLetter(output.text, 'penugasan') ? [kind, 'penugasan' as const] : [kind];
      return kinds.map((k) => ({ activity, text: output.text, kind: k, inferred: output.inferred }));
    });
    outputLetterCache.set(definitions, letters);
  }
  return letters;
}
