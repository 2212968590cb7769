// The generated peta relasi (server/repository/relasi/generate.ts) from the relations of the library's lintas fungsi
// maps: valid BPMN the lint accepts, the same relations read back, and a layout whose flows run vertically between the
// right pools, each in its own column, with labels and pool names clear of each other.
import path from 'node:path';
import type { ModdleElement } from 'bpmn-moddle';
import { describe, expect, it } from 'vitest';
import { parseBpmn } from '../../server/bpmn/moddle';
import { lintDefinitions } from '../../server/lint/engine';
import { normaliseUnit } from '../../server/lint/map-model/unit-name';
import { readMapFacts } from '../../server/repository/map-facts';
import { flowName, generateRelasiXml, MAX_FLOW_NAME, type RelasiSource } from '../../server/repository/relasi/generate';
import { relationKey, relationsDrawn, relationsFromHandOffs, type Relation } from '../../server/repository/relations';
import { readText, ROOT } from '../helpers/fixtures';

const LIBRARY = path.join(ROOT, 'processes/library');
const LINTAS = ['penunjukan-lintas-pd', 'penunjukan-lintas-instansi', 'pengajuan-sukarela-lintas-unit'];
const libraryRelations = (): Relation[] =>
  relationsFromHandOffs(LINTAS.map((id) => ({ mapId: id, facts: readMapFacts(readText(path.join(LIBRARY, `${id}.bpmn`))) })));

const source = (relations: Relation[], unit = 'Dinas Pemilik Kinerja'): RelasiSource => ({
  processName: 'Penugasan pejabat fungsional',
  processCode: '1.2',
  unit,
  profile: 'badung',
  relations,
});

const unit = (name: string) => ({ name, key: normaliseUnit(name) });
const relation = (from: string, to: string, ...what: string[]): Relation => ({
  key: relationKey(unit(from), unit(to)),
  from: unit(from),
  to: unit(to),
  what,
  sources: [{ flowId: `F_${from}_${to}` }],
});

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
interface Diagram {
  pools: Map<string, { name: string; box: Box }>;
  flows: Array<{ id: string; name: string; source: string; target: string; points: Array<{ x: number; y: number }>; label: Box }>;
}

/** The pools and flows of a generated map with their diagram bounds, as moddle reads them. */
async function diagramOf(xml: string): Promise<Diagram> {
  const { definitions, warnings } = await parseBpmn(xml);
  expect(warnings).toEqual([]);
  const plane = (definitions.get('diagrams') as ModdleElement[])[0]!.get('plane') as ModdleElement;
  const di = new Map((plane.get('planeElement') as ModdleElement[]).map((e) => [(e.get('bpmnElement') as ModdleElement).id, e]));
  const collaboration = (definitions.get('rootElements') as ModdleElement[]).find((e) => e.$instanceOf('bpmn:Collaboration'))!;
  const box = (b: ModdleElement): Box => ({ x: b.x as number, y: b.y as number, width: b.width as number, height: b.height as number });
  const pools = new Map(
    (collaboration.get('participants') as ModdleElement[]).map((p) => [p.id as string, { name: p.name as string, box: box(di.get(p.id)!.get('bounds') as ModdleElement) }]),
  );
  const flows = (collaboration.get('messageFlows') as ModdleElement[]).map((f) => {
    const edge = di.get(f.id)!;
    return {
      id: f.id as string,
      name: f.name as string,
      source: (f.get('sourceRef') as ModdleElement).id as string,
      target: (f.get('targetRef') as ModdleElement).id as string,
      points: (edge.get('waypoint') as ModdleElement[]).map((p) => ({ x: p.x as number, y: p.y as number })),
      label: box((edge.get('label') as ModdleElement).get('bounds') as ModdleElement),
    };
  });
  return { pools, flows };
}

