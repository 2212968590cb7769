// The unit's SOP book and ZIP hold only what is signed (issue 15, item 3), through the real server: SOPs signed through
// the real review cycle (real Chromium prints the signed PDF), one draft and one withdrawn SOP. By default the export
// holds the SOPs in force exactly as signed — the stored PDF's bytes in the ZIP, its pages' content streams unchanged
// in the book — and the decree counts only them; with includeDrafts the others come too, marked DRAF on every page.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { PDFArray, PDFDocument, PDFRawStream, PDFRef, type PDFPage } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { newSopMap, reviewStep, signSop } from '../helpers/review-cycle';
import { startTestServer, type ApiClient } from '../helpers/server';
import { SOP_IDENTITY } from '../helpers/sop-identity';
import { tempDir } from '../helpers/temp-dir';

const server = await startTestServer();
const UNIT = 'Dinas Kesehatan';
const penyusun = await server.userWith(['penyusun'], UNIT, 'buku-penyusun');
const reviewer = await server.userWith(['reviewer'], UNIT, 'buku-reviewer');
const pengesah = await server.userWith(['pengesah'], UNIT, 'buku-pengesah');
const users = { bureau: server.admin, penyusun, reviewer, pengesah };

const sopMap = (name: string, nomor: string) => newSopMap(penyusun, UNIT, name, { ...SOP_IDENTITY, namaSop: name, nomor });
const signedA = await sopMap('Penerbitan surat keterangan sehat', '800/21/Dinkes/2026');
const signedB = await sopMap('Pelayanan rujukan pasien', '800/22/Dinkes/2026');
await sopMap('Pengadaan obat puskesmas', '800/23/Dinkes/2026'); // stays a draft
const withdrawn = await sopMap('Pemeriksaan air minum', '800/24/Dinkes/2026');
await signSop(users, signedA, '2026-12-01');
await signSop(users, signedB, '2026-12-02');
await signSop(users, withdrawn, '2026-12-03');
expect((await reviewStep(server.admin, pengesah, withdrawn, 'cabut', { comment: 'Tidak berlaku lagi' })).status).toBe(200);
const signatureOf = async (mapId: string) => (await server.api(`/api/maps/${mapId}/review`)).body.signatures[0] as { code: string; pdfUrl: string; title: string };
const SIGNED = [await signatureOf(signedA), await signatureOf(signedB)];

async function download(client: ApiClient, url: string): Promise<Uint8Array> {
  const response = await fetch(server.url + url, { headers: { cookie: client.sessionCookie } });
  expect(response.status, url).toBe(200);
  return new Uint8Array(await response.arrayBuffer());
}

/** Runs an export to its end and returns the done event's data and the file. */
async function exported(format: 'zip' | 'buku', includeDrafts?: boolean): Promise<{ done: any; bytes: Uint8Array }> {
  const started = await server.api(`/api/units/${encodeURIComponent(UNIT)}/sop-exports`, { method: 'POST', json: { format, ...(includeDrafts === undefined ? {} : { includeDrafts }) } });
  expect(started.status, JSON.stringify(started.body)).toBe(202);
  const text = await (await fetch(`${server.url}${started.body.eventsUrl}`, { headers: { cookie: server.admin.sessionCookie } })).text();
  const last = text.trim().split('\n\n').at(-1)!;
  expect(last, last).toMatch(/^id: \d+\nevent: done\n/);
  const done = JSON.parse(last.slice(last.indexOf('data: ') + 6));
  return { done, bytes: await download(server.admin, done.downloadUrl) };
}

async function saved(bytes: Uint8Array, name: string): Promise<string> {
  const file = path.join(await tempDir('petakerja-signed-export-'), name);
  writeFileSync(file, bytes);
  return file;
}

