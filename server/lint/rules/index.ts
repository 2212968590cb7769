// Petakerja's rules, a local bpmnlint plugin: rule id (RULES.md) → rule factory. One rule per file.
import type { EnterFn, RuleFactory } from 'bpmnlint/lib/types';
import acceptanceByLevel1 from './mk/acceptance-by-level1';
import activityPerformer from './mk/activity-performer';
import appraiserLevel from './mk/appraiser-level';
import assignmentAuthority from './mk/assignment-authority';
import assignmentLetter from './mk/assignment-letter';
import crossUnitRequest from './mk/cross-unit-request';
import decisionBinary from './mk/decision-binary';
import laneRole from './mk/lane-role';
import monitoring from './mk/monitoring';
import noKoordinator from './mk/no-koordinator';
import planningSteps from './mk/planning-steps';
import reportingLine from './mk/reporting-line';
import requestContent from './mk/request-content';
import requestDecision from './mk/request-decision';
import resultsToLevel2 from './mk/results-to-level2';
import reviewChain from './mk/review-chain';
import reworkPath from './mk/rework-path';
import teamLeadEligible from './mk/team-lead-eligible';
import teamLeadOrigin from './mk/team-lead-origin';
import threePhases from './mk/three-phases';
import voluntaryFlow from './mk/voluntary-flow';
import voluntaryScope from './mk/voluntary-scope';
import activityVerb from './sop/activity-verb';
import durationTotal from './sop/duration-total';
import identityComplete from './sop/identity-complete';
import qualityStandard from './sop/quality-standard';

/**
 * A rule that reads the whole map at its root (bpmn:Definitions) through the map model. bpmnlint walks the tree once
 * per rule and calls `check` on every element; answering `false` at the root spares that walk (bpmnlint
 * lib/traverse.js skips the subtree of an element whose visitor returns false). Rules that look at elements one by
 * one (mk/decision-binary) are registered as they are, and prune the subtrees they have nothing to look at.
 */
function wholeMap(factory: RuleFactory): RuleFactory {
  return (options) => {
    const rule = factory(options);
    const check = rule.check as EnterFn;
    return { ...rule, check: (node, reporter) => (check(node, reporter), false) };
  };
}

export const PLUGIN_RULES: Record<string, RuleFactory> = {
  'mk/lane-role': wholeMap(laneRole),
  'mk/activity-performer': wholeMap(activityPerformer),
  'mk/decision-binary': decisionBinary,
  'mk/no-koordinator': wholeMap(noKoordinator),
  'mk/three-phases': wholeMap(threePhases),
  'mk/acceptance-by-level1': wholeMap(acceptanceByLevel1),
  'mk/monitoring': wholeMap(monitoring),
  'mk/results-to-level2': wholeMap(resultsToLevel2),
  'mk/rework-path': wholeMap(reworkPath),
  'mk/planning-steps': wholeMap(planningSteps),
  'mk/review-chain': wholeMap(reviewChain),
  'mk/team-lead-eligible': wholeMap(teamLeadEligible),
  'mk/appraiser-level': wholeMap(appraiserLevel),
  'mk/assignment-authority': wholeMap(assignmentAuthority),
  'mk/reporting-line': wholeMap(reportingLine),
  'mk/team-lead-origin': wholeMap(teamLeadOrigin),
  'mk/voluntary-scope': wholeMap(voluntaryScope),
  'mk/voluntary-flow': wholeMap(voluntaryFlow),
  'mk/cross-unit-request': wholeMap(crossUnitRequest),
  'mk/request-content': wholeMap(requestContent),
  'mk/request-decision': wholeMap(requestDecision),
  'mk/assignment-letter': wholeMap(assignmentLetter),
  'sop/quality-standard': wholeMap(qualityStandard),
  'sop/identity-complete': wholeMap(identityComplete),
  'sop/activity-verb': wholeMap(activityVerb),
  'sop/duration-total': wholeMap(durationTotal),
};
