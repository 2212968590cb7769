// The mutu baku of each activity (SOP-FORMAT.md §2): kelengkapan, waktu and output, from sk:requirements, sk:time and
// sk:output, else from a text annotation associated with the activity ("Kelengkapan: …", "Waktu: …", "Output: …",
// BPMN-CONVENTIONS.md); and the durations written in it ("30 menit", "2 jam", "1 hari kerja", "PT2H", "P1D").
// Pure code: it also runs in the browser's lint worker.
import type { ModdleElement } from 'bpmn-moddle';
import { annotationTexts } from './annotations';
import { flowContent } from './flow-content';

/** A duration in working time: minutes of work, working days and working weeks (the calendar converts them). */
export interface WorkingDuration {
  minutes: number;
  days: number;
  weeks: number;
}

export interface MutuBakuField {
  text: string;
  /** True when read from a linked text annotation rather than an sk: attribute. */
  inferred: boolean;
}

export interface MutuBaku {
  kelengkapan?: MutuBakuField;
  /** `duration` is absent when the text is not a duration the parser reads. */
  waktu?: MutuBakuField & { duration?: WorkingDuration };
  output?: MutuBakuField;
}

export type MutuBakuPart = keyof MutuBaku;
export const MUTU_BAKU_PARTS: readonly MutuBakuPart[] = ['kelengkapan', 'waktu', 'output'];

const SK_ATTRIBUTE: Record<MutuBakuPart, string> = { kelengkapan: 'sk:requirements', waktu: 'sk:time', output: 'sk:output' };

/** Labels of annotation lines, as real SOPs head the mutu baku columns. */
const LINE_LABELS: ReadonlyArray<[RegExp, MutuBakuPart]> = [
  [/^(kelengkapan|persyaratan|syarat|persyaratan\s*\/\s*kelengkapan)$/, 'kelengkapan'],
  [/^(waktu|durasi|lama(\s+waktu)?)$/, 'waktu'],
  [/^(output|keluaran|hasil)$/, 'output'],
];

const textOf = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.trim() : undefined);

/** The mutu baku lines of an annotation's text, by part (the first line of each part wins). */
export function mutuBakuLines(text: string): Partial<Record<MutuBakuPart, string>> {
  const found: Partial<Record<MutuBakuPart, string>> = {};
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*[-•*]?\s*([^:：]{2,40})\s*[:：]\s*(.*)$/.exec(line);
    if (!match) continue;
    const label = match[1]!.trim().toLowerCase().replace(/\s+/g, ' ');
    const value = match[2]!.trim();
    const part = LINE_LABELS.find(([pattern]) => pattern.test(label))?.[1];
    if (part && value && found[part] === undefined) found[part] = value;
  }
  return found;
}

/** One activity's mutu baku: each part from its sk: attribute, else from a linked annotation. */
export function readMutuBaku(activity: ModdleElement, annotations: readonly string[] = []): MutuBaku {
  const fromAnnotations = annotations.map(mutuBakuLines);
  const mutuBaku: MutuBaku = {};
  for (const part of MUTU_BAKU_PARTS) {
    const declared = textOf(activity.get(SK_ATTRIBUTE[part]));
    const annotated = fromAnnotations.find((lines) => lines[part] !== undefined)?.[part];
    const text = declared ?? annotated;
    if (text === undefined) continue;
    const field: MutuBakuField = { text, inferred: declared === undefined };
    if (part === 'waktu') {
      const duration = parseDuration(text);
      mutuBaku.waktu = duration ? { ...field, duration } : field;
    } else mutuBaku[part] = field;
  }
  return mutuBaku;
}

const cache = new WeakMap<ModdleElement, Map<string, MutuBaku>>();

/** The mutu baku of every activity of a map, by activity id (one reading per map). */
export function mutuBakuOf(definitions: ModdleElement): Map<string, MutuBaku> {
  const cached = cache.get(definitions);
  if (cached) return cached;
  const { elements } = flowContent(definitions);
  const annotations = annotationTexts(elements);
  const result = new Map<string, MutuBaku>();
  for (const element of elements) {
    if (element.$instanceOf('bpmn:Activity') && element.id) result.set(element.id, readMutuBaku(element, annotations.get(element.id)));
  }
  cache.set(definitions, result);
  return result;
}

// ---- durations ----

const NUMBER = String.raw`\d+(?:[.,]\d+)?`;
const NUMBER_WORDS: Record<string, string> = {
  setengah: '0.5', satu: '1', dua: '2', tiga: '3', empat: '4', lima: '5', enam: '6', tujuh: '7', delapan: '8', sembilan: '9', sepuluh: '10',
};
/** Units and what one of each is worth. */
const UNITS: ReadonlyArray<[RegExp, (n: number) => WorkingDuration]> = [
  [/^(detik|dtk|det)$/, (n) => ({ minutes: n / 60, days: 0, weeks: 0 })],
  [/^(menit|mnt|min)$/, (n) => ({ minutes: n, days: 0, weeks: 0 })],
  [/^(jam)$/, (n) => ({ minutes: n * 60, days: 0, weeks: 0 })],
  [/^(hari|hr)( kerja)?$/, (n) => ({ minutes: 0, days: n, weeks: 0 })],
  [/^(minggu|pekan)( kerja)?$/, (n) => ({ minutes: 0, days: 0, weeks: n })],
];
const UNIT_WORDS = String.raw`detik|dtk|det|menit|mnt|min|jam|hari kerja|hari|hr|minggu kerja|minggu|pekan kerja|pekan`;

