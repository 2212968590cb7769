// The procedure of an SOP read from a parsed map (SOP-FORMAT.md §2, §4): performer columns, rows in flow order with
// their performer, mutu baku and keterangan, and the connections between rows. Start and end events are the
// terminators of the first and last activity rows (terminators.ts). Pure: no Node or DOM APIs.
import type { ModdleElement } from 'bpmn-moddle';
import { describeElement } from '../../bpmn/element-label';
import { annotationTexts } from '../../lint/map-model/annotations';
import { flowContent } from '../../lint/map-model/flow-content';
import { mutuBakuOf, readMutuBaku, type MutuBaku } from '../../lint/map-model/mutu-baku';
import { isNo, isYes, normaliseAnswer } from '../../lint/rules/answers';
import { flowOrder } from './flow-order';
import { readPerformerColumns } from './performer-columns';
import { Procedure, type Answer, type Connection, type MutuBakuCells, type ProcedureRow } from './procedure.schema';
import { isFrame, readRowGraph, type RowEdge } from './row-graph';
import { foldTerminators, type FoldedRow } from './terminators';

const textOf = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.replace(/\s+/g, ' ').trim() : undefined);

const answerOf = (label: string | undefined): Answer | undefined => (isYes(label) ? 'ya' : isNo(label) ? 'tidak' : undefined);

/** The two answers of SOP AP as the document spells them, everywhere. */
export const ANSWER_TEXT: Record<Answer, string> = { ya: 'Ya', tidak: 'Tidak' };

/** Labels that say yes or no and nothing more, in Indonesian or in English (a map imported from another modeller). */
const BARE_ANSWERS = new Map<string, Answer>([
  ['ya', 'ya'],
  ['yes', 'ya'],
  ['tidak', 'tidak'],
  ['no', 'tidak'],
]);

/**
 * An answer as printed, on every page alike: "Ya" and "Tidak" spelt so however the map writes them ("ya", "YA",
 * "Tidak.", "Yes", "No"), and a decision's unlabelled answer by its meaning; any other label ("Sesuai", "Tidak
 * lengkap", "Approved") as written, with a capital.
 */
export function answerText(label: string | undefined, answer: Answer | undefined): string | undefined {
  const normal = normaliseAnswer(label);
  const bare = BARE_ANSWERS.get(normal);
  if (bare) return ANSWER_TEXT[bare];
  if (answer && normal === '') return ANSWER_TEXT[answer];
  if (label === undefined) return undefined;
  return label.charAt(0).toLocaleUpperCase('id') + label.slice(1);
}

/** sk:note (an attribute of activities, read on gateways and flows as written), else the element's documentation. */
function noteOf(element: ModdleElement): string | undefined {
  const note = textOf(element.get('sk:note'));
  if (note) return note;
  const documentation = ((element.get('documentation') as ModdleElement[] | undefined) ?? []).map((doc) => textOf(doc.get('text'))).filter(Boolean);
  return documentation.length > 0 ? documentation.join(' ') : undefined;
}

/** The names of the expanded sub-processes around an element, outermost first (unnamed ones left out). */
function framesOf(element: ModdleElement): string[] {
  const names: string[] = [];
  for (let parent = element.$parent; parent && isFrame(parent); parent = parent.$parent) {
    const name = textOf(parent.name);
    if (name) names.unshift(name);
  }
  return names;
}

/** The heading of a run of rows in the same sub-processes. */
export const frameHeading = (frames: string[]): string => `Subproses: ${frames.join(' › ')}`;

function kegiatanOf(row: FoldedRow): string {
  const name = textOf(row.element.name);
  if (name) return name;
  if (row.terminal === 'start') return 'Mulai';
  if (row.terminal === 'end') return 'Selesai';
  return row.kind === 'decision' ? 'Keputusan' : '(kegiatan tanpa nama)';
}

/** A decision's exits in the order their branches are written: "Ya" first, "Tidak" last. */
function ordered(row: FoldedRow, edges: RowEdge[]): RowEdge[] {
  if (row.kind !== 'decision') return edges;
  const rank = (edge: RowEdge) => (answerOf(edge.label) === 'ya' ? 0 : answerOf(edge.label) === 'tidak' ? 2 : 1);
  return [...edges].sort((a, b) => rank(a) - rank(b));
}

