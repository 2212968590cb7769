// Lints a parsed BPMN map under a profile: bpmnlint's recommended structural rules plus our plugin, through a
// static resolver, so that the same code runs on the server, in the CLI and in the browser (no Node or DOM APIs).
import recommended from 'bpmnlint/config/recommended';
import StaticResolver from 'bpmnlint/lib/resolver/static-resolver';
import type { Config } from 'bpmnlint/lib/types';
import type { ModdleElement } from 'bpmn-moddle';
import { id as INDONESIAN } from '../domain/translations-id';
import type { Profile } from '../domain/vocabulary';
import type { OrgType } from './map-model/levels';
import { completeFlowReferences } from './complete-flow-references';
import type { Finding, Severity } from './findings';
import type { LintContext, SopRuleOptions } from './lint-context';
import { citationsFor } from './grounds';
import { DEFAULT_ORG_TYPE } from './map-model/map-model';
import { ruleSettings, type RuleSetting } from './profiles';
import { OnePassLinter } from './one-pass-linter';
import { mapModelOf, useKamusSynonyms } from './rules/map-model-of';
import { RECOMMENDED_RULE_TYPES, RECOMMENDED_RULES } from './recommended-rules';
import { PLUGIN_RULES } from './rules';

/** bpmnlint resolves a rule `mk/x` from the package `bpmnlint-plugin-mk`, and `x` from `bpmnlint`. */
export const ruleResolver = new StaticResolver({
  ...Object.fromEntries(Object.entries(RECOMMENDED_RULES).map(([name, rule]) => [`rule:bpmnlint/${name}`, rule])),
  ...Object.fromEntries(Object.entries(PLUGIN_RULES).map(([id, rule]) => [`rule:bpmnlint-plugin-${id}`, rule])),
});

const TO_CATEGORY: Record<Severity, 'error' | 'warn' | 'info'> = { error: 'error', warning: 'warn', info: 'info' };
const FROM_CATEGORY: Record<string, Severity> = { error: 'error', warn: 'warning', info: 'info', 'rule-error': 'error' };
const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/**
 * The severity of one report: the profile's for the rule, lowered to the report's `maxSeverity` when the rule set one
 * (a report option: a rule caps what it cannot be sure of, e.g. mk/lane-role on a lane known only by its name).
 */
function cappedSeverity(severity: Severity, maxSeverity: unknown): Severity {
  // Looked up in RANK (one entry per Severity) rather than parsed with Severity.safeParse: a map can have thousands of reports.
  const cap = typeof maxSeverity === 'string' && Object.hasOwn(RANK, maxSeverity) ? (maxSeverity as Severity) : undefined;
  return cap !== undefined && RANK[cap] < RANK[severity] ? cap : severity;
}

/** The severity of a rule at the stage linted: at submission ('pengajuan') the profile's `atSubmission`, if any. */
function severityAt(setting: RuleSetting, context: LintContext | undefined): Severity {
  return context?.stage === 'pengajuan' && setting.atSubmission ? setting.atSubmission : setting.severity;
}

/** The options a rule receives: the profile's, and for the sop/* rules the lint context and the profile too. */
function optionsFor(id: string, setting: RuleSetting, profile: Profile, context: LintContext | undefined): Record<string, unknown> | undefined {
  if (!id.startsWith('sop/')) return setting.options;
  const sop: SopRuleOptions = { profile, ...(context?.stage ? { stage: context.stage } : {}), ...(context?.sop ? { sop: context.sop } : {}) };
  return { ...setting.options, ...sop };
}

/** bpmnlint's recommended rules as it configures them, and the profile's rules of ours. */
export function configFor(profile: Profile, context?: LintContext): Config {
  const ours = Object.entries(ruleSettings(profile)).map(([id, setting]) => {
    const options = optionsFor(id, setting, profile, context);
    const category = TO_CATEGORY[severityAt(setting, context)];
    return options ? ([id, [category, options]] as const) : ([id, category] as const);
  });
  return { rules: { ...recommended.rules, ...Object.fromEntries(ours) } };
}

/**
 * Lints `definitions` (completing their flow references first, see complete-flow-references.ts). The context, when
 * given, says the stage ('pengajuan' raises the rules RULES.md makes errors at submission), the SOP identity and the
 * repository's synonyms of the kamus jabatan (lane names are read through them).
 */
export async function lintDefinitions(definitions: ModdleElement, profile: Profile, context?: LintContext): Promise<Finding[]> {
  completeFlowReferences(definitions);
  useKamusSynonyms(definitions, context?.synonyms);
  // A linter per lint: bpmnlint keeps rule instances per linter, and some rules keep state between lints in their
  // factory closure, so a shared linter would carry one map's findings into the next (tried; tests caught it).
  // All rules in one walk of the model (one-pass-linter.ts): the same reports as bpmnlint's Linter, one walk per rule.
  // The recommended rules that look at some types only are not called on elements of other types (recommended-rules.ts).
  const linter = new OnePassLinter({ resolver: ruleResolver, config: configFor(profile, context) }, { ruleTypes: RECOMMENDED_RULE_TYPES });
  const results = await linter.lint(definitions);
  const orgType = mapOrgType(definitions);
  const findings: Finding[] = [];
  for (const [name, reports] of Object.entries(results)) {
    const ours = name in PLUGIN_RULES;
    const rule = ours ? name : `bpmnlint/${name}`;
    for (const report of reports) {
      const failed = report.category === 'rule-error';
      // The articles of the profile on the map's organisation type and the report's case (grounds.ts); where the
      // profile's text says nothing of them, the rule does not report (RULES.md: a silent text does not run the rule).
      const citations = ours ? citationsFor(name, profile, orgType, typeof report.case === 'string' ? report.case : undefined) : [];
      if (ours && !failed && citations.length === 0) continue;
      const message = failed ? `Aturan ${rule} gagal dijalankan pada peta ini: ${report.message}` : (INDONESIAN[report.message] ?? report.message);
      findings.push({
        rule,
        severity: failed ? 'error' : cappedSeverity(FROM_CATEGORY[report.category] ?? 'error', report.maxSeverity),
        ...(report.id ? { element: report.id } : {}),
        message: citations.length > 0 ? `${message} (${citations.join('; ')})` : message,
        citations,
        inferred: report.inferred === true,
      });
    }
  }
  return findings;
}

/** The organisation type whose articles a map's findings cite: its performance owner's pool's, else the model's default. */
export function mapOrgType(definitions: ModdleElement): OrgType {
  try {
    const model = mapModelOf(definitions);
    const owner = model.performanceOwner ? model.pool(model.performanceOwner) : undefined;
    return owner?.orgType ?? DEFAULT_ORG_TYPE;
  } catch {
    // A map the model cannot read: its rules have failed already (rule-error findings), and cite nothing.
    return DEFAULT_ORG_TYPE;
  }
}
