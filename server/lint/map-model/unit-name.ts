/** A unit's name as compared with another's: lower case, punctuation and runs of spaces as one space. */
export const normaliseUnit = (unit: string): string => unit.toLocaleLowerCase('id').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