function decisionWarnings(row: ProcedureRow): string[] {
  const labels = new Set(row.connections.map((connection) => connection.label ?? ''));
  const warnings: string[] = [];
  if (row.connections.some((connection) => !connection.label)) {
    warnings.push(`Keputusan "${row.kegiatan}" (No. ${row.no}) memiliki jalur keluar tanpa jawaban; beri nama alurnya, misalnya "Ya" dan "Tidak".`);
  }
  if (labels.size > 2) warnings.push(`Keputusan "${row.kegiatan}" (No. ${row.no}) memiliki ${labels.size} jawaban; SOP AP hanya mengenal dua jawaban (Ya/Tidak).`);
  return warnings;
}

/** The mutu baku of every decision (exclusive or event-based gateway): sk: attributes as written, else an annotation. */
function decisionMutuBaku(definitions: ModdleElement): Map<string, MutuBaku> {
  const { elements } = flowContent(definitions);
  const annotations = annotationTexts(elements);
  const result = new Map<string, MutuBaku>();
  for (const element of elements) if (element.$instanceOf('bpmn:Gateway') && element.id) result.set(element.id, readMutuBaku(element, annotations.get(element.id)));
  return result;
}

/** The procedure of a parsed map: performer columns, rows in flow order and their connections. */
export function readProcedure(definitions: ModdleElement): Procedure {
  const performers = readPerformerColumns(definitions);
  const raw = readRowGraph(definitions, performers.processes.map(({ process }) => process));
  const graph = foldTerminators(raw.rows, raw.edges, raw.starts);
  const rowOf = new Map(graph.rows.map((row) => [row.element, row]));
  const edgesOf = (row: FoldedRow) => ordered(row, graph.edges.get(row.element) ?? []);
  // An end row still leads, for the order, to the end event it shares with rows that cannot carry it: that event's
  // row comes after every branch ending there.
  const next = (row: FoldedRow) => [...edgesOf(row).flatMap((edge) => rowOf.get(edge.target) ?? []), ...(row.terminal === 'end' ? row.events.flatMap((event) => rowOf.get(event) ?? []) : [])];
  const order = flowOrder(graph.rows, next, graph.starts.flatMap((start) => rowOf.get(start) ?? []));
  const indexOf = new Map(order.map((row, index) => [row, index]));
  const mutuBaku = mutuBakuOf(definitions);
  const decisions = decisionMutuBaku(definitions);
  const flows = new Map(flowContent(definitions).elements.map((element) => [element.id, element]));
  // Activities and decisions are numbered; a terminator standing alone is not.
  const numbers = new Map<FoldedRow, number>();
  for (const row of order) if (row.kind !== 'terminator') numbers.set(row, numbers.size + 1);

  // The sub-processes of the last row that is not a terminator standing alone: a row in others starts a run.
  let previousFrames: string | undefined;
  const rows: ProcedureRow[] = order.map((row, index) => {
    const quality = row.kind === 'process' ? mutuBaku.get(row.element.id ?? '') : row.kind === 'decision' ? decisions.get(row.element.id ?? '') : undefined;
    const cells: MutuBakuCells = {
      ...(quality?.kelengkapan ? { kelengkapan: quality.kelengkapan.text } : {}),
      ...(quality?.waktu ? { waktu: quality.waktu.text } : {}),
      ...(quality?.output ? { output: quality.output.text } : {}),
    };
    const edges = edgesOf(row);
    const connections: Connection[] = edges.map((edge) => {
      const answer = row.kind === 'decision' ? answerOf(edge.label) : undefined;
      // A bare yes or no reads "Ya"/"Tidak" wherever it stands, also on an exit that is not a decision's.
      const label = row.kind === 'decision' ? answerText(edge.label, answer) : BARE_ANSWERS.has(normaliseAnswer(edge.label)) ? answerText(edge.label, undefined) : edge.label;
      return {
        to: indexOf.get(rowOf.get(edge.target)!)!,
        ...(label ? { label } : {}),
        ...(answer ? { answer } : {}),
        message: edge.message,
        flowIds: edge.flowIds,
      };
    });
    const keterangan = sentences([noteOf(row.element), ...(row.kind === 'decision' ? [noBranchNote(numbers.get(row), edges, connections, order, numbers, flows)] : [])]);
    const no = numbers.get(row);
    // A terminator standing alone is drawn with the rows around it and takes no heading of its own.
    const frames = row.kind === 'terminator' ? [] : framesOf(row.element);
    const key = frames.join('\u0000');
    const heading = frames.length > 0 && key !== previousFrames ? frameHeading(frames) : undefined;
    if (row.kind !== 'terminator') previousFrames = key;
    return {
      index,
      ...(no === undefined ? {} : { no }),
      kind: row.kind,
      ...(row.terminal ? { terminal: row.terminal } : {}),
      elementId: row.element.id ?? `row-${index}`,
      kegiatan: kegiatanOf(row),
      frames,
      ...(heading ? { heading } : {}),
      column: performers.columnOf(row.element),
      mutuBaku: cells,
      ...(keterangan ? { keterangan } : {}),
      connections,
    };
  });

  const first = performers.processes[0];
  // The process's own name is the map's; a pool's name is its unit's, never the SOP's (issue 12).
  const name = textOf(definitions.get('name')) ?? textOf(first?.process.name);
  const warnings = [...performers.warnings, ...rows.filter((row) => row.kind === 'decision').flatMap(decisionWarnings)];
  if (raw.starts.length === 0 && rows.length > 0) warnings.push('Peta tidak memiliki peristiwa mulai; urutan baris mengikuti urutan elemen di peta.');
  // A flow that stops at an element the SOP does not draw: say so, rather than let the row seem to end the process.
  const rowByElement = new Map(order.map((row, index) => [row.element, rows[index]!]));
  for (const { from, at } of raw.deadEnds) {
    const row = rowByElement.get(from);
    if (!row) continue;
    warnings.push(`Alur dari No. ${row.no ?? '-'} "${row.kegiatan}" berhenti di ${describeElement(at)}, yang tidak digambar di SOP dan tidak berlanjut ke mana pun; hubungkan ke kegiatan berikutnya atau ke peristiwa akhir.`);
  }
  return Procedure.parse({ ...(name ? { name } : {}), columns: performers.columns, rows, warnings });
}

