// The identity part of an SOP AP kept in cells (issue 17's package reader: Word tables before the flowchart, a sheet's
// cells above it) as positioned text for the identity reader (read-identity.ts): cells side by side at their grid
// columns, their paragraphs one under another, rows stacked.
import type { TextRun } from '../pdf/page-graphics';
import { readIdentity } from '../read-identity';
import type { SopIdentityDraft } from '../../sop/identity.schema';
import type { MatrixCell } from './table-header';

const EMU_PER_PT = 12700;
const LINE = 12;

export function identityOfCells(tables: Array<{ cells: MatrixCell[]; colX: number[] }>): SopIdentityDraft {
  const runs: TextRun[] = [];
  let top = 0;
  for (const table of tables) {
    const first = Math.min(...table.cells.map((c) => c.row));
    const rows = Math.max(0, ...table.cells.map((c) => c.row + c.rowSpan)) - first;
    const heights = Array.from({ length: rows }, (_, r) => Math.max(1, ...table.cells.filter((c) => c.row - first === r && c.rowSpan === 1).map((c) => c.paragraphs.length)) * LINE + 4);
    const rowTop = (r: number) => top + heights.slice(0, r).reduce((a, b) => a + b, 0);
    for (const cell of table.cells) {
      const x = ((table.colX[cell.col] ?? 0) - (table.colX[0] ?? 0)) / EMU_PER_PT + 2;
      // A paragraph stays in its cell: a long one wraps there, its end kept further than two letters from the next cell's
      // text, so that it is not read as one line with it.
      const room = Math.max(4, ((table.colX[cell.col + cell.colSpan] ?? Infinity) - (table.colX[cell.col] ?? 0)) / EMU_PER_PT - 24);
      cell.paragraphs.forEach((text, i) => {
        const clean = text.replace(/[\u200B\u00AD]/g, '').trim();
        if (clean) runs.push({ text: clean, x, y: rowTop(cell.row - first) + (i + 1) * LINE, width: Math.min(clean.length * 5, room), size: 10 });
      });
    }
    top = rowTop(rows) + 2 * LINE;
  }
  return runs.length > 0 ? readIdentity(runs) : {};
}
