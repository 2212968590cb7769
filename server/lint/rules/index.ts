// Petakerja's rules, a local bpmnlint plugin: rule id (RULES.md) → rule factory. One rule per file.
import type { RuleFactory } from 'bpmnlint/lib/types';
import acceptanceByLevel1 from './mk/acceptance-by-level1';
import activityPerformer from './mk/activity-performer';
import appraiserLevel from './mk/appraiser-level';
import assignmentAuthority from './mk/assignment-authority';
import decisionBinary from './mk/decision-binary';
import laneRole from './mk/lane-role';
import monitoring from './mk/monitoring';
import noKoordinator from './mk/no-koordinator';
import planningSteps from './mk/planning-steps';
import resultsToLevel2 from './mk/results-to-level2';
import reviewChain from './mk/review-chain';
import reworkPath from './mk/rework-path';
import teamLeadEligible from './mk/team-lead-eligible';
import threePhases from './mk/three-phases';

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
};
