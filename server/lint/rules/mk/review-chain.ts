// mk/review-chain: evaluation climbs one level at a time — results go from the executors to Level 2, which reviews
// before Level 1 (GMS Ps 29(4), 38(4) huruf a–b; DPS Lampiran B.1.c) — docs/rules/mk/review-chain.md.
import type { RuleFactory } from 'bpmnlint/lib/types';
import type { LaneFacts } from '../../map-model/map-model';
import { firstActivities, flowGraphOf } from '../flow-graph';
import { mapModelOf } from '../map-model-of';

const EXECUTOR_JABATAN = ['FUNGSIONAL', 'PELAKSANA'];
const EXECUTOR_ROLES = ['KETUA_TIM', 'ANGGOTA_TIM'];

/** A lane of those who carry the work out: neither a structural level nor a unit leader. */
const isExecutor = (lane: LaneFacts) =>
  lane.level === undefined &&
  lane.role !== 'PIMPINAN_UNIT' &&
  ([lane.jabatan, ...(lane.jabatanChoices ?? [])].some((j) => j !== undefined && EXECUTOR_JABATAN.includes(j)) ||
    (lane.role !== undefined && EXECUTOR_ROLES.includes(lane.role)));

const reviewChain: RuleFactory = () => ({
  check(node, reporter) {
    if (!node.$instanceOf?.('bpmn:Definitions')) return;
    const model = mapModelOf(node);
    if (model.kind.kind !== 'mekanisme-kerja' && model.kind.kind !== 'lintas-fungsi') return;
    const { next } = flowGraphOf(node);
    const isActivity = (id: string) => model.laneOf(id) !== undefined;
    for (const activity of model.activities) {
      const from = model.laneOf(activity.id);
      if (!from || !isExecutor(from)) continue;
      const poolLanes = model.lanes.filter((lane) => lane.poolId === from.poolId);
      if (!poolLanes.some((lane) => lane.level === 2)) continue;
      const reached = (next.get(activity.id) ?? []).flatMap((target) => firstActivities(next, target, isActivity));
      for (const targetId of reached) {
        const to = model.laneOf(targetId);
        // Where Level 1 leads the unit itself (a kecamatan's Camat, DPS Lampiran B.4 huruf b angka (6)), results go to it.
        if (to?.level !== 1 || to.poolId !== from.poolId || to.role === 'PIMPINAN_UNIT') continue;
        reporter.report(
          targetId,
          `Hasil dari "${from.name}" langsung diserahkan kepada Pejabat Level 1 "${to.name}", melewati Pejabat Level 2; ` +
            'reviu naik satu tingkat: Pejabat Level 2 meninjau lebih dahulu',
          { inferred: from.inferred || to.inferred },
        );
      }
    }
  },
});

export default reviewChain;
