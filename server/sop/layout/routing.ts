// Routing of the arrows on one page: orthogonal polylines that never pass through a symbol. Every row has one symbol,
// so a horizontal segment on the centre line of its own row, or just below its own symbol, meets no other symbol;
// vertical segments run down a performer column only where no symbol lies between, else in a gutter: tracks along
// the boundaries between performer columns, outside every symbol. Ports are the symbols' side midpoints: the top
// only receives, the bottom only sends, a side does one or the other; a decision's two answers leave by different
// ports.
import type { Point, Rect } from './document.schema';

export type Side = 'top' | 'bottom' | 'left' | 'right';

export interface RoutedSymbol {
  id: string;
  rect: Rect;
  /** Index of the band it sits in (bands are ordered top to bottom). */
  band: number;
  /** Exits with different keys (a decision's answers) must leave by different ports. */
  distinctExits: boolean;
}

export interface RouteRequest {
  from: RoutedSymbol;
  to: RoutedSymbol;
  /** Exits sharing a key may share a port (a fan-out); a decision's answers have different keys. */
  key: string;
}

export interface RoutingSpace {
  /** Bands top to bottom, y from-to. */
  bands: Array<{ y: number; height: number }>;
  symbols: RoutedSymbol[];
  /** X of the vertical gutter tracks, grouped by gutter, each gutter's tracks in order of preference. */
  gutters: number[][];
}

const EPS = 0.01;
const centre = (rect: Rect): Point => ({ x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 });

export function port(symbol: RoutedSymbol, side: Side): Point {
  const { x, y, width, height } = symbol.rect;
  switch (side) {
    case 'top':
      return { x: x + width / 2, y };
    case 'bottom':
      return { x: x + width / 2, y: y + height };
    case 'left':
      return { x, y: y + height / 2 };
    case 'right':
      return { x: x + width, y: y + height / 2 };
  }
}

/** True when an axis-parallel segment passes through the inside of the rectangle. */
export function crossesRect(a: Point, b: Point, rect: Rect): boolean {
  const [x1, x2] = a.x <= b.x ? [a.x, b.x] : [b.x, a.x];
  const [y1, y2] = a.y <= b.y ? [a.y, b.y] : [b.y, a.y];
  return x1 < rect.x + rect.width - EPS && x2 > rect.x + EPS && y1 < rect.y + rect.height - EPS && y2 > rect.y + EPS;
}

/** Drops repeated points and joins collinear segments. */
export function simplify(points: Point[]): Point[] {
  const result: Point[] = [];
  for (const point of points) {
    const last = result[result.length - 1];
    if (last && Math.abs(last.x - point.x) < EPS && Math.abs(last.y - point.y) < EPS) continue;
    const before = result[result.length - 2];
    if (before && last && ((Math.abs(before.x - last.x) < EPS && Math.abs(last.x - point.x) < EPS) || (Math.abs(before.y - last.y) < EPS && Math.abs(last.y - point.y) < EPS))) {
      result[result.length - 1] = point;
      continue;
    }
    result.push(point);
  }
  return result;
}

interface Candidate {
  points: Point[];
  exit: Side;
  entry: Side;
  /** The gutter track used, as gutter and track index. */
  track?: { gutter: number; index: number; from: number; to: number };
}

interface PortState {
  ins: number;
  outKeys: Set<string>;
}

export interface Route {
  request: RouteRequest;
  points: Point[];
  exit: Side;
}

export class Router {
  private readonly ports = new Map<string, PortState>();
  private readonly trackUse = new Map<string, Array<[number, number]>>();

  constructor(private readonly space: RoutingSpace) {}

  private state(symbol: RoutedSymbol, side: Side): PortState {
    const key = `${symbol.id}:${side}`;
    let state = this.ports.get(key);
    if (!state) this.ports.set(key, (state = { ins: 0, outKeys: new Set() }));
    return state;
  }

  private canExit(symbol: RoutedSymbol, side: Side, key: string): boolean {
    const state = this.state(symbol, side);
    if (state.ins > 0) return false;
    if (state.outKeys.size === 0 || state.outKeys.has(key)) return true;
    return !symbol.distinctExits;
  }

  private canEnter(symbol: RoutedSymbol, side: Side): boolean {
    return this.state(symbol, side).outKeys.size === 0;
  }

  private trackFree(gutter: number, index: number, from: number, to: number): boolean {
    const [low, high] = from <= to ? [from, to] : [to, from];
    return (this.trackUse.get(`${gutter}:${index}`) ?? []).every(([a, b]) => high < a - 1 || low > b + 1);
  }

  /** Axis-parallel and through no symbol (the ends sit on the ports, outside the symbols' insides). */
  private clear(points: Point[]): boolean {
    for (let i = 1; i < points.length; i += 1) {
      const a = points[i - 1]!;
      const b = points[i]!;
      if (Math.abs(a.x - b.x) > EPS && Math.abs(a.y - b.y) > EPS) return false;
      for (const symbol of this.space.symbols) if (crossesRect(a, b, symbol.rect)) return false;
    }
    return points.length >= 2;
  }

  private trackOk(candidate: Candidate): boolean {
    return !candidate.track || this.trackFree(candidate.track.gutter, candidate.track.index, candidate.track.from, candidate.track.to);
  }

