// Table cells drawn as separate border lines (Word, Excel and LibreOffice draw a table's borders so, as strokes or as
// thin filled bars): the horizontal and vertical segments that cross two borders or more are the grid; the
// cells are the grid's rectangles, merged where a border between two of them is missing (a merged header cell).
import type { Point } from './page-graphics';
import type { Box } from './shapes';

export interface Segment {
  from: Point;
  to: Point;
}

interface Rule {
  /** y of a horizontal rule, x of a vertical one. */
  at: number;
  start: number;
  end: number;
}

const EPS = 1.2;

/**
 * Collinear pieces joined: rules at one coordinate (within 0.6) whose intervals overlap or touch. The pieces of one
 * coordinate are taken in order of their start: a short piece a hair left of a border (an elbow connector's step
 * drawn at 288.25 beside a border at 288.3) must not cut the border's start off.
 */
function merge(rules: Rule[]): Rule[] {
  const byAt = [...rules].sort((a, b) => a.at - b.at);
  const groups: Rule[][] = [];
  for (const rule of byAt) {
    const group = groups.at(-1);
    if (group && rule.at - group[0]!.at <= 0.6) group.push(rule);
    else groups.push([rule]);
  }
  const out: Rule[] = [];
  for (const group of groups) {
    let last: Rule | undefined;
    for (const rule of group.sort((a, b) => a.start - b.start)) {
      if (last && rule.start <= last.end + EPS) last.end = Math.max(last.end, rule.end);
      else out.push((last = { ...rule }));
    }
  }
  return out;
}

/** The distinct values, those closer than `EPS` counted once. */
function distinct(values: number[]): number[] {
  const out: number[] = [];
  for (const value of [...values].sort((a, b) => a - b)) if (out.length === 0 || value - out.at(-1)! > EPS) out.push(value);
  return out;
}

/** Whether rules at `at` cover [start, end] (nearly all of it). */
const covered = (rules: Rule[], at: number, start: number, end: number) =>
  rules.some((rule) => Math.abs(rule.at - at) <= EPS && rule.start <= start + EPS && rule.end >= end - EPS);

/** The cells of the tables drawn by `segments` (axis-aligned pieces of lines; others are ignored). */
export function cellsFromSegments(segments: Segment[]): Box[] {
  let horizontal = merge(
    segments.filter((s) => Math.abs(s.from.y - s.to.y) <= 0.3 && Math.abs(s.from.x - s.to.x) > 2).map((s) => ({ at: (s.from.y + s.to.y) / 2, start: Math.min(s.from.x, s.to.x), end: Math.max(s.from.x, s.to.x) })),
  );
  let vertical = merge(
    segments.filter((s) => Math.abs(s.from.x - s.to.x) <= 0.3 && Math.abs(s.from.y - s.to.y) > 2).map((s) => ({ at: (s.from.x + s.to.x) / 2, start: Math.min(s.from.y, s.to.y), end: Math.max(s.from.y, s.to.y) })),
  );
  // A border meets at least two borders across it (at its ends or along it: a table cut at the page edge, a border
  // running on past a junction); an arrow's straight piece ends at symbols and crosses one border at most. Prune
  // until stable. A long arrow that crosses two borders stays, and only splits cells of the Pelaksana columns, which
  // the grid reader does not take from cells.
  const crossings = (rule: Rule, across: Rule[]) =>
    across.filter((other) => other.at >= rule.start - EPS && other.at <= rule.end + EPS && other.start - EPS <= rule.at && rule.at <= other.end + EPS).length;
  for (let changed = true; changed; ) {
    const h = horizontal.filter((r) => crossings(r, vertical) >= 2);
    const v = vertical.filter((r) => crossings(r, h) >= 2);
    changed = h.length !== horizontal.length || v.length !== vertical.length;
    horizontal = h;
    vertical = v;
  }
  const xs = distinct(vertical.map((r) => r.at));
  const ys = distinct(horizontal.map((r) => r.at));
  if (xs.length < 2 || ys.length < 2) return [];
  // Elementary rectangles, joined (union-find) where the border between two neighbours is missing.
  const columns = xs.length - 1;
  const parent = Array.from({ length: (ys.length - 1) * columns }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const join = (a: number, b: number) => (parent[find(a)] = find(b));
  for (let row = 0; row < ys.length - 1; row++) {
    for (let column = 0; column < columns; column++) {
      const i = row * columns + column;
      if (column + 1 < columns && !covered(vertical, xs[column + 1]!, ys[row]!, ys[row + 1]!)) join(i, i + 1);
      if (row + 2 < ys.length && !covered(horizontal, ys[row + 1]!, xs[column]!, xs[column + 1]!)) join(i, i + columns);
    }
  }
  const regions = new Map<number, Array<{ row: number; column: number }>>();
  parent.forEach((_, i) => {
    const root = find(i);
    regions.set(root, [...(regions.get(root) ?? []), { row: Math.floor(i / columns), column: i % columns }]);
  });
  const cells: Box[] = [];
  for (const parts of regions.values()) {
    const [r0, r1] = [Math.min(...parts.map((p) => p.row)), Math.max(...parts.map((p) => p.row))];
    const [c0, c1] = [Math.min(...parts.map((p) => p.column)), Math.max(...parts.map((p) => p.column))];
    // A cell is a rectangle closed by borders on all four sides; what lies outside the tables is not.
    if (parts.length !== (r1 - r0 + 1) * (c1 - c0 + 1)) continue;
    const [x, y, right, bottom] = [xs[c0]!, ys[r0]!, xs[c1 + 1]!, ys[r1 + 1]!];
    if (!covered(horizontal, y, x, right) || !covered(horizontal, bottom, x, right) || !covered(vertical, x, y, bottom) || !covered(vertical, right, y, bottom)) continue;
    cells.push({ x, y, width: right - x, height: bottom - y });
  }
  return cells;
}
