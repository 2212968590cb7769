// The §F rules (RULES.md) on small repository snapshots: each valid and invalid, facts read from real BPMN.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MapKind } from '../../server/domain/vocabulary';
import { readMapFacts, type MapFacts } from '../../server/repository/map-facts';
import { lintRepository } from '../../server/repository/repository-lint';
import { callResolves } from '../../server/repository/rules/call-resolves';
import { levelOrder } from '../../server/repository/rules/level-order';
import { relasiConsistent } from '../../server/repository/rules/relasi-consistent';
import type { RepositorySnapshot, SnapshotMap } from '../../server/repository/rules/snapshot';
import { REPOSITORY_RULES } from '../../server/repository/repository-lint.schema';
import { lintasXml, processXml, relasiXml } from '../../scripts/repository/generate-repository';
import { ROOT } from '../helpers/fixtures';

const ID = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

interface Spec {
  n: number;
  code: string;
  name: string;
  kind: MapKind;
  level: number;
  parent?: number;
  unit?: string;
  xml: string;
}

function snapshot(specs: Spec[]): RepositorySnapshot {
  const facts = new Map<string, MapFacts>();
  const maps: SnapshotMap[] = specs.map((s) => {
    facts.set(ID(s.n), readMapFacts(s.xml));
    return {
      id: ID(s.n),
      code: s.code,
      name: s.name,
      kind: s.kind,
      level: s.level,
      ...(s.parent ? { parentId: ID(s.parent) } : {}),
      unit: s.unit ?? 'Dinas Kesehatan',
      currentRevision: 1,
      sha256: '0'.repeat(64),
    };
  });
  return { maps, facts: (id) => facts.get(id)! };
}

const KES = 'Dinas Kesehatan';
const DIK = 'Dinas Pendidikan';
const lintas = (n: number, parent: number, code: string): Spec => ({
  n, code, name: `Lintas ${code}`, kind: 'lintas-fungsi', level: 2, parent, xml: lintasXml(0, KES, DIK, code),
});
/** The relations penunjukan-lintas-pd realises between the two units, as drawn by the generator. */
const ALL_DRAWN = [
  { id: 'R1', from: KES, to: DIK, what: 'Surat permohonan pelibatan' },
  { id: 'R2', from: DIK, to: KES, what: 'Surat jawaban' },
];

describe('map/call-resolves', () => {
  const children: Spec[] = [
    { n: 2, code: '1.1', name: 'Pelayanan A', kind: 'subproses', level: 1, parent: 1, xml: processXml('subproses', 'A', [], 'a') },
    { n: 3, code: '1.2', name: 'Pelayanan B', kind: 'subproses', level: 1, parent: 1, xml: processXml('subproses', 'B', [], 'b') },
    { n: 4, code: '1.3', name: 'Pelayanan C', kind: 'subproses', level: 1, parent: 1, xml: processXml('subproses', 'C', [], 'c') },
  ];

  it('accepts calls resolved by sk:calledMap, by code in calledElement and by a child map\'s name', () => {
    const calls = [
      { id: 'Call_A', name: 'Sembarang', calledMap: ID(2) },
      { id: 'Call_B', name: 'Lain', calledElement: 'map:1.2' },
      { id: 'Call_C', name: 'pelayanan  c' },
    ];
    const snap = snapshot([{ n: 1, code: '1', name: 'Proses', kind: 'proses', level: 0, xml: processXml('proses', 'P', calls, 'p') }, ...children]);
    expect(callResolves(snap)).toEqual([]);
  });

  it('reports each call naming no map, with what was tried', () => {
    const calls = [
      { id: 'Call_Id', name: 'Pelayanan A', calledMap: ID(99) },
      { id: 'Call_Code', name: 'Tak ada', calledElement: '7.7' },
      { id: 'Call_Name', name: 'Pelayanan D' },
    ];
    const snap = snapshot([{ n: 1, code: '1', name: 'Proses', kind: 'proses', level: 0, xml: processXml('proses', 'P', calls, 'p') }, ...children]);
    const findings = callResolves(snap);
    expect(findings.map((f) => [f.element, f.severity, f.mapId])).toEqual([
      ['Call_Id', 'error', ID(1)],
      ['Call_Code', 'error', ID(1)],
      ['Call_Name', 'error', ID(1)],
    ]);
    // sk:calledMap is final: a child with the same name does not rescue a wrong id.
    expect(findings[0]!.message).toContain(`sk:calledMap "${ID(99)}" bukan id peta mana pun`);
    expect(findings[1]!.message).toContain('calledElement "7.7" bukan id atau kode peta mana pun');
    expect(findings[2]!.message).toBe(
      'Aktivitas pemanggil "Pelayanan D" memanggil peta yang tidak ada di repositori: tidak ada anak peta 1 Proses yang bernama "Pelayanan D".',
    );
    expect(findings[2]!.inferred).toBe(true);
  });
});

