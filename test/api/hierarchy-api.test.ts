// The map hierarchy through the real server: a tree built with parentId, a subtree moved and recoded, the breadcrumb,
// the children, and where a proses map's call activities lead.
import { describe, expect, it } from 'vitest';
import { prosesWithCalls } from '../helpers/proses-bpmn';
import { startTestServer } from '../helpers/server';

const server = await startTestServer();
const { api } = server;

async function create(name: string, fields: Record<string, unknown> = {}) {
  const { status, body } = await api('/api/maps', { method: 'POST', json: { name, kind: 'proses', unit: 'Bagian Organisasi', ...fields } });
  expect(status, JSON.stringify(body)).toBe(201);
  return body.map as { id: string; code: string; level: number; name: string };
}

const codeOf = async (id: string) => {
  const { map } = (await api(`/api/maps/${id}`)).body;
  return `${map.code} L${map.level}`;
};

const instansi = await create('Instansi');
const perencanaan = await create('Perencanaan', { parentId: instansi.id });
const renstra = await create('Renstra', { parentId: perencanaan.id, kind: 'lintas-fungsi' });
const pelayanan = await create('Pelayanan', { parentId: instansi.id, unit: 'Dinas Kesehatan' });
const perizinan = await create('Perizinan', { parentId: pelayanan.id, kind: 'subproses', unit: 'Dinas Kesehatan' });

