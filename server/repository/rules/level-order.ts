// map/level-order (RULES.md §F, error): a child map's level is its parent's level plus one; its parent exists.
import type { RepositoryFinding } from '../repository-lint.schema';
import { mapFinding, mapLabel, type RepositorySnapshot } from './snapshot';

export const LEVEL_ORDER = 'map/level-order' as const;

export function levelOrder(snapshot: RepositorySnapshot): RepositoryFinding[] {
  const byId = new Map(snapshot.maps.map((m) => [m.id, m]));
  const findings: RepositoryFinding[] = [];
  for (const map of snapshot.maps) {
    if (map.parentId === undefined) continue;
    const parent = byId.get(map.parentId);
    if (!parent) {
      findings.push(mapFinding(LEVEL_ORDER, 'error', map, `Peta induk (id ${map.parentId}) tidak ada di repositori; pindahkan peta ini ke induk yang ada.`));
    } else if (map.level !== parent.level + 1) {
      findings.push(
        mapFinding(
          LEVEL_ORDER,
          'error',
          map,
          `Level peta ini ${map.level}, padahal induknya ${mapLabel(parent)} berlevel ${parent.level}: level anak peta harus ${parent.level + 1}.`,
        ),
      );
    }
  }
  return findings;
}
