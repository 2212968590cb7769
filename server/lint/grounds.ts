// The articles that ground each rule, as data: per rule, per profile, the citations with the organisation types
// (ROLES.md §3 orgType) and the cases they are about. A finding cites only the articles of its map's profile (and
// national law) that speak of the map's organisation type and of the finding's case; where a profile's text is
// silent, the rule does not report under it (RULES.md, top paragraph). Pure: runs on the server, CLI and browser.
import type { Profile } from '../domain/vocabulary';
import { ORG_TYPES, type OrgType } from './map-model/levels';

/** One article as users cite it, and what it speaks of; an absent list means every organisation type or case. */
export interface Ground {
  cite: string;
  /** The organisation types the article is about (a chapter or lampiran part for them); absent: a general article. */
  orgTypes?: readonly OrgType[];
  /** The cases of the rule the article is about (the `case` a rule's report carries); absent: every case. */
  cases?: readonly string[];
}

const JBR = 'Perbup Jembrana 35/2023';
const KLK = 'Perbup Klungkung 2/2023';
const BDG = 'Perbup Badung 35/2023';
const GMS = 'Perbup Gunung Mas 18/2024';
const DPS = 'Perwali Denpasar 69/2023';
const BDG_LAMPIRAN = `${BDG} Lampiran I BAB II`;
// BDG Lampiran I BAB II B.2 holds two lists lettered a–f (the assignment's rules, then its two ways): a citation of
// the second names the part's title, which the resolver matches (server/regulations/citations.ts).
const BDG_PENUNJUKAN = `${BDG_LAMPIRAN} B.2 huruf a (Penunjukan)`;
const BDG_SUKARELA = `${BDG_LAMPIRAN} B.2 huruf b (Pengajuan sukarela)`;

/** National law, in force under every profile. */
const SOP_PERFORMERS = 'PermenPANRB 35/2012 Lampiran, kolom pelaksana SOP AP';
const SOP_MUTU_BAKU = 'PermenPANRB 35/2012 Lampiran, kolom mutu baku SOP AP';

// GMS: a chapter of mekanisme kerja per organisation type (BAB V–VIII); GMS has none for the other types, where only
// its general articles (Ps 8, 12–20) speak. A Dinas/Badan chapter covers the DPMPTSP (a dinas) and BRIDA (a badan).
const GMS_SETDA: readonly OrgType[] = ['setda'];
const GMS_SETWAN: readonly OrgType[] = ['setwan'];
const GMS_INSPEKTORAT: readonly OrgType[] = ['inspektorat'];
const GMS_DINAS_BADAN: readonly OrgType[] = ['dinas', 'badan', 'dpmptsp', 'brida'];
// DPS Lampiran B: B.1 Sekretariat Daerah; B.2 perangkat daerah led by a JPT Pratama (its list: Sekretariat DPRD,
// Inspektorat, Badan, RSUD, Dinas, Satpol PP); B.3 DPMPTSP and BRIDA; B.4 Kecamatan; B.5 Kelurahan and UPTD; B.6 UPT
// Puskesmas and Satuan Pendidikan.
const DPS_B1: readonly OrgType[] = ['setda'];
const DPS_B2: readonly OrgType[] = ['setwan', 'inspektorat', 'dinas', 'badan', 'rsud'];
const DPS_B3: readonly OrgType[] = ['dpmptsp', 'brida'];
const DPS_B4: readonly OrgType[] = ['kecamatan'];
const DPS_B5: readonly OrgType[] = ['kelurahan', 'uptd'];
const DPS_B6: readonly OrgType[] = ['puskesmas', 'satuan-pendidikan'];

/** Scopes of a hand-off (ROLES.md §5) as cases of the section D rules. */
const LINTAS_UNIT = 'lintas-unit';
const LINTAS_PD = 'lintas-pd';
const LINTAS_INSTANSI = 'lintas-instansi';
const DALAM_UNIT = 'dalam-unit';
/** mk/cross-unit-request: a request sent by or to the wrong officials, per scope ("pihak:lintas-unit"…). */
const parties = (scope: string) => `pihak:${scope}`;

