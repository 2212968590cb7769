// What our verifier says of a PDF's electronic signature (pades-verify.ts), as the verification page shows it.
import { z } from 'zod';
import { CertificateSummary } from '../../review.schema';

export const PADES_VERDICTS = ['sah', 'diubah', 'tidak-sah', 'sertifikat-tidak-berlaku', 'tidak-tepercaya', 'tanpa-tanda-tangan'] as const;
export const PadesVerdict = z.enum(PADES_VERDICTS);
export type PadesVerdict = z.infer<typeof PadesVerdict>;

export const PadesReport = z.strictObject({
  verdict: PadesVerdict,
  /** The ByteRange starts at 0, its hole is exactly /Contents and it ends at the file's end. */
  coversWholeFile: z.boolean(),
  digestMatches: z.boolean(),
  signatureValid: z.boolean(),
  subFilter: z.string().optional(),
  signer: CertificateSummary.optional(),
  /** ISO time: the CMS signing-time attribute, else the signature dictionary's /M. */
  signingTime: z.iso.datetime().optional(),
  /** B-T: the RFC 3161 time-stamp token over the signature value, with its authority (TSA) certificate. */
  timestamp: z
    .strictObject({ time: z.iso.datetime(), imprintMatches: z.boolean(), signatureValid: z.boolean(), authority: CertificateSummary.optional() })
    .optional(),
  /** Signer first, up to the trust anchor (when one was reached). */
  chain: z.array(CertificateSummary),
  trusted: z.boolean(),
  validAtSigning: z.boolean(),
  /** What failed, in Indonesian. */
  problems: z.array(z.string()),
});
export type PadesReport = z.infer<typeof PadesReport>;
