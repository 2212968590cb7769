// mk/decision-binary: a splitting exclusive gateway has exactly two exits labelled as a yes/no answer, because
// the SOP AP flowchart's decision symbol has two exits (docs/rules/mk/decision-binary.md).
import type { RuleFactory } from 'bpmnlint/lib/types';
import { isNo, isYes } from '../answers';

/**
 * Gateways sit in flow element containers (processes, sub-processes) under the definitions: answering false
 * anywhere else spares bpmnlint the walk through the subtree (the diagram with its shapes and waypoints, each task's
 * contents), and the gateways are still visited in document order.
 */
const mayHoldGateways = (node: { $instanceOf?: (type: string) => boolean }) =>
  node.$instanceOf?.('bpmn:Definitions') === true || node.$instanceOf?.('bpmn:FlowElementsContainer') === true;

const decisionBinary: RuleFactory = () => ({
  check(node, reporter) {
    if (!node.$instanceOf?.('bpmn:ExclusiveGateway')) return mayHoldGateways(node) ? undefined : false;
    const outgoing: Array<{ name?: string }> = node.outgoing ?? [];
    if (outgoing.length < 2) return false;
    const name = node.name ? `"${String(node.name).trim()}" ` : '';
    if (outgoing.length !== 2) {
      reporter.report(node.id, `Keputusan ${name}bercabang ke ${outgoing.length} arah; simbol keputusan SOP AP hanya memiliki dua jalan keluar (ya/tidak)`);
      return false;
    }
    const [a, b] = outgoing.map((flow) => flow.name);
    if (!((isYes(a) && isNo(b)) || (isNo(a) && isYes(b)))) {
      reporter.report(node.id, `Kedua jalan keluar keputusan ${name}harus berlabel jawaban ya/tidak, mis. "Ya"/"Tidak", "Sesuai"/"Tidak sesuai", "Setuju"/"Tolak"`);
    }
    return false;
  },
});

export default decisionBinary;
