// The difference between two revisions of a map (issue 6, item 3): what changed in the model (elements added,
// removed, changed, moved), in the SOP identity in force at each revision, and in the SOP's procedure rows.
import { z } from 'zod';

const RevisionNumber = (which: string) =>
  z.preprocess(
    (value) => (value === '' ? undefined : value),
    z.coerce
      .number({ error: `Nomor revisi "${which}" harus berupa angka.` })
      .int({ error: `Nomor revisi "${which}" harus bilangan bulat.` })
      .min(1, { error: `Nomor revisi "${which}" paling kecil 1.` })
      .optional(),
  );

/** `?dari=a&ke=b`; without `ke` the map's current revision, without `dari` the one before `ke`. */
export const DiffQuery = z.object({ dari: RevisionNumber('dari'), ke: RevisionNumber('ke') });
export type DiffQuery = z.infer<typeof DiffQuery>;

/** A value as shown to the reader: text, or a list of texts (identity lists); absent when not set. */
export const DiffValue = z.union([z.string(), z.array(z.string())]);
export type DiffValue = z.infer<typeof DiffValue>;

/** One property of an element that differs between the two revisions, with its values in each. */
export const AttributeChange = z.strictObject({
  /** The moddle property ("name", "sk:time", "documentation", "$type"). */
  property: z.string(),
  label: z.string(),
  oldValue: z.string().optional(),
  newValue: z.string().optional(),
});
export type AttributeChange = z.infer<typeof AttributeChange>;

/** Where a flow starts and ends (element ids and their names). */
export const FlowEnds = z.strictObject({
  sourceId: z.string().optional(),
  sourceName: z.string().optional(),
  targetId: z.string().optional(),
  targetName: z.string().optional(),
  /** The ends as a reader names them: their name, or their kind and place when unnamed (never a bare id). */
  sourceLabel: z.string().optional(),
  targetLabel: z.string().optional(),
});
export type FlowEnds = z.infer<typeof FlowEnds>;

/** The lane a flow node stands in (innermost), by id and name. */
export const LanePlace = z.strictObject({ laneId: z.string().optional(), laneName: z.string().optional() });
export type LanePlace = z.infer<typeof LanePlace>;

/**
 * added / removed: the element exists in one revision only. changed: a property, its flow's ends or its nested
 * content (documentation) differ. moved: only its place differs: another lane, or its shape's position or size.
 */
export const ElementChangeKind = z.enum(['added', 'removed', 'changed', 'moved']);
export type ElementChangeKind = z.infer<typeof ElementChangeKind>;

export const ElementChange = z.strictObject({
  elementId: z.string(),
  /** The BPMN type, e.g. "bpmn:Task" (the newer revision's when both have it). */
  type: z.string(),
  /** The element's name (the newer one when both have it). */
  name: z.string().optional(),
  /**
   * How the reader tells the element apart without its id: a flow by its ends (“Menyusun …” → “Memeriksa …”), an
   * unnamed element by its kind and place ("Gerbang tanpa nama ke-1 di jalur "Kasir""). Absent for named non-flows.
   */
  label: z.string().optional(),
  change: ElementChangeKind,
  attributes: z.array(AttributeChange),
  /** Set when a sequence or message flow was reconnected. */
  reconnected: z.strictObject({ from: FlowEnds, to: FlowEnds }).optional(),
  /** Set when a flow node now stands in another lane. */
  lane: z.strictObject({ from: LanePlace, to: LanePlace }).optional(),
  /** True when its shape was moved or resized in the diagram. */
  layoutChanged: z.boolean(),
});
export type ElementChange = z.infer<typeof ElementChange>;

export const IdentityFieldChange = z.strictObject({
  /** "nomor", "disahkanOleh.nip", "dasarHukum", … */
  path: z.string(),
  label: z.string(),
  change: z.enum(['added', 'removed', 'changed']),
  oldValue: DiffValue.optional(),
  newValue: DiffValue.optional(),
});
export type IdentityFieldChange = z.infer<typeof IdentityFieldChange>;

export const IdentityDiff = z.strictObject({
  /** The SOP record version in force at each revision; null when none was saved yet. */
  dariVersion: z.number().int().nullable(),
  keVersion: z.number().int().nullable(),
  changes: z.array(IdentityFieldChange),
});
export type IdentityDiff = z.infer<typeof IdentityDiff>;

/** Columns of an SOP row that a change can touch. */
export const RowColumn = z.enum(['no', 'kegiatan', 'pelaksana', 'kelengkapan', 'waktu', 'output', 'keterangan']);
export type RowColumn = z.infer<typeof RowColumn>;

export const RowFieldChange = z.strictObject({
  column: RowColumn,
  label: z.string(),
  oldValue: z.string().optional(),
  newValue: z.string().optional(),
});
export type RowFieldChange = z.infer<typeof RowFieldChange>;

export const SopRowChange = z.strictObject({
  /** The BPMN element the row stands for: rows are matched by it. */
  elementId: z.string(),
  change: z.enum(['added', 'removed', 'changed']),
  /** The row's kegiatan (the newer one when both have it). */
  kegiatan: z.string(),
  oldNo: z.number().int().optional(),
  newNo: z.number().int().optional(),
  fields: z.array(RowFieldChange),
});
export type SopRowChange = z.infer<typeof SopRowChange>;

/**
 * Rows whose only change is their number (a step inserted or removed before them), told as one entry: old numbers
 * `fromNo`–`toNo` are now `newFromNo`–`newToNo`. One run per block of consecutive rows moved by the same amount.
 */
export const SopRenumbering = z.strictObject({
  fromNo: z.number().int(),
  toNo: z.number().int(),
  newFromNo: z.number().int(),
  newToNo: z.number().int(),
  count: z.number().int().min(1),
  elementIds: z.array(z.string()),
});
export type SopRenumbering = z.infer<typeof SopRenumbering>;

export const RevisionDiff = z.strictObject({
  mapId: z.string(),
  dari: z.number().int(),
  ke: z.number().int(),
  elements: z.array(ElementChange),
  identity: IdentityDiff,
  sopRows: z.array(SopRowChange),
  /** Renumbered rows, one entry per run (not in sopRows). */
  sopRenumbered: z.array(SopRenumbering),
});
export type RevisionDiff = z.infer<typeof RevisionDiff>;
