import { lowerCaseId } from '../lower-case';

/** A unit's name as compared with another's: lower case, punctuation and runs of spaces as one space. */
export const normaliseUnit = (unit: string): string => lowerCaseId(unit).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
