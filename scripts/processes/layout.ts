// Lays out a library map: pools stacked top to bottom, lanes as horizontal bands, flow nodes left to right in
// flow order (a column per step, parallel branches share one), orthogonal edges routed around the shapes, and
// stage groups around the activities of each stage. bpmn-auto-layout lays out single processes only (no pools,
// lanes or message flows), hence this.
import type { Phase } from '../../server/lint/map-model/map-model';
import type { MapSpec, NodeSpec } from './spec';

export interface Box { x: number; y: number; width: number; height: number }
export interface Point { x: number; y: number }

export interface Layout {
  pools: Map<string, Box>;
  lanes: Map<string, Box>;
  nodes: Map<string, Box>;
  data: Map<string, Box>;
  /** Waypoints of sequence flows (by index in spec.flows), message flows and data associations (by key). */
  flows: Point[][];
  messages: Map<string, Point[]>;
  dataOut: Map<string, Point[]>;
  dataIn: Map<string, Point[]>;
  groups: Map<Phase, Box>;
}

const POOL_X = 160;
const POOL_TOP = 80;
const POOL_LABEL = 30;
const POOL_GAP = 60;
const LANE_HEIGHT = 190;
/** Distance from a lane's top to the centre line of its shapes (data objects sit above it). */
const LANE_CENTRE = 105;
const FIRST_COLUMN = 50;
const COLUMN = 190;
const TASK = { width: 120, height: 90 };
const GATEWAY = { width: 50, height: 50 };
const EVENT = { width: 36, height: 36 };
const DATA = { width: 36, height: 50 };

const sizeOf = (node: NodeSpec) => (node.type === 'task' ? TASK : node.type === 'xor' ? GATEWAY : EVENT);

/** Columns: one after the latest predecessor declared before (back edges ignored), bumped while the lane's slot is taken. */
function columns(spec: MapSpec): Map<string, number> {
  const order = new Map(spec.nodes.map((node, index) => [node.key, index]));
  const preds = new Map<string, string[]>();
  const edges = [...spec.flows, ...(spec.messages ?? [])];
  for (const { from, to } of edges) {
    if (!order.has(from) || !order.has(to)) throw new Error(`${spec.id}: alur ${from} → ${to} merujuk simpul yang tidak ada`);
    if (order.get(from)! < order.get(to)!) preds.set(to, [...(preds.get(to) ?? []), from]);
  }
  const column = new Map<string, number>();
  const taken = new Set<string>();
  for (const node of spec.nodes) {
    let col = Math.max(0, ...(preds.get(node.key) ?? []).map((p) => column.get(p)! + 1));
    while (taken.has(`${node.lane}@${col}`)) col += 1;
    taken.add(`${node.lane}@${col}`);
    column.set(node.key, col);
  }
  return column;
}

const centre = (box: Box): Point => ({ x: box.x + box.width / 2, y: box.y + box.height / 2 });
const left = (box: Box): Point => ({ x: box.x, y: box.y + box.height / 2 });
const right = (box: Box): Point => ({ x: box.x + box.width, y: box.y + box.height / 2 });
const top = (box: Box): Point => ({ x: box.x + box.width / 2, y: box.y });
const bottom = (box: Box): Point => ({ x: box.x + box.width / 2, y: box.y + box.height });

/** Whether the axis-parallel segment a–b passes through the box (shrunk by nothing, grown by `margin`). */
function crosses(a: Point, b: Point, box: Box, margin = 4): boolean {
  const x1 = Math.min(a.x, b.x), x2 = Math.max(a.x, b.x), y1 = Math.min(a.y, b.y), y2 = Math.max(a.y, b.y);
  return x2 >= box.x - margin && x1 <= box.x + box.width + margin && y2 >= box.y - margin && y1 <= box.y + box.height + margin;
}

function clear(points: Point[], obstacles: Box[]): boolean {
  for (let i = 1; i < points.length; i += 1) {
    if (obstacles.some((box) => crosses(points[i - 1]!, points[i]!, box))) return false;
  }
  return true;
}

/** Drops repeated points and points in the middle of a straight run. */
function tidy(points: Point[]): Point[] {
  const unique = points.filter((p, i) => i === 0 || p.x !== points[i - 1]!.x || p.y !== points[i - 1]!.y);
  return unique.filter((p, i) => {
    if (i === 0 || i === unique.length - 1) return true;
    const a = unique[i - 1]!, b = unique[i + 1]!;
    return !((a.x === p.x && p.x === b.x) || (a.y === p.y && p.y === b.y));
  });
}

interface RouteContext {
  obstacles: Box[];
  /** The x of the gap after a column, where vertical runs never meet a shape. */
  gapAfter: (col: number) => number;
  laneOf: (point: Point) => Box | undefined;
  /** How many detours already run along each lane's margins. */
  detours: Map<Box, number>;
}

