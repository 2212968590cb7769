// The painted paths of a page sorted into what an SOP flowchart table is made of: table cells (rectangles that share
// their edges with others), the five symbols of SOP AP (kotak, kapsul, belah ketupat, segilima; SOP-FORMAT.md §2),
// arrowheads, and lines (dashed lines a PDF writer drew as rows of small filled dashes joined back into one line).
import { cellsFromSegments, type Segment } from './grid-lines';
import type { PaintedPath, Point } from './page-graphics';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export type SymbolShape = 'process' | 'terminator' | 'decision' | 'connector';

export interface ShapeOnPage {
  shape: SymbolShape;
  box: Box;
}

export interface Line {
  points: Point[];
  dashed: boolean;
}

/** An arrowhead's tip, and its length (tip to the middle of its base): how far from the tip its line may stop. */
export interface ArrowTip extends Point {
  length: number;
}

export interface PageShapes {
  cells: Box[];
  symbols: ShapeOnPage[];
  /** The tips of the arrowheads. */
  arrowTips: ArrowTip[];
  lines: Line[];
}

const EPS = 0.6;

export const boxOf = (points: Point[]): Box => {
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
};

export const centre = (box: Box): Point => ({ x: box.x + box.width / 2, y: box.y + box.height / 2 });

export const inside = (p: Point, box: Box, margin = 0): boolean =>
  p.x >= box.x - margin && p.x <= box.x + box.width + margin && p.y >= box.y - margin && p.y <= box.y + box.height + margin;

/** The distinct corners of a closed sub-path (the closing point dropped when it repeats the first). */
function corners(points: Point[]): Point[] {
  const distinct = points.filter((p, i) => i === 0 || Math.hypot(p.x - points[i - 1]!.x, p.y - points[i - 1]!.y) > EPS);
  const last = distinct.at(-1);
  if (distinct.length > 1 && last && Math.hypot(last.x - distinct[0]!.x, last.y - distinct[0]!.y) <= EPS) distinct.pop();
  // A point on a straight side is no corner (LibreOffice starts a rectangle's outline in the middle of a side).
  const turning = distinct.filter((p, i) => {
    const a = distinct[(i - 1 + distinct.length) % distinct.length]!;
    const b = distinct[(i + 1) % distinct.length]!;
    return Math.abs((p.x - a.x) * (b.y - p.y) - (p.y - a.y) * (b.x - p.x)) > EPS * Math.hypot(b.x - a.x, b.y - a.y);
  });
  return distinct.length >= 3 && turning.length >= 3 ? turning : distinct;
}

const isAxisAligned = (points: Point[]) =>
  points.every((p, i) => {
    const q = points[(i + 1) % points.length]!;
    return Math.abs(p.x - q.x) <= EPS || Math.abs(p.y - q.y) <= EPS;
  });

const sameBox = (a: Box, b: Box) => Math.abs(a.x - b.x) <= EPS && Math.abs(a.y - b.y) <= EPS && Math.abs(a.width - b.width) <= EPS && Math.abs(a.height - b.height) <= EPS;

/**
 * A filled path of many small closed pieces in a row: a dashed line drawn as its dashes (Chromium's PDF writer does
 * so). Straight dashes give their two ends; a dash bent round a corner gives its centre.
 */
function dashesAsLine(path: PaintedPath): Line | undefined {
  if (!path.filled || path.stroked || path.parts.length < 3) return undefined;
  // A sliver (a dash cut short where the line ends) carries no direction: left out.
  const pieces = path.parts.filter((part) => {
    const box = boxOf(part);
    return Math.max(box.width, box.height) >= 1;
  });
  if (pieces.length < 3) return undefined;
  const dashes = pieces.map((part) => corners(part));
  const boxes = dashes.map(boxOf);
  // Every piece small; a straight one (four corners) thin as a line.
  const isDash = (dash: Point[], box: Box) => dash.length >= 3 && dash.length <= 10 && Math.max(box.width, box.height) < 8 && (dash.length > 4 || Math.min(box.width, box.height) < 2.5);
  if (!dashes.every((dash, i) => isDash(dash, boxes[i]!))) return undefined;
  const distance = (p: Point, q: Point) => Math.hypot(p.x - q.x, p.y - q.y);
  const points: Point[] = [];
  boxes.forEach((box, index) => {
    const c = centre(box);
    if (dashes[index]!.length !== 4) {
      points.push(c);
      return;
    }
    const horizontal = box.width >= box.height;
    const [a, b] = (horizontal ? [{ x: box.x, y: c.y }, { x: box.x + box.width, y: c.y }] : [{ x: c.x, y: box.y }, { x: c.x, y: box.y + box.height }]) as [Point, Point];
    // Order the two ends of the dash along the line: towards the next dash (or away from the previous one).
    const next = boxes[index + 1] ? centre(boxes[index + 1]!) : undefined;
    const previous = boxes[index - 1] ? centre(boxes[index - 1]!) : undefined;
    const forward = next ? distance(b, next) <= distance(a, next) : previous ? distance(a, previous) <= distance(b, previous) : true;
    points.push(...(forward ? [a, b] : [b, a]));
  });
  return { points: simplify(points), dashed: true };
}

