// Codes of maps in the process hierarchy: "1", "1.2", "1.2.3" (MAP-TYPES.md).

/** The first free code under `parentCode` (or at the top level), numbering children from 1. */
export function nextChildCode(parentCode: string | undefined, takenCodes: ReadonlySet<string>): string {
  for (let n = 1; ; n++) {
    const code = parentCode === undefined ? String(n) : `${parentCode}.${n}`;
    if (!takenCodes.has(code)) return code;
  }
}
