// The procedure of an SOP read from a parsed map (SOP-FORMAT.md §2, §4): performer columns, rows in flow order with
// their performer, mutu baku and keterangan, and the connections between rows. Pure: no Node or DOM APIs.
import type { ModdleElement } from 'bpmn-moddle';
import { isNo, isYes } from '../../lint/rules/answers';
import { mutuBakuOf } from '../../lint/map-model/mutu-baku';
import { flowOrder } from './flow-order';
import { readPerformerColumns } from './performer-columns';
import { Procedure, type Answer, type Connection, type MutuBakuCells, type ProcedureRow } from './procedure.schema';
import { readRowGraph, type RowEdge, type RowNode } from './row-graph';

const textOf = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.replace(/\s+/g, ' ').trim() : undefined);

const answerOf = (label: string | undefined): Answer | undefined => (isYes(label) ? 'ya' : isNo(label) ? 'tidak' : undefined);

/** Keterangan: sk:note, else the element's documentation (BPMN-CONVENTIONS.md). */
function keteranganOf(element: ModdleElement): string | undefined {
  const note = element.$instanceOf('bpmn:Activity') ? textOf(element.get('sk:note')) : undefined;
  if (note) return note;
  const documentation = ((element.get('documentation') as ModdleElement[] | undefined) ?? []).map((doc) => textOf(doc.get('text'))).filter(Boolean);
  return documentation.length > 0 ? documentation.join(' ') : undefined;
}

function kegiatanOf(row: RowNode): string {
  const name = textOf(row.element.name);
  if (name) return name;
  if (row.terminal === 'start') return 'Mulai';
  if (row.terminal === 'end') return 'Selesai';
  return row.kind === 'decision' ? 'Keputusan' : '(kegiatan tanpa nama)';
}

/** A decision's exits in the order their branches are written: "ya" first, "tidak" last. */
function ordered(row: RowNode, edges: RowEdge[]): RowEdge[] {
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
  if (labels.size > 2) warnings.push(`Keputusan "${row.kegiatan}" (No. ${row.no}) memiliki ${labels.size} jawaban; SOP AP hanya mengenal dua jawaban (ya/tidak).`);
  return warnings;
}

/** The procedure of a parsed map: performer columns, rows in flow order and their connections. */
export function readProcedure(definitions: ModdleElement): Procedure {
  const performers = readPerformerColumns(definitions);
  const graph = readRowGraph(definitions, performers.processes.map(({ process }) => process));
  const rowOf = new Map(graph.rows.map((row) => [row.element, row]));
  const edgesOf = (row: RowNode) => ordered(row, graph.edges.get(row.element) ?? []);
  const order = flowOrder(graph.rows, (row) => edgesOf(row).flatMap((edge) => rowOf.get(edge.target) ?? []), graph.starts.flatMap((start) => rowOf.get(start) ?? []));
  const indexOf = new Map(order.map((row, index) => [row, index]));
  const mutuBaku = mutuBakuOf(definitions);

  const rows: ProcedureRow[] = order.map((row, index) => {
    const quality = row.kind === 'process' ? mutuBaku.get(row.element.id ?? '') : undefined;
    const cells: MutuBakuCells = {
      ...(quality?.kelengkapan ? { kelengkapan: quality.kelengkapan.text } : {}),
      ...(quality?.waktu ? { waktu: quality.waktu.text } : {}),
      ...(quality?.output ? { output: quality.output.text } : {}),
    };
    const connections: Connection[] = edgesOf(row).map((edge) => {
      const answer = row.kind === 'decision' ? answerOf(edge.label) : undefined;
      return {
        to: indexOf.get(rowOf.get(edge.target)!)!,
        ...(edge.label ? { label: edge.label } : {}),
        ...(answer ? { answer } : {}),
        message: edge.message,
        flowIds: edge.flowIds,
      };
    });
    const keterangan = keteranganOf(row.element);
    return {
      index,
      no: index + 1,
      kind: row.kind,
      ...(row.terminal ? { terminal: row.terminal } : {}),
      elementId: row.element.id ?? `row-${index}`,
      kegiatan: kegiatanOf(row),
      column: performers.columnOf(row.element),
      mutuBaku: cells,
      ...(keterangan ? { keterangan } : {}),
      connections,
    };
  });

  const first = performers.processes[0];
  const name = textOf(first?.process.name) ?? textOf(first?.pool?.name);
  const warnings = [...performers.warnings, ...rows.filter((row) => row.kind === 'decision').flatMap(decisionWarnings)];
  if (graph.starts.length === 0 && rows.length > 0) warnings.push('Peta tidak memiliki peristiwa mulai; urutan baris mengikuti urutan elemen di peta.');
  return Procedure.parse({ ...(name ? { name } : {}), columns: performers.columns, rows, warnings });
}