  route(request: RouteRequest): Route {
    const candidates = this.candidates(request);
    // The first route through no symbol with free ports and a free track; failing that, give up the ports, then the track.
    const pick =
      candidates.find((c) => this.clear(c.points) && this.portsFree(request, c) && this.trackOk(c)) ??
      candidates.find((c) => this.clear(c.points) && this.trackOk(c)) ??
      candidates.find((c) => this.clear(c.points)) ??
      candidates[0]!;
    this.state(request.from, pick.exit).outKeys.add(request.key);
    this.state(request.to, pick.entry).ins += 1;
    if (pick.track) {
      const id = `${pick.track.gutter}:${pick.track.index}`;
      const [low, high] = pick.track.from <= pick.track.to ? [pick.track.from, pick.track.to] : [pick.track.to, pick.track.from];
      this.trackUse.set(id, [...(this.trackUse.get(id) ?? []), [low, high]]);
    }
    return { request, points: simplify(pick.points), exit: pick.exit };
  }

  private portsFree(request: RouteRequest, candidate: Candidate): boolean {
    return this.canExit(request.from, candidate.exit, request.key) && this.canEnter(request.to, candidate.entry);
  }

  /** Routes to try, in order of preference. */
  private candidates(request: RouteRequest): Candidate[] {
    const { from, to } = request;
    const s = centre(from.rect);
    const t = centre(to.rect);
    const sameColumn = Math.abs(s.x - t.x) < EPS;
    const down = to.band > from.band;
    const sourceBand = this.space.bands[from.band]!;
    const targetBand = this.space.bands[to.band]!;
    // Just below the source symbol, and just above the target symbol, inside their own bands.
    const below = (from.rect.y + from.rect.height + sourceBand.y + sourceBand.height) / 2;
    const above = (targetBand.y + to.rect.y) / 2;
    const candidates: Candidate[] = [];
    const toward = (x: number, symbol: RoutedSymbol): Side => (x > centre(symbol.rect).x ? 'right' : 'left');

    // Level with each other in one band (a symbol and the off-page connector beside it): straight across.
    if (from.band === to.band && from !== to && Math.abs(s.y - t.y) < EPS && !sameColumn) {
      candidates.push({ points: [port(from, toward(t.x, from)), port(to, toward(s.x, to))], exit: toward(t.x, from), entry: toward(s.x, to) });
    }
    if (down && sameColumn) candidates.push({ points: [port(from, 'bottom'), port(to, 'top')], exit: 'bottom', entry: 'top' });
    if (down && !sameColumn) {
      const side = toward(t.x, from);
      candidates.push({ points: [port(from, side), { x: t.x, y: s.y }, port(to, 'top')], exit: side, entry: 'top' });
      candidates.push({ points: [port(from, 'bottom'), { x: s.x, y: below }, { x: t.x, y: below }, port(to, 'top')], exit: 'bottom', entry: 'top' });
    }

    const gutters = this.gutterOrder(s.x, t.x);
    for (const gutter of gutters) {
      const tracks = this.space.gutters[gutter]!;
      const shapes: Array<{ exit: 'side' | 'bottom'; entry: 'side' | 'top'; points: (x: number) => Point[]; from: number; to: number }> = [];
      const exitSide = (x: number) => toward(x, from);
      const entrySide = (x: number) => toward(x, to);
      const sideEntryY = t.y;
      if (from !== to) {
        shapes.push({ exit: 'side', entry: 'side', points: (x) => [port(from, exitSide(x)), { x, y: s.y }, { x, y: sideEntryY }, port(to, entrySide(x))], from: s.y, to: t.y });
        shapes.push({ exit: 'side', entry: 'top', points: (x) => [port(from, exitSide(x)), { x, y: s.y }, { x, y: above }, { x: t.x, y: above }, port(to, 'top')], from: s.y, to: above });
      }
      shapes.push({ exit: 'bottom', entry: 'side', points: (x) => [port(from, 'bottom'), { x: s.x, y: below }, { x, y: below }, { x, y: sideEntryY }, port(to, entrySide(x))], from: below, to: t.y });
      shapes.push({ exit: 'bottom', entry: 'top', points: (x) => [port(from, 'bottom'), { x: s.x, y: below }, { x, y: below }, { x, y: above }, { x: t.x, y: above }, port(to, 'top')], from: below, to: above });
      for (const shape of shapes) {
        const index = tracks.findIndex((x, i) => this.trackFree(gutter, i, shape.from, shape.to) && this.clear(shape.points(x)));
        const chosen = index >= 0 ? index : 0;
        const x = tracks[chosen];
        if (x === undefined) continue;
        const exit = shape.exit === 'bottom' ? 'bottom' : exitSide(x);
        const entry = shape.entry === 'top' ? 'top' : entrySide(x);
        candidates.push({ points: shape.points(x), exit, entry, track: { gutter, index: chosen, from: shape.from, to: shape.to } });
      }
    }
    return candidates;
  }

  /** Gutters nearest the target first, then nearest the source. */
  private gutterOrder(sourceX: number, targetX: number): number[] {
    const distance = (gutter: number) => {
      const x = this.space.gutters[gutter]![0] ?? 0;
      return Math.min(Math.abs(x - targetX), Math.abs(x - sourceX) + 0.5);
    };
    return this.space.gutters.map((_, index) => index).sort((a, b) => distance(a) - distance(b));
  }
}
