// SOP records, letterheads and SOP documents (HTML, PDF) through the real server, with real Chromium and pdftotext.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readText, ROOT } from '../helpers/fixtures';
import { startTestServer } from '../helpers/server';
import { tempDir } from '../helpers/temp-dir';

const server = await startTestServer();
const { api } = server;

const XML = readText(path.join(ROOT, 'processes/library/penunjukan-dalam-unit.bpmn'));
const FIRST_ACTIVITY = 'Memilih Pejabat Fungsional atau Pelaksana sesuai kompetensi';
const RENAMED_ACTIVITY = 'Memilih pelaksana menurut peta kompetensi';
const IDENTITY = {
  nomor: '800/12/Org/2026',
  tanggalPembuatan: '2026-11-02',
  disahkanOleh: { jabatan: 'Kepala Dinas Kesehatan', nama: 'dr. I Made Sutama', pangkat: 'Pembina Utama Muda (IV/c)', nip: '19700101 199503 1 001' },
  namaSop: 'Penunjukan Pelaksana Tugas Dalam Unit',
  dasarHukum: ['Peraturan Wali Kota Denpasar Nomor 69 Tahun 2023'],
  keterkaitan: [],
  peringatan: 'Penugasan tidak sah bila surat tugas tidak diterbitkan',
  kualifikasiPelaksana: ['Memahami peta jabatan unit'],
  peralatan: ['Komputer', 'Aplikasi tata naskah dinas'],
  pencatatan: ['Register surat tugas'],
};

async function newMap(unit = 'Dinas Kesehatan', name = 'Penunjukan dalam unit'): Promise<{ id: string; currentRevision: number }> {
  const created = await api('/api/maps', { method: 'POST', json: { name, kind: 'mekanisme-kerja', unit, xml: XML } });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body.map;
}

async function putSop(id: string, body: unknown) {
  return api(`/api/maps/${id}/sop`, { method: 'PUT', json: body });
}

