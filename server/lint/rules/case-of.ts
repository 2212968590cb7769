// The case a finding of a section D rule is about, for the engine to cite the articles on that case (grounds.ts):
// the scope (ROLES.md §5) of the letter or team the finding concerns.
import type { LaneFacts, MapModel, Placement } from '../map-model/map-model';
import type { LetterFacts } from '../map-model/letters';
import { scopeOf, scopeRank, type Scope } from '../map-model/scope';

/** The scope between a letter's first sender and its first receiver whose unit is known; undefined when unknown. */
export function letterScope(model: Pick<MapModel, 'pool' | 'placement'>, letter: LetterFacts): Scope | undefined {
  const from = letter.senders.map((id) => model.placement(id)).find((place) => place.unit !== undefined);
  const to = letter.receivers.map((id) => model.placement(id)).find((place) => place.unit !== undefined);
  return from && to ? scopeOf(model, from, to)?.scope : undefined;
}

/** The widest scope between two lanes of a team; `lintas-unit` when the team's units differ but no reading says more. */
export function teamScope(model: Pick<MapModel, 'pool'>, team: readonly LaneFacts[]): Scope {
  const placeOf = (lane: LaneFacts): Placement => ({ ...(lane.poolId ? { pool: lane.poolId } : {}), ...(lane.unit ? { unit: lane.unit } : {}) });
  let widest: Scope = 'lintas-unit';
  for (const a of team) {
    for (const b of team) {
      const scope = scopeOf(model, placeOf(a), placeOf(b))?.scope;
      if (scope && scopeRank(scope) > scopeRank(widest)) widest = scope;
    }
  }
  return widest;
}
