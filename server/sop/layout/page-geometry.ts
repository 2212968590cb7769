// Page geometry of the SOP's procedure table: paper sizes, the table's columns, its header (repeated on every page),
// the estimated height of wrapped text, the size of each symbol in its cell and the gutter tracks between columns.
import type { Orientation, Paper, Rect, TableColumn, TextCell } from './document.schema';
import type { PerformerColumn } from './procedure.schema';

/** Paper sizes in mm, portrait (SOP-FORMAT.md §2: A4, and F4/Folio 215 × 330). */
export const PAPER_MM: Record<Paper, { width: number; height: number }> = { A4: { width: 210, height: 297 }, F4: { width: 215, height: 330 } };

export function paperSize(paper: Paper, orientation: Orientation): { width: number; height: number } {
  const { width, height } = PAPER_MM[paper];
  return orientation === 'landscape' ? { width: height, height: width } : { width, height };
}

/** Text metrics the layout assumes for the template's body font (TYPOGRAPHY): mean character width and line height, in mm. */
export const CHAR_MM = 1.5;
export const LINE_MM = 3.4;
export const PADDING_MM = 1.5;

/** The font the heights of rows were estimated for; the template must use it for the estimate to hold. */
export const TYPOGRAPHY = { fontSizeMm: 2.6, lineHeightMm: LINE_MM, paddingMm: PADDING_MM } as const;

/** Lines a text takes in a cell of the given width, wrapping at words. */
export function lineCount(text: string, width: number): number {
  const perLine = Math.max(4, Math.floor((width - 2 * PADDING_MM) / CHAR_MM));
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let current = 0;
    lines += 1;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const length = Math.min(word.length, perLine);
      if (current === 0) current = length;
      else if (current + 1 + length <= perLine) current += 1 + length;
      else {
        lines += 1;
        current = length;
      }
      if (word.length > perLine) lines += Math.ceil(word.length / perLine) - 1;
    }
  }
  return lines;
}

export const textHeight = (text: string, width: number): number => lineCount(text, width) * LINE_MM + 2 * PADDING_MM;

/**
 * Mean width of a letter of Liberation Sans as a share of the font size, with a margin (bold is wider): the template
 * prints a word wider than its cell smaller, so the layout gives the cells it sizes itself the room their words need.
 */
export const EM_SHARE = { regular: 0.52, bold: 0.57 } as const;

/** Distance between the rules a Kegiatan cell draws at its left edge, one per sub-process its row lies in. */
export const FRAME_RULE_MM = 1;

/** Height of a Kegiatan cell: its heading, if any, above its text, right of the sub-processes' rules. */
export function kegiatanHeight(text: string, width: number, heading: string | undefined, depth: number): number {
  const room = width - depth * FRAME_RULE_MM;
  return textHeight(text, room) + (heading ? lineCount(heading, room) * LINE_MM : 0);
}

/** Widths of the columns other than the performers', in mm, on a 277 mm wide table (A4 landscape). */
const FIXED: ReadonlyArray<[TableColumn['key'], number]> = [
  ['no', 8],
  ['kegiatan', 46],
  ['kelengkapan', 30],
  ['waktu', 16],
  ['output', 28],
  ['keterangan', 30],
];
const MIN_PERFORMER_MM = 16;
const HEADER_LINE_MM = 6;

export interface TableLayout {
  x: number;
  y: number;
  width: number;
  headerHeight: number;
  columns: TableColumn[];
  header: TextCell[];
  performerWidth: number;
  performerX(index: number): number;
}

/**
 * The width of No that prints a number of `digits` digits at full size (issue 14 item 7: "10" printed smaller than
 * "9"): the digits and one more letter of margin, as the template measures, and the cell's padding.
 */
export const numberColumnWidth = (digits: number): number => (digits + 1) * TYPOGRAPHY.fontSizeMm * EM_SHARE.regular + 2 * PADDING_MM + 0.1;

