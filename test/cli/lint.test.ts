import { readdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli';
import { ROOT } from '../helpers/fixtures';
import { tempDir } from '../helpers/temp-dir';

const RULE_DIR = path.join(ROOT, 'test/lint/rules/mk/decision-binary');

describe('petakerja lint', () => {
  it('answers JSON in the documented shape, with exit code 1 when there are errors', async () => {
    const run = await runCli(['lint', '--format', 'json', '--profile', 'gunung-mas', path.join(RULE_DIR, 'invalid-three-exits.bpmn')]);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.files).toHaveLength(1);
    expect(report.files[0].profile).toBe('gunung-mas');
    expect(report.files[0].findings).toContainEqual(
      expect.objectContaining({ rule: 'mk/decision-binary', severity: 'warning', element: 'Gateway_1', inferred: false, citations: [expect.any(String)] }),
    );
    expect(report.summary).toEqual({
      errors: report.files[0].findings.filter((f: { severity: string }) => f.severity === 'error').length,
      warnings: report.files[0].findings.filter((f: { severity: string }) => f.severity === 'warning').length,
      infos: 0,
    });
  });

  it('lints a folder and reports in Indonesian text, grouped by file', async () => {
    const run = await runCli(['lint', RULE_DIR]);
    expect(run.stdout).toContain('valid-ya-tidak.bpmn (profil nasional)');
    expect(run.stdout).toMatch(/peringatan\s+Gateway_1\s+mk\/decision-binary\s+Keputusan "Berkas lengkap\?" bercabang ke 3 arah/);
    const files = readdirSync(RULE_DIR).filter((f) => f.endsWith('.bpmn')).length;
    expect(run.stdout).toMatch(new RegExp(`${files} berkas: \\d+ galat, \\d+ peringatan, 0 info\\.`));
  });

  it('exits 0 on a map without errors', async () => {
    const dir = await tempDir();
    const clean = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" id="D" targetNamespace="x">
  <bpmn:process id="P"><bpmn:startEvent id="S" name="Mulai" /><bpmn:task id="T" name="Menerima berkas" /><bpmn:endEvent id="E" name="Selesai" />
    <bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="T" /><bpmn:sequenceFlow id="F2" sourceRef="T" targetRef="E" /></bpmn:process>
  <bpmndi:BPMNDiagram id="Di"><bpmndi:BPMNPlane id="Pl" bpmnElement="P">
    <bpmndi:BPMNShape id="S_di" bpmnElement="S"><dc:Bounds x="100" y="100" width="36" height="36" /></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="T_di" bpmnElement="T"><dc:Bounds x="200" y="78" width="100" height="80" /></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="E_di" bpmnElement="E"><dc:Bounds x="360" y="100" width="36" height="36" /></bpmndi:BPMNShape>
    <bpmndi:BPMNEdge id="F1_di" bpmnElement="F1"><di:waypoint x="136" y="118" /><di:waypoint x="200" y="118" /></bpmndi:BPMNEdge>
    <bpmndi:BPMNEdge id="F2_di" bpmnElement="F2"><di:waypoint x="300" y="118" /><di:waypoint x="360" y="118" /></bpmndi:BPMNEdge>
  </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
</bpmn:definitions>`;
    await writeFile(path.join(dir, 'bersih.bpmn'), clean);
    const run = await runCli(['lint', path.join(dir, 'bersih.bpmn')]);
    expect(run.stdout).toContain('tidak ada temuan');
    expect(run.code).toBe(0);
  });

  it('exits 2 on unreadable input and bad usage, saying why', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'rusak.bpmn'), '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL">');
    const broken = await runCli(['lint', path.join(dir, 'rusak.bpmn')]);
    expect(broken.code).toBe(2);
    expect(broken.stdout).toMatch(/tidak dapat dibaca: .*baris 1/);
    const unknownProfile = await runCli(['lint', '--profile', 'bali', dir]);
    expect(unknownProfile.code).toBe(2);
    expect(unknownProfile.stderr).toContain('Profil tidak dikenal: bali');
    expect((await runCli(['lint'])).code).toBe(2);
    expect((await runCli(['lint', path.join(dir, 'tidak-ada.bpmn')])).code).toBe(2);
  });
});
