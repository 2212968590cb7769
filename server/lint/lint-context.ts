// What a lint may know beyond the map: the stage of the SOP revision (drafting or submission for review, RULES.md §E)
// and the SOP's identity. Validated at the API and the CLI; the engine passes it to the sop/* rules as options.
import { z } from 'zod';
import type { Profile } from '../domain/vocabulary';
import { SopIdentityDraft } from '../sop/identity.schema';

export const LintStage = z.enum(['draf', 'pengajuan']);
export type LintStage = z.infer<typeof LintStage>;

export const LintContext = z.strictObject({ stage: LintStage.optional(), sop: SopIdentityDraft.optional() });
export type LintContext = z.infer<typeof LintContext>;

/** What every sop/* rule factory receives, merged over the profile's own options for it. */
export interface SopRuleOptions {
  profile: Profile;
  stage?: LintStage;
  sop?: SopIdentityDraft;
}
