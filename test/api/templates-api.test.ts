// The reference library offered as templates: GET /api/templates and POST /api/maps with a templateId, against the
// real server.
import { describe, expect, it } from 'vitest';
import { parseBpmn } from '../../server/bpmn/moddle';
import { allElements } from '../../server/bpmn/moddle';
import { startTestServer } from '../helpers/server';

const server = await startTestServer();
const { api } = server;

describe('library templates through the API', () => {
  it('lists the library catalog, grouped into work mechanisms and assignment flows', async () => {
    const { status, body } = await api('/api/templates');
    expect(status).toBe(200);
    const ids = body.items.map((t: any) => t.id);
    expect(ids).toContain('mk-setda');
    expect(ids).toContain('penunjukan-lintas-instansi');
    expect(body.items.filter((t: any) => t.group === 'mekanisme-kerja')).toHaveLength(9);
    expect(body.items.filter((t: any) => t.group === 'penugasan')).toHaveLength(6);
    expect(body.items.find((t: any) => t.id === 'mk-kecamatan')).toMatchObject({ kind: 'mekanisme-kerja', profile: 'denpasar', orgType: 'kecamatan', articles: expect.any(Array) });
    expect((await server.anonymous().api('/api/templates')).status).toBe(401);
  });

  it('creates a map from a library template, taking its kind and profile, with the unit on the owning pool', async () => {
    const created = await api('/api/maps', { method: 'POST', json: { name: 'Mekanisme kerja Setda Gumas', templateId: 'mk-setda', unit: 'Sekretariat Daerah Kabupaten Gunung Mas' } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.map).toMatchObject({ kind: 'mekanisme-kerja', profile: 'gunung-mas', unit: 'Sekretariat Daerah Kabupaten Gunung Mas' });
    const xml = (await api(`/api/maps/${created.body.map.id}/revisions/1/xml`)).body as string;
    const { definitions } = await parseBpmn(xml);
    const lanes = [...allElements(definitions)].filter((e) => e.$type === 'bpmn:Lane').map((l) => l.name);
    expect(lanes).toEqual(expect.arrayContaining(['Sekretaris Daerah', 'Asisten', 'Kepala Bagian']));
    expect(xml).toContain('name="Sekretariat Daerah Kabupaten Gunung Mas"');
    expect(xml).toContain('name="Mekanisme kerja Setda Gumas"');
    const revisions = await api(`/api/maps/${created.body.map.id}/revisions`);
    expect(revisions.body.items[0].message).toContain('Mekanisme kerja Sekretariat Daerah');
    const lint = await api(`/api/maps/${created.body.map.id}/lint`);
    expect(lint.status).toBe(200);
    expect(lint.body.findings.filter((f: any) => f.severity !== 'info')).toEqual([]);
  });

  it('keeps a profile the request names over the template’s', async () => {
    const created = await api('/api/maps', { method: 'POST', json: { name: 'Penunjukan', templateId: 'penunjukan-dalam-unit', profile: 'badung', kind: 'lintas-fungsi' } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.map).toMatchObject({ kind: 'lintas-fungsi', profile: 'badung' });
  });

  it('refuses an unknown template, a kind other than the template’s, and a template with a file, in Indonesian', async () => {
    const unknown = await api('/api/maps', { method: 'POST', json: { name: 'X', templateId: 'mk-tidak-ada' } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.code).toBe('VALIDATION_FAILED');
    expect(unknown.body.error.details.issues[0]).toMatchObject({ path: 'templateId', message: expect.stringContaining('Templat tidak ada dalam pustaka peta') });
    const wrongKind = await api('/api/maps', { method: 'POST', json: { name: 'X', templateId: 'mk-setda', kind: 'proses' } });
    expect(wrongKind.status).toBe(400);
    expect(wrongKind.body.error.details.issues[0]).toMatchObject({ path: 'kind', message: expect.stringContaining('alur mekanisme kerja') });
    const both = await api('/api/maps', { method: 'POST', json: { name: 'X', templateId: 'mk-setda', xml: '<x/>' } });
    expect(both.status).toBe(400);
    const neither = await api('/api/maps', { method: 'POST', json: { name: 'X' } });
    expect(neither.status).toBe(400);
    expect(neither.body.error.details.issues[0]).toMatchObject({ path: 'kind', message: 'Jenis peta wajib diisi.' });
  });
});
