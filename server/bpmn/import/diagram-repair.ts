// Every imported map opens drawn: a plane pointing at the definitions or at a process or collaboration it does not
// draw is pointed at the root it does draw (DIAGRAM_REPAIRED); a file with nothing drawn is laid out (diagram-layout.ts).
import type { ModdleElement } from 'bpmn-moddle';
import { warning, type ImportWarning } from './import-warning';

const PLANE_ROOTS = ['bpmn:Process', 'bpmn:Collaboration', 'bpmn:SubProcess', 'bpmn:Choreography'];

const list = (e: ModdleElement, property: string) => ((e.get(property) as ModdleElement[] | undefined) ?? []);

/** The root element (process, collaboration, …) or sub-process an element belongs to, walking up its parents. */
function rootsOf(element: ModdleElement): ModdleElement[] {
  const roots: ModdleElement[] = [];
  for (let e: ModdleElement | undefined = element; e; e = e.$parent) {
    if (PLANE_ROOTS.some((t) => e!.$instanceOf(t))) roots.push(e);
  }
  return roots;
}

/** The roots a plane could draw an element in: its process, sub-processes, and the collaboration of its pool. */
function candidateRoots(element: ModdleElement, collaborations: ModdleElement[]): ModdleElement[] {
  const roots = rootsOf(element);
  const process = roots.find((r) => r.$instanceOf('bpmn:Process'));
  for (const collaboration of collaborations) {
    const participants = list(collaboration, 'participants');
    if (participants.includes(element) || list(collaboration, 'messageFlows').includes(element)) roots.push(collaboration);
    else if (process && participants.some((p) => p.processRef === process)) roots.push(collaboration);
  }
  return roots;
}

export function flowNodesOf(definitions: ModdleElement): ModdleElement[] {
  const nodes: ModdleElement[] = [];
  const walk = (container: ModdleElement) => {
    for (const element of list(container, 'flowElements')) {
      if (element.$instanceOf('bpmn:FlowNode')) nodes.push(element);
      if (element.$instanceOf('bpmn:SubProcess')) walk(element);
    }
  };
  for (const root of list(definitions, 'rootElements')) if (root.$instanceOf('bpmn:Process')) walk(root);
  return nodes;
}

/** Whether some plane draws at least one flow node (or there is no flow node to draw). */
export function drawsSomething(definitions: ModdleElement): boolean {
  const nodes = new Set(flowNodesOf(definitions));
  if (nodes.size === 0) return true;
  return list(definitions, 'diagrams').some((d) => {
    const plane = d.get('plane') as ModdleElement | undefined;
    return !!plane && list(plane, 'planeElement').some((di) => nodes.has(di.get('bpmnElement') as ModdleElement));
  });
}

/** Points each plane at the root its shapes belong to, when it points at something else. */
export function repairPlanes(definitions: ModdleElement): ImportWarning[] {
  const warnings: ImportWarning[] = [];
  const collaborations = list(definitions, 'rootElements').filter((r) => r.$instanceOf('bpmn:Collaboration'));
  for (const diagram of list(definitions, 'diagrams')) {
    const plane = diagram.plane as ModdleElement | undefined;
    if (!plane) continue;
    const drawn = list(plane, 'planeElement').flatMap((di) => (di.bpmnElement ? [di.bpmnElement as ModdleElement] : []));
    if (drawn.length === 0) continue;
    const target = plane.bpmnElement as ModdleElement | undefined;
    const votes = new Map<ModdleElement, number>();
    for (const element of drawn) for (const root of new Set(candidateRoots(element, collaborations))) votes.set(root, (votes.get(root) ?? 0) + 1);
    const targetFits = target && PLANE_ROOTS.some((t) => target.$instanceOf(t)) && (votes.get(target) ?? 0) > 0;
    if (targetFits) continue;
    // Prefer the collaboration (it draws pools and lanes), then the root drawing most shapes.
    const best = [...votes.entries()].sort((a, b) => Number(b[0].$instanceOf('bpmn:Collaboration')) - Number(a[0].$instanceOf('bpmn:Collaboration')) || b[1] - a[1])[0]?.[0];
    if (!best || best === target) continue;
    plane.bpmnElement = best;
    const was = !target
      ? 'tidak menunjuk elemen apa pun'
      : target.$instanceOf('bpmn:Definitions')
        ? 'menunjuk dokumen (definitions), bukan proses atau kolaborasi'
        : `menunjuk ${target.$type.replace('bpmn:', '')} "${target.id}" yang tidak digambar pada bidang itu`;
    warnings.push(
      warning(
        'DIAGRAM_REPAIRED',
        `Bidang gambar "${plane.id}" diarahkan ke ${best.$type.replace('bpmn:', '')} "${best.id}" yang bentuk-bentuknya ia gambar.`,
        `Bidang gambar dalam berkas ${was}; tanpa perbaikan peta terbuka sebagai kanvas kosong.`,
        plane.id,
      ),
    );
  }
  return warnings;
}
