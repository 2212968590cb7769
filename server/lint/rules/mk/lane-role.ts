// mk/lane-role: every lane of a map that says who does what resolves to a jabatan or role of ROLES.md §1–2,
// from sk: attributes or the kamus jabatan; unknown names get the closest known titles (docs/rules/mk/lane-role.md).
import type { RuleFactory } from 'bpmnlint/lib/types';
import { isProcessBand } from '../../../bpmn/map-kind';
import { isRoleMap, mapModelOf } from '../map-model-of';

const laneRole: RuleFactory = () => ({
  check(node, reporter) {
    if (!node.$instanceOf?.('bpmn:Definitions')) return;
    const model = mapModelOf(node);
    if (!isRoleMap(model)) return;
    for (const lane of model.lanes) {
      if (lane.jabatan || lane.jabatanChoices || lane.role || lane.koordinator || isProcessBand(lane.name)) continue;
      const hint = lane.closest?.length ? `; mungkin maksud Anda: ${lane.closest.join(', ')}` : '';
      const name = lane.name.trim() ? `"${lane.name.trim()}"` : 'tanpa nama';
      reporter.report(lane.id, `Jalur ${name} tidak dikenali sebagai jabatan atau peran${hint}`, { inferred: true });
    }
  },
});

export default laneRole;
