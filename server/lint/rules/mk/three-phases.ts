// mk/three-phases: the work mechanism passes perencanaan, pelaksanaan and evaluasi, in that order (GMS Ps 8;
// BDG Lampiran I BAB II A.1–3; DPS Lampiran A.1) — docs/rules/mk/three-phases.md.
import type { RuleFactory } from 'bpmnlint/lib/types';
import { PHASES, type Phase } from '../../map-model/map-model';
import { distancesFromStart, flowGraphOf } from '../flow-graph';
import { mapModelOf } from '../map-model-of';

const threePhases: RuleFactory = () => ({
  check(node, reporter) {
    if (!node.$instanceOf?.('bpmn:Definitions')) return;
    const model = mapModelOf(node);
    if (model.kind.kind !== 'mekanisme-kerja') return;
    const phased = model.activities.filter((a) => a.phase);
    const inferred = model.kind.inferred || phased.some((a) => a.inferred);
    const target = model.performanceOwner ?? model.pools[0]?.id ?? model.activities[0]?.id;
    if (!target) return;
    const missing = PHASES.filter((phase) => !phased.some((a) => a.phase === phase));
    if (missing.length > 0) {
      reporter.report(target, `Alur mekanisme kerja belum memuat tahap ${missing.join(', ')}; mekanisme kerja terdiri atas tahap perencanaan, pelaksanaan dan evaluasi`, { inferred });
      return;
    }
    const distance = distancesFromStart(flowGraphOf(node));
    const firstReached = (phase: Phase) => Math.min(...phased.filter((a) => a.phase === phase).map((a) => distance.get(a.id) ?? Infinity));
    const [planning, execution, evaluation] = PHASES.map(firstReached) as [number, number, number];
    if (!(planning < execution && execution < evaluation)) {
      const order = [...PHASES].sort((a, b) => firstReached(a) - firstReached(b)).join(', lalu ');
      reporter.report(target, `Tahap mekanisme kerja harus berurutan perencanaan, lalu pelaksanaan, lalu evaluasi; di peta ini urutannya ${order}`, { inferred });
    }
  },
});

export default threePhases;
