// The import endpoints on the real server: preview (creates nothing), import (answers the warnings, keeps the file
// exactly as uploaded beside revision 1), the original's download, and the warnings each crafted loss pattern gives.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../server/bpmn/import/decode-bytes';
import { bpmnFacts, drawsFlowNodes, silentLosses } from '../helpers/bpmn-facts';
import { MIWG_DIR, ROOT, minimalBpmn, miwgFiles } from '../helpers/fixtures';
import { startTestServer } from '../helpers/server';

const server = await startTestServer();
const { api } = server;
const CRAFTED = path.join(ROOT, 'test/fixtures/foreign/crafted');
const fileBytes = (file: string) => new Uint8Array(readFileSync(file));
const crafted = (name: string) => fileBytes(path.join(CRAFTED, name));

async function importFile(bytes: Uint8Array<ArrayBuffer>, query = '') {
  const answer = await api(`/api/import${query}`, { method: 'POST', body: bytes });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body as { map: { id: string; name: string }; warnings: { code: string; element?: string; what: string; why: string }[] };
}

/** The original's bytes, read raw (the JSON client would decode them as text). */
async function download(id: string) {
  const response = await fetch(`${server.url}/api/maps/${id}/original`, { headers: { cookie: server.admin.sessionCookie } });
  return { status: response.status, headers: response.headers, bytes: new Uint8Array(await response.arrayBuffer()) };
}

describe('POST /api/import/preview', () => {
  it('answers the map as import would store it, suggestions read from the file, and creates nothing', async () => {
    const before = (await api('/api/maps')).body.items.length;
    const preview = await api('/api/import/preview', { method: 'POST', body: crafted('ibm-no-diagram.bpmn') });
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body.suggested).toMatchObject({ name: 'Pelayanan KTP', unit: '' });
    expect(typeof preview.body.suggested.kind).toBe('string');
    // The lanes and what the kamus jabatan suggests for them (issue 14 item 4, lane-matching.ts).
    expect(preview.body.lanes).toEqual([
      { laneId: 'ibm_l1', name: 'Petugas Pendaftaran', known: false, suggestions: [{ jabatan: 'PELAKSANA', label: 'Pelaksana' }] },
      { laneId: 'ibm_l2', name: 'Kasir', known: false, suggestions: [{ jabatan: 'PELAKSANA', label: 'Pelaksana' }] },
    ]);
    expect(preview.body.warnings.map((w: { code: string }) => w.code)).toContain('DIAGRAM_GENERATED');
    expect(preview.body.xml).toContain('BPMNShape');
    expect((await api('/api/maps')).body.items.length).toBe(before);
  });

  it('refuses what is not BPMN with a stable code', async () => {
    const answer = await api('/api/import/preview', { method: 'POST', body: '<html><body>bukan</body></html>' });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('BPMN_INVALID');
  });
});

