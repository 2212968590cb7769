// Reading a CMS SignedData (RFC 5652) for our verifier: its certificates, its one SignerInfo, the signer's
// certificate, the signed and unsigned attributes, and whether the signature over the signed attributes verifies.
// Used for the PDF's signature and for the time-stamp token inside it (B-T).
import { verify as cryptoVerify, X509Certificate } from 'node:crypto';
import forge from 'node-forge';
import { OID } from '../signer/cms';

export type Asn1 = forge.asn1.Asn1;
const { asn1 } = forge;

const DIGESTS: Record<string, string> = { '2.16.840.1.101.3.4.2.1': 'sha256', '2.16.840.1.101.3.4.2.2': 'sha384', '2.16.840.1.101.3.4.2.3': 'sha512', '1.3.14.3.2.26': 'sha1' };

export const der = (node: Asn1): Buffer => Buffer.from(asn1.toDer(node).getBytes(), 'binary');
export const children = (node: Asn1 | undefined): Asn1[] => (Array.isArray(node?.value) ? (node!.value as Asn1[]) : []);
export const oidOf = (node: Asn1 | undefined): string => (node && typeof node.value === 'string' ? asn1.derToOid(node.value) : '');
export const bytesOf = (node: Asn1 | undefined): Buffer => Buffer.from(typeof node?.value === 'string' ? node.value : '', 'binary');
const hexInt = (bytes: Buffer): string => bytes.toString('hex').toUpperCase().replace(/^0+(?=.)/, '');

export const parseDer = (bytes: Uint8Array): Asn1 =>
  asn1.fromDer(forge.util.createBuffer(Buffer.from(bytes).toString('binary')), { parseAllBytes: false, decodeBitStrings: false } as unknown as boolean);

/** UTCTime / GeneralizedTime → ISO. */
export function asn1Time(node: Asn1): string | undefined {
  try {
    const date = node.type === asn1.Type.UTCTIME ? asn1.utcTimeToDate(node.value as string) : asn1.generalizedTimeToDate(node.value as string);
    return date.toISOString();
  } catch {
    return undefined;
  }
}

export interface SignedDataView {
  certs: X509Certificate[];
  signerCert?: X509Certificate;
  digestName: string;
  /** The first value of a signed (or unsigned) attribute. */
  signedAttr(oid: string): Asn1 | undefined;
  unsignedAttr(oid: string): Asn1 | undefined;
  /** The signature value (for a time-stamp over it). */
  signature: Buffer;
  /** The encapsulated content, when not detached (a time-stamp token's TSTInfo). */
  content?: Buffer;
  /** The signature over the signed attributes verifies with the signer's certificate. */
  signatureValid: boolean;
}

/** Reads a ContentInfo holding a SignedData; throws when it is not one. */
export function readSignedData(root: Asn1): SignedDataView {
  if (oidOf(children(root)[0]) !== OID.signedData) throw new Error('not SignedData');
  const signedData = children(children(root)[1])[0];
  const fields = children(signedData);
  const signerInfo = children(children(fields.at(-1))[0]);
  if (signerInfo.length < 5) throw new Error('no SignerInfo');
  const encap = children(fields[2]);
  const content = encap[1] ? bytesOf(children(encap[1])[0]) : undefined;
  const certs: X509Certificate[] = [];
  for (const node of fields) {
    if (node.tagClass !== asn1.Class.CONTEXT_SPECIFIC || node.type !== 0) continue;
    for (const cert of children(node)) {
      try {
        certs.push(new X509Certificate(der(cert)));
      } catch {
        /* an attribute certificate or something unreadable: not ours to use */
      }
    }
  }
  const sid = signerInfo[1]!;
  const serial = sid.tagClass === asn1.Class.UNIVERSAL ? hexInt(bytesOf(children(sid)[1])) : undefined;
  const signerCert = (serial ? certs.find((cert) => hexInt(Buffer.from(cert.serialNumber, 'hex')) === serial) : undefined) ?? certs[0];
  const digestName = DIGESTS[oidOf(children(signerInfo[2])[0])] ?? 'sha256';
  const attrsNode = signerInfo[3]!;
  const hasAttrs = attrsNode.tagClass === asn1.Class.CONTEXT_SPECIFIC && attrsNode.type === 0;
  const attributes = hasAttrs ? children(attrsNode) : [];
  const signatureAlgorithm = oidOf(children(signerInfo[hasAttrs ? 4 : 3])[0]);
  const signature = bytesOf(signerInfo[hasAttrs ? 5 : 4]);
  const unsignedNode = signerInfo[hasAttrs ? 6 : 5];
  const unsigned = unsignedNode?.tagClass === asn1.Class.CONTEXT_SPECIFIC && unsignedNode.type === 1 ? children(unsignedNode) : [];
  const first = (list: Asn1[], id: string) => children(children(list.find((at) => oidOf(children(at)[0]) === id))[1])[0];

  let signatureValid = false;
  if (signerCert && hasAttrs) {
    const signedAttrs = der(asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SET, true, attributes));
    try {
      const key = signerCert.publicKey;
      signatureValid =
        signatureAlgorithm === OID.ecdsaWithSHA256 || key.asymmetricKeyType === 'ec'
          ? cryptoVerify(digestName, signedAttrs, { key, dsaEncoding: 'der' }, signature)
          : cryptoVerify(digestName, signedAttrs, key, signature);
    } catch {
      signatureValid = false;
    }
  }
  return {
    certs,
    ...(signerCert ? { signerCert } : {}),
    digestName,
    signedAttr: (id) => first(attributes, id),
    unsignedAttr: (id) => first(unsigned, id),
    signature,
    ...(content ? { content } : {}),
    signatureValid,
  };
}
