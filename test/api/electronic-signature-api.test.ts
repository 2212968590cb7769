// Certified electronic signatures on signed SOPs (issue 19, docs/signature.md) through the real server: certificates
// made by openssl in a temp dir, the real review cycle, the stored PDF read back by `pdfsig` (poppler) and by our
// verifier (the public page and its JSON check), a one-byte change, and each refusal with its stable code.
import { execFile } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { PDFArray, PDFDict, PDFDocument, PDFName, type PDFNumber } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { startTestServer, type ApiClient } from '../helpers/server';
import { newSopMap, reviewStep } from '../helpers/review-cycle';
import { SOP_IDENTITY } from '../helpers/sop-identity';
import { makeTestPki, TEST_P12_PASSPHRASE, type TestCertificate } from '../helpers/test-pki';
import { tempDir } from '../helpers/temp-dir';

const run = promisify(execFile);
const server = await startTestServer();
// The SOP's signatory is "dr. I Made Sutama": the certificate carries the name without the title.
const pki = await makeTestPki('I Made Sutama');
const UNIT = 'Dinas Kesehatan';
const penyusun = await server.userWith(['penyusun'], UNIT, 'penyusun.tte');
const reviewer = await server.userWith(['reviewer'], UNIT, 'reviewer.tte');
const pengesah = await server.userWith(['pengesah'], UNIT, 'pengesah.tte');
const act = (client: ApiClient, id: string, action: string, extra: Record<string, unknown> = {}) => reviewStep(server.admin, client, id, action, extra);
const work = await tempDir('petakerja-tte-');

let count = 0;
/** A new SOP taken to disetujui, ready for sahkan. */
async function approvedSop(): Promise<string> {
  const id = await newSopMap(penyusun, UNIT, `SOP bertanda tangan ${++count}`, { ...SOP_IDENTITY, namaSop: `SOP bertanda tangan ${count}` });
  for (const [client, action] of [[penyusun, 'ajukan'], [reviewer, 'mulai-reviu'], [reviewer, 'setujui']] as const) {
    const step = await act(client, id, action);
    expect(step.status, `${action}: ${JSON.stringify(step.body)}`).toBe(200);
  }
  return id;
}

const withCertificate = (cert: TestCertificate, passphrase = TEST_P12_PASSPHRASE) => ({ certificate: { p12Base64: cert.p12Base64, passphrase } });

async function setPolicy(nameMismatch: 'peringatan' | 'tolak', trustListPem = pki.caPem) {
  const saved = await server.admin.api('/api/settings/signature', { method: 'PUT', json: { trustListPem, nameMismatch } });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  return saved.body.signature;
}

async function pdfsig(bytes: Uint8Array, name: string): Promise<string> {
  const file = path.join(work, name);
  await writeFile(file, bytes);
  // pdfsig exits non-zero when a signature does not verify; its report is what we read.
  const result = await run('pdfsig', [file]).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
  return result.stdout;
}

const checkJson = async (code: string, bytes: Uint8Array) =>
  (await fetch(`${server.url}/api/verifikasi/${code}/periksa`, { method: 'POST', body: new Uint8Array(bytes), headers: { 'content-type': 'application/pdf' } })).json();

async function checkPage(code: string, bytes: Uint8Array): Promise<string> {
  const form = new FormData();
  form.append('berkas', new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }), 'sop.pdf');
  const response = await fetch(`${server.url}/verifikasi/${code}/periksa`, { method: 'POST', body: form });
  expect(response.status).toBe(200);
  return response.text();
}

