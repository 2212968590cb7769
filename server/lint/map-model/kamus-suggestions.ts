// What the kamus jabatan suggests for a lane name it cannot read (issue 14 item 4): only suggestions with evidence —
// a shared meaningful word or a small misspelling of a known title, a common non-structural staff title (Kasir,
// Petugas Pendaftaran → Pelaksana), or an outside party (Pemohon, Vendor → bukan jabatan pemda). English job titles
// (Manager, Accountant) name no pemda jabatan and get no suggestion; words like "Kepala" or "Petugas" alone are no
// evidence of which jabatan is meant.
import { normalizeTitle, TITLES, type JabatanCode, type RoleCode } from './kamus-jabatan';

export interface LaneSuggestion {
  jabatan?: JabatanCode;
  role?: RoleCode;
  /** The lane is an outside party, not a jabatan of the pemda (sk:external="true"). */
  external?: true;
  /** In Bahasa Indonesia, as the user picks it. */
  label: string;
}

export const EXTERNAL_LABEL = 'Bukan jabatan pemda';

/** Words that say little of which title is meant: shared alone they are no evidence. */
const STOP_TOKENS = new Set([
  'kepala', 'petugas', 'staf', 'staff', 'pejabat', 'sub', 'bagian', 'bidang', 'seksi', 'unit', 'tim', 'dan', 'atau', 'yang',
  'daerah', 'dinas', 'badan', 'kantor', 'urusan', 'umum', 'tata', 'usaha', 'pelayanan', 'layanan', 'the', 'of', 'and',
  'ruang', 'bag', 'wakil',
]);

/**
 * Outside parties (not a jabatan of the pemda): ROLES.md lists only jabatan and roles of the pemda's own staff, so a
 * lane of the public or a company holds none of them.
 */
const OUTSIDE_PARTIES: readonly string[] = [
  'pemohon', 'masyarakat', 'warga', 'penduduk', 'wajib pajak', 'wajib retribusi', 'pasien', 'pelanggan', 'pengguna layanan',
  'penerima layanan', 'penyedia', 'penyedia jasa', 'penyedia barang', 'rekanan', 'pihak ketiga', 'bank', 'customer', 'client',
  'klien', 'vendor', 'supplier', 'pemasok', 'kontraktor', 'konsultan', 'investor', 'pelaku usaha', 'badan usaha', 'mahasiswa',
  'siswa', 'pengunjung', 'tamu', 'applicant', 'citizen', 'patient', 'guest', 'visitor',
];

/** English job titles (and English words for the public's staff): no jabatan of ROLES.md is read or suggested from them. */
const ENGLISH_TITLES: readonly string[] = [
  'manager', 'clerk', 'accountant', 'customer service', 'officer', 'supervisor', 'director', 'assistant', 'secretary',
  'administrator', 'admin', 'cashier', 'receptionist', 'employee', 'head', 'lead', 'team leader', 'engineer', 'analyst',
  'controller', 'operator', 'agent', 'staff', 'worker', 'specialist', 'coordinator', 'executive', 'ceo', 'cfo', 'hr',
  'finance', 'sales', 'marketing', 'warehouse', 'purchasing', 'procurement', 'logistics', 'department', 'desk', 'back office',
  'front office', 'helpdesk', 'help desk', 'call center', 'it', 'system', 'control', 'room', 'administration', 'accounting',
  'management', 'recruitment', 'approver', 'requester', 'requestor', 'user', 'team', 'picker', 'packager', 'production',
  'account', 'market', 'service', 'hiring', 'person', 'responsible', 'corporate', 'backend', 'portal', 'site', 'measure',
];

/**
 * Common pemda titles that are no structural jabatan (ROLES.md §1 sorts every such title as Pelaksana or Pejabat
 * Fungsional): the work of a Pelaksana ("Pelaksana, Pengadministrasi, Pengelola, Staf").
 */
const PELAKSANA_WORDS: readonly string[] = [
  'kasir', 'bendahara', 'bendahara pengeluaran', 'bendahara penerimaan', 'verifikator', 'front office', 'frontliner',
  'front liner', 'loket', 'resepsionis', 'petugas', 'juru', 'sopir', 'pengemudi', 'satpam', 'pramu', 'pramubakti',
  'pengantar', 'pencatat', 'kurir', 'ekspedisi', 'agendaris', 'pengarsip',
];

const containsPhrase = (normalised: string, phrase: string) => ` ${normalised} `.includes(` ${normalizeTitle(phrase)} `);

/**
 * Words of someone serving a party rather than the party itself: "Customer Service", "Private Customer Account
 * Manager", "Petugas Layanan Pemohon" are staff.
 */
