// Every imported map opens drawn: a plane pointing at the definitions or at a process or collaboration it does not
// draw is pointed at the root it does draw (DIAGRAM_REPAIRED); a file with nothing drawn is laid out (diagram-layout.ts).
import type { BpmnModdle, ModdleElement } from 'bpmn-moddle';
import { allElements } from '../moddle';
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

/** The process a node belongs to (through its sub-processes). */
function processOf(element: ModdleElement): ModdleElement | undefined {
  for (let e = element.$parent; e; e = e.$parent) if (e.$instanceOf('bpmn:Process')) return e;
  return undefined;
}

/**
 * Whether the map opens drawn: some plane points at a process, or a collaboration whose pools stand for processes, and
 * draws at least one flow node of those processes (or there is no flow node to draw). A plane of a sub-process only
 * does not count: the process itself would open blank.
 */
export function drawsSomething(definitions: ModdleElement): boolean {
  const nodes = flowNodesOf(definitions);
  if (nodes.length === 0) return true;
  return list(definitions, 'diagrams').some((d) => {
    const plane = d.get('plane') as ModdleElement | undefined;
    const root = plane?.get('bpmnElement') as ModdleElement | undefined;
    if (!plane || !root) return false;
    const processes = root.$instanceOf('bpmn:Process')
      ? [root]
      : root.$instanceOf('bpmn:Collaboration')
        ? list(root, 'participants').flatMap((p) => (p.get('processRef') ? [p.get('processRef') as ModdleElement] : []))
        : [];
    return list(plane, 'planeElement').some((di) => {
      const element = di.get('bpmnElement') as ModdleElement | undefined;
      const process = element && element.$instanceOf('bpmn:FlowNode') ? processOf(element) : undefined;
      return process !== undefined && processes.includes(process);
    });
  });
}

/**
 * A pool whose processRef named no process (a tool renamed the process and not the reference) stands for the one
 * process no pool stands for, when there is exactly one of each: otherwise the pool opens empty.
 */
