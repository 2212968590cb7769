// mk/review-chain: evaluation climbs one level at a time — results go from the executors to Level 2, which reviews
// before Level 1; in a Setda the Kepala Bagian hands them to the Asisten, who hands them to the Sekretaris Daerah
// (GMS Ps 29(4) huruf a–c, 32(4), 35(4), 38(4) huruf a–b; DPS Lampiran B.1.c). Runs on mekanisme-kerja maps only
// (RULES.md §B) — docs/rules/mk/review-chain.md.
import type { RuleFactory } from 'bpmnlint/lib/types';
import { hasRole, type LaneFacts } from '../../map-model/map-model';
import { firstActivities, flowGraphOf } from '../flow-graph';
import { mapModelOf } from '../map-model-of';

const EXECUTOR_JABATAN = ['FUNGSIONAL', 'PELAKSANA'];
const EXECUTOR_ROLES = ['KETUA_TIM', 'ANGGOTA_TIM'] as const;

/** A lane of those who carry the work out: neither a structural level nor a unit leader. */
const isExecutor = (lane: LaneFacts) =>
  lane.level === undefined &&
  !hasRole(lane, 'PIMPINAN_UNIT') &&
  ([lane.jabatan, ...(lane.jabatanChoices ?? [])].some((j) => j !== undefined && EXECUTOR_JABATAN.includes(j)) ||
    EXECUTOR_ROLES.some((role) => hasRole(lane, role)));

/** In a Setda, the Asisten and the Sekretaris Daerah are both Level 1 (ROLES.md §3); the title tells them apart. */
const isSetda = (lane: LaneFacts) => lane.orgType === 'setda';
const isAsisten = (lane: LaneFacts) => isSetda(lane) && lane.office === 'asisten' && lane.level !== 2 && lane.level !== 3;
const isSekda = (lane: LaneFacts) => isSetda(lane) && lane.office === 'sekretaris-daerah';

const reviewChain: RuleFactory = () => ({
  check(node, reporter) {
    if (!node.$instanceOf?.('bpmn:Definitions')) return;
    const model = mapModelOf(node);
    // RULES.md §B: the stages of the work mechanism are read on maps of the mechanism itself.
    if (model.kind.kind !== 'mekanisme-kerja') return;
    const { next } = flowGraphOf(node);
    const isActivity = (id: string) => model.laneOf(id) !== undefined;
    for (const activity of model.activities) {
      const from = model.laneOf(activity.id);
      if (!from) continue;
      const executor = isExecutor(from);
      if (!executor && from.level !== 2) continue;
      const poolLanes = model.lanes.filter((lane) => lane.poolId === from.poolId);
      const hasLevel2 = poolLanes.some((lane) => lane.level === 2);
      const asisten = poolLanes.find(isAsisten);
      const reached = (next.get(activity.id) ?? []).flatMap((target) => firstActivities(next, target, isActivity));
      for (const targetId of [...new Set(reached)]) {
        const to = model.laneOf(targetId);
        if (!to || to.poolId !== from.poolId || to.id === from.id) continue;
        if (executor && hasLevel2 && to.level === 1 && !hasRole(to, 'PIMPINAN_UNIT')) {
          // Where Level 1 leads the unit itself (a kecamatan's Camat, DPS Lampiran B.4 huruf b angka (6)), results go to it.
          reporter.report(
            targetId,
            `Hasil dari "${from.name}" langsung diserahkan kepada Pejabat Level 1 "${to.name}", melewati Pejabat Level 2; ` +
              'reviu naik satu tingkat: Pejabat Level 2 meninjau lebih dahulu',
            { inferred: from.inferred || to.inferred },
          );
        } else if (!executor && asisten && isSekda(to)) {
          // GMS Ps 29(4) huruf b–c: the Kepala Bagian hands the results to the Asisten, the Asisten to the Sekretaris Daerah.
          reporter.report(
            targetId,
            `Hasil dari "${from.name}" langsung diserahkan kepada "${to.name}", melewati Asisten "${asisten.name}"; ` +
              'pada Sekretariat Daerah Kepala Bagian menyampaikan hasil kepada Asisten untuk ditinjau, lalu Asisten kepada Sekretaris Daerah',
            // The Asisten and the Sekretaris Daerah are told apart by their titles.
            { inferred: true },
          );
        }
      }
    }
  },
});

export default reviewChain;