/** The cases each rule with cases reports, so that tests can walk them. */
export const RULE_CASES: Readonly<Record<string, readonly string[]>> = {
  'mk/cross-unit-request': [LINTAS_UNIT, LINTAS_PD, LINTAS_INSTANSI, parties(LINTAS_UNIT), parties(LINTAS_PD), parties(LINTAS_INSTANSI)],
  'mk/request-content': [LINTAS_UNIT, LINTAS_PD, LINTAS_INSTANSI],
  'mk/request-decision': [LINTAS_UNIT, LINTAS_PD, LINTAS_INSTANSI],
  'mk/voluntary-flow': [DALAM_UNIT, LINTAS_UNIT],
  'mk/team-lead-origin': [LINTAS_UNIT, LINTAS_PD, LINTAS_INSTANSI],
};

const national = (cite: string): Ground[] => [{ cite }];
const general = (...cites: string[]): Ground[] => cites.map((cite) => ({ cite }));
const about = (cite: string, orgTypes: readonly OrgType[]): Ground => ({ cite, orgTypes });
const forCases = (cite: string, cases: readonly string[]): Ground => ({ cite, cases });

/** In force under every profile (national law). */
const everywhere = (grounds: Ground[]): Partial<Record<Profile, Ground[]>> => ({
  nasional: grounds,
  jembrana: grounds,
  klungkung: grounds,
  badung: grounds,
  'gunung-mas': grounds,
  denpasar: grounds,
});

// Section B, stage by stage: each regulation's general text, then its chapter or lampiran part per organisation type.
const THREE_PHASES = {
  badung: general(`${BDG_LAMPIRAN} A.1–3`),
  'gunung-mas': [
    ...general(`${GMS} Pasal 8`),
    about(`${GMS} Pasal 29 ayat (1)`, GMS_SETDA),
    about(`${GMS} Pasal 32 ayat (1)`, GMS_SETWAN),
    about(`${GMS} Pasal 35 ayat (1)`, GMS_INSPEKTORAT),
    about(`${GMS} Pasal 38 ayat (1)`, GMS_DINAS_BADAN),
  ],
  denpasar: general(`${DPS} Lampiran A.1`),
};

const PLANNING_STEPS = {
  badung: general(`${BDG_LAMPIRAN} A.1 huruf a–c`),
  'gunung-mas': [
    ...general(`${GMS} Pasal 8 huruf a`),
    about(`${GMS} Pasal 29 ayat (2)`, GMS_SETDA),
    about(`${GMS} Pasal 32 ayat (2)`, GMS_SETWAN),
    about(`${GMS} Pasal 35 ayat (2)`, GMS_INSPEKTORAT),
    about(`${GMS} Pasal 38 ayat (2)`, GMS_DINAS_BADAN),
  ],
  denpasar: [
    ...general(`${DPS} Lampiran A.1 huruf a angka 1–3`),
    about(`${DPS} Lampiran B.1 huruf a`, DPS_B1),
    about(`${DPS} Lampiran B.2 huruf a`, DPS_B2),
    about(`${DPS} Lampiran B.3 huruf a`, DPS_B3),
    about(`${DPS} Lampiran B.4 huruf a`, DPS_B4),
    about(`${DPS} Lampiran B.5 huruf a`, DPS_B5),
    about(`${DPS} Lampiran B.6 huruf a`, DPS_B6),
  ],
};

const MONITORING = {
  badung: general(`${BDG_LAMPIRAN} A.2 huruf b`),
  'gunung-mas': [
    ...general(`${GMS} Pasal 8 huruf b angka 2`),
    about(`${GMS} Pasal 29 ayat (3) huruf d`, GMS_SETDA),
    about(`${GMS} Pasal 32 ayat (3) huruf c`, GMS_SETWAN),
    about(`${GMS} Pasal 35 ayat (3) huruf c`, GMS_INSPEKTORAT),
    about(`${GMS} Pasal 38 ayat (3) huruf c`, GMS_DINAS_BADAN),
  ],
  denpasar: [
    ...general(`${DPS} Lampiran A.1 huruf b huruf b`),
    about(`${DPS} Lampiran B.1 huruf b angka (5)`, DPS_B1),
    about(`${DPS} Lampiran B.2 huruf b angka (5)`, DPS_B2),
    about(`${DPS} Lampiran B.3 huruf c angka (1)`, DPS_B3),
    about(`${DPS} Lampiran B.4 huruf b angka (5)`, DPS_B4),
    about(`${DPS} Lampiran B.5 huruf b angka (5)`, DPS_B5),
    about(`${DPS} Lampiran B.6 huruf b angka (5)`, DPS_B6),
  ],
};

