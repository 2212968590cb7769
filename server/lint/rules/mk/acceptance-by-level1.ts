// mk/acceptance-by-level1: every path to a successful end passes an activity of the Level 1 official of the unit
// owning the performance, who receives and accepts the result (GMS Ps 8 huruf c; BDG Lampiran I BAB II A.3;
// DPS Lampiran A.1) — docs/rules/mk/acceptance-by-level1.md.
import type { RuleFactory } from 'bpmnlint/lib/types';
import { distancesFromStart, flowGraphOf } from '../flow-graph';
import { mapModelOf } from '../map-model-of';

const acceptanceByLevel1: RuleFactory = () => ({
  check(node, reporter) {
    if (!node.$instanceOf?.('bpmn:Definitions')) return;
    const model = mapModelOf(node);
    if (model.kind.kind !== 'mekanisme-kerja') return;
    const ownerLane = (laneId: string | undefined) => {
      const lane = laneId === undefined ? undefined : model.lane(laneId);
      return lane && lane.level === 1 && (model.performanceOwner === undefined || lane.poolId === model.performanceOwner) ? lane : undefined;
    };
    const acceptances = model.activities.filter((a) => (a.phase === undefined || a.phase === 'evaluasi') && ownerLane(model.laneOf(a.id)?.id));
    const inferred = acceptances.some((a) => a.inferred || ownerLane(model.laneOf(a.id)?.id)?.inferred);
    const graph = flowGraphOf(node);
    const reachedWithout = distancesFromStart(graph, new Set(acceptances.map((a) => a.id)));
    for (const end of graph.successfulEnds) {
      if (!reachedWithout.has(end.id!)) continue;
      const name = end.name ? `"${String(end.name).trim()}" ` : '';
      reporter.report(
        end.id!,
        `Akhir ${name}dapat dicapai tanpa kegiatan Pejabat Level 1 unit pemilik kinerja yang menerima hasil; ` +
          'pelaksanaan kegiatan dinyatakan selesai setelah Pejabat Level 1 menerima hasilnya',
        { inferred },
      );
    }
  },
});

export default acceptanceByLevel1;
