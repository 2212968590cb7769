// The kind of an activity (sk:activityKind, BPMN-CONVENTIONS.md), or the kinds its name says through keywords.
import { lowerCaseId } from '../lower-case';

export const ACTIVITY_KINDS = [
  'perjanjian-kinerja',
  'strategi',
  'rencana-kegiatan',
  'monitoring',
  'serah-hasil',
  'reviu',
  'penerimaan',
  'penetapan-penugasan',
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/** Keywords of BPMN-CONVENTIONS.md, "kind of activity", matched in a lower-cased name. */
const KEYWORDS: Record<ActivityKind, RegExp> = {
  'perjanjian-kinerja': /perjanjian kinerja/,
  strategi: /strategi/,
  'rencana-kegiatan': /rencana (pelaksanaan )?(kegiatan|anggaran)/,
  monitoring: /monitor|memantau|pemantauan|umpan balik/,
  'serah-hasil': /menyampaikan hasil|serah terima|melaporkan hasil/,
  reviu: /meninjau|\breviu|\breview|mereviu/,
  penerimaan: /menerima|dinyatakan selesai/,
  'penetapan-penugasan': /menugaskan|menetapkan penugasan|penetapan penugasan|surat penugasan/,
};

/** Receiving a letter of assignment ("Menerima surat penugasan") is not setting the assignment. */
const RECEIVING = /^(menerima|diterimanya)\b/;
/** Drafting the letter ("Menyiapkan konsep surat penugasan") is not issuing it: the one who signs it sets the assignment. */
const DRAFTING = /^(menyiapkan|mempersiapkan|mengonsep|mengkonsep|merancang|membuat (konsep|draf|draft|rancangan))\b|\b(konsep|draf|draft|rancangan) surat\b/;

export const isActivityKind = (value: unknown): value is ActivityKind => ACTIVITY_KINDS.includes(value as ActivityKind);

/** Every kind whose keywords the name holds ("Meninjau dan menerima hasil" is both reviu and penerimaan). */
export function kindsFromName(name: string): ActivityKind[] {
  const text = lowerCaseId(name).replace(/\s+/g, ' ');
  return ACTIVITY_KINDS.filter((kind) => KEYWORDS[kind].test(text) && !(kind === 'penetapan-penugasan' && (RECEIVING.test(text) || DRAFTING.test(text))));
}