const RESULTS_TO_LEVEL2 = {
  badung: general(`${BDG_LAMPIRAN} A.2 huruf c`),
  'gunung-mas': [
    ...general(`${GMS} Pasal 8 huruf b angka 3`),
    about(`${GMS} Pasal 29 ayat (3) huruf e`, GMS_SETDA),
    about(`${GMS} Pasal 32 ayat (3) huruf d`, GMS_SETWAN),
    about(`${GMS} Pasal 35 ayat (3) huruf d`, GMS_INSPEKTORAT),
    about(`${GMS} Pasal 38 ayat (3) huruf d`, GMS_DINAS_BADAN),
  ],
  denpasar: [
    ...general(`${DPS} Lampiran A.1 huruf b huruf c`),
    about(`${DPS} Lampiran B.1 huruf b angka (6)`, DPS_B1),
    about(`${DPS} Lampiran B.2 huruf b angka (6)`, DPS_B2),
    about(`${DPS} Lampiran B.3 huruf c angka (2)–(3)`, DPS_B3),
    about(`${DPS} Lampiran B.4 huruf b angka (6)`, DPS_B4),
    about(`${DPS} Lampiran B.5 huruf b angka (6)`, DPS_B5),
    about(`${DPS} Lampiran B.6 huruf b angka (6)`, DPS_B6),
  ],
};

const REVIEW_CHAIN = {
  badung: general(`${BDG_LAMPIRAN} A.3`),
  'gunung-mas': [
    ...general(`${GMS} Pasal 8 huruf c angka 1`),
    about(`${GMS} Pasal 29 ayat (4) huruf a–c`, GMS_SETDA),
    about(`${GMS} Pasal 32 ayat (4) huruf a–b`, GMS_SETWAN),
    about(`${GMS} Pasal 35 ayat (4) huruf a–b`, GMS_INSPEKTORAT),
    about(`${GMS} Pasal 38 ayat (4) huruf a–b`, GMS_DINAS_BADAN),
  ],
  denpasar: [
    ...general(`${DPS} Lampiran A.1 huruf c`),
    about(`${DPS} Lampiran B.1 huruf c angka (1)–(2)`, DPS_B1),
    about(`${DPS} Lampiran B.2 huruf c angka (1)–(2)`, DPS_B2),
    about(`${DPS} Lampiran B.4 huruf c angka (1)`, DPS_B4),
    about(`${DPS} Lampiran B.5 huruf c angka (1)–(2)`, DPS_B5),
    about(`${DPS} Lampiran B.6 huruf c angka (1)–(2)`, DPS_B6),
  ],
};

const ACCEPTANCE_BY_LEVEL1 = {
  badung: general(`${BDG_LAMPIRAN} A.3`),
  'gunung-mas': [
    ...general(`${GMS} Pasal 8 huruf c`),
    about(`${GMS} Pasal 29 ayat (4) huruf d`, GMS_SETDA),
    about(`${GMS} Pasal 32 ayat (4) huruf c`, GMS_SETWAN),
    about(`${GMS} Pasal 35 ayat (4) huruf c`, GMS_INSPEKTORAT),
    about(`${GMS} Pasal 38 ayat (4) huruf c`, GMS_DINAS_BADAN),
  ],
  denpasar: [
    ...general(`${DPS} Lampiran A.1 huruf c`),
    about(`${DPS} Lampiran B.1 huruf c angka (3)`, DPS_B1),
    about(`${DPS} Lampiran B.2 huruf c angka (3)`, DPS_B2),
    about(`${DPS} Lampiran B.4 huruf c angka (3)`, DPS_B4),
    about(`${DPS} Lampiran B.5 huruf c angka (3)`, DPS_B5),
    about(`${DPS} Lampiran B.6 huruf c angka (3)`, DPS_B6),
  ],
};

