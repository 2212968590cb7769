// The public verification of a signed SOP (issue 6, "a signed PDF's hash verified from the public page"): a real signed
// SOP printed by the Chromium pool, its stored signatures (in force, superseded, withdrawn) as the review record holds
// them, served by verificationRouter on a plain express app with the app's own error handler. The page shows title,
// unit, revision, hash and status; the PDF downloaded from it checks as cocok through the form and the JSON route, any
// other bytes as tidak cocok; unknown codes are 404; oversize uploads are refused; the form works in Chromium unscripted.
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseBpmn } from '../../server/bpmn/moddle';
import { AppError } from '../../server/errors';
import { errorHandler, notFoundHandler } from '../../server/http/error-handler';
import { Signature } from '../../server/review/review.schema';
import { MAX_FILE_BYTES } from '../../server/review/signature/multipart-file';
import { renderSignedSopHtml, signedIdentity, sopVerification } from '../../server/review/signature/sign-sop';
import { verificationRouter } from '../../server/review/signature/verification.routes';
import { verificationViewOf, type VerificationView } from '../../server/review/signature/verification-view';
import { PdfPool } from '../../server/sop/pdf/pdf-pool';
import { launchBrowser, openPage } from '../helpers/browser';
import { readText, ROOT } from '../helpers/fixtures';
import { SOP_IDENTITY } from '../helpers/sop-identity';
import { tempDir } from '../helpers/temp-dir';

const IN_FORCE = '7KQM-2XH9-RT4B';
const SUPERSEDED = '3NPW-8GZC-K5DA';
const WITHDRAWN = 'H4TE-6RMQ-2YVX';
const UNKNOWN = 'ZZZZ-ZZZZ-ZZZZ';
const SIGNER = { id: 'u-pengesah', name: 'dr. I Made Sutama' };
const UNIT = 'Dinas Kesehatan';

const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

let baseUrl = '';
let pdf: Buffer;
const files = new Map<string, Uint8Array>();
const views = new Map<string, VerificationView>();
const logs: string[] = [];

/** A signature as the review record stores it, validated by its schema. */
function signatureOf(code: string, revision: number, bytes: Uint8Array, withdrawn?: Signature['withdrawn']): Signature {
  const at = '2026-11-26T01:15:00.000Z';
  return Signature.parse({
    code,
    cycle: revision,
    revision,
    sopVersion: revision,
    title: SOP_IDENTITY.namaSop,
    nomor: SOP_IDENTITY.nomor,
    unit: UNIT,
    signatory: SOP_IDENTITY.disahkanOleh,
    tanggalEfektif: '2026-11-26',
    signedAt: at,
    signedBy: SIGNER,
    pdf: { sha256: sha256Of(bytes), contentType: 'application/pdf', bytes: bytes.length, name: `sop-rev${revision}.pdf`, at, by: SIGNER },
    scans: [],
    ...(withdrawn ? { withdrawn } : {}),
  });
}

