// The flowchart table of an SOP AP document as read from a file (issue 17; SOP-FORMAT.md §2): performer columns,
// numbered rows with their symbol, performer, mutu baku and keterangan, the arrows between rows, and every piece the
// reader guessed. Each format's reader (Word, Excel, PDF) produces one; table-to-map.ts turns it into a draft map.
import { z } from 'zod';
import { Answer, MutuBakuCells, RowKind } from '../sop/layout/procedure.schema';

export const TableRow = z.strictObject({
  /** What the document prints in No, when it does. */
  no: z.number().int().positive().optional(),
  /** The symbol: kotak (process), belah ketupat (decision), kapsul standing alone (terminator). */
  kind: RowKind,
  /**
   * Start or end. On a `process` row: the activity drawn as a kapsul, the first or last of the procedure (the SOP
   * prints the start and end events so). On a `terminator` row: which end of the procedure it is.
   */
  terminal: z.enum(['start', 'end']).optional(),
  /** Kegiatan: the activity, the decision's question, or the terminator's text ("Mulai"). */
  kegiatan: z.string().trim().min(1).max(2000),
  /** Index into the table's performer columns: where the row's symbol stands. */
  column: z.number().int().nonnegative(),
  mutuBaku: MutuBakuCells,
  keterangan: z.string().max(4000).optional(),
});
export type TableRow = z.infer<typeof TableRow>;

export const TableLink = z.strictObject({
  /** Row indexes (positions in `rows`, from 0). */
  from: z.number().int().nonnegative(),
  to: z.number().int().nonnegative(),
  /** The text written on the arrow ("Ya", "Tidak", "Lengkap"). */
  label: z.string().max(200).optional(),
  /** For a decision's exit: the answer the label gives. */
  answer: Answer.optional(),
});
export type TableLink = z.infer<typeof TableLink>;

/** What the reader could not read for certain: shown beside the map until the user confirms it (issue 17). */
export const TableGuess = z.strictObject({
  kind: z.enum(['arrow-end', 'arrow-label', 'symbol-column', 'decision-branch', 'symbol-kind', 'row-order']),
  /** The row it concerns. */
  row: z.number().int().nonnegative().optional(),
  /** The link it concerns (index into `links`). */
  link: z.number().int().nonnegative().optional(),
  /** In Bahasa Indonesia: what was guessed and why. */
  message: z.string().min(1),
  /** Where on the original it stands: page (from 1) and box in page units from the top left, when the reader knows. */
  where: z.strictObject({ page: z.number().int().positive(), x: z.number(), y: z.number(), width: z.number().nonnegative(), height: z.number().nonnegative() }).optional(),
});
export type TableGuess = z.infer<typeof TableGuess>;

export const SopTable = z
  .strictObject({
    /** Nama SOP, when the document gives it. */
    name: z.string().trim().min(1).max(300).optional(),
    /** The Pelaksana headers, left to right. */
    columns: z.array(z.string().trim().min(1).max(300)).min(1).max(40),
    rows: z.array(TableRow).max(2000),
    links: z.array(TableLink).max(8000),
    guesses: z.array(TableGuess),
  })
  .superRefine((table, ctx) => {
    table.rows.forEach((row, index) => {
      if (row.column >= table.columns.length) ctx.addIssue({ code: 'custom', path: ['rows', index, 'column'], message: `Kolom pelaksana ${row.column + 1} tidak ada.` });
    });
    table.links.forEach((link, index) => {
      for (const end of ['from', 'to'] as const) {
        if (link[end] >= table.rows.length) ctx.addIssue({ code: 'custom', path: ['links', index, end], message: `Baris ${link[end] + 1} tidak ada.` });
      }
    });
  });
export type SopTable = z.infer<typeof SopTable>;
