// The flowchart table of one page (SOP-FORMAT.md §2) from its cells and texts: the header's columns (No, Kegiatan, the
// Pelaksana columns, Mutu Baku's Kelengkapan / Waktu / Output, Keterangan) and the body rows, each a band of cells.
import type { TextRun } from './page-graphics';
import { centre, inside, type Box } from './shapes';

export type ColumnRole = 'no' | 'kegiatan' | 'pelaksana' | 'kelengkapan' | 'waktu' | 'output' | 'keterangan';

export interface GridColumn {
  role: ColumnRole;
  x: number;
  width: number;
  /** The header text of a Pelaksana column (its innermost header cell). */
  name: string;
}

export interface GridRow {
  y: number;
  height: number;
}

export interface PageGrid {
  columns: GridColumn[];
  rows: GridRow[];
  /** The header's top and bottom edges. */
  headerTop: number;
  bodyTop: number;
}

const normal = (text: string) => text.toLocaleLowerCase('id').replace(/\s+/g, ' ').trim();

export const HEADER_ROLES: Array<[RegExp, Exclude<ColumnRole, 'pelaksana'>]> = [
  [/^no\.?$|^nomor$/, 'no'],
  [/^(uraian )?kegiatan$|^aktivitas$/, 'kegiatan'],
  [/^(persyaratan ?\/ ?)?kelengkapan$|^persyaratan$/, 'kelengkapan'],
  [/^waktu$/, 'waktu'],
  [/^output$|^keluaran$/, 'output'],
  [/^keterangan$|^ket\.?$/, 'keterangan'],
];

/**
 * Runs joined into lines (same baseline), lines joined into one text: a word broken at the end of a line is joined
 * again — after a slash, or at a hyphen (dropped before a small letter, "permo-" "honan"; kept before a capital,
 * "Sub-" "Process"); a line that starts with closing punctuation (a word processor moves ")" alone) joins without a space.
 */
export function joinLines(runs: TextRun[]): string {
  const sorted = [...runs].sort((a, b) => (Math.abs(a.y - b.y) > a.size * 0.4 ? a.y - b.y : a.x - b.x));
  const lines: string[] = [];
  let previous: TextRun | undefined;
  for (const run of sorted) {
    if (previous && Math.abs(run.y - previous.y) <= previous.size * 0.4) {
      const gap = run.x - (previous.x + previous.width);
      lines[lines.length - 1] += gap > previous.size * 0.15 ? ` ${run.text}` : run.text;
    } else lines.push(run.text);
    previous = run;
  }
  let text = '';
  // Zero-width spaces and soft hyphens are break opportunities, not text.
  for (const line of lines.map((l) => l.replace(/[\u200B\u00AD]/g, '').replace(/\s+/g, ' ').trim()).filter(Boolean)) {
    if (text === '') text = line;
    else if (/\p{L}-$/u.test(text)) text = (/^\p{Ll}/u.test(line) ? text.slice(0, -1) : text) + line;
    else if (/\S\/$/.test(text) || /^[)\],.;:!?]/.test(line)) text += line;
    else text += ` ${line}`;
  }
  return text;
}

export const runsIn = (texts: TextRun[], box: Box): TextRun[] => texts.filter((t) => inside({ x: t.x + Math.min(t.width, 1) / 2, y: t.y - t.size * 0.3 }, box, 0.5));

/** The text inside a box, in reading order. */
export const textIn = (texts: TextRun[], box: Box): string => joinLines(runsIn(texts, box));

/**
 * Kegiatan without the heading an SOP prints above the first row of a sub-process ("Subproses: Verifikasi
 * Permohonan", in bold italic): the leading runs in another font than the rest, when they start so.
 */
export function kegiatanIn(texts: TextRun[], box: Box): string {
  const runs = runsIn(texts, box).sort((a, b) => (Math.abs(a.y - b.y) > a.size * 0.4 ? a.y - b.y : a.x - b.x));
  const lead = runs.findIndex((run) => run.font !== runs[0]?.font);
  if (lead > 0 && /^subproses\s*:/i.test(joinLines(runs.slice(0, lead)))) return joinLines(runs.slice(lead));
  return joinLines(runs);
}

/**
 * The table grid of a page, or undefined when the page holds no flowchart table (the identity page). The header is
 * found by its texts; the Pelaksana columns are the innermost header cells under "Pelaksana".
 */
export function readGrid(cells: Box[], texts: TextRun[]): PageGrid | undefined {
  const labelled = cells.map((box) => ({ box, text: normal(textIn(texts, box)) }));
  const pelaksana = labelled.find((cell) => cell.text === 'pelaksana');
  if (!pelaksana) return undefined;
  const headerTop = pelaksana.box.y;
  const roleCells = labelled.flatMap((cell) => {
    const role = HEADER_ROLES.find(([pattern]) => pattern.test(cell.text))?.[1];
    return role && cell.box.y >= headerTop - 1 && cell.box.y < pelaksana.box.y + pelaksana.box.height * 6 ? [{ ...cell, role }] : [];
  });
  const no = roleCells.find((cell) => cell.role === 'no');
  if (!no) return undefined;
  const bodyTop = Math.max(no.box.y + no.box.height, ...roleCells.map((cell) => cell.box.y + cell.box.height));
  // Innermost header cells under Pelaksana: inside its span, in the header, with no header cell below them.
  const span = (box: Box) => box.x >= pelaksana.box.x - 0.5 && box.x + box.width <= pelaksana.box.x + pelaksana.box.width + 0.5;
  const headerCells = labelled.filter((cell) => cell.box.y >= headerTop - 0.5 && cell.box.y + cell.box.height <= bodyTop + 0.5);
  const performerCells = headerCells
    .filter((cell) => cell !== pelaksana && span(cell.box) && Math.abs(cell.box.y + cell.box.height - bodyTop) <= 0.6)
    .sort((a, b) => a.box.x - b.box.x);
  const columns: GridColumn[] = [
    ...roleCells.map((cell) => ({ role: cell.role, x: cell.box.x, width: cell.box.width, name: '' })),
    ...(performerCells.length > 0 ? performerCells : [pelaksana]).map((cell) => ({ role: 'pelaksana' as const, x: cell.box.x, width: cell.box.width, name: textIn(texts, cell.box) })),
  ].sort((a, b) => a.x - b.x);
  // Body rows: the cells of the No column below the header.
  const rows = cells
    .filter((box) => box.y >= bodyTop - 0.5 && Math.abs(box.x - no.box.x) <= 0.6 && Math.abs(box.width - no.box.width) <= 0.6)
    .sort((a, b) => a.y - b.y)
    .map((box) => ({ y: box.y, height: box.height }));
  return { columns, rows, headerTop, bodyTop };
}

export const rowAt = (grid: PageGrid, y: number): number => grid.rows.findIndex((row) => y >= row.y - 0.5 && y <= row.y + row.height + 0.5);

export function pelaksanaAt(grid: PageGrid, x: number): number {
  const performers = grid.columns.filter((column) => column.role === 'pelaksana');
  return performers.findIndex((column) => x >= column.x - 0.5 && x <= column.x + column.width + 0.5);
}

export const symbolCell = (grid: PageGrid, box: Box) => {
  const c = centre(box);
  return { row: rowAt(grid, c.y), column: pelaksanaAt(grid, c.x) };
};
