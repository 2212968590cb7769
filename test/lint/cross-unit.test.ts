// The rules of RULES.md §D on cross-unit hand-offs (mk/cross-unit-request, mk/request-content, mk/request-decision,
// mk/assignment-letter): on plain BPMN they rest on names and say so; on sk: maps they do not; they stay silent on the
// templates and never fail on the MIWG corpus.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readMapKind } from '../../server/bpmn/map-kind';
import { parseBpmn } from '../../server/bpmn/moddle';
import { PROFILES, type Profile } from '../../server/domain/vocabulary';
import { lintDefinitions } from '../../server/lint/engine';
import type { Finding } from '../../server/lint/findings';
import { isStaffPerformer, isStructuralPerformer, readTitle } from '../../server/lint/map-model/kamus-jabatan';
import { miwgFiles, readText, ROOT, templateXml } from '../helpers/fixtures';

const D_RULES = ['mk/cross-unit-request', 'mk/request-content', 'mk/request-decision', 'mk/assignment-letter'];
const fixture = (rule: string, file: string) => readText(path.join(ROOT, 'test/lint/rules', rule, file));
const lintD = async (xml: string, profile: Profile = 'gunung-mas'): Promise<Finding[]> =>
  (await lintDefinitions((await parseBpmn(xml)).definitions, profile)).filter((f) => D_RULES.includes(f.rule));

describe('who is staff and who is structural (kamus-jabatan.ts)', () => {
  it('reads JF, Pelaksana, Anggota Tim and Ketua Tim as staff, and no unit leader', () => {
    expect(isStaffPerformer({ jabatan: 'FUNGSIONAL' })).toBe(true);
    expect(isStaffPerformer({ jabatanChoices: ['FUNGSIONAL', 'PELAKSANA'] })).toBe(true);
    expect(isStaffPerformer({ role: 'KETUA_TIM' })).toBe(true);
    expect(isStaffPerformer({ jabatan: 'FUNGSIONAL', level: 1 })).toBe(false); // a Kepala Puskesmas
    expect(isStaffPerformer({ jabatan: 'FUNGSIONAL', role: 'PIMPINAN_UNIT' })).toBe(false);
    expect(isStaffPerformer({ jabatan: 'ADMINISTRATOR' })).toBe(false);
  });

  it('reads structural officials and leading roles as structural', () => {
    expect(isStructuralPerformer({ jabatan: 'PENGAWAS' })).toBe(true);
    expect(isStructuralPerformer({ role: 'PEJABAT_BERWENANG' })).toBe(true);
    expect(isStructuralPerformer({ jabatan: 'PELAKSANA', role: 'ANGGOTA_TIM' })).toBe(false);
  });

  it('reads Badung\'s "Pimpinan Perangkat Daerah" as the head of a perangkat daerah', () => {
    expect(readTitle('Pimpinan Perangkat Daerah')).toMatchObject({ jabatan: 'JPT', office: 'kepala-perangkat-daerah' });
  });
});

describe('plain BPMN without sk: attributes', () => {
  it.each([
    ['mk/cross-unit-request', 'MessageFlow_RincianTugas', /jalur "Pejabat Fungsional Epidemiolog Kesehatan".*lintas unit organisasi/],
    ['mk/request-content', 'MessageFlow_Permohonan', /belum memuat ekspektasi\/target kinerja, durasi pelibatan/],
    ['mk/request-decision', 'Gateway_Setuju', /"Permohonan disetujui\?".*jalan keluar penolakan/],
    ['mk/assignment-letter', 'Activity_Menugaskan', /jalur "Kepala Bidang Pencegahan dan Pengendalian Penyakit"/],
  ])('%s reports invalid-from-names.bpmn on %s from names, flagged inferred', async (rule, element, message) => {
    const findings = (await lintD(fixture(rule, 'invalid-from-names.bpmn'))).filter((f) => f.rule === rule);
    expect(findings.map((f) => f.element)).toEqual([element]);
    expect(findings[0]).toMatchObject({ inferred: true, severity: 'error' });
    expect(findings[0]!.message).toMatch(message);
  });

  it('finds nothing in the same maps drawn correctly from names', async () => {
    for (const rule of D_RULES) {
      const valid = rule === 'mk/request-content' ? 'valid-annotation.bpmn' : 'valid-from-names.bpmn';
      expect(await lintD(fixture(rule, valid)), `${rule} ${valid}`).toEqual([]);
    }
  });

  it('reads the surat penugasan from an "Output:" annotation on the assigning activity', async () => {
    const xml = fixture('mk/assignment-letter', 'valid-output-annotation.bpmn');
    expect(await lintD(xml)).toEqual([]);
    const withoutAnnotation = xml.replace(/Output: Surat penugasan pejabat fungsional/, 'Output: Daftar pegawai');
    expect((await lintD(withoutAnnotation)).map((f) => [f.rule, f.element, f.inferred])).toEqual([['mk/assignment-letter', 'Activity_Menugaskan', true]]);
  });
});

