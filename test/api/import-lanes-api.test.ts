// POST /api/import?lanes=<JSON> (issue 14 item 4): the lanes answered in the import dialog are written as sk:
// attributes, their names are learnt as repository synonyms, and an answer for a lane the file lacks is refused.
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readText, ROOT } from '../helpers/fixtures';
import { startTestServer } from '../helpers/server';

const server = await startTestServer();
afterAll(() => server.close());

const XML = readText(path.join(ROOT, 'test/import/lanes-import.bpmn'));
const importWith = (lanes: unknown, name = 'Peta jalur', xml = XML) =>
  server.api(`/api/import?name=${encodeURIComponent(name)}&kind=lintas-fungsi&unit=Dinas%20Kesehatan&lanes=${encodeURIComponent(typeof lanes === 'string' ? lanes : JSON.stringify(lanes))}`, {
    method: 'POST',
    headers: { 'content-type': 'application/xml' },
    body: xml,
  });
const laneRole = async (mapId: string) =>
  ((await server.api(`/api/maps/${mapId}/lint`)).body.findings as Array<{ rule: string; element: string }>).filter((f) => f.rule === 'mk/lane-role').map((f) => f.element);

describe('import with answered lanes', () => {
  it('lists the lanes in the preview, with what the kamus reads and suggests', async () => {
    const preview = await server.api('/api/import/preview', { method: 'POST', headers: { 'content-type': 'application/xml' }, body: XML });
    expect(preview.status).toBe(200);
    const lanes = preview.body.lanes as Array<{ laneId: string; known: boolean; suggestions: Array<{ label: string }> }>;
    expect(lanes.map((l) => [l.laneId, l.known, l.suggestions.map((s) => s.label).join()])).toEqual([
      ['Lane_Kabid', true, ''],
      ['Lane_Kasir', false, 'Pelaksana'],
      ['Lane_Pemohon', true, ''],
      ['Lane_Vendor', true, ''],
      ['Lane_Ruang', false, ''],
    ]);
  });

  it('refuses an answer for a lane the file lacks, or malformed answers, creating nothing', async () => {
    const before = (await server.api('/api/maps')).body.items.length;
    const unknown = await importWith({ Lane_Hilang: { jabatan: 'PELAKSANA' } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.code).toBe('LANE_NOT_FOUND');
    expect(unknown.body.error.message).toContain('Lane_Hilang');
    for (const bad of ['{bukan json', { Lane_Kasir: { jabatan: 'KASIR' } }, { Lane_Kasir: {} }]) {
      const refused = await importWith(bad);
      expect(refused.status).toBe(400);
      expect(refused.body.error.code).toBe('VALIDATION_FAILED');
    }
    expect((await server.api('/api/maps')).body.items.length).toBe(before);
    expect((await server.api('/api/kamus')).body.items).toEqual([]);
  });

  it('stores the answers as sk: attributes, clears the lane-role findings and teaches the kamus', async () => {
    const plain = await importWith({}, 'Peta tanpa jawaban');
    expect(plain.status).toBe(201);
    expect(await laneRole(plain.body.map.id)).toEqual(['Lane_Kasir', 'Lane_Ruang']);

    const answered = await importWith({ Lane_Kasir: { jabatan: 'PELAKSANA' }, Lane_Ruang: { external: true } });
    expect(answered.status).toBe(201);
    const mapId = answered.body.map.id as string;
    const xml = (await server.api(`/api/maps/${mapId}/revisions/1/xml`)).body as string;
    expect(xml).toMatch(/<bpmn:lane id="Lane_Kasir" name="Kasir" sk:jabatan="PELAKSANA">/);
    expect(xml).toMatch(/<bpmn:lane id="Lane_Ruang" name="Ruang Control" sk:external="true">/);
    expect(await laneRole(mapId)).toEqual([]);
    expect((await server.api('/api/kamus')).body.items).toEqual([
      { name: 'Kasir', jabatan: 'PELAKSANA' },
      { name: 'Ruang Control', external: true },
    ]);
    // The map imported before the answers now reads its lanes through the learnt synonyms.
    expect(await laneRole(plain.body.map.id)).toEqual([]);
  });

  it('does not block submission on unread lanes, but does on a declared unknown code', async () => {
    const readinessLaneRole = async (mapId: string) =>
      ((await server.api(`/api/maps/${mapId}/review/readiness`)).body.findings as Array<{ rule: string; element: string; severity: string }>)
        .filter((f) => f.rule === 'mk/lane-role')
        .map((f) => `${f.element} ${f.severity}`);
    const unread = await importWith({}, 'Peta belum dijawab', XML.replace('name="Kasir"', 'name="Petugas Loket"'));
    // "Ruang Control" was learnt as an outside party above.
    expect(await laneRole(unread.body.map.id)).toEqual(['Lane_Kasir']);
    expect(await readinessLaneRole(unread.body.map.id)).toEqual([]);
    const declared = await importWith({}, 'Peta kode salah', XML.replace('name="Ruang Control"', 'name="Ruang Control" sk:jabatan="BOS"'));
    expect(await readinessLaneRole(declared.body.map.id)).toEqual(['Lane_Ruang error']);
  });
});
