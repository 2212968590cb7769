// `--kamus FILE.json` of the lint command: the repository's synonyms of the kamus jabatan, as GET /api/kamus answers
// them (`{ "items": [...] }`) or as a bare array; `--data DIR` reads them from a data directory's settings instead.
import { z } from 'zod';
import { KamusSynonym, MAX_SYNONYMS } from '../lint/map-model/kamus-synonyms';
import { openJsonSettingsStore } from '../store/settings-store';
import { readJsonFile } from './json-file';

const Synonyms = z.array(KamusSynonym).max(MAX_SYNONYMS);
const KamusFile = z.union([z.strictObject({ items: Synonyms }).transform((file) => file.items), Synonyms]);

export function readKamusFile(file: string): Promise<KamusSynonym[]> {
  return readJsonFile(file, 'kamus jabatan', KamusFile);
}

/** The synonyms kept in a data directory (settings.json, through the settings store). */
export async function readKamusOfDataDir(dataDir: string): Promise<KamusSynonym[]> {
  return [...((await openJsonSettingsStore(dataDir)).read().kamus ?? [])];
}
