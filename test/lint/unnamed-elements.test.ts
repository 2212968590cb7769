// Issue 14 item 5: a finding on an unnamed element names it by kind and position ('Tugas tanpa nama ke-2',
// 'Gerbang tanpa nama ke-1 di jalur "…"'), never by a raw id the modeller does not show (`sid-8EFE706F-…`).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBpmn } from '../../server/bpmn/moddle';
import { lintDefinitions } from '../../server/lint/engine';
import { readText, ROOT } from '../helpers/fixtures';

const lint = async (fixture: string, rule: string) => {
  const { definitions } = await parseBpmn(readText(path.join(ROOT, 'test/lint/rules', fixture)));
  return (await lintDefinitions(definitions, 'nasional')).filter((f) => f.rule === rule);
};

describe('unnamed elements in messages', () => {
  it.each([['mk/activity-performer/invalid-unnamed-no-lane.bpmn'], ['mk/activity-performer/invalid-unnamed-no-lane-declared.bpmn']])(
    'mk/activity-performer names unnamed tasks by kind and position (%s)',
    async (fixture) => {
      const findings = await lint(fixture, 'mk/activity-performer');
      const messagesOf = (id: string) => findings.filter((f) => f.element === id).map((f) => f.message);
      expect(findings.length).toBeGreaterThan(0);
      for (const finding of findings) expect(finding.message).not.toMatch(/sid-|Sid_InLane/);
      // Unnamed tasks are counted per lane (the one in "Pelaksana") or, outside any lane, in the map in document order.
      expect(messagesOf('Sid_InLane')).toEqual([expect.stringMatching(/^Tugas tanpa nama ke-1 di jalur "Pelaksana" belum diberi nama/)]);
      const first = messagesOf('sid-8EFE706F-11AA-4C1B-9A3E-0F1E2D3C4B5A');
      expect(first).toContainEqual(expect.stringMatching(/^Tugas tanpa nama ke-2 tidak berada di jalur mana pun/));
      const second = messagesOf('sid-2B7C9D10-5E6F-4A1B-8C2D-3E4F5A6B7C8D');
      expect(second).toContainEqual(expect.stringMatching(/^Tugas tanpa nama ke-3 tidak berada di jalur mana pun/));
    },
  );

  it.each([['mk/request-decision/invalid-no-answer-unnamed-gateway.bpmn'], ['mk/request-decision/invalid-from-names-unnamed-gateway.bpmn']])(
    'mk/request-decision names an unnamed decision by kind and position (%s)',
    async (fixture) => {
      const findings = await lint(fixture, 'mk/request-decision');
      expect(findings.map((f) => f.element)).toEqual(['sid-8EFE706F-0000-4C1B-9A3E-0F1E2D3C4B5A']);
      expect(findings[0]!.message).not.toContain('sid-');
      expect(findings[0]!.message).toMatch(/^Keputusan \(Gerbang tanpa nama ke-1( di jalur "[^"]+")?\) atas surat permohonan pelibatan/);
    },
  );
});
