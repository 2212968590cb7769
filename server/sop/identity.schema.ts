// The identity part of an SOP AP (SOP-FORMAT.md §1; PermenPANRB 35/2012): the fields of the header and the six boxes
// under it. `SopIdentity` is a finished identity; `SopIdentityDraft` is what a penyusun has filled so far (every
// field optional), which `missingIdentityFields` checks. Pure (zod only): the lint engine uses it in the browser too.
import { z } from 'zod';
import { REQUIRED_IDENTITY_FIELDS } from './identity-fields';

/** SOP dates lie in this range: an SOP AP is a 21st-century document (PermenPANRB 35/2012), and a year such as 1900 or
 * 9999 is a typing error that would print on a signed SOP. */
export const SOP_DATE_MIN = '2000-01-01';
export const SOP_DATE_MAX = '2099-12-31';
const DATE_MESSAGE = `Tanggal ditulis TTTT-BB-HH, antara ${SOP_DATE_MIN} dan ${SOP_DATE_MAX}`;

const isIsoDate = (value: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value) && value >= SOP_DATE_MIN && value <= SOP_DATE_MAX;
};

/** Field lengths of the identity (docs/security.md): a name or number, a paragraph, a list's items and their count. */
export const IDENTITY_LIMITS = { short: 200, title: 500, paragraph: 5000, item: 500, items: 30 } as const;
/** An integer grouped as toLocaleString('id-ID') writes it (5.000), without initialising ICU's number formats at import. */
const grouped = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
const max = (n: number) => [n, `Paling banyak ${grouped(n)} karakter`] as const;
const maxItems = [IDENTITY_LIMITS.items, `Paling banyak ${IDENTITY_LIMITS.items} butir`] as const;

/** A date as YYYY-MM-DD. */
export const SopDate = z.string().trim().max(10, DATE_MESSAGE).refine(isIsoDate, DATE_MESSAGE);
/** NIP of a civil servant: 18 digits, spaces allowed as it is usually printed ("19700101 199503 1 001"). */
export const Nip = z.string().trim().max(40, 'NIP terdiri atas 18 angka').refine((value) => /^\d{18}$/.test(value.replace(/\s+/g, '')), 'NIP terdiri atas 18 angka');
const Text = z.string().trim().min(1).max(...max(IDENTITY_LIMITS.short));
const Title = z.string().trim().min(1).max(...max(IDENTITY_LIMITS.title));
const Paragraph = z.string().trim().min(1).max(...max(IDENTITY_LIMITS.paragraph));
const TextList = z.array(z.string().trim().min(1).max(...max(IDENTITY_LIMITS.item))).max(...maxItems);

/** The competent official who signs the SOP (Disahkan oleh). */
export const SopOfficial = z.strictObject({ jabatan: Text, nama: Text, pangkat: Text, nip: Nip });
export type SopOfficial = z.infer<typeof SopOfficial>;

export const SopIdentity = z.strictObject({
  /** Per the unit's tata naskah dinas, e.g. "070/ /35.07.25/2017", "SOP/PEMB/B/01". */
  nomor: Text,
  tanggalPembuatan: SopDate,
  /** The date of the revision, or the planned review date; absent on a first issue ("-"). */
  tanggalRevisi: SopDate.optional(),
  /** Equals the signing date: absent until the SOP is signed. */
  tanggalEfektif: SopDate.optional(),
  disahkanOleh: SopOfficial,
  namaSop: Title,
  /** The regulations it rests on, in order. */
  dasarHukum: TextList.min(1),
  /** Related SOPs; may be empty. */
  keterkaitan: TextList,
  /** What happens if it is not followed. */
  peringatan: Paragraph,
  /** The competence each performer needs. */
  kualifikasiPelaksana: TextList.min(1),
  /** Peralatan / perlengkapan. */
  peralatan: TextList.min(1),
  /** Pencatatan dan pendataan: what each performer records. */
  pencatatan: TextList.min(1),
});
export type SopIdentity = z.infer<typeof SopIdentity>;

