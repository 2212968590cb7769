// The work mechanism of each organisation type of ROLES.md §3, stage by stage, as its regulation words it:
// GMS Ps 27–38 (setda, setwan, inspektorat, dinas/badan), BDG Lampiran I BAB II A and B.1 huruf f (rsud),
// DPS Lampiran B.3–B.6 (dpmptsp/brida, kecamatan, kelurahan/uptd, puskesmas/satuan pendidikan).
import type { Profile } from '../../../server/domain/vocabulary';
import type { ActivityKind } from '../../../server/lint/map-model/activity-kind';
import type { OrgType } from '../../../server/lint/map-model/levels';
import type { Phase } from '../../../server/lint/map-model/map-model';
import type { DataSpec, FlowSpec, LaneSpec, MapSpec, MutuBaku, NodeSpec, TaskSpec, UnitKind } from '../spec';

type Role = 'head' | 'middle' | 'leader' | 'ketua' | 'anggota';

interface Step extends MutuBaku {
  by: Role;
  name: string;
  kind?: ActivityKind;
  note?: string;
}

interface MechanismConfig {
  id: string;
  title: string;
  profile: Profile;
  orgType: OrgType;
  unitKind: UnitKind;
  pool: string;
  description: string;
  articles: string[];
  /** Level 1: sets the perjanjian kinerja and accepts the result. */
  head: Omit<LaneSpec, 'key'>;
  /** An official between Level 1 and the Pimpinan Unit Organisasi (Asisten, Wakil Direktur), if any. */
  middle?: Omit<LaneSpec, 'key'>;
  /** The Pimpinan Unit Organisasi (Level 2); absent in units with one level, where the head does its part. */
  leader?: Omit<LaneSpec, 'key'>;
  /** Planning steps between the perjanjian kinerja and the strategy (arahan, penunjukan, penugasan). */
  directions: Step[];
  strategy: Step;
  /** The middle official's review on the way up, when there is one. */
  middleReview?: Step;
  acceptance: Step;
}

const KETUA: Omit<LaneSpec, 'key'> = { name: 'Ketua Tim (Pejabat Fungsional)', jabatan: 'FUNGSIONAL', role: 'KETUA_TIM' };
const ANGGOTA: Omit<LaneSpec, 'key'> = { name: 'Anggota Tim (Pejabat Fungsional/Pelaksana)', jabatan: 'FUNGSIONAL', role: 'ANGGOTA_TIM' };

