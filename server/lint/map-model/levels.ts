// The organisation table of ROLES.md §3 as data: which offices are Level 1, 2, 3 in each organisation type.
import { JABATAN_CODES, readTitle, type JabatanCode, type Office } from './kamus-jabatan';

export const ORG_TYPES = ['setda', 'setwan', 'inspektorat', 'dinas', 'badan', 'dpmptsp', 'brida', 'rsud', 'kecamatan', 'kelurahan', 'uptd', 'puskesmas', 'satuan-pendidikan'] as const;
export type OrgType = (typeof ORG_TYPES)[number];
export type Level = 1 | 2 | 3;

export interface LevelRow {
  level: Level;
  offices: Office[];
  /** The jabatan of the offices on this level, when one jabatan holds them all. */
  jabatan?: JabatanCode;
}

export interface OrgTable {
  orgType: OrgType;
  levels: LevelRow[];
  /** Pimpinan Unit Organisasi (ROLES.md §3 column "Pimpinan Unit Organisasi"). */
  pimpinanUnit: Office[];
  source: string;
}

/** Every head title a perangkat daerah's Level 1 may be written as. */
const HEAD: Office[] = ['kepala', 'kepala-perangkat-daerah'];

const dinasLike = (orgType: 'dinas' | 'badan'): OrgTable => ({
  orgType,
  levels: [
    { level: 1, offices: ['kepala-dinas', 'kepala-badan', ...HEAD], jabatan: 'JPT' },
    { level: 2, offices: ['sekretaris', 'kepala-bidang'], jabatan: 'ADMINISTRATOR' },
    { level: 3, offices: ['kepala-sub-bagian', 'kepala-seksi', 'kepala-sub-bidang'], jabatan: 'PENGAWAS' },
  ],
  pimpinanUnit: ['sekretaris', 'kepala-bidang'],
  source: 'ROLES.md §3; GMS Ps 36–38; BDG Lampiran I B.1.d–e; DPS Lampiran B.2',
});

const headOnly = (orgType: OrgType, offices: Office[], jabatan: JabatanCode, source: string): OrgTable => ({
  orgType,
  levels: [{ level: 1, offices: [...offices, ...HEAD], jabatan }],
  pimpinanUnit: [...offices, ...HEAD],
  source,
});

/** ROLES.md §3, row by row, with the article each row cites. */
export const ORG_TABLES: Readonly<Record<OrgType, OrgTable>> = {
  setda: {
    orgType: 'setda',
    levels: [
      { level: 1, offices: ['sekretaris-daerah', 'asisten'], jabatan: 'JPT' },
      { level: 2, offices: ['kepala-bagian'], jabatan: 'ADMINISTRATOR' },
      { level: 3, offices: ['kepala-sub-bagian'], jabatan: 'PENGAWAS' },
    ],
    pimpinanUnit: ['kepala-bagian'],
    source: 'ROLES.md §3; GMS Ps 27–29; BDG Lampiran I B.1.a; DPS Lampiran B.1',
  },
  setwan: {
    orgType: 'setwan',
    levels: [
      { level: 1, offices: ['sekretaris-dprd', ...HEAD], jabatan: 'JPT' },
      { level: 2, offices: ['kepala-bagian'], jabatan: 'ADMINISTRATOR' },
      { level: 3, offices: ['kepala-sub-bagian'], jabatan: 'PENGAWAS' },
    ],
    pimpinanUnit: ['kepala-bagian'],
    source: 'ROLES.md §3; GMS Ps 30–32; BDG Lampiran I B.1.b',
  },
  inspektorat: {
    orgType: 'inspektorat',
    levels: [
      { level: 1, offices: ['inspektur', ...HEAD], jabatan: 'JPT' },
      { level: 2, offices: ['sekretaris', 'inspektur-pembantu'], jabatan: 'ADMINISTRATOR' },
      { level: 3, offices: ['kepala-sub-bagian'], jabatan: 'PENGAWAS' },
    ],
    pimpinanUnit: ['sekretaris', 'inspektur-pembantu'],
    source: 'ROLES.md §3; GMS Ps 33–35; BDG Lampiran I B.1.c',
  },
  dinas: dinasLike('dinas'),
  badan: dinasLike('badan'),
  dpmptsp: {
    orgType: 'dpmptsp',
    levels: [
      { level: 1, offices: ['kepala-dinas', 'kepala-badan', ...HEAD], jabatan: 'JPT' },
      { level: 2, offices: ['sekretaris'], jabatan: 'ADMINISTRATOR' },
      { level: 3, offices: ['kepala-sub-bagian'], jabatan: 'PENGAWAS' },
    ],
    pimpinanUnit: ['kepala-dinas', 'kepala-badan', ...HEAD, 'sekretaris'],
    source: 'ROLES.md §3; DPS Lampiran B.3; JBR Ps 8 huruf c',
  },
  brida: {
    orgType: 'brida',
    levels: [
      { level: 1, offices: ['kepala-badan', ...HEAD], jabatan: 'JPT' },
      { level: 2, offices: ['sekretaris'], jabatan: 'ADMINISTRATOR' },
      { level: 3, offices: ['kepala-sub-bagian'], jabatan: 'PENGAWAS' },
    ],
    pimpinanUnit: ['kepala-badan', ...HEAD, 'sekretaris'],
    source: 'ROLES.md §3; DPS Lampiran B.3; JBR Ps 8 huruf c',
  },
  rsud: {
    orgType: 'rsud',
    levels: [
      { level: 1, offices: ['direktur', ...HEAD], jabatan: 'JPT' },
      { level: 2, offices: ['wakil-direktur'], jabatan: 'ADMINISTRATOR' },
      { level: 3, offices: ['kepala-bidang', 'kepala-bagian'] },
    ],
    pimpinanUnit: ['kepala-bidang', 'kepala-bagian'],
    source: 'ROLES.md §3; BDG Lampiran I B.1.f',
  },
  kecamatan: {
    orgType: 'kecamatan',
    levels: [
      { level: 1, offices: ['camat', ...HEAD], jabatan: 'ADMINISTRATOR' },
      { level: 2, offices: ['sekretaris-camat', 'sekretaris', 'kepala-sub-bagian', 'kepala-seksi'], jabatan: 'PENGAWAS' },
    ],
    pimpinanUnit: ['camat', ...HEAD],
    source: 'ROLES.md §3; DPS Lampiran B.4',
  },
  kelurahan: headOnly('kelurahan', ['lurah'], 'PENGAWAS', 'ROLES.md §3; DPS Lampiran B.5; BDG Lampiran I B.1.g'),
  uptd: headOnly('uptd', ['kepala-uptd'], 'PENGAWAS', 'ROLES.md §3; DPS Lampiran B.5; BDG Lampiran I B.1.g'),
  puskesmas: headOnly('puskesmas', ['kepala-puskesmas'], 'FUNGSIONAL', 'ROLES.md §3; DPS Lampiran B.6'),
  'satuan-pendidikan': headOnly('satuan-pendidikan', ['kepala-sekolah'], 'FUNGSIONAL', 'ROLES.md §3; DPS Lampiran B.6'),
};

