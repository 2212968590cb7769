// Profiles as data (RULES.md "Profiles"): the rules in force for each regulation, their severities and citations.
import type { Profile } from '../domain/vocabulary';
import type { Severity } from './findings';

export interface RuleSetting {
  severity: Severity;
  /** Articles that ground the rule under this profile, as users cite them. */
  citations: string[];
  /** Options the rule reads where the regulations differ (bpmnlint passes them to the rule factory). */
  options?: Record<string, unknown>;
}

/** The national core and its citations; the regional profiles differ from it only where their text does. */
const SOP_PERFORMERS = 'PermenPANRB 35/2012 Lampiran, kolom pelaksana SOP AP';
const GMS_KOORDINATOR = 'Perbup Gunung Mas 18/2024 Pasal 40';
const DPS_KOORDINATOR = 'Perwali Denpasar 69/2023 Pasal 25 angka 1';

const NASIONAL: Record<string, RuleSetting> = {
  'mk/lane-role': { severity: 'error', citations: [SOP_PERFORMERS] },
  'mk/activity-performer': { severity: 'error', citations: [SOP_PERFORMERS] },
  'mk/no-koordinator': { severity: 'error', citations: [GMS_KOORDINATOR, DPS_KOORDINATOR] },
  'mk/three-phases': {
    severity: 'error',
    citations: ['Perbup Gunung Mas 18/2024 Pasal 8', 'Perbup Badung 35/2023 Lampiran I BAB II A.1–3', 'Perwali Denpasar 69/2023 Lampiran A.1'],
  },
  'mk/acceptance-by-level1': {
    severity: 'error',
    citations: ['Perbup Gunung Mas 18/2024 Pasal 8 huruf c', 'Perbup Badung 35/2023 Lampiran I BAB II A.3', 'Perwali Denpasar 69/2023 Lampiran A.1'],
  },
  'mk/monitoring': {
    severity: 'warning',
    citations: ['Perbup Gunung Mas 18/2024 Pasal 8 huruf b angka 2', 'Perbup Badung 35/2023 Lampiran I BAB II A.2 huruf b'],
  },
  'mk/results-to-level2': {
    severity: 'error',
    citations: ['Perbup Gunung Mas 18/2024 Pasal 8 huruf b angka 3', 'Perbup Badung 35/2023 Lampiran I BAB II A.2 huruf c'],
  },
  'mk/rework-path': { severity: 'warning', citations: ['Perwali Denpasar 69/2023 Lampiran B.4 huruf c angka (2)'] },
  'mk/planning-steps': {
    severity: 'warning',
    citations: ['Perbup Gunung Mas 18/2024 Pasal 8 huruf a', 'Perwali Denpasar 69/2023 Lampiran B.1.a'],
  },
  'mk/review-chain': {
    severity: 'error',
    citations: ['Perbup Gunung Mas 18/2024 Pasal 29 ayat (4) dan Pasal 38 ayat (4) huruf a–b', 'Perwali Denpasar 69/2023 Lampiran B.1.c'],
  },
  'mk/team-lead-eligible': {
    severity: 'error',
    citations: ['Perbup Badung 35/2023 Lampiran I BAB II B.3 huruf c', 'Perbup Gunung Mas 18/2024 Pasal 16 ayat (3)', 'Perwali Denpasar 69/2023 Pasal 9 ayat (3)'],
  },
  'mk/appraiser-level': {
    severity: 'error',
    citations: [
      'Perbup Jembrana 35/2023 Pasal 1 angka 22',
      'Perbup Klungkung 2/2023 Pasal 1 angka 17',
      'Perbup Badung 35/2023 Pasal 1 angka 12',
      'Perbup Gunung Mas 18/2024 Pasal 1 angka 16',
      'Perwali Denpasar 69/2023 Pasal 1 angka 19',
    ],
  },
  'mk/assignment-authority': {
    severity: 'error',
    citations: ['Perbup Jembrana 35/2023 Pasal 9 ayat (5)', 'Perbup Klungkung 2/2023 Pasal 7 ayat (4)', 'Perbup Badung 35/2023 Pasal 8 ayat (4)', 'Perbup Gunung Mas 18/2024 Pasal 13 ayat (4)'],
  },
  'mk/decision-binary': {
    severity: 'warning',
    citations: ['PermenPANRB 35/2012 Lampiran, simbol keputusan SOP AP'],
  },
};

/**
 * Per profile, the settings that differ from `nasional`. Where a regulation is silent on a rule its profile keeps
 * the national setting, citing the regulations that do state it (RULES.md, Profiles).
 */
const REGIONAL: Record<Exclude<Profile, 'nasional'>, Record<string, RuleSetting>> = {
  jembrana: {},
  klungkung: {},
  badung: { 'mk/three-phases': { severity: 'error', citations: ['Perbup Badung 35/2023 Lampiran I BAB II A.1–3'] } },
  'gunung-mas': {
    'mk/no-koordinator': { severity: 'error', citations: [GMS_KOORDINATOR] },
    // GMS Ps 39: a Pejabat Pengawas may be appointed to coordinate like a team lead.
    'mk/team-lead-eligible': {
      severity: 'error',
      citations: ['Perbup Gunung Mas 18/2024 Pasal 16 ayat (3) dan Pasal 39'],
      options: { allowPengawas: true },
    },
    'mk/three-phases': { severity: 'error', citations: ['Perbup Gunung Mas 18/2024 Pasal 8'] },
  },
  denpasar: {
    'mk/no-koordinator': { severity: 'error', citations: [DPS_KOORDINATOR] },
    // DPS Ps 8(4): the head of the perangkat daerah, not the Penilai Kinerja, sets assignments beside the unit leader.
    'mk/assignment-authority': {
      severity: 'error',
      citations: ['Perwali Denpasar 69/2023 Pasal 8 ayat (4)'],
      options: { headOfPerangkatDaerah: true },
    },
    'mk/three-phases': { severity: 'error', citations: ['Perwali Denpasar 69/2023 Lampiran A.1'] },
  },
};

export function ruleSettings(profile: Profile): Record<string, RuleSetting> {
  return profile === 'nasional' ? NASIONAL : { ...NASIONAL, ...REGIONAL[profile] };
}
