// Zod schemas of the review API's inputs (docs/review.md).
import { z } from 'zod';
import { MapId } from '../store/records';
import { SopDate } from '../sop/identity.schema';
import { USER_ACTIONS } from './lifecycle';
import { Anchor, AnnotationStatus } from './review.schema';

/** A PKCS#12 file is a few KB; 64 KB of file is base64 of at most this many characters. */
export const MAX_P12_BASE64 = Math.ceil((64 * 1024) / 3) * 4;

/** A pengesah's PKCS#12 file (base64) and its passphrase, for one certified electronic signature (issue 19). */
export const CertificateUpload = z.strictObject({
  p12Base64: z
    .string()
    .max(MAX_P12_BASE64, 'Berkas sertifikat terlalu besar (paling besar 64 KB).')
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'Berkas sertifikat harus dikirim dalam base64.'),
  passphrase: z.string().max(500, 'Kata sandi sertifikat paling panjang 500 karakter.'),
});
export type CertificateUpload = z.infer<typeof CertificateUpload>;

export const TransitionBody = z.strictObject({
  action: z.enum(USER_ACTIONS, { error: `Tindakan tidak dikenal; pilih salah satu: ${USER_ACTIONS.join(', ')}.` }),
  baseSeq: z.number({ error: 'Nomor urut riwayat (baseSeq) wajib dikirim; 0 bila belum ada.' }).int().min(0),
  comment: z.string().trim().max(4000, 'Catatan paling banyak 4.000 karakter.').default(''),
  /** For `sahkan`: the date the SOP takes effect (the signing date); today when absent. */
  tanggalEfektif: SopDate.optional(),
  /**
   * For `sahkan` with a certified electronic signature (issue 19): the pengesah's PKCS#12 file and its passphrase.
   * Used for this one signature in memory, never stored nor logged.
   */
  certificate: CertificateUpload.optional(),
});
export type TransitionBody = z.infer<typeof TransitionBody>;

export const AnnotationsQuery = z.object({
  revision: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().min(1).optional()),
});

export const NewAnnotationBody = z.strictObject({
  anchor: Anchor,
  body: z.string().trim().min(1, 'Komentar tidak boleh kosong.').max(4000, 'Komentar paling banyak 4.000 karakter.'),
  /** The map revision the comment is written on; the current one when absent. */
  revision: z.number().int().min(1).optional(),
});
export type NewAnnotationBody = z.infer<typeof NewAnnotationBody>;

export const ReplyBody = z.strictObject({
  body: z.string().trim().min(1, 'Balasan tidak boleh kosong.').max(4000, 'Balasan paling banyak 4.000 karakter.'),
});

export const AnnotationStatusBody = z.strictObject({ status: AnnotationStatus });

export const AnnotationParams = z.object({ id: MapId, aid: z.uuid({ error: 'Id komentar tidak sah.' }) });
