// Where an arrow's label stands (issue 12: message labels stay inside their column, never cross a column border or get
// struck through by a line). A label is wrapped at words into a box inside one performer cell: beside the arrow's
// segments, first to last, in the cells they pass through, else in a cell of the source's row; the first box through
// which no arrow, symbol or other label passes wins, in the largest type that fits. Pure.
import type { ArrowLabel, Band, Point, Rect } from './document.schema';
import type { TableLayout } from './page-geometry';

/** Type sizes a label may take, largest first (mm), and the mean letter width of Liberation Sans italic as a share of it. */
export const LABEL_SIZES_MM = [2.2, 1.9, 1.6, 1.4, 1.2] as const;
export const LABEL_EM = 0.55;
const LINE_SHARE = 1.15;
/** Distance from the grid lines and from the line the label belongs to. */
const MARGIN_MM = 0.6;
const GAP_MM = 0.5;

export interface LabelObstacles {
  segments: Array<[Point, Point]>;
  symbols: Rect[];
}

/** Words wrapped into lines of at most `perLine` letters; a longer word is cut. */
export function wrapLabel(text: string, perLine: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    let rest = word;
    while (rest.length > perLine) {
      if (current) lines.push(current);
      current = '';
      lines.push(rest.slice(0, perLine));
      rest = rest.slice(perLine);
    }
    if (!current) current = rest;
    else if (current.length + 1 + rest.length <= perLine) current += ` ${rest}`;
    else {
      lines.push(current);
      current = rest;
    }
  }
  if (current) lines.push(current);
  return lines;
}

const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

function struck(box: Rect, obstacles: LabelObstacles, placed: Rect[]): boolean {
  for (const [a, b] of obstacles.segments) {
    const line = { x: Math.min(a.x, b.x) - 0.15, y: Math.min(a.y, b.y) - 0.15, width: Math.abs(a.x - b.x) + 0.3, height: Math.abs(a.y - b.y) + 0.3 };
    if (overlaps(box, line)) return true;
  }
  return obstacles.symbols.some((symbol) => overlaps(box, symbol)) || placed.some((other) => overlaps(box, other));
}

interface Region extends Rect {
  /** Which edge the box hugs: the bottom (above a line), the top (below a line or a symbol). */
  hug: 'bottom' | 'top';
  /** How near the arrow: 0 beside its segments, 1 in the source's row, 2 in a row it crosses, 3 anywhere. */
  tier?: number;
}

/** The box of a text in a region, wrapped at the given size, or undefined when it does not fit. */
function fit(text: string, region: Region, size: number): { box: Rect; lines: string[] } | undefined {
  const letter = size * LABEL_EM;
  const perLine = Math.floor(region.width / letter);
  if (perLine < 2 || region.height <= 0) return undefined;
  // Words are not cut: a word longer than a line needs a wider region.
  if (text.split(/\s+/).some((word) => word.length > perLine)) return undefined;
  const lines = wrapLabel(text, perLine);
  const height = lines.length * size * LINE_SHARE + 0.3;
  if (height > region.height) return undefined;
  const width = Math.min(region.width, Math.max(...lines.map((line) => line.length)) * letter + 0.4);
  return { box: { x: region.x, y: region.hug === 'bottom' ? region.y + region.height - height : region.y, width, height }, lines };
}

/**
 * The label of an arrow: `points` is the arrow's route, `source` the symbol it leaves, `bands` the page's rows.
 * `placed` holds the boxes of the labels already placed on the page; the new box is added to it.
 */
