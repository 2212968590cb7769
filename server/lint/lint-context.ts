// What a lint may know beyond the map: the stage of the SOP revision (drafting or submission for review, RULES.md §E)
// and the SOP's identity. Validated at the API and the CLI; the engine passes it to the sop/* rules as options.
import { z } from 'zod';
import type { Profile } from '../domain/vocabulary';
import { SopIdentityDraft } from '../sop/identity.schema';
import { KamusSynonym, MAX_SYNONYMS } from './map-model/kamus-synonyms';

export const LintStage = z.enum(['draf', 'pengajuan']);
export type LintStage = z.infer<typeof LintStage>;

export const LintContext = z.strictObject({
  stage: LintStage.optional(),
  sop: SopIdentityDraft.optional(),
  /** The repository's synonyms of the kamus jabatan (kamus-synonyms.ts): lane titles the pemda answered for. */
  synonyms: z.array(KamusSynonym).max(MAX_SYNONYMS).optional(),
});
export type LintContext = z.infer<typeof LintContext>;

/** What every sop/* rule factory receives, merged over the profile's own options for it. */
export interface SopRuleOptions {
  profile: Profile;
  stage?: LintStage;
  sop?: SopIdentityDraft;
}
