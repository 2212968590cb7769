// The local signer (issue 19): the pengesah's PKCS#12 file (.p12/.pfx) and passphrase, sent with the `sahkan` step,
// opened in memory for that one signature and dropped — never stored, never logged. RSA keys (node-forge reads the
// PKCS#12 container; node:crypto signs).
import { createHash, createPrivateKey, sign as cryptoSign, type KeyObject } from 'node:crypto';
import forge from 'node-forge';
import { AppError } from '../../../errors';
import { buildCadesDetached } from './cms';
import type { Signer, SignerCertificate } from './signer';

export const certificateUnreadable = () =>
  new AppError(422, 'CERT_FILE_INVALID', 'Berkas sertifikat tidak dapat dibaca. Pilih berkas sertifikat elektronik berformat PKCS#12 (.p12 atau .pfx).');
export const wrongPassphrase = () =>
  new AppError(422, 'CERT_PASSPHRASE_WRONG', 'Kata sandi sertifikat salah. Periksa kembali kata sandi berkas .p12/.pfx Anda.');

const derOf = (cert: forge.pki.Certificate): Uint8Array => Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), 'binary');

export class P12Signer implements Signer {
  private constructor(
    readonly certificate: SignerCertificate,
    private readonly key: KeyObject,
  ) {}

  /** Opens the file; refuses with CERT_FILE_INVALID / CERT_PASSPHRASE_WRONG / CERT_NO_KEY. */
  static open(p12: Uint8Array, passphrase: string): P12Signer {
    let container: forge.pkcs12.Pkcs12Pfx;
    let asn: forge.asn1.Asn1;
    try {
      asn = forge.asn1.fromDer(forge.util.createBuffer(Buffer.from(p12).toString('binary')));
    } catch {
      throw certificateUnreadable();
    }
    try {
      container = forge.pkcs12.pkcs12FromAsn1(asn, false, passphrase);
    } catch (error) {
      const message = error instanceof Error ? error.message : '';
      if (/MAC could not be verified|Invalid password/i.test(message)) throw wrongPassphrase();
      if (/OID is not RSA|Unknown OID|not RSA/i.test(message)) {
        throw new AppError(422, 'CERT_KEY_TYPE', 'Kunci pada sertifikat ini bukan kunci RSA; Petakerja saat ini hanya dapat menandatangani dengan kunci RSA.');
      }
      // Without a MAC a wrong passphrase decrypts to garbage: the same answer, since we cannot tell them apart.
      throw passphrase === '' ? wrongPassphrase() : certificateUnreadable();
    }
    const keyBags = [
      ...(container.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag })[forge.pki.oids.pkcs8ShroudedKeyBag] ?? []),
      ...(container.getBags({ bagType: forge.pki.oids.keyBag })[forge.pki.oids.keyBag] ?? []),
    ];
    const certs = (container.getBags({ bagType: forge.pki.oids.certBag })[forge.pki.oids.certBag] ?? []).flatMap((bag) => (bag.cert ? [bag.cert] : []));
    const privateKey = keyBags.find((bag) => bag.key)?.key as forge.pki.rsa.PrivateKey | undefined;
    const own = privateKey
      ? certs.find((cert) => {
          const pub = cert.publicKey as forge.pki.rsa.PublicKey;
          return pub.n?.compareTo(privateKey.n) === 0 && pub.e?.compareTo(privateKey.e) === 0;
        })
      : undefined;
    if (!privateKey || !own) {
      throw new AppError(422, 'CERT_NO_KEY', 'Berkas sertifikat tidak memuat kunci privat beserta sertifikatnya. Ekspor ulang sertifikat beserta kuncinya (.p12/.pfx).');
    }
    const key = createPrivateKey(forge.pki.privateKeyToPem(privateKey));
    const chain = certs.filter((cert) => cert !== own).map(derOf);
    return new P12Signer({ der: derOf(own), chain }, key);
  }

  async sign(data: Uint8Array): Promise<Uint8Array> {
    return buildCadesDetached({
      digest: createHash('sha256').update(data).digest(),
      certDer: this.certificate.der,
      chain: this.certificate.chain,
      keyType: 'rsa',
      signAttributes: async (der) => cryptoSign('sha256', der, this.key),
    });
  }
}
