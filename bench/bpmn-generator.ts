// Deterministic generator of realistic BPMN 2.0 XML (pool, lanes, tasks, gateways, full BPMNDI) of a given approximate size.

export interface GeneratorOptions {
  /** Index of the map; with `revision` it seeds every choice, so each (map, revision) gets its own document. */
  map: number;
  revision: number;
  /** Approximate size of the document in bytes (default ~50 KB). */
  targetBytes?: number;
}

export const DEFAULT_TARGET_BYTES = 50 * 1024;

const VERBS = [
  'Menerima', 'Memeriksa', 'Memverifikasi', 'Mencatat', 'Menyusun', 'Mengoreksi', 'Menandatangani', 'Mengarsipkan',
  'Mendisposisikan', 'Menelaah', 'Mengirim', 'Menyetujui', 'Membuat', 'Menyampaikan', 'Mengunggah', 'Menginput',
];
const OBJECTS = [
  'berkas permohonan', 'surat masuk', 'nota dinas', 'konsep surat keputusan', 'laporan kegiatan', 'dokumen pendukung',
  'rekomendasi teknis', 'data pemohon', 'bukti pembayaran retribusi', 'rancangan peraturan bupati', 'berita acara',
  'daftar hadir', 'surat perintah tugas', 'rencana kerja anggaran', 'hasil survei lapangan', 'formulir pengaduan',
];
const QUESTIONS = ['Berkas lengkap?', 'Disetujui?', 'Perlu revisi?', 'Sesuai ketentuan?', 'Anggaran tersedia?'];
const ROLES = [
  ['Kepala Dinas', 'pimpinan'], ['Sekretaris', 'pimpinan'], ['Kepala Bidang', 'pimpinan'], ['Kepala Subbagian Umum', 'pelaksana'],
  ['Analis Kebijakan', 'pelaksana'], ['Pengadministrasi Umum', 'pelaksana'], ['Petugas Loket', 'pelaksana'], ['Bendahara', 'pelaksana'],
] as const;
const TASK_TAGS = ['bpmn:userTask', 'bpmn:manualTask', 'bpmn:serviceTask', 'bpmn:task'] as const;

const LANE_COUNT = 4;
const LANE_HEIGHT = 160;
const POOL_X = 160;
const POOL_Y = 80;
const LABEL_WIDTH = 30;
const COLUMN = 160;
const TASK = { w: 120, h: 80 };
const GATEWAY = { w: 50, h: 50 };
const EVENT = { w: 36, h: 36 };

interface Node {
  id: string;
  lane: number;
  x: number;
  y: number;
  w: number;
  h: number;
  incoming: string[];
  outgoing: string[];
  xml: (refs: string) => string;
}

