// Our own check of a signed SOP's electronic signature (issue 19): the last signature of the PDF — its ByteRange
// covers the whole file but the /Contents hole, the digest of those bytes matches the CMS's message-digest, the CMS
// signature over its signed attributes verifies with the signer's certificate, the certificate chains to the trust
// list the administrator set, and every certificate of the chain was valid at the signing time. No network.
import { createHash, X509Certificate } from 'node:crypto';
import { asn1Time, bytesOf, children, parseDer, readSignedData, type SignedDataView } from './cms-read';
import type { CertificateSummary } from '../../review.schema';
import { OID } from '../signer/cms';
import type { PadesReport, PadesVerdict } from './pades-report';

export type { PadesReport, PadesVerdict } from './pades-report';


export function summary(cert: X509Certificate): CertificateSummary {
  return {
    subject: cert.subject.replace(/\n/g, ', '),
    commonName: commonNameOf(cert),
    issuer: cert.issuer.replace(/\n/g, ', '),
    serialNumber: cert.serialNumber,
    validFrom: new Date(cert.validFrom).toISOString(),
    validTo: new Date(cert.validTo).toISOString(),
    fingerprint256: cert.fingerprint256,
  };
}

export const commonNameOf = (cert: X509Certificate): string => /(?:^|\n)CN=([^\n]*)/.exec(cert.subject)?.[1]?.trim() ?? '';


