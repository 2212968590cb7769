// The choices of the properties panel's "Peta yang dirinci" (sk:calledMap): the open map's children first, then every
// other map, each by code; the open map itself is not offered.
import type { ProcessMap } from '../../api/types';
import type { SkOption } from '../sk-properties/vocabulary';
import { compareCodes } from './mapTree';

export function calledMapOptions(maps: readonly ProcessMap[], ownerId: string): SkOption[] {
  const sorted = maps.filter((m) => m.id !== ownerId).sort((a, b) => compareCodes(a.code, b.code));
  const children = sorted.filter((m) => m.parentId === ownerId);
  const others = sorted.filter((m) => m.parentId !== ownerId);
  return [
    ...children.map((m) => ({ value: m.id, label: `${m.code} ${m.name} (peta anak)` })),
    ...others.map((m) => ({ value: m.id, label: `${m.code} ${m.name}` })),
  ];
}
