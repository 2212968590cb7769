// Finding a lane name's repository synonym, apart from the synonyms' schemas (kamus-synonyms.ts, which re-exports it):
// the client's lane field uses it, and its entry chunk then builds no schema at boot (issue 16).
import { normalizeTitle } from './kamus-jabatan';
import type { KamusSynonym } from './kamus-synonyms';

/** The synonym whose name is this lane name (compared normalised: case, punctuation and abbreviations aside). */
export function synonymFor(name: string, synonyms: readonly KamusSynonym[] | undefined): KamusSynonym | undefined {
  if (!synonyms?.length) return undefined;
  const wanted = normalizeTitle(name);
  return wanted ? synonyms.find((synonym) => normalizeTitle(synonym.name) === wanted) : undefined;
}
