// Verification codes of signed SOPs (review.schema.ts, VerificationCode): 12 characters drawn with node:crypto from an
// alphabet without look-alikes (no 0/O, 1/I/L), printed as XXXX-XXXX-XXXX. 31^12 ≈ 2^59 codes: not guessable.
import { randomInt } from 'node:crypto';

export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const GROUPS = 3;
const GROUP_LENGTH = 4;

/** A fresh random verification code, e.g. "7KQM-2XH9-RT4B". */
export function newVerificationCode(): string {
  const groups: string[] = [];
  for (let g = 0; g < GROUPS; g += 1) {
    let group = '';
    // randomInt draws without modulo bias.
    for (let i = 0; i < GROUP_LENGTH; i += 1) group += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
    groups.push(group);
  }
  return groups.join('-');
}

/**
 * A code as a person types it ("7kqm 2xh9 rt4b", "7KQM2XH9RT4B", " 7kqm-2xh9-rt4b ") in its printed form, or
 * undefined when it cannot be a verification code (wrong length or a character outside the alphabet).
 */
export function normaliseCode(input: string): string | undefined {
  const compact = input.toUpperCase().replace(/[\s\-‐‑–—_.]/g, '');
  if (compact.length !== GROUPS * GROUP_LENGTH) return undefined;
  for (const char of compact) if (!CODE_ALPHABET.includes(char)) return undefined;
  return [compact.slice(0, 4), compact.slice(4, 8), compact.slice(8, 12)].join('-');
}