export function isOrgType(value: unknown): value is OrgType {
  return typeof value === 'string' && (ORG_TYPES as readonly string[]).includes(value);
}

export function isJabatanCode(value: unknown): value is JabatanCode {
  return typeof value === 'string' && (JABATAN_CODES as readonly string[]).includes(value);
}

/** The row of `orgType` an office sits on. */
export function levelRowOfOffice(office: Office, orgType: OrgType): LevelRow | undefined {
  return ORG_TABLES[orgType].levels.find((row) => row.offices.includes(office));
}

/** The level of a title ("Kepala Bidang", "Kasi Pelayanan") or a jabatan code in an organisation type; undefined for non-structural titles. */
export function levelOf(titleOrJabatan: string, orgType: OrgType): Level | undefined {
  if (isJabatanCode(titleOrJabatan)) {
    const rows = ORG_TABLES[orgType].levels.filter((row) => row.jabatan === titleOrJabatan);
    return rows.length === 1 ? rows[0].level : undefined;
  }
  const office = readTitle(titleOrJabatan).office;
  return office ? levelRowOfOffice(office, orgType)?.level : undefined;
}

/** Whether an office leads a unit organisasi in this organisation type. */
export function isPimpinanUnit(office: Office, orgType: OrgType): boolean {
  return ORG_TABLES[orgType].pimpinanUnit.includes(office);
}

/** Pool names to organisation types, most specific first ("UPTD Puskesmas" is a puskesmas, "Bagian Umum Setda" a setda). */
const ORG_TYPE_PATTERNS: ReadonlyArray<[OrgType, RegExp]> = [
  ['puskesmas', /\b(puskesmas|pusat kesehatan masyarakat)\b/],
  ['satuan-pendidikan', /\b(satuan pendidikan|sekolah|sd negeri|smp negeri|sdn|smpn|tk negeri)\b/],
  ['rsud', /\b(rsud|rumah sakit)\b/],
  ['uptd', /\b(uptd|upt|unit pelaksana teknis)\b/],
  ['kelurahan', /\bkelurahan\b/],
  ['kecamatan', /\bkecamatan\b/],
  ['setwan', /\b(sekretariat dprd|sekretariat dewan|setwan|sekwan)\b/],
  ['setda', /\b(sekretariat daerah|setda|sekda)\b/],
  ['inspektorat', /\binspektorat\b/],
  ['dpmptsp', /\b(dpmptsp|penanaman modal dan pelayanan terpadu)\b/],
  ['brida', /\b(brida|riset dan inovasi)\b/],
  ['dinas', /\bdinas\b/],
  ['badan', /\b(badan|bappeda|bkpsdm|bkd|bpkad|bpbd|bapenda)\b/],
];