const SERVING_WORDS = new Set([
  'manager', 'officer', 'service', 'services', 'clerk', 'agent', 'representative', 'assistant', 'account', 'support', 'desk',
  'staff', 'admin', 'operator', 'petugas', 'staf', 'pelayanan', 'layanan', 'loket', 'bagian', 'seksi', 'bidang', 'kepala',
  'kasir', 'verifikator', 'pengelola', 'pelaksana', 'pejabat', 'tim',
]);

/** The name states an outside party ("Pemohon", "Vendor 1", "Wajib Pajak"), not a pemda title ("Customer Service" is staff). */
export function isOutsidePartyName(name: string): boolean {
  const normalised = normalizeTitle(name);
  if (!normalised) return false;
  if (normalised.split(' ').some((token) => SERVING_WORDS.has(token))) return false;
  return OUTSIDE_PARTIES.some((phrase) => containsPhrase(normalised, phrase));
}

/** Every word of the name is English or a number ("Accountant", "Ruang Control" is not: "ruang" is Indonesian). */
function isEnglishTitle(normalised: string): boolean {
  const english = new Set(ENGLISH_TITLES.flatMap((phrase) => phrase.split(' ')));
  const tokens = normalised.split(' ');
  return tokens.some((token) => english.has(token)) && tokens.every((token) => english.has(token) || /^\d+$/.test(token) || token.length <= 2);
}

export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

/** Two words are one misspelt as the other: at most one edit in 5–7 letters, two from 8 ("sekertaris"). */
function closeWords(a: string, b: string): boolean {
  if (a === b) return true;
  const length = Math.min(a.length, b.length);
  if (length < 5) return false;
  return editDistance(a, b) <= (length >= 8 ? 2 : 1);
}

const meaningful = (token: string) => token.length >= 3 && !STOP_TOKENS.has(token) && !/^\d+$/.test(token);

/**
 * How strongly the name points at one alias: every meaningful word of the alias appears in the name (spelt alike or
 * misspelt by a letter or two) — "Kabid Pelayanan" has no meaningful word of "Kepala Dinas", "Sekertaris Dinas" has
 * "sekretaris". 0 when there is no such evidence.
 */
function evidence(nameTokens: string[], alias: string): number {
  const normalisedAlias = normalizeTitle(alias);
  const aliasTokens = normalisedAlias.split(' ');
  // The whole name misspells the alias by a letter or two ("Kepala Bidnag", "Ketua Tm").
  const whole = nameTokens.join(' ');
  if (Math.min(whole.length, normalisedAlias.length) >= 5 && editDistance(whole, normalisedAlias) <= (whole.length >= 10 ? 2 : 1)) return 10;
  const wanted = aliasTokens.filter(meaningful);
  if (wanted.length === 0) return 0;
  const found = wanted.filter((token) => nameTokens.some((word) => closeWords(word, token)));
  if (found.length < wanted.length) return 0;
  // Context words of the alias ("kepala", "sub") present in the name strengthen the match.
  const context = aliasTokens.filter((token) => !meaningful(token) && nameTokens.includes(token)).length;
  return found.length * 2 + context;
}

function suggestionOf(entry: (typeof TITLES)[number]): LaneSuggestion {
  return { ...(entry.jabatan ? { jabatan: entry.jabatan } : {}), ...(entry.role ? { role: entry.role } : {}), label: entry.title };
}

/** Known titles the name points at with evidence, strongest first. */
function similarTitles(normalised: string): LaneSuggestion[] {
  const nameTokens = normalised.split(' ');
  const scored = TITLES.filter((entry) => !entry.koordinator && (entry.jabatan || entry.role))
    .map((entry) => ({ entry, score: Math.max(0, ...entry.aliases.map((alias) => evidence(nameTokens, alias))) }))
    .filter((candidate) => candidate.score > 0);
  return scored.sort((a, b) => b.score - a.score).map((candidate) => suggestionOf(candidate.entry));
}

const PELAKSANA: LaneSuggestion = { jabatan: 'PELAKSANA', label: 'Pelaksana' };
const EXTERNAL: LaneSuggestion = { external: true, label: EXTERNAL_LABEL };

/**
 * Suggestions for a lane name the kamus cannot read, best first, at most `n`; none where nothing in the name is
 * evidence of a jabatan, a role or an outside party.
 */
export function suggestionsFor(name: string, n = 3): LaneSuggestion[] {
  const normalised = normalizeTitle(name);
  if (!normalised) return [];
  if (isOutsidePartyName(name)) return [EXTERNAL];
  const suggestions: LaneSuggestion[] = [];
  if (PELAKSANA_WORDS.some((phrase) => containsPhrase(normalised, phrase)) && normalised !== 'petugas') suggestions.push(PELAKSANA);
  else if (isEnglishTitle(normalised)) return [];
  for (const suggestion of similarTitles(normalised)) {
    if (!suggestions.some((s) => s.label === suggestion.label)) suggestions.push(suggestion);
  }
  return suggestions.slice(0, n);
}
