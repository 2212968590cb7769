// Profiles as data (RULES.md "Profiles"): the rules in force for each regulation, their severities and citations.
import type { Profile } from '../domain/vocabulary';
import type { Severity } from './findings';

export interface RuleSetting {
  severity: Severity;
  /** Articles that ground the rule under this profile, as users cite them. */
  citations: string[];
  /** Options the rule reads where the regulations differ (bpmnlint passes them to the rule factory). */
  options?: Record<string, unknown>;
  /** The severity when an SOP revision is submitted for review (lint stage 'pengajuan'), where RULES.md §E raises it. */
  atSubmission?: Severity;
}

/** The national core and its citations; the regional profiles differ from it only where their text does. */
const SOP_PERFORMERS = 'PermenPANRB 35/2012 Lampiran, kolom pelaksana SOP AP';
const SOP_MUTU_BAKU = 'PermenPANRB 35/2012 Lampiran, kolom mutu baku SOP AP';
const GMS_KOORDINATOR = 'Perbup Gunung Mas 18/2024 Pasal 40';
const DPS_KOORDINATOR = 'Perwali Denpasar 69/2023 Pasal 25 angka 1';
// Section D: the surat permohonan pelibatan, its contents, the decision on it and the surat penugasan.
const GMS_REQUEST = 'Perbup Gunung Mas 18/2024 Pasal 14 ayat (3) huruf a dan ayat (4) huruf a–b';
const BDG_REQUEST = 'Perbup Badung 35/2023 Lampiran I BAB II B.2 huruf a angka 2–3';
const GMS_DECISION = 'Perbup Gunung Mas 18/2024 Pasal 14 ayat (3) huruf b, c dan e';
const BDG_DECISION = 'Perbup Badung 35/2023 Lampiran I BAB II B.2 huruf a angka 2 huruf b–c';
const GMS_ASSIGNMENT_LETTER = 'Perbup Gunung Mas 18/2024 Pasal 12 ayat (6), Pasal 14 ayat (3) huruf d dan Pasal 15 ayat (2) huruf c';
const BDG_ASSIGNMENT_LETTER = 'Perbup Badung 35/2023 Lampiran I BAB II B.2';
const DPS_ASSIGNMENT_LETTER = 'Perwali Denpasar 69/2023 Lampiran A.3';
// Section B: the review chain, Level 2 before Level 1; in a Setda Kepala Bagian → Asisten → Sekretaris Daerah.
const REVIEW_CHAIN = [
  'Perbup Gunung Mas 18/2024 Pasal 29 ayat (4) huruf a–c, Pasal 32 ayat (4), Pasal 35 ayat (4) dan Pasal 38 ayat (4) huruf a–b',
  'Perwali Denpasar 69/2023 Lampiran B.1.c',
];

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
  'mk/review-chain': { severity: 'error', citations: REVIEW_CHAIN },
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
  // Section D, cross-unit hand-offs (mk/request-content only where the text states the contents: badung, gunung-mas).
  'mk/cross-unit-request': { severity: 'error', citations: [GMS_REQUEST, BDG_REQUEST] },
  'mk/request-decision': { severity: 'error', citations: [GMS_DECISION, BDG_DECISION] },
  'mk/assignment-letter': { severity: 'error', citations: [GMS_ASSIGNMENT_LETTER, BDG_ASSIGNMENT_LETTER, DPS_ASSIGNMENT_LETTER] },
  'mk/reporting-line': {
    severity: 'error',
    citations: [
      'Perbup Jembrana 35/2023 Pasal 11 ayat (1)–(3)',
      'Perbup Klungkung 2/2023 Pasal 9 dan Pasal 10',
      'Perbup Badung 35/2023 Pasal 10 dan Pasal 11',
      'Perbup Gunung Mas 18/2024 Pasal 19 dan Pasal 20',
      'Perwali Denpasar 69/2023 Pasal 12 ayat (2)–(4)',
    ],
  },
  'mk/team-lead-origin': {
    severity: 'warning',
    citations: [
      'Perbup Jembrana 35/2023 Pasal 10 ayat (3)',
      'Perbup Klungkung 2/2023 Pasal 6 ayat (3)',
      'Perbup Badung 35/2023 Pasal 7 ayat (3)',
      'Perbup Gunung Mas 18/2024 Pasal 12 ayat (8) dan Pasal 16 ayat (4)',
      'Perwali Denpasar 69/2023 Pasal 9 ayat (4)',
    ],
  },
  // Section E, SOP readiness (PermenPANRB 35/2012 on the SOP AP; SOP-FORMAT.md §1–2).
  'sop/quality-standard': { severity: 'warning', atSubmission: 'error', citations: [SOP_MUTU_BAKU] },
  'sop/identity-complete': { severity: 'warning', atSubmission: 'error', citations: ['PermenPANRB 35/2012 Lampiran, unsur identitas SOP AP'] },
  'sop/activity-verb': { severity: 'warning', citations: ['PermenPANRB 35/2012 Lampiran, kolom kegiatan SOP AP'] },
  'sop/duration-total': { severity: 'info', citations: [SOP_MUTU_BAKU] },
};

