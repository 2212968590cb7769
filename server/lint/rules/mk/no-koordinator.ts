// mk/no-koordinator: no lane is a koordinator or subkoordinator, assignments revoked when the work system was
// adjusted (GMS Ps 40; DPS Ps 25 angka 1) — docs/rules/mk/no-koordinator.md.
import type { RuleFactory } from 'bpmnlint/lib/types';
import { mapModelOf } from '../map-model-of';

const noKoordinator: RuleFactory = () => ({
  check(node, reporter) {
    if (!node.$instanceOf?.('bpmn:Definitions')) return;
    for (const lane of mapModelOf(node).lanes) {
      if (!lane.koordinator) continue;
      reporter.report(
        lane.id,
        `Jalur "${lane.name}" adalah ${lane.koordinatorKind ?? 'koordinator'}, penugasan yang sudah dicabut; ` +
          'gunakan Ketua Tim atau pejabat Level 2 (Pimpinan Unit Organisasi)',
        { inferred: lane.inferred },
      );
    }
  },
});

export default noKoordinator;
