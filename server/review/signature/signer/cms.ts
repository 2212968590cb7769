// A CAdES detached CMS SignedData (RFC 5652, ETSI EN 319 122-1 baseline B) built with node-forge's ASN.1 and signed by
// a function given the DER of the signed attributes — so a local key (p12-signer.ts) or any other key holder can sign.
import { createHash } from 'node:crypto';
import forge from 'node-forge';

const { asn1 } = forge;
const T = asn1.Type;
const C = asn1.Class;

export const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  timeStampToken: '1.2.840.113549.1.9.16.2.14',
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
  sha256WithRSA: '1.2.840.113549.1.1.11',
  ecdsaWithSHA256: '1.2.840.10045.4.3.2',
} as const;

type Asn1 = forge.asn1.Asn1;

const bin = (bytes: Uint8Array): string => Buffer.from(bytes).toString('binary');
const oid = (value: string): Asn1 => asn1.create(C.UNIVERSAL, T.OID, false, asn1.oidToDer(value).getBytes());
const seq = (items: Asn1[]): Asn1 => asn1.create(C.UNIVERSAL, T.SEQUENCE, true, items);
const set = (items: Asn1[]): Asn1 => asn1.create(C.UNIVERSAL, T.SET, true, items);
const octets = (bytes: Uint8Array): Asn1 => asn1.create(C.UNIVERSAL, T.OCTETSTRING, false, bin(bytes));
const int = (value: number): Asn1 => asn1.create(C.UNIVERSAL, T.INTEGER, false, asn1.integerToDer(value).getBytes());
const nul = (): Asn1 => asn1.create(C.UNIVERSAL, T.NULL, false, '');
const fromDer = (bytes: Uint8Array): Asn1 => asn1.fromDer(forge.util.createBuffer(bin(bytes)));
export const toDer = (node: Asn1): Uint8Array => Buffer.from(asn1.toDer(node).getBytes(), 'binary');
const algorithm = (id: string, withNull = true): Asn1 => seq(withNull ? [oid(id), nul()] : [oid(id)]);

/** issuer Name and serialNumber of a certificate's DER (TBSCertificate fields). */
function issuerAndSerial(certDer: Uint8Array): { issuer: Asn1; serial: Asn1 } {
  const tbs = (fromDer(certDer).value as Asn1[])[0]!;
  const fields = tbs.value as Asn1[];
  // version [0] is optional: serial is the first INTEGER.
  const offset = fields[0]!.tagClass === C.CONTEXT_SPECIFIC ? 1 : 0;
  return { serial: fields[offset]!, issuer: fields[offset + 2]! };
}

/** The signed attributes of a PAdES B-B signature (no signing-time: /M carries it). */
export function signedAttributes(digest: Uint8Array, certDer: Uint8Array): Asn1[] {
  const { issuer, serial } = issuerAndSerial(certDer);
  const certHash = createHash('sha256').update(certDer).digest();
  // SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2 }; ESSCertIDv2 with the default hash (SHA-256)
  // omitted, and issuerSerial { GeneralNames [directoryName], serial }.
  const issuerSerial = seq([seq([asn1.create(C.CONTEXT_SPECIFIC, 4, true, [issuer])]), serial]);
  return [
    seq([oid(OID.contentType), set([oid(OID.data)])]),
    seq([oid(OID.messageDigest), set([octets(digest)])]),
    seq([oid(OID.signingCertificateV2), set([seq([seq([seq([octets(certHash), issuerSerial])])])])]),
  ];
}

export interface CmsInput {
  /** SHA-256 of the bytes signed (the PDF's ByteRange). */
  digest: Uint8Array;
  certDer: Uint8Array;
  chain: Uint8Array[];
  /** 'rsa' signs with sha256WithRSAEncryption (PKCS#1 v1.5), 'ec' with ecdsa-with-SHA256. */
  keyType: 'rsa' | 'ec';
  /** Signs the DER of the signed attributes (a SET) with the signer's key; returns the raw signature. */
  signAttributes(der: Uint8Array): Promise<Uint8Array>;
}

export async function buildCadesDetached(input: CmsInput): Promise<Uint8Array> {
  const attributes = signedAttributes(input.digest, input.certDer);
  // The signature is over the DER of the attributes as a SET (tag 0x31); they are stored under [0] IMPLICIT.
  const signature = await input.signAttributes(toDer(set(attributes)));
  const { issuer, serial } = issuerAndSerial(input.certDer);
  const signerInfo = seq([
    int(1),
    seq([issuer, serial]),
    algorithm(OID.sha256),
    asn1.create(C.CONTEXT_SPECIFIC, 0, true, attributes),
    input.keyType === 'rsa' ? algorithm(OID.sha256WithRSA) : algorithm(OID.ecdsaWithSHA256, false),
    octets(signature),
  ]);
  const signedData = seq([
    int(1),
    set([algorithm(OID.sha256)]),
    seq([oid(OID.data)]),
    asn1.create(C.CONTEXT_SPECIFIC, 0, true, [input.certDer, ...input.chain].map(fromDer)),
    set([signerInfo]),
  ]);
  return toDer(seq([oid(OID.signedData), asn1.create(C.CONTEXT_SPECIFIC, 0, true, [signedData])]));
}
