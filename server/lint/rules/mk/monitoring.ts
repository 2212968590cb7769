// mk/monitoring: the execution stage holds monitoring of progress and feedback by Level 2 and/or the Ketua Tim
// (GMS Ps 8 huruf b angka 2; BDG Lampiran I BAB II A.2 huruf b) — docs/rules/mk/monitoring.md.
import type { RuleFactory } from 'bpmnlint/lib/types';
import { mapModelOf } from '../map-model-of';

const monitoring: RuleFactory = () => ({
  check(node, reporter) {
    if (!node.$instanceOf?.('bpmn:Definitions')) return;
    const model = mapModelOf(node);
    if (model.kind.kind !== 'mekanisme-kerja') return;
    const monitors = model.activities.filter((activity) => {
      if (!activity.kinds.includes('monitoring') || (activity.phase && activity.phase !== 'pelaksanaan')) return false;
      const lane = model.laneOf(activity.id);
      return lane?.level === 2 || lane?.role === 'KETUA_TIM';
    });
    if (monitors.length > 0) return;
    const target = model.performanceOwner ?? model.pools[0]?.id ?? model.activities[0]?.id;
    if (!target) return;
    reporter.report(
      target,
      'Tahap pelaksanaan belum memuat monitoring perkembangan dan pemberian umpan balik oleh Pejabat Level 2 atau Ketua Tim',
      { inferred: true },
    );
  },
});

export default monitoring;