/** "D:20261207093000Z" / "D:20261207163000+07'00'" → ISO. */
function pdfDate(value: string): string | undefined {
  const m = /^D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(Z|([+-])(\d{2})'?(\d{2})'?)?/.exec(value);
  if (!m) return undefined;
  const offset = m[8] ? `${m[8]}${m[9]}:${m[10]}` : 'Z';
  const date = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${offset}`);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

interface Found {
  byteRange: [number, number, number, number];
  dictionary: string;
}

function lastSignature(pdf: Buffer): Found | undefined {
  const text = pdf.toString('latin1');
  const pattern = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g;
  let match: RegExpExecArray | null;
  let last: RegExpExecArray | undefined;
  while ((match = pattern.exec(text))) last = match;
  if (!last) return undefined;
  const byteRange = last.slice(1, 5).map(Number) as Found['byteRange'];
  const start = text.lastIndexOf('obj', last.index);
  const endObj = text.indexOf('endobj', Math.max(last.index, byteRange[1]));
  // The dictionary without the /Contents hex (which is long).
  const dictionary = text.slice(Math.max(0, start), byteRange[1]) + text.slice(Math.min(byteRange[2], text.length), endObj < 0 ? undefined : endObj);
  return { byteRange, dictionary };
}

function failed(problems: string[], extra: Partial<PadesReport> = {}): PadesReport {
  return { verdict: 'tidak-sah', coversWholeFile: false, digestMatches: false, signatureValid: false, chain: [], trusted: false, validAtSigning: false, problems, ...extra };
}

/** Checks the PDF's last signature against the trust anchors (PEM or X509Certificate). */
export function verifyPades(bytes: Uint8Array, trustAnchors: readonly X509Certificate[]): PadesReport {
  const pdf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const found = lastSignature(pdf);
  if (!found) return { ...failed(['Berkas ini tidak memuat tanda tangan elektronik.']), verdict: 'tanpa-tanda-tangan' };
  const [a, b, c, d] = found.byteRange;
  const subFilter = /\/SubFilter\s*\/([A-Za-z0-9.#_-]+)/.exec(found.dictionary)?.[1];
  const problems: string[] = [];
  const holeOk = b < c && c <= pdf.length && pdf[b] === 0x3c && pdf[c - 1] === 0x3e && /^[0-9a-fA-F\s]*$/.test(pdf.subarray(b + 1, c - 1).toString('latin1'));
  const coversWholeFile = a === 0 && holeOk && c + d === pdf.length;
  if (!coversWholeFile) {
    problems.push(
      holeOk && c + d < pdf.length
        ? `Ada ${pdf.length - c - d} bita yang ditambahkan pada berkas setelah ditandatangani (tidak tercakup tanda tangan).`
        : 'Rentang yang ditandatangani (ByteRange) tidak mencakup seluruh berkas.',
    );
  }
  if (!holeOk) return failed([...problems, 'Isi tanda tangan (/Contents) tidak dapat dibaca.'], { verdict: 'diubah', ...(subFilter ? { subFilter } : {}) });

  let cms: SignedDataView;
  try {
    cms = readSignedData(parseDer(Buffer.from(pdf.subarray(b + 1, c - 1).toString('latin1').replace(/\s/g, ''), 'hex')));
  } catch {
    return failed([...problems, 'Isi tanda tangan bukan CMS SignedData yang sah.'], { verdict: coversWholeFile ? 'tidak-sah' : 'diubah', coversWholeFile, ...(subFilter ? { subFilter } : {}) });
  }
  const { certs, signerCert, signatureValid } = cms;
  const covered = Buffer.concat([pdf.subarray(a, a + b), pdf.subarray(c, c + d)]);
  const digest = createHash(cms.digestName).update(covered).digest();
  const messageDigest = cms.signedAttr(OID.messageDigest);
  const digestMatches = Boolean(messageDigest) && bytesOf(messageDigest).equals(digest);
  if (!digestMatches) problems.push('Sidik isi berkas tidak sama dengan yang ditandatangani: dokumen diubah setelah ditandatangani.');

  if (!signerCert) problems.push('Sertifikat penanda tangan tidak ada di dalam tanda tangan.');
  else if (!signatureValid) problems.push('Tanda tangan kriptografis tidak valid untuk sertifikat penanda tangan.');

  const signingTimeAttr = cms.signedAttr(OID.signingTime);
  const mMatch = /\/M\s*\((D:[^)]*)\)/.exec(found.dictionary);
  const claimed = (signingTimeAttr ? asn1Time(signingTimeAttr) : undefined) ?? (mMatch ? pdfDate(mMatch[1]!) : undefined);
  // B-T: a time-stamp token over the signature value proves the time; its time is then the signing time.
  const timestamp = readTimeStamp(cms);
  if (timestamp && (!timestamp.imprintMatches || !timestamp.signatureValid)) problems.push('Cap waktu (time-stamp) pada tanda tangan tidak sah.');
  const signingTime = timestamp?.imprintMatches && timestamp.signatureValid ? timestamp.time : claimed;

  // The chain, from the signer up to an anchor of the trust list.
  const chain: X509Certificate[] = [];
  let trusted = false;
  if (signerCert) {
    let current = signerCert;
    chain.push(current);
    for (let depth = 0; depth < 8; depth++) {
      if (trustAnchors.some((anchor) => anchor.fingerprint256 === current.fingerprint256)) {
        trusted = true;
        break;
      }
      const issuedBy = (candidate: X509Certificate) => {
        try {
          return candidate.fingerprint256 !== current.fingerprint256 && current.checkIssued(candidate) && current.verify(candidate.publicKey);
        } catch {
          return false;
        }
      };
      const anchor = trustAnchors.find(issuedBy);
      if (anchor) {
        chain.push(anchor);
        trusted = true;
        break;
      }
      const next = certs.find(issuedBy);
      if (!next || chain.includes(next)) break;
      chain.push(next);
      current = next;
    }
  }
  if (signerCert && !trusted) problems.push('Sertifikat penanda tangan tidak berantai ke sertifikat tepercaya yang ditetapkan administrator.');
  const at = signingTime ? new Date(signingTime).getTime() : Date.now();
  const outside = chain.filter((cert) => at < new Date(cert.validFrom).getTime() || at > new Date(cert.validTo).getTime());
  const validAtSigning = chain.length > 0 && outside.length === 0;
  for (const cert of outside) problems.push(`Sertifikat “${commonNameOf(cert) || cert.subject}” tidak berlaku pada waktu penandatanganan.`);

  const timestampBad = timestamp !== undefined && (!timestamp.imprintMatches || !timestamp.signatureValid);
  const verdict: PadesVerdict = !coversWholeFile || !digestMatches ? 'diubah' : !signatureValid || timestampBad ? 'tidak-sah' : !validAtSigning ? 'sertifikat-tidak-berlaku' : !trusted ? 'tidak-tepercaya' : 'sah';
  return {
    verdict,
    coversWholeFile,
    digestMatches,
    signatureValid,
    ...(subFilter ? { subFilter } : {}),
    ...(signerCert ? { signer: summary(signerCert) } : {}),
    ...(signingTime ? { signingTime } : {}),
    ...(timestamp ? { timestamp } : {}),
    chain: chain.map(summary),
    trusted,
    validAtSigning,
    problems,
  };
}

/** The signature-time-stamp-token of a SignerInfo: its time, whether it covers this signature and verifies. */
function readTimeStamp(cms: SignedDataView): PadesReport['timestamp'] {
  const token = cms.unsignedAttr(OID.timeStampToken);
  if (!token) return undefined;
  try {
    const stamp = readSignedData(token);
    // TSTInfo: version, policy, messageImprint { algorithm, hashedMessage }, serialNumber, genTime, …
    const info = children(parseDer(stamp.content ?? Buffer.alloc(0)));
    const imprint = children(info[2]);
    const hashed = bytesOf(imprint[1]);
    const imprintMatches = hashed.equals(createHash('sha256').update(cms.signature).digest());
    const messageDigest = stamp.signedAttr(OID.messageDigest);
    const contentOk = Boolean(messageDigest && stamp.content) && bytesOf(messageDigest).equals(createHash(stamp.digestName).update(stamp.content!).digest());
    const time = asn1Time(info[4]!) ?? '';
    return {
      time,
      imprintMatches,
      signatureValid: stamp.signatureValid && contentOk,
      ...(stamp.signerCert ? { authority: summary(stamp.signerCert) } : {}),
    };
  } catch {
    return { time: new Date(0).toISOString(), imprintMatches: false, signatureValid: false };
  }
}

/** The certificates of a PEM text (a trust list entry may hold several). */
export function certificatesOfPem(pem: string): X509Certificate[] {
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  return blocks.map((block) => new X509Certificate(block));
}