/**
 * Per profile, the settings that differ from `nasional`. Where a regulation is silent on a rule its profile keeps
 * the national setting, citing the regulations that do state it (RULES.md, Profiles).
 */
const REGIONAL: Record<Exclude<Profile, 'nasional'>, Record<string, RuleSetting>> = {
  jembrana: {
    // JBR Ps 8: some JF sit directly under the Kepala Perangkat Daerah; Ps 11(1): individuals report to the Penilai Kinerja too.
    'mk/reporting-line': {
      severity: 'error',
      citations: ['Perbup Jembrana 35/2023 Pasal 8 dan Pasal 11 ayat (1)–(3)'],
      options: { kedudukan: 'jembrana', individualToPenilaiKinerja: true },
    },
    // JBR Ps 8 huruf a, c–e: some JF (the Inspektorat's auditors among them) sit directly under the Kepala Perangkat Daerah.
    'mk/review-chain': { severity: 'error', citations: [...REVIEW_CHAIN, 'Perbup Jembrana 35/2023 Pasal 8'], options: { kedudukan: 'jembrana' } },
  },
  klungkung: {},
  badung: {
    'mk/three-phases': { severity: 'error', citations: ['Perbup Badung 35/2023 Lampiran I BAB II A.1–3'] },
    // BDG Lampiran I BAB II B.2 huruf b: voluntary applications within one perangkat daerah, and their steps.
    'mk/voluntary-scope': { severity: 'error', citations: ['Perbup Badung 35/2023 Lampiran I BAB II B.2 huruf b'] },
    'mk/voluntary-flow': { severity: 'warning', citations: ['Perbup Badung 35/2023 Lampiran I BAB II B.2 huruf b angka 1–2'] },
    // BDG Lampiran I BAB II B.2: the request's minimum contents (huruf a, closing paragraph) and the surat penugasan.
    // mk/cross-unit-request and mk/request-decision keep the national citations: BDG is silent on lintas instansi.
    'mk/request-content': { severity: 'error', citations: ['Perbup Badung 35/2023 Lampiran I BAB II B.2 huruf a'] },
    'mk/assignment-letter': { severity: 'error', citations: [BDG_ASSIGNMENT_LETTER] },
  },
  'gunung-mas': {
    'mk/no-koordinator': { severity: 'error', citations: [GMS_KOORDINATOR] },
    // GMS Ps 39: a Pejabat Pengawas may be appointed to coordinate like a team lead.
    'mk/team-lead-eligible': {
      severity: 'error',
      citations: ['Perbup Gunung Mas 18/2024 Pasal 16 ayat (3) dan Pasal 39'],
      options: { allowPengawas: true },
    },
    'mk/three-phases': { severity: 'error', citations: ['Perbup Gunung Mas 18/2024 Pasal 8'] },
    // GMS Ps 27(2), 30(2), 33(2), 36(2): the kedudukan table; Ps 18(4) huruf e: the Ketua Tim reports to the Penilai Kinerja too.
    'mk/reporting-line': {
      severity: 'error',
      citations: [
        'Perbup Gunung Mas 18/2024 Pasal 19 dan Pasal 20',
        'Perbup Gunung Mas 18/2024 Pasal 18 ayat (4) huruf e',
        'Perbup Gunung Mas 18/2024 Pasal 27 ayat (2), Pasal 30 ayat (2), Pasal 33 ayat (2) dan Pasal 36 ayat (2)',
      ],
      options: { kedudukan: 'gunung-mas', teamLeadToPenilaiKinerja: true },
    },
    // GMS Ps 15: voluntary applications within a unit or across units only, and their steps.
    'mk/voluntary-scope': { severity: 'error', citations: ['Perbup Gunung Mas 18/2024 Pasal 15 ayat (1)'] },
    'mk/voluntary-flow': { severity: 'warning', citations: ['Perbup Gunung Mas 18/2024 Pasal 15 ayat (2) dan ayat (3)'] },
    // GMS Ps 14(5), 12(6), 15(2) huruf c: the request's minimum contents and the surat penugasan. mk/cross-unit-request
    // and mk/request-decision keep the national citations: GMS Ps 14(1) knows no lintas perangkat daerah (BDG does).
    'mk/request-content': { severity: 'error', citations: ['Perbup Gunung Mas 18/2024 Pasal 14 ayat (5)'] },
    'mk/assignment-letter': { severity: 'error', citations: [GMS_ASSIGNMENT_LETTER] },
  },
  denpasar: {
    // DPS Ps 12(2), (4): reports go to the "Kepala Perangkat Daerah/Pimpinan Unit Organisasi".
    'mk/reporting-line': {
      severity: 'error',
      citations: ['Perwali Denpasar 69/2023 Pasal 12 ayat (2)–(4)'],
      options: { headOfPerangkatDaerah: true },
    },
    // DPS Lampiran A.4 names only the recipient: "pengajuan sukarela kepada Pimpinan Unit Organisasi".
    'mk/voluntary-flow': { severity: 'warning', citations: ['Perwali Denpasar 69/2023 Lampiran A.4'], options: { crossUnit: false } },
    // DPS Ps 9(4): the team lead rule speaks of teams across perangkat daerah or instansi only.
    'mk/team-lead-origin': { severity: 'warning', citations: ['Perwali Denpasar 69/2023 Pasal 9 ayat (4)'], options: { beyondPerangkatDaerah: true } },
    // DPS Ps 16–17: the working calendar the total time is counted in (server/lint/calendar.ts).
    'sop/duration-total': { severity: 'info', citations: [SOP_MUTU_BAKU, 'Perwali Denpasar 69/2023 Pasal 16–17'] },
    'mk/no-koordinator': { severity: 'error', citations: [DPS_KOORDINATOR] },
    // DPS Ps 8(4): the head of the perangkat daerah sets assignments beside the unit leader; Lampiran A.3 huruf d: the
    // Penilai Kinerja "bersangkutan" sets them on the unit leader's proposal, so it stays among those who assign.
    'mk/assignment-authority': {
      severity: 'error',
      citations: ['Perwali Denpasar 69/2023 Pasal 8 ayat (4)', 'Perwali Denpasar 69/2023 Lampiran A.3 huruf d'],
      options: { headOfPerangkatDaerah: true },
    },
    'mk/three-phases': { severity: 'error', citations: ['Perwali Denpasar 69/2023 Lampiran A.1'] },
    // DPS Lampiran B names who monitors per organisation type: the Kepala in DPMPTSP/BRIDA (with the JF, under the
    // evaluasi stage), the Camat, the Lurah/Kepala UPTD, the Kepala Puskesmas/Satuan Pendidikan (server/lint/rules/mk/monitoring.ts).
    'mk/monitoring': {
      severity: 'warning',
      citations: [
        'Perwali Denpasar 69/2023 Lampiran B.1 huruf b angka (5)',
        'Perwali Denpasar 69/2023 Lampiran B.3 huruf c angka (1)',
        'Perwali Denpasar 69/2023 Lampiran B.5 huruf b angka (5)',
      ],
      options: { lampiran: 'denpasar' },
    },
    // DPS Lampiran A.3: "diberikan surat penugasan dan/atau bukti penugasan tertulis lainnya".
    'mk/assignment-letter': { severity: 'error', citations: [DPS_ASSIGNMENT_LETTER] },
  },
};

export function ruleSettings(profile: Profile): Record<string, RuleSetting> {
  return profile === 'nasional' ? NASIONAL : { ...NASIONAL, ...REGIONAL[profile] };
}
