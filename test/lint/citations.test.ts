// What findings cite, on real maps: the articles of the map's profile (and national law) on the map's organisation
// type — declared (sk:orgType) or read from the pool's name — and on the finding's case (issue 12 item 9; grounds.ts).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBpmn } from '../../server/bpmn/moddle';
import type { Profile } from '../../server/domain/vocabulary';
import { lintDefinitions } from '../../server/lint/engine';
import type { Finding } from '../../server/lint/findings';
import { readText, ROOT } from '../helpers/fixtures';

const GMS = 'Perbup Gunung Mas 18/2024';
const DPS = 'Perwali Denpasar 69/2023';
const BDG = 'Perbup Badung 35/2023';

async function findingsOf(file: string, profile: Profile, rule: string): Promise<Finding[]> {
  const { definitions } = await parseBpmn(readText(path.join(ROOT, 'test/lint', file)));
  return (await lintDefinitions(definitions, profile)).filter((finding) => finding.rule === rule);
}

describe('a Setda map cites the Setda articles of its profile', () => {
  it.each([['citations/setda-without-monitoring.bpmn'], ['citations/setda-without-monitoring-from-names.bpmn']])('%s', async (file) => {
    const gms = await findingsOf(file, 'gunung-mas', 'mk/monitoring');
    expect(gms.map((f) => f.citations)).toEqual([[`${GMS} Pasal 8 huruf b angka 2`, `${GMS} Pasal 29 ayat (3) huruf d`]]);
    expect(gms[0]!.message).toMatch(/\(Perbup Gunung Mas 18\/2024 Pasal 8 huruf b angka 2; Perbup Gunung Mas 18\/2024 Pasal 29 ayat \(3\) huruf d\)$/);
    const dps = await findingsOf(file, 'denpasar', 'mk/monitoring');
    expect(dps.map((f) => f.citations)).toEqual([[`${DPS} Lampiran A.1 huruf b huruf b`, `${DPS} Lampiran B.1 huruf b angka (5)`]]);
    const bdg = await findingsOf(file, 'badung', 'mk/monitoring');
    expect(bdg.map((f) => f.citations)).toEqual([[`${BDG} Lampiran I BAB II A.2 huruf b`]]);
    const [nasional] = (await findingsOf(file, 'nasional', 'mk/monitoring')).map((f) => f.citations);
    expect(nasional).toContain(`${GMS} Pasal 29 ayat (3) huruf d`);
    expect(nasional).toContain(`${DPS} Lampiran B.1 huruf b angka (5)`);
    // The Dinas/Badan chapter (GMS Ps 38) and the other lampiran parts of DPS are about other organisation types.
    expect(nasional!.filter((citation) => /Pasal 38|Pasal 32|Pasal 35|Lampiran B\.[2-6]/.test(citation))).toEqual([]);
  });
});

describe('a regional profile cites its own regulation only', () => {
  it.each([['gunung-mas'], ['badung'], ['denpasar']] as const)('under %s', async (profile) => {
    const own = { 'gunung-mas': GMS, badung: BDG, denpasar: DPS }[profile];
    const file = 'citations/setda-without-monitoring.bpmn';
    const { definitions } = await parseBpmn(readText(path.join(ROOT, 'test/lint', file)));
    const findings = (await lintDefinitions(definitions, profile)).filter((f) => f.rule.startsWith('mk/'));
    expect(findings.length).toBeGreaterThan(0);
    for (const finding of findings) for (const citation of finding.citations) expect(citation.startsWith(own) || citation.startsWith('PermenPANRB ')).toBe(true);
  });
});

describe('mk/team-lead-eligible under badung', () => {
  it('cites Badung, not GMS Ps 16(3)', async () => {
    const findings = await findingsOf('rules/mk/team-lead-eligible/invalid-administrator.bpmn', 'badung', 'mk/team-lead-eligible');
    expect(findings.map((f) => f.citations)).toEqual([[`${BDG} Lampiran I BAB II B.3 huruf c`]]);
  });
});

