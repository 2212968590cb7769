// Codes the sk: attributes accept (shared/domain/BPMN-CONVENTIONS.md, ROLES.md) with their Indonesian labels.
import type { KamusSynonym } from '../../../../server/lint/map-model/kamus-synonyms';

export interface SkOption {
  value: string;
  label: string;
}

/** Map kinds and regulation profiles come from the server (/api/meta), which owns their labels. */
export interface SkVocabulary {
  mapKinds: SkOption[];
  profiles: SkOption[];
  /** The repository's maps a call activity or sub-process may open (sk:calledMap), children of the open map first. */
  maps?: SkOption[];
  /** The repository's synonyms of the kamus jabatan (GET /api/kamus): a lane's "Jabatan / peran" says how its name reads. */
  kamus?: KamusSynonym[];
}

export const JABATAN: SkOption[] = [
  { value: 'KEPALA_DAERAH', label: 'Kepala Daerah (Bupati/Walikota)' },
  { value: 'JPT', label: 'Jabatan Pimpinan Tinggi' },
  { value: 'ADMINISTRATOR', label: 'Pejabat Administrator' },
  { value: 'PENGAWAS', label: 'Pejabat Pengawas' },
  { value: 'FUNGSIONAL', label: 'Pejabat Fungsional' },
  { value: 'PELAKSANA', label: 'Pelaksana' },
];

export const ROLES: SkOption[] = [
  { value: 'PENILAI_KINERJA', label: 'Pejabat Penilai Kinerja' },
  { value: 'PIMPINAN_UNIT', label: 'Pimpinan Unit Organisasi' },
  { value: 'PEMILIK_KINERJA', label: 'Pejabat Pemilik Kinerja' },
  { value: 'KETUA_TIM', label: 'Ketua Tim' },
  { value: 'ANGGOTA_TIM', label: 'Anggota Tim' },
  { value: 'PEJABAT_BERWENANG', label: 'Pejabat yang Berwenang' },
  { value: 'TIM_TRANSFORMASI', label: 'Tim Transformasi Manajemen' },
];

export const LANE_LEVELS: SkOption[] = [
  { value: '1', label: 'Level 1' },
  { value: '2', label: 'Level 2' },
  { value: '3', label: 'Level 3' },
];

export const UNIT_KINDS: SkOption[] = [
  { value: 'unit-organisasi', label: 'Unit organisasi' },
  { value: 'perangkat-daerah', label: 'Perangkat daerah' },
  { value: 'instansi', label: 'Instansi pemerintah' },
];

export const ORG_TYPES: SkOption[] = [
  { value: 'setda', label: 'Sekretariat Daerah' },
  { value: 'setwan', label: 'Sekretariat DPRD' },
  { value: 'inspektorat', label: 'Inspektorat' },
  { value: 'dinas', label: 'Dinas' },
  { value: 'badan', label: 'Badan' },
  { value: 'dpmptsp', label: 'DPMPTSP' },
  { value: 'brida', label: 'Badan Riset dan Inovasi Daerah' },
  { value: 'rsud', label: 'Rumah Sakit Umum Daerah' },
  { value: 'kecamatan', label: 'Kecamatan' },
  { value: 'kelurahan', label: 'Kelurahan' },
  { value: 'uptd', label: 'Unit Pelaksana Teknis Daerah' },
  { value: 'puskesmas', label: 'Puskesmas' },
  { value: 'satuan-pendidikan', label: 'Satuan pendidikan' },
];

export const PHASES: SkOption[] = [
  { value: 'perencanaan', label: 'Perencanaan' },
  { value: 'pelaksanaan', label: 'Pelaksanaan' },
  { value: 'evaluasi', label: 'Evaluasi' },
];

export const PROCESS_TYPES: SkOption[] = [
  { value: 'manajemen', label: 'Proses manajemen' },
  { value: 'inti', label: 'Proses inti' },
  { value: 'pendukung', label: 'Proses pendukung' },
];

export const ACTIVITY_KINDS: SkOption[] = [
  { value: 'perjanjian-kinerja', label: 'Perjanjian kinerja' },
  { value: 'strategi', label: 'Penyusunan strategi' },
  { value: 'rencana-kegiatan', label: 'Rencana kegiatan dan anggaran' },
  { value: 'monitoring', label: 'Monitoring dan umpan balik' },
  { value: 'serah-hasil', label: 'Penyampaian hasil' },
  { value: 'reviu', label: 'Reviu hasil' },
  { value: 'penerimaan', label: 'Penerimaan hasil' },
  { value: 'penetapan-penugasan', label: 'Penetapan penugasan' },
];

export const LETTERS: SkOption[] = [
  { value: 'permohonan-pelibatan', label: 'Surat permohonan pelibatan' },
  { value: 'jawaban-permohonan', label: 'Surat jawaban permohonan' },
  { value: 'penugasan', label: 'Surat penugasan' },
  { value: 'pengajuan-sukarela', label: 'Pengajuan sukarela' },
  { value: 'laporan', label: 'Laporan' },
  { value: 'perjanjian-kinerja', label: 'Perjanjian kinerja' },
];
