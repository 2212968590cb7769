// The letterhead printed in an SOP's identity box, set per unit by the organisation bureau: the names of the pemda,
// the unit and its sub-unit, and a small logo as a data: URL (PNG, JPEG or SVG).
import { z } from 'zod';

/** The logo's decoded size at most; it is embedded in every SOP page and PDF. */
export const MAX_LOGO_BYTES = 200 * 1024;
const LOGO_URL = /^data:image\/(png|jpeg|svg\+xml);base64,([A-Za-z0-9+/]+={0,2})$/;

function logoProblem(url: string): string | undefined {
  const match = LOGO_URL.exec(url);
  if (!match) return 'Logo harus berupa data URL base64 bergambar PNG, JPEG atau SVG.';
  const bytes = Buffer.from(match[2]!, 'base64');
  if (bytes.length > MAX_LOGO_BYTES) return `Logo terlalu besar (${Math.ceil(bytes.length / 1024)} KB); paling besar ${MAX_LOGO_BYTES / 1024} KB.`;
  const kind = match[1];
  const isPng = bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const isJpeg = bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
  const isSvg = /<svg[\s>]/.test(bytes.subarray(0, 4096).toString('utf8'));
  if ((kind === 'png' && !isPng) || (kind === 'jpeg' && !isJpeg) || (kind === 'svg+xml' && !isSvg)) {
    return `Isi logo bukan gambar ${kind === 'svg+xml' ? 'SVG' : kind.toUpperCase()} yang sah.`;
  }
  return undefined;
}

/** The longest data: URL a logo of MAX_LOGO_BYTES can be: its base64 and the longest prefix. */
export const MAX_LOGO_URL_CHARS = Math.ceil(MAX_LOGO_BYTES / 3) * 4 + 'data:image/svg+xml;base64,'.length;

export const LogoDataUrl = z
  .string()
  .max(MAX_LOGO_URL_CHARS, `Logo terlalu besar; paling besar ${MAX_LOGO_BYTES / 1024} KB.`)
  .superRefine((url, ctx) => {
  const problem = logoProblem(url);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

const Name = z.string().trim().max(200, 'Paling banyak 200 karakter');

/** What a unit's SOPs print at the top left of the identity box. */
export const Letterhead = z.strictObject({
  /** e.g. "Pemerintah Kota Denpasar". */
  pemda: Name.optional(),
  /** e.g. "Dinas Kesehatan". */
  unit: Name.optional(),
  /** e.g. "Bidang Pelayanan Kesehatan". */
  subUnit: Name.optional(),
  logoDataUrl: LogoDataUrl.optional(),
});
export type Letterhead = z.infer<typeof Letterhead>;

/** A stored letterhead, with the unit it belongs to as written when it was saved. */
export const StoredLetterhead = z.strictObject({
  unit: z.string().min(1).max(200),
  letterhead: Letterhead,
  updatedAt: z.iso.datetime(),
  updatedBy: z.string().min(1).max(200),
});
export type StoredLetterhead = z.infer<typeof StoredLetterhead>;

/**
 * Letterheads by unit key. Any unit name is a key, `__proto__` and `constructor` too: the entries are validated as a
 * list and rebuilt as own properties of a prototype-less object (a zod record assigns them, and assigning `__proto__`
 * replaces the prototype instead of keeping the entry, so that unit lost its letterhead on every restart).
 */
const UnitsRecord = z.preprocess(
  (units) => (units !== null && typeof units === 'object' && !Array.isArray(units) ? Object.entries(units) : units),
  z
    .array(z.tuple([z.string().max(200), StoredLetterhead]))
    .transform((entries) => Object.assign(Object.create(null) as Record<string, StoredLetterhead>, Object.fromEntries(entries))),
);

/** The embedded store's one document of letterheads, keyed by the unit's name folded (see unitKey). */
export const LetterheadsDocument = z.strictObject({
  format: z.literal('petakerja-letterheads'),
  version: z.literal(1),
  units: UnitsRecord,
});
export type LetterheadsDocument = z.infer<typeof LetterheadsDocument>;

/** Units are compared as maps' units are (permissions.ts, sameUnit): trimmed, case-insensitive. */
export const unitKey = (unit: string) => unit.trim().toLocaleLowerCase('id');

export const UnitParams = z.object({ unit: z.string().trim().min(1, 'Nama unit wajib diisi.').max(200) });
