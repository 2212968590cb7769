// The evaluation chain and the monitoring of RULES.md §B as issue 12 items 4 and 8 read them: what the findings say,
// whether they rest on names, and where the organisation type or the profile's text changes the reading.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBpmn } from '../../server/bpmn/moddle';
import type { Profile } from '../../server/domain/vocabulary';
import { lintDefinitions } from '../../server/lint/engine';
import { readText, ROOT } from '../helpers/fixtures';

const fixture = (rule: string, file: string) => readText(path.join(ROOT, 'test/lint/rules', rule, file));
async function findings(xml: string, profile: Profile, rule: string) {
  const { definitions } = await parseBpmn(xml);
  return (await lintDefinitions(definitions, profile)).filter((f) => f.rule === rule);
}

describe('mk/review-chain in a Setda (GMS Ps 29(4) huruf b–c)', () => {
  it.each(['invalid-setda-skips-asisten.bpmn', 'invalid-setda-skips-asisten-from-names.bpmn'])('names the Asisten skipped in %s', async (file) => {
    const [finding, ...rest] = await findings(fixture('mk/review-chain', file), 'gunung-mas', 'mk/review-chain');
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ element: 'Activity_PenerimaanSekda', inferred: true });
    expect(finding!.message).toContain('melewati Asisten "Asisten Pemerintahan dan Kesra"');
    expect(finding!.message).toContain('Pasal 29 ayat (4) huruf a–c');
  });

  it('reports an executor handing results to the Asisten past the Kepala Bagian', async () => {
    const xml = fixture('mk/review-chain', 'valid-setda-asisten.bpmn').replace(
      '<bpmn:sequenceFlow id="Flow_7" sourceRef="Activity_SerahHasil" targetRef="Activity_ReviuKabag" />',
      '<bpmn:sequenceFlow id="Flow_7" sourceRef="Activity_SerahHasil" targetRef="Activity_ReviuAsisten" />',
    );
    const reported = await findings(xml, 'gunung-mas', 'mk/review-chain');
    expect(reported.map((f) => f.element)).toEqual(['Activity_ReviuAsisten']);
    expect(reported[0]!.message).toContain('melewati Pejabat Level 2');
  });

  it('cannot tell the Asisten from the Sekretaris Daerah when no title says which is which', async () => {
    const xml = fixture('mk/review-chain', 'invalid-setda-skips-asisten.bpmn').replace('name="Asisten Pemerintahan dan Kesra"', 'name="Pejabat Pimpinan Tinggi Pratama"');
    expect(await findings(xml, 'gunung-mas', 'mk/review-chain')).toEqual([]);
  });

  it('does not read a Setda chain in a dinas', async () => {
    const xml = fixture('mk/review-chain', 'invalid-setda-skips-asisten.bpmn').replace('sk:orgType="setda"', 'sk:orgType="dinas"');
    expect(await findings(xml, 'gunung-mas', 'mk/review-chain')).toEqual([]);
  });
});

describe('mk/review-chain by map kind and organisation (issue 12 item 8)', () => {
  it('runs on the same hand-off once the map is a mekanisme kerja', async () => {
    const xml = fixture('mk/review-chain', 'valid-lintas-fungsi-to-level1.bpmn').replace('sk:mapKind="lintas-fungsi"', 'sk:mapKind="mekanisme-kerja"');
    expect((await findings(xml, 'nasional', 'mk/review-chain')).map((f) => f.element)).toEqual(['Activity_Menandatangani']);
  });

  it.each([
    ['invalid-inspektorat-auditor-to-inspektur.bpmn', false],
    ['invalid-inspektorat-auditor-to-inspektur-from-names.bpmn', true],
  ])('is not in force under jembrana (JBR says nothing of the stages; its Ps 8 huruf e places auditors under the Inspektur) for %s; under gunung-mas the Inspektur Pembantu reviews first', async (file, inferred) => {
    expect(await findings(fixture('mk/review-chain', file), 'jembrana', 'mk/review-chain')).toEqual([]);
    const [finding] = await findings(fixture('mk/review-chain', file), 'gunung-mas', 'mk/review-chain');
    expect(finding).toMatchObject({ element: 'Activity_PenerimaanInspektur', inferred });
  });
});

describe('mk/monitoring where the Denpasar lampiran names the head (issue 12 item 8)', () => {
  it('still warns under denpasar when the head of a dinas monitors (DPS Lampiran B.2 names Level 2)', async () => {
    const xml = fixture('mk/monitoring', 'invalid-dpmptsp-head-monitors.bpmn').replace('sk:orgType="dpmptsp"', 'sk:orgType="dinas"');
    expect((await findings(xml, 'denpasar', 'mk/monitoring')).map((f) => f.element)).toEqual(['Participant_Unit']);
  });

  it('reads the evaluasi stage as a monitoring stage for DPMPTSP only (DPS Lampiran B.3 huruf c angka (1))', async () => {
    const xml = fixture('mk/monitoring', 'invalid-kelurahan-head-monitors.bpmn').replace(
      'name="Memantau perkembangan dan memberi umpan balik" sk:activityKind="monitoring" sk:phase="pelaksanaan"',
      'name="Memantau perkembangan dan memberi umpan balik" sk:activityKind="monitoring" sk:phase="evaluasi"',
    );
    expect((await findings(xml, 'denpasar', 'mk/monitoring')).map((f) => f.element)).toEqual(['Participant_Unit']);
  });
});
