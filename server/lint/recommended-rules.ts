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
 * The rules above whose check starts by returning (undefined) unless the element is of some bpmn: type, with nothing
 * done before that test (read one by one in node_modules/bpmnlint/rules; the sub-process wrapper above only asks
 * `$instanceOf('bpmn:SubProcess')` first): on the diagram interchange's shapes, edges and bounds they do nothing, and
 * the one-walk linter does not call them there (one-pass-linter.ts `bpmnOnly`). Not listed: `global` and `no-bpmndi`
 * (they answer false below the root and are called there only) — nothing to gain.
 */
export const BPMN_ONLY_RECOMMENDED_RULES: ReadonlySet<string> = new Set([
  'ad-hoc-sub-process',
  'conditional-flows',
  'end-event-required',
  'event-based-gateway',
  'event-sub-process-typed-start-event',
  'fake-join',
  'label-required',
  'link-event',
  'no-complex-gateway',
  'no-disconnected',
  'no-duplicate-sequence-flows',
  'no-gateway-join-fork',
  'no-implicit-split',
  'no-implicit-end',
  'no-implicit-start',
  'no-inclusive-gateway',
  'no-overlapping-elements',
  'single-blank-start-event',
  'single-event-definition',
  'start-event-required',
  'sub-process-blank-start-event',
  'superfluous-gateway',
  'superfluous-label',
  'superfluous-termination',
]);