describe('SOP record API', () => {
  it('answers an empty record before the first save, then keeps each save with the map revision it was made at', async () => {
    const map = await newMap();
    const empty = await api(`/api/maps/${map.id}/sop`);
    expect(empty.status).toBe(200);
    expect(empty.body).toEqual({ record: null, history: [], mapRevision: 1 });

    const saved = await putSop(map.id, { version: 0, identity: IDENTITY, settings: { paper: 'F4' } });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.record).toMatchObject({ version: 1, mapRevision: 1, identity: IDENTITY, settings: { paper: 'F4' }, savedBy: 'Admin Bagian Organisasi' });

    const second = await putSop(map.id, { version: 1, identity: { ...IDENTITY, nomor: '800/13/Org/2026' } });
    expect(second.status).toBe(200);
    const read = await api(`/api/maps/${map.id}/sop`);
    expect(read.body.record).toMatchObject({ version: 2, identity: { nomor: '800/13/Org/2026' }, settings: {} });
    expect(read.body.history.map((v: any) => v.version)).toEqual([2, 1]);
  });

  it('keeps the current version when a save changes nothing: 200 with that version and unchanged: true', async () => {
    const map = await newMap();
    const first = await putSop(map.id, { version: 0, identity: IDENTITY, settings: { paper: 'F4' } });
    expect(first.body.unchanged).toBeUndefined();
    // The same fields in another order, settings included.
    const reordered = Object.fromEntries(Object.entries(IDENTITY).reverse());
    const again = await putSop(map.id, { version: 1, identity: reordered, settings: { paper: 'F4' } });
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ record: first.body.record, unchanged: true });
    expect((await api(`/api/maps/${map.id}/sop`)).body.history.map((v: any) => v.version)).toEqual([1]);
    // A change of the settings alone is a change.
    const landscape = await putSop(map.id, { version: 1, identity: IDENTITY, settings: { paper: 'A4' } });
    expect(landscape.body).toMatchObject({ record: { version: 2 } });
    expect(landscape.body.unchanged).toBeUndefined();
    // A stale form is still refused even when it matches an older version.
    expect((await putSop(map.id, { version: 1, identity: IDENTITY, settings: { paper: 'F4' } })).status).toBe(409);
  });

  it('refuses a save based on a stale version with 409 SOP_CONFLICT and keeps the newer one', async () => {
    const map = await newMap();
    expect((await putSop(map.id, { version: 0, identity: { namaSop: 'Pertama' } })).status).toBe(200);
    expect((await putSop(map.id, { version: 1, identity: { namaSop: 'Kedua' } })).status).toBe(200);
    const stale = await putSop(map.id, { version: 1, identity: { namaSop: 'Basi' } });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('SOP_CONFLICT');
    expect(stale.body.error.message).toMatch(/sudah diubah orang lain/);
    expect(stale.body.error.details).toEqual({ currentVersion: 2, baseVersion: 1 });
    expect((await putSop(map.id, { version: 0, identity: {} })).status).toBe(409);
    expect((await api(`/api/maps/${map.id}/sop`)).body.record.identity.namaSop).toBe('Kedua');
  });

  it('refuses bad fields with 400 VALIDATION_FAILED and an Indonesian message naming the field', async () => {
    const map = await newMap();
    const badNip = await putSop(map.id, { version: 0, identity: { disahkanOleh: { nip: '1234' } } });
    expect(badNip.status).toBe(400);
    expect(badNip.body.error.code).toBe('VALIDATION_FAILED');
    expect(badNip.body.error.message).toContain('identity.disahkanOleh.nip: NIP terdiri atas 18 angka');
    const badDate = await putSop(map.id, { version: 0, identity: { tanggalPembuatan: '02-11-2026' } });
    expect(badDate.body.error.message).toContain('Tanggal ditulis TTTT-BB-HH');
    const unknownField = await putSop(map.id, { version: 0, identity: { judul: 'x' } });
    expect(unknownField.status).toBe(400);
    const badRows = await putSop(map.id, { version: 0, identity: {}, settings: { maxRowsPerPage: 0 } });
    expect(badRows.body.error.message).toContain('Paling sedikit 1 baris per halaman');
    const noVersion = await putSop(map.id, { identity: {} });
    expect(noVersion.body.error.message).toContain('Versi SOP wajib dikirim');
    expect((await api(`/api/maps/${map.id}/sop`)).body.record).toBeNull();
  });

  it('answers 404 for an unknown map and 403 for a map of another unit', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    for (const suffix of ['sop', 'sop.html', 'sop.pdf']) {
      const response = await api(`/api/maps/${unknown}/${suffix}`);
      expect(response.status).toBe(404);
      expect(response.body.error.code).toBe('MAP_NOT_FOUND');
    }
    expect((await putSop(unknown, { version: 0, identity: {} })).status).toBe(404);

    const other = await newMap('Dinas Pendidikan');
    const reader = await server.userWith(['pembaca'], 'Dinas Kesehatan');
    for (const suffix of ['sop', 'sop.html', 'sop.pdf']) {
      const response = await reader.api(`/api/maps/${other.id}/${suffix}`);
      expect(response.status).toBe(403);
      expect(response.body.error.code).toBe('FORBIDDEN_UNIT');
    }
    const drafterOfUnit = await server.userWith(['penyusun'], 'Dinas Pendidikan');
    expect((await drafterOfUnit.api(`/api/maps/${other.id}/sop`, { method: 'PUT', json: { version: 0, identity: {} } })).status).toBe(200);
    const reviewer = await server.userWith(['reviewer'], 'Dinas Pendidikan');
    const refused = await reviewer.api(`/api/maps/${other.id}/sop`, { method: 'PUT', json: { version: 1, identity: {} } });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('FORBIDDEN');
  });
});

