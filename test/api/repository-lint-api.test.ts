// GET /api/repository/lint on the real server: the §F findings, limited to the units the user sees.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { RepositoryLintResult } from '../../server/repository/repository-lint.schema';
import { lintasXml, processXml, relasiXml } from '../../scripts/repository/generate-repository';
import { ROOT } from '../helpers/fixtures';
import { startTestServer, type TestServer } from '../helpers/server';

const KES = 'Dinas Kesehatan';
const SOS = 'Dinas Sosial';

describe('GET /api/repository/lint', () => {
  let server: TestServer;
  const ids: Record<string, string> = {};

  const create = async (key: string, body: Record<string, unknown>) => {
    const res = await server.api('/api/maps', { method: 'POST', json: body });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    ids[key] = res.body.map.id;
    return res.body.map;
  };

  beforeAll(async () => {
    server = await startTestServer();
    expect(readFileSync(path.join(ROOT, 'processes/library/penunjukan-lintas-pd.bpmn'), 'utf8')).toContain('Badan Dituju');
    await create('kes', { name: 'Peta proses Dinas Kesehatan', kind: 'proses', unit: KES, xml: processXml('proses', 'Kes', [{ id: 'Call_Hilang', name: 'Imunisasi', calledElement: '9.9' }], 'kes') });
    await create('kesSub', { name: 'Pelayanan kesehatan', kind: 'subproses', unit: KES, parentId: ids.kes, xml: processXml('subproses', 'Sub', [], 'sub') });
    await create('kesLintas', { name: 'Pelibatan pejabat fungsional', kind: 'lintas-fungsi', unit: KES, parentId: ids.kesSub, xml: lintasXml(0, KES, SOS, 'lintas') });
    // The peta relasi draws only the answer, not the request.
    await create('kesRelasi', { name: 'Peta relasi pelayanan kesehatan', kind: 'relasi', unit: KES, parentId: ids.kesSub, xml: relasiXml('Relasi', [{ id: 'R1', from: SOS, to: KES, what: 'Surat jawaban' }], 'relasi') });
    await create('sos', { name: 'Peta proses Dinas Sosial', kind: 'proses', unit: SOS, xml: processXml('proses', 'Sos', [{ id: 'Call_Nama', name: 'Bantuan sosial' }], 'sos') });
  }, 60_000);

  it('answers every finding to a user who sees all units', async () => {
    const res = await server.api('/api/repository/lint');
    expect(res.status).toBe(200);
    const result = RepositoryLintResult.parse(res.body);
    expect(result.findings.map((f) => [f.rule, f.mapId, f.element])).toEqual([
      ['map/call-resolves', ids.kes, 'Call_Hilang'],
      ['map/relasi-consistent', ids.kesLintas, 'MessageFlow_Permohonan'],
      ['map/call-resolves', ids.sos, 'Call_Nama'],
    ]);
    expect(result.summary).toEqual({ errors: 2, warnings: 1 });
    expect(result.maps).toBe(5);
    expect(result.findings[1]!.message).toBe(`Serah terima ${KES} → ${SOS} (Surat permohonan pelibatan) tidak ada di peta relasi 1.1.2 Peta relasi pelayanan kesehatan.`);
  });

  it('limits findings, counts and maps to a reviewer\'s own unit', async () => {
    const reviewer = await server.userWith(['reviewer'], SOS);
    const res = await reviewer.api('/api/repository/lint');
    expect(res.status).toBe(200);
    expect(res.body.findings.map((f: { mapId: string }) => f.mapId)).toEqual([ids.sos]);
    expect(res.body.summary).toEqual({ errors: 1, warnings: 0 });
    expect(res.body.maps).toBe(1);
    const elsewhere = await server.userWith(['pembaca'], 'Dinas Perhubungan');
    const none = await elsewhere.api('/api/repository/lint');
    expect(none.body).toMatchObject({ findings: [], summary: { errors: 0, warnings: 0 }, maps: 0 });
  });

  it('sees a fix on the next request', async () => {
    const map = (await server.api(`/api/maps/${ids.sos}`)).body.map;
    const saved = await server.api(`/api/maps/${ids.sos}/revisions`, { method: 'POST', json: { baseRevision: map.currentRevision, xml: processXml('proses', 'Sos', [], 'sos-2'), message: 'Perbaikan' } });
    expect(saved.status, JSON.stringify(saved.body)).toBe(201);
    const res = await server.api('/api/repository/lint');
    expect(res.body.findings.map((f: { mapId: string }) => f.mapId)).toEqual([ids.kes, ids.kesLintas]);
  });

  it('needs a session', async () => {
    expect((await server.anonymous().api('/api/repository/lint')).status).toBe(401);
  });
});