// Section C.
const REPORTING_LINE = {
  // JBR Ps 8: the kedudukan by organisation type (huruf a–b Dinas, Badan, Setda, Setwan; c investment and research;
  // d Kecamatan, RSU, Kelurahan, UPTD; e Inspektorat; f Pelaksana everywhere).
  jembrana: [
    ...general(`${JBR} Pasal 11 ayat (1)–(3)`, `${JBR} Pasal 8 huruf f`),
    about(`${JBR} Pasal 8 huruf a–b`, ['dinas', 'badan', 'setda', 'setwan']),
    about(`${JBR} Pasal 8 huruf c`, ['dpmptsp', 'brida']),
    about(`${JBR} Pasal 8 huruf d`, ['kecamatan', 'rsud', 'kelurahan', 'uptd']),
    about(`${JBR} Pasal 8 huruf e`, ['inspektorat']),
  ],
  klungkung: general(`${KLK} Pasal 9 dan Pasal 10`),
  badung: general(`${BDG} Pasal 10 dan Pasal 11`),
  // GMS Ps 18(4) huruf e: the Ketua Tim reports to the Penilai Kinerja too; Ps 27(2), 30(2), 33(2), 36(2): kedudukan.
  'gunung-mas': [
    ...general(`${GMS} Pasal 19 dan Pasal 20`, `${GMS} Pasal 18 ayat (4) huruf e`),
    about(`${GMS} Pasal 27 ayat (2)`, GMS_SETDA),
    about(`${GMS} Pasal 30 ayat (2)`, GMS_SETWAN),
    about(`${GMS} Pasal 33 ayat (2)`, GMS_INSPEKTORAT),
    about(`${GMS} Pasal 36 ayat (2)`, GMS_DINAS_BADAN),
  ],
  denpasar: general(`${DPS} Pasal 12 ayat (2)–(4)`),
};

// JBR and KLK name no one who may lead a team but in the articles on its origin and its report: "Pejabat Fungsional
// atau Pejabat Pelaksana yang berperan sebagai ketua tim".
const TEAM_LEAD_ELIGIBLE = {
  jembrana: general(`${JBR} Pasal 10 ayat (3)`, `${JBR} Pasal 11 ayat (3)`),
  klungkung: general(`${KLK} Pasal 6 ayat (3)`, `${KLK} Pasal 10 ayat (2)`),
  badung: general(`${BDG_LAMPIRAN} B.3 huruf c`),
  // GMS Ps 39: a Pejabat Pengawas may be appointed to coordinate like a team lead (the profile's option allowPengawas).
  'gunung-mas': general(`${GMS} Pasal 16 ayat (3)`, `${GMS} Pasal 39`),
  denpasar: general(`${DPS} Pasal 9 ayat (3)`),
};

const APPRAISER_LEVEL = {
  jembrana: general(`${JBR} Pasal 1 angka 22`),
  klungkung: general(`${KLK} Pasal 1 angka 17`),
  badung: general(`${BDG} Pasal 1 angka 12`),
  'gunung-mas': general(`${GMS} Pasal 1 angka 16`),
  denpasar: general(`${DPS} Pasal 1 angka 19`),
};

const ASSIGNMENT_AUTHORITY = {
  jembrana: general(`${JBR} Pasal 9 ayat (5)`),
  klungkung: general(`${KLK} Pasal 7 ayat (4)`),
  badung: general(`${BDG} Pasal 8 ayat (4)`),
  'gunung-mas': general(`${GMS} Pasal 13 ayat (4)`),
  denpasar: general(`${DPS} Pasal 8 ayat (4)`, `${DPS} Lampiran A.3 huruf d`),
};

// Section D. The cases are the scope of the hand-off (ROLES.md §5).
const CROSS_UNIT_REQUEST = {
  badung: [
    forCases(`${BDG_LAMPIRAN} B.2 huruf a angka 2 huruf a`, [LINTAS_UNIT, parties(LINTAS_UNIT)]),
    forCases(`${BDG_LAMPIRAN} B.2 huruf a angka 3 huruf a`, [LINTAS_PD, parties(LINTAS_PD)]),
  ],
  // GMS Ps 14(1) knows no lintas perangkat daerah.
  'gunung-mas': [
    forCases(`${GMS} Pasal 14 ayat (3) huruf a`, [LINTAS_UNIT, parties(LINTAS_UNIT)]),
    forCases(`${GMS} Pasal 14 ayat (4) huruf a–b`, [LINTAS_INSTANSI, parties(LINTAS_INSTANSI)]),
  ],
  // DPS Lampiran B: staff of another perangkat daerah or unit are involved "melalui proses permohonan pelibatan"; it
  // names no sender or receiver.
  denpasar: [
    { cite: `${DPS} Lampiran B.1 huruf a angka (4)`, orgTypes: DPS_B1, cases: [LINTAS_UNIT, LINTAS_PD] },
    { cite: `${DPS} Lampiran B.2 huruf a angka (4)`, orgTypes: DPS_B2, cases: [LINTAS_UNIT, LINTAS_PD] },
    { cite: `${DPS} Lampiran B.3 huruf a angka (4)`, orgTypes: DPS_B3, cases: [LINTAS_UNIT, LINTAS_PD] },
    { cite: `${DPS} Lampiran B.4 huruf a angka (3)`, orgTypes: DPS_B4, cases: [LINTAS_UNIT, LINTAS_PD] },
    { cite: `${DPS} Lampiran B.5 huruf a angka (3)`, orgTypes: DPS_B5, cases: [LINTAS_UNIT, LINTAS_PD] },
    { cite: `${DPS} Lampiran B.6 huruf a angka (4)`, orgTypes: DPS_B6, cases: [LINTAS_UNIT, LINTAS_PD] },
  ],
};

