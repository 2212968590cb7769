// The kamus jabatan: reads a lane's title ("Kabid Pelayanan", "Ketua Tim (JF)") as the jabatan and role codes of ROLES.md §1–2.

/** Jabatan codes, ROLES.md §1 (JBR/KLK/BDG/GMS/DPS Ps 1). */
export const JABATAN_CODES = ['KEPALA_DAERAH', 'JPT', 'ADMINISTRATOR', 'PENGAWAS', 'FUNGSIONAL', 'PELAKSANA'] as const;
export type JabatanCode = (typeof JABATAN_CODES)[number];

/** Role codes, ROLES.md §2. */
export const ROLE_CODES = ['PENILAI_KINERJA', 'PIMPINAN_UNIT', 'PEMILIK_KINERJA', 'KETUA_TIM', 'ANGGOTA_TIM', 'PEJABAT_BERWENANG', 'TIM_TRANSFORMASI'] as const;
export type RoleCode = (typeof ROLE_CODES)[number];

/** Structural offices the organisation table (levels.ts) places on a level. */
export type Office =
  | 'kepala-daerah' | 'sekretaris-daerah' | 'asisten' | 'kepala-perangkat-daerah' | 'kepala-dinas' | 'kepala-badan' | 'kepala'
  | 'inspektur' | 'sekretaris-dprd' | 'direktur' | 'wakil-direktur' | 'sekretaris' | 'kepala-bidang' | 'kepala-bagian'
  | 'inspektur-pembantu' | 'camat' | 'sekretaris-camat' | 'kepala-sub-bagian' | 'kepala-seksi' | 'kepala-sub-bidang'
  | 'lurah' | 'kepala-uptd' | 'kepala-puskesmas' | 'kepala-sekolah';

export type KoordinatorKind = 'koordinator' | 'subkoordinator';

/** One known title: its display form, its spellings, and what it says. */
export interface TitleEntry {
  title: string;
  aliases: string[];
  jabatan?: JabatanCode;
  role?: RoleCode;
  office?: Office;
  koordinator?: KoordinatorKind;
  /** Matches only when it is the whole name ("Kepala" alone, not "Kepala Bidnag"). */
  whole?: boolean;
}

/**
 * Titles from ROLES.md §1 "typical titles" and the regulations' own words
 * (JBR Ps 1, 8; KLK Ps 1; BDG Ps 1 and Lampiran I BAB II; GMS Ps 1, 14, 16, 25–39; DPS Ps 1, 9 and Lampiran A–C).
 */
