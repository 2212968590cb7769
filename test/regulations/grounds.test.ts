// Every citation a finding can carry, walked rule × profile × organisation type × case: it belongs to the profile's
// regulation (or national law), resolves to shipped text, and that text is about the map's organisation type and the
// finding's case. What each regulation's parts are about is the table below, read from the texts in ../shared.
import { describe, expect, it } from 'vitest';
import { PROFILES, type Profile } from '../../server/domain/vocabulary';
import { citationsFor, GROUNDS, RULE_CASES } from '../../server/lint/grounds';
import { ORG_TYPES, type OrgType } from '../../server/lint/map-model/levels';
import { ruleSettings } from '../../server/lint/profiles';
import { PLUGIN_RULES } from '../../server/lint/rules';
import type { ArticlesFile } from '../../server/regulations/article-types';
import articlesJson from '../../server/regulations/articles.json' with { type: 'json' };
import { parseCitation, resolveCitation, shippedNames, type CitationReference } from '../../server/regulations/citations';

const articles = articlesJson as ArticlesFile;
const names = shippedNames(articles);

const JBR = 'Perbup Jembrana 35/2023';
const KLK = 'Perbup Klungkung 2/2023';
const BDG = 'Perbup Badung 35/2023';
const GMS = 'Perbup Gunung Mas 18/2024';
const DPS = 'Perwali Denpasar 69/2023';
/** The regulation of each regional profile; `nasional` (the common core) may cite any of them. */
const REGULATION: Record<Exclude<Profile, 'nasional'>, string> = { jembrana: JBR, klungkung: KLK, badung: BDG, 'gunung-mas': GMS, denpasar: DPS };
const isNationalLaw = (citation: string) => citation.startsWith('PermenPANRB ');

/**
 * A part of a regulation that speaks of some organisation types or some cases only, and words its text says that show
 * it (`says`). Parts not listed are general: about every organisation type and case. The most specific part wins.
 */
interface Part {
  place: string;
  orgTypes?: readonly OrgType[];
  cases?: readonly string[];
  says: RegExp;
}

const UNIT = ['lintas-unit', 'pihak:lintas-unit'];
const PD = ['lintas-pd', 'pihak:lintas-pd'];
const INSTANSI = ['lintas-instansi', 'pihak:lintas-instansi'];

