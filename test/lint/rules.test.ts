// Every rule of our plugin against its fixtures (test/lint/rules/<id>/valid*.bpmn, invalid-*.bpmn), under every
// profile that has it; an invalid fixture names the elements it expects reported in a comment `<!-- expect: … -->`
// and, where a regulation allows what the others do not, the profiles it is valid under (`<!-- valid under: … -->`);
// a finding a rule caps (engine.ts, report option maxSeverity) says its severity (`<!-- severity: warning -->`).
// A profile whose text says nothing of the fixture's organisation type (grounds.ts) reports nothing on it.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBpmn } from '../../server/bpmn/moddle';
import { PROFILES } from '../../server/domain/vocabulary';
import { lintDefinitions, mapOrgType } from '../../server/lint/engine';
import { citationsFor } from '../../server/lint/grounds';
import { ruleSettings } from '../../server/lint/profiles';
import { PLUGIN_RULES } from '../../server/lint/rules';
import { readText, ROOT } from '../helpers/fixtures';

const RULE_IDS = Object.keys(PLUGIN_RULES);
/** Rules RULES.md keeps out of the national core: they rest on what only some regional texts say. */
const NOT_NASIONAL = new Set(['mk/voluntary-scope', 'mk/voluntary-flow', 'mk/request-content']);
const OWN_REGULATION: Record<Exclude<(typeof PROFILES)[number], 'nasional'>, RegExp> = {
  jembrana: /^(Perbup Jembrana 35\/2023|PermenPANRB) /,
  klungkung: /^(Perbup Klungkung 2\/2023|PermenPANRB) /,
  badung: /^(Perbup Badung 35\/2023|PermenPANRB) /,
  'gunung-mas': /^(Perbup Gunung Mas 18\/2024|PermenPANRB) /,
  denpasar: /^(Perwali Denpasar 69\/2023|PermenPANRB) /,
};
const fixtureDir = (id: string) => path.join(ROOT, 'test/lint/rules', id);
const fixtures = (id: string, prefix: string) =>
  existsSync(fixtureDir(id)) ? readdirSync(fixtureDir(id)).filter((f) => f.startsWith(prefix) && f.endsWith('.bpmn')) : [];

const cases = RULE_IDS.flatMap((id) =>
  PROFILES.filter((profile) => id in ruleSettings(profile)).flatMap((profile) =>
    [...fixtures(id, 'valid'), ...fixtures(id, 'invalid-')].map((file) => ({ id, profile, file })),
  ),
);

describe('rules of the mk/sop plugin', () => {
  it.each(cases.map((c) => [`${c.id} on ${c.file} under ${c.profile}`, c]))('%s', async (_name, { id, profile, file }) => {
    const xml = readText(path.join(fixtureDir(id), file));
    const { definitions } = await parseBpmn(xml);
    const reported = (await lintDefinitions(definitions, profile)).filter((f) => f.rule === id);
    const validUnder = /<!-- valid under: ([^>]*) -->/.exec(xml)?.[1]?.trim().split(/\s+/) ?? [];
    const silent = citationsFor(id, profile, mapOrgType(definitions)).length === 0;
    if (file.startsWith('valid') || validUnder.includes(profile) || silent) {
      expect(reported).toEqual([]);
      return;
    }
    const expected = /<!-- expect: ([^>]*) -->/.exec(xml)?.[1]?.trim().split(/\s+/) ?? [];
    expect(expected.length, `${file} names the elements it expects reported`).toBeGreaterThan(0);
    expect(reported.map((f) => f.element).sort()).toEqual(expected.sort());
    for (const finding of reported) {
      // A fixture may say the severity its findings are capped to (`<!-- severity: warning … -->`, engine.ts maxSeverity).
      expect(finding.severity).toBe(/<!-- severity: (\w+)/.exec(xml)?.[1] ?? ruleSettings(profile)[id]!.severity);
      expect(finding.citations.length).toBeGreaterThan(0);
      // A regional profile cites its own regulation, or national law (issue 12 item 9).
      if (profile !== 'nasional') for (const citation of finding.citations) expect(citation).toMatch(OWN_REGULATION[profile]);
      expect(finding.message).toContain(`(${finding.citations.join('; ')})`);
    }
  });

  it.each(RULE_IDS.map((id) => [id]))('%s has a doc, valid and invalid fixtures, and a profile entry', (id) => {
    expect(existsSync(path.join(ROOT, 'docs/rules', `${id}.md`))).toBe(true);
    expect(fixtures(id, 'valid').length).toBeGreaterThan(0);
    expect(fixtures(id, 'invalid-').length).toBeGreaterThan(0);
    expect(PROFILES.filter((profile) => ruleSettings(profile)[id])).not.toEqual([]);
  });

  it('nasional holds every rule of sections A–C and the core of D (RULES.md, Profiles)', () => {
    const outsideNasional = RULE_IDS.filter((id) => !ruleSettings('nasional')[id]);
    expect(outsideNasional.every((id) => NOT_NASIONAL.has(id)), outsideNasional.join(', ')).toBe(true);
  });
});
