// "Buat peta rincian" through the real server (issue 15 item 4): POST /api/maps/:id/rincian creates the child map of
// an unresolved call, links it from the activity by sk:calledMap in a new revision of the parent, and refuses what it
// must (review lock, stale revision, no such call, a call already linked, a reader) before writing anything.
import { describe, expect, it } from 'vitest';
import { prosesWithCalls } from '../helpers/proses-bpmn';
import { newSopMap, reviewStep } from '../helpers/review-cycle';
import { startTestServer } from '../helpers/server';

const server = await startTestServer();
const UNIT = 'Bagian Organisasi';
const penyusun = await server.userWith(['penyusun'], UNIT, 'penyusun.rincian');
const pembaca = await server.userWith(['pembaca'], UNIT, 'pembaca.rincian');

async function proses(name: string) {
  const xml = prosesWithCalls([{ id: 'Panggil_Arsip', name: 'Mengelola arsip' }, { id: 'Sub_Surat', name: 'Mengelola surat', type: 'subProcess' }], name);
  const created = await penyusun.api('/api/maps', { method: 'POST', json: { name, kind: 'proses', unit: UNIT, profile: 'badung', xml } });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body.map as { id: string; code: string };
}

const links = async (id: string) => (await penyusun.api(`/api/maps/${id}/links`)).body.items as Array<{ elementId: string; target: { id: string } | null; basis?: string }>;
const mapCount = async () => (await server.api('/api/maps')).body.items.length as number;

describe('POST /api/maps/:id/rincian', () => {
  it('creates the child subproses under the parent and links it from the activity in a new revision', async () => {
    const parent = await proses('Tata usaha');
    const created = await penyusun.api(`/api/maps/${parent.id}/rincian`, { method: 'POST', json: { elementId: 'Panggil_Arsip', baseRevision: 1 } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.map).toMatchObject({ name: 'Mengelola arsip', kind: 'subproses', unit: UNIT, profile: 'badung', parentId: parent.id, code: `${parent.code}.1` });
    expect(created.body.parent.currentRevision).toBe(2);
    expect(created.body.revision.message).toContain('Mengelola arsip');
    const xml = (await penyusun.api(`/api/maps/${parent.id}/revisions/2/xml`)).body as string;
    expect(xml).toMatch(new RegExp(`<bpmn:callActivity[^>]*id="Panggil_Arsip"[^>]*sk:calledMap="${created.body.map.id}"`));
    const after = await links(parent.id);
    expect(after.find((l) => l.elementId === 'Panggil_Arsip')).toMatchObject({ target: { id: created.body.map.id }, basis: 'sk:calledMap' });
    expect(after.find((l) => l.elementId === 'Sub_Surat')?.target).toBeNull();

    // A collapsed sub-process too, under a name of the user's choosing.
    const named = await penyusun.api(`/api/maps/${parent.id}/rincian`, { method: 'POST', json: { elementId: 'Sub_Surat', baseRevision: 2, name: 'Persuratan dinas' } });
    expect(named.status, JSON.stringify(named.body)).toBe(201);
    expect(named.body.map).toMatchObject({ name: 'Persuratan dinas', code: `${parent.code}.2` });
  });

  it('refuses before writing anything: linked call, unknown element, stale revision, a reader, the review lock', async () => {
    const parent = await proses('Kepegawaian');
    expect((await penyusun.api(`/api/maps/${parent.id}/rincian`, { method: 'POST', json: { elementId: 'Panggil_Arsip', baseRevision: 1 } })).status).toBe(201);
    const count = await mapCount();
    const post = (client: typeof penyusun, json: object) => client.api(`/api/maps/${parent.id}/rincian`, { method: 'POST', json });

    const linked = await post(penyusun, { elementId: 'Panggil_Arsip', baseRevision: 2 });
    expect([linked.status, linked.body.error.code]).toEqual([409, 'CALL_ALREADY_LINKED']);
    const unknown = await post(penyusun, { elementId: 'Mulai', baseRevision: 2 });
    expect([unknown.status, unknown.body.error.code]).toEqual([400, 'CALL_NOT_FOUND']);
    expect(unknown.body.error.message).toContain('bukan aktivitas pemanggil');
    const stale = await post(penyusun, { elementId: 'Sub_Surat', baseRevision: 1 });
    expect([stale.status, stale.body.error.code]).toEqual([409, 'REVISION_CONFLICT']);
    expect((await post(pembaca, { elementId: 'Sub_Surat', baseRevision: 2 })).status).toBe(403);
    expect((await post(penyusun, { elementId: '', baseRevision: 2 })).body.error.code).toBe('VALIDATION_FAILED');
    expect(await mapCount()).toBe(count);

    // An SOP under review: its map is frozen, so no child is created either.
    const sop = await newSopMap(penyusun, UNIT, 'SOP terkunci');
    expect((await reviewStep(server.admin, penyusun, sop, 'ajukan')).status).toBe(200);
    const before = await mapCount();
    const locked = await penyusun.api(`/api/maps/${sop}/rincian`, { method: 'POST', json: { elementId: 'x', baseRevision: 1 } });
    expect([locked.status, locked.body.error.code]).toEqual([409, 'REVIEW_LOCKED']);
    expect(await mapCount()).toBe(before);
  });
});
