// An SOP AP document through the import endpoints on the real server (issue 17): the preview says what was read
// (identity, rows, guesses) and creates nothing; the import creates the draft map, keeps the PDF as its original and
// makes the identity part the map's SOP record; the map lints like any other. Documents it cannot read yet, and
// PDFs it never will, are refused with a stable code and an Indonesian message.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { parseBpmn } from '../../server/bpmn/moddle';
import type { SopIdentityDraft } from '../../server/sop/identity.schema';
import { readProcedure } from '../../server/sop/layout/procedure';
import { PdfPool } from '../../server/sop/pdf/pdf-pool';
import { renderSop } from '../../server/sop/render/index';
import { procedureToTable } from '../../server/sop-documents/procedure-to-table';
import { ROOT } from '../helpers/fixtures';
import { startTestServer } from '../helpers/server';
import { structure } from '../../server/sop-documents/table-structure';

const server = await startTestServer();
const { api } = server;
const pool = new PdfPool({ size: 1 });
afterAll(() => pool.close());

const IDENTITY: SopIdentityDraft = {
  nomor: '800/21/Org/2026',
  tanggalPembuatan: '2026-03-02',
  disahkanOleh: { jabatan: 'Kepala Bagian Organisasi', nama: 'Ni Luh Contoh, S.Sos.', pangkat: 'Pembina (IV/a)', nip: '197802022005012003' },
  namaSop: 'Penunjukan Pejabat Fungsional Lintas Unit',
  dasarHukum: ['Peraturan Bupati Gunung Mas Nomor 7 Tahun 2024'],
  keterkaitan: [],
  peringatan: 'Penugasan tidak sah tanpa surat penugasan',
  kualifikasiPelaksana: ['Memahami mekanisme kerja'],
  peralatan: ['Komputer'],
  pencatatan: ['Buku agenda surat'],
};

/** What the document says of it: an empty Keterkaitan prints as "-", which reads as nothing. */
const { keterkaitan: _none, ...PRINTED_IDENTITY } = IDENTITY;

const MAP = path.join(ROOT, 'processes/library/penunjukan-lintas-unit.bpmn');

async function printedSop(): Promise<Uint8Array<ArrayBuffer>> {
  const { definitions } = await parseBpmn(readFileSync(MAP, 'utf8'));
  const rendered = renderSop({ definitions, identity: IDENTITY, settings: { paper: 'A4', orientation: 'landscape' } });
  return new Uint8Array(await pool.pdf(rendered.html, { paper: 'A4', landscape: true }));
}

