// mk/assignment-authority: the decision that sets an assignment lies with the Pejabat Penilai Kinerja or the
// Pimpinan Unit Organisasi (JBR Ps 9(5); KLK Ps 7(4); BDG Ps 8(4); GMS Ps 13(4)); under DPS also with the Kepala
// Perangkat Daerah (DPS Ps 8(4)), the Penilai Kinerja staying (DPS Lampiran A.3 huruf a, d: "ditetapkan oleh Pejabat
// Penilai Kinerja bersangkutan atas usulan dari Pimpinan Unit Organisasi") — docs/rules/mk/assignment-authority.md.
import type { RuleFactory } from 'bpmnlint/lib/types';
import { hasRole, type LaneFacts } from '../../map-model/map-model';
import { mapModelOf } from '../map-model-of';

const assignmentAuthority: RuleFactory = (options?: { headOfPerangkatDaerah?: boolean }) => ({
  check(node, reporter) {
    if (!node.$instanceOf?.('bpmn:Definitions')) return;
    const model = mapModelOf(node);
    // Any structural official (Level 1 to 3) is the Penilai Kinerja of the staff below; DPS adds the head of the perangkat daerah.
    const authorised = (lane: LaneFacts) =>
      hasRole(lane, 'PIMPINAN_UNIT') ||
      hasRole(lane, 'PENILAI_KINERJA') ||
      lane.level !== undefined ||
      (options?.headOfPerangkatDaerah === true && lane.jabatan === 'JPT');
    for (const activity of model.activities) {
      if (!activity.kinds.includes('penetapan-penugasan')) continue;
      const lane = model.laneOf(activity.id);
      if (!lane || (!lane.jabatan && !lane.role && lane.level === undefined) || authorised(lane)) continue;
      reporter.report(
        activity.id,
        `Penugasan "${activity.name}" ditetapkan di jalur "${lane.name}"; penugasan ditetapkan oleh ` +
          (options?.headOfPerangkatDaerah ? 'Pejabat Penilai Kinerja, Kepala Perangkat Daerah atau Pimpinan Unit Organisasi' : 'Pejabat Penilai Kinerja atau Pimpinan Unit Organisasi'),
        { inferred: activity.kindsInferred || lane.inferred },
      );
    }
  },
});

export default assignmentAuthority;
