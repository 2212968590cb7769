// The signed SOP document (issue 6): the SOP rendered as always (server/sop/render/) with the verification printed on
// it — the QR code and code beside the signature, code and revision in every footer — and Tanggal Efektif set to the
// signing date. The review service prints it with PdfPool.pdf and keeps the bytes with ReviewStore.putFile.
import type { SopIdentityDraft } from '../../sop/identity.schema';
import { renderSopHtml, type RenderSopInput, type SopVerification } from '../../sop/render/index';
import { qrSvg } from './qr';

export type SignedSopInput = RenderSopInput & { verification: SopVerification };

/** The HTML of the signed SOP: renderSopHtml with a verification (required here). */
export function renderSignedSopHtml(input: SignedSopInput): string {
  return renderSopHtml(input);
}

/** The identity as signed: Tanggal Efektif is the signing date (SOP-FORMAT.md §1), whatever the draft said. */
export function signedIdentity<T extends SopIdentityDraft>(identity: T, tanggalEfektif: string): T & { tanggalEfektif: string } {
  return { ...identity, tanggalEfektif };
}

/** The public address of a code's verification page, from the server's base URL ("https://host[/prefix]"). */
export function verificationUrl(baseUrl: string, code: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/verifikasi/${code}`;
}

/** Everything the SOP prints for its verification: the QR encodes the public page's address. */
export async function sopVerification(baseUrl: string, code: string, revision: number): Promise<SopVerification> {
  const url = verificationUrl(baseUrl, code);
  return { code, url, revision, qrSvg: await qrSvg(url) };
}
