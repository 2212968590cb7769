// mk/rework-path: the evaluation decision has a "not as targeted" exit that returns the work to execution for
// adjustment (DPS Lampiran B.4 huruf c angka (2)) — docs/rules/mk/rework-path.md.
import type { ModdleElement } from 'bpmn-moddle';
import type { RuleFactory } from 'bpmnlint/lib/types';
import { flowContent } from '../../map-model/flow-content';
import { isNo } from '../answers';
import { firstActivities, flowGraphOf } from '../flow-graph';
import { mapModelOf } from '../map-model-of';

const reworkPath: RuleFactory = () => ({
  check(node, reporter) {
    if (!node.$instanceOf?.('bpmn:Definitions')) return;
    const model = mapModelOf(node);
    if (model.kind.kind !== 'mekanisme-kerja') return;
    const phaseOf = new Map(model.activities.map((a) => [a.id, a.phase]));
    const decisions = [...flowContent(node).elements].filter(
      (e) =>
        e.$instanceOf('bpmn:ExclusiveGateway') &&
        ((e.get('incoming') as ModdleElement[]) ?? []).some((flow) => phaseOf.get((flow.get('sourceRef') as ModdleElement | undefined)?.id ?? '') === 'evaluasi'),
    );
    const { next } = flowGraphOf(node);
    const returnsToExecution = (decision: ModdleElement) =>
      ((decision.get('outgoing') as ModdleElement[]) ?? []).some((flow) => {
        const target = (flow.get('targetRef') as ModdleElement | undefined)?.id;
        if (!isNo(flow.name) || target === undefined) return false;
        const reached = firstActivities(next, target, (id) => phaseOf.has(id));
        return reached.length > 0 && reached.every((id) => phaseOf.get(id) === 'pelaksanaan');
      });
    if (decisions.some(returnsToExecution)) return;
    const target = decisions[0]?.id ?? model.performanceOwner ?? model.pools[0]?.id;
    if (!target) return;
    reporter.report(
      target,
      decisions.length > 0
        ? 'Keputusan evaluasi tidak memiliki jalan keluar "tidak sesuai" yang mengembalikan hasil kepada pelaksana untuk disesuaikan'
        : 'Tahap evaluasi tidak memiliki keputusan yang mengembalikan hasil yang tidak sesuai target kepada pelaksana untuk disesuaikan',
      { inferred: model.activities.some((a) => a.phase === 'evaluasi' && a.inferred) },
    );
  },
});

export default reworkPath;
