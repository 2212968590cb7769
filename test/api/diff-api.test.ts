// GET /api/maps/:id/diff through the real server: the model, SOP identity and SOP row changes between two saved
// revisions, its defaults and refusals (another unit, unknown revisions, bad numbers).
import { describe, expect, it } from 'vitest';
import { startTestServer } from '../helpers/server';
import { ADDED_TASK, LANE_MOVED_TASK, ORIGINAL_XML, RECONNECTED_FLOW, RENAMED_TASK, revisedXml } from '../review/revised-map';

const server = await startTestServer();
const { api } = server;
const UNIT = 'Dinas Kesehatan';

async function saveRevision(id: string, xml: string, message: string): Promise<number> {
  const { currentRevision } = (await api(`/api/maps/${id}`)).body.map;
  const saved = await api(`/api/maps/${id}/revisions`, { method: 'POST', json: { xml, baseRevision: currentRevision, message } });
  expect(saved.status, JSON.stringify(saved.body)).toBe(201);
  return saved.body.revision.n;
}

async function putSop(id: string, identity: unknown): Promise<void> {
  const version = (await api(`/api/maps/${id}/sop`)).body.record?.version ?? 0;
  const saved = await api(`/api/maps/${id}/sop`, { method: 'PUT', json: { version, identity } });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
}

/** A map whose revision 2 is the library map as it is and revision 3 the edited one, with an SOP save at each. */
async function mapWithHistory(): Promise<string> {
  const created = await api('/api/maps', { method: 'POST', json: { name: 'Penunjukan dalam unit', kind: 'mekanisme-kerja', unit: UNIT, xml: ORIGINAL_XML } });
  expect(created.status).toBe(201);
  const id = created.body.map.id as string;
  expect(await saveRevision(id, ORIGINAL_XML, 'Salinan pustaka')).toBe(2);
  await putSop(id, { namaSop: 'Penunjukan Pelaksana', nomor: '800/12/Org/2026', dasarHukum: ['Perbup Badung 1/2024'] });
  expect(await saveRevision(id, revisedXml(), 'Tambah pemeriksaan berkas')).toBe(3);
  await putSop(id, { namaSop: 'Penunjukan Pelaksana Tugas', nomor: '800/12/Org/2026', dasarHukum: ['Perbup Badung 1/2024', 'Perwali Denpasar 69/2023'] });
  return id;
}

describe('GET /api/maps/:id/diff', () => {
  it('answers the element, identity and SOP row changes between two revisions', async () => {
    const id = await mapWithHistory();
    const response = await api(`/api/maps/${id}/diff?dari=2&ke=3`);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    const { diff } = response.body;
    expect(diff).toMatchObject({ mapId: id, dari: 2, ke: 3 });

    const elements = new Map(diff.elements.map((e: { elementId: string }) => [e.elementId, e]));
    expect(elements.get(ADDED_TASK)).toMatchObject({ change: 'added', name: 'Memeriksa kelengkapan berkas' });
    expect(elements.get(RENAMED_TASK)).toMatchObject({ change: 'changed', attributes: [{ property: 'name', oldValue: 'Menerbitkan surat penugasan', newValue: 'Menerbitkan surat tugas' }, { property: 'sk:time' }] });
    expect(elements.get(LANE_MOVED_TASK)).toMatchObject({ change: 'moved', lane: { from: { laneId: 'Lane_Jf' }, to: { laneId: 'Lane_Kabid' } } });
    expect(elements.get(RECONNECTED_FLOW)).toMatchObject({ change: 'changed', reconnected: { from: { targetId: RENAMED_TASK }, to: { targetId: ADDED_TASK } } });

    expect(diff.identity).toEqual({
      dariVersion: 1,
      keVersion: 2,
      changes: [
        { path: 'namaSop', label: 'Nama SOP', change: 'changed', oldValue: 'Penunjukan Pelaksana', newValue: 'Penunjukan Pelaksana Tugas' },
        { path: 'dasarHukum', label: 'Dasar Hukum', change: 'changed', oldValue: ['Perbup Badung 1/2024'], newValue: ['Perbup Badung 1/2024', 'Perwali Denpasar 69/2023'] },
      ],
    });
    const rows = new Map(diff.sopRows.map((r: { elementId: string }) => [r.elementId, r]));
    expect(rows.get(ADDED_TASK)).toMatchObject({ change: 'added', newNo: 2 });
    expect(rows.get(RENAMED_TASK)).toMatchObject({ change: 'changed', oldNo: 2, newNo: 3 });

    // Read backwards, the added task is removed and the identity goes back.
    const backward = (await api(`/api/maps/${id}/diff?dari=3&ke=2`)).body.diff;
    expect(backward.elements.find((e: { elementId: string }) => e.elementId === ADDED_TASK)).toMatchObject({ change: 'removed' });
    expect(backward.identity.changes[0]).toMatchObject({ path: 'namaSop', oldValue: 'Penunjukan Pelaksana Tugas', newValue: 'Penunjukan Pelaksana' });
  });

  it('compares the current revision with the one before it by default, and a revision with itself as empty', async () => {
    const id = await mapWithHistory();
    const latest = await api(`/api/maps/${id}/diff`);
    expect(latest.status).toBe(200);
    expect(latest.body.diff).toMatchObject({ dari: 2, ke: 3 });
    expect(latest.body.diff.elements.length).toBeGreaterThan(0);
    const same = await api(`/api/maps/${id}/diff?dari=3&ke=3`);
    expect(same.status).toBe(200);
    expect(same.body.diff).toEqual({ mapId: id, dari: 3, ke: 3, elements: [], identity: { dariVersion: 2, keVersion: 2, changes: [] }, sopRows: [], sopRenumbered: [] });
    // Revision 1 is the same map written out again by the server: nothing a reader would call a change.
    expect((await api(`/api/maps/${id}/diff?dari=1&ke=2`)).body.diff.elements).toEqual([]);
  });

  it('refuses a user of another unit with 403 FORBIDDEN_UNIT, and lets a reader of the unit see it', async () => {
    const id = await mapWithHistory();
    const outsider = await server.userWith(['pembaca'], 'Dinas Pendidikan');
    const refused = await outsider.api(`/api/maps/${id}/diff?dari=2&ke=3`);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('FORBIDDEN_UNIT');
    const reader = await server.userWith(['pembaca'], UNIT);
    expect((await reader.api(`/api/maps/${id}/diff?dari=2&ke=3`)).status).toBe(200);
    expect((await server.anonymous().api(`/api/maps/${id}/diff?dari=2&ke=3`)).status).toBe(401);
  });

  it('answers 404 REVISION_NOT_FOUND for a revision the map does not have, 400 for numbers that are not revisions', async () => {
    const id = await mapWithHistory();
    const unknown = await api(`/api/maps/${id}/diff?dari=2&ke=9`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('REVISION_NOT_FOUND');
    for (const query of ['dari=0&ke=2', 'dari=dua&ke=3', 'dari=1.5&ke=2']) {
      const bad = await api(`/api/maps/${id}/diff?${query}`);
      expect(bad.status, query).toBe(400);
      expect(bad.body.error.code).toBe('VALIDATION_FAILED');
      expect(bad.body.error.message).toContain('Nomor revisi "dari"');
    }
    const missing = await api('/api/maps/00000000-0000-4000-8000-000000000000/diff?dari=1&ke=2');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('MAP_NOT_FOUND');
  });
});
