// The pemda of a deployment (issue 18, scope 3): a kabupaten, kota or provinsi owning its own maps, SOPs, review
// records, letterheads, settings, audit and accounts. The embedded store holds exactly one (DEFAULT_PEMDA); the
// PostgreSQL store holds any number in one database, each record carrying its pemda id (docs/storage.md, Many pemda).
import { z } from 'zod';
import { AppError } from '../errors';

export const PemdaId = z
  .string()
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/, 'Id pemda 1–40 karakter: huruf kecil, angka atau tanda hubung, tidak diawali atau diakhiri tanda hubung.');
export type PemdaId = z.infer<typeof PemdaId>;

export const PemdaKind = z.enum(['kabupaten', 'kota', 'provinsi']);
export type PemdaKind = z.infer<typeof PemdaKind>;

export const PEMDA_KIND_LABELS: Record<PemdaKind, string> = { kabupaten: 'Kabupaten', kota: 'Kota', provinsi: 'Provinsi' };

export const PemdaRecord = z.strictObject({
  id: PemdaId,
  name: z.string().trim().min(1).max(200),
  kind: PemdaKind,
  /** The provinsi this kabupaten/kota belongs to (its id); null for a provinsi or when not set. */
  province: PemdaId.nullable(),
  createdAt: z.string(),
});
export type PemdaRecord = z.infer<typeof PemdaRecord>;

export const NewPemda = PemdaRecord.omit({ createdAt: true });
export type NewPemda = z.infer<typeof NewPemda>;

/** The one pemda of the embedded store, and the pemda every record of a store from before issue 18 belongs to. */
export const DEFAULT_PEMDA = 'default';
/** The name of the default pemda until one is given. */
export const DEFAULT_PEMDA_NAME = 'Pemda';

export interface PemdaRegistry {
  list(): Promise<PemdaRecord[]>;
  get(id: string): Promise<PemdaRecord | undefined>;
  /** Refuses a duplicate id (AppError 409 PEMDA_EXISTS) and a province that is not a provinsi (422 PEMDA_PROVINCE_INVALID). */
  add(input: Omit<PemdaRecord, 'createdAt'>): Promise<PemdaRecord>;
}

/**
 * Why pemda `id` cannot be opened in the store at `where` (naming the pemda it holds), or undefined when it is there:
 * the commands that take --pemda say it with their own advice and exit code.
 */
export async function pemdaMissing(pemdas: PemdaRegistry, id: string, where: string): Promise<string | undefined> {
  if (await pemdas.get(id)) return undefined;
  const known = (await pemdas.list()).map((p) => p.id).join(', ');
  return `Pemda "${id}" tidak ada di ${where} (pemda yang ada: ${known})`;
}

export const pemdaNotFound = (id: string) => new AppError(404, 'PEMDA_NOT_FOUND', `Pemda "${id}" tidak ditemukan.`);
export const pemdaExists = (id: string) => new AppError(409, 'PEMDA_EXISTS', `Pemda dengan id "${id}" sudah ada. Pilih id lain.`);
export const pemdaProvinceInvalid = (message: string) => new AppError(422, 'PEMDA_PROVINCE_INVALID', message);
export const embeddedSinglePemda = () =>
  new AppError(409, 'PEMDA_EMBEDDED_SINGLE', 'Penyimpanan bawaan hanya memuat satu pemda; gunakan PostgreSQL untuk beberapa pemda dalam satu pemasangan.');

/** Checks a new pemda's own fields (the store checks its province against the others): a provinsi has no province. */
export function parseNewPemda(input: unknown): NewPemda {
  const parsed = NewPemda.safeParse(input);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new AppError(422, 'PEMDA_INVALID', `Data pemda tidak sah: ${first?.path.join('.') || 'pemda'}: ${first?.message}`);
  }
  if (parsed.data.kind === 'provinsi' && parsed.data.province !== null) throw pemdaProvinceInvalid('Pemda provinsi tidak berinduk ke provinsi lain.');
  return parsed.data;
}
