// Filtering and ordering of map listings, shared by every MapStore that filters in memory and by the incremental
// listing (maps/listing-index.ts): both must give exactly the same items in the same order.
import { compareCodes } from '../domain/hierarchy';
import type { MapFilter } from './map-store';
import type { ProcessMap } from './records';

/** The listing's order: the most recently changed first; maps changed at the same instant (a moved subtree) by code, then id. */
export function listingOrder(a: ProcessMap, b: ProcessMap): number {
  if (a.updatedAt !== b.updatedAt) return a.updatedAt < b.updatedAt ? 1 : -1;
  return compareCodes(a.code, b.code) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** A map's fields as the filters compare them (lower-cased the Indonesian way). */
export interface FilterKeys {
  kind: ProcessMap['kind'];
  unit: string;
  name: string;
  code: string;
}

export function filterKeysOf(map: ProcessMap): FilterKeys {
  return { kind: map.kind, unit: map.unit.toLocaleLowerCase('id'), name: map.name.toLocaleLowerCase('id'), code: map.code.toLocaleLowerCase('id') };
}

/** `filter` made ready for `matchesFilter`: unit and q lower-cased once. */
export function normalizeFilter(filter: MapFilter): MapFilter {
  return {
    ...(filter.kind ? { kind: filter.kind } : {}),
    ...(filter.unit !== undefined ? { unit: filter.unit.toLocaleLowerCase('id') } : {}),
    ...(filter.q ? { q: filter.q.toLocaleLowerCase('id') } : {}),
  };
}

/** Whether a map matches a normalized filter: kind exactly; unit and q (in name or code) case-insensitively. */
export function matchesFilter(keys: FilterKeys, filter: MapFilter): boolean {
  if (filter.kind && keys.kind !== filter.kind) return false;
  if (filter.unit !== undefined && keys.unit !== filter.unit) return false;
  if (filter.q && !keys.name.includes(filter.q) && !keys.code.includes(filter.q)) return false;
  return true;
}

/** Maps matching `filter`, in the listing's order. */
export function filterMaps(maps: Iterable<ProcessMap>, filter: MapFilter): ProcessMap[] {
  const normalized = normalizeFilter(filter);
  const matches: ProcessMap[] = [];
  for (const m of maps) if (matchesFilter(filterKeysOf(m), normalized)) matches.push(m);
  return matches.sort(listingOrder);
}

/** The distinct non-empty units of `maps`, in Indonesian alphabetical order. */
export function unitsOf(maps: Iterable<ProcessMap>): string[] {
  const units = new Set<string>();
  for (const m of maps) if (m.unit !== '') units.add(m.unit);
  return [...units].sort((a, b) => a.localeCompare(b, 'id'));
}
