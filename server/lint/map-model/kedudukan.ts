// The kedudukan tables (ROLES.md §4) as data: under whom a Pejabat Fungsional or Pelaksana sits, by organisation type
// and jenjang, where a regulation places some of them directly under the Kepala Perangkat Daerah (JBR Ps 8; GMS Ps
// 27(2), 30(2), 33(2), 36(2)). The other regulations place every JF and Pelaksana under the Pimpinan Unit Organisasi
// (KLK Ps 5(1), BDG Ps 6(1)) and have no table here.
import { normalizeTitle } from './kamus-jabatan';
import type { OrgType } from './levels';

/** Jenjang of a Pejabat Fungsional (ROLES.md §1): the four of the Ahli category and the Keterampilan category. */
export const JENJANG = ['ahli-utama', 'ahli-madya', 'ahli-muda', 'ahli-pertama', 'keterampilan'] as const;
export type Jenjang = (typeof JENJANG)[number];

export const KEDUDUKAN_IDS = ['jembrana', 'gunung-mas'] as const;
export type KedudukanId = (typeof KEDUDUKAN_IDS)[number];

export interface KedudukanRow {
  orgTypes: OrgType[];
  jabatan: 'FUNGSIONAL' | 'PELAKSANA';
  /** The jenjang the row names; absent when it holds every jenjang. */
  jenjang?: Jenjang[];
  /** The row places them directly under the Kepala Perangkat Daerah (Level 1), so they may report to it. */
  underHead: boolean;
  /** Their superior, as the article names it. */
  under: string;
  citation: string;
}

export interface KedudukanTable {
  id: KedudukanId;
  regulation: string;
  rows: KedudukanRow[];
}

const JBR = 'Perbup Jembrana 35/2023';
const GMS = 'Perbup Gunung Mas 18/2024';
const JBR_PD: OrgType[] = ['dinas', 'badan', 'setda', 'setwan'];
const EVERY_ORG: OrgType[] = ['setda', 'setwan', 'inspektorat', 'dinas', 'badan', 'dpmptsp', 'brida', 'rsud', 'kecamatan', 'kelurahan', 'uptd', 'puskesmas', 'satuan-pendidikan'];
const GMS_JENJANG: Jenjang[] = ['ahli-madya', 'ahli-muda', 'ahli-pertama', 'keterampilan'];

export const KEDUDUKAN_TABLES: Readonly<Record<KedudukanId, KedudukanTable>> = {
  // JBR Ps 8 huruf a–f. Huruf e names the JF "yang melaksanakan tugas dan fungsi pengawasan pada Inspektorat"; a map
  // rarely says which JF of an Inspektorat audits, so every JF there is read under huruf e.
  jembrana: {
    id: 'jembrana',
    regulation: JBR,
    rows: [
      { orgTypes: JBR_PD, jabatan: 'FUNGSIONAL', jenjang: ['ahli-utama', 'ahli-madya'], underHead: true, under: 'Kepala Perangkat Daerah', citation: `${JBR} Pasal 8 huruf a` },
      { orgTypes: JBR_PD, jabatan: 'FUNGSIONAL', jenjang: ['ahli-muda', 'ahli-pertama', 'keterampilan'], underHead: false, under: 'Pejabat Administrator', citation: `${JBR} Pasal 8 huruf b` },
      { orgTypes: ['dpmptsp', 'brida'], jabatan: 'FUNGSIONAL', underHead: true, under: 'Kepala Perangkat Daerah', citation: `${JBR} Pasal 8 huruf c` },
      { orgTypes: ['kecamatan', 'rsud', 'kelurahan', 'uptd'], jabatan: 'FUNGSIONAL', underHead: true, under: 'Kepala Perangkat Daerah atau Kepala Unit Organisasi', citation: `${JBR} Pasal 8 huruf d` },
      { orgTypes: ['inspektorat'], jabatan: 'FUNGSIONAL', underHead: true, under: 'Kepala Perangkat Daerah', citation: `${JBR} Pasal 8 huruf e` },
      { orgTypes: EVERY_ORG, jabatan: 'PELAKSANA', underHead: false, under: 'Pejabat Administrator atau Pejabat Pengawas', citation: `${JBR} Pasal 8 huruf f` },
    ],
  },
  // GMS Ps 27(2), 30(2), 33(2), 36(2): Ahli Madya, Ahli Muda, Ahli Pertama, Keterampilan and Pelaksana.
  'gunung-mas': {
    id: 'gunung-mas',
    regulation: GMS,
    rows: [
      { orgTypes: ['setda'], jabatan: 'FUNGSIONAL', jenjang: GMS_JENJANG, underHead: false, under: 'Kepala Bagian', citation: `${GMS} Pasal 27 ayat (2)` },
      { orgTypes: ['setda'], jabatan: 'PELAKSANA', underHead: false, under: 'Kepala Bagian', citation: `${GMS} Pasal 27 ayat (2)` },
      { orgTypes: ['setwan'], jabatan: 'FUNGSIONAL', jenjang: GMS_JENJANG, underHead: false, under: 'Kepala Bagian', citation: `${GMS} Pasal 30 ayat (2)` },
      { orgTypes: ['setwan'], jabatan: 'PELAKSANA', underHead: false, under: 'Kepala Bagian', citation: `${GMS} Pasal 30 ayat (2)` },
      { orgTypes: ['inspektorat'], jabatan: 'FUNGSIONAL', jenjang: GMS_JENJANG, underHead: true, under: 'Inspektur', citation: `${GMS} Pasal 33 ayat (2)` },
      { orgTypes: ['inspektorat'], jabatan: 'PELAKSANA', underHead: true, under: 'Inspektur', citation: `${GMS} Pasal 33 ayat (2)` },
      { orgTypes: ['dinas', 'badan'], jabatan: 'FUNGSIONAL', jenjang: GMS_JENJANG, underHead: true, under: 'Kepala Dinas/Badan', citation: `${GMS} Pasal 36 ayat (2)` },
      { orgTypes: ['dinas', 'badan'], jabatan: 'PELAKSANA', underHead: true, under: 'Kepala Dinas/Badan', citation: `${GMS} Pasal 36 ayat (2)` },
    ],
  },
};