beforeAll(async () => {
  const pool = new PdfPool({ size: 1 });
  try {
    const { definitions } = await parseBpmn(readText(path.join(ROOT, 'processes/library/penunjukan-lintas-pd.bpmn')));
    const html = renderSignedSopHtml({
      definitions,
      identity: signedIdentity(SOP_IDENTITY, '2026-11-26'),
      letterhead: { pemda: 'Pemerintah Kota Denpasar', unit: UNIT },
      verification: await sopVerification('http://127.0.0.1', IN_FORCE, 3),
    });
    pdf = Buffer.from(await pool.pdf(html, { paper: 'A4', landscape: true }));
  } finally {
    await pool.close();
  }
  const older = Buffer.from('%PDF-1.7\n% revisi 2 yang sudah diganti\n%%EOF\n');
  files.set(sha256Of(pdf), pdf);
  files.set(sha256Of(older), older);
  views.set(IN_FORCE, verificationViewOf(signatureOf(IN_FORCE, 3, pdf), { pemda: 'Pemerintah Kota Denpasar' }));
  views.set(SUPERSEDED, verificationViewOf(signatureOf(SUPERSEDED, 2, older, { at: '2026-11-26T01:15:00.000Z', by: SIGNER, reason: 'diganti', comment: '', replacedBy: IN_FORCE })));
  views.set(WITHDRAWN, verificationViewOf(signatureOf(WITHDRAWN, 1, older, { at: '2026-10-01T03:00:00.000Z', by: SIGNER, reason: 'dicabut', comment: 'Prosedur dihapus' })));

  const app = express();
  app.use(
    verificationRouter({
      lookup: async (code) => views.get(code),
      readFile: async (sha256) => {
        const bytes = files.get(sha256);
        if (!bytes) throw new AppError(404, 'FILE_NOT_FOUND', 'Berkas tidak ditemukan.');
        return bytes;
      },
    }),
  );
  app.use(notFoundHandler);
  app.use(errorHandler((line) => logs.push(line)));
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  afterAll(() => new Promise((resolve) => server.close(resolve)));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => expect(logs).toEqual([]));

const get = (url: string) => fetch(baseUrl + url, { redirect: 'manual' });
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

async function checkForm(code: string, bytes: Uint8Array, name = 'sop.pdf'): Promise<{ status: number; html: string }> {
  const form = new FormData();
  form.append('berkas', new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }), name);
  const response = await fetch(`${baseUrl}/verifikasi/${code}/periksa`, { method: 'POST', body: form });
  return { status: response.status, html: await response.text() };
}