const ABOUT: Record<string, Part[]> = {
  [GMS]: [
    // BAB V–VIII: mekanisme kerja per organisation type; Dinas/Badan covers the DPMPTSP (a dinas) and BRIDA (a badan).
    { place: 'Pasal 27–29', orgTypes: ['setda'], says: /Sekretariat Daerah/ },
    { place: 'Pasal 30–32', orgTypes: ['setwan'], says: /Sekretariat Dewan Perwakilan Rakyat Daerah/ },
    { place: 'Pasal 33–35', orgTypes: ['inspektorat'], says: /Inspektorat|Inspektur/ },
    { place: 'Pasal 36–38', orgTypes: ['dinas', 'badan', 'dpmptsp', 'brida'], says: /Dinas\/Badan/i },
    // Ps 14: penunjukan lintas unit (ayat 3), lintas instansi (ayat 4), the request of both (ayat 5).
    { place: 'Pasal 14 ayat (2)', cases: ['dalam-unit'], says: /di dalam Unit Organisasi/ },
    { place: 'Pasal 14 ayat (3)', cases: UNIT, says: /lintas Unit Organisasi/ },
    { place: 'Pasal 14 ayat (4)', cases: INSTANSI, says: /lintas Instansi Pemerintah/ },
    { place: 'Pasal 14 ayat (5)', cases: ['lintas-unit', 'lintas-instansi'], says: /ayat \(3\) huruf a dan ayat 4/ },
    { place: 'Pasal 15 ayat (2)', cases: ['dalam-unit'], says: /di dalam Unit Organisasi/ },
    { place: 'Pasal 15 ayat (3)', cases: ['lintas-unit'], says: /lintas Unit Organisasi/ },
    { place: 'Pasal 16 ayat (4)', cases: ['lintas-unit', 'lintas-instansi'], says: /lintas Unit Organisasi dan\/atau lintas Instansi Pemerintah/ },
  ],
  [BDG]: [
    // Lampiran I BAB II B.1 (kedudukan per organisation type, its second list a–h) is cited by no rule: the kedudukan
    // tables (kedudukan.ts) are JBR's and GMS's.
    // B.2 holds two lists a–f; the second, Penunjukan and Pengajuan sukarela, is cited with its title. Penunjukan:
    // angka 1 within a unit, angka 2 across units, angka 3 across perangkat daerah, and the closing paragraph on the
    // request of angka 2–3; Pengajuan sukarela: angka 1 within, 2 across units — never across perangkat daerah.
    { place: 'Lampiran I BAB II B.2 huruf a (Penunjukan)', cases: ['dalam-unit', 'lintas-unit', 'lintas-pd', ...UNIT, ...PD], says: /^Penunjukan[\s\S]*lintas unit organisasi atau lintas Perangkat Daerah/ },
    { place: 'Lampiran I BAB II B.2 huruf b (Pengajuan sukarela)', cases: ['dalam-unit', 'lintas-unit'], says: /hanya dapat dilakukan di dalam unit organisasi/ },
    { place: 'Lampiran I BAB II B.2 huruf a angka 1', cases: ['dalam-unit'], says: /di dalam unit organisasi/ },
    { place: 'Lampiran I BAB II B.2 huruf a angka 2', cases: UNIT, says: /lintas unit organisasi dalam satu Perangkat Daerah/ },
    { place: 'Lampiran I BAB II B.2 huruf a angka 3', cases: PD, says: /lintas Perangkat Daerah/ },
    { place: 'Lampiran I BAB II B.2 huruf b angka 1', cases: ['dalam-unit'], says: /di dalam Unit organisasi/ },
    { place: 'Lampiran I BAB II B.2 huruf b angka 2', cases: ['lintas-unit'], says: /lintas unit organisasi/ },
    { place: 'Lampiran I BAB II B.3 huruf d', cases: ['lintas-unit', 'lintas-pd'], says: /lintas unit organisasi dan\/atau lintas Perangkat Daerah/ },
    { place: 'Pasal 7 ayat (3)', cases: ['lintas-unit', 'lintas-pd'], says: /lintas Unit Organisasi dan\/atau lintas Perangkat Daerah/ },
  ],
  [DPS]: [
    // Lampiran B: B.1 Setda; B.2 perangkat daerah led by a JPT Pratama; B.3 DPMPTSP and BRIDA; B.4 Kecamatan; B.5
    // Kelurahan and UPTD; B.6 Puskesmas and Satuan Pendidikan.
    { place: 'Lampiran B.1', orgTypes: ['setda'], says: /Sekretariat Daerah/ },
    { place: 'Lampiran B.2', orgTypes: ['setwan', 'inspektorat', 'dinas', 'badan', 'rsud'], says: /Pejabat Pimpinan Tinggi Pratama/ },
    { place: 'Lampiran B.3', orgTypes: ['dpmptsp', 'brida'], says: /DPMPTSP|Kepala Dinas/ },
    { place: 'Lampiran B.4', orgTypes: ['kecamatan'], says: /Camat/ },
    { place: 'Lampiran B.5', orgTypes: ['kelurahan', 'uptd'], says: /Pejabat Pengawas/ },
    { place: 'Lampiran B.6', orgTypes: ['puskesmas', 'satuan-pendidikan'], says: /Puskesmas/ },
    // "… pelibatan Pejabat Fungsional dan Pelaksana dari Perangkat Daerah dan/atau unit organisasi lain …".
    ...(['B.1 huruf a angka (4)', 'B.2 huruf a angka (4)', 'B.3 huruf a angka (4)', 'B.4 huruf a angka (3)', 'B.5 huruf a angka (3)', 'B.6 huruf a angka (4)'] as const).map(
      (part, index): Part => ({
        place: `Lampiran ${part}`,
        orgTypes: [['setda'], ['setwan', 'inspektorat', 'dinas', 'badan', 'rsud'], ['dpmptsp', 'brida'], ['kecamatan'], ['kelurahan', 'uptd'], ['puskesmas', 'satuan-pendidikan']][index] as OrgType[],
        cases: ['lintas-unit', 'lintas-pd'],
        says: /dari Perangkat Daerah dan\/atau unit organisasi lain/,
      }),
    ),
    { place: 'Pasal 9 ayat (4)', cases: ['lintas-pd', 'lintas-instansi'], says: /lintas Perangkat Daerah dan\/atau lintas instansi pemerintah/ },
  ],
  [JBR]: [
    // Ps 8: kedudukan by organisation type.
    { place: 'Pasal 8 huruf a', orgTypes: ['dinas', 'badan', 'setda', 'setwan'], says: /pada Dinas, Badan, Sekretariat Daerah/ },
    { place: 'Pasal 8 huruf b', orgTypes: ['dinas', 'badan', 'setda', 'setwan'], says: /pada Dinas, Badan, Sekretariat Daerah/ },
    { place: 'Pasal 8 huruf c', orgTypes: ['dpmptsp', 'brida'], says: /penanaman modal/ },
    { place: 'Pasal 8 huruf d', orgTypes: ['kecamatan', 'rsud', 'kelurahan', 'uptd'], says: /Kecamatan, Rumah Sakit Umum Negara, Kelurahan, dan UPTD/ },
    { place: 'Pasal 8 huruf e', orgTypes: ['inspektorat'], says: /Inspektorat/ },
    { place: 'Pasal 10 ayat (3)', cases: ['lintas-unit', 'lintas-pd'], says: /dalam satu Perangkat Daerah dan\/atau beberapa Unit Organisasi lintas Perangkat Daerah/ },
  ],
  [KLK]: [{ place: 'Pasal 6 ayat (3)', cases: ['lintas-unit', 'lintas-instansi'], says: /lintas Unit Organisasi dan\/atau lintas instansi pemerintah/ }],
};

