// A generated repository for the tests and the bench of the repository-wide checks (docs/repository-lint.md):
// per unit a level-0 peta proses calling its subproses maps; per subproses (level 1) call activities naming its
// lintas fungsi children (by sk:calledMap, by calledElement = code, and by name only), lintas fungsi maps (level 2)
// made from processes/library with pools named after real units so hand-offs cross units, and a peta relasi drawn
// from the relations those hand-offs realise. A known list of defects is planted so tests can expect exactly them.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { MapKind, Profile } from '../../server/domain/vocabulary';
import { readMapFacts } from '../../server/repository/map-facts';
import { relationsFromHandOffs, type Relation } from '../../server/repository/relations';
import type { RepositoryRule } from '../../server/repository/repository-lint.schema';
import { mapDocumentPath } from '../../server/store/lowdb-map-store';
import type { MapStore } from '../../server/store/map-store';
import { writeFileDurably } from '../../server/store/durable-file';
import { openEmbeddedStore } from '../../server/store/store';

const LIBRARY = new URL('../../processes/library/', import.meta.url);

/** Library maps with two unit pools, and the two unit names to replace: [owner side, other side]. */
const LINTAS_TEMPLATES: Array<{ file: string; units: [string, string] }> = [
  { file: 'penunjukan-lintas-pd.bpmn', units: ['Dinas Pemilik Kinerja', 'Badan Dituju'] },
  { file: 'penunjukan-lintas-unit.bpmn', units: ['Bagian Pemilik Kinerja', 'Bagian Dituju'] },
  { file: 'pengajuan-sukarela-lintas-unit.bpmn', units: ['Bagian Asal', 'Bagian Dituju'] },
  { file: 'penunjukan-lintas-instansi.bpmn', units: ['Instansi Pemohon', 'Instansi Dituju'] },
];

export const UNIT_NAMES = [
  'Dinas Kesehatan',
  'Dinas Pendidikan dan Kebudayaan',
  'Badan Perencanaan Pembangunan Daerah',
  'Bagian Organisasi',
  'Dinas Pekerjaan Umum dan Penataan Ruang',
  'Badan Keuangan dan Aset Daerah',
  'Dinas Sosial',
  'Inspektorat Daerah',
  'Dinas Kependudukan dan Pencatatan Sipil',
  'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia',
  'Dinas Komunikasi dan Informatika',
  'Dinas Perhubungan',
  'Dinas Lingkungan Hidup',
  'Dinas Pertanian dan Ketahanan Pangan',
  'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu',
  'Satuan Polisi Pamong Praja',
  'Bagian Hukum',
  'Bagian Umum',
  'Sekretariat DPRD',
  'Dinas Perumahan dan Kawasan Permukiman',
];
const unitName = (i: number) => UNIT_NAMES[i] ?? `Kecamatan Contoh ${i - UNIT_NAMES.length + 1}`;
/** A unit drawn in a peta relasi but in no hand-off (the planted "not realised" relation). */
export const UNINVOLVED_UNIT = 'Badan Penanggulangan Bencana Daerah';

export interface PlantedFinding {
  rule: RepositoryRule;
  mapId: string;
  element?: string;
}

export interface GenerateOptions {
  /** At least this many maps, rounded up to whole units (51 maps per unit with the defaults; 4 units at least). */
  maps: number;
  subprocessesPerUnit?: number;
  lintasPerSubprocess?: number;
  profile?: Profile;
  /** Plant the known defects (default true). */
  defects?: boolean;
  author?: string;
}

