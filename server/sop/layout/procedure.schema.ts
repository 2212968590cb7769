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

/** The four symbols a row can carry (the fifth symbol of SOP AP, the arrow, joins rows). */
export const RowKind = z.enum(['terminator', 'process', 'decision']);
export type RowKind = z.infer<typeof RowKind>;

/** How a decision's exit reads its label (answers.ts): yes, no, or neither. */
export const Answer = z.enum(['ya', 'tidak']);
export type Answer = z.infer<typeof Answer>;

export const Connection = z.strictObject({
  /** Index of the row it leads to. */
  to: z.number().int().nonnegative(),
  /** The flow's name; for a decision, the answer as written ("Ya", "Tidak", "Sesuai"). */
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
  /** Position in the procedure, from 0; `no` is what the SOP prints (from 1). */
  index: z.number().int().nonnegative(),
  no: z.number().int().positive(),
  kind: RowKind,
  /** Start or end, for terminators. */
  terminal: z.enum(['start', 'end']).optional(),
  /** Id of the BPMN element the row stands for. */
  elementId: z.string(),
  /** Kegiatan: the activity's name, the decision's question, the event's name. */
  kegiatan: z.string(),
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
