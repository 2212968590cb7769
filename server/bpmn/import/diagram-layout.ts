// Draws a map that has no usable diagram: bpmn-auto-layout places each process's (and sub-process's) nodes and flows,
// then pools and lanes are drawn around them, one row per lane (bpmn-auto-layout draws neither pools nor lanes).
import type { BpmnModdle, ModdleElement } from 'bpmn-moddle';
import { layoutProcess } from 'bpmn-auto-layout';
import { allElements } from '../moddle';
import { warning, type ImportWarning } from './import-warning';
import { attribute, elementsOf, localName, parseXmlTree } from './xml-tree';

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
type Point = { x: number; y: number };
interface Layout {
  boxes: Map<string, Box>;
  edges: Map<string, Point[]>;
}

const list = (e: ModdleElement, property: string) => ((e.get(property) as ModdleElement[] | undefined) ?? []);
const ref = (e: ModdleElement, property: string) => e.get(property) as ModdleElement | undefined;
const idOf = (e: ModdleElement) => e.id ?? '';
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
const SUBPROCESS = ['bpmn:SubProcess', 'bpmn:Transaction', 'bpmn:AdHocSubProcess'];

/** Fills `incoming`/`outgoing` of the nodes from the flows (many tools leave them out; the layout follows them). */
function linkFlows(container: ModdleElement): void {
  for (const flow of list(container, 'flowElements')) {
    if (flow.$instanceOf('bpmn:SubProcess')) linkFlows(flow);
    if (!flow.$instanceOf('bpmn:SequenceFlow')) continue;
    const source = ref(flow, 'sourceRef');
    const target = ref(flow, 'targetRef');
    if (source && !list(source, 'outgoing').includes(flow)) (source.get('outgoing') as ModdleElement[]).push(flow);
    if (target && !list(target, 'incoming').includes(flow)) (target.get('incoming') as ModdleElement[]).push(flow);
  }
}

