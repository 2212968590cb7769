// The lane's "Jabatan / peran" choice (issue 14 item 4): one select writing sk:jabatan, sk:role or sk:external, with the
// kamus's suggestions for the lane's name first and "Bukan jabatan pemda" for outside parties.
import { readTitle } from '../../../../server/lint/map-model/kamus-jabatan';
import { EXTERNAL_LABEL, suggestionsFor, type LaneSuggestion } from '../../../../server/lint/map-model/kamus-suggestions';
import type { KamusSynonym } from '../../../../server/lint/map-model/kamus-synonyms';
import { synonymFor } from '../../../../server/lint/map-model/synonym-for';
import { JABATAN, ROLES, type SkOption } from './vocabulary';

/** A select option, or a group of them (an optgroup). */
export type PerformerOption = SkOption | { label: string; children: SkOption[] };

export const EXTERNAL_VALUE = 'external';
const EXTERNAL_OPTION: SkOption = { value: EXTERNAL_VALUE, label: `${EXTERNAL_LABEL} (pihak luar)` };

/** The sk: attributes of a lane the choice reads. */
export interface LaneAttributes {
  jabatan?: unknown;
  role?: unknown;
  external?: unknown;
}

const valueOf = (suggestion: LaneSuggestion): string =>
  suggestion.external ? EXTERNAL_VALUE : suggestion.jabatan ? `jabatan:${suggestion.jabatan}` : `role:${suggestion.role}`;

/** The choice the lane's attributes make: an outside party, its jabatan, else its role; '' when none. */
export function performerValue(lane: LaneAttributes): string {
  if (lane.external === true || lane.external === 'true') return EXTERNAL_VALUE;
  if (typeof lane.jabatan === 'string' && lane.jabatan) return `jabatan:${lane.jabatan}`;
  if (typeof lane.role === 'string' && lane.role) return `role:${lane.role.split(/[\s,]+/)[0]}`;
  return '';
}

/** The sk: attributes a choice writes (undefined removes one): an outside party holds no jabatan, role or level. */
export function performerChange(value: string, current: LaneAttributes): Record<string, string | number | boolean | undefined> {
  if (value === EXTERNAL_VALUE) return { 'sk:external': true, 'sk:jabatan': undefined, 'sk:role': undefined, 'sk:level': undefined };
  const [kind, code] = value.split(':') as [string, string | undefined];
  if (kind === 'jabatan' && code) return { 'sk:jabatan': code, 'sk:external': undefined };
  if (kind === 'role' && code) return { 'sk:role': code, 'sk:external': undefined };
  // Emptied: what the choice showed is removed.
  const shown = performerValue(current);
  if (shown === EXTERNAL_VALUE) return { 'sk:external': undefined };
  return shown.startsWith('jabatan:') ? { 'sk:jabatan': undefined } : shown.startsWith('role:') ? { 'sk:role': undefined } : {};
}

/** The import answer a choice makes (`lanes=` of POST /api/import); undefined for no choice. */
export function answerOf(value: string): { jabatan?: string; role?: string; external?: true } | undefined {
  if (value === EXTERNAL_VALUE) return { external: true };
  const [kind, code] = value.split(':') as [string, string | undefined];
  if (kind === 'jabatan' && code) return { jabatan: code };
  if (kind === 'role' && code) return { role: code };
  return undefined;
}

/** Suggestions for the lane's name (none when the kamus or a repository synonym reads it). */
export function laneSuggestions(name: string, synonyms: readonly KamusSynonym[] = []): LaneSuggestion[] {
  if (synonymFor(name, synonyms) || readTitle(name).matched.length > 0) return [];
  return suggestionsFor(name, 3);
}

/** Suggestions first, then "Bukan jabatan pemda", the jabatan and the roles; a value the lists do not know stays shown. */
export function performerOptions(name: string, current: string, synonyms: readonly KamusSynonym[] = [], none = '— Belum ditentukan —'): PerformerOption[] {
  const suggested = laneSuggestions(name, synonyms).map((s) => ({ value: valueOf(s), label: s.external ? EXTERNAL_OPTION.label : s.label }));
  const taken = new Set(suggested.map((s) => s.value));
  const jabatan = JABATAN.filter((o) => !taken.has(`jabatan:${o.value}`)).map((o) => ({ value: `jabatan:${o.value}`, label: o.label }));
  const roles = ROLES.filter((o) => !taken.has(`role:${o.value}`)).map((o) => ({ value: `role:${o.value}`, label: o.label }));
  const all = [...suggested, EXTERNAL_OPTION, ...jabatan, ...roles].map((o) => o.value);
  return [
    { value: '', label: none },
    ...(suggested.length > 0 ? [{ label: 'Saran dari nama jalur', children: suggested }] : []),
    ...(taken.has(EXTERNAL_VALUE) ? [] : [EXTERNAL_OPTION]),
    { label: 'Jabatan', children: jabatan },
    { label: 'Peran', children: roles },
    ...(current && !all.includes(current) ? [{ value: current, label: `${current.replace(/^\w+:/, '')} (tidak dikenal)` }] : []),
  ];
}

const labelOf = (options: SkOption[], value: string | undefined) => options.find((o) => o.value === value)?.label;

/** What the panel says under the choice: how the name was read, or what the kamus suggests. */
export function performerDescription(name: string, lane: LaneAttributes, synonyms: readonly KamusSynonym[] = []): string {
  if (performerValue(lane)) return 'Dinyatakan pada jalur ini (sk:).';
  const synonym = synonymFor(name, synonyms);
  if (synonym) {
    const read = synonym.external ? EXTERNAL_LABEL : (labelOf(JABATAN, synonym.jabatan) ?? labelOf(ROLES, synonym.role) ?? `Level ${synonym.level}`);
    return `Dibaca dari kamus repositori: ${read}.`;
  }
  const reading = readTitle(name);
  const read = labelOf(JABATAN, reading.jabatan) ?? labelOf(ROLES, reading.role);
  if (read) return `Dibaca dari nama jalur: ${read}.`;
  const suggestions = laneSuggestions(name, synonyms);
  if (suggestions.length > 0) return `Nama jalur tidak dikenali kamus jabatan; saran: ${suggestions.map((s) => s.label).join(', ')}.`;
  return 'Nama jalur tidak dikenali kamus jabatan; pilih jabatan atau peran, atau "Bukan jabatan pemda".';
}
