import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintXml } from '../../server/lint/lint.service';
import { MIWG_DIR, miwgFiles, readText, ROOT, templateXml } from '../helpers/fixtures';
import { prosesWithCalls } from '../helpers/proses-bpmn';

describe('lint engine', () => {
  it.each(miwgFiles().map((f) => [path.relative(MIWG_DIR, f), f]))('lints %s without a crash', async (_name, file) => {
    const { findings } = await lintXml(readText(file));
    expect(findings.filter((f) => f.message.startsWith('Aturan ') && f.message.includes('gagal dijalankan'))).toEqual([]);
    for (const finding of findings) expect(finding.rule).toMatch(/^(bpmnlint|mk|sop)\//);
  });

  it("uses the profile asked for, else the map's sk:profile, else nasional", async () => {
    const badung = templateXml('lintas-fungsi').replace('<bpmn:definitions ', '<bpmn:definitions sk:profile="badung" ');
    expect((await lintXml(badung)).profile).toBe('badung');
    expect((await lintXml(badung, 'denpasar')).profile).toBe('denpasar');
    expect((await lintXml(templateXml('lintas-fungsi'))).profile).toBe('nasional');
  });

  it('gives the structural rules of bpmnlint in Indonesian', async () => {
    // A sub-process with a step inside but no start event.
    const xml = prosesWithCalls([{ id: 'Sub_A', name: 'Pelayanan', type: 'subProcess' }]).replace(
      '<bpmn:subProcess id="Sub_A" name="Pelayanan" />',
      '<bpmn:subProcess id="Sub_A" name="Pelayanan"><bpmn:task id="Langkah" name="Memeriksa berkas" /></bpmn:subProcess>',
    );
    const { findings } = await lintXml(xml);
    const startRequired = findings.find((f) => f.rule === 'bpmnlint/start-event-required');
    expect(startRequired).toMatchObject({ severity: 'error', message: 'Subproses belum memiliki kejadian awal', inferred: false });
  });

  it('finds no error in any starter template', async () => {
    for (const kind of ['proses', 'subproses', 'relasi', 'lintas-fungsi', 'mekanisme-kerja']) {
      const { findings } = await lintXml(templateXml(kind));
      expect(findings.filter((f) => f.severity === 'error'), kind).toEqual([]);
    }
  });
});

describe('sub-processes that stand for other maps', () => {
  it('asks no start or end event of an empty (collapsed) sub-process, but still of one with steps inside', async () => {
    const xml = prosesWithCalls([{ id: 'Sub_Perizinan', name: 'Pelayanan perizinan', type: 'subProcess' }]);
    const empty = await lintXml(xml, 'nasional');
    expect(empty.findings.filter((f) => f.element === 'Sub_Perizinan' && /event-required/.test(f.rule))).toEqual([]);
    const withSteps = xml.replace('<bpmn:subProcess id="Sub_Perizinan" name="Pelayanan perizinan" />', '<bpmn:subProcess id="Sub_Perizinan" name="Pelayanan perizinan"><bpmn:task id="Di_Dalam" name="Memeriksa berkas" /></bpmn:subProcess>');
    expect(withSteps).not.toBe(xml);
    const rules = (await lintXml(withSteps, 'nasional')).findings.filter((f) => f.element === 'Sub_Perizinan').map((f) => f.rule);
    expect(rules).toEqual(expect.arrayContaining(['bpmnlint/start-event-required', 'bpmnlint/end-event-required']));
  });
});

describe('inference in findings', () => {
  it('says a finding relied on lane names when no sk: attribute stated the facts', async () => {
    const xml = readText(path.join(ROOT, 'test/lint/rules/mk/no-koordinator/invalid-koordinator-lanes.bpmn'));
    const { findings } = await lintXml(xml, 'gunung-mas');
    const koordinator = findings.filter((f) => f.rule === 'mk/no-koordinator');
    expect(koordinator).toHaveLength(2);
    for (const finding of koordinator) {
      expect(finding).toMatchObject({ severity: 'error', inferred: true, citations: ['Perbup Gunung Mas 18/2024 Pasal 40'] });
      expect(finding.message).toMatch(/Ketua Tim atau pejabat Level 2 .*\(Perbup Gunung Mas 18\/2024 Pasal 40\)$/);
    }
    const decision = await lintXml(readText(path.join(ROOT, 'test/lint/rules/mk/decision-binary/invalid-unlabelled.bpmn')));
    expect(decision.findings.find((f) => f.rule === 'mk/decision-binary')?.inferred).toBe(false);
  });
});
