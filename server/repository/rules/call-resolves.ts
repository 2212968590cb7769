// map/call-resolves (RULES.md §F, error): every call activity or collapsed sub-process names a map that exists.
import { MapIndex, resolveCall } from '../call-links';
import type { CallFacts } from '../map-facts';
import type { RepositoryFinding } from '../repository-lint.schema';
import { mapFinding, mapLabel, type RepositorySnapshot, type SnapshotMap } from './snapshot';

export const CALL_RESOLVES = 'map/call-resolves' as const;

/** What resolveCall tried, in its order, for the message. */
function tried(call: CallFacts, owner: SnapshotMap): string {
  if (call.calledMap) return `sk:calledMap "${call.calledMap}" bukan id peta mana pun`;
  const attempts: string[] = [];
  if (call.calledElement) attempts.push(`calledElement "${call.calledElement}" bukan id atau kode peta mana pun`);
  attempts.push(
    call.name
      ? `tidak ada anak peta ${mapLabel(owner)} yang bernama "${call.name}"`
      : 'aktivitas tidak bernama sehingga tidak dapat dicocokkan dengan nama anak peta',
  );
  return attempts.join('; ');
}

export function callResolves(snapshot: RepositorySnapshot, index = new MapIndex(snapshot.maps)): RepositoryFinding[] {
  const findings: RepositoryFinding[] = [];
  for (const map of snapshot.maps) {
    for (const call of snapshot.facts(map.id).calls) {
      if (resolveCall(call, map, index)) continue;
      const what = call.type === 'callActivity' ? 'Aktivitas pemanggil' : 'Subproses';
      findings.push(
        mapFinding(
          CALL_RESOLVES,
          'error',
          map,
          `${what} "${call.name || call.id}" memanggil peta yang tidak ada di repositori: ${tried(call, map)}.`,
          call.id,
          !call.calledMap && !call.calledElement,
        ),
      );
    }
  }
  return findings;
}
