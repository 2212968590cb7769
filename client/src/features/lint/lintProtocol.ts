// The messages between the modeller and the lint worker, and the event through which the modeller hears the result.
import type { Profile } from '../../../../server/domain/vocabulary';
import type { LintResult } from '../../../../server/lint/findings';
import type { KamusSynonym } from '../../../../server/lint/map-model/kamus-synonyms';

export type { Profile, LintResult, KamusSynonym };
export type { Finding, Severity } from '../../../../server/lint/findings';

export interface LintRequest {
  id: number;
  xml: string;
  /** Absent: the map's own sk:profile, else the default profile. */
  profile?: Profile;
  /** The repository's synonyms of the kamus jabatan (GET /api/kamus): lane names read as the repository answered them. */
  synonyms?: KamusSynonym[];
}

/** `superseded`: a newer request came before the worker reached this one, which it therefore skipped. */
export type LintResponse = { id: number; result: LintResult } | { id: number; error: { message: string } } | { id: number; superseded: true };

/** Fired on the modeller's event bus whenever a lint starts, finishes or fails. */
export const LINT_CHANGED_EVENT = 'petakerja.lint.changed';

export type LintState =
  | { status: 'pending'; result: LintResult | null }
  | { status: 'done'; result: LintResult }
  | { status: 'failed'; result: LintResult | null; message: string };
