// The repository's synonyms of the kamus jabatan (issue 14 item 4): GET/PUT/DELETE /api/kamus, stored through the
// settings store, and read by the lint of every map (GET /api/maps/:id/lint, POST /api/lint, readiness).
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readText, ROOT } from '../helpers/fixtures';
import { startTestServer } from '../helpers/server';

const server = await startTestServer();
afterAll(() => server.close());

/** A lintas fungsi map with lanes "Kepala Bidang", "Kasir" and "Pemohon". */
const KASIR_XML = readText(path.join(ROOT, 'test/lint/rules/mk/lane-role/invalid-unknown-names.bpmn'))
  .replace('name="Tim Hore"', 'name="Kasir"')
  .replace('id="Lane_Y" name=""', 'id="Lane_Y" name="Pemohon"');

const laneRole = (findings: Array<{ rule: string; element?: string; severity: string; message: string }>) => findings.filter((f) => f.rule === 'mk/lane-role');

describe('kamus API', () => {
  it('lets the bureau answer, list and forget synonyms; others read only', async () => {
    const penyusun = await server.userWith(['penyusun']);
    const reviewer = await server.userWith(['reviewer']);
    const pembaca = await server.userWith(['pembaca']);
    expect((await pembaca.api('/api/kamus')).body).toEqual({ items: [] });
    for (const client of [reviewer, pembaca]) {
      const refused = await client.api('/api/kamus/Kasir', { method: 'PUT', json: { jabatan: 'PELAKSANA' } });
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('FORBIDDEN');
    }
    const put = await penyusun.api(`/api/kamus/${encodeURIComponent('Petugas Front Office')}`, { method: 'PUT', json: { jabatan: 'PELAKSANA' } });
    expect(put.status).toBe(200);
    expect(put.body).toEqual({ name: 'Petugas Front Office', jabatan: 'PELAKSANA' });
    await server.api('/api/kamus/Customer', { method: 'PUT', json: { external: true } });
    // The same name, spelt otherwise, replaces the answer.
    await server.api(`/api/kamus/${encodeURIComponent('petugas  front-office')}`, { method: 'PUT', json: { jabatan: 'FUNGSIONAL' } });
    expect((await reviewer.api('/api/kamus')).body.items).toEqual([
      { name: 'Customer', external: true },
      { name: 'petugas  front-office', jabatan: 'FUNGSIONAL' },
    ]);
    expect((await reviewer.api('/api/kamus/Customer', { method: 'DELETE' })).status).toBe(403);
    expect((await penyusun.api('/api/kamus/Customer', { method: 'DELETE' })).status).toBe(204);
    expect((await pembaca.api('/api/kamus')).body.items.map((s: { name: string }) => s.name)).toEqual(['petugas  front-office']);
    // The change is audited.
    const audit = (await server.api('/api/audit')).body;
    expect(JSON.stringify(audit)).toContain('kamus jabatan: \\"Customer\\" dihapus');
    await server.api(`/api/kamus/${encodeURIComponent('petugas front office')}`, { method: 'DELETE' });
  });

  it.each([
    ['an unknown jabatan code', { jabatan: 'BOS' }],
    ['nothing said', {}],
    ['an outside party with a jabatan', { external: true, jabatan: 'PELAKSANA' }],
    ['a level out of range', { level: 4 }],
    ['an unknown field', { jabatan: 'PELAKSANA', unit: 'Dinas' }],
  ])('refuses %s with 400 VALIDATION_FAILED', async (_what, body) => {
    const refused = await server.api('/api/kamus/Kasir', { method: 'PUT', json: body });
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('VALIDATION_FAILED');
    expect((await server.api('/api/kamus')).body.items).toEqual([]);
  });

  it('refuses a name without letters, and answers 404 KAMUS_NOT_FOUND for an unknown name', async () => {
    const blank = await server.api(`/api/kamus/${encodeURIComponent('...')}`, { method: 'PUT', json: { jabatan: 'PELAKSANA' } });
    expect(blank.status).toBe(400);
    expect(blank.body.error.code).toBe('VALIDATION_FAILED');
    const missing = await server.api('/api/kamus/Tidak%20Ada', { method: 'DELETE' });
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('KAMUS_NOT_FOUND');
    expect(missing.body.error.message).toContain('Tidak Ada');
  });

  it('reads a lane through the synonym in the lint of a stored map and of a posted one', async () => {
    const imported = await server.api('/api/import?name=Peta%20kasir&kind=lintas-fungsi&unit=Dinas%20Kesehatan', { method: 'POST', headers: { 'content-type': 'application/xml' }, body: KASIR_XML });
    expect(imported.status).toBe(201);
    const mapId = imported.body.map.id as string;
    const before = laneRole((await server.api(`/api/maps/${mapId}/lint`)).body.findings);
    // The unread "Kasir" is a warning with its suggestion; "Pemohon" is an outside party, not reported.
    expect(before.map((f) => [f.element, f.severity])).toEqual([['Lane_X', 'warning']]);
    expect(before[0]!.message).toContain('mungkin maksud Anda: Pelaksana');

    expect((await server.api('/api/kamus/KASIR', { method: 'PUT', json: { jabatan: 'PELAKSANA' } })).status).toBe(200);
    expect(laneRole((await server.api(`/api/maps/${mapId}/lint`)).body.findings)).toEqual([]);
    expect(laneRole((await server.api('/api/lint', { method: 'POST', json: { xml: KASIR_XML } })).body.findings)).toEqual([]);

    await server.api('/api/kamus/Kasir', { method: 'DELETE' });
    expect(laneRole((await server.api(`/api/maps/${mapId}/lint`)).body.findings).map((f) => f.element)).toEqual(['Lane_X']);
  });
});
