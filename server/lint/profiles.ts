// Profiles as data (RULES.md "Profiles"): the rules in force for each regulation, their severities and options; the
// articles each profile cites, per organisation type and case, are data in grounds.ts.
import type { Profile } from '../domain/vocabulary';
import type { Severity } from './findings';
import { groundsOf, isGrounded } from './grounds';

export interface RuleSetting {
  severity: Severity;
  /**
   * Every article that grounds the rule under this profile, for any organisation type or case (grounds.ts); a finding
   * cites those of them that apply to its map and case (citationsFor).
   */
  citations: string[];
  /** Options the rule reads where the regulations differ (bpmnlint passes them to the rule factory). */
  options?: Record<string, unknown>;
  /** The severity when an SOP revision is submitted for review (lint stage 'pengajuan'), where RULES.md §E raises it. */
  atSubmission?: Severity;
}

/** A profile's setting of a rule; its citations are data in grounds.ts, per profile, organisation type and case. */
type Setting = Omit<RuleSetting, 'citations'>;

/** The national core; the regional profiles differ from it only where their text does. */
const NASIONAL: Record<string, Setting> = {
  'mk/lane-role': { severity: 'error' },
  'mk/activity-performer': { severity: 'error' },
  'mk/no-koordinator': { severity: 'error' },
  'mk/three-phases': { severity: 'error' },
  'mk/acceptance-by-level1': { severity: 'error' },
  'mk/monitoring': { severity: 'warning' },
  'mk/results-to-level2': { severity: 'error' },
  'mk/rework-path': { severity: 'warning' },
  'mk/planning-steps': { severity: 'warning' },
  'mk/review-chain': { severity: 'error' },
  'mk/team-lead-eligible': { severity: 'error' },
  'mk/appraiser-level': { severity: 'error' },
  'mk/assignment-authority': { severity: 'error' },
  'mk/decision-binary': { severity: 'warning' },
  // Section D, cross-unit hand-offs (mk/request-content only where the text states the contents: badung, gunung-mas).
  'mk/cross-unit-request': { severity: 'error' },
  'mk/request-decision': { severity: 'error' },
  'mk/assignment-letter': { severity: 'error' },
  'mk/reporting-line': { severity: 'error' },
  'mk/team-lead-origin': { severity: 'warning' },
  // Section E, SOP readiness (PermenPANRB 35/2012 on the SOP AP; SOP-FORMAT.md §1–2).
  'sop/quality-standard': { severity: 'warning', atSubmission: 'error' },
  'sop/identity-complete': { severity: 'warning', atSubmission: 'error' },
  'sop/activity-verb': { severity: 'warning' },
  'sop/duration-total': { severity: 'info' },
};

/**
 * Per profile, the settings that differ from `nasional`. Where a regulation is silent on a rule (it has no grounds
 * under that profile in grounds.ts) the rule is not in force under the profile (RULES.md, top paragraph).
 */
const REGIONAL: Record<Exclude<Profile, 'nasional'>, Record<string, Setting>> = {
  jembrana: {
    // JBR Ps 8: some JF sit directly under the Kepala Perangkat Daerah; Ps 11(1): individuals report to the Penilai Kinerja too.
    'mk/reporting-line': {
      severity: 'error',
      options: { kedudukan: 'jembrana', individualToPenilaiKinerja: true },
    },
  },
  klungkung: {},
  badung: {
    // BDG Lampiran I BAB II B.2 huruf b: voluntary applications within one perangkat daerah, and their steps.
    'mk/voluntary-scope': { severity: 'error' },
    'mk/voluntary-flow': { severity: 'warning' },
    // BDG Lampiran I BAB II B.2 huruf a, closing paragraph: the request's minimum contents.
    'mk/request-content': { severity: 'error' },
  },
  'gunung-mas': {
    // GMS Ps 39: a Pejabat Pengawas may be appointed to coordinate like a team lead.
    'mk/team-lead-eligible': {
      severity: 'error',
      options: { allowPengawas: true },
    },
    // GMS Ps 27(2), 30(2), 33(2), 36(2): the kedudukan table; Ps 18(4) huruf e: the Ketua Tim reports to the Penilai Kinerja too.
    'mk/reporting-line': {
      severity: 'error',
      options: { kedudukan: 'gunung-mas', teamLeadToPenilaiKinerja: true },
    },
    // GMS Ps 15: voluntary applications within a unit or across units only, and their steps.
    'mk/voluntary-scope': { severity: 'error' },
    'mk/voluntary-flow': { severity: 'warning' },
    // GMS Ps 14(5): the request's minimum contents.
    'mk/request-content': { severity: 'error' },
  },
  denpasar: {
    // DPS Ps 12(2), (4): reports go to the "Kepala Perangkat Daerah/Pimpinan Unit Organisasi".
    'mk/reporting-line': {
      severity: 'error',
      options: { headOfPerangkatDaerah: true },
    },
    // DPS Lampiran A.4 names only the recipient: "pengajuan sukarela kepada Pimpinan Unit Organisasi".
    'mk/voluntary-flow': { severity: 'warning', options: { crossUnit: false } },
    // DPS Ps 9(4): the team lead rule speaks of teams across perangkat daerah or instansi only.
    'mk/team-lead-origin': { severity: 'warning', options: { beyondPerangkatDaerah: true } },
    // DPS Ps 8(4): the head of the perangkat daerah sets assignments beside the unit leader; Lampiran A.3 huruf d: the
    // Penilai Kinerja "bersangkutan" sets them on the unit leader's proposal, so it stays among those who assign.
    'mk/assignment-authority': {
      severity: 'error',
      options: { headOfPerangkatDaerah: true },
    },
    // DPS Lampiran B names who monitors per organisation type: the Kepala in DPMPTSP/BRIDA (with the JF, under the
    // evaluasi stage), the Camat, the Lurah/Kepala UPTD, the Kepala Puskesmas/Satuan Pendidikan (server/lint/rules/mk/monitoring.ts).
    'mk/monitoring': { severity: 'warning', options: { lampiran: 'denpasar' } },
  },
};

/** The rules in force under a profile: those it sets that its regulation grounds (grounds.ts), with their citations. */
export function ruleSettings(profile: Profile): Record<string, RuleSetting> {
  let inForce = IN_FORCE.get(profile);
  if (!inForce) {
    const settings = profile === 'nasional' ? NASIONAL : { ...NASIONAL, ...REGIONAL[profile] };
    inForce = Object.fromEntries(
      Object.entries(settings)
        .filter(([id]) => isGrounded(id, profile))
        .map(([id, setting]) => [id, { ...setting, citations: [...new Set(groundsOf(id, profile).map((ground) => ground.cite))] }]),
    );
    IN_FORCE.set(profile, inForce);
  }
  return inForce;
}

const IN_FORCE = new Map<Profile, Record<string, RuleSetting>>();
