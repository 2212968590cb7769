// What the linter reports, as the CLI's JSON, the API and the modeller read it.
import { z } from 'zod';
import { Profile } from '../domain/vocabulary';

export const Severity = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof Severity>;

export const Finding = z.object({
  /** `bpmnlint/<name>` for the structural rules, `mk/…` and `sop/…` for ours (RULES.md ids). */
  rule: z.string(),
  severity: Severity,
  /** The BPMN element id, absent for a finding on the whole map. */
  element: z.string().optional(),
  /** In Bahasa Indonesia, ending with the citations in parentheses when the rule has any. */
  message: z.string(),
  citations: z.array(z.string()),
  /** True when the finding relied on names (the kamus jabatan) rather than sk: attributes. */
  inferred: z.boolean(),
});
export type Finding = z.infer<typeof Finding>;

export const LintResult = z.object({ profile: Profile, findings: z.array(Finding) });
export type LintResult = z.infer<typeof LintResult>;
