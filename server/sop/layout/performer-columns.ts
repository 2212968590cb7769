// The performer columns of an SOP (SOP-FORMAT.md §4): one per lane in lane order (innermost lanes; parent lanes name
// the columns' group), one per pool without lanes; pools in the order owner first, then as the map lists them. And
// the column of each flow node: its innermost lane, else the lane its shape lies in, else its pool's first column.
import type { ModdleElement } from 'bpmn-moddle';
import { describeElement } from '../../bpmn/element-label';
import { allElements } from '../../bpmn/moddle';
import type { PerformerColumn } from './procedure.schema';

interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PerformerColumns {
  columns: PerformerColumn[];
  /** The column of a flow node (for nodes inside sub-processes, that of the sub-process), by the node. */
  columnOf(node: ModdleElement): number;
  /** The processes in pool order (owner first), each with the pool that holds it, if any. */
  processes: Array<{ process: ModdleElement; pool?: ModdleElement }>;
  warnings: string[];
}

const textOf = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.replace(/\s+/g, ' ').trim() : undefined);
const list = (value: unknown): ModdleElement[] => (Array.isArray(value) ? (value as ModdleElement[]) : []);

function boundsById(definitions: ModdleElement): Map<string, { bounds: Bounds; horizontal: boolean }> {
  const found = new Map<string, { bounds: Bounds; horizontal: boolean }>();
  for (const shape of allElements(definitions)) {
    if (shape.$type !== 'bpmndi:BPMNShape') continue;
    const drawn = shape.get('bpmnElement') as ModdleElement | undefined;
    const box = shape.get('bounds') as Bounds | undefined;
    if (!drawn?.id || !box || found.has(drawn.id)) continue;
    const bounds = { x: Number(box.x), y: Number(box.y), width: Number(box.width), height: Number(box.height) };
    if (Object.values(bounds).every(Number.isFinite)) found.set(drawn.id, { bounds, horizontal: shape.get('isHorizontal') !== false });
  }
  return found;
}

/** Child lanes of a lane set's lanes, sorted top to bottom (left to right for vertical lanes) when all are drawn. */
function sortedLanes(lanes: ModdleElement[], shapes: ReturnType<typeof boundsById>): ModdleElement[] {
  const drawn = lanes.map((lane) => shapes.get(lane.id ?? ''));
  if (drawn.some((shape) => !shape)) return lanes;
  const key = (index: number) => (drawn[index]!.horizontal ? drawn[index]!.bounds.y : drawn[index]!.bounds.x);
  return lanes.map((lane, index) => ({ lane, index })).sort((a, b) => key(a.index) - key(b.index) || a.index - b.index).map(({ lane }) => lane);
}

const childLanes = (lane: ModdleElement): ModdleElement[] => list((lane.get('childLaneSet') as ModdleElement | undefined)?.get('lanes'));

/** Processes in pool order: the performance owner's first, then the others as listed; processes without a pool last. */
function orderedProcesses(definitions: ModdleElement): Array<{ process: ModdleElement; pool?: ModdleElement }> {
  const roots = list(definitions.get('rootElements'));
  const participants = roots.filter((root) => root.$instanceOf('bpmn:Collaboration')).flatMap((collaboration) => list(collaboration.get('participants')));
  const owner = participants.find((participant) => participant.get('sk:performanceOwner') === true);
  const pools = owner ? [owner, ...participants.filter((participant) => participant !== owner)] : participants;
  const result: Array<{ process: ModdleElement; pool?: ModdleElement }> = [];
  const seen = new Set<ModdleElement>();
  for (const pool of pools) {
    const process = pool.get('processRef') as ModdleElement | undefined;
    if (!process || seen.has(process)) continue;
    seen.add(process);
    result.push({ process, pool });
  }
  for (const process of roots.filter((root) => root.$instanceOf('bpmn:Process') && !seen.has(root))) result.push({ process });
  return result;
}

const holdsFlowNodes = (process: ModdleElement) => list(process.get('flowElements')).some((element) => element.$instanceOf('bpmn:FlowNode'));

