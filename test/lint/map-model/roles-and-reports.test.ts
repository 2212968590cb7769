// Readings issue 12 items 5–6 fixed in the map model: a lane holding several roles, a jabatan fungsional whose title
// opens with "Administrator", drafting an assignment letter, and reports that are not of work results.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBpmn } from '../../../server/bpmn/moddle';
import { kindsFromName } from '../../../server/lint/map-model/activity-kind';
import { readTitle } from '../../../server/lint/map-model/kamus-jabatan';
import { letterKindFromName } from '../../../server/lint/map-model/letters';
import { hasRole, readMap } from '../../../server/lint/map-model/map-model';
import { readText, ROOT } from '../../helpers/fixtures';

const fixture = (rule: string, file: string) => readText(path.join(ROOT, 'test/lint/rules', rule, file));
const modelOf = async (xml: string) => readMap((await parseBpmn(xml)).definitions);

describe('a jabatan fungsional whose title holds "Administrator" (kamus-jabatan.ts)', () => {
  it.each(['Administrator Kesehatan Ahli Pertama', 'Administrator Kesehatan Ahli Muda', 'Administrator Database Kependudukan Terampil', 'Administrator Kesehatan'])(
    'reads "%s" as a fungsional',
    (name) => {
      const reading = readTitle(name);
      expect(reading.jabatan).toBe('FUNGSIONAL');
      expect(reading.jabatanChoices).toBeUndefined();
    },
  );

  it('still reads the Administrator level where the title names it', () => {
    expect(readTitle('Pejabat Administrator').jabatan).toBe('ADMINISTRATOR');
    expect(readTitle('Administrator').jabatan).toBe('ADMINISTRATOR');
    expect(readTitle('Pejabat Administrator (Ketua Tim Ahli Muda)').jabatanChoices).toEqual(['ADMINISTRATOR', 'FUNGSIONAL']);
  });
});

describe('one lane, several roles (map-model.ts)', () => {
  it('reads every role a name states, and the Pimpinan Unit its office leads', () => {
    expect(readTitle('Kepala Puskesmas (Pejabat Penilai Kinerja)')).toMatchObject({ role: 'PENILAI_KINERJA', roles: ['PENILAI_KINERJA'], office: 'kepala-puskesmas' });
    expect(readTitle('Kepala Bidang (Pimpinan Unit Organisasi, Pejabat Penilai Kinerja)').roles).toEqual(['PIMPINAN_UNIT', 'PENILAI_KINERJA']);
  });

  it.each([
    ['valid-kepala-puskesmas-penilai-kinerja-from-names.bpmn', true],
    ['valid-kepala-puskesmas-penilai-kinerja.bpmn', false],
  ])('gives the Kepala Puskesmas of %s both readings', async (file, inferred) => {
    const lane = (await modelOf(fixture('mk/reporting-line', file))).lane('Lane_KepalaPuskesmas')!;
    expect(lane.role).toBe('PENILAI_KINERJA');
    expect(hasRole(lane, 'PENILAI_KINERJA')).toBe(true);
    expect(hasRole(lane, 'PIMPINAN_UNIT')).toBe(true);
    expect(lane.inferred).toBe(inferred);
  });

  it('reads several codes in sk:role, and keeps a declared staff role alone', async () => {
    const xml = fixture('mk/reporting-line', 'valid-kepala-puskesmas-penilai-kinerja.bpmn')
      .replace('name="Kepala Puskesmas (Pejabat Penilai Kinerja)" sk:jabatan="FUNGSIONAL" sk:role="PENILAI_KINERJA"', 'name="Kapus" sk:jabatan="FUNGSIONAL" sk:role="PENILAI_KINERJA PIMPINAN_UNIT"');
    const model = await modelOf(xml);
    expect(model.lane('Lane_KepalaPuskesmas')).toMatchObject({ role: 'PENILAI_KINERJA', roles: ['PENILAI_KINERJA', 'PIMPINAN_UNIT'], inferred: false });
    expect(model.lane('Lane_KetuaTim')).toMatchObject({ role: 'KETUA_TIM', roles: ['KETUA_TIM'] });
  });
});

describe('drafting a letter is not issuing it (activity-kind.ts)', () => {
  it.each([
    ['Menyiapkan konsep surat penugasan', []],
    ['Membuat draf surat penugasan', []],
    ['Menyusun konsep surat penugasan tim kerja', []],
    ['Menandatangani surat penugasan', ['penetapan-penugasan']],
    ['Menetapkan penugasan', ['penetapan-penugasan']],
  ])('reads "%s" as %j', (name, kinds) => {
    expect(kindsFromName(name)).toEqual(kinds);
  });
});

describe('a finance report is not a report of work results (report-name.ts)', () => {
  it('reads the letters by name', () => {
    expect(letterKindFromName('Laporan Keuangan')).toBeUndefined();
    expect(letterKindFromName('Laporan realisasi anggaran')).toBeUndefined();
    expect(letterKindFromName('Laporan hasil kegiatan')).toBe('laporan');
    expect(letterKindFromName('Laporan keuangan dan laporan hasil kegiatan')).toBe('laporan');
  });

  it.each(['valid-laporan-keuangan.bpmn', 'valid-laporan-keuangan-from-names.bpmn'])('reads the hand-offs of %s', async (file) => {
    const model = await modelOf(fixture('mk/reporting-line', file));
    const handOff = (id: string) => model.handOffs.find((h) => h.id === id);
    expect(handOff('Flow_LaporanKeuangan')).toMatchObject({ report: false });
    expect(handOff('Flow_LaporanAnggota')).toMatchObject({ report: true });
    expect(handOff('Flow_LaporanKetua')).toMatchObject({ report: true });
  });
});