export const TITLES: readonly TitleEntry[] = [
  { title: 'Bupati', aliases: ['bupati', 'wakil bupati', 'walikota', 'wali kota', 'wakil walikota', 'wakil wali kota', 'kepala daerah', 'pejabat pembina kepegawaian'], jabatan: 'KEPALA_DAERAH', office: 'kepala-daerah' },
  { title: 'Sekretaris Daerah', aliases: ['sekretaris daerah'], jabatan: 'JPT', office: 'sekretaris-daerah' },
  { title: 'Asisten', aliases: ['asisten', 'asisten sekretaris daerah'], jabatan: 'JPT', office: 'asisten' },
  { title: 'Kepala Perangkat Daerah', aliases: ['kepala perangkat daerah', 'kepala opd', 'kepala skpd', 'pimpinan perangkat daerah'], jabatan: 'JPT', office: 'kepala-perangkat-daerah' },
  { title: 'Kepala Dinas', aliases: ['kepala dinas'], jabatan: 'JPT', office: 'kepala-dinas' },
  { title: 'Kepala Badan', aliases: ['kepala badan', 'kepala bappeda', 'kepala bkpsdm', 'kepala bpkad', 'kepala bpbd', 'kepala brida', 'kepala dpmptsp'], jabatan: 'JPT', office: 'kepala-badan' },
  { title: 'Kepala', aliases: ['kepala', 'kepala kantor'], office: 'kepala', whole: true },
  { title: 'Inspektur', aliases: ['inspektur', 'inspektur daerah'], jabatan: 'JPT', office: 'inspektur' },
  { title: 'Sekretaris DPRD', aliases: ['sekretaris dprd', 'sekretaris dewan', 'sekretaris dewan perwakilan rakyat daerah'], jabatan: 'JPT', office: 'sekretaris-dprd' },
  { title: 'Direktur RSUD', aliases: ['direktur', 'direktur rsud', 'direktur rumah sakit'], jabatan: 'JPT', office: 'direktur' },
  { title: 'Wakil Direktur', aliases: ['wakil direktur'], jabatan: 'ADMINISTRATOR', office: 'wakil-direktur' },
  { title: 'Sekretaris', aliases: ['sekretaris', 'sekretaris dinas', 'sekretaris badan', 'sekretaris inspektorat'], jabatan: 'ADMINISTRATOR', office: 'sekretaris' },
  { title: 'Kepala Bidang', aliases: ['kepala bidang'], jabatan: 'ADMINISTRATOR', office: 'kepala-bidang' },
  { title: 'Kepala Bagian', aliases: ['kepala bagian'], jabatan: 'ADMINISTRATOR', office: 'kepala-bagian' },
  { title: 'Inspektur Pembantu', aliases: ['inspektur pembantu'], jabatan: 'ADMINISTRATOR', office: 'inspektur-pembantu' },
  { title: 'Camat', aliases: ['camat'], jabatan: 'ADMINISTRATOR', office: 'camat' },
  { title: 'Sekretaris Camat', aliases: ['sekretaris camat', 'sekretaris kecamatan'], jabatan: 'PENGAWAS', office: 'sekretaris-camat' },
  { title: 'Kepala Sub Bagian', aliases: ['kepala sub bagian', 'kepala sub bagian tata usaha'], jabatan: 'PENGAWAS', office: 'kepala-sub-bagian' },
  { title: 'Kepala Seksi', aliases: ['kepala seksi'], jabatan: 'PENGAWAS', office: 'kepala-seksi' },
  { title: 'Kepala Sub Bidang', aliases: ['kepala sub bidang'], jabatan: 'PENGAWAS', office: 'kepala-sub-bidang' },
  { title: 'Lurah', aliases: ['lurah', 'kepala kelurahan'], jabatan: 'PENGAWAS', office: 'lurah' },
  { title: 'Kepala UPTD', aliases: ['kepala uptd', 'kepala unit pelaksana teknis daerah', 'kepala upt'], jabatan: 'PENGAWAS', office: 'kepala-uptd' },
  { title: 'Kepala Puskesmas', aliases: ['kepala puskesmas', 'kepala pusat kesehatan masyarakat'], jabatan: 'FUNGSIONAL', office: 'kepala-puskesmas' },
  { title: 'Kepala Sekolah', aliases: ['kepala sekolah', 'kepala satuan pendidikan'], jabatan: 'FUNGSIONAL', office: 'kepala-sekolah' },
  { title: 'Pejabat Pimpinan Tinggi', aliases: ['pejabat pimpinan tinggi', 'pejabat pimpinan tinggi pratama', 'pejabat pimpinan tinggi madya', 'jpt', 'jpt pratama', 'jpt madya'], jabatan: 'JPT' },
  { title: 'Pejabat Administrator', aliases: ['pejabat administrator', 'administrator'], jabatan: 'ADMINISTRATOR' },
  { title: 'Pejabat Pengawas', aliases: ['pejabat pengawas'], jabatan: 'PENGAWAS' },
  // JF titles that open with a structural word: "Administrator Kesehatan Ahli Pertama" is a fungsional.
  { title: 'Pejabat Fungsional', aliases: ['pejabat fungsional', 'fungsional', 'administrator kesehatan', 'administrator database', 'administrator database kependudukan', 'analis', 'auditor', 'pranata komputer', 'perencana', 'arsiparis', 'pranata', 'penyuluh', 'dokter', 'perawat', 'bidan', 'guru', 'widyaiswara', 'pengawas penyelenggaraan urusan pemerintahan daerah', 'analis kebijakan', 'ahli utama', 'ahli madya', 'ahli muda', 'ahli pertama', 'terampil', 'mahir', 'penyelia', 'keterampilan'], jabatan: 'FUNGSIONAL' },
  { title: 'Pelaksana', aliases: ['pelaksana', 'pengadministrasi', 'pengelola', 'staf', 'staff', 'operator', 'pengolah data', 'penata', 'pengemudi', 'caraka'], jabatan: 'PELAKSANA' },
  { title: 'Koordinator', aliases: ['koordinator'], jabatan: 'FUNGSIONAL', koordinator: 'koordinator' },
  { title: 'Subkoordinator', aliases: ['subkoordinator', 'sub koordinator'], jabatan: 'FUNGSIONAL', koordinator: 'subkoordinator' },
  { title: 'Pejabat Penilai Kinerja', aliases: ['pejabat penilai kinerja', 'penilai kinerja', 'atasan langsung'], role: 'PENILAI_KINERJA' },
  { title: 'Pimpinan Unit Organisasi', aliases: ['pimpinan unit organisasi', 'pimpinan unit', 'kepala unit organisasi'], role: 'PIMPINAN_UNIT' },
  { title: 'Pejabat Pemilik Kinerja', aliases: ['pejabat pemilik kinerja', 'pemilik kinerja'], role: 'PEMILIK_KINERJA' },
  { title: 'Ketua Tim', aliases: ['ketua tim', 'ketua tim kerja', 'ketua kelompok kerja'], role: 'KETUA_TIM' },
  { title: 'Anggota Tim', aliases: ['anggota tim', 'anggota tim kerja', 'anggota kelompok kerja'], role: 'ANGGOTA_TIM' },
  { title: 'Pejabat yang Berwenang', aliases: ['pejabat yang berwenang', 'pejabat berwenang'], role: 'PEJABAT_BERWENANG' },
  { title: 'Tim Transformasi Manajemen', aliases: ['tim transformasi', 'tim transformasi manajemen'], role: 'TIM_TRANSFORMASI' },
];