/** `digits`: how many digits the largest row number has. */
export function tableLayout(performers: PerformerColumn[], x: number, y: number, width: number, digits = 2): TableLayout {
  const n = Math.max(1, performers.length);
  const fixedTotal = FIXED.reduce((sum, [, w]) => sum + w, 0);
  const scale = Math.min(1, Math.max(0.55, (width - n * MIN_PERFORMER_MM) / fixedTotal));
  const widthOf = (key: TableColumn['key']) => (key === 'no' ? Math.max(FIXED[0]![1] * scale, numberColumnWidth(digits)) : FIXED.find(([k]) => k === key)![1] * scale);
  const performerWidth = (width - FIXED.reduce((sum, [key]) => sum + widthOf(key), 0)) / n;
  const columns: TableColumn[] = [];
  let cursor = x;
  const push = (column: Omit<TableColumn, 'x'>) => {
    columns.push({ ...column, x: cursor });
    cursor += column.width;
  };
  push({ key: 'no', width: widthOf('no') });
  push({ key: 'kegiatan', width: widthOf('kegiatan') });
  for (let i = 0; i < n; i += 1) push({ key: 'pelaksana', performer: i, width: performerWidth });
  for (const key of ['kelengkapan', 'waktu', 'output', 'keterangan'] as const) push({ key, width: widthOf(key) });
  const performerLeft = columns.find((column) => column.key === 'pelaksana')!.x;

  // Header: "Pelaksana" over the performers, one line per level of grouping, then the names; "Mutu Baku" over its three.
  // A group's name (a pool's, a parent lane's) wraps inside its cell: its level is as tall as its longest name needs
  // (issue 14 item 7: a long pool name overflowed its one-line cell).
  const depth = Math.max(0, ...performers.map((performer) => performer.path.length));
  const groups: Array<{ level: number; start: number; end: number; name: string }> = [];
  for (let level = 0; level < depth; level += 1) {
    // Consecutive columns sharing the path up to this level share one group cell.
    let start = 0;
    while (start < performers.length) {
      const key = performers[start]!.path.slice(0, level + 1);
      let end = start + 1;
      while (end < performers.length && performers[end]!.path.slice(0, level + 1).join('\u0000') === key.join('\u0000')) end += 1;
      if (key.length === level + 1) groups.push({ level, start, end, name: key[level]! });
      start = end;
    }
  }
  const levelHeights = Array.from({ length: depth }, (_, level) =>
    Math.max(HEADER_LINE_MM, ...groups.filter((group) => group.level === level).map((group) => textHeight(group.name, (group.end - group.start) * performerWidth))),
  );
  const levelTop = (level: number) => y + HEADER_LINE_MM + levelHeights.slice(0, level).reduce((sum, h) => sum + h, 0);
  const groupsBottom = levelTop(depth);
  const nameHeight = Math.max(HEADER_LINE_MM, ...performers.map((performer) => textHeight(performer.name, performerWidth)));
  const headerHeight = groupsBottom - y + nameHeight;
  const cell = (rect: Rect, text: string): TextCell => ({ ...rect, text, align: 'center', bold: true });
  const header: TextCell[] = [];
  const column = (key: TableColumn['key']) => columns.find((c) => c.key === key)!;
  header.push(cell({ x: column('no').x, y, width: column('no').width, height: headerHeight }, 'No'));
  header.push(cell({ x: column('kegiatan').x, y, width: column('kegiatan').width, height: headerHeight }, 'Kegiatan'));
  header.push(cell({ x: performerLeft, y, width: performerWidth * n, height: HEADER_LINE_MM }, 'Pelaksana'));
  for (const group of groups) {
    header.push(cell({ x: performerLeft + group.start * performerWidth, y: levelTop(group.level), width: (group.end - group.start) * performerWidth, height: levelHeights[group.level]! }, group.name));
  }
  performers.forEach((performer, index) => {
    const top = levelTop(performer.path.length);
    header.push(cell({ x: performerLeft + index * performerWidth, y: top, width: performerWidth, height: y + headerHeight - top }, performer.name));
  });
  const mutuLeft = column('kelengkapan').x;
  header.push(cell({ x: mutuLeft, y, width: column('keterangan').x - mutuLeft, height: groupsBottom - y }, 'Mutu Baku'));
  for (const [key, label] of [['kelengkapan', 'Kelengkapan'], ['waktu', 'Waktu'], ['output', 'Output']] as const) {
    header.push(cell({ x: column(key).x, y: groupsBottom, width: column(key).width, height: nameHeight }, label));
  }
  header.push(cell({ x: column('keterangan').x, y, width: column('keterangan').width, height: headerHeight }, 'Keterangan'));

  return { x, y, width, headerHeight, columns, header, performerWidth, performerX: (index) => performerLeft + index * performerWidth };
}