/** A reference as concrete paths of tokens, one per label of its ranges: "Pasal 8 huruf a–b" → Pasal 8 huruf a, … b. */
function paths(reference: CitationReference): string[][] {
  const head = reference.pasal !== undefined ? ['Pasal', reference.pasal] : ['Lampiran', ...(reference.lampiran ? [reference.lampiran] : [])];
  let out: string[][] = [head];
  for (const step of reference.steps) {
    out = out.flatMap((path) => step.labels.map((label) => [...path, ...(step.kind === 'part' ? [] : [step.kind]), label]));
  }
  return reference.partTitle ? out.map((path) => [...path, `(${reference.partTitle!.toLowerCase()})`]) : out;
}

const PARTS = Object.entries(ABOUT).flatMap(([regulation, parts]) =>
  parts.flatMap((part) => parseCitation(`${regulation} ${part.place}`, names).flatMap((reference) => paths(reference).map((path) => ({ regulation, path, part })))),
);

const startsWith = (path: string[], prefix: string[]) => prefix.length <= path.length && prefix.every((token, i) => path[i] === token);

/** The most specific parts of the table a concrete path lies in; none: a general part of its regulation. */
function partsAt(regulation: string, path: string[]): Part[] {
  const within = PARTS.filter((entry) => entry.regulation === regulation && startsWith(path, entry.path));
  return within.map((entry) => entry.part);
}

/**
 * Whether a reference is about the organisation type and the case: every part of the table it lies in says so, for
 * some label of its ranges ("ayat (3)–(4)" is about what ayat (3) or ayat (4) is about).
 */
function isAbout(reference: CitationReference, orgType: OrgType, kase: string | undefined): boolean {
  return paths(reference).some((path) =>
    partsAt(reference.regulation, path).every((part) => (!part.orgTypes || part.orgTypes.includes(orgType)) && (kase === undefined || !part.cases || part.cases.includes(kase))),
  );
}

const RULE_IDS = Object.keys(PLUGIN_RULES);
const casesOf = (rule: string): readonly (string | undefined)[] => RULE_CASES[rule] ?? [undefined];

const walk = RULE_IDS.flatMap((rule) =>
  PROFILES.flatMap((profile) => ORG_TYPES.flatMap((orgType) => casesOf(rule).map((kase) => ({ rule, profile, orgType, kase, citations: citationsFor(rule, profile, orgType, kase) })))),
);

describe('the table of what each regulation part is about', () => {
  it.each(Object.entries(ABOUT).flatMap(([regulation, parts]) => parts.map((part) => [`${regulation} ${part.place}`, part] as const)))(
    '%s is in the text and says so',
    (citation, part) => {
      const references = resolveCitation(citation, articles);
      for (const reference of references) {
        expect(reference.text.trim(), reference.heading).not.toBe('');
        // The cited part when the text marks one (an ayat within its Pasal), else the whole section.
        const cited = reference.highlight?.length ? reference.highlight.map((range) => reference.text.slice(range.start, range.end)).join('\n') : reference.text.replace(/^\S+\s+/, '');
        expect(cited).toMatch(part.says);
      }
    },
  );
});