function mechanism(config: MechanismConfig): MapSpec {
  const leaderRole: Role = config.leader ? 'leader' : 'head';
  const lanes: LaneSpec[] = [
    { key: 'head', ...config.head },
    ...(config.middle ? [{ key: 'middle', ...config.middle }] : []),
    ...(config.leader ? [{ key: 'leader', ...config.leader }] : []),
    { key: 'ketua', ...KETUA },
    { key: 'anggota', ...ANGGOTA },
  ];
  const leaderName = (config.leader ?? config.head).name.replace(/ \(.*\)$/, '');
  const task = (key: string, phase: Phase, step: Step): TaskSpec => ({
    type: 'task',
    key,
    lane: step.by,
    name: step.name,
    phase,
    ...(step.kind ? { activityKind: step.kind } : {}),
    requirements: step.requirements,
    time: step.time,
    output: step.output,
    ...(step.note ? { note: step.note } : {}),
  });
  const nodes: NodeSpec[] = [
    { type: 'start', key: 'mulai', lane: 'head', name: 'Tahun anggaran dimulai' },
    task('perjanjianKinerja', 'perencanaan', {
      by: 'head',
      name: 'Menyusun dan menetapkan perjanjian kinerja',
      kind: 'perjanjian-kinerja',
      requirements: 'Renstra, Renja, DPA',
      time: '5 hari',
      output: 'Perjanjian kinerja yang ditetapkan',
      note: `Menjadi dasar penentuan ${leaderName} sebagai penanggung jawab target kinerja tertentu`,
    }),
    ...config.directions.map((step, index) => task(`arahan${index + 1}`, 'perencanaan', step)),
    task('strategi', 'perencanaan', config.strategy),
    task('rencanaKegiatan', 'perencanaan', {
      by: 'ketua',
      name: 'Menyusun rencana pelaksanaan kegiatan dan anggaran',
      kind: 'rencana-kegiatan',
      requirements: 'Strategi pelaksanaan, DPA',
      time: '3 hari',
      output: 'Rencana pelaksanaan kegiatan dan anggaran',
      note: `Disusun bersama ${leaderName}, secara individu maupun tim kerja`,
    }),
    task('rincianKegiatan', 'pelaksanaan', {
      by: 'ketua',
      name: 'Menyusun rincian pelaksanaan kegiatan dan membagi peran',
      requirements: 'Rencana pelaksanaan kegiatan dan anggaran',
      time: '1 hari',
      output: 'Rincian pelaksanaan kegiatan dan pembagian peran anggota tim',
    }),
    { type: 'xor', key: 'gabungPelaksanaan', lane: 'anggota', phase: 'pelaksanaan' },
    task('melaksanakan', 'pelaksanaan', {
      by: 'anggota',
      name: 'Melaksanakan kegiatan sesuai peran',
      requirements: 'Rincian pelaksanaan kegiatan, surat penugasan',
      time: '10 hari',
      output: 'Hasil pelaksanaan kegiatan',
      note: 'Berdasarkan kompetensi, keahlian dan/atau keterampilan',
    }),
    task('monitoring', 'pelaksanaan', {
      by: 'ketua',
      name: 'Memantau perkembangan dan memberi umpan balik',
      kind: 'monitoring',
      requirements: 'Laporan perkembangan kegiatan',
      time: '2 jam',
      output: 'Catatan umpan balik',
      note: 'Dilakukan secara berkala atau sewaktu-waktu',
    }),
    task('serahHasil', 'pelaksanaan', {
      by: 'ketua',
      name: `Menyampaikan hasil pelaksanaan kegiatan kepada ${leaderName}`,
      kind: 'serah-hasil',
      requirements: 'Hasil pelaksanaan kegiatan yang sesuai target',
      time: '1 jam',
      output: 'Laporan hasil pelaksanaan kegiatan',
    }),
    task('reviu', 'evaluasi', {
      by: leaderRole,
      name: 'Meninjau hasil pelaksanaan kegiatan',
      kind: 'reviu',
      requirements: 'Laporan hasil pelaksanaan kegiatan, perjanjian kinerja',
      time: '1 hari',
      output: `Hasil reviu ${leaderName}`,
    }),
    { type: 'xor', key: 'sesuaiTarget', lane: leaderRole, name: 'Sesuai target?', phase: 'evaluasi' },
    ...(config.middleReview ? [task('reviuBerjenjang', 'evaluasi', config.middleReview)] : []),
    task('penerimaan', 'evaluasi', config.acceptance),
    { type: 'end', key: 'selesai', lane: 'head', name: 'Kegiatan dinyatakan selesai' },
  ];
  const chain = nodes.filter((node) => node.key !== 'sesuaiTarget' && node.key !== 'penerimaan' && node.key !== 'reviuBerjenjang' && node.key !== 'selesai');
  const flows: FlowSpec[] = [];
  for (let i = 1; i < chain.length; i += 1) flows.push({ from: chain[i - 1]!.key, to: chain[i]!.key });
  flows.push({ from: 'reviu', to: 'sesuaiTarget' });
  const afterYes = config.middleReview ? 'reviuBerjenjang' : 'penerimaan';
  flows.push({ from: 'sesuaiTarget', to: afterYes, name: 'Ya' });
  flows.push({ from: 'sesuaiTarget', to: 'gabungPelaksanaan', name: 'Tidak' });
  if (config.middleReview) flows.push({ from: 'reviuBerjenjang', to: 'penerimaan' });
  flows.push({ from: 'penerimaan', to: 'selesai' });
  // A penugasan in planning gives the team its surat penugasan (GMS Ps 12(6); DPS Lampiran A.3).
  const assigning = config.directions.findIndex((step) => step.kind === 'penetapan-penugasan');
  const data: DataSpec[] =
    assigning < 0 ? [] : [{ key: 'suratPenugasan', name: 'Surat Penugasan', letter: 'penugasan', from: `arahan${assigning + 1}`, to: 'rencanaKegiatan' }];
  return {
    id: config.id,
    title: config.title,
    kind: 'mekanisme-kerja',
    profile: config.profile,
    group: 'mekanisme-kerja',
    orgType: config.orgType,
    scope: 'dalam-unit',
    description: config.description,
    articles: config.articles,
    pools: [{ key: 'unit', name: config.pool, unitKind: config.unitKind, orgType: config.orgType, performanceOwner: true, lanes }],
    nodes,
    flows,
    ...(data.length > 0 ? { data } : {}),
  };
}