/** The nodes and flows of one container as a bare process bpmn-auto-layout can read; sub-processes drawn collapsed. */
function bareProcess(container: ModdleElement): string {
  const parts: string[] = [];
  for (const element of list(container, 'flowElements')) {
    const id = escape(String(element.id));
    if (element.$instanceOf('bpmn:SequenceFlow')) {
      const source = ref(element, 'sourceRef');
      const target = ref(element, 'targetRef');
      if (source && target) parts.push(`<bpmn:sequenceFlow id="${id}" sourceRef="${escape(idOf(source))}" targetRef="${escape(idOf(target))}"/>`);
      continue;
    }
    if (!element.$instanceOf('bpmn:FlowNode')) continue;
    const tag = SUBPROCESS.some((t) => element.$instanceOf(t)) ? 'task' : element.$type.replace('bpmn:', '').replace(/^./, (c: string) => c.toLowerCase());
    const host = ref(element, 'attachedToRef');
    const attached = host ? ` attachedToRef="${escape(idOf(host))}"` : '';
    const refs = [
      ...list(element, 'incoming').map((f) => `<bpmn:incoming>${escape(idOf(f))}</bpmn:incoming>`),
      ...list(element, 'outgoing').map((f) => `<bpmn:outgoing>${escape(idOf(f))}</bpmn:outgoing>`),
    ];
    parts.push(`<bpmn:${tag} id="${id}"${attached}>${refs.join('')}</bpmn:${tag}>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?><bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="Layout" targetNamespace="http://petakerja/layout"><bpmn:process id="LayoutProcess">${parts.join('')}</bpmn:process></bpmn:definitions>`;
}

const SIZE = (e: ModdleElement): Box =>
  e.$instanceOf('bpmn:Event') ? { x: 0, y: 0, width: 36, height: 36 } : e.$instanceOf('bpmn:Gateway') ? { x: 0, y: 0, width: 50, height: 50 } : { x: 0, y: 0, width: 100, height: 80 };

async function layoutContainer(container: ModdleElement): Promise<Layout> {
  const boxes = new Map<string, Box>();
  const edges = new Map<string, Point[]>();
  try {
    const tree = parseXmlTree(await layoutProcess(bareProcess(container)));
    for (const element of elementsOf(tree)) {
      const local = localName(element.name);
      const target = attribute(element, 'bpmnElement');
      if (!target) continue;
      if (local === 'BPMNShape') {
        const bounds = element.children.find((c) => c.kind === 'element' && localName(c.name) === 'Bounds');
        if (bounds?.kind === 'element') {
          const n = (k: string) => Number(attribute(bounds, k) ?? 0);
          boxes.set(target, { x: n('x'), y: n('y'), width: n('width'), height: n('height') });
        }
      } else if (local === 'BPMNEdge') {
        edges.set(
          target,
          element.children.flatMap((c) => (c.kind === 'element' && localName(c.name) === 'waypoint' ? [{ x: Number(attribute(c, 'x')), y: Number(attribute(c, 'y')) }] : [])),
        );
      }
    }
  } catch {
    // Fall through to the grid below for whatever the layout did not place.
  }
  // Anything the layout left out (it skips some kinds) goes on a grid below the rest.
  let column = 0;
  const bottom = Math.max(0, ...[...boxes.values()].map((b) => b.y + b.height)) + 40;
  for (const element of list(container, 'flowElements')) {
    if (!element.$instanceOf('bpmn:FlowNode') || boxes.has(idOf(element))) continue;
    const size = SIZE(element);
    boxes.set(idOf(element), { ...size, x: 50 + 150 * column++, y: bottom });
  }
  return { boxes, edges };
}

/** Straight or three-segment orthogonal route between two boxes. */
function route(source: Box, target: Box): Point[] {
  const sy = source.y + source.height / 2;
  const ty = target.y + target.height / 2;
  const sx = source.x + source.width;
  const tx = target.x;
  if (Math.abs(sy - ty) < 1) return [{ x: sx, y: sy }, { x: tx, y: ty }];
  const mid = Math.round((sx + tx) / 2);
  return [{ x: sx, y: sy }, { x: mid, y: sy }, { x: mid, y: ty }, { x: tx, y: ty }];
}

/** The lanes of a process that hold nodes directly (leaves), in document order, with their ancestors. */
function leafLanes(process: ModdleElement): { lane: ModdleElement; ancestors: ModdleElement[] }[] {
  const leaves: { lane: ModdleElement; ancestors: ModdleElement[] }[] = [];
  const walk = (laneSet: ModdleElement | undefined, ancestors: ModdleElement[]) => {
    for (const lane of laneSet ? list(laneSet, 'lanes') : []) {
      const child = ref(lane, 'childLaneSet');
      if (child && list(child, 'lanes').length > 0) walk(child, [...ancestors, lane]);
      else leaves.push({ lane, ancestors });
    }
  };
  for (const laneSet of list(process, 'laneSets')) walk(laneSet, []);
  return leaves;
}

interface Drawn {
  shapes: { element: ModdleElement; box: Box; extra?: Record<string, unknown> }[];
  edges: { element: ModdleElement; points: Point[] }[];
}

const POOL_LABEL = 30;
const LANE_PADDING = 30;

/** Places one process at (left, top): its nodes, flows, lanes (one row each) and, given `participant`, its pool. */
async function drawProcess(process: ModdleElement, participant: ModdleElement | undefined, top: number, drawn: Drawn): Promise<number> {
  const layout = await layoutContainer(process);
  const nodes = list(process, 'flowElements').filter((e) => e.$instanceOf('bpmn:FlowNode'));
  const left = participant ? POOL_LABEL + 40 : 40;
  const minX = Math.min(...nodes.map((n) => layout.boxes.get(idOf(n))?.x ?? 0), 0);
  const placed = new Map<string, Box>();
  const lanes = leafLanes(process);
  const laneBoxes = new Map<ModdleElement, Box>();
  let y = top;
  if (lanes.length > 0) {
    const laneOf = new Map<ModdleElement, ModdleElement>();
    for (const { lane } of lanes) for (const node of list(lane, 'flowNodeRef')) if (!laneOf.has(node)) laneOf.set(node, lane);
    for (const [index, { lane }] of lanes.entries()) {
      // Nodes in no lane are drawn in the first row.
      const members = nodes.filter((n) => laneOf.get(n) === lane || (index === 0 && !laneOf.has(n) && !n.$instanceOf('bpmn:BoundaryEvent')));
      const boxes = members.map((n) => layout.boxes.get(idOf(n))!).filter(Boolean);
      const minY = Math.min(...boxes.map((b) => b.y), Infinity);
      const maxY = Math.max(...boxes.map((b) => b.y + b.height), -Infinity);
      const height = boxes.length > 0 ? Math.max(150, maxY - minY + 2 * LANE_PADDING) : 150;
      for (const node of members) {
        const box = layout.boxes.get(idOf(node));
        if (box) placed.set(idOf(node), { ...box, x: box.x - minX + left + 60, y: box.y - minY + y + LANE_PADDING });
      }
      laneBoxes.set(lane, { x: 0, y, width: 0, height });
      y += height;
    }
  } else {
    const minY = Math.min(...nodes.map((n) => layout.boxes.get(idOf(n))?.y ?? 0), 0);
    for (const node of nodes) {
      const box = layout.boxes.get(idOf(node));
      if (box) placed.set(idOf(node), { ...box, x: box.x - minX + left + 20, y: box.y - minY + top + LANE_PADDING });
    }
    y = Math.max(top + 150, ...[...placed.values()].map((b) => b.y + b.height + LANE_PADDING));
  }
  // Boundary events follow their host.
  for (const node of nodes) {
    const host = ref(node, 'attachedToRef');
    const hostBox = host && placed.get(idOf(host));
    if (hostBox) placed.set(idOf(node), { ...SIZE(node), x: hostBox.x + hostBox.width - 50, y: hostBox.y + hostBox.height - 18 });
  }
  const right = Math.max(left + 400, ...[...placed.values()].map((b) => b.x + b.width + 60));
  if (participant) drawn.shapes.push({ element: participant, box: { x: 0, y: top, width: right, height: y - top }, extra: { isHorizontal: true } });
  const laneLeft = participant ? POOL_LABEL : 0;
  for (const { lane, ancestors } of lanes) {
    const box = laneBoxes.get(lane)!;
    box.x = laneLeft;
    box.width = right - laneLeft;
    for (const ancestor of ancestors) {
      const outer = laneBoxes.get(ancestor);
      if (!outer) laneBoxes.set(ancestor, { ...box });
      else {
        const bottom = Math.max(outer.y + outer.height, box.y + box.height);
        outer.y = Math.min(outer.y, box.y);
        outer.height = bottom - outer.y;
      }
    }
  }
  for (const [lane, box] of laneBoxes) drawn.shapes.push({ element: lane, box, extra: { isHorizontal: true } });
  for (const node of nodes) {
    const box = placed.get(idOf(node));
    if (!box) continue;
    drawn.shapes.push({ element: node, box, ...(SUBPROCESS.some((t) => node.$instanceOf(t)) ? { extra: { isExpanded: false } } : {}) });
  }
  for (const flow of list(process, 'flowElements').filter((e) => e.$instanceOf('bpmn:SequenceFlow'))) {
    const sourceRef = ref(flow, 'sourceRef');
    const targetRef = ref(flow, 'targetRef');
    const source = sourceRef && placed.get(idOf(sourceRef));
    const target = targetRef && placed.get(idOf(targetRef));
    if (source && target) drawn.edges.push({ element: flow, points: route(source, target) });
  }
  return y;
}

/** Sub-processes are drawn collapsed; each gets its own plane with its content, as bpmn-js drills into it. */
async function drawSubProcesses(moddle: BpmnModdle, container: ModdleElement, diagrams: ModdleElement[]): Promise<void> {
  for (const sub of list(container, 'flowElements').filter((e) => SUBPROCESS.some((t) => e.$instanceOf(t)))) {
    if (list(sub, 'flowElements').length === 0) continue;
    // A plane the file already had for this sub-process is kept as it is.
    if (diagrams.some((d) => (d.get('plane') as ModdleElement | undefined)?.get('bpmnElement') === sub)) continue;
    const drawn: Drawn = { shapes: [], edges: [] };
    await drawProcess(sub, undefined, 0, drawn);
    diagrams.push(diagramOf(moddle, sub, drawn, `${idOf(sub)}_plane`));
    await drawSubProcesses(moddle, sub, diagrams);
  }
}

function diagramOf(moddle: BpmnModdle, root: ModdleElement, drawn: Drawn, suffix: string): ModdleElement {
  const planeElement = [
    ...drawn.shapes.map(({ element, box, extra }) =>
      moddle.create('bpmndi:BPMNShape', { id: `${element.id}_di`, bpmnElement: element, bounds: moddle.create('dc:Bounds', { ...box }), ...(extra ?? {}) }),
    ),
    ...drawn.edges.map(({ element, points }) =>
      moddle.create('bpmndi:BPMNEdge', { id: `${element.id}_di`, bpmnElement: element, waypoint: points.map((p) => moddle.create('dc:Point', p)) }),
    ),
  ];
  const plane = moddle.create('bpmndi:BPMNPlane', { id: `${suffix}_BPMNPlane`, bpmnElement: root, planeElement });
  return moddle.create('bpmndi:BPMNDiagram', { id: `${suffix}_BPMNDiagram`, plane });
}

/** Replaces the diagrams of `definitions` with a generated one (DIAGRAM_GENERATED). */
export async function generateDiagram(moddle: BpmnModdle, definitions: ModdleElement, hadDiagram: boolean): Promise<ImportWarning[]> {
  const roots = list(definitions, 'rootElements');
  const processes = roots.filter((r) => r.$instanceOf('bpmn:Process'));
  for (const process of processes) linkFlows(process);
  const collaboration = roots.find((r) => r.$instanceOf('bpmn:Collaboration') && list(r, 'participants').length > 0);
  const drawn: Drawn = { shapes: [], edges: [] };
  let top = 0;
  // The file's planes of sub-processes that draw something stay: only the process level is laid out anew.
  const diagrams: ModdleElement[] = list(definitions, 'diagrams').filter((d) => {
    const plane = d.get('plane') as ModdleElement | undefined;
    const root = plane?.get('bpmnElement') as ModdleElement | undefined;
    return !!root && SUBPROCESS.some((t) => root.$instanceOf(t)) && list(plane!, 'planeElement').some((di) => di.get('bpmnElement'));
  });
  const kept = diagrams.length;
  if (collaboration) {
    for (const participant of list(collaboration, 'participants')) {
      const process = ref(participant, 'processRef');
      if (process) top = (await drawProcess(process, participant, top, drawn)) + 40;
      else {
        drawn.shapes.push({ element: participant, box: { x: 0, y: top, width: 600, height: 100 }, extra: { isHorizontal: true } });
        top += 140;
      }
      if (process) await drawSubProcesses(moddle, process, diagrams);
    }
    const boxOf = new Map(drawn.shapes.map((s) => [s.element, s.box]));
    for (const flow of list(collaboration, 'messageFlows')) {
      const sourceRef = ref(flow, 'sourceRef');
      const targetRef = ref(flow, 'targetRef');
      const source = sourceRef && boxOf.get(sourceRef);
      const target = targetRef && boxOf.get(targetRef);
      if (!source || !target) continue;
      const x = Math.round((Math.max(source.x, target.x) + Math.min(source.x + source.width, target.x + target.width)) / 2);
      const down = source.y < target.y;
      drawn.edges.push({
        element: flow,
        points: [
          { x, y: down ? source.y + source.height : source.y },
          { x, y: down ? target.y : target.y + target.height },
        ],
      });
    }
    diagrams.unshift(diagramOf(moddle, collaboration, drawn, 'Generated'));
  } else {
    const process = processes.find((p) => list(p, 'flowElements').length > 0) ?? processes[0];
    if (!process) return [];
    await drawProcess(process, undefined, 0, drawn);
    await drawSubProcesses(moddle, process, diagrams);
    diagrams.unshift(diagramOf(moddle, process, drawn, 'Generated'));
  }
  // Generated DI ids must not clash with the ids of the planes kept from the file.
  const keptDiagrams = diagrams.filter((d) => d.$parent === definitions);
  const taken = new Set(keptDiagrams.flatMap((d) => [...allElements(d)].flatMap((e) => (e.id ? [e.id] : []))));
  for (const d of diagrams.filter((d) => !keptDiagrams.includes(d))) {
    for (const e of allElements(d)) while (e.id && taken.has(e.id)) e.id = `${e.id}_gen`;
  }
  definitions.set('diagrams', diagrams);
  for (const d of diagrams) d.$parent = definitions;
  const root = collaboration ?? processes[0]!;
  return [
    warning(
      'DIAGRAM_GENERATED',
      `Gambar peta dibuat otomatis (${drawn.shapes.length} bentuk, ${drawn.edges.length} garis)${root ? ` untuk ${root.$type.replace('bpmn:', '')} "${root.id}"` : ''}; atur ulang letaknya bila perlu.`,
      (hadDiagram
        ? 'Gambar dalam berkas tidak menggambar satu pun langkah proses, sehingga peta akan terbuka sebagai kanvas kosong.'
        : 'Berkas tidak memuat gambar peta (BPMNDiagram); pemodel asalnya hanya menyimpan isi prosesnya.') +
        (kept > 0 ? ` Gambar ${kept} subproses dari berkas tetap dipakai.` : ''),
      root?.id,
    ),
  ];
}
