// mk/lane-role: every lane of a map that says who does what resolves to a jabatan or role of ROLES.md §1–2, or is an
// outside party, from sk: attributes, the repository's synonyms or the kamus jabatan; unknown names get the kamus's
// suggestions. A lane whose performer nothing declares is reported as a warning at most: the finding rests on its name
// until the user answers (issue 14 item 4); a declared but invalid code stays an error (docs/rules/mk/lane-role.md).
import type { RuleFactory } from 'bpmnlint/lib/types';
import { isProcessBand } from '../../../bpmn/map-kind';
import { isRoleMap, mapModelOf } from '../map-model-of';

const laneRole: RuleFactory = () => ({
  check(node, reporter) {
    if (!node.$instanceOf?.('bpmn:Definitions')) return;
    const model = mapModelOf(node);
    if (!isRoleMap(model)) return;
    for (const lane of model.lanes) {
      if (lane.jabatan || lane.jabatanChoices || lane.role || lane.koordinator || lane.external || isProcessBand(lane.name)) continue;
      const labels = (lane.suggestions ?? []).map((s) => s.label.toLocaleLowerCase('id') === 'bukan jabatan pemda' ? 'bukan jabatan pemda (pihak luar)' : s.label);
      const hint = labels.length ? `; mungkin maksud Anda: ${labels.join(', ')}` : '';
      const name = lane.name.trim() ? `"${lane.name.trim()}"` : 'tanpa nama';
      if (lane.declared) reporter.report(lane.id, `Jalur ${name} menyatakan sk:jabatan/sk:role yang tidak dikenal${hint}`, { inferred: false });
      else reporter.report(lane.id, `Jalur ${name} tidak dikenali sebagai jabatan atau peran${hint}`, { inferred: true, maxSeverity: 'warning' });
    }
  },
});

export default laneRole;
