// The contract of whoever makes the electronic signature of a signed SOP (issue 19). The review code only knows this
// interface: the local PKCS#12 signer (p12-signer.ts) implements it now; a remote signing service (e.g. a national
// signing service that keeps the key) implements the same two members and nothing in server/review/ changes.

/** The signer's certificate, known before signing: checked (validity, key usage, name) and printed in the appearance. */
export interface SignerCertificate {
  /** DER of the signer's certificate. */
  der: Uint8Array;
  /** DER of the other certificates to embed (issuers), signer's issuer first; may be empty. */
  chain: Uint8Array[];
}

export interface Signer {
  readonly certificate: SignerCertificate;
  /**
   * Signs `data` — the bytes of the PDF that the signature covers, i.e. the whole file without the /Contents
   * placeholder (ByteRange) — and returns a detached CMS SignedData (DER) fit for PAdES B-B (subFilter
   * ETSI.CAdES.detached): signed attributes content-type, message-digest (SHA-256 of `data`) and
   * signing-certificate-v2, no signing-time attribute (the time is the signature dictionary's /M). The CMS must fit
   * the placeholder (MAX_CMS_BYTES). A remote signer may send only the digest; it must still answer a full CMS.
   */
  sign(data: Uint8Array): Promise<Uint8Array>;
}

/** Room reserved in the PDF for the CMS (bytes; the placeholder holds twice as many hex digits). */
export const MAX_CMS_BYTES = 16_384;
