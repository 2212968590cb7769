// What a signing certificate must satisfy before the SOP is signed with it (issue 19): valid now (not expired, not
// yet valid), made for signing (key usage digitalSignature or nonRepudiation), and — per the administrator's setting
// — bearing the pengesah's name. Each refusal has a stable code and an Indonesian message.
import { X509Certificate } from 'node:crypto';
import forge from 'node-forge';
import { AppError } from '../../../errors';
import { formatTanggal } from '../../../sop/render/identity-part';
import { commonNameOf } from '../pades/pades-verify';

/** Key usage bits (RFC 5280 §4.2.1.3) of a certificate, or undefined when it has no keyUsage extension. */
export function keyUsageOf(certDer: Uint8Array): { digitalSignature: boolean; nonRepudiation: boolean } | undefined {
  const { asn1 } = forge;
  const tbs = (asn1.fromDer(forge.util.createBuffer(Buffer.from(certDer).toString('binary'))).value as forge.asn1.Asn1[])[0]!;
  const extensions = (tbs.value as forge.asn1.Asn1[]).find((node) => node.tagClass === asn1.Class.CONTEXT_SPECIFIC && node.type === 3);
  const list = ((extensions?.value as forge.asn1.Asn1[] | undefined)?.[0]?.value as forge.asn1.Asn1[] | undefined) ?? [];
  for (const extension of list) {
    const parts = extension.value as forge.asn1.Asn1[];
    if (asn1.derToOid(parts[0]!.value as string) !== '2.5.29.15') continue;
    const bitString = asn1.fromDer(parts.at(-1)!.value as string);
    const bytes = Buffer.from(bitString.value as string, 'binary');
    // First byte: unused bits; then the bits, most significant first: digitalSignature (0), nonRepudiation (1).
    const first = bytes[1] ?? 0;
    return { digitalSignature: (first & 0x80) !== 0, nonRepudiation: (first & 0x40) !== 0 };
  }
  return undefined;
}

const day = (date: Date) => formatTanggal(date.toISOString().slice(0, 10));

/** Refuses a certificate that is not valid at `at` or not made for signing. */
export function checkSigningCertificate(certDer: Uint8Array, at: Date): X509Certificate {
  const cert = new X509Certificate(certDer);
  const from = new Date(cert.validFrom);
  const to = new Date(cert.validTo);
  if (at > to) {
    throw new AppError(422, 'CERT_EXPIRED', `Sertifikat elektronik ini sudah kedaluwarsa sejak ${day(to)}. Gunakan sertifikat yang masih berlaku.`, { validTo: to.toISOString() });
  }
  if (at < from) {
    throw new AppError(422, 'CERT_NOT_YET_VALID', `Sertifikat elektronik ini baru berlaku mulai ${day(from)}. Gunakan sertifikat yang sudah berlaku.`, { validFrom: from.toISOString() });
  }
  const usage = keyUsageOf(certDer);
  if (!usage || (!usage.digitalSignature && !usage.nonRepudiation)) {
    throw new AppError(
      422,
      'CERT_NOT_FOR_SIGNING',
      'Sertifikat ini tidak diterbitkan untuk tanda tangan elektronik (penggunaan kunci “digitalSignature” tidak ada). Gunakan sertifikat tanda tangan Anda.',
    );
  }
  return cert;
}

/** A person's name for comparison: no academic titles or degrees, no punctuation, lower case. */
export function comparableName(name: string): string {
  const withoutDegrees = name.split(',')[0] ?? '';
  return withoutDegrees
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\b(dr|drs|dra|ir|h|hj|prof|st|sh|se)\b\.?/g, ' ')
    .replace(/[^a-z\s]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** True when the certificate's common name is one of `names` (the pengesah's account, the SOP's signatory). */
export function nameMatches(cert: X509Certificate, names: string[]): boolean {
  const own = comparableName(commonNameOf(cert));
  return own !== '' && names.some((name) => comparableName(name) === own);
}

export const nameMismatch = (certName: string, accountName: string) =>
  new AppError(
    422,
    'CERT_NAME_MISMATCH',
    `Nama pada sertifikat (“${certName}”) tidak sama dengan nama akun pengesah (“${accountName}”). Gunakan sertifikat atas nama Anda sendiri.`,
    { certificateName: certName, accountName },
  );
