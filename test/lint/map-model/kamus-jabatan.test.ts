import { describe, expect, it } from 'vitest';
import { suggestionsFor } from '../../../server/lint/map-model/kamus-suggestions';
import { readTitle, type JabatanCode, type RoleCode } from '../../../server/lint/map-model/kamus-jabatan';
import { levelOf, orgTypeFromName, type Level, type OrgType } from '../../../server/lint/map-model/levels';

type Row = [name: string, jabatan: JabatanCode | undefined, role: RoleCode | undefined];

/** Lane names as they appear in real maps, with what ROLES.md §1–2 says they are. */
const LANE_NAMES: Row[] = [
  ['Bupati', 'KEPALA_DAERAH', undefined],
  ['Walikota Denpasar', 'KEPALA_DAERAH', undefined],
  ['Wakil Bupati', 'KEPALA_DAERAH', undefined],
  ['Sekretaris Daerah', 'JPT', undefined],
  ['SEKDA', 'JPT', undefined],
  ['Asisten Perekonomian dan Pembangunan', 'JPT', undefined],
  ['Kepala Dinas Kesehatan', 'JPT', undefined],
  ['Kadis', 'JPT', undefined],
  ['Kaban Keuangan', 'JPT', undefined],
  ['Kepala Badan Kepegawaian', 'JPT', undefined],
  ['Inspektur', 'JPT', undefined],
  ['Sekretaris DPRD', 'JPT', undefined],
  ['Direktur RSUD', 'JPT', undefined],
  ['Sekretaris', 'ADMINISTRATOR', undefined],
  ['Sekdis', 'ADMINISTRATOR', undefined],
  ['Sekretaris Dinas', 'ADMINISTRATOR', undefined],
  ['Kepala Bidang', 'ADMINISTRATOR', undefined],
  ['kabid pelayanan kesehatan', 'ADMINISTRATOR', undefined],
  ['Ka. Bidang Anggaran', 'ADMINISTRATOR', undefined],
  ['KEPALA  BIDANG', 'ADMINISTRATOR', undefined],
  ['Kepala Bagian Organisasi', 'ADMINISTRATOR', undefined],
  ['Kabag Umum', 'ADMINISTRATOR', undefined],
  ['Inspektur Pembantu II', 'ADMINISTRATOR', undefined],
  ['Irban Wilayah I', 'ADMINISTRATOR', undefined],
  ['Camat', 'ADMINISTRATOR', undefined],
  ['Wakil Direktur Pelayanan', 'ADMINISTRATOR', undefined],
  ['Kepala Sub Bagian Umum dan Kepegawaian', 'PENGAWAS', undefined],
  ['Kasubag Keuangan', 'PENGAWAS', undefined],
  ['Kasubbag TU', 'PENGAWAS', undefined],
  ['Kepala Subbagian Perencanaan', 'PENGAWAS', undefined],
  ['Kasi Pemerintahan', 'PENGAWAS', undefined],
  ['Kasie. Trantib', 'PENGAWAS', undefined],
  ['Kepala Seksi Kesejahteraan Sosial', 'PENGAWAS', undefined],
  ['Kasubid Data', 'PENGAWAS', undefined],
  ['Sekcam', 'PENGAWAS', undefined],
  ['Lurah', 'PENGAWAS', undefined],
  ['Kepala UPTD Pengelolaan Sampah', 'PENGAWAS', undefined],
  ['Kepala Puskesmas', 'FUNGSIONAL', undefined],
  ['Kapus', 'FUNGSIONAL', undefined],
  ['Analis Kebijakan Ahli Muda', 'FUNGSIONAL', undefined],
  ['Pranata Komputer Ahli Pertama', 'FUNGSIONAL', undefined],
  ['Auditor', 'FUNGSIONAL', undefined],
  ['JF Perencana', 'FUNGSIONAL', undefined],
  ['Jabfung', 'FUNGSIONAL', undefined],
  ['Pejabat Fungsional', 'FUNGSIONAL', undefined],
  ['Pelaksana', 'PELAKSANA', undefined],
  ['Staf Bidang Umum', 'PELAKSANA', undefined],
  ['Pengadministrasi Umum', 'PELAKSANA', undefined],
  ['Pengelola Keuangan', 'PELAKSANA', undefined],
  ['Ketua Tim', undefined, 'KETUA_TIM'],
  ['Ketua Tim Kerja', undefined, 'KETUA_TIM'],
  ['Anggota Tim', undefined, 'ANGGOTA_TIM'],
  ['Pejabat Penilai Kinerja', undefined, 'PENILAI_KINERJA'],
  ['Pimpinan Unit Organisasi', undefined, 'PIMPINAN_UNIT'],
  ['Pejabat Pemilik Kinerja', undefined, 'PEMILIK_KINERJA'],
  ['Pejabat yang Berwenang', undefined, 'PEJABAT_BERWENANG'],
  ['Tim Transformasi Manajemen', undefined, 'TIM_TRANSFORMASI'],
  ['Kepala Bidang (Pimpinan Unit Organisasi)', 'ADMINISTRATOR', 'PIMPINAN_UNIT'],
  ['Ketua Tim (JF Ahli Muda)', 'FUNGSIONAL', 'KETUA_TIM'],
  ['Anggota Tim (Pelaksana)', 'PELAKSANA', 'ANGGOTA_TIM'],
  ['Kasubag Umum (Pejabat Penilai Kinerja)', 'PENGAWAS', 'PENILAI_KINERJA'],
  ['Kepala Bidang selaku Pejabat Penilai Kinerja', 'ADMINISTRATOR', 'PENILAI_KINERJA'],
  ['Pejabat Fungsional / Pelaksana', undefined, undefined],
];

