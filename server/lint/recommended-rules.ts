// The rules of bpmnlint:recommended, imported one by one so that bundlers (the browser, a Web Worker) include them.
import type { RuleFactory } from 'bpmnlint/lib/types';
import adHocSubProcess from 'bpmnlint/rules/ad-hoc-sub-process';
import conditionalFlows from 'bpmnlint/rules/conditional-flows';
import endEventRequired from 'bpmnlint/rules/end-event-required';
import eventBasedGateway from 'bpmnlint/rules/event-based-gateway';
import eventSubProcessTypedStartEvent from 'bpmnlint/rules/event-sub-process-typed-start-event';
import fakeJoin from 'bpmnlint/rules/fake-join';
import global from 'bpmnlint/rules/global';
import labelRequired from 'bpmnlint/rules/label-required';
import linkEvent from 'bpmnlint/rules/link-event';
import noBpmndi from 'bpmnlint/rules/no-bpmndi';
import noComplexGateway from 'bpmnlint/rules/no-complex-gateway';
import noDisconnected from 'bpmnlint/rules/no-disconnected';
import noDuplicateSequenceFlows from 'bpmnlint/rules/no-duplicate-sequence-flows';
import noGatewayJoinFork from 'bpmnlint/rules/no-gateway-join-fork';
import noImplicitSplit from 'bpmnlint/rules/no-implicit-split';
import noImplicitEnd from 'bpmnlint/rules/no-implicit-end';
import noImplicitStart from 'bpmnlint/rules/no-implicit-start';
import noInclusiveGateway from 'bpmnlint/rules/no-inclusive-gateway';
import noOverlappingElements from 'bpmnlint/rules/no-overlapping-elements';
import singleBlankStartEvent from 'bpmnlint/rules/single-blank-start-event';
import singleEventDefinition from 'bpmnlint/rules/single-event-definition';
import startEventRequired from 'bpmnlint/rules/start-event-required';
import subProcessBlankStartEvent from 'bpmnlint/rules/sub-process-blank-start-event';
import superfluousGateway from 'bpmnlint/rules/superfluous-gateway';
import superfluousLabel from 'bpmnlint/rules/superfluous-label';
import superfluousTermination from 'bpmnlint/rules/superfluous-termination';

/**
 * A sub-process with nothing inside stands for another map in a peta proses or subproses (MAP-TYPES.md: processes
 * drawn as collapsed sub-processes or call activities; docs/hierarchy.md): its steps are in that map, so it needs no
 * start or end event of its own.
 */
function skippingEmptySubProcesses(factory: RuleFactory): RuleFactory {
  return (config?: unknown) => {
    const rule = factory(config);
    const check = rule.check;
    // Both rules check with a plain function; any other form is passed on unchanged.
    if (typeof check !== 'function') return rule;
    return {
      ...rule,
      check(node, reporter) {
        const empty = node.$instanceOf?.('bpmn:SubProcess') && (node.flowElements ?? []).length === 0;
        return empty ? undefined : check(node, reporter);
      },
    };
  };
}

export const RECOMMENDED_RULES: Record<string, RuleFactory> = {
  'ad-hoc-sub-process': adHocSubProcess,
  'conditional-flows': conditionalFlows,
  'end-event-required': skippingEmptySubProcesses(endEventRequired),
  'event-based-gateway': eventBasedGateway,
  'event-sub-process-typed-start-event': eventSubProcessTypedStartEvent,
  'fake-join': fakeJoin,
  'global': global,
  'label-required': labelRequired,
  'link-event': linkEvent,
  'no-bpmndi': noBpmndi,
  'no-complex-gateway': noComplexGateway,
  'no-disconnected': noDisconnected,
  'no-duplicate-sequence-flows': noDuplicateSequenceFlows,
  'no-gateway-join-fork': noGatewayJoinFork,
  'no-implicit-split': noImplicitSplit,
  'no-implicit-end': noImplicitEnd,
  'no-implicit-start': noImplicitStart,
  'no-inclusive-gateway': noInclusiveGateway,
  'no-overlapping-elements': noOverlappingElements,
  'single-blank-start-event': singleBlankStartEvent,
  'single-event-definition': singleEventDefinition,
  'start-event-required': skippingEmptySubProcesses(startEventRequired),
  'sub-process-blank-start-event': subProcessBlankStartEvent,
  'superfluous-gateway': superfluousGateway,
  'superfluous-label': superfluousLabel,
  'superfluous-termination': superfluousTermination,
};

/**
 * For the rules above whose check returns (undefined) unless the element is of some bpmn: types, with nothing done
 * before that test: those types (read one by one in node_modules/bpmnlint/rules; the sub-process wrapper above only
 * asks `$instanceOf('bpmn:SubProcess')` first). On elements of none of them — the diagram's shapes, edges and bounds,
 * documentation, flows for the node rules — they do nothing, and the one-walk linter does not call them there
 * (one-pass-linter.ts `ruleTypes`). Not listed: `global` and `no-bpmndi` (they answer false below the root and are
 * called there only) — nothing to gain.
 */
const NODES = ['bpmn:Activity', 'bpmn:Event'] as const;
export const RECOMMENDED_RULE_TYPES: ReadonlyMap<string, readonly string[]> = new Map<string, readonly string[]>([
  ['ad-hoc-sub-process', ['bpmn:AdHocSubProcess']],
  // isConditionalForking reads `default` and `outgoing`, properties of flow nodes only.
  ['conditional-flows', ['bpmn:FlowNode']],
  ['end-event-required', ['bpmn:Process', 'bpmn:SubProcess']],
  ['event-based-gateway', ['bpmn:EventBasedGateway']],
  ['event-sub-process-typed-start-event', ['bpmn:SubProcess']],
  ['fake-join', NODES],
  // Every branch before the report returns; the report needs one of these.
  ['label-required', ['bpmn:FlowNode', 'bpmn:SequenceFlow', 'bpmn:Participant', 'bpmn:Lane']],
  ['link-event', ['bpmn:FlowElementsContainer']],
  ['no-complex-gateway', ['bpmn:ComplexGateway']],
  ['no-disconnected', ['bpmn:Task', 'bpmn:Gateway', 'bpmn:SubProcess', 'bpmn:Event']],
  ['no-duplicate-sequence-flows', ['bpmn:SequenceFlow']],
  ['no-gateway-join-fork', ['bpmn:Gateway']],
  ['no-implicit-split', NODES],
  ['no-implicit-end', ['bpmn:Event', 'bpmn:Activity', 'bpmn:Gateway']],
  ['no-implicit-start', ['bpmn:Event', 'bpmn:Activity', 'bpmn:Gateway']],
  ['no-inclusive-gateway', ['bpmn:InclusiveGateway']],
  ['no-overlapping-elements', ['bpmn:Definitions']],
  ['single-blank-start-event', ['bpmn:FlowElementsContainer']],
  ['single-event-definition', ['bpmn:Event']],
  ['start-event-required', ['bpmn:Process', 'bpmn:SubProcess']],
  ['sub-process-blank-start-event', ['bpmn:SubProcess']],
  ['superfluous-gateway', ['bpmn:Gateway']],
  ['superfluous-label', ['bpmn:SequenceFlow']],
  ['superfluous-termination', ['bpmn:Process', 'bpmn:SubProcess']],
]);