/** Candidate routes from `s` to `t`, first clear one wins; the first candidate when none is. */
function route(s: Box, t: Box, sCol: number, tCol: number, context: RouteContext, sideExit = false): Point[] {
  const sc = centre(s), tc = centre(t);
  const candidates: Point[][] = [];
  if (sideExit && sc.y !== tc.y) {
    // A gateway's second exit leaves from its top or bottom corner, apart from the first.
    const exit = tc.y > sc.y ? bottom(s) : top(s);
    candidates.push([exit, { x: sc.x, y: tc.y }, tCol >= sCol ? left(t) : right(t)]);
    candidates.push([exit, { x: sc.x, y: tc.y > sc.y ? t.y - 14 : t.y + t.height + 14 }, { x: tc.x, y: tc.y > sc.y ? t.y - 14 : t.y + t.height + 14 }, tc.y > sc.y ? top(t) : bottom(t)]);
  }
  if (!sideExit && (tCol > sCol || (tCol === sCol && sc.y !== tc.y))) {
    if (sc.y === tc.y) candidates.push([right(s), left(t)]);
    if (sc.x === tc.x) candidates.push(sc.y < tc.y ? [bottom(s), top(t)] : [top(s), bottom(t)]);
    candidates.push([right(s), { x: tc.x, y: sc.y }, tc.y > sc.y ? top(t) : bottom(t)]);
    candidates.push([sc.y < tc.y ? bottom(s) : top(s), { x: sc.x, y: tc.y }, left(t)]);
    for (const gap of [context.gapAfter(sCol), context.gapAfter(tCol - 1)]) {
      candidates.push([right(s), { x: gap, y: sc.y }, { x: gap, y: tc.y }, left(t)]);
    }
  }
  // Back edges (rework loops) and anything left: around, along the bottom or top margin of a lane.
  const marginLanes = [context.laneOf(tc), context.laneOf(sc)].filter((lane): lane is Box => lane !== undefined);
  for (const lane of marginLanes) {
    // Each detour along a lane's margin runs a little further in than the one before, so none overlap.
    const inset = 14 + 10 * (context.detours.get(lane) ?? 0);
    // An event's label sits below it, a gateway's above: a detour from a task into an event comes from above.
    const margins = t.width < GATEWAY.width && s.width === TASK.width ? [lane.y + inset, lane.y + lane.height - inset] : [lane.y + lane.height - inset, lane.y + inset];
    for (const y of margins) {
      candidates.push([
        y > sc.y ? bottom(s) : top(s),
        { x: sc.x, y },
        { x: tc.x, y },
        y > tc.y ? bottom(t) : top(t),
      ]);
    }
  }
  const others = context.obstacles.filter((box) => box !== s && box !== t);
  const index = candidates.findIndex((points) => clear(tidy(points), others));
  const chosen = tidy(candidates[Math.max(index, 0)]!);
  const firstMargin = candidates.length - 2 * marginLanes.length;
  if (index >= firstMargin) {
    const lane = marginLanes[Math.floor((index - firstMargin) / 2)]!;
    context.detours.set(lane, (context.detours.get(lane) ?? 0) + 1);
  }
  return chosen;
}

