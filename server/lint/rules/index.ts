// Petakerja's rules, a local bpmnlint plugin: rule id (RULES.md) → rule factory. One rule per file.
import type { RuleFactory } from 'bpmnlint/lib/types';
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

export const PLUGIN_RULES: Record<string, RuleFactory> = {
  'mk/lane-role': laneRole,
  'mk/activity-performer': activityPerformer,
  'mk/decision-binary': decisionBinary,
  'mk/no-koordinator': noKoordinator,
  'mk/three-phases': threePhases,
  'mk/acceptance-by-level1': acceptanceByLevel1,
  'mk/monitoring': monitoring,
  'mk/results-to-level2': resultsToLevel2,
  'mk/rework-path': reworkPath,
  'mk/planning-steps': planningSteps,
  'mk/review-chain': reviewChain,
  'mk/team-lead-eligible': teamLeadEligible,
  'mk/appraiser-level': appraiserLevel,
  'mk/assignment-authority': assignmentAuthority,
  'mk/reporting-line': reportingLine,
  'mk/team-lead-origin': teamLeadOrigin,
  'mk/voluntary-scope': voluntaryScope,
  'mk/voluntary-flow': voluntaryFlow,
  'mk/cross-unit-request': crossUnitRequest,
  'mk/request-content': requestContent,
  'mk/request-decision': requestDecision,
  'mk/assignment-letter': assignmentLetter,
  'sop/quality-standard': qualityStandard,
  'sop/identity-complete': identityComplete,
  'sop/activity-verb': activityVerb,
  'sop/duration-total': durationTotal,
};