describe('maps with sk: attributes', () => {
  it('report without inference', async () => {
    const findings = [
      ...(await lintD(fixture('mk/cross-unit-request', 'invalid-from-team-lead.bpmn'))),
      ...(await lintD(fixture('mk/request-content', 'invalid-no-duration.bpmn'))),
      ...(await lintD(fixture('mk/request-decision', 'invalid-no-answer.bpmn'))),
      ...(await lintD(fixture('mk/assignment-letter', 'invalid-no-letter.bpmn'))),
    ];
    expect(findings.map((f) => f.rule).sort()).toEqual([...D_RULES].sort());
    expect(findings.every((f) => !f.inferred)).toBe(true);
  });

  it('name both lanes of a request sent by the wrong official', async () => {
    const [finding] = await lintD(fixture('mk/cross-unit-request', 'invalid-from-team-lead.bpmn'));
    expect(finding?.message).toContain('dari jalur "Ketua Tim Surveilans" kepada jalur "Kepala Bidang Pencegahan dan Pengendalian Penyakit"');
    expect(finding?.message).toContain('Pimpinan Unit Organisasi pemilik kinerja');
  });
});

describe('approving the involvement decides the assignment (GMS Ps 12(6), 14(3) huruf c–d)', () => {
  it.each(['invalid-approval-without-letter.bpmn', 'invalid-approval-from-names.bpmn'])(
    'reports the approval in %s that no surat penugasan follows under mk/assignment-letter, not mk/request-decision',
    async (file) => {
      for (const profile of ['gunung-mas', 'badung', 'nasional'] as const) {
        const findings = await lintD(fixture('mk/assignment-letter', file), profile);
        expect(findings.map((f) => [f.rule, f.element]), profile).toEqual([['mk/assignment-letter', 'Activity_Menugaskan']]);
        expect(findings[0]!.inferred).toBe(true); // the approval is read as the assignment from its name
        expect(findings[0]!.message).toMatch(/^Penugasan "Menyetujui permohonan.*" pada jalur "Kepala Bidang Pencegahan dan Pengendalian Penyakit"/);
      }
    },
  );

  it.each(['invalid-approval-gateway.bpmn', 'invalid-approval-gateway-from-names.bpmn'])(
    'reports the approval exit of the decision in %s, which reaches the staff without a surat penugasan, under mk/assignment-letter only',
    async (file) => {
      for (const profile of ['gunung-mas', 'badung', 'nasional'] as const) {
        const findings = await lintD(fixture('mk/assignment-letter', file), profile);
        expect(findings.map((f) => [f.rule, f.element]), profile).toEqual([['mk/assignment-letter', 'Gateway_Setuju']]);
        expect(findings[0]!.message).toMatch(/^Persetujuan permohonan pelibatan pada keputusan "Permohonan disetujui\?"/);
      }
    },
  );

  it('reads "Menyetujui permohonan" as the assignment only on the side that received a surat permohonan pelibatan', async () => {
    const xml = fixture('mk/assignment-letter', 'invalid-approval-from-names.bpmn').replace(/name="Surat Permohonan Pelibatan"/, 'name="Surat biasa"');
    expect((await lintD(xml)).filter((f) => f.rule === 'mk/assignment-letter')).toEqual([]);
  });
});

describe('letters that travel by message flow (BDG Lampiran I BAB II B.2 huruf a angka 3)', () => {
  it.each(['valid-lintas-pd-by-message-flow.bpmn', 'valid-lintas-pd-by-message-flow-from-names.bpmn'])(
    'follows the instruction, the Surat Jawaban and the surat penugasan of %s to the analyst: no finding of section D under any profile',
    async (file) => {
      for (const profile of PROFILES) expect(await lintD(fixture('mk/assignment-letter', file), profile), profile).toEqual([]);
    },
  );

  it('accepts receipt of the written assignment named beside another letter ("Menerima surat jawaban dan surat perintah tugas")', async () => {
    const xml = fixture('mk/assignment-letter', 'valid-approval-surat-perintah-tugas.bpmn');
    const renamed = xml.replace('name="Menerima surat perintah tugas"', 'name="Menerima surat jawaban dan surat perintah tugas"');
    expect(renamed).not.toBe(xml);
    expect(await lintD(renamed)).toEqual([]);
    const unwritten = renamed.replace('name="Menerima surat jawaban dan surat perintah tugas"', 'name="Menerima surat jawaban dan arahan kerja"');
    expect((await lintD(unwritten)).map((f) => f.rule)).toEqual(['mk/assignment-letter']);
  });

  it('reports the instruction when no surat penugasan follows the Surat Jawaban', async () => {
    const findings = await lintD(fixture('mk/assignment-letter', 'invalid-lintas-pd-no-letter-from-names.bpmn'), 'badung');
    expect(findings.map((f) => [f.rule, f.element, f.inferred])).toEqual([['mk/assignment-letter', 'Activity_Instruksi', true]]);
  });
});