export function layout(spec: MapSpec): Layout {
  const column = columns(spec);
  const lastColumn = Math.max(...column.values());
  const width = POOL_LABEL + FIRST_COLUMN + (lastColumn + 1) * COLUMN + 20;
  const pools = new Map<string, Box>();
  const lanes = new Map<string, Box>();
  let y = POOL_TOP;
  for (const pool of spec.pools) {
    const height = pool.lanes.length * LANE_HEIGHT;
    pools.set(pool.key, { x: POOL_X, y, width, height });
    pool.lanes.forEach((lane, index) => {
      lanes.set(lane.key, { x: POOL_X + POOL_LABEL, y: y + index * LANE_HEIGHT, width: width - POOL_LABEL, height: LANE_HEIGHT });
    });
    y += height + POOL_GAP;
  }
  const columnLeft = (col: number) => POOL_X + POOL_LABEL + FIRST_COLUMN + col * COLUMN;
  const nodes = new Map<string, Box>();
  for (const node of spec.nodes) {
    const lane = lanes.get(node.lane);
    if (!lane) throw new Error(`${spec.id}: jalur ${node.lane} dari ${node.key} tidak ada`);
    const size = sizeOf(node);
    const cx = columnLeft(column.get(node.key)!) + TASK.width / 2;
    nodes.set(node.key, { x: cx - size.width / 2, y: lane.y + LANE_CENTRE - size.height / 2, ...size });
  }
  const data = new Map<string, Box>();
  for (const letter of spec.data ?? []) {
    const writer = nodes.get(letter.from)!;
    const lane = lanes.get(letter.lane ?? spec.nodes.find((n) => n.key === letter.from)!.lane)!;
    data.set(letter.key, { x: writer.x + writer.width + (COLUMN - TASK.width - DATA.width) / 2, y: lane.y + 22, ...DATA });
  }
  const obstacles = [...nodes.values(), ...data.values()];
  const laneBoxes = [...lanes.values()];
  const context: RouteContext = {
    obstacles,
    gapAfter: (col) => columnLeft(col) + TASK.width + (COLUMN - TASK.width) / 2,
    laneOf: (point) => laneBoxes.find((lane) => point.y >= lane.y && point.y <= lane.y + lane.height),
    detours: new Map(),
  };
  const routeBetween = (from: string, to: string, sideExit = false) => route(nodes.get(from)!, nodes.get(to)!, column.get(from)!, column.get(to)!, context, sideExit);
  const isGateway = new Set(spec.nodes.filter((n) => n.type === 'xor').map((n) => n.key));
  const exits = new Map<string, number>();
  const flows = spec.flows.map((flow) => {
    const index = exits.get(flow.from) ?? 0;
    exits.set(flow.from, index + 1);
    return routeBetween(flow.from, flow.to, isGateway.has(flow.from) && index > 0);
  });
  const messages = new Map<string, Point[]>();
  const ends = new Map<string, number>();
  /** Message flows meet a task right of its centre, where no sequence flow meets it, a few pixels apart. */
  const spread = (key: string) => {
    if (nodes.get(key)!.width < TASK.width) return 0;
    const count = (spec.messages ?? []).filter((m) => m.from === key || m.to === key).length;
    const index = ends.get(key) ?? 0;
    ends.set(key, index + 1);
    return 28 + (index - (count - 1) / 2) * 16;
  };
  for (const [index, message] of (spec.messages ?? []).entries()) {
    const s = nodes.get(message.from)!, t = nodes.get(message.to)!;
    const gapY = poolGapBetween(pools, s, t) + ((index % 3) - 1) * 10;
    const sx = centre(s).x + spread(message.from), tx = centre(t).x + spread(message.to);
    const down = centre(s).y < centre(t).y;
    const bus = tidy([
      { x: sx, y: down ? s.y + s.height : s.y },
      { x: sx, y: gapY },
      { x: tx, y: gapY },
      { x: tx, y: down ? t.y : t.y + t.height },
    ]);
    messages.set(message.key, !Number.isNaN(gapY) && clear(bus, obstacles.filter((b) => b !== s && b !== t)) ? bus : routeBetween(message.from, message.to));
  }
  const dataOut = new Map<string, Point[]>();
  const dataIn = new Map<string, Point[]>();
  for (const letter of spec.data ?? []) {
    const box = data.get(letter.key)!;
    const writer = nodes.get(letter.from)!;
    dataOut.set(letter.key, [{ x: writer.x + writer.width, y: writer.y + 10 }, { x: box.x, y: box.y + box.height - 10 }]);
    if (letter.to) {
      const reader = nodes.get(letter.to)!;
      dataIn.set(letter.key, [{ x: box.x + box.width, y: box.y + box.height / 2 }, { x: reader.x + reader.width / 2, y: reader.y < box.y ? reader.y + reader.height : reader.y }]);
    }
  }
  return { pools, lanes, nodes, data, flows, messages, dataOut, dataIn, groups: stageGroups(spec, nodes, pools) };
}

/** The y in the middle of the gap between the pools of two shapes, when they lie in different pools. */
function poolGapBetween(pools: Map<string, Box>, s: Box, t: Box): number {
  const poolOf = (box: Box) => [...pools.values()].find((pool) => box.y >= pool.y && box.y <= pool.y + pool.height)!;
  const [a, b] = [poolOf(s), poolOf(t)].sort((p, q) => p.y - q.y) as [Box, Box];
  return a === b ? NaN : (a.y + a.height + b.y) / 2;
}

/** Around the shapes of each stage, over the full height of the owning pool; stages must not interleave. */
function stageGroups(spec: MapSpec, nodes: Map<string, Box>, pools: Map<string, Box>): Map<Phase, Box> {
  const groups = new Map<Phase, Box>();
  if (spec.kind !== 'mekanisme-kerja') return groups;
  const pool = pools.get(spec.pools[0]!.key)!;
  let previousRight = -Infinity;
  for (const phase of ['perencanaan', 'pelaksanaan', 'evaluasi'] as const) {
    const boxes = spec.nodes.filter((n) => (n.type === 'task' || n.type === 'xor') && n.phase === phase).map((n) => nodes.get(n.key)!);
    if (boxes.length === 0) continue;
    const x1 = Math.min(...boxes.map((b) => b.x)) - 20;
    const x2 = Math.max(...boxes.map((b) => b.x + b.width)) + 20;
    if (x1 <= previousRight) throw new Error(`${spec.id}: tahap ${phase} bertumpuk dengan tahap sebelumnya`);
    previousRight = x2;
    groups.set(phase, { x: x1, y: pool.y + 6, width: x2 - x1, height: pool.height - 12 });
  }
  return groups;
}