describe('map/relasi-consistent', () => {
  const process: Spec = { n: 1, code: '1', name: 'Proses', kind: 'subproses', level: 1, xml: processXml('subproses', 'P', [], 'p') };

  it('accepts a peta relasi drawing exactly the relations the hand-offs realise', () => {
    const snap = snapshot([process, lintas(2, 1, '1.1'), lintas(3, 1, '1.2'), { n: 4, code: '1.3', name: 'Relasi', kind: 'relasi', level: 2, parent: 1, xml: relasiXml('R', ALL_DRAWN, 'r') }]);
    expect(relasiConsistent(snap)).toEqual([]);
  });

  it('gives nothing without a peta relasi, or without lintas fungsi maps', () => {
    expect(relasiConsistent(snapshot([process, lintas(2, 1, '1.1')]))).toEqual([]);
    expect(relasiConsistent(snapshot([process, { n: 4, code: '1.3', name: 'Relasi', kind: 'relasi', level: 2, parent: 1, xml: relasiXml('R', ALL_DRAWN, 'r') }]))).toEqual([]);
  });

  it('reports a hand-off missing from the peta relasi on the lintas fungsi flow', () => {
    const snap = snapshot([process, lintas(2, 1, '1.1'), { n: 4, code: '1.3', name: 'Relasi', kind: 'relasi', level: 2, parent: 1, xml: relasiXml('R', ALL_DRAWN.slice(1), 'r') }]);
    const findings = relasiConsistent(snap);
    expect(findings.map((f) => [f.mapId, f.element, f.severity])).toEqual([[ID(2), 'MessageFlow_Permohonan', 'warning']]);
    expect(findings[0]!.message).toBe(`Serah terima ${KES} → ${DIK} (Surat permohonan pelibatan) tidak ada di peta relasi 1.3 Relasi.`);
  });

  it('reports a drawn relation no hand-off realises on the peta relasi\'s message flow', () => {
    const drawn = [...ALL_DRAWN, { id: 'R3', from: KES, to: 'Inspektorat', what: 'Laporan' }];
    const snap = snapshot([process, lintas(2, 1, '1.1'), { n: 4, code: '1.3', name: 'Relasi', kind: 'relasi', level: 2, parent: 1, xml: relasiXml('R', drawn, 'r') }]);
    const findings = relasiConsistent(snap);
    expect(findings.map((f) => [f.mapId, f.element])).toEqual([[ID(4), 'R3']]);
    expect(findings[0]!.message).toContain(`Relasi ${KES} → Inspektorat (Laporan) tidak diwujudkan`);
  });

  it('reads the lintas fungsi maps of the whole subtree', () => {
    const snap = snapshot([
      process,
      { n: 5, code: '1.1', name: 'Bagian', kind: 'proses', level: 2, parent: 1, xml: processXml('proses', 'B', [], 'b') },
      lintas(2, 5, '1.1.1'),
      { n: 4, code: '1.3', name: 'Relasi', kind: 'relasi', level: 2, parent: 1, xml: relasiXml('R', [], 'r') },
    ]);
    expect(relasiConsistent(snap).map((f) => f.mapId)).toEqual([ID(2), ID(2)]);
  });
});

describe('map/level-order', () => {
  it('accepts levels that grow by one from the parent', () => {
    const xml = processXml('proses', 'P', [], 'p');
    const snap = snapshot([
      { n: 1, code: '1', name: 'A', kind: 'proses', level: 0, xml },
      { n: 2, code: '1.1', name: 'B', kind: 'subproses', level: 1, parent: 1, xml },
      { n: 3, code: '1.1.1', name: 'C', kind: 'lintas-fungsi', level: 2, parent: 2, xml },
    ]);
    expect(levelOrder(snap)).toEqual([]);
  });

  it('reports a wrong level and a missing parent', () => {
    const xml = processXml('proses', 'P', [], 'p');
    const snap = snapshot([
      { n: 1, code: '1', name: 'A', kind: 'proses', level: 0, xml },
      { n: 2, code: '1.1', name: 'B', kind: 'subproses', level: 3, parent: 1, xml },
      { n: 3, code: '9.1', name: 'C', kind: 'lintas-fungsi', level: 2, parent: 42, xml },
    ]);
    const findings = levelOrder(snap);
    expect(findings.map((f) => [f.mapId, f.severity])).toEqual([[ID(2), 'error'], [ID(3), 'error']]);
    expect(findings[0]!.message).toBe('Level peta ini 3, padahal induknya 1 A berlevel 0: level anak peta harus 1.');
    expect(findings[1]!.message).toContain(`Peta induk (id ${ID(42)}) tidak ada di repositori`);
  });
});

describe('lintRepository', () => {
  it('runs the three rules and counts errors and warnings', () => {
    const snap = snapshot([
      { n: 1, code: '1', name: 'Proses', kind: 'subproses', level: 0, xml: processXml('subproses', 'P', [{ id: 'Call_X', name: 'Tak ada' }], 'p') },
      { ...lintas(2, 1, '1.1'), level: 4 },
      { n: 4, code: '1.3', name: 'Relasi', kind: 'relasi', level: 1, parent: 1, xml: relasiXml('R', ALL_DRAWN.slice(1), 'r') },
    ]);
    const result = lintRepository(snap);
    expect(result.findings.map((f) => `${f.mapCode} ${f.rule}`)).toEqual(['1 map/call-resolves', '1.1 map/level-order', '1.1 map/relasi-consistent']);
    expect(result.summary).toEqual({ errors: 2, warnings: 1 });
    expect(result.maps).toBe(3);
  });
});

describe('§F rule docs', () => {
  it.each(REPOSITORY_RULES)('%s has its doc under docs/rules/', (rule) => {
    expect(existsSync(path.join(ROOT, 'docs/rules', `${rule}.md`))).toBe(true);
  });
});
