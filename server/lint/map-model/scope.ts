// Scopes of work between two places of a map (ROLES.md §5), for the rules of RULES.md §D: map-model.ts's
// scopeBetween (sk:unitKind, else the perangkat daerah and instansi the names say), completed here for two units
// organisasi whose names say no perangkat daerah ("Bidang Kesehatan Masyarakat" and "Bidang P2P"), which are read
// as units of one perangkat daerah — the map's own.
import type { HandOff } from './hand-offs';
import { scopeBetween, type MapModel, type Placement, type Scope, type ScopeReading } from './map-model';
import { definedOnly } from './defined-only';
import { normaliseUnit } from './unit-name';

export type { Scope, ScopeReading } from './map-model';

export const SCOPES: readonly Scope[] = ['dalam-unit', 'lintas-unit', 'lintas-pd', 'lintas-instansi'];

/** Indonesian names of the scopes, as messages say them (GMS Ps 12(7); BDG Lampiran I BAB II B.2 huruf a). */
export const SCOPE_LABELS: Readonly<Record<Scope, string>> = {
  'dalam-unit': 'dalam unit organisasi',
  'lintas-unit': 'lintas unit organisasi',
  'lintas-pd': 'lintas perangkat daerah',
  'lintas-instansi': 'lintas instansi pemerintah',
};

/** Wider scopes rank higher: dalam-unit 0 … lintas-instansi 3. */
export const scopeRank = (scope: Scope): number => SCOPES.indexOf(scope);

/** Names that open with a unit organisasi inside a perangkat daerah. */
const UNIT_ORGANISASI = /^(bidang|bagian|sub ?bagian|subbag|seksi|sub ?bidang|subbid|sekretariat|inspektur pembantu|irban|uptd|upt|unit|kelurahan|puskesmas)\b/;


/** Whether a place is a unit organisasi: its pool declares sk:unitKind="unit-organisasi", or its unit's name opens like one. */
function unitOrganisasi(model: Pick<MapModel, 'pool'>, place: Placement): { yes: boolean; inferred: boolean } {
  const pool = place.pool ? model.pool(place.pool) : undefined;
  const ownUnit = place.unit !== undefined && pool !== undefined && normaliseUnit(place.unit) !== normaliseUnit(pool.unit);
  if (!ownUnit && pool?.unitKind) return { yes: pool.unitKind === 'unit-organisasi', inferred: false };
  return { yes: place.unit !== undefined && UNIT_ORGANISASI.test(normaliseUnit(place.unit)), inferred: true };
}

/**
 * The scope of work between two places: map-model.ts's reading, else `lintas-unit` when both are units organisasi
 * (declared or by name) whose names say no perangkat daerah; undefined when the two units cannot be told apart.
 */
export function scopeOf(model: Pick<MapModel, 'pool'>, from: Placement, to: Placement): ScopeReading | undefined {
  const reading = scopeBetween(model, from, to);
  if (reading) return reading;
  const a = unitOrganisasi(model, from);
  const b = unitOrganisasi(model, to);
  return a.yes && b.yes ? { scope: 'lintas-unit', inferred: a.inferred || b.inferred } : undefined;
}

/** The two ends of a hand-off as places. */
export function endsOf(handOff: HandOff): { from: Placement; to: Placement } {
  return {
    from: definedOnly({ lane: handOff.fromLane, pool: handOff.fromPool, unit: handOff.fromUnit }) as Placement,
    to: definedOnly({ lane: handOff.toLane, pool: handOff.toPool, unit: handOff.toUnit }) as Placement,
  };
}

/** The scope of a hand-off between its two ends. */
export function scopeOfHandOff(model: Pick<MapModel, 'pool'>, handOff: HandOff): ScopeReading | undefined {
  const { from, to } = endsOf(handOff);
  return scopeOf(model, from, to);
}
