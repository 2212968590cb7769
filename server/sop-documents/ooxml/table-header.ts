// The flowchart table in a grid of cells (issue 17's package reader: a Word table, a sheet's cells): the header found
// by its texts (No, Kegiatan, Pelaksana with the performers' cells under it, Mutu Baku's Kelengkapan / Waktu / Output,
// Keterangan; merged cells as gridSpan / vMerge / mergeCells), then the body rows and their cells' texts by role.
import { HEADER_ROLES, type ColumnRole } from '../pdf/table-grid';

export interface MatrixCell {
  row: number;
  /** First grid column, and how many it spans. */
  col: number;
  colSpan: number;
  rowSpan: number;
  /** Its paragraphs' texts. */
  paragraphs: string[];
}

export interface HeaderColumn {
  role: ColumnRole;
  /** A Pelaksana column's header text. */
  name: string;
  /** Grid columns [from, to). */
  from: number;
  to: number;
}

export interface TableLayout {
  /** The header's first grid row: what stands above it is not the table's. */
  headerRow: number;
  columns: HeaderColumn[];
  /** Grid rows of the body, in order, each with its cells' texts by role. */
  body: Array<{ row: number; cells: Partial<Record<ColumnRole, string>> }>;
}

const normal = (text: string) => text.toLocaleLowerCase('id').replace(/\s+/g, ' ').trim();
export const cellText = (cell: MatrixCell) => cell.paragraphs.map((p) => p.replace(/[\u200B\u00AD]/g, '').trim()).filter(Boolean).join(' ').replace(/\s+/g, ' ');

/** The table's header and body, or undefined when the cells hold no flowchart table (no "Pelaksana" beside "No"). */
export function tableLayout(cells: MatrixCell[]): TableLayout | undefined {
  const pelaksana = cells.find((cell) => normal(cellText(cell)) === 'pelaksana');
  if (!pelaksana) return undefined;
  const near = (cell: MatrixCell) => cell.row >= pelaksana.row - 1 && cell.row <= pelaksana.row + 3;
  const roles = cells.flatMap((cell) => {
    const role = HEADER_ROLES.find(([pattern]) => pattern.test(normal(cellText(cell))))?.[1];
    return role && near(cell) ? [{ cell, role }] : [];
  });
  if (!roles.some((r) => r.role === 'no')) return undefined;
  // The header ends below the lowest of its cells: Pelaksana's performers, Mutu Baku's parts, the tall cells.
  const inside = (cell: MatrixCell) => cell.col >= pelaksana.col && cell.col + cell.colSpan <= pelaksana.col + pelaksana.colSpan && cell.row > pelaksana.row && cell.row <= pelaksana.row + 2;
  const under = cells.filter((cell) => inside(cell) && cellText(cell)).sort((a, b) => a.col - b.col);
  const bottom = Math.max(pelaksana.row + pelaksana.rowSpan, ...roles.map((r) => r.cell.row + r.cell.rowSpan), ...under.map((c) => c.row + c.rowSpan));
  // Innermost performer cells: those with no header cell below them inside Pelaksana.
  const performers = under.filter((cell) => cell.row + cell.rowSpan === bottom || !under.some((other) => other.row > cell.row && other.col >= cell.col && other.col < cell.col + cell.colSpan));
  const columns: HeaderColumn[] = [
    ...roles.map(({ cell, role }) => ({ role, name: '', from: cell.col, to: cell.col + cell.colSpan })),
    ...(performers.length > 0 ? performers : [pelaksana]).map((cell) => ({ role: 'pelaksana' as const, name: cellText(cell), from: cell.col, to: cell.col + cell.colSpan })),
  ].sort((a, b) => a.from - b.from);
  const rows = [...new Set(cells.filter((cell) => cell.row >= bottom).map((cell) => cell.row))].sort((a, b) => a - b);
  const body = rows.flatMap((row) => {
    const byRole: Partial<Record<ColumnRole, string>> = {};
    for (const column of columns) {
      if (column.role === 'pelaksana') continue;
      const cell = cells.find((c) => c.row === row && c.col >= column.from && c.col < column.to);
      if (!cell) continue;
      // Kegiatan without the "Subproses: …" heading printed above the first row of a sub-process.
      const paragraphs = column.role === 'kegiatan' && cell.paragraphs.length > 1 && /^subproses\s*:/i.test(cell.paragraphs[0]!.trim()) ? cell.paragraphs.slice(1) : cell.paragraphs;
      const text = cellText({ ...cell, paragraphs });
      if (text) byRole[column.role] = text;
    }
    // A header repeated further down (a table continued on the next page) is not a row.
    if (normal(byRole.no ?? '') === 'no' || normal(byRole.kegiatan ?? '') === 'kegiatan') return [];
    return [{ row, cells: byRole }];
  });
  return { headerRow: Math.min(pelaksana.row, ...roles.map((r) => r.cell.row)), columns, body };
}