/** Texts joined as sentences: each but the last ends with a full stop. */
function sentences(parts: Array<string | undefined>): string {
  const present = parts.filter((part): part is string => part !== undefined && part !== '');
  return present.map((part, i) => (i < present.length - 1 && !/[.!?:;]$/.test(part) ? `${part}.` : part)).join(' ');
}

/**
 * What Keterangan says of a decision's "Tidak" branch (SOP-FORMAT.md §2: "Bila surat salah alamat akan
 * dikembalikan"): the note or documentation of the "Tidak" flow as written, else where the branch goes.
 */
function noBranchNote(decision: number | undefined, edges: RowEdge[], connections: Connection[], order: FoldedRow[], numbers: Map<FoldedRow, number>, flows: Map<string | undefined, ModdleElement>): string | undefined {
  const index = connections.findIndex((connection) => connection.answer === 'tidak');
  if (index < 0) return undefined;
  // The decision's own exit (the first flow of the connection), not a flow further down the branch.
  const exit = flows.get(edges[index]!.flowIds[0]);
  const written = exit ? noteOf(exit) : undefined;
  if (written) return written;
  const label = connections[index]!.label ?? ANSWER_TEXT.tidak;
  const prefix = label === ANSWER_TEXT.tidak ? 'Bila tidak' : `Bila "${label}"`;
  const no = numbers.get(order[connections[index]!.to]!);
  if (no === undefined) return `${prefix}, proses selesai.`;
  return `${prefix}, ${decision !== undefined && no <= decision ? 'kembali ke' : 'lanjut ke'} No. ${no}.`;
}