export function placeLabel(text: string, points: Point[], source: Rect, bands: Band[], table: TableLayout, performers: number, obstacles: LabelObstacles, placed: Rect[]): ArrowLabel {
  const cells = Array.from({ length: performers }, (_, i) => ({ x: table.performerX(i) + MARGIN_MM, width: table.performerWidth - 2 * MARGIN_MM }));
  const inner = (band: Band) => ({ top: band.y + MARGIN_MM, bottom: band.y + band.height - MARGIN_MM });
  const regions: Region[] = [];
  let tier = 0;
  const add = (region: Region) => {
    if (region.width > 0 && region.height > 0) regions.push({ ...region, tier });
  };
  // Beside each segment of the route, first to last, in every cell it passes through: along a horizontal segment above
  // the line, then below (next to the line, then the whole cell's width); along a vertical one right of it, then left.
  points.slice(1).forEach((b, index) => {
    const a = points[index]!;
    if (Math.abs(a.y - b.y) < 0.01) {
      const band = bands.find((candidate) => a.y > candidate.y && a.y < candidate.y + candidate.height);
      if (!band) return;
      const { top, bottom } = inner(band);
      const [low, high] = [Math.min(a.x, b.x), Math.max(a.x, b.x)];
      const crossed = cells.filter((cell) => cell.x < high && cell.x + cell.width > low).sort((p, q) => Math.abs(p.x - a.x) - Math.abs(q.x - a.x));
      for (const cell of crossed) {
        const x = Math.max(cell.x, low + GAP_MM);
        const right = Math.min(cell.x + cell.width, high - GAP_MM);
        for (const [left, width] of [[x, right - x], [cell.x, cell.width]] as const) {
          add({ x: left, y: top, width, height: a.y - GAP_MM - top, hug: 'bottom' });
          add({ x: left, y: a.y + GAP_MM, width, height: bottom - a.y - GAP_MM, hug: 'top' });
        }
      }
    } else {
      const cell = cells.find((candidate) => a.x >= candidate.x - MARGIN_MM - 0.01 && a.x <= candidate.x + candidate.width + MARGIN_MM + 0.01);
      if (!cell) return;
      const [low, high] = [Math.min(a.y, b.y), Math.max(a.y, b.y)];
      const down = b.y > a.y;
      for (const band of bands.filter((candidate) => candidate.y < high && candidate.y + candidate.height > low)) {
        const { top, bottom } = inner(band);
        const y = Math.max(top, low);
        const height = Math.min(bottom, high) - y;
        add({ x: a.x + GAP_MM, y, width: cell.x + cell.width - a.x - GAP_MM, height, hug: down ? 'top' : 'bottom' });
        add({ x: cell.x, y, width: a.x - GAP_MM - cell.x, height, hug: down ? 'top' : 'bottom' });
      }
    }
  });
  // Then any cell of the source's row: above and below its symbol, the whole of the others; then the whole of every
  // cell of the rows the route passes through.
  const own = bands.find((band) => source.y >= band.y - 0.01 && source.y < band.y + band.height);
  const [routeTop, routeBottom] = [Math.min(...points.map((p) => p.y)), Math.max(...points.map((p) => p.y))];
  const crossedRows = [...(own ? [own] : []), ...bands.filter((band) => band !== own && band.y < routeBottom && band.y + band.height > routeTop)];
  const sourceX = source.x + source.width / 2;
  const nearest = [...cells].sort((p, q) => Math.abs(p.x + p.width / 2 - sourceX) - Math.abs(q.x + q.width / 2 - sourceX));
  for (const band of crossedRows) {
    tier = band === own ? 1 : 2;
    const { top, bottom } = inner(band);
    for (const cell of nearest) {
      if (band === own) {
        add({ x: cell.x, y: top, width: cell.width, height: source.y - GAP_MM - top, hug: 'bottom' });
        add({ x: cell.x, y: source.y + source.height + GAP_MM, width: cell.width, height: bottom - source.y - source.height - GAP_MM, hug: 'top' });
      }
      add({ x: cell.x, y: top, width: cell.width, height: bottom - top, hug: 'top' });
      add({ x: cell.x, y: top, width: cell.width, height: bottom - top, hug: 'bottom' });
    }
  }
  // Last, in a crowded page, any cell of the page, nearest the source first.
  tier = 3;
  const distance = (band: Band) => Math.abs(band.y + band.height / 2 - (source.y + source.height / 2));
  for (const band of [...bands].filter((b) => !crossedRows.includes(b)).sort((p, q) => distance(p) - distance(q))) {
    const { top, bottom } = inner(band);
    for (const cell of cells) add({ x: cell.x, y: top, width: cell.width, height: bottom - top, hug: 'top' });
  }

  // Beside the arrow in the larger types first, then in its source's row; then smaller type near it; far away last.
  const passes: Array<{ tiers: number[]; sizes: readonly number[] }> = [
    { tiers: [0], sizes: LABEL_SIZES_MM.slice(0, 3) },
    { tiers: [1], sizes: LABEL_SIZES_MM.slice(0, 3) },
    { tiers: [0, 1, 2], sizes: LABEL_SIZES_MM },
    { tiers: [3], sizes: LABEL_SIZES_MM },
  ];
  for (const { tiers, sizes } of passes) {
    for (const size of sizes) {
      for (const region of regions.filter((r) => tiers.includes(r.tier ?? 3))) {
        const fitted = fit(text, region, size);
        if (!fitted) continue;
        // At the region's start, else its end, else its middle: the first place no line strikes.
        const slack = region.width - fitted.box.width;
        for (const shift of [0, slack, slack / 2]) {
          const box = { ...fitted.box, x: fitted.box.x + shift };
          if (!struck(box, obstacles, placed)) return accept(text, { ...fitted, box }, size, placed);
        }
      }
    }
  }
  // Nothing free: the first region it fits at the least size, else the largest region, cut to fit — still in its column.
  const size = LABEL_SIZES_MM.at(-1)!;
  for (const region of regions) {
    const fitted = fit(text, region, size);
    if (fitted && !placed.some((other) => overlaps(other, fitted.box))) return accept(text, fitted, size, placed);
  }
  const region = [...regions].sort((p, q) => q.width * q.height - p.width * p.height)[0] ?? { x: source.x, y: source.y, width: source.width, height: source.height, hug: 'top' as const };
  const perLine = Math.max(1, Math.floor(region.width / (size * LABEL_EM)));
  const rows = Math.max(1, Math.floor((region.height - 0.3) / (size * LINE_SHARE)));
  const lines = wrapLabel(text, perLine).slice(0, rows);
  const last = lines.length - 1;
  lines[last] = `${lines[last]!.slice(0, Math.max(0, perLine - 1))}…`;
  const height = Math.min(region.height, lines.length * size * LINE_SHARE + 0.3);
  return accept(text, { box: { x: region.x, y: region.hug === 'bottom' ? region.y + region.height - height : region.y, width: region.width, height }, lines }, size, placed);
}

function accept(text: string, fitted: { box: Rect; lines: string[] }, size: number, placed: Rect[]): ArrowLabel {
  placed.push(fitted.box);
  const { box, lines } = fitted;
  return { text, x: box.x + 0.2, y: box.y + size * 0.95, anchor: 'start', box, lines, fontSizeMm: size, lineHeightMm: size * LINE_SHARE };
}