describe('signing with a certificate', () => {
  it('the administrator sets the trust list and the name policy; a text that is not PEM is refused', async () => {
    const bad = await server.admin.api('/api/settings/signature', { method: 'PUT', json: { trustListPem: 'bukan sertifikat', nameMismatch: 'tolak' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('PEM');
    const refused = await pengesah.api('/api/settings/signature', { method: 'PUT', json: { trustListPem: pki.caPem, nameMismatch: 'tolak' } });
    expect(refused.status).toBe(403);
    const saved = await setPolicy('tolak');
    expect(saved.nameMismatch).toBe('tolak');
    expect(saved.certificates.map((c: { commonName: string }) => c.commonName)).toEqual(['Petakerja CA Uji']);
  });

  it('signs PAdES B-B: pdfsig and our verifier find it valid; one changed byte is “diubah setelah ditandatangani” for both', async () => {
    await setPolicy('tolak');
    const id = await approvedSop();
    const signed = await act(pengesah, id, 'sahkan', { tanggalEfektif: '2026-12-01', ...withCertificate(pki.valid) });
    expect(signed.status, JSON.stringify(signed.body)).toBe(200);
    const signature = signed.body.signatures[0];
    expect(signature.electronic).toMatchObject({ level: 'B-B', subFilter: 'ETSI.CAdES.detached', nameMatches: true, certificate: { commonName: 'I Made Sutama' } });
    // The audit log says which certificate signed (its name and fingerprint, nothing of the file).
    const audit = (await server.admin.api('/api/audit?event=sop-sahkan&limit=1000')).body;
    const entry = audit.items.find((e: { event: string; review?: { code?: string } }) => e.event === 'sop-sahkan' && e.review?.code === signature.code);
    expect(entry.review.certificate).toEqual({ commonName: 'I Made Sutama', fingerprint256: signature.electronic.certificate.fingerprint256, level: 'B-B' });

    const pdf = new Uint8Array(await (await fetch(`${server.url}/verifikasi/${signature.code}/sop.pdf`)).arrayBuffer());
    const poppler = await pdfsig(pdf, 'sah.pdf');
    expect(poppler).toContain('Signature Type: ETSI.CAdES.detached');
    expect(poppler).toContain('Signer Certificate Common Name: I Made Sutama');
    expect(poppler).toContain('Total document signed');
    expect(poppler).toContain('Signature Validation: Signature is Valid.');

    // The visible signature sits on the Disahkan box of the identity page: the renderer's #tte link is replaced by
    // the signature widget with its appearance (text read back with pdftotext).
    const doc = await PDFDocument.load(pdf);
    const annots = doc.getPage(0).node.lookup(PDFName.of('Annots'), PDFArray);
    const widgets = annots.asArray().map((ref) => doc.context.lookup(ref, PDFDict)).filter((annot) => annot.get(PDFName.of('FT')) === PDFName.of('Sig'));
    expect(widgets).toHaveLength(1);
    const [x1, y1, x2, y2] = widgets[0]!.lookup(PDFName.of('Rect'), PDFArray).asArray().map((n) => (n as PDFNumber).asNumber()) as number[];
    expect(x2! - x1!).toBeGreaterThan(100);
    expect(y2! - y1!).toBeGreaterThan(50);
    expect(Buffer.from(pdf).includes('#tte')).toBe(false);
    if (process.env.PETAKERJA_KEEP_SIGNED_PDF) await writeFile(process.env.PETAKERJA_KEEP_SIGNED_PDF, pdf);
    const text = (await run('pdftotext', ['-layout', path.join(work, 'sah.pdf'), '-'])).stdout;
    expect(text).toContain('Ditandatangani secara elektronik oleh');
    expect(text).toContain(`Kode verifikasi ${signature.code}`);

    const ok = await checkJson(signature.code, pdf);
    expect(ok.cocok).toBe(true);
    expect(ok.tandaTangan).toMatchObject({ verdict: 'sah', coversWholeFile: true, digestMatches: true, signatureValid: true, trusted: true, validAtSigning: true });
    expect(ok.tandaTangan.chain.map((c: { commonName: string }) => c.commonName)).toEqual(['I Made Sutama', 'Petakerja CA Uji']);

    const page = await (await fetch(`${server.url}/verifikasi/${signature.code}`)).text();
    expect(page).toContain('data-tte="sah"');
    expect(page).toContain('Tanda tangan elektronik sah');
    expect(page).toContain('<details><summary>Rincian teknis untuk auditor</summary>');

    // One byte inside the signed range (a digit of the page content, not the /Contents hole).
    const changed = new Uint8Array(pdf);
    const at = Buffer.from(changed).indexOf('/MediaBox') + 12;
    changed[at] = changed[at] === 0x31 ? 0x32 : 0x31;
    const popplerChanged = await pdfsig(changed, 'diubah.pdf');
    expect(popplerChanged).toContain('Signature Validation: Digest Mismatch.');
    const bad = await checkJson(signature.code, changed);
    expect(bad.cocok).toBe(false);
    expect(bad.tandaTangan.verdict).toBe('diubah');
    const badPage = await checkPage(signature.code, changed);
    expect(badPage).toContain('data-tte="diubah"');
    expect(badPage).toContain('Dokumen diubah setelah ditandatangani');

    // Bytes appended after signing are outside the signature: also a change.
    const appended = new Uint8Array([...pdf, ...Buffer.from('\n%tambahan\n')]);
    expect((await checkJson(signature.code, appended)).tandaTangan.verdict).toBe('diubah');
  });

  it('without a certificate the SOP is signed as before: no electronic signature in the PDF', async () => {
    const id = await approvedSop();
    const signed = await act(pengesah, id, 'sahkan', { tanggalEfektif: '2026-12-01' });
    expect(signed.status).toBe(200);
    const signature = signed.body.signatures[0];
    expect(signature.electronic).toBeUndefined();
    const pdf = new Uint8Array(await (await fetch(`${server.url}/verifikasi/${signature.code}/sop.pdf`)).arrayBuffer());
    expect(Buffer.from(pdf).includes('/ByteRange')).toBe(false);
    expect(await pdfsig(pdf, 'tanpa.pdf')).toContain('does not contain any signatures');
    const check = await checkJson(signature.code, pdf);
    expect(check).toEqual({ cocok: true, sha256: signature.pdf.sha256, expected: signature.pdf.sha256 });
    expect(await (await fetch(`${server.url}/verifikasi/${signature.code}`)).text()).not.toContain('data-tte=');
  });

  it('refuses, with a stable code and the SOP left in disetujui: wrong passphrase, expired, not yet valid, not for signing, not a PKCS#12 file', async () => {
    await setPolicy('tolak');
    const id = await approvedSop();
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [withCertificate(pki.valid, 'salah'), 'CERT_PASSPHRASE_WRONG', 'Kata sandi sertifikat salah'],
      [withCertificate(pki.expired), 'CERT_EXPIRED', 'sudah kedaluwarsa sejak 1 Januari 2021'],
      [withCertificate(pki.notYetValid), 'CERT_NOT_YET_VALID', 'baru berlaku mulai 1 Januari 2040'],
      [withCertificate(pki.noDigitalSignature), 'CERT_NOT_FOR_SIGNING', 'tidak diterbitkan untuk tanda tangan elektronik'],
      [{ certificate: { p12Base64: Buffer.from('bukan berkas p12').toString('base64'), passphrase: 'x' } }, 'CERT_FILE_INVALID', 'PKCS#12'],
      [withCertificate(pki.otherName), 'CERT_NAME_MISMATCH', 'Siti Aminah'],
    ];
    for (const [extra, code, words] of cases) {
      const refused = await act(pengesah, id, 'sahkan', extra);
      expect(refused.status, code).toBe(422);
      expect(refused.body.error.code).toBe(code);
      expect(refused.body.error.message).toContain(words);
    }
    const tooBig = await act(pengesah, id, 'sahkan', { certificate: { p12Base64: 'A'.repeat(100_000), passphrase: 'x' } });
    expect(tooBig.status).toBe(400);
    expect(tooBig.body.error.message).toContain('terlalu besar');
    const view = (await pengesah.api(`/api/maps/${id}/review`)).body;
    expect(view.state).toBe('disetujui');
    expect(view.signatures).toEqual([]);
    // A certificate with another step is refused, not ignored.
    const back = await act(pengesah, id, 'minta-perbaikan', { comment: 'Perbaiki', ...withCertificate(pki.valid) });
    expect(back.status).toBe(400);
    expect(back.body.error.code).toBe('CERTIFICATE_NOT_EXPECTED');
  });

  it('a name that is not the pengesah’s is only noted under “peringatan”; a CA outside the trust list signs but does not verify as trusted', async () => {
    await setPolicy('peringatan');
    const id = await approvedSop();
    const signed = await act(pengesah, id, 'sahkan', withCertificate(pki.otherName));
    expect(signed.status, JSON.stringify(signed.body)).toBe(200);
    const signature = signed.body.signatures[0];
    expect(signature.electronic.nameMatches).toBe(false);
    const page = await (await fetch(`${server.url}/verifikasi/${signature.code}`)).text();
    expect(page).toContain('data-tte="sah"');
    expect(page).toContain('nama pada sertifikat tidak sama');

    const other = await approvedSop();
    const untrusted = await act(pengesah, other, 'sahkan', withCertificate(pki.untrusted));
    expect(untrusted.status).toBe(200);
    const code = untrusted.body.signatures[0].code;
    expect(await (await fetch(`${server.url}/verifikasi/${code}`)).text()).toContain('data-tte="tidak-tepercaya"');
    // The administrator adds that CA: the same stored PDF now verifies as trusted.
    await setPolicy('peringatan', `${pki.caPem}\n${pki.otherCaPem}`);
    expect(await (await fetch(`${server.url}/verifikasi/${code}`)).text()).toContain('data-tte="sah"');
  });

  it('keeps neither the PKCS#12 file nor the passphrase: not in the data directory, not in the logs', async () => {
    const files: string[] = [];
    const walk = async (dir: string): Promise<void> => {
      for (const entry of await readdir(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) await walk(full);
        else files.push(full);
      }
    };
    await walk(server.dataDir);
    const p12Piece = pki.valid.p12Base64.slice(200, 260);
    for (const file of files) {
      const text = (await readFile(file)).toString('latin1');
      expect(text.includes(TEST_P12_PASSPHRASE), file).toBe(false);
      expect(text.includes(p12Piece), file).toBe(false);
    }
    expect(server.logs.join('\n')).not.toContain(TEST_P12_PASSPHRASE);
  });
});

/** A time-stamp authority on a local port: each query answered by `openssl ts -reply` with the test TSA. */
async function startTsa(): Promise<{ url: string; close(): Promise<void>; served: number }> {
  const { createServer } = await import('node:http');
  const state = { served: 0 };
  let n = 0;
  const tsa = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', async () => {
      const query = path.join(work, `q${++n}.tsq`);
      const reply = path.join(work, `r${n}.tsr`);
      await writeFile(query, Buffer.concat(chunks));
      await run('openssl', ['ts', '-reply', '-config', pki.tsaConfig, '-section', 'tsa_uji', '-queryfile', query, '-out', reply]);
      state.served += 1;
      res.writeHead(200, { 'Content-Type': 'application/timestamp-reply' }).end(await readFile(reply));
    });
  });
  await new Promise<void>((resolve) => tsa.listen(0, '127.0.0.1', resolve));
  const { port } = tsa.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/tsr`,
    close: () => new Promise((resolve) => tsa.close(() => resolve())),
    get served() {
      return state.served;
    },
  };
}

describe('PAdES B-T with a time-stamp authority', () => {
  it('adds an RFC 3161 token that pdfsig and our verifier read; an unreachable TSA refuses the signing', async () => {
    const tsa = await startTsa();
    try {
      const saved = await server.admin.api('/api/settings/signature', { method: 'PUT', json: { trustListPem: pki.caPem, nameMismatch: 'tolak', tsaUrl: tsa.url } });
      expect(saved.status, JSON.stringify(saved.body)).toBe(200);
      expect(saved.body.signature.tsaUrl).toBe(tsa.url);
      const id = await approvedSop();
      const signed = await act(pengesah, id, 'sahkan', withCertificate(pki.valid));
      expect(signed.status, JSON.stringify(signed.body)).toBe(200);
      expect(tsa.served).toBe(1);
      const signature = signed.body.signatures[0];
      expect(signature.electronic.level).toBe('B-T');
      const pdf = new Uint8Array(await (await fetch(`${server.url}/verifikasi/${signature.code}/sop.pdf`)).arrayBuffer());
      const poppler = await pdfsig(pdf, 'bt.pdf');
      expect(poppler).toContain('Signature Validation: Signature is Valid.');
      const check = await checkJson(signature.code, pdf);
      expect(check.tandaTangan.verdict).toBe('sah');
      expect(check.tandaTangan.timestamp).toMatchObject({ imprintMatches: true, signatureValid: true, authority: { commonName: 'TSA Uji' } });
      expect(Math.abs(Date.parse(check.tandaTangan.timestamp.time) - Date.parse(signature.signedAt))).toBeLessThan(60_000);
      expect(await (await fetch(`${server.url}/verifikasi/${signature.code}`)).text()).toContain('Cap waktu (TSA, RFC 3161)');
    } finally {
      await tsa.close();
    }
    // The TSA is gone: signing is refused rather than silently downgraded to B-B.
    const id = await approvedSop();
    const refused = await act(pengesah, id, 'sahkan', withCertificate(pki.valid));
    expect(refused.status).toBe(502);
    expect(refused.body.error.code).toBe('TSA_UNAVAILABLE');
    expect((await pengesah.api(`/api/maps/${id}/review`)).body.state).toBe('disetujui');
    await setPolicy('tolak');
  });
});