const arahan = (by: Role, name: string, output: string, note?: string): Step => ({
  by,
  name,
  requirements: 'Perjanjian kinerja yang ditetapkan',
  time: '1 hari',
  output,
  ...(note ? { note } : {}),
});

const strategi = (by: Role, extra = ''): Step => ({
  by,
  name: 'Merumuskan strategi pelaksanaan pencapaian target kinerja',
  kind: 'strategi',
  requirements: 'Perjanjian kinerja, peta jabatan, arahan pimpinan',
  time: '2 hari',
  output: 'Strategi pelaksanaan dan susunan tim kerja',
  note: `Menentukan pelaksanaan tugas secara individu atau tim kerja, kebutuhan pelibatan Pejabat Fungsional atau Pelaksana lintas unit dan kebutuhan Ketua Tim${extra}`,
});

const penerimaan = (by: Role, who: string): Step => ({
  by,
  name: 'Menerima hasil pelaksanaan kegiatan dan menyatakan selesai',
  kind: 'penerimaan',
  requirements: 'Laporan hasil pelaksanaan kegiatan yang telah direviu',
  time: '1 hari',
  output: 'Hasil kegiatan diterima dan dinyatakan selesai',
  note: `Pelaksanaan kegiatan dinyatakan selesai setelah ${who} menerima hasil dan menyatakannya sesuai target`,
});