const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Every geometric promise of the layout (layout.ts) on one diagram. */
function expectClearLayout(diagram: Diagram): void {
  const pools = [...diagram.pools.values()];
  // Bands stacked top to bottom, equally wide, not overlapping.
  for (let i = 1; i < pools.length; i++) {
    expect(pools[i]!.box.y).toBeGreaterThan(pools[i - 1]!.box.y + pools[i - 1]!.box.height);
    expect(pools[i]!.box.x).toBe(pools[0]!.box.x);
    expect(pools[i]!.box.width).toBe(pools[0]!.box.width);
  }
  const xs = diagram.flows.map((f) => f.points[0]!.x);
  expect(new Set(xs).size, 'one column per flow').toBe(xs.length);
  for (const flow of diagram.flows) {
    const source = diagram.pools.get(flow.source)!.box;
    const target = diagram.pools.get(flow.target)!.box;
    const [start, end] = flow.points as [{ x: number; y: number }, { x: number; y: number }];
    expect(flow.points).toHaveLength(2);
    expect(start.x, `${flow.id} is vertical`).toBe(end.x);
    // From the source's facing edge to the target's.
    if (source.y < target.y) expect([start.y, end.y]).toEqual([source.y + source.height, target.y]);
    else expect([start.y, end.y]).toEqual([source.y, target.y + target.height]);
    expect(start.x).toBeGreaterThan(source.x);
    expect(start.x).toBeLessThan(source.x + source.width);
    const top = Math.min(start.y, end.y);
    const bottom = Math.max(start.y, end.y);
    // No flow crosses a pool's name (drawn centred in a collapsed pool, about 7.2 px a character at 12 px Arial).
    for (const pool of pools) {
      const centre = pool.box.x + pool.box.width / 2;
      const half = (pool.name.length * 7.2) / 2;
      if (pool.box.y < bottom && pool.box.y + pool.box.height > top) {
        expect(Math.abs(start.x - centre), `${flow.id} clear of the name of ${pool.name}`).toBeGreaterThan(half);
      }
    }
    // Its label lies beside it, in a gap between pools: over no pool, no other label, no other flow.
    expect(flow.label.x).toBeGreaterThan(start.x);
    expect(flow.label.y).toBeGreaterThanOrEqual(top);
    expect(flow.label.y + flow.label.height).toBeLessThanOrEqual(bottom);
    for (const pool of pools) expect(overlaps(flow.label, pool.box), `${flow.id}'s label over ${pool.name}`).toBe(false);
    for (const other of diagram.flows) {
      if (other === flow) continue;
      expect(overlaps(flow.label, other.label), `labels of ${flow.id} and ${other.id}`).toBe(false);
      const line = { x: other.points[0]!.x, y: Math.min(other.points[0]!.y, other.points[1]!.y), width: 1, height: Math.abs(other.points[1]!.y - other.points[0]!.y) };
      expect(overlaps(flow.label, line), `label of ${flow.id} over ${other.id}`).toBe(false);
    }
  }
}