export const isKedudukanId = (value: unknown): value is KedudukanId => KEDUDUKAN_IDS.includes(value as KedudukanId);

const JENJANG_WORDS: [Jenjang, RegExp][] = [
  ['ahli-utama', /\bahli utama\b/],
  ['ahli-madya', /\bahli madya\b/],
  ['ahli-muda', /\bahli muda\b/],
  ['ahli-pertama', /\bahli pertama\b/],
  ['keterampilan', /\b(keterampilan|terampil|mahir|penyelia|pemula)\b/],
];

/** The jenjang a lane name states ("Analis Kebijakan Ahli Madya" → ahli-madya, "Pranata Komputer Terampil" → keterampilan). */
export function jenjangFromName(name: string): Jenjang | undefined {
  const text = normalizeTitle(name);
  return JENJANG_WORDS.find(([, pattern]) => pattern.test(text))?.[0];
}

export interface KedudukanReading {
  /** True: directly under the Kepala Perangkat Daerah; false: under a Pimpinan Unit Organisasi; undefined: cannot tell (jenjang unknown and the rows differ). */
  underHead: boolean | undefined;
  /** The rows that decided it. */
  rows: KedudukanRow[];
}

function readingFor(table: KedudukanTable, orgType: OrgType, jabatan: 'FUNGSIONAL' | 'PELAKSANA', jenjang: Jenjang): KedudukanRow | undefined {
  return table.rows.find((row) => row.jabatan === jabatan && row.orgTypes.includes(orgType) && (row.jenjang === undefined || row.jenjang.includes(jenjang)));
}

/**
 * Whether a JF or Pelaksana of `orgType` sits directly under the Kepala Perangkat Daerah in `table`. A jenjang the
 * table does not name, or an organisation type it does not list, is under a Pimpinan Unit Organisasi. Without a
 * jenjang, a JF's reading is the one every jenjang shares, else undefined.
 */
export function kedudukanOf(table: KedudukanTable, orgType: OrgType, jabatan: 'FUNGSIONAL' | 'PELAKSANA', jenjang?: Jenjang): KedudukanReading {
  const jenjangs = jabatan === 'PELAKSANA' ? (['keterampilan'] as Jenjang[]) : jenjang ? [jenjang] : [...JENJANG];
  const rows = jenjangs.map((j) => readingFor(table, orgType, jabatan, j));
  const outcomes = new Set(rows.map((row) => row?.underHead === true));
  const decided = [...new Set(rows.flatMap((row) => (row ? [row] : [])))];
  return { underHead: outcomes.size === 1 ? [...outcomes][0] : undefined, rows: decided };
}