export interface GeneratedRepository {
  mapCount: number;
  units: string[];
  /** The findings the planted defects must give, and no others. */
  planted: PlantedFinding[];
  /** A map whose level is to be made wrong on disk (the MapStore never writes a wrong level): plantWrongLevel. */
  wrongLevel?: { mapId: string; level: number };
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

interface CallSpec {
  id: string;
  name: string;
  calledElement?: string;
  calledMap?: string;
}

/** A one-process map (proses, subproses) of call activities in a row between a start and an end event, with DI. */
export function processXml(kind: MapKind, name: string, calls: CallSpec[], tag: string): string {
  const nodes = [{ id: 'Start', el: 'startEvent', name: 'Mulai' }, ...calls.map((c) => ({ ...c, el: 'callActivity' })), { id: 'End', el: 'endEvent', name: 'Selesai' }];
  const body = nodes
    .map((n) => {
      const c = n as CallSpec & { el: string };
      const attrs = `${c.calledElement ? ` calledElement="${esc(c.calledElement)}"` : ''}${c.calledMap ? ` sk:calledMap="${esc(c.calledMap)}"` : ''}`;
      return `    <bpmn:${c.el} id="${c.id}" name="${esc(c.name)}"${attrs} />`;
    })
    .join('\n');
  const flows = nodes.slice(1).map((n, i) => `    <bpmn:sequenceFlow id="Flow_${i + 1}" sourceRef="${nodes[i]!.id}" targetRef="${n.id}" />`).join('\n');
  const x = (i: number) => 100 + i * 160;
  const shapes = nodes
    .map((n, i) => {
      const event = n.el !== 'callActivity';
      return `      <bpmndi:BPMNShape id="${n.id}_di" bpmnElement="${n.id}"><dc:Bounds x="${event ? x(i) + 32 : x(i)}" y="${event ? 122 : 100}" width="${event ? 36 : 100}" height="${event ? 36 : 80}" /></bpmndi:BPMNShape>`;
    })
    .join('\n');
  const edges = nodes
    .slice(1)
    .map((_n, i) => `      <bpmndi:BPMNEdge id="Flow_${i + 1}_di" bpmnElement="Flow_${i + 1}"><di:waypoint x="${x(i) + 100}" y="140" /><di:waypoint x="${x(i + 1)}" y="140" /></bpmndi:BPMNEdge>`)
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<!-- generated: ${esc(tag)} -->
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:sk="urn:petakerja:bpmn:1" id="Definitions_1" targetNamespace="urn:petakerja:generated" sk:mapKind="${kind}">
  <bpmn:process id="Process_1" name="${esc(name)}" isExecutable="false">
${body}
${flows}
  </bpmn:process>
  <bpmndi:BPMNDiagram id="Diagram_1">
    <bpmndi:BPMNPlane id="Plane_1" bpmnElement="Process_1">
${shapes}
${edges}
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
`;
}

export interface DrawnRelation {
  id: string;
  from: string;
  to: string;
  what: string;
}

/** A peta relasi: one black-box pool per unit and a message flow per relation, named by what passes. */
export function relasiXml(name: string, relations: DrawnRelation[], tag: string): string {
  const units = [...new Set(relations.flatMap((r) => [r.from, r.to]))];
  const poolId = (unit: string) => `Pool_${units.indexOf(unit) + 1}`;
  const pools = units.map((u) => `    <bpmn:participant id="${poolId(u)}" name="${esc(u)}" sk:unit="${esc(u)}" />`).join('\n');
  const flows = relations.map((r) => `    <bpmn:messageFlow id="${r.id}" name="${esc(r.what)}" sourceRef="${poolId(r.from)}" targetRef="${poolId(r.to)}" />`).join('\n');
  const y = (i: number) => 80 + i * 160;
  const shapes = units.map((u, i) => `      <bpmndi:BPMNShape id="${poolId(u)}_di" bpmnElement="${poolId(u)}" isHorizontal="true"><dc:Bounds x="100" y="${y(i)}" width="900" height="80" /></bpmndi:BPMNShape>`).join('\n');
  const edges = relations
    .map((r, i) => {
      const a = units.indexOf(r.from);
      const b = units.indexOf(r.to);
      const x = 140 + i * 60;
      return `      <bpmndi:BPMNEdge id="${r.id}_di" bpmnElement="${r.id}"><di:waypoint x="${x}" y="${a < b ? y(a) + 80 : y(a)}" /><di:waypoint x="${x}" y="${a < b ? y(b) : y(b) + 80}" /></bpmndi:BPMNEdge>`;
    })
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<!-- generated: ${esc(tag)} -->
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:sk="urn:petakerja:bpmn:1" id="Definitions_1" targetNamespace="urn:petakerja:generated" sk:mapKind="relasi">
  <bpmn:collaboration id="Collaboration_1" name="${esc(name)}">
${pools}
${flows}
  </bpmn:collaboration>
  <bpmndi:BPMNDiagram id="Diagram_1">
    <bpmndi:BPMNPlane id="Plane_1" bpmnElement="Collaboration_1">
${shapes}
${edges}
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
`;
}

const templates = LINTAS_TEMPLATES.map((t) => ({ ...t, xml: readFileSync(fileURLToPath(new URL(t.file, LIBRARY)), 'utf8') }));

/** A library lintas fungsi map with its two units renamed, tagged so that every generated map has its own revision. */
export function lintasXml(template: number, owner: string, other: string, tag: string): string {
  const t = templates[template % templates.length]!;
  const xml = t.xml.split(t.units[0]).join(owner).split(t.units[1]).join(other);
  return xml.replace(/^(<\?xml[^>]*\?>)?/, (decl) => `${decl}\n<!-- generated: ${esc(tag)} -->`);
}

const drawnFrom = (relations: Relation[]): DrawnRelation[] =>
  relations.map((r, i) => ({ id: `Relasi_${i + 1}`, from: r.from.name, to: r.to.name, what: r.what.join('; ') }));

/** Creates the maps in `store` (which should be empty) and answers the defects planted. */
export async function generateRepository(store: MapStore, options: GenerateOptions): Promise<GeneratedRepository> {
  const perSub = options.lintasPerSubprocess ?? 8;
  const subs = options.subprocessesPerUnit ?? 5;
  const perUnit = 1 + subs * (perSub + 2);
  const unitCount = Math.max(4, Math.ceil(options.maps / perUnit));
  const units = Array.from({ length: unitCount }, (_, i) => unitName(i));
  const profile = options.profile ?? 'nasional';
  const author = options.author ?? 'Generator repositori';
  const defects = options.defects ?? true;
  const planted: PlantedFinding[] = [];
  let wrongLevel: GeneratedRepository['wrongLevel'];
  let mapCount = 0;
  const create = async (name: string, kind: MapKind, unit: string, code: string, xml: string, parentId?: string) => {
    mapCount++;
    return store.createMap({ name, kind, unit, profile, code, ...(parentId ? { parentId } : {}) }, { xml, author, message: 'Dibuat oleh generator repositori' });
  };

  for (let u = 0; u < unitCount; u++) {
    const unit = units[u]!;
    const top = `${u + 1}`;
    const subNames = Array.from({ length: subs }, (_, k) => `Subproses ${k + 1} ${unit}`);
    const topCalls: CallSpec[] = subNames.map((name, k) => ({ id: `Call_${k + 1}`, name, calledElement: `${top}.${k + 1}` }));
    const deletedCall = defects && u === 1;
    if (deletedCall) topCalls.push({ id: 'Call_Dihapus', name: 'Subproses yang dihapus', calledMap: randomUUID() });
    const topMap = await create(`Peta proses ${unit}`, 'proses', unit, top, processXml('proses', `Peta proses ${unit}`, topCalls, top));
    if (deletedCall) planted.push({ rule: 'map/call-resolves', mapId: topMap.id, element: 'Call_Dihapus' });

    for (let k = 0; k < subs; k++) {
      const code = `${top}.${k + 1}`;
      const sub = await create(subNames[k]!, 'subproses', unit, code, processXml('subproses', subNames[k]!, [], code), topMap.id);
      const children = await Promise.all(
        Array.from({ length: perSub }, (_, j) => {
          const other = units[(u + 1 + (j % 3)) % unitCount]!;
          const childCode = `${code}.${j + 1}`;
          const name = `Lintas fungsi ${j + 1} ${subNames[k]}`;
          return create(name, 'lintas-fungsi', unit, childCode, lintasXml(j + k, unit, other, childCode), sub.id);
        }),
      );
      // Relations realised by the children's hand-offs, read as the rule reads them (children in code order, like the rule).
      const realised = relationsFromHandOffs(
        await Promise.all(children.map(async (c) => ({ mapId: c.id, facts: readMapFacts(await store.readRevisionXml(c.id, 1)) }))),
      );
      let drawn = drawnFrom(realised);
      if (defects && u === 0 && k === 1) {
        const missing = realised[0]!;
        drawn = drawn.slice(1);
        planted.push({ rule: 'map/relasi-consistent', mapId: missing.sources[0]!.mapId!, element: missing.sources[0]!.flowId });
      }
      const relasiCode = `${code}.${perSub + 1}`;
      const extra = defects && u === 1 && k === 0;
      if (extra) drawn.push({ id: 'Relasi_Tambahan', from: unit, to: UNINVOLVED_UNIT, what: 'Data kebencanaan' });
      const relasi = await create(`Peta relasi ${subNames[k]}`, 'relasi', unit, relasiCode, relasiXml(`Peta relasi ${subNames[k]}`, drawn, relasiCode), sub.id);
      if (extra) planted.push({ rule: 'map/relasi-consistent', mapId: relasi.id, element: 'Relasi_Tambahan' });

      // Now that the children have ids: call them by sk:calledMap, by code in calledElement, or by name only.
      const calls: CallSpec[] = children.map((c, j) => ({
        id: `Call_${j + 1}`,
        name: c.name,
        ...(j % 3 === 0 ? { calledMap: c.id } : j % 3 === 1 ? { calledElement: c.code } : {}),
      }));
      const missingCall = defects && u === 0 && k === 0;
      if (missingCall) {
        calls.push({ id: 'Call_Hilang', name: 'Verifikasi arsip', calledElement: '99.99' });
        planted.push({ rule: 'map/call-resolves', mapId: sub.id, element: 'Call_Hilang' });
      }
      await store.addRevision(sub.id, 1, { xml: processXml('subproses', sub.name, calls, `${code} r2`), author, message: 'Aktivitas pemanggil anak peta' });
      if (defects && u === 2 && k === 0) {
        wrongLevel = { mapId: children[0]!.id, level: 5 };
        planted.push({ rule: 'map/level-order', mapId: children[0]!.id });
      }
    }
  }
  return { mapCount, units, planted, ...(wrongLevel ? { wrongLevel } : {}) };
}

/** Writes a wrong level into a map's stored record while no store has the directory open. */
export async function plantWrongLevel(dataDir: string, defect: { mapId: string; level: number }): Promise<void> {
  const file = mapDocumentPath(dataDir, defect.mapId);
  const doc = JSON.parse(await readFile(file, 'utf8'));
  doc.map.level = defect.level;
  await writeFileDurably(file, JSON.stringify(doc, null, 2));
}

/** Generates into the data directory `dataDir` (opened and closed here), the wrong level included. */
export async function generateRepositoryDir(dataDir: string, options: GenerateOptions): Promise<GeneratedRepository> {
  const store = await openEmbeddedStore(dataDir);
  let generated: GeneratedRepository;
  try {
    generated = await generateRepository(store.maps, options);
  } finally {
    await store.close();
  }
  if (generated.wrongLevel) await plantWrongLevel(dataDir, generated.wrongLevel);
  return generated;
}
