// Reporting lines and voluntary applications (RULES.md §C–D): what the findings say and whether they rest on names,
// how the map model tells perangkat daerah apart, and that the rules stay silent on the templates and never crash.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBpmn } from '../../server/bpmn/moddle';
import { PROFILES, type Profile } from '../../server/domain/vocabulary';
import { lintDefinitions } from '../../server/lint/engine';
import { governmentFromName, isInstansiName, perangkatDaerahFromName } from '../../server/lint/map-model/levels';
import { readMap } from '../../server/lint/map-model/map-model';
import { scopeOf } from '../../server/lint/map-model/scope';
import { MIWG_DIR, miwgFiles, readText, ROOT } from '../helpers/fixtures';

const RULES = ['mk/reporting-line', 'mk/team-lead-origin', 'mk/voluntary-scope', 'mk/voluntary-flow'];
const fixture = (rule: string, file: string) => readText(path.join(ROOT, 'test/lint/rules', rule, file));

async function findings(xml: string, profile: Profile, rule: string) {
  const { definitions } = await parseBpmn(xml);
  return (await lintDefinitions(definitions, profile)).filter((f) => f.rule === rule);
}

describe('findings on maps without sk: attributes rest on names', () => {
  it.each([
    ['mk/reporting-line', 'invalid-anggota-from-names.bpmn', 'nasional', ['"Anggota Tim (Pranata Komputer)"', '"Kepala Bidang"', 'dilaporkan kepada Ketua Tim']],
    ['mk/team-lead-origin', 'invalid-from-names.bpmn', 'nasional', ['"Ketua Tim"', '"Badan Kepegawaian"', '"Dinas Kesehatan"']],
    ['mk/voluntary-scope', 'invalid-lintas-pd-from-names.bpmn', 'badung', ['"Badan Kepegawaian"', '"Dinas Kesehatan"', 'lintas perangkat daerah']],
    ['mk/voluntary-flow', 'invalid-to-ketua-tim-from-names.bpmn', 'gunung-mas', ['"Pranata Komputer"', '"Ketua Tim"', 'Pimpinan Unit Organisasi']],
  ] as const)('%s on %s', async (rule, file, profile, phrases) => {
    const reported = await findings(fixture(rule, file), profile, rule);
    expect(reported).toHaveLength(1);
    expect(reported[0]!.inferred).toBe(true);
    for (const phrase of phrases) expect(reported[0]!.message).toContain(phrase);
  });

  it('says inferred: false when sk: attributes state every fact', async () => {
    const [ketua] = await findings(fixture('mk/reporting-line', 'invalid-ketua-to-level1.bpmn'), 'nasional', 'mk/reporting-line');
    expect(ketua).toMatchObject({ element: 'Flow_LaporanKetua', inferred: false });
    expect(ketua!.message).toContain('melewati Pimpinan Unit Organisasi');
    const [instansi] = await findings(fixture('mk/voluntary-scope', 'invalid-lintas-instansi.bpmn'), 'gunung-mas', 'mk/voluntary-scope');
    expect(instansi).toMatchObject({ element: 'MessageFlow_Pengajuan', inferred: false });
    expect(instansi!.message).toContain('lintas instansi pemerintah');
  });

  it('names the kedudukan row under Jembrana when it places the JF under a Pejabat Administrator', async () => {
    const [muda] = await findings(fixture('mk/reporting-line', 'invalid-individual-ahli-muda.bpmn'), 'jembrana', 'mk/reporting-line');
    expect(muda!.message).toContain('Perbup Jembrana 35/2023 Pasal 8 huruf b');
    expect(muda!.inferred).toBe(true);
    const [nasional] = await findings(fixture('mk/reporting-line', 'invalid-individual-ahli-muda.bpmn'), 'nasional', 'mk/reporting-line');
    expect(nasional!.message).not.toContain('Pasal 8 huruf b');
  });

  it('reports a cross-unit application that no penugasan follows', async () => {
    const xml = fixture('mk/voluntary-flow', 'valid-lintas-unit.bpmn').replace(' sk:activityKind="penetapan-penugasan"', '').replace('Menyusun surat penugasan', 'Memeriksa persetujuan');
    const reported = await findings(xml, 'gunung-mas', 'mk/voluntary-flow');
    expect(reported.map((f) => f.element)).toEqual(['MessageFlow_Pengajuan']);
    expect(reported[0]!.message).toContain('tidak diikuti penugasan');
    expect(await findings(xml, 'denpasar', 'mk/voluntary-flow')).toEqual([]);
  });
});

