// What the public verification page (/verifikasi/<code>) shows of a signed SOP: enough to tell whether a printed or
// downloaded SOP is the one that was signed and whether it is still in force — nothing of the review record.
import { z } from 'zod';
import { SopDate } from '../../sop/identity.schema';
import { Sha256 } from '../../store/records';
import { ElectronicSignature, VerificationCode, type Signature } from '../review.schema';
import { PadesReport } from './pades/pades-report';

export const VerificationView = z.strictObject({
  found: z.literal(true),
  code: VerificationCode,
  /** Nama SOP and Nomor SOP as signed. */
  title: z.string().min(1),
  nomor: z.string(),
  unit: z.string(),
  /** The local government of the unit's letterhead, when known. */
  pemda: z.string().optional(),
  /** The map revision signed. */
  revision: z.number().int().min(1),
  /** sha256 of the signed PDF. */
  sha256: Sha256,
  status: z.enum(['berlaku', 'dicabut']),
  /** Present when status is dicabut: withdrawn (`dicabut`) or superseded by a later signed SOP (`diganti`). */
  withdrawn: z
    .strictObject({ reason: z.enum(['dicabut', 'diganti']), at: z.iso.datetime(), replacedBy: VerificationCode.optional() })
    .optional(),
  tanggalEfektif: SopDate,
  signatory: z.strictObject({ jabatan: z.string(), nama: z.string() }),
  signedAt: z.iso.datetime(),
  /**
   * Signed with a certificate (issue 19): what was recorded at signing, and our verifier's reading of the stored PDF
   * against the trust list as it is now.
   */
  electronic: z.strictObject({ recorded: ElectronicSignature, check: PadesReport }).optional(),
  /** Where the page links to: the signed PDF and the file check (relative to the site). */
  pdfUrl: z.string(),
  checkUrl: z.string(),
});
export type VerificationView = z.infer<typeof VerificationView>;

export interface VerificationNotFound {
  found: false;
  /** What was asked for, as typed (the page shows it back). */
  code: string;
}

export type VerificationPageView = VerificationView | VerificationNotFound;

/** The page's own paths for a code. */
export const verificationPaths = (code: string) => ({
  page: `/verifikasi/${code}`,
  pdf: `/verifikasi/${code}/sop.pdf`,
  check: `/verifikasi/${code}/periksa`,
});

/** The public view of a stored signature; `pemda` from the unit's letterhead when there is one. */
export function verificationViewOf(signature: Signature, extra: { pemda?: string; electronicCheck?: PadesReport } = {}): VerificationView {
  const paths = verificationPaths(signature.code);
  const pemda = extra.pemda?.trim();
  return {
    found: true,
    code: signature.code,
    title: signature.title,
    nomor: signature.nomor,
    unit: signature.unit,
    ...(pemda ? { pemda } : {}),
    revision: signature.revision,
    sha256: signature.pdf.sha256,
    status: signature.withdrawn ? 'dicabut' : 'berlaku',
    ...(signature.withdrawn
      ? {
          withdrawn: {
            reason: signature.withdrawn.reason,
            at: signature.withdrawn.at,
            ...(signature.withdrawn.replacedBy ? { replacedBy: signature.withdrawn.replacedBy } : {}),
          },
        }
      : {}),
    tanggalEfektif: signature.tanggalEfektif,
    signatory: { jabatan: signature.signatory.jabatan, nama: signature.signatory.nama },
    signedAt: signature.signedAt,
    ...(signature.electronic && extra.electronicCheck ? { electronic: { recorded: signature.electronic, check: extra.electronicCheck } } : {}),
    pdfUrl: paths.pdf,
    checkUrl: paths.check,
  };
}