/** The organisation type a pool or unit name says, if any. */
export function orgTypeFromName(name: string): OrgType | undefined {
  const text = name.toLowerCase().replace(/[^a-z0-9]+/g, ' ');
  return ORG_TYPE_PATTERNS.find(([, pattern]) => pattern.test(text))?.[0];
}

/** Kinds of unit a pool may be (sk:unitKind, BPMN-CONVENTIONS.md; the scopes of ROLES.md §5). */
export const UNIT_KINDS = ['unit-organisasi', 'perangkat-daerah', 'instansi'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export function isUnitKind(value: unknown): value is UnitKind {
  return typeof value === 'string' && (UNIT_KINDS as readonly string[]).includes(value);
}

/** Words that open the name of a perangkat daerah, with the usual short forms written out. */
const PERANGKAT_DAERAH_START =
  /\b(dinas|badan|inspektorat|sekretariat daerah|setda|sekretariat dprd|sekretariat dewan|setwan|dpmptsp|bappeda|bkpsdm|bkd|bpkad|bpbd|bapenda|brida|kecamatan|rsud|rumah sakit umum daerah)\b/;
const PERANGKAT_DAERAH_SHORT: Readonly<Record<string, string>> = {
  setda: 'sekretariat daerah',
  setwan: 'sekretariat dprd',
  'sekretariat dewan': 'sekretariat dprd',
  'rumah sakit umum daerah': 'rsud',
};
/** Where a perangkat daerah's name ends: the government it belongs to ("Kab. Badung" written short too). */
const GOVERNMENT_TAIL = /\b(pemerintah|kabupaten|kab|kota|provinsi|prov|pemkab|pemkot|pemprov)\b.*$/;
/** Where a perangkat daerah's name ends when a unit organisasi of it follows ("Setda – Bagian Organisasi", "Dinas Kesehatan Bidang P2P"). */
const UNIT_TAIL = /\b(bidang|bagian|sub ?bagian|subbag|seksi|sub ?bidang|subbid|inspektur pembantu|irban|uptd|upt|kelurahan|puskesmas)\b.*$/;

/**
 * The perangkat daerah a unit or pool name names, normalised ("Bidang P2P Dinas Kesehatan" → "dinas kesehatan",
 * "Bagian Organisasi Setda" → "sekretariat daerah", "Setda Kab. Badung – Bagian Hukum" → "sekretariat daerah"): the
 * words from the first perangkat-daerah keyword on, without the government's name or a unit organisasi named after
 * it. Undefined when the name says none ("Bidang P2P", "UPTD Puskesmas").
 */
export function perangkatDaerahFromName(name: string): string | undefined {
  const text = name.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
  const match = PERANGKAT_DAERAH_START.exec(text);
  if (!match) return undefined;
  const keyword = match[1] ?? '';
  const rest = text.slice(match.index + keyword.length).replace(UNIT_TAIL, '').replace(GOVERNMENT_TAIL, '').trim();
  return [PERANGKAT_DAERAH_SHORT[keyword] ?? keyword, rest].filter(Boolean).join(' ');
}

/** Words that name a government (pemerintah daerah) in a unit's or pool's name, short forms to their long form. */
const GOVERNMENT_KEYWORD = /\b(kabupaten|kab|kota|provinsi|prov|pemkab|pemkot|pemprov)\b/;
const GOVERNMENT_KIND: Readonly<Record<string, string>> = { kab: 'kabupaten', pemkab: 'kabupaten', pemkot: 'kota', prov: 'provinsi', pemprov: 'provinsi' };

/**
 * The government a unit or pool name names, normalised ("Bagian Hukum Setda Kab. Badung" → "kabupaten badung",
 * "Pemerintah Kota Denpasar" → "kota denpasar"): the government keyword and the words after it, up to a unit
 * organisasi named after it. Undefined when the name names none, or no place after the keyword ("Dinas Tata Kota").
 */
export function governmentFromName(name: string): string | undefined {
  const text = name.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
  const match = GOVERNMENT_KEYWORD.exec(text);
  if (!match) return undefined;
  const keyword = match[1] ?? '';
  const place = text.slice(match.index + keyword.length).replace(UNIT_TAIL, '').trim();
  return place ? `${GOVERNMENT_KIND[keyword] ?? keyword} ${place}` : undefined;
}

const INSTANSI = /\b(kementerian|kementrian|lembaga|pemerintah provinsi|pemprov|pemerintah kabupaten|pemkab|pemerintah kota|pemkot|badan pusat statistik|instansi)\b/;

/** Whether a pool or unit name names a whole government institution ("Kementerian Kesehatan", "Pemerintah Kota Denpasar"). */
export function isInstansiName(name: string): boolean {
  const text = name.toLowerCase().replace(/[^a-z0-9]+/g, ' ');
  return INSTANSI.test(text) && !PERANGKAT_DAERAH_START.test(text.replace(INSTANSI, ' '));
}