const REQUEST_CONTENT = {
  // The closing paragraph of Penunjukan: requests "lintas unit organisasi atau lintas Perangkat Daerah".
  badung: [forCases(BDG_PENUNJUKAN, [LINTAS_UNIT, LINTAS_PD])],
  // Ps 14(5): the requests of ayat (3) huruf a and ayat (4).
  'gunung-mas': [forCases(`${GMS} Pasal 14 ayat (5)`, [LINTAS_UNIT, LINTAS_INSTANSI])],
};

const REQUEST_DECISION = {
  badung: [
    forCases(`${BDG_LAMPIRAN} B.2 huruf a angka 2 huruf b–c`, [LINTAS_UNIT]),
    forCases(`${BDG_LAMPIRAN} B.2 huruf a angka 3 huruf b–c`, [LINTAS_PD]),
  ],
  'gunung-mas': [forCases(`${GMS} Pasal 14 ayat (3) huruf b, c dan e`, [LINTAS_UNIT]), forCases(`${GMS} Pasal 14 ayat (4) huruf b–d`, [LINTAS_INSTANSI])],
};

const ASSIGNMENT_LETTER = {
  badung: general(`${BDG_LAMPIRAN} B.2`),
  'gunung-mas': general(`${GMS} Pasal 12 ayat (6)`),
  denpasar: general(`${DPS} Lampiran A.3`),
};

const VOLUNTARY_SCOPE = {
  badung: general(BDG_SUKARELA),
  'gunung-mas': general(`${GMS} Pasal 15 ayat (1)`),
};

const VOLUNTARY_FLOW = {
  badung: [forCases(`${BDG_LAMPIRAN} B.2 huruf b angka 1`, [DALAM_UNIT]), forCases(`${BDG_LAMPIRAN} B.2 huruf b angka 2`, [LINTAS_UNIT])],
  'gunung-mas': [forCases(`${GMS} Pasal 15 ayat (2)`, [DALAM_UNIT]), forCases(`${GMS} Pasal 15 ayat (3)`, [LINTAS_UNIT])],
  // DPS Lampiran A.4 names only the recipient: "pengajuan sukarela kepada Pimpinan Unit Organisasi".
  denpasar: general(`${DPS} Lampiran A.4`),
};

const TEAM_LEAD_ORIGIN = {
  jembrana: [forCases(`${JBR} Pasal 10 ayat (3)`, [LINTAS_UNIT, LINTAS_PD])],
  klungkung: [forCases(`${KLK} Pasal 6 ayat (3)`, [LINTAS_UNIT, LINTAS_INSTANSI])],
  badung: [forCases(`${BDG} Pasal 7 ayat (3)`, [LINTAS_UNIT, LINTAS_PD])],
  // Ps 12(8) speaks of every team of ayat (1), whose members may come from any scope of ayat (7); Ps 16(4) of teams
  // across units or instansi.
  'gunung-mas': [...general(`${GMS} Pasal 12 ayat (8)`), forCases(`${GMS} Pasal 16 ayat (4)`, [LINTAS_UNIT, LINTAS_INSTANSI])],
  denpasar: [forCases(`${DPS} Pasal 9 ayat (4)`, [LINTAS_PD, LINTAS_INSTANSI])],
};

type Regional = Partial<Record<Exclude<Profile, 'nasional'>, Ground[]>>;

/**
 * A rule grounded in regional texts: each profile cites its own; `nasional`, the common core, cites every region's
 * text (for the same organisation type and case), or only those of `core` where the national reading is theirs.
 */
const regional = (grounds: Regional, core?: readonly Exclude<Profile, 'nasional'>[]): Partial<Record<Profile, Ground[]>> => {
  const regions = Object.keys(grounds) as Exclude<Profile, 'nasional'>[];
  const nasional = (core ?? regions).flatMap((region) => grounds[region] ?? []);
  return { ...grounds, ...(nasional.length > 0 ? { nasional } : {}) };
};

