// File names inside an export: ASCII letters, digits and dashes (sopFileName), unique within one archive.
import { safeFileNamePart, sopFileName } from '../file-name';

/** Hands out `SOP-<name>-rev<n>.pdf`, adding "-2", "-3"… when two SOPs share a name. */
export class UniqueFileNames {
  private readonly used = new Set<string>();

  next(title: string, revision: number): string {
    const base = sopFileName(title, revision).replace(/\.pdf$/, '');
    let name = `${base}.pdf`;
    for (let n = 2; this.used.has(name.toLowerCase()); n++) name = `${base}-${n}.pdf`;
    this.used.add(name.toLowerCase());
    return name;
  }
}

/** The download's own name: `<prefix>-<unit>-<suffix>` in the same alphabet. */
export function exportFileName(prefix: string, unit: string, suffix: string): string {
  return `${prefix}-${safeFileNamePart(unit, 60) || 'unit'}-${suffix}`;
}
