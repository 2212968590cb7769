// Filtering and ordering of map listings, shared by every MapStore that filters in memory.
import type { MapFilter } from './map-store';
import type { ProcessMap } from './records';

/** Maps matching `filter` (kind exactly; unit and q case-insensitively), the most recently changed first. */
export function filterMaps(maps: Iterable<ProcessMap>, filter: MapFilter): ProcessMap[] {
  const q = filter.q?.toLocaleLowerCase('id');
  const unit = filter.unit?.toLocaleLowerCase('id');
  const matches: ProcessMap[] = [];
  for (const m of maps) {
    if (filter.kind && m.kind !== filter.kind) continue;
    if (unit !== undefined && m.unit.toLocaleLowerCase('id') !== unit) continue;
    if (q && !m.name.toLocaleLowerCase('id').includes(q) && !m.code.toLocaleLowerCase('id').includes(q)) continue;
    matches.push(m);
  }
  return matches.sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0));
}

/** The distinct non-empty units of `maps`, in Indonesian alphabetical order. */
export function unitsOf(maps: Iterable<ProcessMap>): string[] {
  const units = new Set<string>();
  for (const m of maps) if (m.unit !== '') units.add(m.unit);
  return [...units].sort((a, b) => a.localeCompare(b, 'id'));
}
