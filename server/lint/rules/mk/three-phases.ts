// mk/three-phases: the work mechanism passes perencanaan, pelaksanaan and evaluasi, in that order (GMS Ps 8;
// BDG Lampiran I BAB II A.1–3; DPS Lampiran A.1) — docs/rules/mk/three-phases.md.
import type { ModdleElement } from 'bpmn-moddle';
import type { RuleFactory } from 'bpmnlint/lib/types';
import { allElements } from '../../../bpmn/moddle';
import { PHASES, type Phase } from '../../map-model/map-model';
import { mapModelOf } from '../map-model-of';

/** Steps from the nearest start event to each element, following sequence and message flows. */
function distancesFromStart(definitions: ModdleElement): Map<string, number> {
  const next = new Map<string, string[]>();
  const starts: string[] = [];
  for (const element of allElements(definitions)) {
    if (element.$instanceOf('bpmn:StartEvent') && element.$parent?.$instanceOf('bpmn:Process')) starts.push(element.id!);
    if (element.$instanceOf('bpmn:SequenceFlow') || element.$instanceOf('bpmn:MessageFlow')) {
      const source = (element.get('sourceRef') as ModdleElement | undefined)?.id;
      const target = (element.get('targetRef') as ModdleElement | undefined)?.id;
      if (source && target) next.set(source, [...(next.get(source) ?? []), target]);
    }
  }
  const distance = new Map(starts.map((id) => [id, 0]));
  const queue = [...starts];
  while (queue.length > 0) {
    const id = queue.shift()!;
    for (const target of next.get(id) ?? []) {
      if (distance.has(target)) continue;
      distance.set(target, distance.get(id)! + 1);
      queue.push(target);
    }
  }
  return distance;
}

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
    const distance = distancesFromStart(node);
    const firstReached = (phase: Phase) => Math.min(...phased.filter((a) => a.phase === phase).map((a) => distance.get(a.id) ?? Infinity));
    const [planning, execution, evaluation] = PHASES.map(firstReached) as [number, number, number];
    if (!(planning < execution && execution < evaluation)) {
      const order = [...PHASES].sort((a, b) => firstReached(a) - firstReached(b)).join(', lalu ');
      reporter.report(target, `Tahap mekanisme kerja harus berurutan perencanaan, lalu pelaksanaan, lalu evaluasi; di peta ini urutannya ${order}`, { inferred });
    }
  },
});

export default threePhases;