describe('citations walked rule × profile × organisation type × case', () => {
  it('covers every rule, profile, organisation type and case', () => {
    expect(walk.length).toBe(RULE_IDS.reduce((sum, rule) => sum + casesOf(rule).length, 0) * PROFILES.length * ORG_TYPES.length);
    expect(walk.filter((w) => w.citations.length > 0).length).toBeGreaterThan(0);
  });

  it.each(PROFILES.map((profile) => [profile]))('under %s every citation is the profile’s own or national law, shipped and about the case', (profile) => {
    const wrong: string[] = [];
    for (const { rule, orgType, kase, citations } of walk.filter((w) => w.profile === profile)) {
      for (const citation of citations) {
        const where = `${rule} on ${orgType}${kase ? ` (${kase})` : ''}: ${citation}`;
        if (isNationalLaw(citation)) continue;
        const regulation = names.find((name) => citation.startsWith(`${name} `));
        if (!regulation) wrong.push(`${where} — not a shipped regulation`);
        else if (profile !== 'nasional' && regulation !== REGULATION[profile]) wrong.push(`${where} — not ${REGULATION[profile]}`);
        for (const reference of resolveCitation(citation, articles)) if (reference.text.trim() === '') wrong.push(`${where} — ${reference.heading} not found`);
        for (const reference of parseCitation(citation, names)) if (!isAbout(reference, orgType, kase)) wrong.push(`${where} — ${reference.heading} is about another organisation type or case`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it.each(PROFILES.map((profile) => [profile]))('under %s a rule in force has grounds for some organisation type, and one not in force has none', (profile) => {
    for (const rule of RULE_IDS) {
      const cited = walk.some((w) => w.rule === rule && w.profile === profile && w.citations.length > 0);
      expect(cited, `${rule} under ${profile}`).toBe(rule in ruleSettings(profile));
    }
  });

  it('names the cases of a rule only where its grounds distinguish them', () => {
    for (const [rule, cases] of Object.entries(RULE_CASES)) {
      const used = new Set(Object.values(GROUNDS[rule] ?? {}).flatMap((grounds) => grounds.flatMap((ground) => ground.cases ?? [])));
      expect([...used].every((kase) => cases.includes(kase)), rule).toBe(true);
    }
  });
});

// The misreadings of issue 12 item 9, as the walk sees them.
describe('citations of issue 12 item 9', () => {
  it('a Gunung Mas finding cites no Badung or Denpasar article', () => {
    for (const w of walk.filter((w) => w.profile === 'gunung-mas')) for (const citation of w.citations) expect(citation).not.toMatch(/Badung|Denpasar/);
  });

  it('mk/team-lead-eligible under badung cites Badung, not GMS Ps 16(3)', () => {
    expect(citationsFor('mk/team-lead-eligible', 'badung', 'dinas')).toEqual(['Perbup Badung 35/2023 Lampiran I BAB II B.3 huruf c']);
  });

  it('mk/rework-path cites the Kecamatan clause on a Kecamatan only', () => {
    expect(citationsFor('mk/rework-path', 'denpasar', 'kecamatan')).toEqual(['Perwali Denpasar 69/2023 Lampiran B.4 huruf c angka (2)']);
    for (const orgType of ORG_TYPES.filter((type) => type !== 'kecamatan')) {
      expect(citationsFor('mk/rework-path', 'denpasar', orgType)).toEqual([]);
      expect(citationsFor('mk/rework-path', 'nasional', orgType)).toEqual([]);
    }
  });

  it('mk/cross-unit-request cites BDG B.2 huruf a angka 3 for a letter between perangkat daerah, and GMS only across units or instansi', () => {
    expect(citationsFor('mk/cross-unit-request', 'nasional', 'dinas', 'lintas-pd')).toEqual(['Perbup Badung 35/2023 Lampiran I BAB II B.2 huruf a angka 3 huruf a', 'Perwali Denpasar 69/2023 Lampiran B.2 huruf a angka (4)']);
    expect(citationsFor('mk/cross-unit-request', 'gunung-mas', 'dinas', 'lintas-pd')).toEqual([]);
    expect(citationsFor('mk/cross-unit-request', 'gunung-mas', 'dinas', 'lintas-unit')).toEqual(['Perbup Gunung Mas 18/2024 Pasal 14 ayat (3) huruf a']);
  });

  it('mk/team-lead-origin cites DPS Ps 9(4) only for teams across perangkat daerah or instansi', () => {
    expect(citationsFor('mk/team-lead-origin', 'nasional', 'dinas', 'lintas-unit')).not.toContain('Perwali Denpasar 69/2023 Pasal 9 ayat (4)');
    expect(citationsFor('mk/team-lead-origin', 'denpasar', 'dinas', 'lintas-unit')).toEqual([]);
    expect(citationsFor('mk/team-lead-origin', 'denpasar', 'dinas', 'lintas-pd')).toEqual(['Perwali Denpasar 69/2023 Pasal 9 ayat (4)']);
  });
});