describe('mk/rework-path is the Kecamatan clause of Denpasar', () => {
  it.each([['rules/mk/rework-path/invalid-kecamatan.bpmn'], ['rules/mk/rework-path/invalid-kecamatan-from-names.bpmn']])('%s cites DPS Lampiran B.4', async (file) => {
    for (const profile of ['denpasar', 'nasional'] as const) {
      const findings = await findingsOf(file, profile, 'mk/rework-path');
      expect(findings.map((f) => f.citations)).toEqual([[`${DPS} Lampiran B.4 huruf c angka (2)`]]);
    }
  });

  it.each([['rules/mk/rework-path/valid-puskesmas.bpmn'], ['rules/mk/rework-path/valid-puskesmas-from-names.bpmn']])('%s (a Puskesmas) is not reported', async (file) => {
    for (const profile of ['denpasar', 'nasional'] as const) expect(await findingsOf(file, profile, 'mk/rework-path')).toEqual([]);
  });
});

describe('mk/cross-unit-request cites the articles on the scope of the letter', () => {
  it('a letter between perangkat daerah: BDG Lampiran I BAB II B.2 huruf a angka 3, not GMS Ps 14(3)', async () => {
    const file = 'rules/mk/cross-unit-request/invalid-lintas-pd-from-kabid.bpmn';
    for (const profile of ['nasional', 'badung'] as const) {
      const findings = await findingsOf(file, profile, 'mk/cross-unit-request');
      expect(findings.map((f) => f.citations)).toEqual([[`${BDG} Lampiran I BAB II B.2 huruf a angka 3 huruf a`]]);
    }
    expect(await findingsOf(file, 'gunung-mas', 'mk/cross-unit-request')).toEqual([]);
  });

  it('a letter across units of one perangkat daerah: GMS Ps 14(3) huruf a and BDG angka 2', async () => {
    const findings = await findingsOf('rules/mk/cross-unit-request/invalid-from-names.bpmn', 'nasional', 'mk/cross-unit-request');
    expect(findings.map((f) => f.citations)).toEqual([
      [`${BDG} Lampiran I BAB II B.2 huruf a angka 2 huruf a`, `${GMS} Pasal 14 ayat (3) huruf a`, `${DPS} Lampiran B.2 huruf a angka (4)`],
    ]);
  });
});

describe('mk/team-lead-origin cites the articles on the team’s scope', () => {
  it('a team across units of one perangkat daerah: not DPS Ps 9(4)', async () => {
    const [citations] = (await findingsOf('rules/mk/team-lead-origin/invalid-lane-units.bpmn', 'nasional', 'mk/team-lead-origin')).map((f) => f.citations);
    expect(citations).toEqual([
      'Perbup Jembrana 35/2023 Pasal 10 ayat (3)',
      'Perbup Klungkung 2/2023 Pasal 6 ayat (3)',
      `${BDG} Pasal 7 ayat (3)`,
      `${GMS} Pasal 12 ayat (8)`,
      `${GMS} Pasal 16 ayat (4)`,
    ]);
  });

  it('a team across perangkat daerah, read from the pool names: DPS Ps 9(4), not KLK Ps 6(3) nor GMS Ps 16(4)', async () => {
    const file = 'rules/mk/team-lead-origin/invalid-from-names.bpmn';
    const [citations] = (await findingsOf(file, 'nasional', 'mk/team-lead-origin')).map((f) => f.citations);
    expect(citations).toEqual(['Perbup Jembrana 35/2023 Pasal 10 ayat (3)', `${BDG} Pasal 7 ayat (3)`, `${GMS} Pasal 12 ayat (8)`, `${DPS} Pasal 9 ayat (4)`]);
    expect((await findingsOf(file, 'denpasar', 'mk/team-lead-origin')).map((f) => f.citations)).toEqual([[`${DPS} Pasal 9 ayat (4)`]]);
    expect(await findingsOf(file, 'klungkung', 'mk/team-lead-origin')).toEqual([]);
  });
});
