import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_XML_BYTES } from '../../server/bpmn/xml-guard';
import { BILLION_LAUGHS, elementIds, minimalBpmn, ROOT } from '../helpers/fixtures';
import { startTestServer } from '../helpers/server';

const server = await startTestServer();
const { api } = server;

async function createMap(fields: Record<string, unknown> = {}) {
  const { status, body } = await api('/api/maps', { method: 'POST', json: { name: 'Pelayanan izin praktik', kind: 'lintas-fungsi', ...fields } });
  expect(status, JSON.stringify(body)).toBe(201);
  return body.map;
}

function expectError(response: { status: number; body: any }, status: number, code: string) {
  expect(response.status, JSON.stringify(response.body)).toBe(status);
  expect(response.body.error.code).toBe(code);
  expect(response.body.error.message).toEqual(expect.any(String));
}

describe('maps API against the real server', () => {
  it('creates a map from the template of its kind, with the sk: facts written into the BPMN', async () => {
    const map = await createMap({ unit: 'Dinas Kesehatan', profile: 'badung' });
    expect(map).toMatchObject({ kind: 'lintas-fungsi', unit: 'Dinas Kesehatan', profile: 'badung', level: 0, currentRevision: 1 });
    const xml = await api(`/api/maps/${map.id}/revisions/1/xml`);
    expect(xml.status).toBe(200);
    expect(xml.headers.get('content-type')).toMatch(/^application\/xml/);
    expect(xml.body).toContain('sk:mapKind="lintas-fungsi"');
    expect(xml.body).toContain('sk:profile="badung"');
    expect(xml.body).toContain('name="Pelayanan izin praktik"');
    expect(xml.body).toContain('sk:unit="Dinas Kesehatan"');
    const revisions = await api(`/api/maps/${map.id}/revisions`);
    expect(revisions.body.items).toEqual([
      expect.objectContaining({ n: 1, author: 'Admin Bagian Organisasi', message: expect.stringContaining('templat') }),
    ]);
  });

  it('starts every kind from a template', async () => {
    for (const kind of ['proses', 'subproses', 'relasi', 'lintas-fungsi', 'mekanisme-kerja']) {
      const map = await createMap({ kind, name: `Templat ${kind}` });
      const xml = await api(`/api/maps/${map.id}/revisions/1/xml`);
      expect(xml.body).toContain(`sk:mapKind="${kind}"`);
      expect((await elementIds(xml.body)).size).toBeGreaterThan(3);
    }
  });

  it('lists maps filtered by kind, unit and a search on name and code', async () => {
    const a = await createMap({ name: 'Penyusunan Renstra', kind: 'proses', unit: 'Bappeda' });
    const b = await createMap({ name: 'Pengelolaan arsip', kind: 'subproses', unit: 'Bappeda' });
    const byUnit = await api('/api/maps?unit=bappeda');
    expect(byUnit.body.items.map((m: any) => m.id).sort()).toEqual([a.id, b.id].sort());
    const byKind = await api('/api/maps?unit=Bappeda&kind=proses');
    expect(byKind.body.items.map((m: any) => m.id)).toEqual([a.id]);
    const byQuery = await api(`/api/maps?q=${encodeURIComponent('RENSTRA')}&kind=`);
    expect(byQuery.body.items.map((m: any) => m.id)).toEqual([a.id]);
    const all = await api('/api/maps');
    expect(all.body.items[0].id).toBe(b.id);
    expectError(await api('/api/maps?kind=peta'), 400, 'VALIDATION_FAILED');
    const meta = await api('/api/meta');
    expect(meta.body.units).toContain('Bappeda');
    expect(meta.body.kinds).toHaveLength(5);
    expect(meta.body.limits.xmlBytes).toBe(MAX_XML_BYTES);
    expect(meta.body.defaultProfile).toBe('nasional');
  });

  it('saves revisions, refuses a stale save with 409 and the current revision, and keeps old revisions', async () => {
    const map = await createMap();
    const original = (await api(`/api/maps/${map.id}/revisions/1/xml`)).body;
    const saved = await api(`/api/maps/${map.id}/revisions`, {
      method: 'POST',
      json: { xml: minimalBpmn('Memverifikasi berkas'), baseRevision: 1, message: 'Tambah verifikasi' },
    });
    expect(saved.status).toBe(201);
    expect(saved.body.revision).toMatchObject({ n: 2, author: 'Admin Bagian Organisasi', message: 'Tambah verifikasi' });
    expect(saved.body.map.currentRevision).toBe(2);

    const stale = await api(`/api/maps/${map.id}/revisions`, {
      method: 'POST',
      json: { xml: minimalBpmn('Sunting lama'), baseRevision: 1, message: 'Dari salinan lama' },
    });
    expectError(stale, 409, 'REVISION_CONFLICT');
    expect(stale.body.error.details.currentRevision).toBe(2);

    expect((await api(`/api/maps/${map.id}/revisions/1/xml`)).body).toBe(original);
    expect((await api(`/api/maps/${map.id}/revisions/2/xml`)).body).toContain('Memverifikasi berkas');
    expect((await api(`/api/maps/${map.id}`)).body.map.currentRevision).toBe(2);
  });

  it('gives the current XML with its revision number, only to those who may read the map', async () => {
    const map = await createMap({ unit: 'Dinas Kesehatan' });
    const first = await api(`/api/maps/${map.id}/xml`);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toMatch(/^application\/xml/);
    expect(first.headers.get('x-petakerja-revision')).toBe('1');
    expect(first.body).toBe((await api(`/api/maps/${map.id}/revisions/1/xml`)).body);

    const saved = await api(`/api/maps/${map.id}/revisions`, { method: 'POST', json: { xml: minimalBpmn('Memeriksa izin'), baseRevision: 1, message: 'Tambah pemeriksaan' } });
    expect(saved.status).toBe(201);
    const current = await api(`/api/maps/${map.id}/xml`);
    expect(current.headers.get('x-petakerja-revision')).toBe('2');
    expect(current.body).toBe((await api(`/api/maps/${map.id}/revisions/2/xml`)).body);

    expectError(await api('/api/maps/00000000-0000-4000-8000-000000000000/xml'), 404, 'MAP_NOT_FOUND');
    expectError(await api('/api/maps/bukan-id/xml'), 400, 'VALIDATION_FAILED');
    const otherUnit = await server.userWith(['pembaca'], 'Dinas Pendidikan');
    expectError(await otherUnit.api(`/api/maps/${map.id}/xml`), 403, 'FORBIDDEN_UNIT');
    expectError(await server.anonymous().api(`/api/maps/${map.id}/xml`), 401, 'UNAUTHENTICATED');
  });

  it('edits metadata only through PATCH', async () => {
    const map = await createMap();
    const patched = await api(`/api/maps/${map.id}`, { method: 'PATCH', json: { name: 'Nama baru', unit: 'Inspektorat' } });
    expect(patched.body.map).toMatchObject({ name: 'Nama baru', unit: 'Inspektorat', currentRevision: 1 });
    expectError(await api(`/api/maps/${map.id}`, { method: 'PATCH', json: { currentRevision: 9 } }), 400, 'VALIDATION_FAILED');
    expectError(await api(`/api/maps/${map.id}`, { method: 'PATCH', json: {} }), 400, 'VALIDATION_FAILED');
  });

  it('imports a BPMN file from another modeller and infers its kind and name', async () => {
    const xml = minimalBpmn('Menerima permohonan').replace('<bpmn:process id="Proses_1"', '<bpmn:process id="Proses_1" name="Izin usaha"');
    const imported = await api('/api/import?unit=DPMPTSP', { method: 'POST', headers: { 'content-type': 'application/xml' }, body: xml });
    expect(imported.status, JSON.stringify(imported.body)).toBe(201);
    expect(imported.body.map).toMatchObject({ name: 'Izin usaha', kind: 'subproses', unit: 'DPMPTSP', profile: 'nasional' });
    const stored = (await api(`/api/maps/${imported.body.map.id}/revisions/1/xml`)).body as string;
    // Importers write the map's facts as sk: attributes (BPMN-CONVENTIONS.md) and keep every element.
    expect(stored).toMatch(/<bpmn:definitions [^>]*sk:mapKind="subproses"/);
    expect(stored).toMatch(/<bpmn:definitions [^>]*sk:profile="nasional"/);
    expect(stored).toMatch(/<bpmn:definitions [^>]*sk:unit="DPMPTSP"/);
    expect(await elementIds(stored)).toEqual(await elementIds(xml));

    const given = await api('/api/import?kind=lintas-fungsi&profile=badung&name=Nama%20diberikan', {
      method: 'POST',
      headers: { 'content-type': 'application/xml' },
      body: xml,
    });
    expect(given.body.map).toMatchObject({ name: 'Nama diberikan', kind: 'lintas-fungsi', profile: 'badung', unit: '' });
  });

  it('keeps the profile a file declares (sk:profile) on import and on a new map from the file, unless told otherwise', async () => {
    const xml = minimalBpmn('Menerima permohonan').replace('<bpmn:definitions ', '<bpmn:definitions xmlns:sk="urn:petakerja:bpmn:1" sk:profile="denpasar" ');
    const imported = await api('/api/import', { method: 'POST', headers: { 'content-type': 'application/xml' }, body: xml });
    expect(imported.body.map.profile, JSON.stringify(imported.body)).toBe('denpasar');
    const created = await createMap({ xml, kind: 'subproses' });
    expect(created.profile).toBe('denpasar');
    expect((await api(`/api/maps/${created.id}/revisions/1/xml`)).body).toMatch(/sk:profile="denpasar"/);
    expect((await createMap({ xml, kind: 'subproses', profile: 'jembrana' })).profile).toBe('jembrana');
    expect((await api('/api/import?profile=klungkung', { method: 'POST', headers: { 'content-type': 'application/xml' }, body: xml })).body.map.profile).toBe('klungkung');
  });

  it('answers malformed, hostile and oversized input with a clear error and stores nothing', async () => {
    const before = (await api('/api/maps')).body.items.length;
    const post = (body: string) => api('/api/import', { method: 'POST', headers: { 'content-type': 'application/xml' }, body });

    const malformed = await post('<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL">\n  <bpmn:process id="P">\n</bpmn:definitions>');
    expectError(malformed, 400, 'XML_MALFORMED');
    expect(malformed.body.error.details).toMatchObject({ line: 3 });
    expect(malformed.body.error.message).toMatch(/baris 3/);

    const started = Date.now();
    expectError(await post(BILLION_LAUGHS), 400, 'XML_DOCTYPE_FORBIDDEN');
    expect(Date.now() - started).toBeLessThan(1000);

    expectError(await post('<html><body>bukan BPMN</body></html>'), 400, 'BPMN_INVALID');
    expectError(await post(''), 400, 'XML_MALFORMED');
    expectError(await post('x'.repeat(MAX_XML_BYTES + 1)), 413, 'BODY_TOO_LARGE');

    const map = await createMap();
    const save = (json: unknown) => api(`/api/maps/${map.id}/revisions`, { method: 'POST', json });
    expectError(await save({ xml: '<oops', baseRevision: 1, message: 'x' }), 400, 'XML_MALFORMED');
    expectError(await save({ xml: minimalBpmn(), baseRevision: 1 }), 400, 'VALIDATION_FAILED');
    expectError(await save({ xml: minimalBpmn(), baseRevision: 1, message: 'x', extra: true }), 400, 'VALIDATION_FAILED');
    expectError(await save({ xml: 'x'.repeat(MAX_XML_BYTES + 1), baseRevision: 1, message: 'besar' }), 413, 'BODY_TOO_LARGE');
    const hugeJson = '{"xml":"' + 'x'.repeat(MAX_XML_BYTES * 2) + '"}';
    expectError(await api(`/api/maps/${map.id}/revisions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: hugeJson }), 413, 'BODY_TOO_LARGE');
    expectError(await api('/api/maps', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name":' }), 400, 'JSON_MALFORMED');
    expectError(await api('/api/maps', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'name=x' }), 415, 'UNSUPPORTED_MEDIA_TYPE');
    expectError(await api('/api/maps', { method: 'POST', json: { name: '', kind: 'lintas-fungsi' } }), 400, 'VALIDATION_FAILED');
    expectError(await api('/api/maps', { method: 'POST', json: { name: 'x', kind: 'lintas-fungsi', xml: '<a/>' } }), 400, 'BPMN_INVALID');

    expect((await api('/api/maps')).body.items.length).toBe(before + 1);
    expect((await api(`/api/maps/${map.id}/revisions`)).body.items).toHaveLength(1);
  });

  it('answers unknown ids and routes with 404, and ids that are not ids with 400', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    expectError(await api(`/api/maps/${unknown}`), 404, 'MAP_NOT_FOUND');
    expectError(await api(`/api/maps/${unknown}/revisions`), 404, 'MAP_NOT_FOUND');
    const map = await createMap();
    expectError(await api(`/api/maps/${map.id}/revisions/5/xml`), 404, 'REVISION_NOT_FOUND');
    const traversal = await api('/api/maps/..%2F..%2Fetc%2Fpasswd');
    expectError(traversal, 400, 'VALIDATION_FAILED');
    expect(traversal.body.error.message).toMatch(/tidak valid|tidak sah/);
    expectError(await api(`/api/maps/${map.id}/revisions/abc/xml`), 400, 'VALIDATION_FAILED');
    expectError(await api('/api/maps/%E0%A4%A'), 400, 'URL_MALFORMED');
    const unknownRoute = await api('/api/tidak-ada');
    expectError(unknownRoute, 404, 'NOT_FOUND');
    expect(unknownRoute.body.error.message).toContain('/api/tidak-ada');
    expectError(await api('/api/maps', { method: 'POST', json: { name: 'x', kind: 'subproses', parentId: unknown } }), 400, 'PARENT_NOT_FOUND');
  });

  it('serialises concurrent saves of one map: exactly one wins, the rest get 409', async () => {
    const map = await createMap();
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        api(`/api/maps/${map.id}/revisions`, { method: 'POST', json: { xml: minimalBpmn(`Sunting ${i}`), baseRevision: 1, message: `sunting ${i}` } }),
      ),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(7);
    expect((await api(`/api/maps/${map.id}/revisions`)).body.items).toHaveLength(2);
  });

  it('logs no internal error during the whole file', () => {
    expect(server.logs).toEqual([]);
  });
});

describe('map listing cache', () => {
  it('answers an unchanged listing with 304 and a changed one with the new map', async () => {
    const first = await api('/api/maps?unit=Biro%20Cache');
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^W\/"/);
    expect((await api('/api/maps?unit=Biro%20Cache', { headers: { 'if-none-match': etag } })).status).toBe(304);
    const map = await createMap({ unit: 'Biro Cache' });
    const after = await api('/api/maps?unit=Biro%20Cache', { headers: { 'if-none-match': etag } });
    expect(after.status).toBe(200);
    expect(after.body.items.map((m: any) => m.id)).toEqual([map.id]);
    await api(`/api/maps/${map.id}`, { method: 'PATCH', json: { name: 'Nama setelah cache' } });
    expect((await api('/api/maps?unit=Biro%20Cache')).body.items[0].name).toBe('Nama setelah cache');
  });
});

describe('lint API', () => {
  it('lints posted XML and a stored map, under the profile asked for or the map’s own', async () => {
    const xml = readFileSync(path.join(ROOT, 'test/lint/rules/mk/decision-binary/invalid-three-exits.bpmn'), 'utf8');
    const posted = await api('/api/lint', { method: 'POST', json: { xml, profile: 'denpasar' } });
    expect(posted.status).toBe(200);
    expect(posted.body.profile).toBe('denpasar');
    expect(posted.body.findings).toContainEqual(expect.objectContaining({ rule: 'mk/decision-binary', element: 'Gateway_1' }));

    const map = await createMap({ kind: 'subproses', profile: 'klungkung' });
    const stored = await api(`/api/maps/${map.id}/lint`);
    expect(stored.body).toMatchObject({ revision: 1, profile: 'klungkung' });
    expect(Array.isArray(stored.body.findings)).toBe(true);

    expectError(await api('/api/lint', { method: 'POST', json: { xml: '<a' } }), 400, 'XML_MALFORMED');
    expectError(await api('/api/lint', { method: 'POST', json: { xml, profile: 'bali' } }), 400, 'VALIDATION_FAILED');
  });
});
