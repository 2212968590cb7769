// How an SOP activity is worded (SOP-FORMAT.md §2): an active verb without a subject ("Menerima surat masuk"), not a
// passive ("Surat diterima oleh Kasubag") nor a performer first ("Kasubag menerima surat"). Heuristics on the words,
// tuned to stay quiet on good names: see docs/rules/sop/activity-verb.md.
import { readTitle } from '../../map-model/kamus-jabatan';
import { lowerCaseId } from '../../lower-case';

export type NameVerdict =
  | { kind: 'active' }
  | { kind: 'passive'; word: string }
  | { kind: 'performer-first'; performer: string }
  | { kind: 'not-a-verb' }
  /** No Indonesian in it (e.g. "Review order"): the rule does not judge it. */
  | { kind: 'not-indonesian' };

const wordsOf = (name: string) =>
  lowerCaseId(name)
    .replace(/\([^)]*\)/g, ' ')
    .split(/[^\p{L}\p{N}-]+/u)
    .map((w) => w.replace(/^-+|-+$/g, ''))
    .filter((w) => w.length > 0);

/**
 * Active verb prefixes with the sound changes of Indonesian: me- before l, m, n, ng, ny, r, w, y; mem- before b, p, f,
 * v and vowels (memakai); men- before c, d, j, t, z, sy; meng- before vowels, g, h, k, kh; meny- before vowels;
 * memper-; ber-/be-/bel- (berkoordinasi, bekerja, belajar).
 */
const ACTIVE_PREFIX = /^(me(?=[lmnrwy])|mem(?=[bpfv]|[aeiou])|men(?=[cdjtz]|sy)|meng(?=[aeiougkh])|meny(?=[aeiou])|memper|ber(?=\p{L}{3})|bekerja|belajar)/u;

/** Words that look like a me-/ber- verb but are nouns or adjectives. */
const LOOK_ALIKES = new Set([
  'menteri', 'mentri', 'meja', 'menu', 'memo', 'memori', 'mesin', 'menara', 'merek', 'meter', 'metode', 'media', 'mekanisme', 'medis',
  'mengenai', 'menurut', 'merupakan',
  'berkas', 'berita', 'beras', 'berat', 'bersih', 'berikut', 'berdasarkan', 'beraneka', 'berbagai', 'bersama', 'berupa', 'beserta',
]);

/**
 * Active verbs without a me-/ber- prefix that SOPs use as they are: intransitive roots (hadir, tiba, kembali) and
 * words taken from English that have no Indonesian active form in common use (input, entri, upload, scan, login).
 */
const ACTIVE_AS_THEY_ARE = new Set([
  'hadir', 'tiba', 'datang', 'pulang', 'kembali', 'ikut', 'masuk', 'keluar', 'pergi', 'naik', 'turun', 'mulai', 'rapat', 'tidur',
  'input', 'entri', 'entry', 'upload', 'download', 'scan', 'print', 'login', 'logout', 'posting', 'update', 'cek', 'paraf',
]);

/** di- words that are not passive verbs. */
const DI_NOUNS = new Set([
  'dinas', 'direktur', 'direksi', 'direktorat', 'disposisi', 'distribusi', 'diskusi', 'dialog', 'diagram', 'diklat', 'digital', 'dimensi',
  'diploma', 'divisi', 'diri', 'dia', 'dini', 'dinding', 'diagnosa', 'diagnosis', 'diet', 'disiplin', 'diskon', 'dispensasi',
]);

export const isActiveVerb = (word: string) => (ACTIVE_PREFIX.test(word) && !LOOK_ALIKES.has(word)) || ACTIVE_AS_THEY_ARE.has(word);
/**
 * Spelling Indonesian does not use (it writes sy, k, f, t, ks and single consonants): a double consonant other than the ng+g of "menggunakan" ("dinner"),
 * ck, sh, ch, ph, th, q or x. A word spelt so is English, whatever prefix it seems to carry ("dispatch", "dinner").
 */
