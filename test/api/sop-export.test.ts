// Batch exports of a unit's SOPs (ZIP of PDFs, SOP book) through the real server: real Chromium, the real event
// stream, unzip of the real archive (fflate) and pdftotext/pdfinfo of the real book.
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { PublicUser } from '../../server/accounts/accounts.records';
import { CreateMapBody } from '../../server/maps/maps.schema';
import { MapsService } from '../../server/maps/maps.service';
import { TemplateLibrary } from '../../server/maps/templates';
import { SopExportJobs } from '../../server/sop/batch/export-jobs';
import { PdfPool } from '../../server/sop/pdf/pdf-pool';
import { SopService } from '../../server/sop/sop.service';
import { openEmbeddedStore } from '../../server/store/store';
import { startTestServer, type ApiClient } from '../helpers/server';
import { tempDir } from '../helpers/temp-dir';

const server = await startTestServer();
const { api } = server;
const UNIT = 'Dinas Kesehatan';
const OTHER_UNIT = 'Dinas Pendidikan';

async function fromTemplate(templateId: string, name: string, unit = UNIT): Promise<{ id: string; name: string }> {
  const created = await api('/api/maps', { method: 'POST', json: { templateId, name, unit } });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body.map;
}

// Four SOP maps of the unit (two with the same name), one map of a kind without SOP, one map of another unit.
const maps = [
  await fromTemplate('penunjukan-dalam-unit', 'Penunjukan pelaksana tugas'),
  await fromTemplate('pengajuan-sukarela-dalam-unit', 'Pengajuan sukarela'),
  await fromTemplate('mk-dinas-badan', 'Mekanisme kerja dinas'),
  await fromTemplate('penunjukan-lintas-unit', 'Penunjukan pelaksana tugas'),
];
await api('/api/maps', { method: 'POST', json: { name: 'Subproses tanpa SOP', kind: 'subproses', unit: UNIT } });
await fromTemplate('penunjukan-dalam-unit', 'Peta unit lain', OTHER_UNIT);
const NAMED_SOP = 'Pengajuan Tugas Secara Sukarela';
const HEAD = { jabatan: 'Kepala Dinas Kesehatan', nama: 'dr. I Made Sutama', pangkat: 'Pembina Utama Muda (IV/c)', nip: '197001011995031001' };
const saved = await api(`/api/maps/${maps[1]!.id}/sop`, { method: 'PUT', json: { version: 0, identity: { namaSop: NAMED_SOP, nomor: '800/12/Dinkes/2026', disahkanOleh: HEAD } } });
expect(saved.status, JSON.stringify(saved.body)).toBe(200);
expect((await api(`/api/units/${encodeURIComponent(UNIT)}/letterhead`, { method: 'PUT', json: { pemda: 'Pemerintah Kota Denpasar', unit: UNIT } })).status).toBe(200);
const TITLES = ['Penunjukan pelaksana tugas', NAMED_SOP, 'Mekanisme kerja dinas', 'Penunjukan pelaksana tugas'];

interface StreamEvent {
  id: number;
  type: string;
  data: any;
}

/** The whole event stream of a job (it ends with the job), parsed as an EventSource would. */
async function events(client: ApiClient, jobId: string): Promise<{ status: number; contentType: string | null; events: StreamEvent[] }> {
  const response = await fetch(`${server.url}/api/sop-exports/${jobId}/events`, { headers: { cookie: client.sessionCookie, accept: 'text/event-stream' } });
  const text = await response.text();
  const parsed = text
    .split('\n\n')
    .map((block) => Object.fromEntries(block.split('\n').filter((line) => /^(id|event|data):/.test(line)).map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1).trim()])))
    .filter((fields) => fields.event)
    .map((fields) => ({ id: Number(fields.id), type: fields.event!, data: JSON.parse(fields.data!) }));
  return { status: response.status, contentType: response.headers.get('content-type'), events: parsed };
}

// None of these maps is signed: every export here asks for the drafts (test/api/sop-export-signed.test.ts has the default).
async function startExport(client: ApiClient, format: 'zip' | 'buku', unit = UNIT) {
  return client.api(`/api/units/${encodeURIComponent(unit)}/sop-exports`, { method: 'POST', json: { format, includeDrafts: true } });
}

