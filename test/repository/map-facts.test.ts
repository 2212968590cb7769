// The streaming reader of repository facts (server/repository/map-facts.ts) against the full map model on real maps,
// call links resolved by attribute, code and name, and relations compared between hand-offs and a drawn peta relasi.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBpmn } from '../../server/bpmn/moddle';
import { readMap } from '../../server/lint/map-model/map-model';
import { MapIndex, resolveCall, type RepoMapRef } from '../../server/repository/call-links';
import { readMapFacts } from '../../server/repository/map-facts';
import { compareRelations, relationsDrawn, relationsFromHandOffs } from '../../server/repository/relations';
import { miwgFiles, readText, ROOT } from '../helpers/fixtures';
import { prosesWithCalls } from '../helpers/proses-bpmn';

const LIBRARY = path.join(ROOT, 'processes/library');
const libraryFiles = readdirSync(LIBRARY).filter((f) => f.endsWith('.bpmn')).map((f) => path.join(LIBRARY, f));

describe('readMapFacts', () => {
  it.each([...libraryFiles, ...miwgFiles()].map((file) => [path.basename(file), file]))(
    'finds the same cross-unit hand-offs as the map model in %s',
    async (_name, file) => {
      const xml = readText(file);
      const { definitions } = await parseBpmn(xml);
      const model = readMap(definitions);
      // A pool without a name is no unit a peta relasi can name: the facts leave its flows out, the model counts them.
      const expected = model.handOffs.filter((h) => h.crossUnit && h.fromUnit?.trim() && h.toUnit?.trim()).map((h) => h.id).sort();
      expect(readMapFacts(xml).crossUnit.map((c) => c.id).sort()).toEqual(expected);
    },
  );

  it('names what passes by the flow, else its letter, and reads the units of the pools', () => {
    const facts = readMapFacts(readText(path.join(LIBRARY, 'penunjukan-lintas-pd.bpmn')));
    expect(facts.units.map((u) => u.name)).toEqual(['Dinas Pemilik Kinerja', 'Badan Dituju']);
    expect(facts.crossUnit.every((c) => c.what !== '')).toBe(true);
    expect(facts.crossUnit.find((c) => c.id === 'MessageFlow_Permohonan')).toMatchObject({
      type: 'message',
      from: { key: 'dinas pemilik kinerja' },
      to: { key: 'badan dituju' },
    });
  });

  it('lists call activities and collapsed sub-processes, not expanded ones, with their link attributes', () => {
    const xml = prosesWithCalls([
      { id: 'Call_A', name: 'Pelayanan perizinan', calledMap: '11111111-1111-4111-8111-111111111111' },
      { id: 'Call_B', name: 'Pengelolaan arsip', calledElement: '1.2' },
      { id: 'Sub_C', name: 'Evaluasi kinerja', type: 'subProcess' },
    ]).replace('</bpmn:process>', '<bpmn:subProcess id="Expanded" name="Terbuka"><bpmn:task id="Inner" name="Di dalam"/></bpmn:subProcess></bpmn:process>');
    const facts = readMapFacts(xml);
    expect(facts.mapKind).toBe('proses');
    expect(facts.calls).toEqual([
      { id: 'Call_A', name: 'Pelayanan perizinan', type: 'callActivity', calledMap: '11111111-1111-4111-8111-111111111111' },
      { id: 'Call_B', name: 'Pengelolaan arsip', type: 'callActivity', calledElement: '1.2' },
      { id: 'Sub_C', name: 'Evaluasi kinerja', type: 'subProcess' },
    ]);
  });

  it('throws on XML that is not well-formed', () => {
    expect(() => readMapFacts('<bpmn:definitions')).toThrow();
  });
});

describe('resolveCall', () => {
  const map = (id: string, code: string, name: string, parentId?: string): RepoMapRef => ({
    id, code, name, kind: 'subproses', level: code.split('.').length - 1, unit: 'Dinas', ...(parentId ? { parentId } : {}),
  });
  const owner = map('owner', '1', 'Pelayanan publik');
  const index = new MapIndex([owner, map('a', '1.1', 'Pelayanan Perizinan', 'owner'), map('b', '1.2', 'Pengelolaan arsip', 'owner'), map('c', '2.1', 'Pelayanan perizinan')]);

  it('follows sk:calledMap first, then calledElement by id or code, then a child with the same name', () => {
    expect(resolveCall({ id: 'x', name: 'apa saja', type: 'callActivity', calledMap: 'c' }, owner, index)).toMatchObject({ target: { id: 'c' }, basis: 'sk:calledMap' });
    expect(resolveCall({ id: 'x', name: '', type: 'callActivity', calledElement: '1.2' }, owner, index)).toMatchObject({ target: { id: 'b' }, basis: 'calledElement' });
    expect(resolveCall({ id: 'x', name: '', type: 'callActivity', calledElement: 'map:b' }, owner, index)).toMatchObject({ target: { id: 'b' } });
    // By name only among the caller's children: "Pelayanan perizinan" of 2.1 is not a child of 1.
    expect(resolveCall({ id: 'x', name: 'pelayanan  perizinan', type: 'subProcess' }, owner, index)).toMatchObject({ target: { id: 'a' }, basis: 'nama' });
  });

  it('resolves nothing for an unknown id, code or name (and does not fall back from a named map id)', () => {
    expect(resolveCall({ id: 'x', name: 'Pelayanan perizinan', type: 'callActivity', calledMap: 'hilang' }, owner, index)).toBeUndefined();
    expect(resolveCall({ id: 'x', name: 'Tidak ada', type: 'callActivity', calledElement: '9.9' }, owner, index)).toBeUndefined();
  });
});

describe('relations', () => {
  it('realised by hand-offs and drawn in a relasi map are compared by unit pair', () => {
    const lintas = readMapFacts(readText(path.join(LIBRARY, 'penunjukan-lintas-pd.bpmn')));
    const realised = relationsFromHandOffs([{ mapId: 'm1', facts: lintas }]);
    expect(realised.map((r) => r.key).sort()).toEqual(['badan dituju → dinas pemilik kinerja', 'dinas pemilik kinerja → badan dituju']);
    const drawnOneWay = realised.filter((r) => r.key.startsWith('dinas'));
    const extra = { ...realised[0]!, key: 'bappeda → dinas pemilik kinerja', from: { name: 'Bappeda', key: 'bappeda' } };
    const comparison = compareRelations(realised, [...drawnOneWay, extra]);
    expect(comparison.both.map((b) => b.realised.key)).toEqual(['dinas pemilik kinerja → badan dituju']);
    expect(comparison.notDrawn.map((r) => r.key)).toEqual(['badan dituju → dinas pemilik kinerja']);
    expect(comparison.notRealised.map((r) => r.key)).toEqual(['bappeda → dinas pemilik kinerja']);
    expect(relationsDrawn(lintas).every((r) => r.sources.length > 0)).toBe(true);
  });
});
