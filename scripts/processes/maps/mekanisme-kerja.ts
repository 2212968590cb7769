// The work mechanism of each organisation type of ROLES.md §3, step by step as its regulation words it:
// GMS Ps 27–38 (setda, setwan, inspektorat, dinas/badan), BDG Lampiran I BAB II A and B.1 huruf f (rsud),
// DPS Lampiran B.3–B.6 (dpmptsp/brida, kecamatan, kelurahan/uptd, puskesmas/satuan pendidikan). Every activity draws
// one step of the text (its `step`, written as sk:step and listed in the catalog); a "Sesuai target?" decision that
// returns the work to execution is drawn only where the text has it (DPS Lampiran B.4 huruf c angka (2)).
import type { Profile } from '../../../server/domain/vocabulary';
import type { ActivityKind } from '../../../server/lint/map-model/activity-kind';
import type { OrgType } from '../../../server/lint/map-model/levels';
import type { Phase } from '../../../server/lint/map-model/map-model';
import type { DataSpec, FlowSpec, LampiranStep, LaneSpec, MapSpec, MutuBaku, NodeSpec, TaskSpec, UnitKind } from '../spec';

type Role = 'head' | 'middle' | 'leader' | 'ketua' | 'anggota';

interface Step extends MutuBaku {
  key: string;
  by: Role;
  phase: Phase;
  name: string;
  kind?: ActivityKind;
  note?: string;
  step: LampiranStep;
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
  /** An official between Level 1 and the Pimpinan Unit Organisasi (Asisten, Wakil Direktur, Sekretaris), if any. */
  middle?: Omit<LaneSpec, 'key'>;
  /** The Pimpinan Unit Organisasi (Level 2); absent in units with one level, where the head does its part. */
  leader?: Omit<LaneSpec, 'key'>;
  /** The steps in the order of the text (and of the flow). */
  steps: Step[];
  /**
   * The evaluation decision whose "Tidak" exit returns the work to execution, after the step `after`, by `by`
   * (DPS Lampiran B.4 huruf c angka (2)); absent where the text has none.
   */
  rework?: { after: string; by: Role };
}

const KETUA: Omit<LaneSpec, 'key'> = { name: 'Ketua Tim (Pejabat Fungsional)', jabatan: 'FUNGSIONAL', role: 'KETUA_TIM' };
const ANGGOTA: Omit<LaneSpec, 'key'> = { name: 'Anggota Tim (Pejabat Fungsional/Pelaksana)', jabatan: 'FUNGSIONAL', role: 'ANGGOTA_TIM' };

