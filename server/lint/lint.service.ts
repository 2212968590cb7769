// Lints BPMN XML under the profile asked for, else the map's sk:profile, else the repository default, in a lint
// context (stage of the SOP revision, its identity) when one is given.
import { parseBpmn } from '../bpmn/moddle';
import { DEFAULT_PROFILE, Profile } from '../domain/vocabulary';
import { lintDefinitions } from './engine';
import type { LintResult } from './findings';
import type { LintContext } from './lint-context';

/**
 * `context` (stage, SOP identity) is passed to the engine as is; without it the lint is a plain draft lint.
 * `ownWriting`: the XML is moddle's own writing of a model in memory (see parseBpmn).
 */
export async function lintXml(xml: string, profile?: Profile, repositoryDefault: Profile = DEFAULT_PROFILE, context?: LintContext, { ownWriting = false } = {}): Promise<LintResult> {
  const { definitions } = await parseBpmn(xml, undefined, { ownWriting });
  const declared = Profile.safeParse(definitions.get('sk:profile'));
  const chosen = profile ?? (declared.success ? declared.data : repositoryDefault);
  return { profile: chosen, findings: await lintDefinitions(definitions, chosen, context) };
}

export function summarise(findings: Array<{ severity: string }>) {
  return {
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
    infos: findings.filter((f) => f.severity === 'info').length,
  };
}
