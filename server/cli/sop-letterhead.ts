// `--letterhead kop.json` of the sop command: the kop printed in the SOP's identity box (SOP-FORMAT.md §1: logo and
// the names of the pemda, the unit and its sub-unit), as the organisation bureau sets it per unit on the server
// (server/sop/letterhead.schema.ts). The logo is a data: URL or the path of a PNG, JPEG or SVG file, relative to the
// JSON file. A bad file is a usage error (exit 2) with a message in Bahasa Indonesia.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { Letterhead, LogoDataUrl, MAX_LOGO_BYTES } from '../sop/letterhead.schema';
import { readJsonFile } from './json-file';
import { UsageError } from './usage';

const KEYS = ['pemda', 'unit', 'subUnit', 'logo'] as const;
const Text = z.string({ error: 'harus berupa teks' }).trim().max(200, 'paling banyak 200 karakter');

/** kop.json as written by hand: the names, and the logo as a data: URL or a file path. */
export const LetterheadFile = z.strictObject(
  { pemda: Text.optional(), unit: Text.optional(), subUnit: Text.optional(), logo: z.string({ error: 'harus berupa teks' }).trim().min(1, 'tidak boleh kosong').optional() },
  { error: (issue) => (issue.code === 'invalid_type' ? 'harus berupa objek JSON, misalnya {"pemda": "Pemerintah Kabupaten …"}' : undefined) },
);

const IMAGE_TYPES: ReadonlyArray<[string, (bytes: Buffer) => boolean]> = [
  ['image/png', (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))],
  ['image/jpeg', (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff],
  ['image/svg+xml', (b) => /<svg[\s>]/.test(b.subarray(0, 4096).toString('utf8'))],
];

/** Unknown keys are named beside the keys kop.json knows. */
const describeIssue = (issue: z.core.$ZodIssue) =>
  issue.code === 'unrecognized_keys' ? `kunci tidak dikenal: ${issue.keys.join(', ')} (yang dikenal: ${KEYS.join(', ')})` : undefined;

/** The logo as a data: URL: as written, or read from its file and typed by its content. */
async function logoDataUrl(logo: string, file: string): Promise<string> {
  if (/^data:/i.test(logo)) return logo;
  const where = path.resolve(path.dirname(file), logo);
  const bytes = await readFile(where).catch(() => {
    throw new UsageError(`Berkas logo pada kop ${file} tidak dapat dibaca: ${where}`);
  });
  if (bytes.length > MAX_LOGO_BYTES) throw new UsageError(`Logo ${where} terlalu besar (${Math.ceil(bytes.length / 1024)} KB); paling besar ${MAX_LOGO_BYTES / 1024} KB.`);
  const type = IMAGE_TYPES.find(([, matches]) => matches(bytes))?.[0];
  if (!type) throw new UsageError(`Logo ${where} bukan gambar PNG, JPEG atau SVG.`);
  return `data:${type};base64,${bytes.toString('base64')}`;
}

/** The letterhead of --letterhead: a JSON file of pemda, unit, subUnit and logo, validated. */
export async function readLetterhead(file: string): Promise<Letterhead> {
  const { logo, ...names } = await readJsonFile(file, 'kop SOP', LetterheadFile, describeIssue);
  const letterhead: Letterhead = { ...names };
  if (logo !== undefined) {
    const url = await logoDataUrl(logo, file);
    const checked = LogoDataUrl.safeParse(url);
    if (!checked.success) throw new UsageError(`Logo pada kop ${file} tidak sah: ${checked.error.issues.map((issue) => issue.message).join('; ')}`);
    letterhead.logoDataUrl = checked.data;
  }
  return Letterhead.parse(letterhead);
}
