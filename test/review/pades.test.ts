// Our PAdES signer and verifier on their own (issue 19, docs/signature.md): a PDF with the renderer's #tte link,
// signed with an openssl-made certificate, read back by our verifier — and each way it must say no: a changed byte,
// a changed signature, appended bytes, no signature, an empty trust list, a certificate outside its validity.
import { X509Certificate } from 'node:crypto';
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { signPdfPades } from '../../server/review/signature/pades/pades-sign';
import { certificatesOfPem, verifyPades } from '../../server/review/signature/pades/pades-verify';
import { comparableName, keyUsageOf } from '../../server/review/signature/signer/certificate-checks';
import { P12Signer } from '../../server/review/signature/signer/p12-signer';
import { makeTestPki, TEST_P12_PASSPHRASE } from '../helpers/test-pki';

const pki = await makeTestPki('I Made Sutama');
const anchors = certificatesOfPem(pki.caPem);

async function pdfWithBox(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([842, 595]);
  page.drawText('SOP uji', { x: 50, y: 500 });
  const link = doc.context.obj({ Type: 'Annot', Subtype: 'Link', Rect: [400, 300, 600, 362], A: { S: 'URI', URI: PDFString.of('https://sop.go.id/verifikasi/PCUH-D6PF-XS94#tte') } });
  page.node.set(PDFName.of('Annots'), doc.context.obj([doc.context.register(link)]));
  return doc.save();
}

async function signed(p12 = pki.valid.p12, signingTime = new Date()): Promise<Uint8Array> {
  return signPdfPades({
    pdf: await pdfWithBox(),
    signer: P12Signer.open(p12, TEST_P12_PASSPHRASE),
    signingTime,
    appearance: { heading: 'Ditandatangani secara elektronik oleh', name: 'I Made Sutama', details: ['NIP. 19700101 199503 1 001', 'Kepala Dinas', 'Kode verifikasi PCUH-D6PF-XS94'] },
    name: 'I Made Sutama',
    reason: 'Pengesahan SOP',
    location: 'Dinas Kesehatan',
  });
}

const contentsOf = (pdf: Uint8Array) => {
  const text = Buffer.from(pdf).toString('latin1');
  const m = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)/.exec(text)!;
  return { start: Number(m[2]), end: Number(m[3]) };
};

describe('PAdES signing and our verifier', () => {
  const good = signed();

  it('signs with the widget on the #tte box and verifies: whole file, digest, signature, chain to the CA, valid at signing', async () => {
    const pdf = await good;
    const report = verifyPades(pdf, anchors);
    expect(report).toMatchObject({ verdict: 'sah', coversWholeFile: true, digestMatches: true, signatureValid: true, trusted: true, validAtSigning: true, subFilter: 'ETSI.CAdES.detached', problems: [] });
    expect(report.signer?.commonName).toBe('I Made Sutama');
    expect(report.chain.map((c) => c.commonName)).toEqual(['I Made Sutama', 'Petakerja CA Uji']);
    const doc = await PDFDocument.load(pdf);
    const fields = doc.getForm().getFields();
    expect(fields.map((f) => f.getName())).toEqual(['Signature1']);
    expect(Buffer.from(pdf).includes('#tte')).toBe(false);
  });

  it('says “diubah” for a changed byte of the content and for bytes appended after signing', async () => {
    const pdf = await good;
    const changed = new Uint8Array(pdf);
    const at = Buffer.from(changed).indexOf('/MediaBox') + 11;
    changed[at] = changed[at] === 0x38 ? 0x39 : 0x38;
    const report = verifyPades(changed, anchors);
    expect(report.verdict).toBe('diubah');
    expect(report.digestMatches).toBe(false);
    const appended = verifyPades(new Uint8Array([...pdf, 0x0a, 0x25, 0x25]), anchors);
    expect(appended).toMatchObject({ verdict: 'diubah', coversWholeFile: false });
    expect(appended.problems[0]).toContain('3 bita yang ditambahkan');
  });

  it('says “tidak-sah” when the signature value itself is changed (the content still matches)', async () => {
    const pdf = new Uint8Array(await good);
    const { start } = contentsOf(pdf);
    // The CMS ends with the RSA signature: change a hex digit near its end, before the zero padding.
    const hex = Buffer.from(pdf.subarray(start + 1)).toString('latin1');
    const lastNonZero = start + 1 + hex.search(/0{64,}/) - 10;
    pdf[lastNonZero] = pdf[lastNonZero] === 0x61 ? 0x62 : 0x61;
    const report = verifyPades(pdf, anchors);
    expect(report.digestMatches).toBe(true);
    expect(report.signatureValid).toBe(false);
    expect(report.verdict).toBe('tidak-sah');
  });

  it('says “tidak-tepercaya” with an empty trust list or another CA, and “tanpa-tanda-tangan” for an unsigned PDF', async () => {
    const pdf = await good;
    expect(verifyPades(pdf, []).verdict).toBe('tidak-tepercaya');
    expect(verifyPades(pdf, certificatesOfPem(pki.otherCaPem)).verdict).toBe('tidak-tepercaya');
    expect(verifyPades(await pdfWithBox(), anchors).verdict).toBe('tanpa-tanda-tangan');
  });

  it('says “sertifikat-tidak-berlaku” when the certificate was expired at the signing time', async () => {
    const pdf = await signed(pki.expired.p12, new Date('2026-06-01T00:00:00Z'));
    const report = verifyPades(pdf, anchors);
    expect(report.signatureValid).toBe(true);
    expect(report.verdict).toBe('sertifikat-tidak-berlaku');
  });

  it('reads key usage and compares names without titles, degrees, case or punctuation', () => {
    expect(keyUsageOf(new X509Certificate(pki.valid.certPem).raw)).toEqual({ digitalSignature: true, nonRepudiation: true });
    expect(keyUsageOf(new X509Certificate(pki.noDigitalSignature.certPem).raw)).toEqual({ digitalSignature: false, nonRepudiation: false });
    expect(comparableName('dr. I Made Sutama, M.Kes.')).toBe('i made sutama');
    expect(comparableName('I MADE SUTAMA')).toBe('i made sutama');
    expect(comparableName('Siti Aminah')).not.toBe(comparableName('I Made Sutama'));
  });
});
