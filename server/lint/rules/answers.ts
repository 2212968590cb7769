// The answers a decision's exits are labelled with (BPMN-CONVENTIONS.md, decisions): yes, and its negative.
import { lowerCaseId } from '../lower-case';

/**
 * Answers that mean yes; the negative is "tidak …", "belum …", "tolak" or "ditolak". A map drawn in English answers
 * "Yes"/"No" (also "Approved"/"Rejected", "Not …"): whole words only — a bare "Y"/"N" is not read as an answer.
 */
const YES = ['ya', 'sesuai', 'setuju', 'lengkap', 'benar', 'diterima', 'disetujui', 'valid', 'memenuhi syarat', 'yes', 'approved'];
const NO = [/^tidak\b/, /^belum\b/, /^(di)?tolak$/, /^no$/, /^not\b/, /^rejected$/];

export const normaliseAnswer = (label: unknown) =>
  lowerCaseId(String(label ?? '')).replace(/[^\p{L}\p{N} ]+/gu, ' ').replace(/\s+/g, ' ').trim();
export const isYes = (label: unknown) => YES.includes(normaliseAnswer(label));
export const isNo = (label: unknown) => {
  const answer = normaliseAnswer(label);
  return NO.some((pattern) => pattern.test(answer));
};
