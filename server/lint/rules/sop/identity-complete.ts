// sop/identity-complete: the SOP's identity fields are filled (PermenPANRB 35/2012, SOP AP identity; SOP-FORMAT.md §1)
// — docs/rules/sop/identity-complete.md. The identity comes with the lint context (options.sop); without it the rule
// is silent while drafting and, at submission, says the identity is missing.
import type { RuleFactory } from 'bpmnlint/lib/types';
import { missingIdentityFields } from '../../../sop/identity.schema';
import type { SopRuleOptions } from '../../lint-context';
import { isRoleMap, mapModelOf } from '../map-model-of';
import { mapTarget } from './map-target';

const identityComplete: RuleFactory = (options?: SopRuleOptions) => ({
  check(node, reporter) {
    if (!node.$instanceOf?.('bpmn:Definitions')) return;
    if (!isRoleMap(mapModelOf(node))) return;
    const target = mapTarget(node);
    if (!target) return;
    if (!options?.sop) {
      if (options?.stage === 'pengajuan') reporter.report(target, 'Identitas SOP belum diisi');
      return;
    }
    for (const field of missingIdentityFields(options.sop)) reporter.report(target, `Identitas SOP belum lengkap: ${field.label} belum diisi`);
  },
});

export default identityComplete;
