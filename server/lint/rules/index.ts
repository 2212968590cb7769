// Petakerja's rules, a local bpmnlint plugin: rule id (RULES.md) → rule factory. One rule per file.
import type { RuleFactory } from 'bpmnlint/lib/types';
import decisionBinary from './mk/decision-binary';

export const PLUGIN_RULES: Record<string, RuleFactory> = {
  'mk/decision-binary': decisionBinary,
};