describe('an SOP document imported', () => {
  it('is previewed with what was read and creates nothing', async () => {
    const before = (await api('/api/maps')).body.items.length;
    const preview = await api('/api/import/preview', { method: 'POST', body: await printedSop() });
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body.document).toMatchObject({ format: 'pdf', pages: 2, rows: 7, identity: PRINTED_IDENTITY });
    // Two message labels stand beside a message drawn over a sequence flow: which line each belongs to is a guess,
    // marked where it stands on its page (which the preview draws).
    const { guesses, images } = preview.body.document;
    expect(guesses.map((g: { kind: string }) => g.kind)).toEqual(['arrow-label', 'arrow-label']);
    for (const guess of guesses) expect(guess.where).toMatchObject({ page: 2 });
    expect(images.map((image: { page: number }) => image.page)).toEqual([1, 2]);
    expect(Buffer.from(images[1].png, 'base64').subarray(1, 4).toString()).toBe('PNG');
    expect(preview.body.document.columns).toHaveLength(4);
    expect(preview.body.suggested.name).toBe(IDENTITY.namaSop);
    expect(preview.body.lanes.map((lane: { name: string }) => lane.name)).toEqual(preview.body.document.columns);
    expect((await api('/api/maps')).body.items.length).toBe(before);
  });

  it('becomes a draft map with the SOP table it was printed from, the PDF as its original and the identity as its SOP record', async () => {
    const pdf = await printedSop();
    const answer = await api(`/api/import?unit=${encodeURIComponent('Bagian Organisasi')}&kind=lintas-fungsi&fileName=sop.pdf`, { method: 'POST', body: pdf });
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    const { map } = answer.body;
    expect(map).toMatchObject({ name: IDENTITY.namaSop, unit: 'Bagian Organisasi', kind: 'lintas-fungsi' });

    const xml = (await fetch(`${server.url}/api/maps/${map.id}/revisions/1/xml`, { headers: { cookie: server.admin.sessionCookie } }).then((r) => r.text())) as string;
    const stored = procedureToTable(readProcedure((await parseBpmn(xml)).definitions));
    const printed = procedureToTable(readProcedure((await parseBpmn(readFileSync(MAP, 'utf8'))).definitions));
    expect(structure(stored, { labels: false })).toEqual(structure(printed, { labels: false }));
    expect(xml).toContain('name="Bagian Organisasi"');

    const original = await fetch(`${server.url}/api/maps/${map.id}/original`, { headers: { cookie: server.admin.sessionCookie } });
    expect(original.headers.get('content-disposition')).toContain('sop.pdf');
    expect(Buffer.from(await original.arrayBuffer()).equals(Buffer.from(pdf))).toBe(true);

    const sop = await api(`/api/maps/${map.id}/sop`);
    expect(sop.body.record.identity).toEqual(PRINTED_IDENTITY);
    const revisions = await api(`/api/maps/${map.id}/revisions`);
    expect(revisions.body.items[0].message).toBe('Diimpor dari dokumen SOP (PDF, 2 halaman)');

    const lint = await api(`/api/maps/${map.id}/lint`);
    expect(lint.status).toBe(200);
    expect(lint.body.findings.filter((f: { message: string }) => f.message.startsWith('Aturan '))).toEqual([]);
  });

  it('reads an Excel SOP from its package (the pages shown drawn by LibreOffice), says so, and keeps the spreadsheet as the original', async () => {
    const xlsx = new Uint8Array(readFileSync(path.join(ROOT, 'test/fixtures/sop-documents/office/lintas-fungsi.xlsx')));
    const preview = await api('/api/import/preview', { method: 'POST', body: xlsx });
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    // Every arrow, glued between its shapes, as drawn (LibreOffice's drawing of the file moves three of them).
    expect(preview.body.document).toMatchObject({ format: 'office-open-xml', rows: 8, links: 8, guesses: [], columns: ['Kepala Bidang', 'Ketua Tim', 'Pelaksana'] });
    expect(preview.body.warnings.map((w: { code: string }) => w.code)).toContain('DOCUMENT_READ_FROM_PACKAGE');
    expect(preview.body.document.images.length).toBeGreaterThan(0);
    const answer = await api('/api/import?fileName=sop-tim-kerja.xlsx', { method: 'POST', body: xlsx });
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    const original = await fetch(`${server.url}/api/maps/${answer.body.map.id}/original`, { headers: { cookie: server.admin.sessionCookie } });
    expect(Buffer.from(await original.arrayBuffer()).equals(Buffer.from(xlsx))).toBe(true);
    const revisions = await api(`/api/maps/${answer.body.map.id}/revisions`);
    expect(revisions.body.items[0].message).toBe('Diimpor dari dokumen SOP (Excel .xlsx, 1 halaman)');
  }, 60_000);

  it('gives the SOP as Word ("Unduh Word"), which imports back as the same table', async () => {
    const created = await api(`/api/import?unit=${encodeURIComponent('Bagian Organisasi')}&fileName=sop.pdf`, { method: 'POST', body: await printedSop() });
    const id = created.body.map.id;
    const response = await fetch(`${server.url}/api/maps/${id}/sop.docx`, { headers: { cookie: server.admin.sessionCookie } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('wordprocessingml');
    expect(response.headers.get('content-disposition')).toMatch(/filename="SOP-.*-rev1\.docx"/);
    const docx = new Uint8Array(await response.arrayBuffer());
    const preview = await api('/api/import/preview', { method: 'POST', body: docx });
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body.document).toMatchObject({ label: 'Word .docx', rows: 7, identity: PRINTED_IDENTITY });
  }, 60_000);

  it('refuses an Office file that is neither a document nor a spreadsheet, and a broken package', async () => {
    const doc = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    const unknown = await api('/api/import/preview', { method: 'POST', body: doc });
    expect(unknown.status).toBe(415);
    expect(unknown.body.error.code).toBe('DOCUMENT_FORMAT_UNKNOWN');
    const broken = await api('/api/import/preview', { method: 'POST', body: new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new TextEncoder().encode('[Content_Types].xml')]) });
    expect(broken.status).toBe(422);
    expect(broken.body.error.code).toBe('DOCUMENT_UNREADABLE');
  });

  it('refuses a scanned PDF, a PDF of too many pages and a broken PDF, each with its code', async () => {
    const scanned = await PDFDocument.create();
    scanned.addPage();
    const long = await PDFDocument.create();
    for (let i = 0; i < 61; i++) long.addPage();
    const cases: Array<[Uint8Array, number, string]> = [
      [await scanned.save(), 422, 'PDF_SCANNED'],
      [await long.save(), 413, 'DOCUMENT_TOO_MANY_PAGES'],
      [new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Type /Catalog'), 422, 'DOCUMENT_UNREADABLE'],
    ];
    for (const [bytes, status, code] of cases) {
      const answer = await api('/api/import', { method: 'POST', body: bytes as Uint8Array<ArrayBuffer> });
      expect(answer.status, code).toBe(status);
      expect(answer.body.error.code).toBe(code);
    }
  });
});