const add = (a: WorkingDuration, b: WorkingDuration): WorkingDuration => ({ minutes: a.minutes + b.minutes, days: a.days + b.days, weeks: a.weeks + b.weeks });
const ZERO: WorkingDuration = { minutes: 0, days: 0, weeks: 0 };
const toNumber = (text: string) => Number(text.replace(',', '.'));

// The patterns are compiled once (String.replace resets a global pattern's lastIndex before and after each use).
const ISO_DURATION = new RegExp(`^P(?:(${NUMBER})W)?(?:(${NUMBER})D)?(?:T(?:(${NUMBER})H)?(?:(${NUMBER})M)?(?:(${NUMBER})S)?)?$`, 'i');
const NUMBER_WORD = new RegExp(`\\b(${Object.keys(NUMBER_WORDS).join('|')})\\b`, 'g');
const TIMES_24_HOURS = new RegExp(`(${NUMBER})\\s*[x×]\\s*24\\s*jam`, 'g');
const RANGE = new RegExp(`(${NUMBER})\\s*(?:-|–|—|s\\.\\s?d\\.?|s\\/d|sd|sampai(?: dengan)?|hingga)\\s*(${NUMBER})`, 'g');
const AMOUNT = new RegExp(`(${NUMBER})\\s*(${UNIT_WORDS})\\b\\.?`, 'g');

/** ISO 8601 durations as BPMN timers write them (`PT2H`, `P1D`, `P1DT4H`, `P1W`); a day is a working day. */
function parseIsoDuration(text: string): WorkingDuration | undefined {
  const match = ISO_DURATION.exec(text);
  if (!match || match.slice(1).every((part) => part === undefined) || /T$/i.test(text)) return undefined;
  const [weeks, days, hours, minutes, seconds] = match.slice(1).map((part) => (part === undefined ? 0 : toNumber(part)));
  return { weeks: weeks!, days: days!, minutes: hours! * 60 + minutes! + seconds! / 60 };
}

/**
 * Reads a mutu baku time: "30 detik", "3 menit", "2 jam", "1 jam 30 menit", "1 hari", "1 hari kerja", "2 minggu",
 * "1,5 jam", "satu hari", "sehari", "1 x 24 jam" (one day), ranges at their upper bound ("1-2 hari", "1 s.d. 3 hari")
 * and qualifiers ("maks. 2 jam", "± 15 menit", "paling lama 3 hari"); ISO durations. Undefined when it is none of
 * these (e.g. "segera", "1 bulan", "3 hari kalender").
 */
export function parseDuration(raw: string): WorkingDuration | undefined {
  // A map repeats its times ("1 jam", "15 menit"): each text is read once, and every caller gets its own copy.
  if (!durations.has(raw)) {
    if (durations.size >= MAX_REMEMBERED_DURATIONS) durations.clear();
    durations.set(raw, readDuration(raw));
  }
  const duration = durations.get(raw);
  return duration && { ...duration };
}

const durations = new Map<string, WorkingDuration | undefined>();
const MAX_REMEMBERED_DURATIONS = 2000;

function readDuration(raw: string): WorkingDuration | undefined {
  const text = raw.trim();
  if (/^P[\dT]/i.test(text)) return parseIsoDuration(text);
  let rest = ` ${text.toLowerCase().replace(/\s+/g, ' ')} `;
  rest = rest.replace(/[±~≈]/g, ' ').replace(/\b(maks(imal|imum)?|paling (lama|lambat)|selambat-lambatnya|kurang lebih|lebih kurang|sekitar|kira-kira|dalam waktu|waktu|lamanya|lama)\b\.?/g, ' ');
  rest = rest.replace(/\bse(hari|jam|menit|minggu|pekan)\b/g, ' 1 $1');
  rest = rest.replace(NUMBER_WORD, (word) => NUMBER_WORDS[word]!);
  rest = rest.replace(TIMES_24_HOURS, '$1 hari');
  // A range counts at its upper bound.
  rest = rest.replace(RANGE, '$2');
  let total = ZERO;
  let parts = 0;
  rest = rest.replace(AMOUNT, (_all, amount: string, unit: string) => {
    const value = UNITS.find(([pattern]) => pattern.test(unit))![1](toNumber(amount));
    total = add(total, value);
    parts += 1;
    return ' ';
  });
  if (parts === 0 || rest.replace(/\b(dan|lebih|kerja)\b|[,;.+]/g, ' ').trim() !== '') return undefined;
  return total;
}