/** Usual abbreviations, each token expanded before matching (ROLES.md; BPMN-CONVENTIONS.md "usual abbreviations"). */
const ABBREVIATIONS: Readonly<Record<string, string>> = {
  kabid: 'kepala bidang', kabag: 'kepala bagian', kasubag: 'kepala sub bagian', kasubbag: 'kepala sub bagian',
  kasubbagian: 'kepala sub bagian', kasi: 'kepala seksi', kasie: 'kepala seksi', kasubid: 'kepala sub bidang',
  kasubbid: 'kepala sub bidang', sekda: 'sekretaris daerah', sekdis: 'sekretaris dinas', sekban: 'sekretaris badan',
  sekwan: 'sekretaris dprd', sekcam: 'sekretaris camat', kadis: 'kepala dinas', kaban: 'kepala badan',
  jf: 'pejabat fungsional', jabfung: 'pejabat fungsional', irban: 'inspektur pembantu', kapus: 'kepala puskesmas',
  kapuskesmas: 'kepala puskesmas', kepsek: 'kepala sekolah', wadir: 'wakil direktur', katim: 'ketua tim',
  ka: 'kepala', kep: 'kepala', subbag: 'sub bagian', subbagian: 'sub bagian', subbid: 'sub bidang', subbidang: 'sub bidang',
  tu: 'tata usaha', plt: '', plh: '', pj: '',
};

/** Lower case, punctuation as spaces, abbreviations expanded. */
export function normalizeTitle(text: string): string {
  const words = text.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, ' ').trim().split(' ');
  return words.map((word) => ABBREVIATIONS[word] ?? word).join(' ').replace(/\s+/g, ' ').trim();
}

/** The name split into its main text and every "(…)" part, each normalised. */
export function titleSegments(name: string): string[] {
  const parts = [name.replace(/\([^)]*\)/g, ' '), ...Array.from(name.matchAll(/\(([^)]*)\)/g), (match) => match[1])];
  return parts.map(normalizeTitle).filter((part) => part.length > 0);
}

interface Alias { tokens: string[]; entry: TitleEntry }

const ALIASES: readonly Alias[] = TITLES.flatMap((entry) => entry.aliases.map((alias) => ({ tokens: normalizeTitle(alias).split(' '), entry })));

/** What the kamus reads in one title. */
export interface TitleReading {
  jabatan?: JabatanCode;
  /** Two or more jabatan named as alternatives ("Pejabat Fungsional / Pelaksana"): no single jabatan. */
  jabatanChoices?: JabatanCode[];
  role?: RoleCode;
  /** Every role the name states, in order ("Kepala Puskesmas (Pejabat Penilai Kinerja)" states one; `role` is the first). */
  roles?: RoleCode[];
  office?: Office;
  koordinator?: KoordinatorKind;
  /** The known titles found, in order. */
  matched: string[];
}

function longestAliasAt(tokens: string[], start: number, wholeSegment: boolean): Alias | undefined {
  let best: Alias | undefined;
  for (const alias of ALIASES) {
    if (alias.entry.whole && !wholeSegment) continue;
    if (best && alias.tokens.length <= best.tokens.length) continue;
    if (alias.tokens.every((token, i) => tokens[start + i] === token)) best = alias;
  }
  return best;
}