function mechanism(config: MechanismConfig): MapSpec {
  const lanes: LaneSpec[] = [
    { key: 'head', ...config.head },
    ...(config.middle ? [{ key: 'middle', ...config.middle }] : []),
    ...(config.leader ? [{ key: 'leader', ...config.leader }] : []),
    { key: 'ketua', ...KETUA },
    { key: 'anggota', ...ANGGOTA },
  ];
  const task = (step: Step): TaskSpec => ({
    type: 'task',
    key: step.key,
    lane: step.by,
    name: step.name,
    phase: step.phase,
    ...(step.kind ? { activityKind: step.kind } : {}),
    requirements: step.requirements,
    time: step.time,
    output: step.output,
    ...(step.note ? { note: step.note } : {}),
    step: step.step,
  });
  const nodes: NodeSpec[] = [{ type: 'start', key: 'mulai', lane: 'head', name: 'Tahun anggaran dimulai' }];
  for (const step of config.steps) {
    if (config.rework && step.key === 'melaksanakan') nodes.push({ type: 'xor', key: 'gabungPelaksanaan', lane: 'anggota', phase: 'pelaksanaan' });
    nodes.push(task(step));
    if (config.rework && step.key === config.rework.after) {
      nodes.push({ type: 'xor', key: 'sesuaiTarget', lane: config.rework.by, name: 'Sesuai target?', phase: 'evaluasi' });
    }
  }
  nodes.push({ type: 'end', key: 'selesai', lane: 'head', name: 'Kegiatan dinyatakan selesai' });
  const flows: FlowSpec[] = [];
  for (let i = 1; i < nodes.length; i += 1) {
    const from = nodes[i - 1]!;
    flows.push({ from: from.key, to: nodes[i]!.key, ...(from.key === 'sesuaiTarget' ? { name: 'Ya' } : {}) });
  }
  if (config.rework) flows.push({ from: 'sesuaiTarget', to: 'gabungPelaksanaan', name: 'Tidak' });
  // A penugasan in planning gives the team its surat penugasan (GMS Ps 12(6); DPS Lampiran A.3).
  const assigning = config.steps.find((step) => step.kind === 'penetapan-penugasan');
  const data: DataSpec[] = assigning ? [{ key: 'suratPenugasan', name: 'Surat Penugasan', letter: 'penugasan', from: assigning.key, to: 'rencanaKegiatan' }] : [];
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

/** Steps of one regulation: `at(id, article, text)` makes the LampiranStep with the regulation's name in front. */
const stepsOf = (regulation: string) => (id: string, article: string, text: string): LampiranStep => ({ id, article: `${regulation} ${article}`, text });
const gms = stepsOf('Perbup Gunung Mas 18/2024');
const dps = stepsOf('Perwali Denpasar 69/2023');
const bdg = stepsOf('Perbup Badung 35/2023');

// The recurring steps, each with its mutu baku; the caller gives the lane, the wording and the step of the text.

const perjanjianKinerja = (step: LampiranStep, by: Role = 'head'): Step => ({
  key: 'perjanjianKinerja',
  by,
  phase: 'perencanaan',
  name: 'Menyusun dan menetapkan perjanjian kinerja',
  kind: 'perjanjian-kinerja',
  requirements: 'Renstra, Renja, DPA',
  time: '5 hari',
  output: 'Perjanjian kinerja yang ditetapkan',
  step,
});

const penanggungJawab = (key: string, by: Role, name: string, step: LampiranStep): Step => ({
  key,
  by,
  phase: 'perencanaan',
  name,
  requirements: 'Perjanjian kinerja yang ditetapkan',
  time: '1 hari',
  output: 'Penetapan penanggung jawab target kinerja tertentu',
  step,
});

const arahan = (key: string, by: Role, name: string, step: LampiranStep, output = 'Arahan pelaksanaan kegiatan'): Step => ({
  key,
  by,
  phase: 'perencanaan',
  name,
  requirements: 'Perjanjian kinerja yang ditetapkan, pembagian penanggung jawab target kinerja',
  time: '1 hari',
  output,
  step,
});

const rekomendasi = (by: Role, step: LampiranStep): Step => ({
  key: 'rekomendasi',
  by,
  phase: 'perencanaan',
  name: 'Menyampaikan rekomendasi kebutuhan Pejabat Fungsional dan Pelaksana',
  requirements: 'Arahan pelaksanaan kegiatan, peta jabatan, beban kerja',
  time: '1 hari',
  output: 'Rekomendasi jumlah, jenis dan jenjang jabatan yang dibutuhkan',
  step,
});

const penugasan = (by: Role, name: string, step: LampiranStep, requirements: string, note?: string): Step => ({
  key: 'penugasan',
  by,
  phase: 'perencanaan',
  name,
  kind: 'penetapan-penugasan',
  requirements,
  time: '1 hari',
  output: 'Surat penugasan Pejabat Fungsional dan Pelaksana',
  ...(note ? { note } : {}),
  step,
});

const strategi = (by: Role, step: LampiranStep, extra = ''): Step => ({
  key: 'strategi',
  by,
  phase: 'perencanaan',
  name: 'Merumuskan strategi pelaksanaan pencapaian target kinerja',
  kind: 'strategi',
  requirements: 'Perjanjian kinerja, peta jabatan, arahan pimpinan',
  time: '2 hari',
  output: 'Strategi pelaksanaan dan susunan tim kerja',
  note: `Menentukan pelaksanaan tugas secara individu atau tim kerja, kebutuhan pelibatan Pejabat Fungsional atau Pelaksana lintas unit dan kebutuhan Ketua Tim${extra}`,
  step,
});

const ekspektasi = (by: Role, step: LampiranStep): Step => ({
  key: 'ekspektasi',
  by,
  phase: 'perencanaan',
  name: 'Menyampaikan arahan dan ekspektasi target kinerja kepada Pejabat Fungsional dan Pelaksana',
  requirements: 'Strategi pelaksanaan, perjanjian kinerja',
  time: '1 jam',
  output: 'Arahan dan ekspektasi target kinerja tersampaikan',
  step,
});

/** "Pejabat Fungsional dan Pelaksana … bersama <official> menyusun rencana": the official's part and the team's. */
const rencanaBersama = (by: Role, team: string, step: LampiranStep): Step => ({
  key: 'rencanaBersama',
  by,
  phase: 'perencanaan',
  name: 'Membahas rencana kegiatan dan anggaran bersama tim kerja',
  note: `Menyusun rencana pelaksanaan kegiatan dan anggaran bersama ${team}`,
  requirements: 'Strategi pelaksanaan, DPA',
  time: '1 hari',
  output: 'Arah rencana pelaksanaan kegiatan dan anggaran yang disepakati',
  step,
});

const rencanaKegiatan = (official: string, step: LampiranStep): Step => ({
  key: 'rencanaKegiatan',
  by: 'ketua',
  phase: 'perencanaan',
  name: 'Menyusun rencana pelaksanaan kegiatan dan anggaran',
  kind: 'rencana-kegiatan',
  requirements: 'Strategi pelaksanaan, DPA, arah rencana yang disepakati',
  time: '3 hari',
  output: 'Rencana pelaksanaan kegiatan dan anggaran',
  note: `Disusun bersama ${official}, secara individu maupun tim kerja`,
  step,
});

const rincianKegiatan = (step: LampiranStep, note?: string): Step => ({
  key: 'rincianKegiatan',
  by: 'ketua',
  phase: 'pelaksanaan',
  name: 'Menyusun rincian pelaksanaan kegiatan dan membagi peran',
  requirements: 'Rencana pelaksanaan kegiatan dan anggaran',
  time: '1 hari',
  output: 'Rincian pelaksanaan kegiatan dan pembagian peran anggota tim',
  ...(note ? { note } : {}),
  step,
});

const melaksanakan = (step: LampiranStep, note = 'Berdasarkan kompetensi, keahlian dan/atau keterampilan'): Step => ({
  key: 'melaksanakan',
  by: 'anggota',
  phase: 'pelaksanaan',
  name: 'Melaksanakan kegiatan sesuai peran',
  requirements: 'Rincian pelaksanaan kegiatan, surat penugasan',
  time: '10 hari',
  output: 'Hasil pelaksanaan kegiatan',
  note,
  step,
});

const monitoring = (step: LampiranStep, note = 'Dilakukan secara berkala atau sewaktu-waktu'): Step => ({
  key: 'monitoring',
  by: 'ketua',
  phase: 'pelaksanaan',
  name: 'Memantau perkembangan dan memberi umpan balik',
  kind: 'monitoring',
  requirements: 'Laporan perkembangan kegiatan',
  time: '2 jam',
  output: 'Catatan umpan balik',
  note,
  step,
});

const serahHasil = (official: string, step: LampiranStep): Step => ({
  key: 'serahHasil',
  by: 'ketua',
  phase: 'pelaksanaan',
  name: `Menyampaikan hasil pelaksanaan kegiatan kepada ${official}`,
  kind: 'serah-hasil',
  requirements: 'Hasil pelaksanaan kegiatan yang sesuai target',
  time: '1 jam',
  output: 'Laporan hasil pelaksanaan kegiatan',
  step,
});

const reviu = (key: string, by: Role, who: string, step: LampiranStep): Step => ({
  key,
  by,
  phase: 'evaluasi',
  name: 'Meninjau hasil pelaksanaan kegiatan',
  kind: 'reviu',
  requirements: 'Laporan hasil pelaksanaan kegiatan, perjanjian kinerja',
  time: '1 hari',
  output: `Hasil reviu ${who}`,
  step,
});

/** An official hands the results that meet the target up to the next level "untuk ditinjau". */
const teruskan = (key: string, by: Role, to: string, step: LampiranStep): Step => ({
  key,
  by,
  phase: 'evaluasi',
  name: `Menyampaikan hasil yang sesuai target kepada ${to}`,
  note: `Hasil pelaksanaan yang telah sesuai target disampaikan kepada ${to} untuk ditinjau`,
  requirements: 'Hasil reviu yang menyatakan hasil sesuai target',
  time: '1 jam',
  output: `Hasil pelaksanaan kegiatan disampaikan kepada ${to}`,
  step,
});

const penerimaan = (who: string, step: LampiranStep): Step => ({
  key: 'penerimaan',
  by: 'head',
  phase: 'evaluasi',
  name: 'Menerima hasil pelaksanaan kegiatan dan menyatakan selesai',
  kind: 'penerimaan',
  requirements: 'Laporan hasil pelaksanaan kegiatan yang telah direviu',
  time: '1 hari',
  output: 'Hasil kegiatan diterima dan dinyatakan selesai',
  note: `Pelaksanaan kegiatan dinyatakan selesai setelah ${who} menerima hasil dan menyatakannya sesuai target`,
  step,
});

/** GMS Ps 35 and 38 word the Inspektorat and the Dinas/Badan alike: Level 1 assigns on Level 2's recommendation. */
function gmsTwoLevel(pasal: number, head: string, leaders: string, headLane: string, leaderLane: string): Step[] {
  const ayat = (n: number, huruf: string) => `Pasal ${pasal} ayat (${n}) huruf ${huruf}`;
  const id = (n: number, huruf: string, suffix = '') => `Ps${pasal}(${n})${huruf}${suffix}`;
  return [
    perjanjianKinerja(gms(id(2, 'a'), ayat(2, 'a'), `${head} menyusun dan menetapkan perjanjian kinerja`)),
    {
      ...penanggungJawab('penanggungJawab', 'head', 'Menentukan penanggung jawab target kinerja tertentu',
        gms(id(2, 'b'), ayat(2, 'b'), `Perjanjian kinerja yang sudah ditetapkan ${head} digunakan sebagai dasar penentuan ${leaders} sebagai penanggung jawab target kinerja tertentu`)),
      note: `${leaders} ditentukan sebagai penanggung jawab berdasarkan perjanjian kinerja`,
    },
    arahan('arahan', 'head', 'Memberikan arahan dan koordinasi pencapaian target kinerja',
      gms(id(2, 'c'), ayat(2, 'c'), `${head} memberikan arahan dan koordinasi untuk pelaksanaan kegiatan dan pencapaian target kinerja`)),
    rekomendasi('leader', gms(id(2, 'd', '-rekomendasi'), ayat(2, 'd'), `Atas rekomendasi ${leaders} (menugaskan Pejabat Fungsional dan Pelaksana)`)),
    penugasan('head', `Menugaskan Pejabat Fungsional dan Pelaksana atas rekomendasi ${leaderLane}`,
      gms(id(2, 'd'), ayat(2, 'd'), `${head} atas rekomendasi ${leaders} menugaskan Pejabat Fungsional dan Pelaksana`),
      `Rekomendasi ${leaders}, peta jabatan`,
      'Mempertimbangkan kebutuhan jumlah, jenis dan jenjang jabatan, termasuk dari lintas unit organisasi'),
    strategi('leader', gms(id(2, 'e'), ayat(2, 'e'), `${leaders} merumuskan strategi pelaksanaan pencapaian target kinerja`)),
    ekspektasi('leader', gms(id(2, 'f'), ayat(2, 'f'), `${leaders} menyampaikan arahan dan ekspektasi target kinerja kepada Pejabat Fungsional dan Pelaksana di bawah koordinasinya`)),
    rencanaBersama('leader', 'Pejabat Fungsional dan Pelaksana', gms(id(2, 'g', '-bersama'), ayat(2, 'g'), `Pejabat Fungsional dan Pelaksana bersama ${leaders} menyusun rencana pelaksanaan kegiatan dan anggaran`)),
    rencanaKegiatan(leaders, gms(id(2, 'g'), ayat(2, 'g'), `Pejabat Fungsional dan Pelaksana menyusun rencana pelaksanaan kegiatan dan anggaran untuk pencapaian target kinerja`)),
    rincianKegiatan(gms(id(3, 'a'), ayat(3, 'a'), 'Pejabat Fungsional atau Pelaksana menyusun rincian pelaksanaan kegiatan dan anggaran')),
    melaksanakan(gms(id(3, 'b'), ayat(3, 'b'), 'Pelaksanaan kegiatan oleh Pejabat Fungsional atau Pelaksana sesuai perannya')),
    monitoring(gms(id(3, 'c'), ayat(3, 'c'), `${leaders} dan/atau ketua tim melakukan monitoring perkembangan dan memberikan umpan balik`)),
    serahHasil(leaderLane, gms(id(3, 'd'), ayat(3, 'd'), `Ketua tim menyampaikan hasil pelaksanaan kegiatan yang sudah sesuai target kepada ${leaders.replace(' dan ', ' atau ')}`)),
    reviu('reviu', 'leader', leaders, gms(id(4, 'a'), ayat(4, 'a'), `${leaders} meninjau hasil pelaksanaan kegiatan`)),
    teruskan('teruskan', 'leader', headLane, gms(id(4, 'b'), ayat(4, 'b'), `${leaders} menyampaikan hasil yang telah sesuai target kepada ${head} untuk ditinjau`)),
    reviu('reviuLevel1', 'head', head, gms(id(4, 'b', '-reviu'), ayat(4, 'b'), `Hasil pelaksanaan yang telah sesuai dengan target kepada ${head} untuk ditinjau`)),
    penerimaan(head, gms(id(4, 'c'), ayat(4, 'c'), `Pelaksanaan kegiatan dinyatakan selesai setelah ${head} menerima hasil pelaksanaan kegiatan`)),
  ];
}

/** DPS Lampiran B.4–B.6: execution and the hand-over of results, worded alike. */
function dpsExecution(part: string, official: string, monitor: string): Step[] {
  return [
    rincianKegiatan(dps(`${part}b(1)`, `Lampiran ${part} huruf b angka (1)`, 'Pejabat Fungsional dan Pelaksana menyusun rincian pelaksanaan kegiatan'),
      'Pembagian peran bagi anggota tim berdasarkan kompetensi, keahlian dan/atau keterampilan (huruf b angka (3))'),
    melaksanakan(dps(`${part}b(4)`, `Lampiran ${part} huruf b angka (4)`, 'Pejabat Fungsional dan Pelaksana melaksanakan kegiatan dan dapat berkolaborasi dengan semua pihak terkait'),
      'Berdasarkan kompetensi, keahlian dan/atau keterampilan; berkolaborasi dengan pihak terkait'),
    monitoring(dps(`${part}b(5)`, `Lampiran ${part} huruf b angka (5)`, `Monitoring perkembangan dan umpan balik oleh ${monitor} dan/atau ketua tim`)),
    serahHasil(official, dps(`${part}b(6)`, `Lampiran ${part} huruf b angka (6)`, `Hasil pelaksanaan kegiatan yang sesuai target disampaikan kepada ${official}`)),
  ];
}

export const MECHANISM_MAPS: MapSpec[] = [
  mechanism({
    id: 'mk-setda',
    title: 'Mekanisme kerja Sekretariat Daerah',
    profile: 'gunung-mas',
    orgType: 'setda',
    unitKind: 'perangkat-daerah',
    pool: 'Sekretariat Daerah',
    description:
      'Perencanaan, pelaksanaan dan evaluasi pada Sekretariat Daerah: Asisten penanggung jawab target kinerja yang membagi target dan mengarahkan Kepala Bagian; Kepala Bagian selaku Pejabat Penilai Kinerja dan Pimpinan Unit Organisasi menugaskan Pejabat Fungsional dan Pelaksana; reviu berjenjang Kepala Bagian, Asisten, Sekretaris Daerah.',
    articles: ['Perbup Gunung Mas 18/2024 Pasal 8', 'Pasal 27', 'Pasal 28', 'Pasal 29'],
    head: { name: 'Sekretaris Daerah', jabatan: 'JPT', role: 'PEMILIK_KINERJA', level: 1 },
    middle: { name: 'Asisten', jabatan: 'JPT', level: 1 },
    leader: { name: 'Kepala Bagian', jabatan: 'ADMINISTRATOR', role: 'PIMPINAN_UNIT', level: 2 },
    steps: [
      perjanjianKinerja(gms('Ps29(2)a', 'Pasal 29 ayat (2) huruf a', 'Sekretaris Daerah menyusun dan menetapkan perjanjian kinerja')),
      penanggungJawab('penanggungJawab', 'head', 'Menentukan Asisten sebagai penanggung jawab target kinerja',
        gms('Ps29(2)b', 'Pasal 29 ayat (2) huruf b', 'Perjanjian kinerja yang sudah ditetapkan Sekretaris Daerah digunakan sebagai dasar penentuan Asisten sebagai penanggung jawab target kinerja tertentu')),
      penanggungJawab('pembagianTarget', 'middle', 'Membagi target kinerja dan menunjuk Kepala Bagian sebagai penanggung jawab',
        gms('Ps29(2)c', 'Pasal 29 ayat (2) huruf c', 'Asisten membagi dan menunjuk Kepala Bagian sebagai penanggung jawab target kinerja tertentu')),
      arahan('arahan', 'middle', 'Memberikan arahan dan koordinasi pelaksanaan kegiatan kepada Kepala Bagian',
        gms('Ps29(2)d', 'Pasal 29 ayat (2) huruf d', 'Asisten memberikan arahan dan koordinasi untuk pelaksanaan kegiatan dan pencapaian target kinerja kepada Kepala Bagian')),
      strategi('leader', gms('Ps29(2)e', 'Pasal 29 ayat (2) huruf e', 'Kepala Bagian merumuskan strategi pelaksanaan pencapaian target kinerja')),
      penugasan('leader', 'Menugaskan Pejabat Fungsional dan Pelaksana sesuai strategi pelaksanaan',
        gms('Ps28(2)b', 'Pasal 28 ayat (2) huruf b', 'Kepala Bagian memberikan penugasan bagi Pejabat Fungsional dan Pelaksana'),
        'Strategi pelaksanaan, peta jabatan, beban kerja'),
      rencanaBersama('leader', 'Pejabat Fungsional dan Pelaksana', gms('Ps29(2)f-bersama', 'Pasal 29 ayat (2) huruf f', 'Pejabat Fungsional dan Pelaksana bersama Kepala Bagian menyusun rencana pelaksanaan kegiatan dan anggaran')),
      rencanaKegiatan('Kepala Bagian', gms('Ps29(2)f', 'Pasal 29 ayat (2) huruf f', 'Pejabat Fungsional dan Pelaksana menyusun rencana pelaksanaan kegiatan dan anggaran untuk pencapaian target kinerja')),
      rincianKegiatan(gms('Ps29(3)a', 'Pasal 29 ayat (3) huruf a', 'Pejabat Fungsional atau Pelaksana menyusun rincian pelaksanaan kegiatan dan anggaran'),
        'Sesuai rencana pelaksanaan kegiatan dan anggaran yang telah disusun (huruf b)'),
      melaksanakan(gms('Ps29(3)c', 'Pasal 29 ayat (3) huruf c', 'Pelaksanaan kegiatan oleh Pejabat Fungsional atau Pelaksana sesuai perannya')),
      monitoring(gms('Ps29(3)d', 'Pasal 29 ayat (3) huruf d', 'Kepala Bagian dan/atau ketua tim melaksanakan monitoring perkembangan dan memberikan umpan balik')),
      serahHasil('Kepala Bagian', gms('Ps29(3)e', 'Pasal 29 ayat (3) huruf e', 'Ketua tim menyampaikan hasil pelaksanaan kegiatan yang sudah sesuai target kepada Kepala Bagian')),
      reviu('reviu', 'leader', 'Kepala Bagian', gms('Ps29(4)a', 'Pasal 29 ayat (4) huruf a', 'Kepala Bagian meninjau hasil pelaksanaan kegiatan')),
      teruskan('teruskan', 'leader', 'Asisten', gms('Ps29(4)b', 'Pasal 29 ayat (4) huruf b', 'Kepala Bagian menyampaikan hasil yang telah sesuai target kepada Asisten untuk ditinjau')),
      reviu('reviuAsisten', 'middle', 'Asisten', gms('Ps29(4)b-reviu', 'Pasal 29 ayat (4) huruf b', 'Hasil pelaksanaan yang telah sesuai dengan target kepada asisten untuk ditinjau')),
      teruskan('teruskanAsisten', 'middle', 'Sekretaris Daerah', gms('Ps29(4)c', 'Pasal 29 ayat (4) huruf c', 'Asisten menyampaikan hasil yang sesuai target kepada Sekretaris Daerah untuk ditinjau')),
      reviu('reviuLevel1', 'head', 'Sekretaris Daerah', gms('Ps29(4)c-reviu', 'Pasal 29 ayat (4) huruf c', 'Hasil pelaksanaan kegiatan yang sesuai dengan target kepada Sekretaris Daerah untuk ditinjau')),
      penerimaan('Sekretaris Daerah', gms('Ps29(4)d', 'Pasal 29 ayat (4) huruf d', 'Pelaksanaan kegiatan dinyatakan selesai setelah Sekretaris Daerah menerima hasil pelaksanaan kegiatan')),
    ],
  }),
  mechanism({
    id: 'mk-setwan',
    title: 'Mekanisme kerja Sekretariat DPRD',
    profile: 'gunung-mas',
    orgType: 'setwan',
    unitKind: 'perangkat-daerah',
    pool: 'Sekretariat DPRD',
    description:
      'Perencanaan, pelaksanaan dan evaluasi pada Sekretariat DPRD: Kepala Bagian penanggung jawab target kinerja, selaku Pejabat Penilai Kinerja dan Pimpinan Unit Organisasi, menugaskan Pejabat Fungsional dan Pelaksana; reviu Kepala Bagian lalu Sekretaris DPRD sebelum menerima.',
    articles: ['Perbup Gunung Mas 18/2024 Pasal 8', 'Pasal 30', 'Pasal 31', 'Pasal 32'],
    head: { name: 'Sekretaris DPRD', jabatan: 'JPT', role: 'PEMILIK_KINERJA', level: 1 },
    leader: { name: 'Kepala Bagian', jabatan: 'ADMINISTRATOR', role: 'PIMPINAN_UNIT', level: 2 },
    steps: [
      perjanjianKinerja(gms('Ps32(2)a', 'Pasal 32 ayat (2) huruf a', 'Sekretaris DPRD menyusun dan menetapkan perjanjian kinerja')),
      penanggungJawab('penanggungJawab', 'head', 'Menentukan Kepala Bagian sebagai penanggung jawab target kinerja',
        gms('Ps32(2)b', 'Pasal 32 ayat (2) huruf b', 'Perjanjian kinerja yang sudah ditetapkan Sekretaris DPRD digunakan sebagai dasar penentuan Kepala Bagian sebagai penanggung jawab target kinerja tertentu')),
      arahan('arahan', 'head', 'Memberikan arahan dan koordinasi pencapaian target kinerja',
        gms('Ps32(2)c', 'Pasal 32 ayat (2) huruf c', 'Sekretaris DPRD memberikan arahan dan koordinasi untuk pelaksanaan kegiatan dan pencapaian target kinerja')),
      strategi('leader', gms('Ps32(2)d', 'Pasal 32 ayat (2) huruf d', 'Kepala Bagian merumuskan strategi pelaksanaan pencapaian target kinerja')),
      penugasan('leader', 'Menugaskan Pejabat Fungsional dan Pelaksana sesuai strategi pelaksanaan',
        gms('Ps31(2)f', 'Pasal 31 ayat (2) huruf f', 'Kepala Bagian memberikan penugasan bagi Pejabat Fungsional dan Pelaksana'),
        'Strategi pelaksanaan, peta jabatan, beban kerja'),
      ekspektasi('leader', gms('Ps32(2)e', 'Pasal 32 ayat (2) huruf e', 'Kepala Bagian menyampaikan arahan dan ekspektasi target kinerja kepada Pejabat Fungsional dan Pelaksana di bawah koordinasinya')),
      rencanaBersama('leader', 'Pejabat Fungsional dan Pelaksana', gms('Ps32(2)f-bersama', 'Pasal 32 ayat (2) huruf f', 'Pejabat Fungsional dan Pelaksana bersama Kepala Bagian menyusun rencana pelaksanaan kegiatan dan anggaran')),
      rencanaKegiatan('Kepala Bagian', gms('Ps32(2)f', 'Pasal 32 ayat (2) huruf f', 'Pejabat Fungsional dan Pelaksana menyusun rencana pelaksanaan kegiatan dan anggaran untuk pencapaian target kinerja')),
      rincianKegiatan(gms('Ps32(3)a', 'Pasal 32 ayat (3) huruf a', 'Pejabat Fungsional atau Pelaksana menyusun rincian pelaksanaan kegiatan dan anggaran')),
      melaksanakan(gms('Ps32(3)b', 'Pasal 32 ayat (3) huruf b', 'Pelaksanaan kegiatan oleh Pejabat Fungsional atau Pelaksana sesuai perannya')),
      monitoring(gms('Ps32(3)c', 'Pasal 32 ayat (3) huruf c', 'Kepala Bagian dan/atau ketua tim melaksanakan monitoring perkembangan dan memberikan umpan balik')),
      serahHasil('Kepala Bagian', gms('Ps32(3)d', 'Pasal 32 ayat (3) huruf d', 'Ketua tim menyampaikan hasil pelaksanaan kegiatan yang sudah sesuai target kepada Kepala Bagian')),
      reviu('reviu', 'leader', 'Kepala Bagian', gms('Ps32(4)a', 'Pasal 32 ayat (4) huruf a', 'Kepala Bagian meninjau hasil pelaksanaan kegiatan')),
      teruskan('teruskan', 'leader', 'Sekretaris DPRD', gms('Ps32(4)b', 'Pasal 32 ayat (4) huruf b', 'Kepala Bagian menyampaikan hasil yang telah sesuai target kepada Sekretaris DPRD untuk ditinjau')),
      reviu('reviuLevel1', 'head', 'Sekretaris DPRD', gms('Ps32(4)b-reviu', 'Pasal 32 ayat (4) huruf b', 'Hasil pelaksanaan yang telah sesuai dengan target kepada Sekretaris Dewan Perwakilan Rakyat Daerah untuk ditinjau')),
      penerimaan('Sekretaris DPRD', gms('Ps32(4)c', 'Pasal 32 ayat (4) huruf c', 'Pelaksanaan kegiatan dinyatakan selesai setelah Sekretaris DPRD menerima hasil pelaksanaan kegiatan')),
    ],
  }),
  mechanism({
    id: 'mk-inspektorat',
    title: 'Mekanisme kerja Inspektorat',
    profile: 'gunung-mas',
    orgType: 'inspektorat',
    unitKind: 'perangkat-daerah',
    pool: 'Inspektorat',
    description:
      'Perencanaan, pelaksanaan dan evaluasi pada Inspektorat: Inspektur selaku Pejabat Penilai Kinerja menentukan Sekretaris dan Inspektur Pembantu sebagai penanggung jawab dan menugaskan Pejabat Fungsional atas rekomendasi mereka; Inspektur Pembantu merencanakan bersama Pejabat Fungsional, meninjau hasil dan menyampaikannya kepada Inspektur untuk ditinjau dan diterima.',
    articles: ['Perbup Gunung Mas 18/2024 Pasal 8', 'Pasal 33', 'Pasal 34', 'Pasal 35'],
    head: { name: 'Inspektur', jabatan: 'JPT', role: 'PENILAI_KINERJA', level: 1 },
    leader: { name: 'Inspektur Pembantu', jabatan: 'ADMINISTRATOR', role: 'PIMPINAN_UNIT', level: 2 },
    steps: gmsTwoLevel(35, 'Inspektur', 'Sekretaris dan Inspektur Pembantu', 'Inspektur', 'Inspektur Pembantu'),
  }),
  mechanism({
    id: 'mk-dinas-badan',
    title: 'Mekanisme kerja Dinas/Badan',
    profile: 'gunung-mas',
    orgType: 'dinas',
    unitKind: 'perangkat-daerah',
    pool: 'Dinas',
    description:
      'Perencanaan, pelaksanaan dan evaluasi pada Dinas atau Badan: Kepala Dinas/Badan selaku Pejabat Penilai Kinerja menentukan Sekretaris dan Kepala Bidang sebagai penanggung jawab dan menugaskan Pejabat Fungsional atas rekomendasi mereka; Kepala Bidang merencanakan bersama Pejabat Fungsional, meninjau hasil dan menyampaikannya kepada Kepala Dinas/Badan untuk ditinjau dan diterima.',
    articles: ['Perbup Gunung Mas 18/2024 Pasal 8', 'Pasal 36', 'Pasal 37', 'Pasal 38'],
    head: { name: 'Kepala Dinas', jabatan: 'JPT', role: 'PENILAI_KINERJA', level: 1 },
    leader: { name: 'Kepala Bidang', jabatan: 'ADMINISTRATOR', role: 'PIMPINAN_UNIT', level: 2 },
    steps: gmsTwoLevel(38, 'Kepala Dinas/Badan', 'Sekretaris dan Kepala Bidang', 'Kepala Dinas', 'Kepala Bidang'),
  }),
  mechanism({
    id: 'mk-dpmptsp-brida',
    title: 'Mekanisme kerja DPMPTSP dan BRIDA',
    profile: 'denpasar',
    orgType: 'dpmptsp',
    unitKind: 'perangkat-daerah',
    pool: 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu',
    description:
      'Pejabat Fungsional dan Pelaksana berkedudukan langsung di bawah Kepala selaku Pejabat Level 1 dan Pejabat Penilai Kinerja; Sekretaris (Pejabat Administrator) merumuskan strategi; rencana disusun bersama Kepala Dinas dan hasil disampaikan kepada Kepala Dinas, yang meninjau dan menerimanya.',
    articles: ['Perwali Denpasar 69/2023 Lampiran A.1', 'Lampiran B.3'],
    head: { name: 'Kepala Dinas', jabatan: 'JPT', role: 'PIMPINAN_UNIT', level: 1 },
    middle: { name: 'Sekretaris', jabatan: 'ADMINISTRATOR', level: 2 },
    steps: [
      perjanjianKinerja(dps('B.3a(1)', 'Lampiran B.3 huruf a angka (1)', 'Pejabat Pimpinan Tinggi Pratama menyusun dan menetapkan perjanjian kinerja')),
      arahan('arahan', 'head', 'Memberikan arahan dan koordinasi pencapaian target kinerja',
        dps('B.3a(2)', 'Lampiran B.3 huruf a angka (2)', 'Pejabat Pimpinan Tinggi Pratama memberikan arahan dan koordinasi untuk pelaksanaan kegiatan dan pencapaian target kinerja')),
      strategi('middle', dps('B.3a(3)', 'Lampiran B.3 huruf a angka (3)', 'Pejabat Administrator merumuskan strategi pencapaian target kinerja'),
        '; pelibatan dari Perangkat Daerah atau unit lain melalui permohonan pelibatan (huruf a angka (4))'),
      rencanaBersama('head', 'Pejabat Fungsional dan Pelaksana', dps('B.3a(5)-bersama', 'Lampiran B.3 huruf a angka (5)', 'Pejabat Fungsional dan Pelaksana bersama Kepala Dinas menyusun rencana pelaksanaan kegiatan dan anggaran')),
      rencanaKegiatan('Kepala Dinas', dps('B.3a(5)', 'Lampiran B.3 huruf a angka (5)', 'Pejabat Fungsional dan Pelaksana menyusun rencana pelaksanaan kegiatan dan anggaran')),
      rincianKegiatan(dps('B.3b(1)', 'Lampiran B.3 huruf b angka (1)', 'Pejabat Fungsional dan Pelaksana menyusun rincian pelaksanaan kegiatan'),
        'Pembagian peran bagi anggota tim berdasarkan kompetensi, keahlian dan/atau keterampilan (huruf b angka (3))'),
      melaksanakan(dps('B.3b(4)', 'Lampiran B.3 huruf b angka (4)', 'Pejabat Fungsional dan Pelaksana melaksanakan kegiatan dan dapat berkolaborasi dengan semua pihak terkait'),
        'Berdasarkan kompetensi, keahlian dan/atau keterampilan; berkolaborasi dengan pihak terkait'),
      monitoring(dps('B.3c(1)', 'Lampiran B.3 huruf c angka (1)', 'Monitoring perkembangan dan umpan balik oleh Kepala Dinas, Sekretaris, Pejabat Fungsional dan/atau ketua tim'),
        'Dilakukan secara berkala atau sewaktu-waktu; Lampiran B.3 menempatkannya pada huruf c, peta menggambarkannya selama pelaksanaan (Lampiran A.1 huruf b)'),
      serahHasil('Kepala Dinas', dps('B.3c(2)', 'Lampiran B.3 huruf c angka (2)', 'Hasil pelaksanaan kegiatan yang sesuai target disampaikan kepada Kepala Dinas')),
      reviu('reviuLevel1', 'head', 'Kepala Dinas', dps('A.1c', 'Lampiran A.1 huruf c', 'Reviu atas hasil pelaksanaan tugas tim kerja atau individu oleh Pejabat Level 1')),
      penerimaan('Kepala Dinas', dps('A.1c-penerimaan', 'Lampiran A.1 huruf c', 'Pelaksanaan kegiatan dinyatakan selesai setelah Pejabat Level 1 menerima hasil pelaksanaan kegiatan')),
    ],
  }),
  mechanism({
    id: 'mk-rsud',
    title: 'Mekanisme kerja Rumah Sakit Umum Daerah',
    profile: 'badung',
    orgType: 'rsud',
    unitKind: 'perangkat-daerah',
    pool: 'Rumah Sakit Umum Daerah',
    description:
      'Rumah sakit daerah dengan tiga tingkat: Direktur, Wakil Direktur, lalu Kepala Bidang/Kepala Bagian selaku Pejabat Penilai Kinerja dan Pimpinan Unit Organisasi bagi Pejabat Fungsional dan Pelaksana; reviu naik satu tingkat sampai Direktur meninjau dan menerima.',
    articles: ['Perbup Badung 35/2023 Lampiran I BAB II A.1–3', 'Lampiran I BAB II B.1 huruf f', 'Lampiran I BAB II B.2 huruf d'],
    head: { name: 'Direktur', jabatan: 'JPT', role: 'PEMILIK_KINERJA', level: 1 },
    middle: { name: 'Wakil Direktur', jabatan: 'ADMINISTRATOR', level: 2 },
    leader: { name: 'Kepala Bidang', jabatan: 'PENGAWAS', role: 'PIMPINAN_UNIT', level: 3 },
    steps: [
      perjanjianKinerja(bdg('A.1a', 'Lampiran I BAB II A.1 huruf a', 'Penyusunan dan penetapan perjanjian kinerja oleh Pejabat Level 1')),
      penugasan('head', 'Menugaskan Pejabat Fungsional dan Pelaksana di bawah koordinasi Kepala Bidang',
        bdg('A.1a-penugasan', 'Lampiran I BAB II A.1 huruf a', 'Penugasan Pejabat Fungsional dan pelaksana di bawah koordinasi Pejabat Level 2 oleh Pejabat Level 1'),
        'Perjanjian kinerja, peta jabatan, usulan Kepala Bidang',
        'Ditetapkan oleh Pimpinan Perangkat Daerah atas usulan Pimpinan unit organisasi (Lampiran I BAB II B.2 huruf d)'),
      arahan('arahan', 'middle', 'Menjabarkan target kinerja kepada Kepala Bidang dan Kepala Bagian',
        bdg('B.1f(2)', 'Lampiran I BAB II B.1 huruf f angka 2', 'Wakil Direktur selaku Pejabat Penilai Kinerja Kepala Bidang dan Kepala Bagian'),
        'Pembagian target kinerja per bidang dan bagian'),
      strategi('leader', bdg('A.1b', 'Lampiran I BAB II A.1 huruf b', 'Perumusan strategi pelaksanaan pencapaian target kinerja')),
      rencanaKegiatan('Kepala Bidang', bdg('A.1c', 'Lampiran I BAB II A.1 huruf c', 'Penyusunan rencana pelaksanaan kegiatan dan anggaran oleh Pejabat Fungsional dan pelaksana')),
      rincianKegiatan(bdg('A.2a', 'Lampiran I BAB II A.2 huruf a', 'Penyusunan rincian pelaksanaan kegiatan dan pembagian peran oleh Pejabat Fungsional dan pelaksana')),
      melaksanakan(bdg('A.2a-pelaksanaan', 'Lampiran I BAB II A.2 huruf a', 'Pelaksanaan kegiatan oleh Pejabat Fungsional dan pelaksana')),
      monitoring(bdg('A.2b', 'Lampiran I BAB II A.2 huruf b', 'Monitoring perkembangan dan pemberian umpan balik dan/atau oleh Ketua Tim')),
      serahHasil('Kepala Bidang', bdg('A.2c', 'Lampiran I BAB II A.2 huruf c', 'Penyampaian hasil pelaksanaan kegiatan')),
      reviu('reviu', 'leader', 'Kepala Bidang', bdg('A.3', 'Lampiran I BAB II A.3', 'Reviu atas hasil pelaksanaan tugas tim kerja atau individu')),
      reviu('reviuWakil', 'middle', 'Wakil Direktur', bdg('A.3-wakil', 'Lampiran I BAB II A.3', 'Reviu oleh Pejabat Level 2')),
      reviu('reviuLevel1', 'head', 'Direktur', bdg('A.3-direktur', 'Lampiran I BAB II A.3', 'Reviu oleh Pejabat Level 1')),
      penerimaan('Direktur', bdg('A.3-penerimaan', 'Lampiran I BAB II A.3', 'Pelaksanaan kegiatan dinyatakan selesai setelah Pejabat Level 1 menerima hasil pelaksanaan kegiatan')),
    ],
  }),
  mechanism({
    id: 'mk-kecamatan',
    title: 'Mekanisme kerja Kecamatan',
    profile: 'denpasar',
    orgType: 'kecamatan',
    unitKind: 'perangkat-daerah',
    pool: 'Kecamatan',
    description:
      'Unit yang dipimpin Pejabat Administrator: Camat menetapkan perjanjian kinerja, merumuskan strategi, menyusun rencana bersama Pejabat Fungsional, meninjau hasil, mengembalikan hasil yang belum sesuai kepada pelaksana dan menerima hasil yang sesuai.',
    articles: ['Perwali Denpasar 69/2023 Lampiran A.1', 'Lampiran B.4'],
    head: { name: 'Camat', jabatan: 'ADMINISTRATOR', role: 'PIMPINAN_UNIT', level: 1 },
    steps: [
      perjanjianKinerja(dps('B.4a(1)', 'Lampiran B.4 huruf a angka (1)', 'Camat menyusun dan menetapkan perjanjian kinerja')),
      strategi('head', dps('B.4a(2)', 'Lampiran B.4 huruf a angka (2)', 'Camat merumuskan strategi pelaksanaan pencapaian target kinerja'),
        '; pelibatan dari Perangkat Daerah atau unit lain melalui permohonan pelibatan (huruf a angka (3))'),
      rencanaBersama('head', 'Pejabat Fungsional dan Pelaksana', dps('B.4a(4)-bersama', 'Lampiran B.4 huruf a angka (4)', 'Pejabat Fungsional dan Pelaksana bersama Camat menyusun rencana pelaksanaan kegiatan dan anggaran')),
      rencanaKegiatan('Camat', dps('B.4a(4)', 'Lampiran B.4 huruf a angka (4)', 'Pejabat Fungsional dan Pelaksana menyusun rencana pelaksanaan kegiatan dan anggaran')),
      ...dpsExecution('B.4', 'Camat', 'Camat, Sekretaris Camat, Kepala Subbagian, Kepala Seksi'),
      reviu('reviu', 'head', 'Camat', dps('B.4c(1)', 'Lampiran B.4 huruf c angka (1)', 'Camat meninjau hasil pelaksanaan kegiatan')),
      penerimaan('Camat', dps('B.4c(3)', 'Lampiran B.4 huruf c angka (3)', 'Pelaksanaan kegiatan dinyatakan selesai setelah Camat menerima hasil pelaksanaan kegiatan')),
    ],
    // "Hasil … yang tidak sesuai … dikembalikan kepada individu atau tim kerja untuk disesuaikan kembali" (huruf c angka (2)).
    rework: { after: 'reviu', by: 'head' },
  }),
  mechanism({
    id: 'mk-kelurahan-uptd',
    title: 'Mekanisme kerja Kelurahan dan UPTD',
    profile: 'denpasar',
    orgType: 'kelurahan',
    unitKind: 'unit-organisasi',
    pool: 'Kelurahan',
    description:
      'Unit yang dipimpin Pejabat Pengawas (Lurah, Kepala UPTD) selaku Pimpinan Unit Organisasi dan Pejabat Penilai Kinerja: satu tingkat struktural, dari perjanjian kinerja, arahan dan strategi sampai reviu dan penerimaan hasil.',
    articles: ['Perwali Denpasar 69/2023 Lampiran A.1', 'Lampiran B.5'],
    head: { name: 'Lurah', jabatan: 'PENGAWAS', role: 'PIMPINAN_UNIT', level: 1 },
    steps: [
      perjanjianKinerja(dps('B.5a(1)', 'Lampiran B.5 huruf a angka (1)', 'Pejabat Pengawas (Lurah dan Kepala UPTD) selaku Pimpinan Unit Organisasi menyusun dan menetapkan perjanjian kinerja')),
      {
        ...strategi('head', dps('B.5a(2)', 'Lampiran B.5 huruf a angka (2)', 'Pejabat Pengawas memberikan arahan dan merumuskan strategi pencapaian target kinerja'),
          '; pelibatan dari Perangkat Daerah atau unit lain melalui permohonan pelibatan (huruf a angka (3))'),
        name: 'Memberikan arahan dan merumuskan strategi pencapaian target kinerja',
      },
      rencanaBersama('head', 'Pejabat Fungsional dan Pelaksana', dps('B.5a(4)-bersama', 'Lampiran B.5 huruf a angka (4)', 'Pejabat Fungsional dan pelaksana bersama Pejabat Pengawas menyusun rencana pelaksanaan kegiatan dan anggaran')),
      rencanaKegiatan('Lurah', dps('B.5a(4)', 'Lampiran B.5 huruf a angka (4)', 'Pejabat Fungsional dan pelaksana menyusun rencana pelaksanaan kegiatan dan anggaran')),
      ...dpsExecution('B.5', 'Lurah', 'Pejabat Pengawas'),
      reviu('reviu', 'head', 'Lurah', dps('B.5c(1)', 'Lampiran B.5 huruf c angka (1)', 'Pejabat Pengawas meninjau hasil pelaksanaan kegiatan')),
      penerimaan('Lurah', dps('B.5c(3)', 'Lampiran B.5 huruf c angka (3)', 'Pelaksanaan kegiatan dinyatakan selesai setelah Pejabat Pengawas menerima hasil pelaksanaan kegiatan')),
    ],
  }),
  mechanism({
    id: 'mk-puskesmas-satuan-pendidikan',
    title: 'Mekanisme kerja Puskesmas dan Satuan Pendidikan',
    profile: 'denpasar',
    orgType: 'puskesmas',
    unitKind: 'unit-organisasi',
    pool: 'UPT Puskesmas',
    description:
      'Unit yang dipimpin Pejabat Fungsional (Kepala Puskesmas, kepala satuan pendidikan) selaku Pejabat Level 1 dan Pejabat Penilai Kinerja, yang menugaskan Pejabat Fungsional dan Pelaksana, merumuskan strategi, menyusun rencana bersama mereka, meninjau dan menerima hasil.',
    articles: ['Perwali Denpasar 69/2023 Lampiran A.1', 'Lampiran B.6'],
    head: { name: 'Kepala Puskesmas', jabatan: 'FUNGSIONAL', role: 'PENILAI_KINERJA', level: 1 },
    steps: [
      perjanjianKinerja(dps('B.6a(1)', 'Lampiran B.6 huruf a angka (1)', 'Kepala Puskesmas selaku Pejabat Penilai Kinerja menyusun dan menetapkan perjanjian kinerja')),
      penugasan('head', 'Menugaskan Pejabat Fungsional dan Pelaksana dalam pencapaian target kinerja',
        dps('B.6a(2)', 'Lampiran B.6 huruf a angka (2)', 'Kepala Puskesmas menugaskan Pejabat Fungsional dan pelaksana dalam pencapaian target kinerja tertentu'),
        'Perjanjian kinerja, peta jabatan'),
      strategi('head', dps('B.6a(3)', 'Lampiran B.6 huruf a angka (3)', 'Kepala Puskesmas merumuskan strategi pelaksanaan pencapaian target kinerja'),
        '; pelibatan dari Perangkat Daerah atau unit lain melalui permohonan pelibatan (huruf a angka (4))'),
      rencanaBersama('head', 'Pejabat Fungsional dan Pelaksana', dps('B.6a(5)-bersama', 'Lampiran B.6 huruf a angka (5)', 'Pejabat Fungsional dan pelaksana bersama Kepala Puskesmas menyusun rencana pelaksanaan kegiatan dan anggaran')),
      rencanaKegiatan('Kepala Puskesmas', dps('B.6a(5)', 'Lampiran B.6 huruf a angka (5)', 'Pejabat Fungsional dan pelaksana menyusun rencana pelaksanaan kegiatan dan anggaran')),
      ...dpsExecution('B.6', 'Kepala Puskesmas', 'Kepala Puskesmas'),
      reviu('reviu', 'head', 'Kepala Puskesmas', dps('B.6c(1)', 'Lampiran B.6 huruf c angka (1)', 'Kepala Puskesmas meninjau hasil pelaksanaan kegiatan')),
      penerimaan('Kepala Puskesmas', dps('B.6c(3)', 'Lampiran B.6 huruf c angka (3)', 'Pelaksanaan kegiatan dinyatakan selesai setelah Kepala Puskesmas menerima hasil pelaksanaan kegiatan')),
    ],
  }),
];
