// GET /api/maps/:id/events (server/events): a committed write to a map is announced to its open streams, once, naming
// who made it and the page that made it; refused writes announce nothing; a move reaches the old and new parents.
import { afterAll, describe, expect, it } from 'vitest';
import { minimalBpmn } from '../helpers/fixtures';
import { type ApiClient, startTestServer } from '../helpers/server';
import { SOP_IDENTITY } from '../helpers/sop-identity';

const server = await startTestServer();
const UNIT = 'Dinas Kesehatan';

interface Received {
  event: string;
  data: any;
}

/** An open event stream of one map: each event in arrival order, and a wait for the next one. */
async function openStream(client: ApiClient, mapId: string, query = '') {
  const controller = new AbortController();
  const response = await fetch(`${server.url}/api/maps/${mapId}/events${query}`, { headers: { cookie: client.sessionCookie }, signal: controller.signal });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/event-stream');
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  const next = async (): Promise<Received> => {
    for (;;) {
      const end = buffer.indexOf('\n\n');
      if (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const lines = block.split('\n');
        const event = lines.find((l) => l.startsWith('event: '))?.slice(7);
        const data = lines.find((l) => l.startsWith('data: '))?.slice(6);
        if (event && data) return { event, data: JSON.parse(data) };
        continue;
      }
      const { value, done } = await reader.read();
      if (done) throw new Error('stream ended');
      buffer += value;
    }
  };
  afterAll(() => controller.abort());
  return { next, close: () => controller.abort() };
}

const create = async (client: ApiClient, body: Record<string, unknown>): Promise<string> => {
  const created = await client.api('/api/maps', { method: 'POST', json: { unit: UNIT, ...body } });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body.map.id;
};

describe('map events', () => {
  it('announces saves, SOP identity saves and review steps after they are committed, never refused writes', async () => {
    const penyusun = await server.userWith(['penyusun'], UNIT, 'penyusun-ev');
    const reader = await server.userWith(['pembaca'], UNIT, 'pembaca-ev');
    const mapId = await create(penyusun, { name: 'Dipantau', templateId: 'penunjukan-dalam-unit' });
    const xml = (await penyusun.api(`/api/maps/${mapId}/revisions/1/xml`)).body as string;
    const stream = await openStream(reader, mapId);
    expect(await stream.next()).toEqual({ event: 'ready', data: { mapId } });

    // Refused (a stale base revision): nothing is announced; the next event is the save that follows.
    const refused = await penyusun.api(`/api/maps/${mapId}/revisions`, { method: 'POST', json: { xml: minimalBpmn('Basi'), baseRevision: 9, message: 'basi' } });
    expect(refused.status).toBe(409);
    const saved = await penyusun.api(`/api/maps/${mapId}/revisions`, {
      method: 'POST',
      headers: { 'x-petakerja-page': 'halaman-uji' },
      json: { xml, baseRevision: 1, message: 'kedua' },
    });
    expect(saved.status).toBe(201);
    const revision = await stream.next();
    expect(revision).toMatchObject({ event: 'map', data: { mapId, kind: 'revision', by: { name: 'Pengguna penyusun-ev' }, page: 'halaman-uji' } });

    expect((await penyusun.api(`/api/maps/${mapId}/sop`, { method: 'PUT', json: { version: 0, identity: SOP_IDENTITY, settings: {} } })).status).toBe(200);
    expect((await stream.next()).data).toMatchObject({ kind: 'sop' });
    expect((await penyusun.api(`/api/maps/${mapId}/review/transitions`, { method: 'POST', json: { action: 'ajukan', baseSeq: 0 } })).status).toBe(200);
    expect((await stream.next()).data).toMatchObject({ kind: 'review' });
    stream.close();
  });

  it('tells the old and the new parent of a moved map', async () => {
    const penyusun = await server.userWith(['penyusun'], UNIT, 'penyusun-pindah');
    const from = await create(penyusun, { name: 'Proses asal', kind: 'proses', xml: minimalBpmn('Asal') });
    const to = await create(penyusun, { name: 'Proses tujuan', kind: 'proses', xml: minimalBpmn('Tujuan') });
    const child = await create(penyusun, { name: 'Lintas fungsi', kind: 'lintas-fungsi', parentId: from, xml: minimalBpmn('Anak') });
    const [fromStream, toStream] = [await openStream(penyusun, from), await openStream(penyusun, to)];
    await fromStream.next();
    await toStream.next();
    expect((await penyusun.api(`/api/maps/${child}/move`, { method: 'POST', json: { parentId: to } })).status).toBe(200);
    expect((await fromStream.next()).data).toMatchObject({ mapId: from, kind: 'hierarchy' });
    expect((await toStream.next()).data).toMatchObject({ mapId: to, kind: 'hierarchy' });
  });

  it('announces at once a revision newer than the one the page shows (?revisi=), then the later changes', async () => {
    const penyusun = await server.userWith(['penyusun'], UNIT, 'penyusun-susul');
    const mapId = await create(penyusun, { name: 'Disusul', kind: 'lintas-fungsi', xml: minimalBpmn('Awal') });
    const save = async (baseRevision: number, name: string) => {
      const saved = await penyusun.api(`/api/maps/${mapId}/revisions`, { method: 'POST', json: { xml: minimalBpmn(name), baseRevision, message: name } });
      expect(saved.status, JSON.stringify(saved.body)).toBe(201);
      return saved.body.revision;
    };
    const second = await save(1, 'Kedua');

    // The page shows revision 1; revision 2 was saved before its stream listened.
    const behind = await openStream(penyusun, mapId, '?revisi=1');
    expect(await behind.next()).toEqual({ event: 'ready', data: { mapId } });
    expect(await behind.next()).toEqual({ event: 'map', data: { mapId, kind: 'revision', by: { id: '', name: 'Pengguna penyusun-susul' }, at: second.createdAt } });
    // Up to date, or no revision given: nothing before the next change.
    const current = await openStream(penyusun, mapId, '?revisi=2');
    const plain = await openStream(penyusun, mapId);
    expect((await current.next()).event).toBe('ready');
    expect((await plain.next()).event).toBe('ready');
    await save(2, 'Ketiga');
    for (const stream of [behind, current, plain]) {
      expect(await stream.next()).toMatchObject({ event: 'map', data: { mapId, kind: 'revision', by: { name: 'Pengguna penyusun-susul' } } });
      stream.close();
    }
  });

  it('refuses a revision that is not a number of one', async () => {
    const penyusun = await server.userWith(['penyusun'], UNIT, 'penyusun-salah');
    const mapId = await create(penyusun, { name: 'Salah tanya', kind: 'lintas-fungsi', xml: minimalBpmn('Salah') });
    for (const query of ['?revisi=0', '?revisi=dua', '?revisi=1&lain=2']) {
      const response = await penyusun.api(`/api/maps/${mapId}/events${query}`);
      expect(response.status, query).toBe(400);
      expect(response.body.error.code).toBe('VALIDATION_FAILED');
    }
  });

  it('is refused for a map the user may not read', async () => {
    const penyusun = await server.userWith(['penyusun'], UNIT, 'penyusun-rahasia');
    const outsider = await server.userWith(['pembaca'], 'Dinas Perhubungan', 'pembaca-luar');
    const mapId = await create(penyusun, { name: 'Milik unit lain', kind: 'lintas-fungsi', xml: minimalBpmn('Rahasia') });
    const response = await outsider.api(`/api/maps/${mapId}/events`);
    expect(response.status).toBe(403);
    expect(response.body.error.code).toMatch(/^FORBIDDEN|MAP_NOT_FOUND/);
  });
});