describe('generateRelasiXml', () => {
  it('turns the relations of the library lintas fungsi maps into a peta relasi the parser and the lint accept', async () => {
    const relations = libraryRelations();
    expect(relations).toHaveLength(6);
    const xml = generateRelasiXml(source(relations));
    const { definitions, warnings } = await parseBpmn(xml);
    expect(warnings).toEqual([]);
    expect(definitions.get('sk:mapKind')).toBe('relasi');
    const collaboration = (definitions.get('rootElements') as ModdleElement[]).find((e) => e.$instanceOf('bpmn:Collaboration'))!;
    expect(collaboration.get('sk:mapKind')).toBe('relasi');
    expect(readMapFacts(xml).mapKind).toBe('relasi');
    // No inner detail: no process, no task, pools only.
    expect((definitions.get('rootElements') as ModdleElement[]).filter((e) => e.$instanceOf('bpmn:Process'))).toEqual([]);
    for (const profile of ['badung', 'nasional', 'gunung-mas'] as const) {
      expect((await lintDefinitions(definitions, profile)).filter((f) => f.severity === 'error')).toEqual([]);
    }
  });

  it('reads back as the relations it was built from', () => {
    const relations = libraryRelations();
    const drawn = relationsDrawn(readMapFacts(generateRelasiXml(source(relations))));
    const summary = (r: Relation) => ({ key: r.key, from: r.from.name, to: r.to.name });
    expect(drawn.map(summary).sort((a, b) => a.key.localeCompare(b.key))).toEqual(relations.map(summary).sort((a, b) => a.key.localeCompare(b.key)));
    for (const r of relations) expect(drawn.find((d) => d.key === r.key)!.what).toEqual([flowName(r.what)]);
    expect(relations.find((r) => r.what.length > 1)).toBeDefined();
  });

  it('stacks one pool per unit, the process unit first, and draws each flow vertically in its own column', async () => {
    const diagram = await diagramOf(generateRelasiXml(source(libraryRelations(), 'Instansi Dituju')));
    expect([...diagram.pools.values()].map((p) => p.name)).toEqual([
      'Instansi Dituju',
      'Dinas Pemilik Kinerja',
      'Badan Dituju',
      'Instansi Pemohon',
      'Bagian Asal',
      'Bagian Dituju',
    ]);
    expect(diagram.flows).toHaveLength(6);
    expectClearLayout(diagram);
  });

  it('keeps flows that pass other pools clear of their names, and labels of long lists apart', async () => {
    const long = 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu';
    const relations = [
      relation('Bagian Organisasi', 'Bagian Hukum', 'Rancangan peraturan'),
      relation('Bagian Hukum', 'Bagian Organisasi', 'Telaah hukum', 'Naskah harmonisasi'),
      relation('Bagian Organisasi', long, 'Surat permohonan pelibatan'),
      relation(long, 'Bagian Organisasi', 'Surat jawaban beserta daftar Pejabat Fungsional', 'Surat jawaban beserta alasan', 'Laporan kinerja anggota tim'),
      relation('Bagian Hukum', 'Inspektorat', 'Laporan'),
      relation('Inspektorat', 'Bagian Organisasi', 'Hasil reviu'),
      relation(long, 'Inspektorat', 'Laporan capaian kinerja triwulan'),
    ];
    const diagram = await diagramOf(generateRelasiXml(source(relations, 'Bagian Organisasi')));
    expect([...diagram.pools.values()].map((p) => p.name)).toEqual(['Bagian Organisasi', 'Bagian Hukum', long, 'Inspektorat']);
    expect(diagram.flows).toHaveLength(7);
    expectClearLayout(diagram);
  });

  it('gives the same XML for the same input', () => {
    const relations = libraryRelations();
    const first = generateRelasiXml(source(relations));
    expect(generateRelasiXml(source(libraryRelations()))).toBe(first);
    expect(generateRelasiXml(source([...relations]))).toBe(first);
  });

  it('names a flow by what passes, shortened past the limit with the whole list in its documentation', async () => {
    expect(flowName(['Surat permohonan pelibatan', 'Surat jawaban'])).toBe('Surat permohonan pelibatan, Surat jawaban');
    const many = ['Surat permohonan pelibatan', 'Surat jawaban beserta daftar Pejabat Fungsional', 'Laporan kinerja anggota tim', 'Surat penugasan'];
    const name = flowName(many);
    expect(name.length).toBeLessThanOrEqual(MAX_FLOW_NAME);
    expect(name).toBe('Surat permohonan pelibatan, Surat jawaban beserta daftar Pejabat Fungsional dan 2 lainnya');
    const one = flowName(['Surat '.repeat(40).trim()]);
    expect(one.length).toBeLessThanOrEqual(MAX_FLOW_NAME);
    expect(one.endsWith('Surat…')).toBe(true);

    const xml = generateRelasiXml(source([relation('Bagian A', 'Bagian B', ...many)], 'Bagian A'));
    const { definitions } = await parseBpmn(xml);
    const collaboration = (definitions.get('rootElements') as ModdleElement[]).find((e) => e.$instanceOf('bpmn:Collaboration'))!;
    const flow = (collaboration.get('messageFlows') as ModdleElement[])[0]!;
    expect(flow.name).toBe(name);
    expect((flow.get('documentation') as ModdleElement[])[0]!.text).toBe(`Yang diserahkan: ${many.join('; ')}`);
  });

  it('escapes names and keeps the ids of the map being regenerated', async () => {
    const relations = [relation('Bagian "A" & <B>', 'Bagian C', 'Surat <rahasia> & "penting"')];
    const keepIds = {
      participants: new Map([[normaliseUnit('Bagian C'), 'Participant_Gambar']]),
      flows: new Map([[relations[0]!.key, 'Flow_Gambar']]),
    };
    const xml = generateRelasiXml({ ...source(relations, 'Bagian C'), keepIds });
    const diagram = await diagramOf(xml);
    expect([...diagram.pools.keys()][0]).toBe('Participant_Gambar');
    expect(diagram.flows[0]).toMatchObject({ id: 'Flow_Gambar', name: 'Surat <rahasia> & "penting"', target: 'Participant_Gambar' });
    expect(relationsDrawn(readMapFacts(xml))[0]!.from.name).toBe('Bagian "A" & <B>');
  });
});
