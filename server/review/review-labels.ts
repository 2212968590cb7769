// The review cycle's states and the SOP identity fields a comment may point at, with their labels: plain data apart
// from the schemas (review.schema.ts builds its enums from these), so the client shows them without building any
// schema when its entry chunk is evaluated (issue 16).
import { REQUIRED_IDENTITY_FIELDS } from '../sop/identity-fields';

export const REVIEW_STATES = ['draf', 'diajukan', 'direviu', 'perlu-perbaikan', 'disetujui', 'disahkan', 'dicabut'] as const;

/** The identity fields by their paths, in the SOP header's order (the schema's IdentityFieldPath). */
export const IDENTITY_FIELD_PATHS = [
  'nomor',
  'tanggalPembuatan',
  'tanggalRevisi',
  'tanggalEfektif',
  'disahkanOleh.jabatan',
  'disahkanOleh.nama',
  'disahkanOleh.pangkat',
  'disahkanOleh.nip',
  'namaSop',
  'dasarHukum',
  'keterkaitan',
  'peringatan',
  'kualifikasiPelaksana',
  'peralatan',
  'pencatatan',
] as const;

const OPTIONAL_FIELD_LABELS: Record<string, string> = { tanggalRevisi: 'Tanggal Revisi', tanggalEfektif: 'Tanggal Efektif', keterkaitan: 'Keterkaitan' };
const REQUIRED_FIELD_LABELS = Object.fromEntries(REQUIRED_IDENTITY_FIELDS.map((field) => [field.path, field.label]));

/** The identity fields a comment may point at, in the SOP header's order, with the labels the SOP prints. */
export const IDENTITY_FIELDS: ReadonlyArray<{ path: (typeof IDENTITY_FIELD_PATHS)[number]; label: string }> = IDENTITY_FIELD_PATHS.map((path) => ({
  path,
  label: REQUIRED_FIELD_LABELS[path] ?? OPTIONAL_FIELD_LABELS[path] ?? path,
}));

export const STATE_LABELS: Record<(typeof REVIEW_STATES)[number], string> = {
  draf: 'Draf',
  diajukan: 'Diajukan',
  direviu: 'Direviu',
  'perlu-perbaikan': 'Perlu perbaikan',
  disetujui: 'Disetujui',
  disahkan: 'Disahkan',
  dicabut: 'Dicabut',
};
