// The certified electronic signature of a signed SOP (issue 19), as the review service uses it: open and check the
// pengesah's certificate before anything is printed, then sign the printed PDF (PAdES B-B) with the visible
// signature in the Disahkan box. The PKCS#12 file and passphrase live only in this call.
import { formatNip } from '../../sop/render/identity-part';
import { formatWaktuIn, type TimeZone } from '../../settings/time-zone';
import type { ElectronicSignature } from '../review.schema';
import { summary } from './pades/pades-verify';
import { signPdfPades } from './pades/pades-sign';
import { checkSigningCertificate, nameMatches, nameMismatch } from './signer/certificate-checks';
import type { NameMismatchPolicy } from './signer/name-policy';
import { P12Signer } from './signer/p12-signer';
import type { Signer } from './signer/signer';
import { addSignatureTimeStamp, requestTimeStamp } from './signer/timestamp';
import { commonNameOf } from './pades/pades-verify';

import type { CertificateUpload } from '../review.api.schema';

export interface PreparedSigner {
  signer: Signer;
  electronic: ElectronicSignature;
}

/**
 * Opens the PKCS#12 file and checks its certificate at `now`: passphrase, validity, key usage, and the name — the
 * pengesah's account name or the signature block's nama — refused or only recorded per `policy`.
 */
export function prepareSigner(
  upload: CertificateUpload,
  names: { account: string; signatory: string },
  policy: NameMismatchPolicy,
  now: Date,
  tsaUrl?: string,
): PreparedSigner {
  const p12 = P12Signer.open(Buffer.from(upload.p12Base64, 'base64'), upload.passphrase);
  const signer = tsaUrl ? timeStamping(p12, tsaUrl) : p12;
  const cert = checkSigningCertificate(signer.certificate.der, now);
  const matches = nameMatches(cert, [names.account, names.signatory]);
  if (!matches && policy === 'tolak') throw nameMismatch(commonNameOf(cert), names.account);
  return { signer, electronic: { level: tsaUrl ? 'B-T' : 'B-B', subFilter: 'ETSI.CAdES.detached', certificate: summary(cert), nameMatches: matches } };
}

/** B-T: the signer's CMS with the time-stamp authority's token over its signature value (any Signer). */
function timeStamping(inner: Signer, tsaUrl: string): Signer {
  return {
    certificate: inner.certificate,
    sign: async (data) => addSignatureTimeStamp(await inner.sign(data), (signature) => requestTimeStamp(tsaUrl, signature)),
  };
}

export interface SignedPdfInput {
  pdf: Uint8Array;
  prepared: PreparedSigner;
  signatory: { jabatan: string; nama: string; nip: string };
  code: string;
  title: string;
  unit: string;
  signedAt: Date;
  timeZone: TimeZone;
}

/** The printed SOP with its PAdES signature and visible appearance. */
export function signPrintedSop(input: SignedPdfInput): Promise<Uint8Array> {
  const { certificate } = input.prepared.electronic;
  return signPdfPades({
    pdf: input.pdf,
    signer: input.prepared.signer,
    signingTime: input.signedAt,
    appearance: {
      heading: 'Ditandatangani secara elektronik oleh',
      name: certificate.commonName || input.signatory.nama,
      details: [
        `NIP. ${formatNip(input.signatory.nip)}`,
        input.signatory.jabatan,
        formatWaktuIn(input.signedAt.toISOString(), input.timeZone),
        `Kode verifikasi ${input.code}`,
      ],
    },
    name: certificate.commonName || input.signatory.nama,
    reason: `Pengesahan SOP ${input.title}`.slice(0, 300),
    location: input.unit.slice(0, 200),
  });
}