/** Drops points on a straight run between their neighbours. */
function simplify(points: Point[]): Point[] {
  const out: Point[] = [];
  for (const p of points) {
    while (out.length >= 2) {
      const a = out.at(-2)!;
      const b = out.at(-1)!;
      const cross = (b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x);
      if (Math.abs(cross) > 1.5 * Math.hypot(p.x - a.x, p.y - a.y)) break;
      out.pop();
    }
    out.push(p);
  }
  return out;
}

function symbolShape(path: PaintedPath, points: Point[]): SymbolShape | undefined {
  if (path.curved) return 'terminator';
  if (points.length === 5) return 'connector';
  if (points.length === 4) return isAxisAligned(points) ? 'process' : 'decision';
  return undefined;
}

/** Sorts a page's paths into cells, symbols, arrowheads and lines. */
export function pageShapes(paths: PaintedPath[]): PageShapes {
  const rects: Box[] = [];
  const symbols: ShapeOnPage[] = [];
  const arrowTips: ArrowTip[] = [];
  const lines: Line[] = [];
  /** Straight pieces that may be table borders drawn line by line (grid-lines.ts sorts them out). */
  const segments: Segment[] = [];
  for (const path of paths) {
    const dashed = dashesAsLine(path);
    if (dashed) {
      lines.push(dashed);
      continue;
    }
    for (const [index, part] of path.parts.entries()) {
      const closed = path.closed[index] ?? false;
      const points = corners(part);
      if (!closed && path.stroked) {
        if (points.length >= 2) lines.push({ points: simplify(points), dashed: path.dashed });
        if (!path.dashed) points.slice(1).forEach((point, i) => segments.push({ from: points[i]!, to: point }));
        continue;
      }
      if (points.length === 3 && path.filled) {
        // The tip is the corner opposite the shortest side.
        const sides = points.map((p, i) => Math.hypot(p.x - points[(i + 1) % 3]!.x, p.y - points[(i + 1) % 3]!.y));
        const shortest = sides.indexOf(Math.min(...sides));
        const tip = points[(shortest + 2) % 3]!;
        const [b1, b2] = [points[shortest]!, points[(shortest + 1) % 3]!];
        arrowTips.push({ ...tip, length: Math.hypot(tip.x - (b1.x + b2.x) / 2, tip.y - (b1.y + b2.y) / 2) });
        continue;
      }
      // A thin filled bar is a border drawn as a fill (as Word writes table borders to PDF).
      if (!path.stroked && points.length === 4 && isAxisAligned(points)) {
        const bar = boxOf(points);
        if (Math.min(bar.width, bar.height) < 1.5 && Math.max(bar.width, bar.height) > 6) {
          const c = centre(bar);
          segments.push(bar.width > bar.height ? { from: { x: bar.x, y: c.y }, to: { x: bar.x + bar.width, y: c.y } } : { from: { x: c.x, y: bar.y }, to: { x: c.x, y: bar.y + bar.height } });
          continue;
        }
      }
      // Only stroked outlines are cells or symbols; a fill alone is a background (a header's grey, a label's white).
      if (!path.stroked) continue;
      if (!path.curved && points.length === 4 && isAxisAligned(points)) rects.push(boxOf(points));
      else {
        const shape = symbolShape(path, points);
        const box = boxOf(points);
        if (shape && !symbols.some((s) => s.shape === shape && sameBox(s.box, box))) symbols.push({ shape, box });
      }
    }
  }
  // A rectangle that shares an edge with another one is a table cell; one standing alone is a kotak (process).
  const touches = (a: Box, b: Box) => {
    const overlapX = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x) > -EPS;
    const overlapY = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y) > -EPS;
    const sharedVertical = [a.x, a.x + a.width].some((x) => [b.x, b.x + b.width].some((bx) => Math.abs(x - bx) <= EPS)) && overlapY;
    const sharedHorizontal = [a.y, a.y + a.height].some((y) => [b.y, b.y + b.height].some((by) => Math.abs(y - by) <= EPS)) && overlapX;
    return sharedVertical || sharedHorizontal;
  };
  const unique = rects.filter((box, i) => rects.findIndex((other) => sameBox(other, box)) === i);
  const cells: Box[] = [];
  for (const box of unique) {
    if (unique.some((other) => other !== box && touches(box, other))) cells.push(box);
    else symbols.push({ shape: 'process', box });
  }
  // Cells drawn as border lines, beside those drawn as rectangles.
  for (const cell of cellsFromSegments(segments)) if (!cells.some((other) => sameBox(other, cell))) cells.push(cell);
  return { cells, symbols, arrowTips, lines };
}
