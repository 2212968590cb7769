// The repository-wide checks of RULES.md §F over every map's current revision: a snapshot read through the MapStore
// (facts from the FactsCache), then the three rules, which are pure functions of the snapshot.
import { currentRevisionOf, type MapStore } from '../store/map-store';
import { MapIndex } from './call-links';
import { EMPTY_FACTS, FactsCache } from './facts-cache';
import type { MapFacts } from './map-facts';
import type { RepositoryFinding, RepositoryLintResult } from './repository-lint.schema';
import { callResolves } from './rules/call-resolves';
import { levelOrder } from './rules/level-order';
import { relasiConsistent } from './rules/relasi-consistent';
import type { RepositorySnapshot, SnapshotMap } from './rules/snapshot';

/** Revisions read at once: enough to keep the disk busy, few enough not to hold many XML strings. */
const READ_CONCURRENCY = 16;

const BY_POSITION = (a: RepositoryFinding, b: RepositoryFinding) =>
  a.mapCode.localeCompare(b.mapCode, 'id', { numeric: true }) || a.rule.localeCompare(b.rule) || (a.element ?? '').localeCompare(b.element ?? '');

/** Runs the three §F rules over `snapshot`; findings ordered by map code, then rule. */
export function lintRepository(snapshot: RepositorySnapshot): RepositoryLintResult {
  const started = performance.now();
  const index = new MapIndex(snapshot.maps);
  const findings = [...callResolves(snapshot, index), ...relasiConsistent(snapshot, index), ...levelOrder(snapshot)].sort(BY_POSITION);
  return { findings, summary: summarise(findings), maps: snapshot.maps.length, durationMs: performance.now() - started };
}

export function summarise(findings: readonly RepositoryFinding[]): RepositoryLintResult['summary'] {
  return {
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
  };
}

/** Reads every map's record and the facts of its current revision, `READ_CONCURRENCY` maps at a time. */
export async function readSnapshot(store: MapStore, cache: FactsCache): Promise<RepositorySnapshot> {
  const records = await store.listMaps({});
  const maps: SnapshotMap[] = new Array(records.length);
  const facts = new Map<string, MapFacts>();
  let next = 0;
  const worker = async () => {
    while (next < records.length) {
      const i = next++;
      const record = records[i]!;
      const current = await currentRevisionOf(store, record);
      maps[i] = {
        id: record.id,
        code: record.code,
        name: record.name,
        kind: record.kind,
        level: record.level,
        ...(record.parentId ? { parentId: record.parentId } : {}),
        unit: record.unit,
        currentRevision: record.currentRevision,
        sha256: current.sha256,
      };
      facts.set(record.id, await cache.get(current.sha256, () => store.readRevisionXml(record.id, record.currentRevision)));
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, records.length) }, worker));
  return { maps, facts: (mapId) => facts.get(mapId) ?? EMPTY_FACTS };
}

/** Reads the snapshot and lints it; `durationMs` covers both. */
export async function lintStoredRepository(store: MapStore, cache: FactsCache): Promise<RepositoryLintResult> {
  const started = performance.now();
  const result = lintRepository(await readSnapshot(store, cache));
  return { ...result, durationMs: Math.round(performance.now() - started) };
}