describe('map hierarchy API', () => {
  it('builds a three-level tree with codes and levels from parentId', () => {
    expect([instansi, perencanaan, renstra, pelayanan, perizinan].map((m) => `${m.name} ${m.code} L${m.level}`)).toEqual([
      'Instansi 1 L0',
      'Perencanaan 1.1 L1',
      'Renstra 1.1.1 L2',
      'Pelayanan 1.2 L1',
      'Perizinan 1.2.1 L2',
    ]);
  });

  it('previews a move without writing, then moves the subtree: codes and levels of every descendant follow', async () => {
    const preview = await api(`/api/maps/${perencanaan.id}/move`, { method: 'POST', json: { parentId: pelayanan.id, dryRun: true } });
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body.changed.map((m: any) => `${m.name} ${m.code} L${m.level}`)).toEqual(['Perencanaan 1.2.2 L2', 'Renstra 1.2.2.1 L3']);
    expect(await codeOf(perencanaan.id)).toBe('1.1 L1');

    const moved = await api(`/api/maps/${perencanaan.id}/move`, { method: 'POST', json: { parentId: pelayanan.id } });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body.map).toMatchObject({ id: perencanaan.id, code: '1.2.2', level: 2, parentId: pelayanan.id });
    expect(await codeOf(renstra.id)).toBe('1.2.2.1 L3');
    // The record is the source of truth: no revision is written and the BPMN is not touched.
    expect((await api(`/api/maps/${renstra.id}/revisions`)).body.items).toHaveLength(1);

    const children = await api(`/api/maps/${pelayanan.id}/children`);
    expect(children.body.items.map((m: any) => m.code)).toEqual(['1.2.1', '1.2.2']);
    expect((await api(`/api/maps/${instansi.id}/children`)).body.items.map((m: any) => m.name)).toEqual(['Pelayanan']);
    // The listing reflects it at once (its cache is keyed on the store's change token).
    const listed = (await api('/api/maps?q=Renstra')).body.items;
    expect(listed[0]).toMatchObject({ code: '1.2.2.1', level: 3 });
  });

  it('answers the ancestors root first, for the breadcrumb', async () => {
    const { status, body } = await api(`/api/maps/${renstra.id}/ancestors`);
    expect(status).toBe(200);
    expect(body.items.map((m: any) => `${m.code} ${m.name}`)).toEqual(['1 Instansi', '1.2 Pelayanan', '1.2.2 Perencanaan']);
    expect((await api(`/api/maps/${instansi.id}/ancestors`)).body.items).toEqual([]);
  });

  it('refuses a move under the map itself or a descendant, and an unknown parent', async () => {
    for (const parentId of [pelayanan.id, renstra.id]) {
      const refused = await api(`/api/maps/${pelayanan.id}/move`, { method: 'POST', json: { parentId } });
      expect(refused.status).toBe(400);
      expect(refused.body.error).toMatchObject({ code: 'MAP_MOVE_CYCLE', message: expect.stringContaining('turunannya') });
    }
    const unknown = await api(`/api/maps/${pelayanan.id}/move`, { method: 'POST', json: { parentId: '00000000-0000-4000-8000-000000000000' } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.code).toBe('PARENT_NOT_FOUND');
    expect(await codeOf(pelayanan.id)).toBe('1.2 L1');
  });

  it('carries the descendants along when a code is set by hand', async () => {
    const patched = await api(`/api/maps/${pelayanan.id}`, { method: 'PATCH', json: { code: '5' } });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    expect(await codeOf(perizinan.id)).toBe('5.1 L2');
    expect(await codeOf(perencanaan.id)).toBe('5.2 L2');
    expect(await codeOf(renstra.id)).toBe('5.2.1 L3');
    const taken = await api(`/api/maps/${perencanaan.id}`, { method: 'PATCH', json: { code: '1' } });
    expect(taken.body.error.code).toBe('MAP_CODE_TAKEN');
  });

  it('resolves call activities and collapsed sub-processes by sk:calledMap, by code and by the name of a child map', async () => {
    const keuangan = await create('Pengelolaan Keuangan', { parentId: instansi.id });
    const xml = prosesWithCalls([
      { id: 'Panggil_Pelayanan', name: 'Layanan kesehatan', calledMap: pelayanan.id },
      { id: 'Panggil_Renstra', name: 'Menyusun rencana strategis', calledElement: '5.2.1' },
      { id: 'Sub_Keuangan', name: '  pengelolaan   KEUANGAN ', type: 'subProcess' },
      { id: 'Panggil_Hilang', name: 'Kegiatan tanpa peta' },
      { id: 'Panggil_Salah', name: 'Peta terhapus', calledMap: '00000000-0000-4000-8000-000000000000' },
    ]);
    const saved = await api(`/api/maps/${instansi.id}/revisions`, { method: 'POST', json: { xml, baseRevision: 1, message: 'Tautan peta anak' } });
    expect(saved.status, JSON.stringify(saved.body)).toBe(201);

    const { status, body } = await api(`/api/maps/${instansi.id}/links`);
    expect(status).toBe(200);
    expect(body.revision).toBe(2);
    const byElement = Object.fromEntries(body.items.map((l: any) => [l.elementId, l]));
    expect(byElement.Panggil_Pelayanan).toMatchObject({ type: 'callActivity', basis: 'sk:calledMap', target: { id: pelayanan.id, code: '5', name: 'Pelayanan', kind: 'proses' } });
    expect(byElement.Panggil_Renstra).toMatchObject({ basis: 'calledElement', target: { id: renstra.id, code: '5.2.1', kind: 'lintas-fungsi' } });
    expect(byElement.Sub_Keuangan).toMatchObject({ type: 'subProcess', basis: 'nama', target: { id: keuangan.id, code: keuangan.code } });
    expect(byElement.Panggil_Hilang).toMatchObject({ name: 'Kegiatan tanpa peta', target: null });
    expect(byElement.Panggil_Salah.target).toBeNull();
    expect(body.items).toHaveLength(5);

    // An older revision is read as it was.
    const first = await api(`/api/maps/${instansi.id}/links?revision=1`);
    expect(first.body.revision).toBe(1);
    expect(first.body.items.map((l: any) => l.elementId)).not.toContain('Panggil_Pelayanan');
    expect((await api(`/api/maps/${instansi.id}/links?revision=9`)).body.error.code).toBe('REVISION_NOT_FOUND');

    // A reader of the bureau's unit sees that a link leads to another unit's map, not which one.
    const reader = await server.userWith(['pembaca'], 'Bagian Organisasi');
    const seen = (await reader.api(`/api/maps/${instansi.id}/links`)).body.items;
    expect(seen.find((l: any) => l.elementId === 'Panggil_Pelayanan')).toEqual({ elementId: 'Panggil_Pelayanan', name: 'Layanan kesehatan', type: 'callActivity', target: null, hidden: true });
    expect(seen.find((l: any) => l.elementId === 'Sub_Keuangan').target.id).toBe(keuangan.id);
    // Ancestors in a unit the reader may not see are left out of the breadcrumb.
    const outsider = await server.userWith(['pembaca'], 'Dinas Kesehatan');
    expect((await outsider.api(`/api/maps/${perizinan.id}/ancestors`)).body.items.map((m: any) => m.name)).toEqual(['Pelayanan']);
    expect((await outsider.api(`/api/maps/${pelayanan.id}/move`, { method: 'POST', json: { parentId: null } })).status).toBe(403);
  });
});
