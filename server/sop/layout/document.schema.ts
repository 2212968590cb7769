// The SOP document model: the procedure laid out on pages, ready for an HTML/SVG template to draw without further
// logic. Every coordinate is in millimetres from the top-left corner of the page.
import { z } from 'zod';
import { StoredSopIdentityDraft } from '../identity.schema';
import { Procedure } from './procedure.schema';

export const Paper = z.enum(['A4', 'F4']);
export type Paper = z.infer<typeof Paper>;
export const Orientation = z.enum(['landscape', 'portrait']);
export type Orientation = z.infer<typeof Orientation>;

/** Settings the guideline leaves open (SOP-FORMAT.md §2): paper, orientation, rows per page. */
export const LayoutSettings = z.strictObject({
  paper: Paper.default('A4'),
  orientation: Orientation.default('landscape'),
  maxRowsPerPage: z.number().int().min(1).max(100).default(12),
  marginMm: z.number().min(0).max(40).default(10),
  /** The least height of a row; rows grow with their text. */
  minRowHeightMm: z.number().min(8).max(80).default(15),
});
export type LayoutSettings = z.infer<typeof LayoutSettings>;
export type LayoutSettingsInput = z.input<typeof LayoutSettings>;

export const Point = z.strictObject({ x: z.number(), y: z.number() });
export type Point = z.infer<typeof Point>;

export const Rect = z.strictObject({ x: z.number(), y: z.number(), width: z.number().nonnegative(), height: z.number().nonnegative() });
export type Rect = z.infer<typeof Rect>;

/** The table's columns, left to right. */
export const ColumnKey = z.enum(['no', 'kegiatan', 'pelaksana', 'kelengkapan', 'waktu', 'output', 'keterangan']);
export type ColumnKey = z.infer<typeof ColumnKey>;

export const TableColumn = z.strictObject({
  key: ColumnKey,
  /** For a pelaksana column, its index in `performers`. */
  performer: z.number().int().nonnegative().optional(),
  x: z.number(),
  width: z.number().positive(),
});
export type TableColumn = z.infer<typeof TableColumn>;

/** A cell with text: a header cell, or a text cell of a row. */
export const TextCell = Rect.extend({
  text: z.string(),
  align: z.enum(['left', 'center']),
  bold: z.boolean(),
  /** Printed above the text, set apart: the sub-processes a run of rows lies in (Kegiatan only). */
  heading: z.string().optional(),
  /**
   * How many named sub-processes the row lies in (Kegiatan only): as many rules run down the cell's left edge, joined
   * across the rows of a sub-process, and the text stands right of them.
   */
  depth: z.number().int().positive().optional(),
});
export type TextCell = z.infer<typeof TextCell>;

/**
 * A horizontal band of the table body. On a page every band is a row of the procedure (`kind: 'row'`); the off-page
 * connectors stand inside the first and last rows, which are taller by their height. `connector` is the layout's own
 * band for one connector while it routes the arrows (never a row of the table).
 */
export const Band = z.strictObject({
  kind: z.enum(['row', 'connector']),
  y: z.number(),
  height: z.number().positive(),
  /** For a row band, the row's index in `procedure.rows`. */
  row: z.number().int().nonnegative().optional(),
});
export type Band = z.infer<typeof Band>;

/** The symbols of SOP AP; the fifth, the arrow, is an `Arrow`. */
export const SymbolKind = z.enum(['terminator', 'process', 'decision', 'off-page-connector']);
export type SymbolKind = z.infer<typeof SymbolKind>;

export const FlowSymbol = Rect.extend({
  id: z.string(),
  kind: SymbolKind,
  /** The row it draws (not for connectors). */
  row: z.number().int().nonnegative().optional(),
  /** Index into `performers` of the column it sits in. */
  performer: z.number().int().nonnegative(),
  /** Text inside the symbol: the letter of an off-page connector; empty otherwise (the row's text is in Kegiatan). */
  text: z.string(),
  /** For off-page connectors: where the flow leaves a page ("out") or resumes ("in"), and the twin's page. */
  connector: z.strictObject({ label: z.string(), direction: z.enum(['out', 'in']), twinPage: z.number().int().positive() }).optional(),
});
export type FlowSymbol = z.infer<typeof FlowSymbol>;

/**
 * An arrow's label: its text wrapped into `lines` inside `box`, which lies in one performer cell of the arrow's source
 * row, clear of every line and symbol; `x`/`y` is the first line's baseline.
 */
export const ArrowLabel = z.strictObject({
  text: z.string(),
  x: z.number(),
  y: z.number(),
  anchor: z.enum(['start', 'middle', 'end']),
  box: Rect,
  lines: z.array(z.string()).min(1),
  fontSizeMm: z.number().positive(),
  lineHeightMm: z.number().positive(),
});
export type ArrowLabel = z.infer<typeof ArrowLabel>;

/** An arrow as an orthogonal polyline; the head is at the last point. */
export const Arrow = z.strictObject({
  id: z.string(),
  from: z.string(),
  to: z.string(),
  /** The connection it draws: index of the source row and of the connection in it. */
  source: z.strictObject({ row: z.number().int().nonnegative(), connection: z.number().int().nonnegative() }),
  points: z.array(Point).min(2),
  label: ArrowLabel.optional(),
  message: z.boolean(),
});
export type Arrow = z.infer<typeof Arrow>;

export const Page = z.strictObject({
  number: z.number().int().positive(),
  /** The table header, repeated on every page. */
  header: z.array(TextCell),
  bands: z.array(Band),
  /** Text cells of the rows (No, Kegiatan, mutu baku, Keterangan). */
  cells: z.array(TextCell),
  symbols: z.array(FlowSymbol),
  arrows: z.array(Arrow),
  /** The rows on this page, in order (indices into `procedure.rows`). */
  rows: z.array(z.number().int().nonnegative()),
  /** Bottom of the table on this page. */
  tableBottom: z.number(),
});
export type Page = z.infer<typeof Page>;

/** A pair of off-page connectors: the flow of a connection leaves one page and resumes on another. */
export const ConnectorPair = z.strictObject({
  label: z.string(),
  fromRow: z.number().int().nonnegative(),
  toRow: z.number().int().nonnegative(),
  fromPage: z.number().int().positive(),
  toPage: z.number().int().positive(),
});
export type ConnectorPair = z.infer<typeof ConnectorPair>;

export const SopDocument = z.strictObject({
  title: z.string(),
  identity: StoredSopIdentityDraft.optional(),
  settings: LayoutSettings,
  paper: z.strictObject({ width: z.number().positive(), height: z.number().positive() }),
  /** The font size and line height the row heights were estimated for (mm): the template draws text with them. */
  typography: z.strictObject({ fontSizeMm: z.number().positive(), lineHeightMm: z.number().positive(), paddingMm: z.number().nonnegative() }),
  /** The table's frame on every page: left, top of the header, width. */
  table: z.strictObject({ x: z.number(), y: z.number(), width: z.number().positive(), headerHeight: z.number().positive(), columns: z.array(TableColumn) }),
  procedure: Procedure,
  pages: z.array(Page).min(1),
  connectors: z.array(ConnectorPair),
  warnings: z.array(z.string()),
});
export type SopDocument = z.infer<typeof SopDocument>;
