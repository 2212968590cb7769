// Section E (SOP readiness) through the engine with a lint context: the stage raises severities at submission, the
// SOP identity reaches sop/identity-complete, the total time is counted in the profile's calendar.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBpmn } from '../../server/bpmn/moddle';
import { lintDefinitions } from '../../server/lint/engine';
import type { LintContext } from '../../server/lint/lint-context';
import { heaviestPath } from '../../server/lint/rules/sop/main-path';
import { SopIdentity, type SopIdentityDraft } from '../../server/sop/identity.schema';
import { MIWG_DIR, miwgFiles, readText, ROOT, templateXml } from '../helpers/fixtures';

const FIXTURES = path.join(ROOT, 'test/lint/rules/sop');
const fixture = (rule: string, file: string) => readText(path.join(FIXTURES, rule, file));

async function lint(xml: string, profile: Parameters<typeof lintDefinitions>[1] = 'nasional', context?: LintContext) {
  const { definitions } = await parseBpmn(xml);
  return (await lintDefinitions(definitions, profile, context)).filter((f) => f.rule.startsWith('sop/'));
}

const COMPLETE_IDENTITY: SopIdentity = SopIdentity.parse({
  nomor: '800/12/Org/2026',
  tanggalPembuatan: '2026-11-02',
  disahkanOleh: { jabatan: 'Kepala Dinas Kesehatan', nama: 'dr. I Made Sutama', pangkat: 'Pembina Utama Muda (IV/c)', nip: '19700101 199503 1 001' },
  namaSop: 'Pelaksanaan kegiatan tim kerja',
  dasarHukum: ['Peraturan Wali Kota Denpasar Nomor 69 Tahun 2023'],
  keterkaitan: [],
  peringatan: 'Bila tidak dilaksanakan, hasil kegiatan tim tidak dapat dinilai',
  kualifikasiPelaksana: ['Memahami rencana kerja bidang'],
  peralatan: ['Komputer', 'Aplikasi e-Kinerja'],
  pencatatan: ['Laporan hasil kegiatan tim'],
});