describe('public verification page', () => {
  it('shows title, number, unit, revision, hash and BERLAKU under a strict policy, without script', async () => {
    const response = await get(`/verifikasi/${IN_FORCE}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const csp = response.headers.get('content-security-policy')!;
    for (const directive of ["default-src 'none'", "style-src 'unsafe-inline'", "form-action 'self'", "frame-ancestors 'none'"]) expect(csp).toContain(directive);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const html = await response.text();
    expect(html).not.toMatch(/<script|\son\w+=/i);
    const words = text(html);
    expect(words).toContain('BERLAKU');
    expect(html).toContain('data-status="berlaku"');
    for (const expected of [SOP_IDENTITY.namaSop, SOP_IDENTITY.nomor, UNIT, 'Pemerintah Kota Denpasar', 'Revisi 3', '26 November 2026', 'Kepala Dinas Kesehatan', IN_FORCE, sha256Of(pdf)]) {
      expect(words).toContain(expected);
    }
    expect(html).toContain(`href="/verifikasi/${IN_FORCE}/sop.pdf"`);
    expect(html).toContain(`<form method="post" enctype="multipart/form-data" action="/verifikasi/${IN_FORCE}/periksa">`);
  });

  it('shows DICABUT with the reason: superseded (linking the code that replaced it) or withdrawn', async () => {
    const superseded = await (await get(`/verifikasi/${SUPERSEDED}`)).text();
    expect(superseded).toContain('data-status="dicabut"');
    expect(text(superseded)).toContain('DICABUT');
    expect(superseded).toContain(`diganti oleh SOP berkode <a href="/verifikasi/${IN_FORCE}">${IN_FORCE}</a>`);
    expect(superseded).not.toContain('BERLAKU');
    const withdrawn = await (await get(`/verifikasi/${WITHDRAWN}`)).text();
    expect(text(withdrawn)).toContain('DICABUT SOP ini telah dicabut pada 1 Oktober 2026 pukul 10.00 WIB dan tidak berlaku lagi.');
    expect(text(withdrawn)).toContain('Revisi 1');
  });

  it('answers an unknown or malformed code with 404 and a form to type another', async () => {
    for (const code of [UNKNOWN, 'bukan-kode', '<b>x</b>']) {
      const response = await get(`/verifikasi/${encodeURIComponent(code)}`);
      expect(response.status, code).toBe(404);
      const html = await response.text();
      expect(text(html)).toContain('KODE TIDAK DITEMUKAN');
      expect(html).toContain('<form method="get" action="/verifikasi">');
      expect(html).not.toContain('<b>x</b>');
    }
    expect((await get(`/verifikasi/${UNKNOWN}/sop.pdf`)).status).toBe(404);
  });

  it('goes from a typed code to its page: the form, lower case and without dashes', async () => {
    const index = await get('/verifikasi');
    expect(index.status).toBe(200);
    expect(await index.text()).toContain('name="kode"');
    const typed = await get(`/verifikasi?kode=${encodeURIComponent(' 7kqm 2xh9 rt4b ')}`);
    expect([typed.status, typed.headers.get('location')]).toEqual([303, `/verifikasi/${IN_FORCE}`]);
    const loose = await get('/verifikasi/7kqm2xh9rt4b');
    expect([loose.status, loose.headers.get('location')]).toEqual([301, `/verifikasi/${IN_FORCE}`]);
    expect((await get('/verifikasi?kode=salah')).status).toBe(404);
  });

  it('serves the signed PDF inline, byte for byte', async () => {
    const response = await get(`/verifikasi/${IN_FORCE}/sop.pdf`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toBe('inline; filename="SOP-Pelaksanaan-kegiatan-tim-kerja-rev3.pdf"');
    expect(Buffer.compare(Buffer.from(await response.arrayBuffer()), pdf)).toBe(0);
  });
});

describe('checking a file against the recorded hash', () => {
  it('says cocok for the PDF downloaded from the page, with both hashes (the form)', async () => {
    const downloaded = new Uint8Array(await (await get(`/verifikasi/${IN_FORCE}/sop.pdf`)).arrayBuffer());
    const { status, html } = await checkForm(IN_FORCE, downloaded, 'SOP kiriman.pdf');
    expect(status).toBe(200);
    expect(html).toContain('data-result="cocok"');
    const words = text(html);
    expect(words).toContain('Cocok: berkas Anda sama persis dengan PDF SOP yang disahkan.');
    expect(words).toContain('SOP kiriman.pdf');
    expect(words.split(sha256Of(pdf)).length - 1).toBe(3); // recorded, yours, expected
  });

  it('says tidak cocok for a PDF one byte off, showing both hashes', async () => {
    const altered = Buffer.from(pdf);
    altered[altered.length - 10] ^= 0x01;
    const { status, html } = await checkForm(IN_FORCE, altered);
    expect(status).toBe(200);
    expect(html).toContain('data-result="tidak-cocok"');
    expect(text(html)).toContain('Tidak cocok');
    expect(html).toContain(sha256Of(altered));
    expect(html).toContain(sha256Of(pdf));
  });

  it('tells that a matching file of a withdrawn SOP is no longer in force', async () => {
    const { html } = await checkForm(WITHDRAWN, files.get(views.get(WITHDRAWN)!.sha256)!);
    expect(text(html)).toContain('Cocok: berkas Anda sama persis dengan PDF SOP yang disahkan, tetapi SOP ini sudah tidak berlaku.');
  });

  it('answers a form without a file, or not multipart, with the page and the reason', async () => {
    const empty = new FormData();
    empty.append('berkas', new Blob([]), '');
    const none = await fetch(`${baseUrl}/verifikasi/${IN_FORCE}/periksa`, { method: 'POST', body: empty });
    expect(none.status).toBe(400);
    const html = await none.text();
    expect(text(html)).toContain('Tidak ada berkas yang dikirim.');
    expect(html).toContain('data-status="berlaku"');
    const plain = await fetch(`${baseUrl}/verifikasi/${IN_FORCE}/periksa`, { method: 'POST', body: 'x', headers: { 'content-type': 'text/plain' } });
    expect(plain.status).toBe(415);
    expect(text(await plain.text())).toContain('multipart/form-data');
    expect((await checkForm(UNKNOWN, pdf)).status).toBe(404);
  });

  it('refuses files over 20 MB: in the form (413 page) and in the JSON check (413)', async () => {
    const big = Buffer.alloc(MAX_FILE_BYTES + 1, 0x25);
    const justOver = await checkForm(IN_FORCE, big);
    expect(justOver.status).toBe(413);
    expect(text(justOver.html)).toContain('Berkas terlalu besar: paling besar 20 MB.');
    const wayOver = await checkForm(IN_FORCE, Buffer.alloc(MAX_FILE_BYTES + 200_000, 0x25));
    expect(wayOver.status).toBe(413);
    expect(text(wayOver.html)).toContain('Berkas terlalu besar');
    const raw = await fetch(`${baseUrl}/api/verifikasi/${IN_FORCE}/periksa`, { method: 'POST', body: big, headers: { 'content-type': 'application/pdf' } });
    expect(raw.status).toBe(413);
    expect((await raw.json()).error.code).toBe('BODY_TOO_LARGE');
  });

  it('checks a raw PDF body for scripts: JSON { cocok, sha256, expected }', async () => {
    const post = (code: string, body: Uint8Array | string, type = 'application/pdf') =>
      fetch(`${baseUrl}/api/verifikasi/${code}/periksa`, { method: 'POST', body: typeof body === 'string' ? body : new Uint8Array(body), headers: { 'content-type': type } });
    const same = await post(IN_FORCE, pdf);
    expect(same.status).toBe(200);
    expect(await same.json()).toEqual({ cocok: true, sha256: sha256Of(pdf), expected: sha256Of(pdf) });
    const other = await post(IN_FORCE, Buffer.from('%PDF-1.7 lain'), 'application/octet-stream');
    expect(await other.json()).toEqual({ cocok: false, sha256: sha256Of(Buffer.from('%PDF-1.7 lain')), expected: sha256Of(pdf) });
    const unknown = await post(UNKNOWN, pdf);
    expect([unknown.status, (await unknown.json()).error.code]).toEqual([404, 'CODE_NOT_FOUND']);
    const wrongType = await post(IN_FORCE, '{}', 'application/json');
    expect([wrongType.status, (await wrongType.json()).error.code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
  });
});

describe('in Chromium', () => {
  it('opens the page without policy violations and checks a chosen file through the unscripted form', async () => {
    const browser = await launchBrowser();
    const errors: string[] = [];
    const page = await openPage(browser, errors);
    await page.goto(`${baseUrl}/verifikasi/${IN_FORCE}`, { waitUntil: 'load' });
    expect(await page.$eval('.status .word', (el) => el.textContent)).toBe('BERLAKU');
    const file = path.join(await tempDir('petakerja-verify-'), 'sop-yang-saya-pegang.pdf');
    writeFileSync(file, pdf);
    const input = await page.$('input[type="file"][name="berkas"]');
    await input!.uploadFile(file);
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('form[enctype="multipart/form-data"] button[type="submit"]')]);
    expect(page.url()).toBe(`${baseUrl}/verifikasi/${IN_FORCE}/periksa`);
    expect(await page.$eval('.result', (el) => el.getAttribute('data-result'))).toBe('cocok');
    expect(await page.$eval('.result', (el) => el.textContent)).toContain('sop-yang-saya-pegang.pdf');
    // The code form goes to the code's page.
    await page.type('input[name="kode"]', '3npw 8gzc k5da');
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('form[method="get"] button[type="submit"]')]);
    expect(page.url()).toBe(`${baseUrl}/verifikasi/${SUPERSEDED}`);
    expect(await page.$eval('.status .word', (el) => el.textContent)).toBe('DICABUT');
    expect(errors).toEqual([]);
  });
});