describe('hand-offs that report and that apply', () => {
  const handOff = async (rule: string, file: string, id: string, edit = (xml: string) => xml) =>
    readMap((await parseBpmn(edit(fixture(rule, file)))).definitions).handOffs.find((h) => h.id === id);

  it('says whether a report rests on names', async () => {
    expect(await handOff('mk/reporting-line', 'invalid-ketua-to-level1.bpmn', 'Flow_LaporanKetua')).toMatchObject({ report: true, reportInferred: false });
    expect(await handOff('mk/reporting-line', 'invalid-anggota-from-names.bpmn', 'Flow_LaporanAnggota')).toMatchObject({ report: true, reportInferred: true });
    expect(await handOff('mk/reporting-line', 'invalid-anggota-from-names.bpmn', 'Flow_KePelaksanaan')).toMatchObject({ report: false, reportInferred: false });
  });

  it('recognises an application by the applicant’s step or the flow’s name, not by the answer to it', async () => {
    expect(await handOff('mk/voluntary-flow', 'valid-dalam-unit.bpmn', 'Flow_Pengajuan')).toMatchObject({ voluntary: true });
    expect(await handOff('mk/voluntary-flow', 'valid-dalam-unit.bpmn', 'Flow_Penugasan')).toMatchObject({ voluntary: false });
    const renamed = (xml: string) => xml.replace('name="Surat pengajuan sukarela"', 'name="Surat permohonan untuk dapat dilibatkan"').replace('Menyampaikan surat pengajuan sukarela', 'Mengirim surat');
    expect(await handOff('mk/voluntary-scope', 'invalid-lintas-pd-from-names.bpmn', 'MessageFlow_Pengajuan', renamed)).toMatchObject({ voluntary: true, letters: ['permohonan-pelibatan'] });
    const reported = await findings(renamed(fixture('mk/voluntary-scope', 'invalid-lintas-pd-from-names.bpmn')), 'gunung-mas', 'mk/voluntary-scope');
    expect(reported).toMatchObject([{ element: 'MessageFlow_Pengajuan', inferred: true }]);
  });
});

describe('perangkat daerah and scopes from names', () => {
  it.each([
    ['Dinas Kesehatan', 'dinas kesehatan'],
    ['Bidang P2P, Dinas Kesehatan Kabupaten Badung', 'dinas kesehatan'],
    ['Bagian Organisasi Setda', 'sekretariat daerah'],
    ['Setda Kab. Badung – Bagian Organisasi', 'sekretariat daerah'],
    ['Dinas Kesehatan - Bidang P2P', 'dinas kesehatan'],
    ['Badan Kepegawaian', 'badan kepegawaian'],
    ['Bidang P2P', undefined],
    ['UPTD Puskesmas Mengwi', undefined],
  ])('%s → %s', (name, expected) => {
    expect(perangkatDaerahFromName(name)).toBe(expected);
  });

  it.each([
    ['Bagian Hukum Setda Kab. Badung', 'kabupaten badung'],
    ['Pemerintah Kota Denpasar', 'kota denpasar'],
    ['Setda Kab. Badung – Bagian Organisasi', 'kabupaten badung'],
    ['Dinas Perumahan dan Tata Kota', undefined],
    ['Dinas Kesehatan', undefined],
  ])('government of %s → %s', (name, expected) => {
    expect(governmentFromName(name)).toBe(expected);
  });

  it('tells an instansi from a perangkat daerah of it', () => {
    expect(isInstansiName('Kementerian Kesehatan')).toBe(true);
    expect(isInstansiName('Pemerintah Kota Denpasar')).toBe(true);
    expect(isInstansiName('Dinas Kesehatan Pemerintah Kabupaten Badung')).toBe(false);
  });

  it('reads the scope of the fixtures’ applications', async () => {
    const fixtureScope = async (file: string) => {
      const model = readMap((await parseBpmn(fixture('mk/voluntary-scope', file))).definitions);
      return scopeOf(model, model.placement('Activity_Mengajukan'), model.placement('StartEvent_Terima'));
    };
    expect(await fixtureScope('valid.bpmn')).toEqual({ scope: 'lintas-unit', inferred: true });
    expect(await fixtureScope('invalid-lintas-pd-from-names.bpmn')).toEqual({ scope: 'lintas-pd', inferred: true });
    expect(await fixtureScope('invalid-lintas-instansi.bpmn')).toEqual({ scope: 'lintas-instansi', inferred: false });
  });
});

describe('the four rules on real maps', () => {
  const templates = readdirSync(path.join(ROOT, 'processes/templates')).filter((f) => f.endsWith('.bpmn'));

  it.each(templates)('find nothing in the template %s under any profile', async (file) => {
    const xml = readText(path.join(ROOT, 'processes/templates', file));
    for (const profile of PROFILES) {
      const { definitions } = await parseBpmn(xml);
      const ours = (await lintDefinitions(definitions, profile)).filter((f) => RULES.includes(f.rule));
      expect(ours, `${file} under ${profile}`).toEqual([]);
    }
  });

  it.each(miwgFiles().map((f) => [path.relative(MIWG_DIR, f), f]))('run on %s without a crash', async (_name, file) => {
    for (const profile of ['gunung-mas', 'jembrana', 'denpasar'] as const) {
      const { definitions } = await parseBpmn(readText(file));
      const ours = (await lintDefinitions(definitions, profile)).filter((f) => RULES.includes(f.rule));
      expect(ours.filter((f) => f.message.includes('gagal dijalankan')), profile).toEqual([]);
    }
  });
});