/** Empty strings and lists are allowed while drafting: they count as not yet filled. */
const DraftText = z.string().trim().max(...max(IDENTITY_LIMITS.short));
const DraftTitle = z.string().trim().max(...max(IDENTITY_LIMITS.title));
const DraftParagraph = z.string().trim().max(...max(IDENTITY_LIMITS.paragraph));
const DraftDate = z.string().trim().max(10, DATE_MESSAGE).refine((value) => value === '' || isIsoDate(value), DATE_MESSAGE);
const DraftList = z.array(z.string().trim().max(...max(IDENTITY_LIMITS.item))).max(...maxItems);

export const SopIdentityDraft = z.strictObject({
  nomor: DraftText.optional(),
  tanggalPembuatan: DraftDate.optional(),
  tanggalRevisi: DraftDate.optional(),
  tanggalEfektif: DraftDate.optional(),
  disahkanOleh: z
    .strictObject({
      jabatan: DraftText.optional(),
      nama: DraftText.optional(),
      pangkat: DraftText.optional(),
      nip: z.string().trim().max(40, 'NIP terdiri atas 18 angka').refine((value) => value === '' || /^\d{18}$/.test(value.replace(/\s+/g, '')), 'NIP terdiri atas 18 angka').optional(),
    })
    .optional(),
  namaSop: DraftTitle.optional(),
  dasarHukum: DraftList.optional(),
  keterkaitan: DraftList.optional(),
  peringatan: DraftParagraph.optional(),
  kualifikasiPelaksana: DraftList.optional(),
  peralatan: DraftList.optional(),
  pencatatan: DraftList.optional(),
});
export type SopIdentityDraft = z.infer<typeof SopIdentityDraft>;

/**
 * The identity as stored in an SOP record (sop.schema.ts) and carried in a document model: the draft's shape without
 * its lengths and date range, so that a record saved before those limits still opens (a server that refused to start
 * over a long field, or a 1900 date, would wedge the whole data directory). Every input goes through
 * SopIdentityDraft, and the store's size ceiling bounds the record (document-limits.ts).
 */
const isIsoDateFormat = (value: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
};
/** A date as YYYY-MM-DD of any year: the stored form of SopDate. */
export const StoredSopDate = z.string().trim().refine(isIsoDateFormat, 'Tanggal ditulis TTTT-BB-HH');
const StoredText = z.string().trim();
const StoredList = z.array(StoredText);
export const StoredSopIdentityDraft = z.strictObject({
  nomor: StoredText.optional(),
  tanggalPembuatan: StoredText.refine((value) => value === '' || isIsoDateFormat(value), 'Tanggal ditulis TTTT-BB-HH').optional(),
  tanggalRevisi: StoredText.refine((value) => value === '' || isIsoDateFormat(value), 'Tanggal ditulis TTTT-BB-HH').optional(),
  tanggalEfektif: StoredText.refine((value) => value === '' || isIsoDateFormat(value), 'Tanggal ditulis TTTT-BB-HH').optional(),
  disahkanOleh: z
    .strictObject({
      jabatan: StoredText.optional(),
      nama: StoredText.optional(),
      pangkat: StoredText.optional(),
      nip: StoredText.refine((value) => value === '' || /^\d{18}$/.test(value.replace(/\s+/g, '')), 'NIP terdiri atas 18 angka').optional(),
    })
    .optional(),
  namaSop: StoredText.optional(),
  dasarHukum: StoredList.optional(),
  keterkaitan: StoredList.optional(),
  peringatan: StoredText.optional(),
  kualifikasiPelaksana: StoredList.optional(),
  peralatan: StoredList.optional(),
  pencatatan: StoredList.optional(),
}) satisfies z.ZodType<SopIdentityDraft>;

/** Required fields in the order of the SOP's header, with their labels as the SOP prints them (identity-fields.ts). */
export { REQUIRED_IDENTITY_FIELDS };

const isFilled = (value: unknown): boolean =>
  typeof value === 'string' ? value.trim() !== '' : Array.isArray(value) ? value.some(isFilled) : value !== undefined && value !== null;

/** The required fields not yet filled, in header order. */
export function missingIdentityFields(draft: SopIdentityDraft): Array<{ path: string; label: string }> {
  return REQUIRED_IDENTITY_FIELDS.filter((field) => !isFilled(field.read(draft))).map(({ path, label }) => ({ path, label }));
}
