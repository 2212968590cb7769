// The procedure part of an SOP AP read from a map (SOP-FORMAT.md §2, §4): performer columns and numbered rows in flow
// order, each with its symbol kind, performer, mutu baku, keterangan and its connections to other rows.
import { z } from 'zod';

/** A performer column: a lane (innermost), or a pool without lanes. */
export const PerformerColumn = z.strictObject({
  id: z.string(),
  /** The name printed in the column's header. */
  name: z.string(),
  poolId: z.string().optional(),
  laneId: z.string().optional(),
  /** Names of what the column belongs to, outermost first: the pool (when the map has several) and parent lanes. */
  path: z.array(z.string()),
});
export type PerformerColumn = z.infer<typeof PerformerColumn>;

/**
 * What a row is: an activity (`process`), a decision, or a terminator standing alone. A start or end event is drawn as
 * the terminator of the first or last activity row (its `terminal`); it stands alone, unnumbered, only where no
 * activity can carry it (a map that starts with a decision or a fan-out, a decision's answer that ends the process).
 */
export const RowKind = z.enum(['terminator', 'process', 'decision']);
export type RowKind = z.infer<typeof RowKind>;

/** How a decision's exit reads its label (answers.ts): yes, no, or neither. */
export const Answer = z.enum(['ya', 'tidak']);
export type Answer = z.infer<typeof Answer>;

export const Connection = z.strictObject({
  /** Index of the row it leads to. */
  to: z.number().int().nonnegative(),
  /** The flow's name; for a decision, the answer as printed: "Ya" and "Tidak" spelt so, others as written ("Sesuai"). */
  label: z.string().optional(),
  answer: Answer.optional(),
  /** True for a message flow between pools. */
  message: z.boolean(),
  /** Ids of the BPMN flows it stands for (several when it passes gateways or events that are not drawn). */
  flowIds: z.array(z.string()),
});
export type Connection = z.infer<typeof Connection>;

export const MutuBakuCells = z.strictObject({
  kelengkapan: z.string().optional(),
  waktu: z.string().optional(),
  output: z.string().optional(),
});
export type MutuBakuCells = z.infer<typeof MutuBakuCells>;

export const ProcedureRow = z.strictObject({
  /** Position in the procedure, from 0. */
  index: z.number().int().nonnegative(),
  /** What the SOP prints in No (from 1): activities and decisions are numbered, a terminator standing alone is not. */
  no: z.number().int().positive().optional(),
  kind: RowKind,
  /**
   * Start or end: the row's symbol is the terminator (kapsul). On a `process` row, the first or last activity, which
   * carries the start or end event; on a `terminator` row, the event standing alone.
   */
  terminal: z.enum(['start', 'end']).optional(),
  /** Id of the BPMN element the row stands for. */
  elementId: z.string(),
  /** Kegiatan: the activity's name, the decision's question, the event's name. */
  kegiatan: z.string(),
  /**
   * The names of the expanded sub-processes the row lies in, outermost first (issue 14 item 7: their frames are not
   * drawn, their names are printed). Unnamed sub-processes are left out.
   */
  frames: z.array(z.string()),
  /**
   * Printed above Kegiatan on the first row of a run of rows in the same sub-processes: "Subproses: Checkout" (nested:
   * "Subproses: Pemesanan › Pembayaran").
   */
  heading: z.string().optional(),
  /** Index into the performer columns. */
  column: z.number().int().nonnegative(),
  mutuBaku: MutuBakuCells,
  keterangan: z.string().optional(),
  connections: z.array(Connection),
});
export type ProcedureRow = z.infer<typeof ProcedureRow>;

export const Procedure = z.strictObject({
  /** The process's name (first pool or process), as a default title. */
  name: z.string().optional(),
  columns: z.array(PerformerColumn),
  rows: z.array(ProcedureRow),
  /** What the map holds that the SOP cannot show as it is, in Bahasa Indonesia. */
  warnings: z.array(z.string()),
});
export type Procedure = z.infer<typeof Procedure>;
