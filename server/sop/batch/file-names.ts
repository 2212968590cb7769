// File names inside an export: ASCII letters, digits and dashes (sopFileName), unique within one archive.
import { sopFileName } from '../sop.routes';

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
  const safe = unit
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `${prefix}-${safe || 'unit'}-${suffix}`;
}