/** mulberry32: small, fast, deterministic. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export function generateBpmn({ map, revision, targetBytes = DEFAULT_TARGET_BYTES }: GeneratorOptions): string {
  const random = prng(Math.imul(map + 1, 0x9e3779b1) ^ Math.imul(revision + 1, 0x85ebca6b));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const tag = `${map.toString(36)}_${revision.toString(36)}`;
  let counter = 0;
  const nextId = (prefix: string) => `${prefix}_${tag}_${(counter++).toString(36)}`;

  const nodes: Node[] = [];
  const flows: { id: string; source: Node; target: Node; name?: string }[] = [];
  const laneY = (lane: number) => POOL_Y + lane * LANE_HEIGHT;
  const place = (lane: number, column: number, size: { w: number; h: number }) => ({
    lane,
    x: POOL_X + LABEL_WIDTH + 40 + column * COLUMN + (TASK.w - size.w) / 2,
    y: laneY(lane) + (LANE_HEIGHT - size.h) / 2,
    ...size,
  });
  const addNode = (node: Omit<Node, 'incoming' | 'outgoing'>): Node => {
    const full = { ...node, incoming: [], outgoing: [] };
    nodes.push(full);
    return full;
  };
  const connect = (source: Node, target: Node, name?: string) => {
    const id = nextId('Flow');
    source.outgoing.push(id);
    target.incoming.push(id);
    flows.push({ id, source, target, ...(name ? { name } : {}) });
  };
  const task = (lane: number, column: number): Node => {
    const kind = pick(TASK_TAGS);
    const name = `${pick(VERBS)} ${pick(OBJECTS)}`;
    const minutes = 5 + Math.floor(random() * 120);
    return addNode({
      id: nextId('Activity'),
      ...place(lane, column, TASK),
      xml: (refs) =>
        `    <${kind} id="ID" name="${escapeAttr(name)}" sk:time="${minutes} menit" sk:output="${escapeAttr(pick(OBJECTS))}">\n` +
        `      <bpmn:documentation>${escapeAttr(name)} sesuai standar pelayanan (peta ${map}, revisi ${revision}).</bpmn:documentation>\n` +
        `${refs}    </${kind}>\n`,
    });
  };
  const gateway = (lane: number, column: number, name?: string): Node =>
    addNode({
      id: nextId('Gateway'),
      ...place(lane, column, GATEWAY),
      xml: (refs) => `    <bpmn:exclusiveGateway id="ID"${name ? ` name="${escapeAttr(name)}"` : ''}>\n${refs}    </bpmn:exclusiveGateway>\n`,
    });

  // Roughly 950 bytes per node (semantic element, flow, shape, edge); grow until the estimate reaches the target.
  const perNode = 950;
  const fixed = 3500;
  const budgetNodes = Math.max(4, Math.round((targetBytes - fixed) / perNode));

  const start = addNode({
    id: nextId('StartEvent'),
    ...place(0, 0, EVENT),
    xml: (refs) => `    <bpmn:startEvent id="ID" name="Mulai">\n${refs}    </bpmn:startEvent>\n`,
  });
  let previous = start;
  let column = 1;
  while (nodes.length < budgetNodes - 1) {
    if (random() < 0.2 && nodes.length + 4 < budgetNodes) {
      const lane = previous.lane;
      const split = gateway(lane, column, pick(QUESTIONS));
      connect(previous, split);
      const other = (lane + 1 + Math.floor(random() * (LANE_COUNT - 1))) % LANE_COUNT;
      const yes = task(lane, column + 1);
      const no = task(other, column + 1);
      connect(split, yes, 'Ya');
      connect(split, no, 'Tidak');
      const merge = gateway(lane, column + 2);
      connect(yes, merge);
      connect(no, merge);
      previous = merge;
      column += 3;
    } else {
      const next = task(random() < 0.6 ? previous.lane : Math.floor(random() * LANE_COUNT), column);
      connect(previous, next);
      previous = next;
      column += 1;
    }
  }
  const end = addNode({
    id: nextId('EndEvent'),
    ...place(previous.lane, column, EVENT),
    xml: (refs) => `    <bpmn:endEvent id="ID" name="Selesai">\n${refs}    </bpmn:endEvent>\n`,
  });
  connect(previous, end);

  const poolWidth = LABEL_WIDTH + 80 + (column + 1) * COLUMN;
  const processId = `Process_${tag}`;
  const participantId = `Participant_${tag}`;
  const lanes = Array.from({ length: LANE_COUNT }, (_, i) => {
    const [jabatan, role] = ROLES[(map + i * 3 + revision) % ROLES.length]!;
    return { id: `Lane_${tag}_${i}`, jabatan, role };
  });

  const out: string[] = [];
  out.push(
    '<?xml version="1.0" encoding="UTF-8"?>\n',
    '<bpmn:definitions xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ',
    'xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" ',
    'xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" ',
    `xmlns:sk="urn:petakerja:bpmn:1" id="Definitions_${tag}" targetNamespace="http://bpmn.io/schema/bpmn" `,
    `exporter="petakerja-bench" exporterVersion="1" sk:mapKind="lintas-fungsi" sk:profile="nasional">\n`,
    `  <bpmn:collaboration id="Collaboration_${tag}">\n`,
    `    <bpmn:participant id="${participantId}" name="Unit kerja ${map % 40}" processRef="${processId}" sk:performanceOwner="true" />\n`,
    '  </bpmn:collaboration>\n',
    `  <bpmn:process id="${processId}" name="Proses ${map} revisi ${revision}" isExecutable="false">\n`,
    `    <bpmn:laneSet id="LaneSet_${tag}">\n`,
  );
  for (const [i, lane] of lanes.entries()) {
    out.push(`      <bpmn:lane id="${lane.id}" name="${lane.jabatan}" sk:jabatan="${lane.jabatan}" sk:role="${lane.role}">\n`);
    for (const node of nodes) if (node.lane === i) out.push(`        <bpmn:flowNodeRef>${node.id}</bpmn:flowNodeRef>\n`);
    out.push('      </bpmn:lane>\n');
  }
  out.push('    </bpmn:laneSet>\n');
  for (const node of nodes) {
    const refs =
      node.incoming.map((f) => `      <bpmn:incoming>${f}</bpmn:incoming>\n`).join('') +
      node.outgoing.map((f) => `      <bpmn:outgoing>${f}</bpmn:outgoing>\n`).join('');
    out.push(node.xml(refs).replace('id="ID"', `id="${node.id}"`));
  }
  for (const flow of flows) {
    out.push(
      `    <bpmn:sequenceFlow id="${flow.id}"${flow.name ? ` name="${flow.name}"` : ''} sourceRef="${flow.source.id}" targetRef="${flow.target.id}" />\n`,
    );
  }
  out.push('  </bpmn:process>\n');
  out.push(
    `  <bpmndi:BPMNDiagram id="BPMNDiagram_${tag}">\n`,
    `    <bpmndi:BPMNPlane id="BPMNPlane_${tag}" bpmnElement="Collaboration_${tag}">\n`,
    `      <bpmndi:BPMNShape id="${participantId}_di" bpmnElement="${participantId}" isHorizontal="true">\n`,
    `        <dc:Bounds x="${POOL_X}" y="${POOL_Y}" width="${poolWidth}" height="${LANE_COUNT * LANE_HEIGHT}" />\n`,
    '      </bpmndi:BPMNShape>\n',
  );
  for (const [i, lane] of lanes.entries()) {
    out.push(
      `      <bpmndi:BPMNShape id="${lane.id}_di" bpmnElement="${lane.id}" isHorizontal="true">\n`,
      `        <dc:Bounds x="${POOL_X + LABEL_WIDTH}" y="${laneY(i)}" width="${poolWidth - LABEL_WIDTH}" height="${LANE_HEIGHT}" />\n`,
      '      </bpmndi:BPMNShape>\n',
    );
  }
  for (const node of nodes) {
    const marker = node.id.startsWith('Gateway') ? ' isMarkerVisible="true"' : '';
    out.push(
      `      <bpmndi:BPMNShape id="${node.id}_di" bpmnElement="${node.id}"${marker}>\n`,
      `        <dc:Bounds x="${node.x}" y="${node.y}" width="${node.w}" height="${node.h}" />\n`,
    );
    if (!node.id.startsWith('Activity')) {
      out.push(
        '        <bpmndi:BPMNLabel>\n',
        `          <dc:Bounds x="${node.x - 10}" y="${node.y + node.h + 5}" width="${node.w + 20}" height="14" />\n`,
        '        </bpmndi:BPMNLabel>\n',
      );
    }
    out.push('      </bpmndi:BPMNShape>\n');
  }
  for (const flow of flows) {
    const { source: s, target: t } = flow;
    const sy = s.y + s.h / 2;
    const ty = t.y + t.h / 2;
    const sx = s.x + s.w;
    const mid = Math.round((sx + t.x) / 2);
    const points = sy === ty ? [[sx, sy], [t.x, ty]] : [[sx, sy], [mid, sy], [mid, ty], [t.x, ty]];
    out.push(`      <bpmndi:BPMNEdge id="${flow.id}_di" bpmnElement="${flow.id}">\n`);
    for (const [x, y] of points) out.push(`        <di:waypoint x="${x}" y="${y}" />\n`);
    if (flow.name) {
      out.push(
        '        <bpmndi:BPMNLabel>\n',
        `          <dc:Bounds x="${mid + 4}" y="${Math.min(sy, ty) + 4}" width="30" height="14" />\n`,
        '        </bpmndi:BPMNLabel>\n',
      );
    }
    out.push('      </bpmndi:BPMNEdge>\n');
  }
  out.push('    </bpmndi:BPMNPlane>\n  </bpmndi:BPMNDiagram>\n</bpmn:definitions>\n');
  return out.join('');
}
