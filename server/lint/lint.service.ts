// Lints BPMN XML under the profile asked for, else the map's sk:profile, else the repository default.
import { parseBpmn } from '../bpmn/moddle';
import { DEFAULT_PROFILE, Profile } from '../domain/vocabulary';
import { lintDefinitions } from './engine';
import type { LintResult } from './findings';

export async function lintXml(xml: string, profile?: Profile, repositoryDefault: Profile = DEFAULT_PROFILE): Promise<LintResult> {
  const { definitions } = await parseBpmn(xml);
  const declared = Profile.safeParse(definitions.get('sk:profile'));
  const chosen = profile ?? (declared.success ? declared.data : repositoryDefault);
  return { profile: chosen, findings: await lintDefinitions(definitions, chosen) };
}

export function summarise(findings: Array<{ severity: string }>) {
  return {
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
    infos: findings.filter((f) => f.severity === 'info').length,
  };
}
