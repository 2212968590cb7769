// The answers a decision's exits are labelled with (BPMN-CONVENTIONS.md, decisions): yes, and its negative.

/** Answers that mean yes; the negative is "tidak …", "belum …", "tolak" or "ditolak". */
const YES = ['ya', 'sesuai', 'setuju', 'lengkap', 'benar', 'diterima', 'disetujui', 'valid', 'memenuhi syarat'];
const NO = [/^tidak\b/, /^belum\b/, /^(di)?tolak$/];

export const normaliseAnswer = (label: unknown) =>
  String(label ?? '').toLocaleLowerCase('id').replace(/[^\p{L}\p{N} ]+/gu, ' ').replace(/\s+/g, ' ').trim();
export const isYes = (label: unknown) => YES.includes(normaliseAnswer(label));
export const isNo = (label: unknown) => NO.some((pattern) => pattern.test(normaliseAnswer(label)));
