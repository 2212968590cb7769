// mk/assignment-authority: the decision that sets an assignment lies with the Pejabat Penilai Kinerja or the
// Pimpinan Unit Organisasi; under DPS with the Kepala Perangkat Daerah or the Pimpinan Unit Organisasi
// (GMS Ps 13(4); DPS Ps 8(4)) — docs/rules/mk/assignment-authority.md.
import type { RuleFactory } from 'bpmnlint/lib/types';
import type { LaneFacts } from '../../map-model/map-model';
import { mapModelOf } from '../map-model-of';

const assignmentAuthority: RuleFactory = (options?: { headOfPerangkatDaerah?: boolean }) => ({
  check(node, reporter) {
    if (!node.$instanceOf?.('bpmn:Definitions')) return;
    const model = mapModelOf(node);
    const authorised = (lane: LaneFacts) =>
      lane.role === 'PIMPINAN_UNIT' ||
      (options?.headOfPerangkatDaerah ? lane.level === 1 || lane.jabatan === 'JPT' : lane.role === 'PENILAI_KINERJA' || lane.level !== undefined);
    for (const activity of model.activities) {
      if (!activity.kinds.includes('penetapan-penugasan')) continue;
      const lane = model.laneOf(activity.id);
      if (!lane || (!lane.jabatan && !lane.role && lane.level === undefined) || authorised(lane)) continue;
      reporter.report(
        activity.id,
        `Penugasan "${activity.name}" ditetapkan di jalur "${lane.name}"; penugasan ditetapkan oleh ` +
          (options?.headOfPerangkatDaerah ? 'Kepala Perangkat Daerah atau Pimpinan Unit Organisasi' : 'Pejabat Penilai Kinerja atau Pimpinan Unit Organisasi'),
        { inferred: activity.kindsInferred || lane.inferred },
      );
    }
  },
});

export default assignmentAuthority;