export function repairPools(definitions: ModdleElement, unresolvedPools: ModdleElement[]): ImportWarning[] {
  const roots = list(definitions, 'rootElements');
  const referenced = new Set(
    roots.filter((r) => r.$instanceOf('bpmn:Collaboration')).flatMap((c) => list(c, 'participants').map((p) => p.get('processRef'))),
  );
  let orphans = roots.filter((r) => r.$instanceOf('bpmn:Process') && !referenced.has(r) && list(r, 'flowElements').length > 0);
  const pools = unresolvedPools.filter((p) => !p.get('processRef'));
  if (pools.length !== 1) return [];
  const candidates = orphans.length;
  const pool = pools[0]!;
  if (orphans.length > 1) {
    // Several candidates: the one whose nodes the pool's collaboration diagram draws most.
    const drawn = new Set(
      list(definitions, 'diagrams')
        .map((d) => d.get('plane') as ModdleElement | undefined)
        .filter((plane) => plane?.get('bpmnElement') === pool.$parent)
        .flatMap((plane) => list(plane!, 'planeElement').map((di) => di.get('bpmnElement'))),
    );
    const count = (process: ModdleElement) => list(process, 'flowElements').filter((e) => drawn.has(e)).length;
    const most = Math.max(...orphans.map(count));
    orphans = most > 0 ? orphans.filter((process) => count(process) === most) : [];
  }
  if (orphans.length !== 1) return [];
  const process = orphans[0]!;
  const only = orphans.length === candidates;
  pool.set('processRef', process);
  return [
    warning(
      'DIAGRAM_REPAIRED',
      `Kolam "${pool.name ?? pool.id}" dihubungkan dengan proses "${process.id}".`,
      `Rujukan kolam ke prosesnya menunjuk id yang tidak ada, dan ${only ? 'hanya proses ini yang tidak berkolam' : 'gambar kolaborasinya paling banyak menggambar langkah proses ini'}; tanpa perbaikan kolam terbuka kosong.`,
      pool.id,
    ),
  ];
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

const labelOf = (e: ModdleElement) => (e.name ? `"${e.name}"` : (e.id ?? e.$type));

/**
 * What the diagram leaves out: a process none of whose steps is drawn (one a call activity calls, say), or steps of a
 * drawn process without a shape. The content is kept in the stored file; the modeller just does not show it.
 */
export function undrawnWarnings(definitions: ModdleElement): ImportWarning[] {
  const drawn = new Set(
    list(definitions, 'diagrams').flatMap((d) => {
      const plane = d.get('plane') as ModdleElement | undefined;
      return plane ? list(plane, 'planeElement').map((di) => di.get('bpmnElement')) : [];
    }),
  );
  const warnings: ImportWarning[] = [];
  for (const process of list(definitions, 'rootElements').filter((r) => r.$instanceOf('bpmn:Process'))) {
    const nodes = flowNodesOf({ get: (p: string) => (p === 'rootElements' ? [process] : undefined) } as unknown as ModdleElement);
    const undrawn = nodes.filter((n) => !drawn.has(n));
    if (undrawn.length === 0) continue;
    const shown = undrawn.slice(0, 3).map(labelOf).join(', ') + (undrawn.length > 3 ? ', …' : '');
    warnings.push(
      warning(
        'NOT_DRAWN',
        undrawn.length === nodes.length
          ? `Proses ${labelOf(process)} (${nodes.length} langkah) tidak digambar pada peta; isinya tetap tersimpan.`
          : `${undrawn.length} dari ${nodes.length} langkah proses ${labelOf(process)} tidak digambar (${shown}); isinya tetap tersimpan.`,
        'Gambar dalam berkas tidak memuat bentuk untuk langkah itu, sehingga pemodel tidak menampilkannya.',
        process.id,
      ),
    );
  }
  return warnings;
}

/**
 * A file with no step to draw and no diagram (an empty collaboration, a choreography only) still opens: an empty plane
 * on its collaboration or process — or, when it has neither, on a new empty process — with a warning saying why the
 * canvas is empty. bpmn-js refuses a file without any diagram ("no diagram to display").
 */
export function ensureCanvas(moddle: BpmnModdle, definitions: ModdleElement): ImportWarning[] {
  if (list(definitions, 'diagrams').some((d) => d.get('plane'))) return [];
  const roots = list(definitions, 'rootElements');
  let root = roots.find((r) => r.$instanceOf('bpmn:Collaboration')) ?? roots.find((r) => r.$instanceOf('bpmn:Process'));
  const unsupported = roots.filter((r) => r.$instanceOf('bpmn:Choreography'));
  let added = false;
  if (!root) {
    const taken = new Set([...allElements(definitions)].flatMap((e) => (e.id ? [e.id as string] : [])));
    let id = 'Proses_kosong';
    while (taken.has(id)) id = `${id}_1`;
    root = moddle.create('bpmn:Process', { id, isExecutable: false });
    root.$parent = definitions;
    definitions.set('rootElements', [...roots, root]);
    added = true;
  }
  const plane = moddle.create('bpmndi:BPMNPlane', { id: `${root.id}_BPMNPlane`, bpmnElement: root, planeElement: [] });
  const diagram = moddle.create('bpmndi:BPMNDiagram', { id: `${root.id}_BPMNDiagram`, plane });
  diagram.$parent = definitions;
  definitions.set('diagrams', [diagram]);
  const what = unsupported.length
    ? `Berkas hanya memuat koreografi (${unsupported.map(labelOf).join(', ')}), yang tidak dapat digambar oleh pemodel Petakerja; isinya tetap tersimpan.`
    : 'Berkas tidak memuat langkah proses apa pun untuk digambar.';
  return [
    warning(
      'EMPTY_CANVAS',
      added ? `${what} Sebuah proses kosong ditambahkan agar peta dapat dibuka.` : what,
      'Tanpa bidang gambar peta tidak dapat dibuka sama sekali; peta terbuka sebagai kanvas kosong yang dapat Anda isi.',
      root.id,
    ),
  ];
}