const pageCount = (file: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
const pdftotext = (file: string, page?: number, layout = true) =>
  execFileSync('pdftotext', [...(layout ? ['-layout'] : []), ...(page ? ['-f', String(page), '-l', String(page)] : []), file, '-'], { encoding: 'utf8' });

/** The raw (still compressed) bytes of each content stream of a page, in order. */
function contentStreams(doc: PDFDocument, page: PDFPage): string[] {
  const contents = page.node.Contents();
  const refs = contents instanceof PDFArray ? contents.asArray() : contents ? [contents] : [];
  return refs.map((ref) => {
    const stream = ref instanceof PDFRef ? doc.context.lookup(ref) : ref;
    if (!(stream instanceof PDFRawStream)) throw new Error(`unexpected content stream ${stream?.constructor.name}`);
    return Buffer.from(stream.contents).toString('latin1');
  });
}

describe('SOP export holds only what is signed', () => {
  it('summarises what an export holds: the SOPs in force and the drafts with their state', async () => {
    const summary = await server.api(`/api/units/${encodeURIComponent(UNIT)}/sop-exports/summary`);
    expect(summary.status).toBe(200);
    expect(summary.body.signed.map((s: any) => [s.title, s.nomor, s.code]).sort()).toEqual(
      [
        ['Pelayanan rujukan pasien', '800/22/Dinkes/2026', SIGNED[1]!.code],
        ['Penerbitan surat keterangan sehat', '800/21/Dinkes/2026', SIGNED[0]!.code],
      ].sort(),
    );
    expect(summary.body.drafts.map((d: any) => [d.title, d.state, d.stateLabel]).sort()).toEqual(
      [
        ['Pemeriksaan air minum', 'dicabut', 'Dicabut'],
        ['Pengadaan obat puskesmas', 'draf', 'Draf'],
      ].sort(),
    );
  });

  it('ZIP by default: exactly the stored signed PDFs, byte for byte, and no draft', async () => {
    const { done, bytes } = await exported('zip');
    expect(done).toMatchObject({ count: 2, signed: 2, drafts: 0 });
    const entries = unzipSync(bytes);
    expect(Object.keys(entries).sort()).toEqual(['SOP-Pelayanan-rujukan-pasien-rev1.pdf', 'SOP-Penerbitan-surat-keterangan-sehat-rev1.pdf']);
    for (const signature of SIGNED) {
      const stored = await download(server.admin, signature.pdfUrl);
      const entry = Object.entries(entries).find(([name]) => name.includes(signature.title.replaceAll(' ', '-')))!;
      expect(Buffer.compare(Buffer.from(entry[1]), Buffer.from(stored)), signature.title).toBe(0);
    }
  });

  it('book by default: the signed pages unchanged (code, QR, Tanggal Efektif), the decree counting only them, no draft', async () => {
    const { done, bytes } = await exported('buku');
    expect(done).toMatchObject({ count: 2, signed: 2, drafts: 0 });
    const bookFile = await saved(bytes, 'buku.pdf');
    const book = await PDFDocument.load(bytes);
    expect(pageCount(bookFile)).toBe(done.pages);
    const whole = pdftotext(bookFile);
    expect(whole).not.toContain('DRAF');
    expect(whole).not.toContain('Pengadaan obat puskesmas');
    expect(whole).not.toContain('Pemeriksaan air minum');
    expect(pdftotext(bookFile, 2).replace(/\s+/g, ' ')).toContain('sebanyak 2 prosedur');

    const contents = pdftotext(bookFile, 3);
    const rows = [...contents.matchAll(/^\s*(\d+)\.\s+(\S+)\s+(.+?)\s+(\d+)\s*$/gm)].map((m) => ({ nomor: m[2]!, title: m[3]!, page: Number(m[4]) }));
    expect(rows.map((r) => [r.nomor, r.title])).toEqual([
      ['800/21/Dinkes/2026', 'Penerbitan surat keterangan sehat'],
      ['800/22/Dinkes/2026', 'Pelayanan rujukan pasien'],
    ]);

    for (const [index, row] of rows.entries()) {
      const signature = SIGNED.find((s) => s.title === row.title)!;
      const storedBytes = await download(server.admin, signature.pdfUrl);
      const stored = await PDFDocument.load(storedBytes);
      const storedFile = await saved(storedBytes, 'disahkan.pdf');
      const end = rows[index + 1]?.page ?? done.pages + 1;
      expect(end - row.page, row.title).toBe(stored.getPageCount());
      for (let i = 0; i < stored.getPageCount(); i++) {
        // The signed page's own content streams (text, lines, the QR drawn as paths) are in the book page unchanged,
        // in order; the book only adds its page number around them.
        const original = contentStreams(stored, stored.getPage(i)).join('\u0000');
        const inBook = contentStreams(book, book.getPage(row.page - 1 + i)).join('\u0000');
        expect(original.length).toBeGreaterThan(500);
        expect(inBook.includes(original), `${row.title}, page ${i + 1}`).toBe(true);
        const storedText = pdftotext(storedFile, i + 1, false).split('\n').map((l) => l.trim()).filter(Boolean);
        const bookText = pdftotext(bookFile, row.page + i, false);
        for (const line of storedText) expect(bookText, `${row.title}, page ${i + 1}`).toContain(line);
      }
      const first = pdftotext(bookFile, row.page).replace(/\s+/g, ' ');
      expect(first).toContain(signature.code);
      expect(first).toMatch(/Tanggal Efektif : \d{1,2} Desember 2026/);
    }
  });

  it('with includeDrafts: the drafts too, marked DRAF on every page, listed as drafts and not counted by the decree', async () => {
    const { done, bytes } = await exported('buku', true);
    expect(done).toMatchObject({ count: 4, signed: 2, drafts: 2 });
    const bookFile = await saved(bytes, 'buku-draf.pdf');
    if (process.env.PETAKERJA_SCREENSHOTS) writeFileSync(path.join(process.env.PETAKERJA_SCREENSHOTS, 'buku-sop-dengan-draf.pdf'), bytes);
    const decree = pdftotext(bookFile, 2).replace(/\s+/g, ' ');
    expect(decree).toContain('sebanyak 2 prosedur');
    expect(decree).toContain('2 draf yang dilampirkan dan ditandai DRAF belum ditetapkan');
    const contents = pdftotext(bookFile, 3);
    const rows = [...contents.matchAll(/^\s*(\d+)\.\s+(\S+)\s+(.+?)\s+(\d+)\s*$/gm)].map((m) => ({ title: m[3]!, page: Number(m[4]) }));
    expect(rows.map((r) => r.title)).toEqual(['Penerbitan surat keterangan sehat', 'Pelayanan rujukan pasien', 'Pengadaan obat puskesmas (DRAF)', 'Pemeriksaan air minum (DRAF)']);
    for (const [index, row] of rows.entries()) {
      const end = (rows[index + 1]?.page ?? done.pages + 1) - 1;
      for (let page = row.page; page <= end; page++) {
        const text = pdftotext(bookFile, page);
        if (row.title.endsWith('(DRAF)')) expect(text, `${row.title}, book page ${page}`).toContain('DRAF - belum disahkan, tidak berlaku sebagai SOP');
        else expect(text, `${row.title}, book page ${page}`).not.toContain('DRAF');
      }
    }

    const zip = unzipSync((await exported('zip', true)).bytes);
    expect(Object.keys(zip).sort()).toEqual([
      'DRAF-SOP-Pemeriksaan-air-minum-rev1.pdf',
      'DRAF-SOP-Pengadaan-obat-puskesmas-rev1.pdf',
      'SOP-Pelayanan-rujukan-pasien-rev1.pdf',
      'SOP-Penerbitan-surat-keterangan-sehat-rev1.pdf',
    ]);
    const draftFile = await saved(zip['DRAF-SOP-Pengadaan-obat-puskesmas-rev1.pdf']!, 'draf.pdf');
    for (let page = 1; page <= pageCount(draftFile); page++) expect(pdftotext(draftFile, page)).toContain('DRAF - belum disahkan, tidak berlaku sebagai SOP');
  });

  it('refuses, in Indonesian, a unit with no SOP in force unless drafts are asked for', async () => {
    const otherUnit = 'Dinas Sosial';
    await newSopMap(server.admin, otherUnit, 'Bantuan sosial', { ...SOP_IDENTITY, namaSop: 'Bantuan sosial' });
    const refused = await server.api(`/api/units/${encodeURIComponent(otherUnit)}/sop-exports`, { method: 'POST', json: { format: 'buku' } });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('SOP_EXPORT_NONE_SIGNED');
    expect(refused.body.error.message).toBe('Unit Dinas Sosial belum memiliki SOP yang disahkan dan berlaku (1 SOP masih draf). Centang "Sertakan draf" untuk mengekspor draf yang ditandai DRAF.');
    const bad = await server.api(`/api/units/${encodeURIComponent(otherUnit)}/sop-exports`, { method: 'POST', json: { format: 'buku', includeDrafts: 'ya' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
  });

  // Last: it damages a stored file of this server's data directory.
  it('stops with a clear error, rather than print something else, when a stored signed PDF no longer matches its sha256', async () => {
    const { sha256 } = (await server.api(`/api/maps/${signedA}/review`)).body.signatures[0].pdf as { sha256: string };
    const file = path.join(server.dataDir, 'review-files', sha256.slice(0, 2), `${sha256}.bin`);
    const bytes = readFileSync(file);
    bytes[bytes.length - 10] ^= 0xff;
    writeFileSync(file, bytes);
    const started = await server.api(`/api/units/${encodeURIComponent(UNIT)}/sop-exports`, { method: 'POST', json: { format: 'buku' } });
    expect(started.status).toBe(202);
    const text = await (await fetch(`${server.url}${started.body.eventsUrl}`, { headers: { cookie: server.admin.sessionCookie } })).text();
    const last = text.trim().split('\n\n').at(-1)!;
    expect(last).toMatch(/^id: \d+\nevent: error\n/);
    const error = JSON.parse(last.slice(last.indexOf('data: ') + 6));
    expect(error).toEqual({
      code: 'SOP_SIGNED_PDF_DAMAGED',
      message: `PDF SOP "Penerbitan surat keterangan sehat" yang disahkan (kode ${SIGNED[0]!.code}) hilang atau rusak di penyimpanan; ekspor dihentikan. Pulihkan dari cadangan atau hubungi admin.`,
    });
  });
});