async function download(client: ApiClient, url: string): Promise<{ status: number; bytes: Uint8Array; headers: Headers }> {
  const response = await fetch(server.url + url, { headers: { cookie: client.sessionCookie } });
  return { status: response.status, bytes: new Uint8Array(await response.arrayBuffer()), headers: response.headers };
}

const pdftotext = (file: string, page?: number) =>
  execFileSync('pdftotext', ['-layout', ...(page ? ['-f', String(page), '-l', String(page)] : []), file, '-'], { encoding: 'utf8' });

describe('SOP batch export', () => {
  it('streams progress in order, then done, and the ZIP holds one PDF per SOP map with safe unique names', async () => {
    const started = await startExport(server.admin, 'zip');
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    const stream = await events(server.admin, started.body.jobId);
    expect(stream.status).toBe(200);
    expect(stream.contentType).toMatch(/^text\/event-stream/);
    const progress = stream.events.filter((e) => e.type === 'progress');
    expect(progress.map((e) => e.data.done)).toEqual([0, 1, 2, 3, 4]);
    expect(new Set(progress.map((e) => e.data.total))).toEqual(new Set([4]));
    expect(progress.slice(1).map((e) => e.data.current).sort()).toEqual([...TITLES].sort());
    expect(stream.events.map((e) => e.id)).toEqual(stream.events.map((_e, i) => i + 1));
    const last = stream.events.at(-1)!;
    expect(last.type).toBe('done');
    expect(stream.events.filter((e) => e.type !== 'progress')).toHaveLength(1);

    const file = await download(server.admin, last.data.downloadUrl);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/zip');
    expect(file.headers.get('content-disposition')).toMatch(/^attachment; filename="SOP-Dinas-Kesehatan-\d{8}\.zip"$/);
    const entries = unzipSync(file.bytes);
    expect(Object.keys(entries).sort()).toEqual(
      [
        'DRAF-SOP-Mekanisme-kerja-dinas-rev1.pdf',
        'DRAF-SOP-Pengajuan-Tugas-Secara-Sukarela-rev1.pdf',
        'DRAF-SOP-Penunjukan-pelaksana-tugas-rev1-2.pdf',
        'DRAF-SOP-Penunjukan-pelaksana-tugas-rev1.pdf',
      ].sort(),
    );
    const dir = await tempDir('petakerja-sop-zip-');
    for (const [name, bytes] of Object.entries(entries)) {
      expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
      writeFileSync(path.join(dir, name), bytes);
    }
    expect(pdftotext(path.join(dir, 'DRAF-SOP-Pengajuan-Tugas-Secara-Sukarela-rev1.pdf')).replace(/\s+/g, ' ')).toContain(NAMED_SOP);
  });

  it('prints the SOP book: cover, decree with the unit head, contents with the page each SOP starts on, guide, every SOP', async () => {
    const started = await startExport(server.admin, 'buku');
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    const stream = await events(server.admin, started.body.jobId);
    const last = stream.events.at(-1)!;
    expect(last.type, JSON.stringify(last.data)).toBe('done');
    const file = await download(server.admin, last.data.downloadUrl);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(file.headers.get('content-disposition')).toBe(`attachment; filename="Buku-SOP-Dinas-Kesehatan-${new Date().getFullYear()}.pdf"`);
    const book = path.join(await tempDir('petakerja-sop-book-'), 'buku.pdf');
    writeFileSync(book, file.bytes);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [book], { encoding: 'utf8' }))?.[1]);
    expect(pages).toBe(last.data.pages);

    const cover = pdftotext(book, 1).replace(/\s+/g, ' ');
    expect(cover).toContain('BUKU SOP ADMINISTRASI PEMERINTAHAN');
    expect(cover).toContain('PEMERINTAH KOTA DENPASAR');
    expect(cover).toContain('DINAS KESEHATAN');
    const decree = pdftotext(book, 2).replace(/\s+/g, ' ');
    expect(decree).toContain('KEPUTUSAN KEPALA DINAS KESEHATAN');
    expect(decree).toContain('STANDAR OPERASIONAL PROSEDUR');
    expect(decree).toContain(HEAD.nama);
    expect(decree).toContain('NIP. 19700101 199503 1 001');

    const contents = pdftotext(book, 3);
    expect(contents).toContain('DAFTAR ISI');
    const rows = [...contents.matchAll(/^\s*(\d+)\.\s+(\S+)\s+(.+?)\s+(\d+)\s*$/gm)].map((m) => ({ title: m[3]!, page: Number(m[4]) }));
    // Drafts (asked for) are listed as such, and the decree sets none of them.
    expect(rows.map((r) => r.title).sort()).toEqual(TITLES.map((t) => `${t} (DRAF)`).sort());
    expect(decree).toContain('sebanyak 0 prosedur');
    expect(rows.map((r) => r.page)).toEqual([...rows.map((r) => r.page)].sort((a, b) => a - b));
    expect(pdftotext(book, 4)).toContain('PENJELASAN SINGKAT PENGGUNAAN');
    expect(rows[0]!.page).toBe(5);
    for (const [index, row] of rows.entries()) {
      // Each SOP starts on the page the contents give: its identity page, first of its own pages, with the book's number.
      const start = pdftotext(book, row.page);
      expect(start.replace(/\s+/g, ' '), row.title).toContain(row.title.replace(/ \(DRAF\)$/, ''));
      expect(start).toContain('DRAF - belum disahkan');
      expect(start).toContain('Halaman 1 dari');
      // The book's number, stamped at the bottom centre: a line that begins with it.
      expect(start).toMatch(new RegExp(`^\\s*${row.page}(\\s|$)`, 'm'));
      const end = (rows[index + 1]?.page ?? pages + 1) - 1;
      expect(pdftotext(book, end)).toMatch(new RegExp(`Halaman (\\d+) dari \\1`));
    }
  });

  it('keeps a job to its starter and refuses other units', async () => {
    const started = await startExport(server.admin, 'zip');
    expect(started.status).toBe(202);
    const reader = await server.userWith(['pembaca'], UNIT);
    expect((await reader.api(`/api/sop-exports/${started.body.jobId}/events`)).status).toBe(404);
    const notFound = await reader.api(`/api/sop-exports/${started.body.jobId}/file`);
    expect(notFound.status).toBe(404);
    expect(notFound.body.error.code).toBe('SOP_EXPORT_NOT_FOUND');
    expect((await api('/api/sop-exports/tidak-ada-ekspor-ini/events')).status).toBe(404);
    expect((await api('/api/sop-exports/tidak-ada-ekspor-ini/file')).status).toBe(404);
    await events(server.admin, started.body.jobId);

    const otherUnit = await startExport(reader, 'zip', OTHER_UNIT);
    expect(otherUnit.status).toBe(403);
    expect(otherUnit.body.error.code).toBe('FORBIDDEN_UNIT');
    // Someone outside the bureau exports their own unit; the stream and file are theirs.
    const own = await startExport(reader, 'zip');
    expect(own.status).toBe(202);
    const stream = await events(reader, own.body.jobId);
    expect(stream.events.at(-1)!.type).toBe('done');
    expect((await download(reader, stream.events.at(-1)!.data.downloadUrl)).status).toBe(200);
    expect((await reader.api(`/api/sop-exports/${own.body.jobId}/file`)).status).toBe(200);
  });

  it('refuses a unit without SOP maps and an unknown format, in Indonesian', async () => {
    const empty = await startExport(server.admin, 'zip', 'Dinas Tanpa Peta');
    expect(empty.status).toBe(422);
    expect(empty.body.error.code).toBe('SOP_EXPORT_EMPTY');
    expect(empty.body.error.message).toContain('belum memiliki peta');
    const bad = await api(`/api/units/${encodeURIComponent(UNIT)}/sop-exports`, { method: 'POST', json: { format: 'docx' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
    expect((await server.anonymous().api(`/api/units/${encodeURIComponent(UNIT)}/sop-exports`, { method: 'POST', json: { format: 'zip' } })).status).toBe(401);
  });

  it('ends a running export with an error event when the server closes, and leaves no file behind', async () => {
    const other = await startTestServer();
    for (const templateId of ['mk-setda', 'mk-rsud', 'mk-kecamatan', 'penunjukan-lintas-instansi']) {
      expect((await other.api('/api/maps', { method: 'POST', json: { templateId, name: templateId, unit: UNIT } })).status).toBe(201);
    }
    const started = await startExport(other.admin, 'zip');
    expect(started.status).toBe(202);
    const response = await fetch(`${other.url}/api/sop-exports/${started.body.jobId}/events`, { headers: { cookie: other.admin.sessionCookie } });
    const text = response.text();
    await other.close();
    const blocks = (await text).trim().split('\n\n');
    if (process.env.PETAKERJA_TEST_STORE === 'postgres') {
      // Shared jobs outlive an instance (docs/storage.md, Several instances): the job goes back to the queue for
      // another instance and the stream ends without an end event, for its client to reconnect elsewhere.
      expect(blocks.at(-1)).not.toMatch(/event: (done|error)/);
    } else {
      expect(blocks.at(-1)).toMatch(/^id: \d+\nevent: error\ndata: \{"code":"SOP_EXPORT_CLOSED","message":"Server berhenti sebelum ekspor SOP selesai\."\}$/);
    }
    const dirs = readdirSync(os.tmpdir()).filter((name) => name.startsWith('petakerja-sop-export-'));
    for (const dir of dirs) expect(existsSync(path.join(os.tmpdir(), dir, `${started.body.jobId}.zip`))).toBe(false);
  });
});

describe('SOP export jobs: time to live and cap', async () => {
  const store = await openEmbeddedStore(await tempDir());
  const pool = new PdfPool({ size: 1 });
  afterAll(async () => {
    await pool.close();
    await store.close();
  });
  const maps = new MapsService(store.maps, await TemplateLibrary.load());
  const sop = new SopService(store.sop, maps, () => pool);
  const now = new Date().toISOString();
  const admin = PublicUser.parse({ id: randomUUID(), username: 'admin', name: 'Admin', jabatan: '', unit: 'Bagian Organisasi', roles: ['admin', 'penyusun'], disabled: false, createdAt: now, updatedAt: now });
  await maps.create(admin, CreateMapBody.parse({ templateId: 'penunjukan-dalam-unit', name: 'Penunjukan', unit: UNIT }));
  const tmpRoot = await tempDir('petakerja-export-root-');
  const jobs = new SopExportJobs({ maps, sop, reviews: store.review, pdfPool: () => pool, letterhead: async () => undefined }, { ttlMs: 300, maxJobs: 1, maxRunning: 1, tmpRoot });
  afterAll(() => jobs.close());
  const finished = (job: { id: string }) =>
    new Promise<string>((resolve) => jobs.subscribe(jobs.get(admin, job.id), 0, (event) => event.type !== 'progress' && resolve(event.type)));

  it('refuses a second job while one runs and drops the oldest finished job to make room', async () => {
    const first = await jobs.start(admin, UNIT, 'zip', { includeDrafts: true });
    await expect(jobs.start(admin, UNIT, 'zip', { includeDrafts: true })).rejects.toMatchObject({ status: 429, code: 'SOP_EXPORT_BUSY' });
    expect(await finished(first)).toBe('done');
    const second = await jobs.start(admin, UNIT, 'zip', { includeDrafts: true });
    expect(() => jobs.get(admin, first.id)).toThrow(expect.objectContaining({ code: 'SOP_EXPORT_NOT_FOUND' }));
    expect(await finished(second)).toBe('done');
  });

  it('removes a finished job and its file once its time to live is over, and everything on close', async () => {
    const job = await jobs.start(admin, UNIT, 'buku', { includeDrafts: true });
    expect(await finished(job)).toBe('done');
    const file = jobs.file(admin, job.id);
    expect(file.path.startsWith(tmpRoot)).toBe(true);
    expect(existsSync(file.path)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(existsSync(file.path)).toBe(false);
    expect(() => jobs.get(admin, job.id)).toThrow(expect.objectContaining({ code: 'SOP_EXPORT_NOT_FOUND' }));
    await jobs.close();
    expect(readdirSync(tmpRoot)).toEqual([]);
    await expect(jobs.start(admin, UNIT, 'zip', { includeDrafts: true })).rejects.toMatchObject({ code: 'SOP_EXPORT_CLOSED' });
  });
});