describe('POST /api/import and the original file', () => {
  it('keeps the uploaded bytes exactly, downloadable under the file name, and marks revision 1', async () => {
    const bytes = crafted('latin1-declared.bpmn');
    const { map, warnings } = await importFile(bytes, '?fileName=C%3A%5Cdata%5Cpeta%20lama.bpmn');
    expect(warnings.map((w) => w.code)).toEqual(['ID_CHANGED']);
    const original = await download(map.id);
    expect(original.status).toBe(200);
    expect(Buffer.from(original.bytes).equals(bytes)).toBe(true);
    expect(original.headers.get('content-disposition')).toContain('filename="peta lama.bpmn"');
    const revisions = (await api(`/api/maps/${map.id}/revisions`)).body.items;
    expect(revisions[0].original).toMatchObject({ fileName: 'peta lama.bpmn', bytes: bytes.length });
    expect(revisions[0].original.sha256).toMatch(/^[0-9a-f]{64}$/);
    // Read in its declared encoding: the accented name survives.
    const xml = (await api(`/api/maps/${map.id}/revisions/1/xml`)).body as string;
    expect(xml).toContain('name="Prüfung der Unterlagen"');
  });

  it('takes the bytes whatever content type the browser gives the file', async () => {
    for (const type of ['application/json', 'application/octet-stream', 'text/plain; charset=utf-16']) {
      const answer = await api('/api/import?name=Jenis', { method: 'POST', headers: { 'content-type': type }, body: crafted('bonita-timer.bpmn') });
      expect(answer.status, `${type}: ${JSON.stringify(answer.body)}`).toBe(201);
    }
  });

  it('names the download after the map when no file name was given', async () => {
    const { map } = await importFile(new TextEncoder().encode(minimalBpmn()), '?name=Peta%20Uji');
    expect((await download(map.id)).headers.get('content-disposition')).toContain('Peta Uji.bpmn');
  });

  it('answers 404 ORIGINAL_NOT_FOUND for a map that was not imported', async () => {
    const created = await api('/api/maps', { method: 'POST', json: { name: 'Peta baru', kind: 'proses' } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const answer = await api(`/api/maps/${created.body.map.id}/original`);
    expect(answer.status).toBe(404);
    expect(answer.body.error.code).toBe('ORIGINAL_NOT_FOUND');
  });
});

describe('each crafted loss pattern is kept or warned about', () => {
  const expected: Record<string, string[]> = {
    'aeneis-global-tasks.bpmn': [],
    'bonita-timer.bpmn': [],
    'client-blank-canvas.bpmn': ['DIAGRAM_GENERATED', 'ELEMENT_DROPPED', 'ELEMENT_DROPPED'],
    'client-default-ns-redeclared.bpmn': [],
    'client-open-warnings.bpmn': ['UNKNOWN_ELEMENT', 'UNRESOLVED_REFERENCE', 'UNRESOLVED_REFERENCE'],
    'enterprise-explorer-documentation.bpmn': ['DOCUMENTATION_MARKUP'],
    'genmymodel-qname-refs.bpmn': [],
    'ibm-no-diagram.bpmn': ['DIAGRAM_GENERATED'],
    'invalid-utf8.bpmn': ['INVALID_UTF8'],
    'laneset-id-with-spaces.bpmn': ['ID_CHANGED'],
    'latin1-declared.bpmn': ['ID_CHANGED'],
    'modelio-plane-definitions-data-inputs.bpmn': ['DIAGRAM_REPAIRED'],
    'visual-paradigm-plane-empty-process.bpmn': ['DIAGRAM_REPAIRED'],
  };

  it('has a case for every crafted file', () => {
    expect(readdirSync(CRAFTED).filter((f) => f.endsWith('.bpmn')).sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(Object.entries(expected))('%s → %j', async (file, codes) => {
    const bytes = crafted(file);
    const preview = await api('/api/import/preview', { method: 'POST', body: bytes });
    const { map, warnings } = await importFile(bytes, `?fileName=${file}`);
    expect(warnings.map((w) => w.code)).toEqual(codes);
    expect(warnings).toEqual(preview.body.warnings);
    for (const w of warnings) expect(w.what.length * w.why.length).toBeGreaterThan(0);
    const stored = (await api(`/api/maps/${map.id}/revisions/1/xml`)).body as string;
    expect(stored).toBe(preview.body.xml);
    const after = bpmnFacts(stored);
    expect(silentLosses(bpmnFacts(decodeBytes(bytes).text), after, warnings)).toEqual([]);
    expect(drawsFlowNodes(after)).toBe(true);
  });

  it('the lane set whose id has spaces keeps its lanes', async () => {
    const { map } = await importFile(crafted('laneset-id-with-spaces.bpmn'));
    const stored = bpmnFacts((await api(`/api/maps/${map.id}/revisions/1/xml`)).body);
    expect(stored.elements.get('Lane_Set_1')?.type).toBe('laneSet');
    expect(stored.elements.get('ls_l2')?.flowNodeRefs).toEqual(['ls_t2']);
  });

  it('the QName references of GenMyModel keep every diagram link and flow', async () => {
    const { map } = await importFile(crafted('genmymodel-qname-refs.bpmn'));
    const stored = bpmnFacts((await api(`/api/maps/${map.id}/revisions/1/xml`)).body);
    expect(stored.shapes.map((s) => s.target)).toEqual(['_s1', '_t1', '_e1', '_q1', '_q2']);
    expect(stored.elements.get('_q2')).toMatchObject({ source: '_t1', target: '_e1' });
  });

  it('invalid UTF-8 is told where and how much', async () => {
    const { warnings } = await importFile(crafted('invalid-utf8.bpmn'));
    expect(warnings[0]!.what).toMatch(/^3 urutan bait .* baris 3, bait ke-\d+/);
  });
});

describe('a sample of the MIWG corpus over HTTP', () => {
  const sample = miwgFiles().filter((_, i) => i % 15 === 0);
  it.each(sample.map((f) => [path.relative(MIWG_DIR, f), f]))('%s: stored as previewed, nothing lost in silence', async (_name, file) => {
    const bytes = fileBytes(file);
    const preview = await api('/api/import/preview', { method: 'POST', body: bytes });
    const { map, warnings } = await importFile(bytes, `?name=${encodeURIComponent(preview.body.suggested.name)}`);
    const stored = (await api(`/api/maps/${map.id}/revisions/1/xml`)).body as string;
    expect(stored).toBe(preview.body.xml);
    expect(silentLosses(bpmnFacts(decodeBytes(bytes).text), bpmnFacts(stored), warnings)).toEqual([]);
  });
});