describe('SOP documents', () => {
  it('renders sop.html with the identity fields, the letterhead and the activities of the map', async () => {
    const map = await newMap('Dinas Kesehatan', 'Peta pratinjau');
    await putSop(map.id, { version: 0, identity: IDENTITY });
    const response = await api(`/api/maps/${map.id}/sop.html`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'self'");
    const html = response.body as string;
    for (const text of [IDENTITY.namaSop, IDENTITY.nomor, IDENTITY.disahkanOleh.nama, IDENTITY.peralatan[1]!, IDENTITY.dasarHukum[0]!, FIRST_ACTIVITY, 'Menerbitkan surat penugasan']) {
      expect(html).toContain(text);
    }
    expect(html).toContain('Dinas Kesehatan');
  });

  it('names the SOP after the map, not its pool, and prints Tanggal Revisi "-", before the identity is filled', async () => {
    const map = await newMap('Dinas Kesehatan', 'Penunjukan Pelaksana oleh Kepala Bidang');
    const html = (await api(`/api/maps/${map.id}/sop.html`)).body as string;
    expect(html).toContain('<span class="nama-sop">Penunjukan Pelaksana oleh Kepala Bidang</span>');
    expect(html).toMatch(/<td class="label">Tanggal Revisi<\/td><td class="colon">:<\/td><td>-<\/td>/);
  });

  it('prints sop.pdf as a PDF whose text holds the SOP name, with a safe file name', async () => {
    const map = await newMap('Dinas Kesehatan', 'Peta PDF');
    await putSop(map.id, { version: 0, identity: { ...IDENTITY, namaSop: 'Penunjukan "Pelaksana" / Tugas: Unit' } });
    const response = await fetch(`${server.url}/api/maps/${map.id}/sop.pdf`, { headers: { cookie: server.admin.sessionCookie } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="SOP-Penunjukan-Pelaksana-Tugas-Unit-rev1.pdf"');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const file = path.join(await tempDir(), 'sop.pdf');
    writeFileSync(file, bytes);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('Penunjukan "Pelaksana" / Tugas: Unit');
    expect(text).toContain(IDENTITY.nomor);
    expect(text).toContain('Menerbitkan surat penugasan');
  });

  it('previews an unsaved identity on the current revision without storing it', async () => {
    const map = await newMap('Dinas Kesehatan', 'Peta pratinjau');
    const saved = await putSop(map.id, { version: 0, identity: IDENTITY });
    const preview = await api(`/api/maps/${map.id}/sop/preview`, { method: 'POST', json: { identity: { ...IDENTITY, namaSop: 'Judul yang sedang diketik' } } });
    expect(preview.status).toBe(200);
    expect(preview.body as string).toContain('Judul yang sedang diketik');
    expect(preview.body as string).toContain(FIRST_ACTIVITY);
    const record = await api(`/api/maps/${map.id}/sop`);
    expect(record.body.record).toMatchObject({ version: saved.body.record.version, identity: { namaSop: IDENTITY.namaSop } });
    const bad = await api(`/api/maps/${map.id}/sop/preview`, { method: 'POST', json: { identity: { tanggalEfektif: 'kemarin' } } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('adds the BPMN diagram, drawn by bpmn-js in the pool\'s browser, as a last page with ?lampiran=diagram', async () => {
    const map = await newMap('Dinas Kesehatan', 'Peta lampiran');
    const pdfOf = async (query: string) => {
      const response = await fetch(`${server.url}/api/maps/${map.id}/sop.pdf${query}`, { headers: { cookie: server.admin.sessionCookie } });
      expect(response.status, server.logs.join('\n')).toBe(200);
      const file = path.join(await tempDir(), 'sop.pdf');
      writeFileSync(file, Buffer.from(await response.arrayBuffer()));
      const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
      return { pages, text: execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }) };
    };
    const plain = await pdfOf('');
    const withDiagram = await pdfOf('?lampiran=diagram');
    expect(withDiagram.pages).toBe(plain.pages + 1);
    expect(plain.text).not.toContain('Lampiran: Diagram Proses');
    const appendix = withDiagram.text.slice(withDiagram.text.indexOf('Lampiran: Diagram Proses'));
    expect(appendix.length).toBeGreaterThan('Lampiran: Diagram Proses'.length);
    // The diagram's labels are real text in the PDF: the first activity's words appear on the appendix page.
    expect(appendix.replace(/\s+/g, ' ')).toContain(FIRST_ACTIVITY.split(' ')[0]!);
    const bad = await fetch(`${server.url}/api/maps/${map.id}/sop.pdf?lampiran=semua`, { headers: { cookie: server.admin.sessionCookie } });
    expect(bad.status).toBe(400);
  });

  it('renders ?revision=n from map revision n with the identity stored for it', async () => {
    const map = await newMap('Dinas Kesehatan', 'Peta berevisi');
    await putSop(map.id, { version: 0, identity: { ...IDENTITY, namaSop: 'SOP edisi pertama' } });
    const saved = await api(`/api/maps/${map.id}/revisions`, {
      method: 'POST',
      json: { xml: XML.replace(FIRST_ACTIVITY, RENAMED_ACTIVITY), baseRevision: 1, message: 'Kegiatan diganti' },
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(201);
    await putSop(map.id, { version: 1, identity: { ...IDENTITY, namaSop: 'SOP edisi kedua' } });
    expect((await api(`/api/maps/${map.id}/sop`)).body.record.mapRevision).toBe(2);

    const current = (await api(`/api/maps/${map.id}/sop.html`)).body as string;
    expect(current).toContain('SOP edisi kedua');
    expect(current).toContain(RENAMED_ACTIVITY);
    expect(current).not.toContain(FIRST_ACTIVITY);

    const older = (await api(`/api/maps/${map.id}/sop.html?revision=1`)).body as string;
    expect(older).toContain('SOP edisi pertama');
    expect(older).not.toContain('SOP edisi kedua');
    expect(older).toContain(FIRST_ACTIVITY);
    expect(older).not.toContain(RENAMED_ACTIVITY);

    // A revision saved after the last SOP save is printed with the latest identity at or before it.
    await api(`/api/maps/${map.id}/revisions`, { method: 'POST', json: { xml: XML, baseRevision: 2, message: 'Kembali' } });
    expect((await api(`/api/maps/${map.id}/sop.html?revision=3`)).body).toContain('SOP edisi kedua');

    const missing = await api(`/api/maps/${map.id}/sop.html?revision=9`);
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('REVISION_NOT_FOUND');
    expect((await api(`/api/maps/${map.id}/sop.html?revision=nol`)).status).toBe(400);
  });
});

describe('letterheads', () => {
  const PNG_1PX = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

  it('keeps a letterhead per unit and prints it on the unit\'s SOPs', async () => {
    const unit = encodeURIComponent('Dinas Kesehatan');
    expect((await api(`/api/units/${unit}/letterhead`)).body).toEqual({ letterhead: null });
    const put = await api(`/api/units/${unit}/letterhead`, {
      method: 'PUT',
      json: { pemda: 'Pemerintah Kota Denpasar', unit: 'Dinas Kesehatan', subUnit: 'Bidang Pelayanan Kesehatan', logoDataUrl: PNG_1PX },
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    // Units are matched as maps' units are: trimmed and case-insensitive.
    const read = await api(`/api/units/${encodeURIComponent('dinas kesehatan ')}/letterhead`);
    expect(read.body.letterhead).toMatchObject({ unit: 'Dinas Kesehatan', letterhead: { pemda: 'Pemerintah Kota Denpasar' } });

    const map = await newMap('Dinas Kesehatan', 'Peta berkop');
    const html = (await api(`/api/maps/${map.id}/sop.html`)).body as string;
    expect(html).toContain('Pemerintah Kota Denpasar');
    expect(html).toContain('Bidang Pelayanan Kesehatan');
    expect(html).toContain(PNG_1PX);
  });

  it('refuses logos that are too large, not images, or not what they claim', async () => {
    const unit = encodeURIComponent('Dinas Sosial');
    const send = (logoDataUrl: string) => api(`/api/units/${unit}/letterhead`, { method: 'PUT', json: { logoDataUrl } });
    const big = await send(`data:image/png;base64,${Buffer.concat([Buffer.from(PNG_1PX.split(',')[1]!, 'base64'), Buffer.alloc(210 * 1024)]).toString('base64')}`);
    expect(big.status).toBe(400);
    expect(big.body.error.message).toMatch(/Logo terlalu besar \(\d+ KB\); paling besar 200 KB/);
    expect((await send('data:image/gif;base64,R0lGODlhAQABAAAAACw=')).body.error.message).toContain('PNG, JPEG atau SVG');
    expect((await send(`data:image/png;base64,${Buffer.from('<svg></svg>').toString('base64')}`)).body.error.message).toContain('bukan gambar PNG');
    expect((await send(`data:image/svg+xml;base64,${Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>').toString('base64')}`)).status).toBe(200);
  });
});