describe('SOP readiness with a lint context', () => {
  it('raises sop/quality-standard from warning while drafting to error at submission', async () => {
    const xml = fixture('quality-standard', 'invalid-missing.bpmn');
    const draft = (await lint(xml)).filter((f) => f.rule === 'sop/quality-standard');
    const same = (await lint(xml, 'nasional', { stage: 'draf' })).filter((f) => f.rule === 'sop/quality-standard');
    const submitted = (await lint(xml, 'nasional', { stage: 'pengajuan' })).filter((f) => f.rule === 'sop/quality-standard');
    expect(draft.map((f) => f.severity)).toEqual(['warning', 'warning']);
    expect(same).toEqual(draft);
    expect(submitted.map((f) => [f.element, f.severity])).toEqual(draft.map((f) => [f.element, 'error']));
    expect(submitted.find((f) => f.element === 'Activity_MeninjauHasil')?.message).toMatch(/^Kegiatan "Meninjau dan menerima hasil kegiatan" belum memiliki mutu baku: kelengkapan, waktu, output belum diisi \(PermenPANRB 35\/2012/);
    // Submission does not raise the rules RULES.md keeps at warning or info.
    const verbs = (await lint(fixture('activity-verb', 'invalid-passive-performer-noun.bpmn'), 'nasional', { stage: 'pengajuan' })).filter((f) => f.rule === 'sop/activity-verb');
    expect(verbs.map((f) => f.severity)).toEqual(['warning', 'warning', 'warning']);
  });

  it('says nothing of the identity while drafting without one, and one error at submission without one', async () => {
    const xml = fixture('identity-complete', 'invalid-no-identity.bpmn');
    expect((await lint(xml)).filter((f) => f.rule === 'sop/identity-complete')).toEqual([]);
    const submitted = (await lint(xml, 'denpasar', { stage: 'pengajuan' })).filter((f) => f.rule === 'sop/identity-complete');
    expect(submitted).toEqual([
      expect.objectContaining({ element: 'Participant_UnitKerja', severity: 'error', message: expect.stringMatching(/^Identitas SOP belum diisi \(PermenPANRB 35\/2012/) }),
    ]);
  });

  it('reports each missing field of a partial identity, in Indonesian, warning while drafting and error at submission', async () => {
    const xml = fixture('identity-complete', 'invalid-no-identity.bpmn');
    const partial: SopIdentityDraft = { ...COMPLETE_IDENTITY, nomor: ' ', disahkanOleh: { ...COMPLETE_IDENTITY.disahkanOleh, nip: '' }, dasarHukum: [], pencatatan: undefined };
    const draft = (await lint(xml, 'nasional', { sop: partial })).filter((f) => f.rule === 'sop/identity-complete');
    expect(draft.map((f) => f.message.replace(/ \(PermenPANRB.*\)$/, ''))).toEqual([
      'Identitas SOP belum lengkap: Nomor SOP belum diisi',
      'Identitas SOP belum lengkap: NIP pejabat yang mengesahkan (Disahkan oleh) belum diisi',
      'Identitas SOP belum lengkap: Dasar Hukum belum diisi',
      'Identitas SOP belum lengkap: Pencatatan dan Pendataan belum diisi',
    ]);
    expect(new Set(draft.map((f) => f.severity))).toEqual(new Set(['warning']));
    expect(new Set(draft.map((f) => f.element))).toEqual(new Set(['Participant_UnitKerja']));
    const submitted = (await lint(xml, 'nasional', { stage: 'pengajuan', sop: partial })).filter((f) => f.rule === 'sop/identity-complete');
    expect(submitted.map((f) => f.severity)).toEqual(['error', 'error', 'error', 'error']);
  });

  it('passes a complete identity at submission, and ignores it on maps that are not role maps', async () => {
    const context: LintContext = { stage: 'pengajuan', sop: COMPLETE_IDENTITY };
    expect((await lint(fixture('identity-complete', 'valid.bpmn'), 'nasional', context)).filter((f) => f.rule === 'sop/identity-complete')).toEqual([]);
    expect(await lint(templateXml('subproses'), 'nasional', { stage: 'pengajuan' })).toEqual([]);
    expect(await lint(templateXml('proses'), 'nasional', { stage: 'pengajuan', sop: {} })).toEqual([]);
  });

  it('counts the main path without the rework loop, in the calendar of the profile', async () => {
    const xml = fixture('duration-total', 'invalid-total.bpmn');
    const [dps] = (await lint(xml, 'denpasar')).filter((f) => f.rule === 'sop/duration-total');
    // 1 + 2 + 5 days and 1 + 2 + 1 hours, then 1 day: 9 days (of 7 h 30 min on average in DPS) and 4 hours.
    expect(dps).toMatchObject({ severity: 'info', element: 'Participant_UnitKerja', inferred: false });
    expect(dps!.message).toMatch(/^Total waktu jalur utama: 71,5 jam kerja \(≈ 9,5 hari kerja menurut kalender Perwali Denpasar 69\/2023 Pasal 16–17\)/);
    expect(dps!.citations).toContain('Perwali Denpasar 69/2023 Pasal 16–17');
    const [national] = (await lint(xml, 'badung')).filter((f) => f.rule === 'sop/duration-total');
    expect(national!.message).toMatch(/^Total waktu jalur utama: 71,5 jam kerja \(≈ 9,5 hari kerja menurut kalender kerja bawaan/);
    // Stays info at submission.
    expect((await lint(xml, 'denpasar', { stage: 'pengajuan', sop: COMPLETE_IDENTITY })).find((f) => f.rule === 'sop/duration-total')?.severity).toBe('info');
  });

  it('says which activities on the path had no time, and reads times from annotations', async () => {
    // The rework loop's target gets 40 h: were the loop counted, or the "Tidak" exit taken, the total would change.
    let xml = fixture('duration-total', 'invalid-total.bpmn').replace('sk:time="5 hari"', 'sk:time="PT3H"');
    xml = xml.replace(/(id="Activity_MelaporkanHasilKerja"[^>]*?) sk:time="1 jam"/, '$1');
    const [finding] = (await lint(xml, 'nasional')).filter((f) => f.rule === 'sop/duration-total');
    // 1 + 2 + 1 days = 4 days = 30 h, plus 3 + 0 + 2 + 1 hours = 36 h.
    expect(finding!.message).toMatch(/^Total waktu jalur utama: 36 jam kerja \(≈ 4,8 hari kerja .*\); 1 kegiatan pada jalur ini belum memiliki waktu dan dihitung 0/);
    const annotated = (await lint(fixture('quality-standard', 'valid-annotation.bpmn'), 'nasional')).find((f) => f.rule === 'sop/duration-total');
    expect(annotated).toMatchObject({ inferred: true, message: expect.stringMatching(/^Total waktu jalur utama: 71,5 jam kerja/) });
  });

  it('takes the longest of parallel branches once, and drops loops', () => {
    // S → split → A (3) and B (5) → join → C (1) → E, with a loop C → A.
    const edges = new Map(
      Object.entries({ S: ['split'], split: ['A', 'B'], A: ['join'], B: ['join'], join: ['C'], C: ['E', 'A'] }).map(([k, v]) => [k, v.map((target) => ({ target }))]),
    );
    const weights: Record<string, number> = { A: 3, B: 5, C: 1 };
    expect(heaviestPath(edges, ['S'], new Set(['E']), (id) => weights[id] ?? 0)).toEqual({ ids: ['S', 'split', 'B', 'join', 'C', 'E'], total: 6 });
    expect(heaviestPath(edges, ['S'], new Set(['nowhere']), () => 1)).toBeUndefined();
  });

  it('keeps the role-map templates clean of activity-verb and quality-standard findings', async () => {
    for (const file of readdirSync(path.join(ROOT, 'processes/templates'))) {
      const findings = await lint(readText(path.join(ROOT, 'processes/templates', file)), 'nasional', { stage: 'pengajuan', sop: COMPLETE_IDENTITY });
      expect(findings.filter((f) => f.rule !== 'sop/duration-total'), file).toEqual([]);
    }
  });

  it('lints the MIWG corpus without a rule failing and without judging English names', async () => {
    for (const file of miwgFiles()) {
      const { definitions } = await parseBpmn(readText(file));
      const findings = await lintDefinitions(definitions, 'denpasar', { stage: 'pengajuan' });
      const name = path.relative(MIWG_DIR, file);
      expect(findings.filter((f) => f.message.includes('gagal dijalankan')), name).toEqual([]);
      expect(findings.filter((f) => f.rule === 'sop/activity-verb'), name).toEqual([]);
    }
  });
});
