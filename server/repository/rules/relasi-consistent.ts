// map/relasi-consistent (RULES.md §F, warning): the hand-offs between units in the lintas fungsi (and mekanisme kerja)
// maps beneath a process and the peta relasi of that process describe the same relations (MAP-TYPES.md).
import { compareCodes } from '../../domain/hierarchy';
import { MapIndex } from '../call-links';
import { compareRelations, relationsDrawn, relationsFromHandOffs, type Relation } from '../relations';
import type { RepositoryFinding } from '../repository-lint.schema';
import { mapFinding, mapLabel, type RepositorySnapshot, type SnapshotMap } from './snapshot';

export const RELASI_CONSISTENT = 'map/relasi-consistent' as const;

const PROCESS_KINDS = new Set(['proses', 'subproses']);
const HAND_OFF_KINDS = new Set(['lintas-fungsi', 'mekanisme-kerja']);

/** Map order by code (1.2 before 1.10), so that a finding lands on the same flow whatever order maps are listed in. */
const byCode = (a: SnapshotMap, b: SnapshotMap) => compareCodes(a.code, b.code);

const arrow = (r: Relation) => `${r.from.name} → ${r.to.name}${r.what.length > 0 ? ` (${r.what.join('; ')})` : ''}`;

/**
 * For each process (proses or subproses) with a peta relasi among its children: every relation realised by the
 * hand-offs of the lintas fungsi maps in its subtree is drawn in a peta relasi, and every drawn relation is realised.
 * A process without a peta relasi, or without lintas fungsi maps beneath it, gives no finding.
 */
export function relasiConsistent(snapshot: RepositorySnapshot, index = new MapIndex<SnapshotMap>(snapshot.maps)): RepositoryFinding[] {
  const findings: RepositoryFinding[] = [];
  for (const process of snapshot.maps) {
    if (!PROCESS_KINDS.has(process.kind)) continue;
    const relasiMaps = index.childrenOf(process.id).filter((m) => m.kind === 'relasi').sort(byCode);
    if (relasiMaps.length === 0) continue;
    const handOffMaps = index.descendantsOf(process.id).sort(byCode).filter((m) => HAND_OFF_KINDS.has(m.kind));
    // Nothing drawn yet on one side or the other: nothing to be consistent with.
    if (handOffMaps.length === 0) continue;
    const realised = relationsFromHandOffs(handOffMaps.map((m) => ({ mapId: m.id, facts: snapshot.facts(m.id) })));
    const drawn = relasiMaps.flatMap((m) => relationsDrawn(snapshot.facts(m.id), m.id));
    // Several peta relasi under one process: a relation drawn in any of them counts once.
    const drawnOnce = [...new Map(drawn.map((r) => [r.key, r])).values()];
    const { notDrawn, notRealised } = compareRelations(realised, drawnOnce);
    const relasiNames = relasiMaps.map(mapLabel).join(', ');
    for (const relation of notDrawn) {
      // The first flow realising it, in the map of the lowest code.
      const source = relation.sources[0]!;
      const on = index.byId.get(source.mapId!)!;
      findings.push(
        mapFinding(RELASI_CONSISTENT, 'warning', on, `Serah terima ${arrow(relation)} tidak ada di peta relasi ${relasiNames}.`, source.flowId),
      );
    }
    for (const relation of notRealised) {
      const source = relation.sources[0]!;
      const on = index.byId.get(source.mapId!)!;
      findings.push(
        mapFinding(
          RELASI_CONSISTENT,
          'warning',
          on,
          `Relasi ${arrow(relation)} tidak diwujudkan oleh serah terima mana pun di peta lintas fungsi di bawah ${mapLabel(process)}.`,
          source.flowId,
        ),
      );
    }
  }
  return findings;
}
