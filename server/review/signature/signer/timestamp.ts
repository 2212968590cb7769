// PAdES B-T (issue 19): an RFC 3161 time-stamp token over the CMS signature value, from the time-stamp authority
// (TSA) the administrator configured, added to the SignerInfo as the unsigned attribute signature-time-stamp-token.
// Works on any Signer's CMS (local or remote): the token is asked for after signing.
import { createHash, randomBytes } from 'node:crypto';
import forge from 'node-forge';
import { AppError } from '../../../errors';
import { OID, toDer } from './cms';

type Asn1 = forge.asn1.Asn1;
const { asn1 } = forge;
const T = asn1.Type;
const C = asn1.Class;

const TSA_TIMEOUT_MS = 15_000;
const MAX_TOKEN_BYTES = 8_192;

const fromDer = (bytes: Uint8Array): Asn1 =>
  asn1.fromDer(forge.util.createBuffer(Buffer.from(bytes).toString('binary')), { parseAllBytes: false, decodeBitStrings: false } as unknown as boolean);
const children = (node: Asn1 | undefined): Asn1[] => (Array.isArray(node?.value) ? (node!.value as Asn1[]) : []);

export const tsaUnavailable = (reason: string) =>
  new AppError(
    502,
    'TSA_UNAVAILABLE',
    `Layanan cap waktu (TSA) tidak memberikan cap waktu (${reason}); SOP belum disahkan. Coba lagi, atau minta administrator memeriksa alamat TSA di halaman Pengguna › Pengaturan.`,
  );

/** The DER of a TimeStampReq for `digest` (SHA-256), asking for the TSA's certificate. */
export function timeStampRequest(digest: Uint8Array, nonce: Uint8Array): Uint8Array {
  const seq = (items: Asn1[]) => asn1.create(C.UNIVERSAL, T.SEQUENCE, true, items);
  return toDer(
    seq([
      asn1.create(C.UNIVERSAL, T.INTEGER, false, asn1.integerToDer(1).getBytes()),
      seq([
        seq([asn1.create(C.UNIVERSAL, T.OID, false, asn1.oidToDer(OID.sha256).getBytes()), asn1.create(C.UNIVERSAL, T.NULL, false, '')]),
        asn1.create(C.UNIVERSAL, T.OCTETSTRING, false, Buffer.from(digest).toString('binary')),
      ]),
      asn1.create(C.UNIVERSAL, T.INTEGER, false, Buffer.from([0x01, ...nonce]).toString('binary')),
      asn1.create(C.UNIVERSAL, T.BOOLEAN, false, String.fromCharCode(0xff)),
    ]),
  );
}

/** Asks the TSA at `url` for a token over `data`'s SHA-256; the token (a CMS ContentInfo, DER). */
export async function requestTimeStamp(url: string, data: Uint8Array): Promise<Uint8Array> {
  const digest = createHash('sha256').update(data).digest();
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/timestamp-query', Accept: 'application/timestamp-reply' },
      body: Buffer.from(timeStampRequest(digest, randomBytes(8))),
      signal: AbortSignal.timeout(TSA_TIMEOUT_MS),
    });
  } catch {
    throw tsaUnavailable('tidak dapat dihubungi');
  }
  if (!response.ok) throw tsaUnavailable(`HTTP ${response.status}`);
  const body = new Uint8Array(await response.arrayBuffer());
  let token: Asn1 | undefined;
  try {
    const [status, tokenNode] = children(fromDer(body));
    const granted = children(status)[0];
    const code = granted ? Buffer.from(granted.value as string, 'binary').readUIntBE(0, (granted.value as string).length) : -1;
    if (code !== 0 && code !== 1) throw tsaUnavailable(`permintaan ditolak, status ${code}`);
    token = tokenNode;
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw tsaUnavailable('jawaban tidak dapat dibaca');
  }
  if (!token) throw tsaUnavailable('jawaban tanpa token');
  const der = toDer(token);
  if (der.byteLength > MAX_TOKEN_BYTES) throw tsaUnavailable('token terlalu besar');
  return der;
}

/** The CMS with a signature-time-stamp-token unsigned attribute on its (only) SignerInfo, from `stamp`. */
export async function addSignatureTimeStamp(cms: Uint8Array, stamp: (signatureValue: Uint8Array) => Promise<Uint8Array>): Promise<Uint8Array> {
  const root = fromDer(cms);
  const signedData = children(children(root)[1])[0]!;
  const signerInfos = children(signedData).at(-1)!;
  const signerInfo = children(signerInfos)[0]!;
  const fields = children(signerInfo);
  const signatureIndex = fields.findIndex((node, index) => index > 3 && node.tagClass === C.UNIVERSAL && node.type === T.OCTETSTRING);
  const signatureValue = Buffer.from(fields[signatureIndex]!.value as string, 'binary');
  const token = await stamp(signatureValue);
  const attribute = asn1.create(C.UNIVERSAL, T.SEQUENCE, true, [
    asn1.create(C.UNIVERSAL, T.OID, false, asn1.oidToDer(OID.timeStampToken).getBytes()),
    asn1.create(C.UNIVERSAL, T.SET, true, [fromDer(token)]),
  ]);
  fields.splice(signatureIndex + 1, fields.length, asn1.create(C.CONTEXT_SPECIFIC, 1, true, [attribute]));
  return toDer(root);
}