/** Share of a performer cell's width a symbol may take: the rest is gutter. */
export const SYMBOL_SHARE = 0.7;

/**
 * The symbol's box, centred in its cell. A row's symbol leaves twice the grid clearance above and below it: an arrow
 * runs across just above or below a symbol, halfway to the row's line, and so keeps its clearance from that line (issue
 * 15 item 9: a decision in a row of the least height left 1.3 mm, and the arrow into its tip read as a second line).
 */
export function symbolRect(kind: 'terminator' | 'process' | 'decision' | 'off-page-connector', cellX: number, cellWidth: number, bandY: number, bandHeight: number): Rect {
  const [w, h] =
    kind === 'process'
      ? [Math.min(cellWidth * SYMBOL_SHARE, 30), Math.min(bandHeight * 0.55, 12)]
      : kind === 'terminator'
        ? [Math.min(cellWidth * SYMBOL_SHARE, 26), Math.min(bandHeight * 0.45, 9)]
        : kind === 'decision'
          ? [Math.min(cellWidth * 0.6, 18), Math.min(bandHeight * 0.65, 13)]
          : [Math.min(cellWidth * 0.45, 8), Math.min(bandHeight * 0.7, 8)];
  const room = kind === 'off-page-connector' ? h : Math.max(bandHeight * 0.3, Math.min(h, bandHeight - 4 * GRID_CLEARANCE_MM));
  // A decision keeps its proportions when it gives up height.
  const width = kind === 'decision' ? (w * room) / h : w;
  return { x: cellX + (cellWidth - width) / 2, y: bandY + (bandHeight - room) / 2, width, height: room };
}

const TRACK_MM = 1.5;
/**
 * How far an arrow keeps from a grid line it runs beside: far enough that it is seen as an arrow, not as a thicker grid
 * line (issue 12: no connector runs along a grid line).
 */
export const GRID_CLEARANCE_MM = 1.5;
/** The least clearance, in the narrow gutters of a table with many performer columns. */
export const GRID_CLEARANCE_MIN_MM = 1.2;

/** Tracks of the gutters at each boundary of the performer columns (n + 1 gutters), nearest the boundary first. */
export function gutterTracks(left: number, cellWidth: number, count: number): number[][] {
  // Free width on each side of a boundary, keeping 0.6 mm from the widest symbol.
  const free = (cellWidth * (1 - SYMBOL_SHARE)) / 2;
  const half = free - 0.6;
  // The first track keeps its clearance from the grid line; in a narrow gutter it runs down its middle, yet never
  // closer to the line than the least clearance (the router still keeps every route clear of the symbols).
  // A hair more, so that rounding never brings a track under the least clearance.
  const first = Math.min(GRID_CLEARANCE_MM, Math.max(free / 2, GRID_CLEARANCE_MIN_MM)) + 1e-9;
  const gutters: number[][] = [];
  for (let boundary = 0; boundary <= count; boundary += 1) {
    const x = left + boundary * cellWidth;
    const inner = boundary === 0 ? 1 : boundary === count ? -1 : 0;
    const tracks: number[] = [];
    for (let offset = first; offset <= Math.max(first, half); offset += TRACK_MM) {
      // Inner boundaries have a gutter on either side, the table's edges only on the inner side.
      if (inner === 0) tracks.push(x + offset, x - offset);
      else tracks.push(x + inner * offset);
    }
    gutters.push(tracks);
  }
  return gutters;
}