/** A request across instansi: sent by `senderLane` of the requesting instansi to the Pejabat yang Berwenang of the other. */
const lintasInstansi = (sender: { name: string; attrs: string }) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:sk="urn:petakerja:bpmn:1" id="D" targetNamespace="t" sk:mapKind="lintas-fungsi">
  <bpmn:collaboration id="C">
    <bpmn:participant id="P_Pemda" name="Pemerintah Kabupaten Gunung Mas" processRef="Proc_Pemda" sk:unitKind="instansi" sk:performanceOwner="true" />
    <bpmn:participant id="P_Kementerian" name="Kementerian Kesehatan" processRef="Proc_Kementerian" sk:unitKind="instansi" />
    <bpmn:messageFlow id="M_Permohonan" name="Surat Permohonan Pelibatan" sourceRef="T_Mohon" targetRef="T_Terima" sk:letter="permohonan-pelibatan" />
  </bpmn:collaboration>
  <bpmn:process id="Proc_Pemda">
    <bpmn:laneSet id="LS1"><bpmn:lane id="L_Pemohon" name="${sender.name}" ${sender.attrs}><bpmn:flowNodeRef>T_Mohon</bpmn:flowNodeRef></bpmn:lane></bpmn:laneSet>
    <bpmn:task id="T_Mohon" name="Mengirim surat permohonan pelibatan" />
  </bpmn:process>
  <bpmn:process id="Proc_Kementerian">
    <bpmn:laneSet id="LS2"><bpmn:lane id="L_Berwenang" name="Sekretaris Jenderal (Pejabat yang Berwenang)" sk:role="PEJABAT_BERWENANG"><bpmn:flowNodeRef>T_Terima</bpmn:flowNodeRef></bpmn:lane></bpmn:laneSet>
    <bpmn:task id="T_Terima" name="Menerima permohonan" />
  </bpmn:process>
</bpmn:definitions>`;

describe('requests across instansi (GMS Ps 14(4))', () => {
  it('accepts a request from the Pejabat yang Berwenang to the Pejabat yang Berwenang', async () => {
    const xml = lintasInstansi({ name: 'Sekretaris Daerah (Pejabat yang Berwenang)', attrs: 'sk:jabatan="JPT" sk:role="PEJABAT_BERWENANG"' });
    expect((await lintD(xml)).filter((f) => f.rule === 'mk/cross-unit-request')).toEqual([]);
  });

  it('reports a Kepala Bidang writing straight to the other instansi', async () => {
    const xml = lintasInstansi({ name: 'Kepala Bidang', attrs: 'sk:jabatan="ADMINISTRATOR" sk:role="PIMPINAN_UNIT" sk:level="2"' });
    const findings = (await lintD(xml)).filter((f) => f.rule === 'mk/cross-unit-request');
    expect(findings.map((f) => f.element)).toEqual(['M_Permohonan']);
    expect(findings[0]!.message).toContain('(lintas instansi pemerintah) dikirim dari jalur "Kepala Bidang"');
    expect(findings[0]!.message).toContain('Pejabat yang Berwenang instansi pemohon');
  });
});

describe('templates and foreign BPMN', () => {
  it.each(['proses', 'subproses', 'relasi', 'lintas-fungsi', 'mekanisme-kerja'])('finds nothing in the %s template under any profile', async (kind) => {
    for (const profile of PROFILES) expect(await lintD(templateXml(kind), profile), profile).toEqual([]);
  });

  it('passes the lintas-fungsi template on the surat penugasan its assigning activity outputs, and reports it without', async () => {
    const withoutOutput = templateXml('lintas-fungsi').replace('sk:output="Surat penugasan tim kerja"', '');
    const findings = await lintD(withoutOutput);
    expect(findings.map((f) => [f.rule, f.element, f.inferred])).toEqual([['mk/assignment-letter', 'Activity_MenetapkanPenugasan', false]]);
  });

  // engine.test.ts lints the corpus under nasional; here, under gunung-mas (which has all four), the maps the rules read:
  // those with lanes or pools, whose kind is lintas-fungsi or mekanisme-kerja.
  it('never fails on the role maps of the MIWG corpus', async () => {
    let linted = 0;
    for (const file of miwgFiles()) {
      const { definitions } = await parseBpmn(readText(file));
      if (!['lintas-fungsi', 'mekanisme-kerja'].includes(readMapKind(definitions).kind)) continue;
      linted += 1;
      const failures = (await lintDefinitions(definitions, 'gunung-mas')).filter((f) => D_RULES.includes(f.rule) && /gagal dijalankan/.test(f.message));
      expect(failures, file).toEqual([]);
    }
    expect(linted).toBeGreaterThan(10);
  });
});