export function readPerformerColumns(definitions: ModdleElement): PerformerColumns {
  const shapes = boundsById(definitions);
  const processes = orderedProcesses(definitions).filter(({ process }) => holdsFlowNodes(process) || list(process.get('laneSets')).length > 0);
  const severalPools = processes.length > 1;
  const columns: PerformerColumn[] = [];
  const columnOfLane = new Map<ModdleElement, number>();
  const firstColumnOfProcess = new Map<ModdleElement, number>();
  const laneOfNode = new Map<ModdleElement, ModdleElement>();
  const laneDepth = new Map<ModdleElement, number>();
  const warnings: string[] = [];

  for (const { process, pool } of processes) {
    const poolName = textOf(pool?.name) ?? textOf(process.name);
    const path = severalPools && poolName ? [poolName] : [];
    firstColumnOfProcess.set(process, columns.length);
    const topLanes = sortedLanes(list(process.get('laneSets')).flatMap((set) => list(set.get('lanes'))), shapes);
    const visit = (lane: ModdleElement, parents: string[], depth: number): number => {
      laneDepth.set(lane, depth);
      for (const node of list(lane.get('flowNodeRef'))) {
        const known = laneOfNode.get(node);
        if (!known || (laneDepth.get(known) ?? 0) < depth) laneOfNode.set(node, lane);
      }
      const children = sortedLanes(childLanes(lane), shapes);
      const name = textOf(lane.name) ?? poolName ?? 'Pelaksana';
      if (children.length === 0) {
        columnOfLane.set(lane, columns.length);
        columns.push({ id: lane.id ?? `lane-${columns.length}`, name, ...(pool?.id ? { poolId: pool.id } : {}), ...(lane.id ? { laneId: lane.id } : {}), path: parents });
        return columnOfLane.get(lane)!;
      }
      const first = children.map((child) => visit(child, [...parents, name], depth + 1))[0]!;
      columnOfLane.set(lane, first);
      return first;
    };
    for (const lane of topLanes) visit(lane, path, 0);
    if (topLanes.length === 0) {
      const name = textOf(pool?.get('sk:unit')) ?? poolName ?? 'Pelaksana';
      columns.push({ id: pool?.id ?? process.id ?? `process-${columns.length}`, name, ...(pool?.id ? { poolId: pool.id } : {}), path: [] });
    }
  }

  // Innermost drawn lanes, for nodes no lane lists.
  const leafLanes = [...columnOfLane.keys()].filter((lane) => childLanes(lane).length === 0);
  const laneAt = (node: ModdleElement): ModdleElement | undefined => {
    const box = shapes.get(node.id ?? '')?.bounds;
    if (!box) return undefined;
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    return leafLanes.find((lane) => {
      const lb = shapes.get(lane.id ?? '')?.bounds;
      return lb !== undefined && cx >= lb.x && cx <= lb.x + lb.width && cy >= lb.y && cy <= lb.y + lb.height;
    });
  };
  const processOf = (node: ModdleElement): ModdleElement | undefined => {
    let current = node.$parent;
    while (current && !current.$instanceOf('bpmn:Process')) current = current.$parent;
    return current;
  };
  const unplaced = new Set<string>();

  const columnOf = (node: ModdleElement): number => {
    // The node itself, else the sub-process around it.
    for (let current: ModdleElement | undefined = node; current && !current.$instanceOf('bpmn:Process'); current = current.$parent) {
      const lane = laneOfNode.get(current);
      if (lane) return columnOfLane.get(lane) ?? 0;
    }
    const drawnIn = laneAt(node);
    if (drawnIn) return columnOfLane.get(drawnIn)!;
    const process = processOf(node);
    const first = process ? firstColumnOfProcess.get(process) : undefined;
    if (first !== undefined && columnOfLane.size > 0 && node.id && !unplaced.has(node.id)) {
      const hasLanes = [...columnOfLane.keys()].some((lane) => processOf(lane) === process);
      if (hasLanes) {
        unplaced.add(node.id);
        warnings.push(`${describeElement(node)} tidak berada di lajur mana pun; ditempatkan pada kolom pelaksana pertama kolamnya.`);
      }
    }
    return first ?? 0;
  };

  if (columns.length === 0) columns.push({ id: 'pelaksana', name: 'Pelaksana', path: [] });
  return { columns, columnOf, processes, warnings };
}
