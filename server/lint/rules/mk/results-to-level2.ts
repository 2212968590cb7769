// mk/results-to-level2: the results of execution reach Level 2 (the Pimpinan Unit Organisasi) before evaluation
// goes further (GMS Ps 8 huruf b angka 3; BDG Lampiran I BAB II A.2 huruf c) — docs/rules/mk/results-to-level2.md.
import type { RuleFactory } from 'bpmnlint/lib/types';
import { distancesFromStart, flowGraphOf } from '../flow-graph';
import { mapModelOf } from '../map-model-of';

const resultsToLevel2: RuleFactory = () => ({
  check(node, reporter) {
    if (!node.$instanceOf?.('bpmn:Definitions')) return;
    const model = mapModelOf(node);
    if (model.kind.kind !== 'mekanisme-kerja') return;
    const owned = model.lanes.filter((lane) => model.performanceOwner === undefined || lane.poolId === model.performanceOwner);
    const isLevel2 = (laneId: string | undefined) => owned.some((l) => l.id === laneId && (l.level === 2 || l.role === 'PIMPINAN_UNIT'));
    // Single-level units (kelurahan, uptd, puskesmas: ROLES.md §3) have no Level 2 to hand results to.
    if (!owned.some((lane) => isLevel2(lane.id))) return;
    const distance = distancesFromStart(flowGraphOf(node));
    const evaluation = model.activities
      .filter((a) => a.phase === 'evaluasi' && distance.has(a.id))
      .sort((a, b) => distance.get(a.id)! - distance.get(b.id)!);
    const first = evaluation[0];
    if (!first || isLevel2(model.laneOf(first.id)?.id)) return;
    const lane = model.laneOf(first.id);
    reporter.report(
      first.id,
      `Evaluasi dimulai oleh ${lane?.name ? `"${lane.name}"` : 'jalur lain'} sebelum hasil pelaksanaan disampaikan kepada Pejabat Level 2 ` +
        '(Pimpinan Unit Organisasi)',
      { inferred: first.inferred || lane?.inferred === true },
    );
  },
});

export default resultsToLevel2;