export const MECHANISM_MAPS: MapSpec[] = [
  mechanism({
    id: 'mk-setda',
    title: 'Mekanisme kerja Sekretariat Daerah',
    profile: 'gunung-mas',
    orgType: 'setda',
    unitKind: 'perangkat-daerah',
    pool: 'Sekretariat Daerah',
    description:
      'Perencanaan, pelaksanaan dan evaluasi pada Sekretariat Daerah: Kepala Bagian selaku Pejabat Penilai Kinerja dan Pimpinan Unit Organisasi; reviu berjenjang Kepala Bagian, Asisten, Sekretaris Daerah.',
    articles: ['Perbup Gunung Mas 18/2024 Pasal 8', 'Pasal 27', 'Pasal 28', 'Pasal 29'],
    head: { name: 'Sekretaris Daerah', jabatan: 'JPT', role: 'PEMILIK_KINERJA', level: 1 },
    middle: { name: 'Asisten', jabatan: 'JPT', level: 1 },
    leader: { name: 'Kepala Bagian', jabatan: 'ADMINISTRATOR', role: 'PIMPINAN_UNIT', level: 2 },
    directions: [
      arahan('middle', 'Membagi target kinerja dan menunjuk Kepala Bagian sebagai penanggung jawab', 'Penunjukan penanggung jawab target kinerja dan arahan pelaksanaan', 'Asisten memberikan arahan dan koordinasi kepada Kepala Bagian'),
    ],
    strategy: strategi('leader'),
    middleReview: {
      by: 'middle',
      name: 'Meninjau hasil pelaksanaan kegiatan dan meneruskan kepada Sekretaris Daerah',
      kind: 'reviu',
      requirements: 'Hasil pelaksanaan kegiatan yang telah sesuai target',
      time: '1 hari',
      output: 'Hasil reviu Asisten',
    },
    acceptance: penerimaan('head', 'Sekretaris Daerah'),
  }),
  mechanism({
    id: 'mk-setwan',
    title: 'Mekanisme kerja Sekretariat DPRD',
    profile: 'gunung-mas',
    orgType: 'setwan',
    unitKind: 'perangkat-daerah',
    pool: 'Sekretariat DPRD',
    description:
      'Perencanaan, pelaksanaan dan evaluasi pada Sekretariat DPRD: Kepala Bagian selaku Pejabat Penilai Kinerja dan Pimpinan Unit Organisasi; reviu Kepala Bagian lalu Sekretaris DPRD.',
    articles: ['Perbup Gunung Mas 18/2024 Pasal 8', 'Pasal 30', 'Pasal 31', 'Pasal 32'],
    head: { name: 'Sekretaris DPRD', jabatan: 'JPT', role: 'PEMILIK_KINERJA', level: 1 },
    leader: { name: 'Kepala Bagian', jabatan: 'ADMINISTRATOR', role: 'PIMPINAN_UNIT', level: 2 },
    directions: [arahan('head', 'Memberikan arahan dan koordinasi pencapaian target kinerja', 'Arahan pelaksanaan kegiatan', 'Kepala Bagian ditentukan sebagai penanggung jawab target kinerja tertentu')],
    strategy: strategi('leader', '; Kepala Bagian menyampaikan arahan dan ekspektasi target kinerja kepada Pejabat Fungsional dan Pelaksana'),
    acceptance: penerimaan('head', 'Sekretaris DPRD'),
  }),
  mechanism({
    id: 'mk-inspektorat',
    title: 'Mekanisme kerja Inspektorat',
    profile: 'gunung-mas',
    orgType: 'inspektorat',
    unitKind: 'perangkat-daerah',
    pool: 'Inspektorat',
    description:
      'Perencanaan, pelaksanaan dan evaluasi pada Inspektorat: Inspektur selaku Pejabat Penilai Kinerja menugaskan Pejabat Fungsional atas rekomendasi Inspektur Pembantu selaku Pimpinan Unit Organisasi.',
    articles: ['Perbup Gunung Mas 18/2024 Pasal 8', 'Pasal 33', 'Pasal 34', 'Pasal 35'],
    head: { name: 'Inspektur', jabatan: 'JPT', role: 'PENILAI_KINERJA', level: 1 },
    leader: { name: 'Inspektur Pembantu', jabatan: 'ADMINISTRATOR', role: 'PIMPINAN_UNIT', level: 2 },
    directions: [
      arahan('head', 'Memberikan arahan dan koordinasi pencapaian target kinerja', 'Arahan pelaksanaan kegiatan', 'Sekretaris dan Inspektur Pembantu ditentukan sebagai penanggung jawab target kinerja tertentu'),
      {
        by: 'head',
        name: 'Menugaskan Pejabat Fungsional dan Pelaksana atas rekomendasi Inspektur Pembantu',
        kind: 'penetapan-penugasan',
        requirements: 'Rekomendasi Sekretaris dan Inspektur Pembantu, peta jabatan',
        time: '1 hari',
        output: 'Surat penugasan Pejabat Fungsional dan Pelaksana',
        note: 'Mempertimbangkan kebutuhan jumlah, jenis dan jenjang jabatan, termasuk dari lintas unit organisasi',
      },
    ],
    strategy: strategi('leader', '; Inspektur Pembantu menyampaikan arahan dan ekspektasi target kinerja'),
    acceptance: penerimaan('head', 'Inspektur'),
  }),
  mechanism({
    id: 'mk-dinas-badan',
    title: 'Mekanisme kerja Dinas/Badan',
    profile: 'gunung-mas',
    orgType: 'dinas',
    unitKind: 'perangkat-daerah',
    pool: 'Dinas',
    description:
      'Perencanaan, pelaksanaan dan evaluasi pada Dinas atau Badan: Kepala Dinas/Badan selaku Pejabat Penilai Kinerja; Sekretaris dan Kepala Bidang selaku Pimpinan Unit Organisasi meninjau sebelum Kepala Dinas/Badan menerima.',
    articles: ['Perbup Gunung Mas 18/2024 Pasal 8', 'Pasal 36', 'Pasal 37', 'Pasal 38'],
    head: { name: 'Kepala Dinas', jabatan: 'JPT', role: 'PENILAI_KINERJA', level: 1 },
    leader: { name: 'Kepala Bidang', jabatan: 'ADMINISTRATOR', role: 'PIMPINAN_UNIT', level: 2 },
    directions: [
      arahan('head', 'Memberikan arahan dan koordinasi pencapaian target kinerja', 'Arahan pelaksanaan kegiatan', 'Sekretaris dan Kepala Bidang ditentukan sebagai penanggung jawab target kinerja tertentu'),
      {
        by: 'head',
        name: 'Menugaskan Pejabat Fungsional dan Pelaksana atas rekomendasi Kepala Bidang',
        kind: 'penetapan-penugasan',
        requirements: 'Rekomendasi Sekretaris dan Kepala Bidang, peta jabatan',
        time: '1 hari',
        output: 'Surat penugasan Pejabat Fungsional dan Pelaksana',
        note: 'Mempertimbangkan kebutuhan jumlah, jenis dan jenjang jabatan, termasuk dari lintas unit organisasi',
      },
    ],
    strategy: strategi('leader', '; Kepala Bidang menyampaikan arahan dan ekspektasi target kinerja'),
    acceptance: penerimaan('head', 'Kepala Dinas/Badan'),
  }),
  mechanism({
    id: 'mk-dpmptsp-brida',
    title: 'Mekanisme kerja DPMPTSP dan BRIDA',
    profile: 'denpasar',
    orgType: 'dpmptsp',
    unitKind: 'perangkat-daerah',
    pool: 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu',
    description:
      'Pejabat Fungsional dan Pelaksana berkedudukan langsung di bawah Kepala selaku Pejabat Level 1 dan Pejabat Penilai Kinerja; hasil disampaikan kepada Kepala. Kelompok pada Sekretariat mengikuti peta Dinas/Badan dengan Sekretaris.',
    articles: ['Perwali Denpasar 69/2023 Lampiran A.1', 'Lampiran B.3'],
    head: { name: 'Kepala Dinas', jabatan: 'JPT', role: 'PIMPINAN_UNIT', level: 1 },
    directions: [arahan('head', 'Memberikan arahan dan koordinasi pencapaian target kinerja', 'Arahan pelaksanaan kegiatan')],
    strategy: strategi('head', '; pelibatan dari Perangkat Daerah atau unit lain melalui permohonan pelibatan'),
    acceptance: penerimaan('head', 'Kepala Dinas'),
  }),
  mechanism({
    id: 'mk-rsud',
    title: 'Mekanisme kerja Rumah Sakit Umum Daerah',
    profile: 'badung',
    orgType: 'rsud',
    unitKind: 'perangkat-daerah',
    pool: 'Rumah Sakit Umum Daerah',
    description:
      'Rumah sakit daerah dengan tiga tingkat: Direktur, Wakil Direktur, lalu Kepala Bidang/Kepala Bagian selaku Pejabat Penilai Kinerja dan Pimpinan Unit Organisasi bagi Pejabat Fungsional dan Pelaksana; reviu naik satu tingkat sampai Direktur menerima.',
    articles: ['Perbup Badung 35/2023 Lampiran I BAB II A.1–3', 'Lampiran I BAB II B.1 huruf f'],
    head: { name: 'Direktur', jabatan: 'JPT', role: 'PEMILIK_KINERJA', level: 1 },
    middle: { name: 'Wakil Direktur', jabatan: 'ADMINISTRATOR', level: 2 },
    leader: { name: 'Kepala Bidang', jabatan: 'PENGAWAS', role: 'PIMPINAN_UNIT', level: 3 },
    directions: [arahan('middle', 'Menjabarkan target kinerja kepada Kepala Bidang dan Kepala Bagian', 'Pembagian target kinerja per bidang dan bagian', 'Wakil Direktur selaku Pejabat Penilai Kinerja Kepala Bidang dan Kepala Bagian')],
    strategy: strategi('leader'),
    middleReview: {
      by: 'middle',
      name: 'Meninjau hasil pelaksanaan kegiatan dan meneruskan kepada Direktur',
      kind: 'reviu',
      requirements: 'Hasil pelaksanaan kegiatan yang telah sesuai target',
      time: '1 hari',
      output: 'Hasil reviu Wakil Direktur',
    },
    acceptance: penerimaan('head', 'Direktur'),
  }),
  mechanism({
    id: 'mk-kecamatan',
    title: 'Mekanisme kerja Kecamatan',
    profile: 'denpasar',
    orgType: 'kecamatan',
    unitKind: 'perangkat-daerah',
    pool: 'Kecamatan',
    description:
      'Unit yang dipimpin Pejabat Administrator: Camat menetapkan perjanjian kinerja, merumuskan strategi, meninjau hasil, mengembalikan hasil yang belum sesuai kepada pelaksana dan menerima hasil yang sesuai.',
    articles: ['Perwali Denpasar 69/2023 Lampiran A.1', 'Lampiran B.4'],
    head: { name: 'Camat', jabatan: 'ADMINISTRATOR', role: 'PIMPINAN_UNIT', level: 1 },
    directions: [],
    strategy: strategi('head', '; pelibatan dari Perangkat Daerah atau unit lain melalui permohonan pelibatan'),
    acceptance: penerimaan('head', 'Camat'),
  }),
  mechanism({
    id: 'mk-kelurahan-uptd',
    title: 'Mekanisme kerja Kelurahan dan UPTD',
    profile: 'denpasar',
    orgType: 'kelurahan',
    unitKind: 'unit-organisasi',
    pool: 'Kelurahan',
    description:
      'Unit yang dipimpin Pejabat Pengawas (Lurah, Kepala UPTD) selaku Pimpinan Unit Organisasi dan Pejabat Penilai Kinerja: satu tingkat struktural, dari perjanjian kinerja sampai penerimaan hasil.',
    articles: ['Perwali Denpasar 69/2023 Lampiran A.1', 'Lampiran B.5'],
    head: { name: 'Lurah', jabatan: 'PENGAWAS', role: 'PIMPINAN_UNIT', level: 1 },
    directions: [],
    strategy: strategi('head', '; pelibatan dari Perangkat Daerah atau unit lain melalui permohonan pelibatan'),
    acceptance: penerimaan('head', 'Lurah'),
  }),
  mechanism({
    id: 'mk-puskesmas-satuan-pendidikan',
    title: 'Mekanisme kerja Puskesmas dan Satuan Pendidikan',
    profile: 'denpasar',
    orgType: 'puskesmas',
    unitKind: 'unit-organisasi',
    pool: 'UPT Puskesmas',
    description:
      'Unit yang dipimpin Pejabat Fungsional (Kepala Puskesmas, kepala satuan pendidikan) selaku Pejabat Level 1 dan Pejabat Penilai Kinerja, yang juga menugaskan Pejabat Fungsional dan Pelaksana.',
    articles: ['Perwali Denpasar 69/2023 Lampiran A.1', 'Lampiran B.6'],
    head: { name: 'Kepala Puskesmas', jabatan: 'FUNGSIONAL', role: 'PENILAI_KINERJA', level: 1 },
    directions: [
      {
        by: 'head',
        name: 'Menugaskan Pejabat Fungsional dan Pelaksana dalam pencapaian target kinerja',
        kind: 'penetapan-penugasan',
        requirements: 'Perjanjian kinerja, peta jabatan',
        time: '1 hari',
        output: 'Surat penugasan Pejabat Fungsional dan Pelaksana',
      },
    ],
    strategy: strategi('head', '; pelibatan dari Perangkat Daerah atau unit lain melalui permohonan pelibatan'),
    acceptance: penerimaan('head', 'Kepala Puskesmas'),
  }),
];
