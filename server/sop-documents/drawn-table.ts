// What every reader of a drawn SOP table (the PDF's, the package's) does once its symbols stand in rows and its arrows
// join them: the row each symbol makes, a decision's answers in the order the SOP writes them, and the guesses a
// reader owes the user about arrows and decisions. One place, so both readers give the same table for the same drawing.
import { isNo, isYes } from '../lint/rules/answers';
import type { ColumnRole } from './pdf/table-grid';
import type { TableGuess, TableLink, TableRow } from './sop-table.schema';

/** A cell's text on one line; an empty cell or a lone dash (the SOP's "nothing") is no text. */
export const cleanCell = (text: string | undefined): string | undefined => {
  const t = text?.replace(/\s+/g, ' ').trim();
  return t && !/^[-–—]$/.test(t) ? t : undefined;
};

export interface DrawnRow {
  /** The symbol drawn in the row: 'decision', 'terminator', or another (an activity). */
  shape: string;
  /** The row's cells by the role of their column. */
  cells: Partial<Record<ColumnRole, string>>;
  /** The performer column the symbol stands in. */
  column: number;
  /** The text written in the symbol itself, read when the Kegiatan cell is empty. */
  symbolText?: string;
}

/** The table row of the `at`-th drawn symbol; a kapsul is the start or the end by the arrows at it. */
export function tableRowOf(row: DrawnRow, at: number, links: readonly TableLink[]): TableRow {
  const no = Number.parseInt(row.cells.no ?? '', 10);
  const numbered = Number.isInteger(no) && no > 0;
  const incoming = links.some((link) => link.to === at);
  const outgoing = links.some((link) => link.from === at);
  const terminal = row.shape === 'terminator' ? (!incoming ? 'start' : !outgoing ? 'end' : at === 0 ? 'start' : 'end') : undefined;
  const kind = row.shape === 'decision' ? 'decision' : row.shape === 'terminator' && !numbered ? 'terminator' : 'process';
  const text = (role: ColumnRole) => cleanCell(row.cells[role]);
  return {
    ...(numbered ? { no } : {}),
    kind,
    ...(terminal ? { terminal } : {}),
    kegiatan: text('kegiatan') ?? cleanCell(row.symbolText) ?? (terminal === 'end' ? 'Selesai' : terminal === 'start' ? 'Mulai' : `Kegiatan ${at + 1}`),
    column: row.column,
    mutuBaku: {
      ...(text('kelengkapan') ? { kelengkapan: text('kelengkapan') } : {}),
      ...(text('waktu') ? { waktu: text('waktu') } : {}),
      ...(text('output') ? { output: text('output') } : {}),
    },
    ...(text('keterangan') ? { keterangan: text('keterangan') } : {}),
  };
}

/** A decision's arrows with their answers from their labels, sorted by source, "Ya" first and "Tidak" last, as the SOP writes them. */
export function withAnswers<L extends TableLink>(links: readonly L[], rows: readonly TableRow[]): L[] {
  const answered = links.map((link) => {
    if (rows[link.from]!.kind !== 'decision') return link;
    const answer = isYes(link.label) ? 'ya' : isNo(link.label) ? 'tidak' : undefined;
    return { ...link, ...(answer ? { answer } : {}) } as L;
  });
  const rank = (link: TableLink) => (link.answer === 'ya' ? 0 : link.answer === 'tidak' ? 2 : 1);
  return answered.sort((a, b) => a.from - b.from || rank(a) - rank(b) || a.to - b.to);
}

/** The message of an arrow whose end was inferred: `guessed` says how. */
export const arrowEndMessage = (rows: readonly TableRow[], link: TableLink, guessed: string): string =>
  `Panah dari No. ${rows[link.from]!.no ?? '-'} ke No. ${rows[link.to]!.no ?? '-'} ${guessed}.`;

/** Decisions with fewer than two arrows out drawn: their "Tidak" (or "Ya") target is missing. */
export function decisionBranchGuesses(rows: readonly TableRow[], links: readonly TableLink[], where?: (row: number) => TableGuess['where']): TableGuess[] {
  return rows.flatMap((row, index) =>
    row.kind === 'decision' && links.filter((link) => link.from === index).length < 2
      ? [{ kind: 'decision-branch' as const, row: index, message: `Keputusan No. ${row.no ?? '-'} "${row.kegiatan}" hanya memiliki satu jalur keluar yang tergambar.`, ...(where ? { where: where(index) } : {}) }]
      : [],
  );
}

/** Scores compared in order: the first that differs decides (lower is better). */
export const compareScores = (a: readonly number[], b: readonly number[]): number => {
  for (let i = 0; i < Math.max(a.length, b.length); i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) - (b[i] ?? 0);
  return 0;
};

/**
 * Each label (a text block by its index) to an arrow: the best-scored pairs first (`candidates` is sorted so), one label
 * per arrow while another arrow can take it — a decision's "Ya" and "Tidak" stand close — then a label left over to its
 * best arrow.
 */
export function placeLabels<A>(candidates: Array<{ block: number; arrow: A; score: readonly number[] }>): Map<number, A> {
  candidates.sort((a, b) => compareScores(a.score, b.score));
  const placed = new Map<number, A>();
  const labelled = new Set<A>();
  for (const { block, arrow } of candidates) {
    if (placed.has(block) || labelled.has(arrow)) continue;
    placed.set(block, arrow);
    labelled.add(arrow);
  }
  for (const { block, arrow } of candidates) if (!placed.has(block)) placed.set(block, arrow);
  return placed;
}
