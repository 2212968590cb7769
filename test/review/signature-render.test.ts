// The signed SOP document (issue 6): a library map rendered with a signed identity and a verification carries the QR
// of its public page, the code and "Revisi n" beside the signature and the code in every page's footer; printed by the
// real Chromium pool, the PDF's text (pdftotext) holds the code on every page, Tanggal Efektif, the signatory and NIP.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseBpmn } from '../../server/bpmn/moddle';
import { qrSvg } from '../../server/review/signature/qr';
import { renderSignedSopHtml, signedIdentity, sopVerification, verificationUrl } from '../../server/review/signature/sign-sop';
import { PdfPool } from '../../server/sop/pdf/pdf-pool';
import { renderSop, verificationLabel, type RenderSopInput } from '../../server/sop/render/index';
import { readText, ROOT } from '../helpers/fixtures';
import { SOP_IDENTITY } from '../helpers/sop-identity';
import { tempDir } from '../helpers/temp-dir';

const CODE = '7KQM-2XH9-RT4B';
const BASE_URL = 'https://petakerja.denpasarkota.go.id';
const URL = `${BASE_URL}/verifikasi/${CODE}`;
const LETTERHEAD = { pemda: 'Pemerintah Kota Denpasar', unit: 'Dinas Kesehatan' };

let input: Omit<RenderSopInput, 'verification'>;
beforeAll(async () => {
  const { definitions } = await parseBpmn(readText(path.join(ROOT, 'processes/library/penunjukan-lintas-pd.bpmn')));
  // A draft's Tanggal Efektif is replaced by the signing date.
  input = { definitions, identity: signedIdentity({ ...SOP_IDENTITY, tanggalEfektif: '2026-01-01' }, '2026-11-26'), letterhead: LETTERHEAD };
});

describe('signed SOP HTML', () => {
  it('builds the verification of a code: the public address and the QR encoding it', async () => {
    expect(verificationUrl(`${BASE_URL}/`, CODE)).toBe(URL);
    const verification = await sopVerification(BASE_URL, CODE, 3);
    expect(verification).toMatchObject({ code: CODE, url: URL, revision: 3 });
    expect(verification.qrSvg).toBe(await qrSvg(URL));
    expect(verification.qrSvg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 (\d+) \1"/);
    expect(await qrSvg(`${BASE_URL}/verifikasi/2222-3333-4444`)).not.toBe(verification.qrSvg);
  });

  it('shows the QR, the code, the revision and the address beside the signature, and the code in every footer', async () => {
    const verification = await sopVerification(BASE_URL, CODE, 3);
    const { html, pageCount } = renderSop({ ...input, verification });
    expect(renderSignedSopHtml({ ...input, verification })).toBe(html);
    const signature = /<tr class="signature">.*?<\/tr>/s.exec(html)![0];
    expect(signature).toContain(verification.qrSvg);
    expect(signature).toContain(`<div class="code">${CODE}</div><div class="revision">Revisi 3</div>`);
    expect(signature).toContain('Pindai untuk memeriksa keaslian: ');
    expect(signature.replace(/<[^>]+>/g, '')).toContain(URL);
    for (const text of ['Kepala Dinas Kesehatan', 'dr. I Made Sutama', 'Pembina Utama Muda (IV/c)', 'NIP. 19700101 199503 1 001']) expect(signature).toContain(text);
    expect(html).toMatch(/Tanggal Efektif<\/td><td class="colon">:<\/td><td>26 November 2026</);
    // The footer's margin box of the PDF (the escaped middle dot takes one space), and the screen label of every page.
    expect(html).toContain(`@bottom-left { content: "Kode verifikasi ${CODE} \\00B7  Revisi 3";`);
    const labels = [...html.matchAll(/<div class="page-label">([^<]*)<\/div>/g)].map((m) => m[1]);
    expect(labels).toHaveLength(pageCount);
    labels.forEach((label, i) => expect(label).toBe(`Kode verifikasi ${CODE} · Revisi 3 · Halaman ${i + 1} dari ${pageCount}`));
  });

  it('prints nothing of it on an unsigned SOP', () => {
    const html = renderSop(input).html;
    expect(html).not.toContain('Kode verifikasi');
    expect(html).not.toContain('class="verification"');
    expect(html).not.toContain('@bottom-left');
    expect(html).toContain('<div class="page-label">Halaman 1 dari');
  });

  it('refuses a code or revision that is not well-formed (the label goes into a CSS string)', () => {
    expect(() => verificationLabel({ code: '7KQM-2XH9-RT4B"; } body { display: none', revision: 1 })).toThrow(/Kode verifikasi tidak sah/);
    expect(() => verificationLabel({ code: CODE, revision: 0 })).toThrow(/revisi tidak sah/);
    expect(verificationLabel({ code: CODE, revision: 12 })).toBe(`Kode verifikasi ${CODE} · Revisi 12`);
  });
});

describe('signed SOP PDF', () => {
  const pool = new PdfPool({ size: 1 });
  afterAll(() => pool.close());

  it('holds the code and revision on every page, Tanggal Efektif, the signatory with NIP and the address', async () => {
    const verification = await sopVerification(BASE_URL, CODE, 3);
    const { html, pageCount } = renderSop({ ...input, verification });
    const bytes = await pool.pdf(html, { paper: 'A4', landscape: true });
    const file = path.join(await tempDir('petakerja-signed-'), 'signed.pdf');
    writeFileSync(file, bytes);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
    expect(pages).toBe(pageCount);
    for (let page = 1; page <= pages; page += 1) {
      const text = execFileSync('pdftotext', ['-f', String(page), '-l', String(page), file, '-'], { encoding: 'utf8' });
      expect(text, `page ${page}`).toContain(`Kode verifikasi ${CODE} · Revisi 3`);
      expect(text, `page ${page}`).toContain(`Halaman ${page} dari ${pages}`);
    }
    const first = execFileSync('pdftotext', ['-f', '1', '-l', '1', file, '-'], { encoding: 'utf8' });
    for (const text of ['Tanggal Efektif', '26 November 2026', 'Kepala Dinas Kesehatan', 'dr. I Made Sutama', 'Pembina Utama Muda (IV/c)', 'NIP. 19700101 199503 1 001', 'Revisi 3', 'Pindai untuk memeriksa keaslian:']) {
      expect(first).toContain(text);
    }
    expect(first).not.toContain('1 Januari 2026');
    // The address may wrap after a slash, never inside the code.
    expect(first.replace(/\s+/g, '')).toContain(URL);
    expect(first).toMatch(new RegExp(`^${CODE}$`, 'm'));
  });
});
