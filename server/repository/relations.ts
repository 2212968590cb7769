// The relations of a process (MAP-TYPES.md, peta relasi): which units pass what to which, read from its lintas fungsi
// maps' cross-unit hand-offs, or from a peta relasi as drawn (its message flows between pools).
import type { CrossUnitFacts, MapFacts, UnitFacts } from './map-facts';

export interface Relation {
  /** `from.key → to.key`: the same for the generated and the drawn relation between the same two units. */
  key: string;
  from: UnitFacts;
  to: UnitFacts;
  /** What passes, each name once, in the order first seen. */
  what: string[];
  /** The flows it rests on: map id (when known) and flow id. */
  sources: Array<{ mapId?: string; flowId: string }>;
}

export const relationKey = (from: UnitFacts, to: UnitFacts): string => `${from.key} → ${to.key}`;

function collect(into: Map<string, Relation>, flow: CrossUnitFacts, mapId?: string): void {
  const key = relationKey(flow.from, flow.to);
  const relation = into.get(key) ?? { key, from: flow.from, to: flow.to, what: [], sources: [] };
  if (flow.what && !relation.what.some((w) => w.toLocaleLowerCase('id') === flow.what.toLocaleLowerCase('id'))) relation.what.push(flow.what);
  relation.sources.push({ ...(mapId ? { mapId } : {}), flowId: flow.id });
  into.set(key, relation);
}

/** The relations realised by the hand-offs of a process's lintas fungsi (or mekanisme kerja) maps. */
export function relationsFromHandOffs(maps: Array<{ mapId: string; facts: MapFacts }>): Relation[] {
  const relations = new Map<string, Relation>();
  for (const { mapId, facts } of maps) for (const flow of facts.crossUnit) collect(relations, flow, mapId);
  return [...relations.values()];
}

/** The relations a peta relasi draws: its message flows between pools of different units. */
export function relationsDrawn(facts: MapFacts, mapId?: string): Relation[] {
  const relations = new Map<string, Relation>();
  for (const flow of facts.crossUnit) if (flow.type === 'message') collect(relations, flow, mapId);
  return [...relations.values()];
}

export interface RelationComparison {
  /** In both: realised by hand-offs and drawn. */
  both: Array<{ realised: Relation; drawn: Relation }>;
  /** Realised by some hand-off but missing from the peta relasi. */
  notDrawn: Relation[];
  /** Drawn in the peta relasi but realised by no hand-off. */
  notRealised: Relation[];
}

export function compareRelations(realised: readonly Relation[], drawn: readonly Relation[]): RelationComparison {
  const drawnByKey = new Map(drawn.map((r) => [r.key, r]));
  const realisedKeys = new Set(realised.map((r) => r.key));
  return {
    both: realised.filter((r) => drawnByKey.has(r.key)).map((r) => ({ realised: r, drawn: drawnByKey.get(r.key)! })),
    notDrawn: realised.filter((r) => !drawnByKey.has(r.key)),
    notRealised: drawn.filter((r) => !realisedKeys.has(r.key)),
  };
}