/** Rule id → profile → the grounds under that profile. A profile missing from a rule's entry has no text for it. */
export const GROUNDS: Readonly<Record<string, Partial<Record<Profile, Ground[]>>>> = {
  'mk/lane-role': everywhere(national(SOP_PERFORMERS)),
  'mk/activity-performer': everywhere(national(SOP_PERFORMERS)),
  'mk/decision-binary': everywhere(national('PermenPANRB 35/2012 Lampiran, simbol keputusan SOP AP')),
  'mk/no-koordinator': regional({ 'gunung-mas': general(`${GMS} Pasal 40`), denpasar: general(`${DPS} Pasal 25 angka 1`) }),
  'mk/three-phases': regional(THREE_PHASES),
  'mk/planning-steps': regional(PLANNING_STEPS),
  'mk/monitoring': regional(MONITORING),
  'mk/results-to-level2': regional(RESULTS_TO_LEVEL2),
  'mk/review-chain': regional(REVIEW_CHAIN),
  'mk/acceptance-by-level1': regional(ACCEPTANCE_BY_LEVEL1),
  // Only the Kecamatan part of DPS (Lampiran B.4) returns results off target to the executors.
  'mk/rework-path': regional({ denpasar: [about(`${DPS} Lampiran B.4 huruf c angka (2)`, DPS_B4)] }),
  'mk/reporting-line': regional(REPORTING_LINE),
  'mk/team-lead-eligible': regional(TEAM_LEAD_ELIGIBLE),
  'mk/appraiser-level': regional(APPRAISER_LEVEL),
  // The national reading (Penilai Kinerja or Pimpinan Unit Organisasi) is that of JBR, KLK, BDG, GMS; DPS adds the head.
  'mk/assignment-authority': regional(ASSIGNMENT_AUTHORITY, ['jembrana', 'klungkung', 'badung', 'gunung-mas']),
  'mk/cross-unit-request': regional(CROSS_UNIT_REQUEST),
  // Not in the national core (RULES.md, Profiles): they rest on what only the BDG and GMS texts say.
  'mk/request-content': regional(REQUEST_CONTENT, []),
  'mk/request-decision': regional(REQUEST_DECISION),
  'mk/assignment-letter': regional(ASSIGNMENT_LETTER),
  'mk/voluntary-scope': regional(VOLUNTARY_SCOPE, []),
  'mk/voluntary-flow': regional(VOLUNTARY_FLOW, []),
  'mk/team-lead-origin': regional(TEAM_LEAD_ORIGIN),
  'sop/quality-standard': everywhere(national(SOP_MUTU_BAKU)),
  'sop/identity-complete': everywhere(national('PermenPANRB 35/2012 Lampiran, unsur identitas SOP AP')),
  'sop/activity-verb': everywhere(national('PermenPANRB 35/2012 Lampiran, kolom kegiatan SOP AP')),
  'sop/duration-total': {
    ...everywhere(national(SOP_MUTU_BAKU)),
    // DPS Ps 16–17: the working calendar the total time is counted in (server/lint/calendar.ts).
    denpasar: [...national(SOP_MUTU_BAKU), ...general(`${DPS} Pasal 16–17`)],
  },
};

/** The grounds of a rule under a profile (empty when its text is silent on the rule). */
export function groundsOf(rule: string, profile: Profile): readonly Ground[] {
  return GROUNDS[rule]?.[profile] ?? [];
}

const applies = (ground: Ground, orgType: OrgType, kase: string | undefined) =>
  (!ground.orgTypes || ground.orgTypes.includes(orgType)) && (kase === undefined || !ground.cases || ground.cases.includes(kase));

/**
 * The citations of a finding of `rule` under `profile` on a map of `orgType`, for the case its report names (a report
 * that names none is cited with every case's articles). Empty: the profile's text is silent there.
 */
export function citationsFor(rule: string, profile: Profile, orgType: OrgType, kase?: string): string[] {
  const cites = groundsOf(rule, profile)
    .filter((ground) => applies(ground, orgType, kase))
    .map((ground) => ground.cite);
  return [...new Set(cites)];
}

/** Whether a rule has grounds under a profile for some organisation type (else it is not in force there). */
export function isGrounded(rule: string, profile: Profile): boolean {
  return groundsOf(rule, profile).length > 0;
}

export { ORG_TYPES };
