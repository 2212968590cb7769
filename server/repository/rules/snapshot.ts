// The repository as the §F rules see it: every map's record and the facts of its current revision.
import type { RepoMapRef } from '../call-links';
import type { MapFacts } from '../map-facts';
import type { RepositoryFinding, RepositoryRule } from '../repository-lint.schema';
import type { Severity } from '../../lint/findings';

export interface SnapshotMap extends RepoMapRef {
  currentRevision: number;
  /** sha256 of the current revision's BPMN. */
  sha256: string;
}

export interface RepositorySnapshot {
  maps: readonly SnapshotMap[];
  /** The facts of a map's current revision (empty facts when its XML could not be read). */
  facts(mapId: string): MapFacts;
}

/** A finding on `map`, in the shape every §F rule reports. */
export function mapFinding(
  rule: RepositoryRule,
  severity: Severity,
  map: RepoMapRef,
  message: string,
  element?: string,
  inferred = false,
): RepositoryFinding {
  return {
    rule,
    severity,
    mapId: map.id,
    mapCode: map.code,
    mapName: map.name,
    unit: map.unit,
    ...(element ? { element } : {}),
    message,
    citations: [],
    inferred,
  };
}

/** "1.2 Nama peta", as users see a map named in a message. */
export const mapLabel = (map: Pick<RepoMapRef, 'code' | 'name'>) => `${map.code} ${map.name}`;