describe('kamus jabatan (ROLES.md §1–2)', () => {
  it.each(LANE_NAMES)('reads "%s" as jabatan %s, role %s', (name, jabatan, role) => {
    const reading = readTitle(name);
    expect(reading.jabatan).toBe(jabatan);
    expect(reading.role).toBe(role);
    expect(reading.matched.length).toBeGreaterThan(0);
  });

  it('reads alternatives ("Pejabat Fungsional / Pelaksana") as a choice, not one jabatan', () => {
    expect(readTitle('Pejabat Fungsional / Pelaksana').jabatanChoices).toEqual(['FUNGSIONAL', 'PELAKSANA']);
  });

  it.each([
    ['Koordinator Perencanaan', 'koordinator'],
    ['Subkoordinator Keuangan', 'subkoordinator'],
    ['Sub Koordinator Umum', 'subkoordinator'],
    ['KOORDINATOR', 'koordinator'],
  ])('recognises "%s" as a %s, a post abolished by the simplification', (name, kind) => {
    expect(readTitle(name).koordinator).toBe(kind);
  });

  it.each([
    ['Kepala Bidnag', 'Kepala Bidang'],
    ['Sekertaris', 'Sekretaris'],
    ['Ketua Tm', 'Ketua Tim'],
    ['Kepala Seksie', 'Kepala Seksi'],
    ['Anggota', 'Anggota Tim'],
  ])('suggests for the unknown "%s" the nearest title %s', (name, nearest) => {
    expect(readTitle(name).matched).toEqual([]);
    expect(suggestionsFor(name, 3).map((s) => s.label)).toContain(nearest);
  });

  it.each(['Lane 1', 'Customer', 'Bagian Umum', ''])('knows nothing in "%s"', (name) => {
    const reading = readTitle(name);
    expect(reading.jabatan).toBeUndefined();
    expect(reading.role).toBeUndefined();
  });
});

describe('organisation table (ROLES.md §3)', () => {
  const LEVELS: Array<[string, OrgType, Level | undefined]> = [
    ['Kepala Dinas', 'dinas', 1],
    ['Kabid Pelayanan', 'dinas', 2],
    ['Sekretaris', 'badan', 2],
    ['Kasi Pelayanan', 'dinas', 3],
    ['Sekretaris Daerah', 'setda', 1],
    ['Kepala Bagian Organisasi', 'setda', 2],
    ['Kasubag Kelembagaan', 'setda', 3],
    ['Sekretaris DPRD', 'setwan', 1],
    ['Inspektur', 'inspektorat', 1],
    ['Irban II', 'inspektorat', 2],
    ['Direktur', 'rsud', 1],
    ['Wakil Direktur', 'rsud', 2],
    ['Kepala Bidang Keperawatan', 'rsud', 3],
    ['Camat', 'kecamatan', 1],
    ['Sekcam', 'kecamatan', 2],
    ['Kasi Pemerintahan', 'kecamatan', 2],
    ['Lurah', 'kelurahan', 1],
    ['Kepala UPTD', 'uptd', 1],
    ['Kepala Puskesmas', 'puskesmas', 1],
    ['Kepala', 'dpmptsp', 1],
    ['Sekretaris', 'brida', 2],
    ['Ketua Tim', 'dinas', undefined],
    ['Pelaksana', 'dinas', undefined],
    ['JPT', 'dinas', 1],
    ['ADMINISTRATOR', 'setda', 2],
    ['PENGAWAS', 'kelurahan', 1],
  ];
  it.each(LEVELS)('puts "%s" in a %s at level %s', (title, orgType, level) => {
    expect(levelOf(title, orgType)).toBe(level);
  });

  it.each([
    ['Dinas Kesehatan', 'dinas'],
    ['Badan Keuangan Daerah', 'badan'],
    ['Sekretariat Daerah', 'setda'],
    ['Bagian Organisasi Setda', 'setda'],
    ['Sekretariat DPRD', 'setwan'],
    ['Inspektorat Daerah', 'inspektorat'],
    ['DPMPTSP', 'dpmptsp'],
    ['RSUD Wangaya', 'rsud'],
    ['Kecamatan Denpasar Barat', 'kecamatan'],
    ['Kelurahan Dauh Puri', 'kelurahan'],
    ['UPTD Pengelolaan Sampah', 'uptd'],
    ['Puskesmas I Denpasar Timur', 'puskesmas'],
    ['Unit Kerja', undefined],
  ])('reads the pool "%s" as orgType %s', (name, orgType) => {
    expect(orgTypeFromName(name)).toBe(orgType);
  });
});