/** A jenjang of a jabatan fungsional (ROLES.md §1): a segment naming one is the title of a fungsional. */
const JENJANG_TOKENS = /\b(ahli (utama|madya|muda|pertama)|terampil|mahir|penyelia|pemula|keterampilan)\b/;

/**
 * Known titles in one normalised segment, left to right, longest first at each position. A bare "administrator" in a
 * segment that names a jenjang is part of a fungsional's title ("Administrator Kesehatan Ahli Pertama"), not the
 * Administrator level.
 */
function entriesIn(segment: string): TitleEntry[] {
  const tokens = segment.split(' ');
  const found: Alias[] = [];
  for (let i = 0; i < tokens.length; ) {
    const alias = longestAliasAt(tokens, i, tokens.length === 1);
    if (alias) {
      found.push(alias);
      i += alias.tokens.length;
    } else i += 1;
  }
  const fungsional = JENJANG_TOKENS.test(segment);
  return found.filter((alias) => !(fungsional && alias.entry.jabatan === 'ADMINISTRATOR' && !alias.entry.office && alias.tokens.join(' ') === 'administrator')).map((alias) => alias.entry);
}

/** Reads a lane name: jabatan, role, office and koordinator, from the main text and its "(…)" parts. */
export function readTitle(name: string): TitleReading {
  const entries = titleSegments(name).flatMap(entriesIn);
  const jabatans = [...new Set(entries.flatMap((entry) => (entry.jabatan && !entry.koordinator ? [entry.jabatan] : [])))];
  const koordinator = entries.find((entry) => entry.koordinator)?.koordinator;
  const reading: TitleReading = { matched: entries.map((entry) => entry.title) };
  if (koordinator) reading.koordinator = koordinator;
  if (jabatans.length === 1 || (koordinator && jabatans.length === 0)) reading.jabatan = jabatans[0] ?? 'FUNGSIONAL';
  else if (jabatans.length > 1) reading.jabatanChoices = jabatans;
  const roles = [...new Set(entries.flatMap((entry) => (entry.role ? [entry.role] : [])))];
  if (roles.length > 0) {
    reading.role = roles[0];
    reading.roles = roles;
  }
  const office = entries.find((entry) => entry.office)?.office;
  if (office) reading.office = office;
  return reading;
}

/** Whether the kamus knows anything in this name. */
export function isKnownTitle(name: string): boolean {
  return readTitle(name).matched.length > 0;
}

/** What a lane says of its performer (LaneFacts has these). */
export interface PerformerCodes {
  jabatan?: JabatanCode;
  jabatanChoices?: JabatanCode[];
  role?: RoleCode;
  level?: number;
}

const LEADING_ROLES: readonly RoleCode[] = ['PIMPINAN_UNIT', 'PENILAI_KINERJA', 'PEMILIK_KINERJA', 'PEJABAT_BERWENANG'];
const STRUCTURAL: readonly JabatanCode[] = ['KEPALA_DAERAH', 'JPT', 'ADMINISTRATOR', 'PENGAWAS'];
const STAFF: readonly JabatanCode[] = ['FUNGSIONAL', 'PELAKSANA'];

/** Whether the codes say anything of the performer. */
export const isKnownPerformer = (p: PerformerCodes): boolean =>
  p.jabatan !== undefined || (p.jabatanChoices?.length ?? 0) > 0 || p.role !== undefined || p.level !== undefined;

/**
 * A Pejabat Fungsional or Pelaksana doing the work: an Anggota Tim or Ketua Tim, or a JF/Pelaksana that leads no unit
 * (no level, no leading role — a Kepala Puskesmas is a fungsional on Level 1).
 */
export function isStaffPerformer(p: PerformerCodes): boolean {
  if (p.role === 'ANGGOTA_TIM' || p.role === 'KETUA_TIM') return true;
  if ((p.role && LEADING_ROLES.includes(p.role)) || p.level !== undefined) return false;
  const jabatan = p.jabatan ? [p.jabatan] : (p.jabatanChoices ?? []);
  return jabatan.length > 0 && jabatan.every((j) => STAFF.includes(j));
}

/** A structural official (Kepala Daerah, JPT, Administrator, Pengawas), or any lane on a level or with a leading role. */
export function isStructuralPerformer(p: PerformerCodes): boolean {
  return (p.jabatan !== undefined && STRUCTURAL.includes(p.jabatan)) || p.level !== undefined || (p.role !== undefined && LEADING_ROLES.includes(p.role));
}
