// Repository synonyms of the kamus jabatan (issue 14 item 4): the pemda's own lane titles ("Kasir", "Petugas Front
// Office") as the jabatan, role, level or outside party the repository answered for them. Kept in the settings store
// (server/settings/kamus.service.ts), carried by the lint context to the map model.
import { z } from 'zod';
import { JABATAN_CODES, normalizeTitle, ROLE_CODES } from './kamus-jabatan';
import { synonymFor } from './synonym-for';

const answerFields = {
  jabatan: z.enum(JABATAN_CODES).optional(),
  role: z.enum(ROLE_CODES).optional(),
  level: z.union([z.literal(1), z.literal(2), z.literal(3)]).optional(),
  external: z.literal(true).optional(),
};

type AnswerFields = { jabatan?: unknown; role?: unknown; level?: unknown; external?: unknown };
const saysSomething = (a: AnswerFields) => a.jabatan !== undefined || a.role !== undefined || a.level !== undefined || a.external === true;
const externalAlone = (a: AnswerFields) => !(a.external && (a.jabatan !== undefined || a.role !== undefined || a.level !== undefined));
const SAYS_SOMETHING = { message: 'Sebutkan jabatan, peran, level, atau bahwa jalur ini bukan jabatan pemda (external).' };
const EXTERNAL_ALONE = { message: 'Jalur yang bukan jabatan pemda tidak memiliki jabatan, peran, atau level.' };

/** What a repository says of one lane title: at least one of jabatan, role, level, or that it is an outside party. */
export const KamusAnswer = z.strictObject(answerFields).refine(saysSomething, SAYS_SOMETHING).refine(externalAlone, EXTERNAL_ALONE);
export type KamusAnswer = z.infer<typeof KamusAnswer>;

/** A title's name as the user wrote it: 1–120 characters with at least one letter or digit. */
export const KamusName = z
  .string()
  .trim()
  .min(1)
  .max(120)
  .refine((name) => normalizeTitle(name).length > 0, { message: 'Nama jabatan harus memuat huruf atau angka.' });

export const KamusSynonym = z
  .strictObject({ name: KamusName, ...answerFields })
  .refine(saysSomething, SAYS_SOMETHING)
  .refine(externalAlone, EXTERNAL_ALONE);
export type KamusSynonym = z.infer<typeof KamusSynonym>;

/** At most this many synonyms per repository (settings.json stays far below its ceiling). */
export const MAX_SYNONYMS = 2000;

export { synonymFor };

/** The key a synonym is stored under: its normalised name. */
export const synonymKey = (name: string) => normalizeTitle(name);