const NOT_INDONESIAN_SPELLING = /([b-dfhj-np-tv-z])\1|ck|sh|ch|ph|th|[qx]/u;

/** A di- passive: di + a root of three letters or more spelt as Indonesian, not a noun beginning with di-. */
export const isPassiveVerb = (word: string) => /^di\p{L}{3,}/u.test(word) && !DI_NOUNS.has(word) && !NOT_INDONESIAN_SPELLING.test(word);

/** Indonesian function words and affixes that show a name is written in Indonesian. */
const INDONESIAN_WORDS = new Set([
  'dan', 'yang', 'dengan', 'untuk', 'kepada', 'dari', 'ke', 'oleh', 'atau', 'pada', 'di', 'surat', 'berkas', 'hasil', 'laporan',
  'permohonan', 'kegiatan', 'dokumen', 'sesuai', 'tidak', 'belum', 'sudah', 'baru', 'masuk', 'keluar',
]);
const INDONESIAN_AFFIX = /^(pe[mn]?g?\p{L}+an|ke\p{L}+an|\p{L}+(kan|nya))$/u;

/** English function words: a name holding one and no Indonesian verb form is taken as English. */
const ENGLISH_WORDS = new Set(['the', 'and', 'of', 'to', 'for', 'with', 'in', 'on', 'if', 'from', 'by', 'a', 'an', 'or', 'into', 'about']);

/**
 * Whether a name shows Indonesian: a verb form, a pe-/ke-…-an noun, -kan/-nya, or a common Indonesian word. A name
 * with an English function word and no Indonesian one is English, whatever its words look like ("division" is not a
 * di- passive, "members" not a me- verb).
 */
export function looksIndonesian(name: string): boolean {
  const words = wordsOf(name);
  const indonesianWord = words.some((w) => INDONESIAN_WORDS.has(w));
  if (!indonesianWord && words.some((w) => ENGLISH_WORDS.has(w))) return false;
  // Only the affixed verb forms count: the bare verbs of ACTIVE_AS_THEY_ARE include English loans ("scan").
  return (
    indonesianWord ||
    words.some((w) => !NOT_INDONESIAN_SPELLING.test(w) && ((ACTIVE_PREFIX.test(w) && !LOOK_ALIKES.has(w)) || isPassiveVerb(w) || INDONESIAN_AFFIX.test(w)))
  );
}

/** How many words at the start name a performer (a title the kamus jabatan reads, up to the first verb); 0 if none. */
function leadingPerformer(words: string[]): number {
  const firstVerb = words.findIndex((w) => isActiveVerb(w) || isPassiveVerb(w));
  const head = words.slice(0, firstVerb < 0 ? Math.min(words.length, 4) : Math.min(firstVerb, 4));
  for (let n = 1; n <= head.length; n++) {
    if (readTitle(head.slice(0, n).join(' ')).matched.length === 0) continue;
    // The title must begin the name ("Kasubag menerima …"), not follow a word of its own ("Surat Kepala Dinas").
    return readTitle(head.slice(1, n).join(' ')).matched.length === 0 ? head.length : 0;
  }
  return 0;
}

export function readActivityName(name: string): NameVerdict {
  const words = wordsOf(name);
  if (words.length === 0 || isActiveVerb(words[0]!)) return { kind: 'active' };
  const performerWords = leadingPerformer(words);
  const performer = performerWords > 0 ? name.trim().split(/\s+/).slice(0, performerWords).join(' ') : undefined;
  const indonesian = looksIndonesian(name);
  if (!indonesian && !performer) return { kind: 'not-indonesian' };
  if (performer && words.some(isActiveVerb)) return { kind: 'performer-first', performer };
  const passive = words.slice(0, 4).find(isPassiveVerb) ?? (words.includes('oleh') ? 'oleh' : undefined);
  if (passive) return { kind: 'passive', word: passive };
  if (performer) return { kind: 'performer-first', performer };
  return { kind: 'not-a-verb' };
}
