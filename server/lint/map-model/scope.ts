// The one reader of the scope of work between two places of a map (ROLES.md §5; GMS Ps 12(7), 14(1), 28(1); BDG
// Lampiran I BAB II B.2 huruf a), for every rule of RULES.md §D: the pools' declared sk:unitKind, sk:unit and
// sk:orgType first, the names of pools and units otherwise.
import type { HandOff } from './hand-offs';
import type { MapModel, Placement, PoolFacts, Scope, ScopeReading } from './map-model';
import { definedOnly } from './defined-only';
import { governmentFromName, isInstansiName, perangkatDaerahFromName, type OrgType } from './levels';
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

/**
 * Organisation types of which a pemerintah daerah has one perangkat daerah only (ROLES.md §3): two units organisasi
 * of such a type belong to the same perangkat daerah — two Bagian of one Setda (GMS Ps 27–28).
 */
const ONE_PER_GOVERNMENT: ReadonlySet<OrgType> = new Set(['setda', 'setwan', 'inspektorat', 'dpmptsp', 'brida']);

/**
 * Organisation types that are perangkat daerah themselves; a kelurahan, UPTD, puskesmas, satuan pendidikan or RSUD
 * may be a unit organisasi of one of them (ROLES.md §3; BDG Lampiran I BAB II B.1.f–g; DPS Lampiran B.5–B.6).
 */
const PERANGKAT_DAERAH_TYPES: ReadonlySet<OrgType> = new Set(['setda', 'setwan', 'inspektorat', 'dinas', 'badan', 'dpmptsp', 'brida', 'kecamatan']);

/** What one side of a hand-off says about where it sits. */
interface Side {
  unit: string;
  pool?: PoolFacts;
  /**
   * The instansi it belongs to: `explicit` when the side is an instansi (sk:unitKind="instansi", or a name like
   * "Kementerian …", "Pemerintah Kota …"), else the government its name ends with ("… Kab. Badung"); `declared` when
   * sk:unitKind said so.
   */
  instansi?: { key: string; explicit: boolean; declared: boolean };
  /** The perangkat daerah its unit or pool names, normalised (levels.ts). */
  pdName?: string;
  /** The organisation type of its pool, and whether sk:orgType declared it. */
  orgType?: { type: OrgType; declared: boolean };
  /** It is a unit organisasi: declared by sk:unitKind (or a lane's own sk:unit), or read from its name. */
  unitOrganisasi?: { declared: boolean };
}

function sideOf(model: Pick<MapModel, 'pool'>, place: Placement & { unit: string }): Side {
  const pool = place.pool ? model.pool(place.pool) : undefined;
  const unit = normaliseUnit(place.unit);
  // A lane whose sk:unit differs from its pool's: a unit organisasi inside the pool.
  const laneUnit = pool !== undefined && unit !== normaliseUnit(pool.unit);
  const side: Side = { unit, ...definedOnly({ pool }) };
  const government = [place.unit, pool?.name, pool?.unit].map((name) => (name ? governmentFromName(name) : undefined)).find((g) => g !== undefined);
  const named = pool?.unitKind ? undefined : [place.unit, pool?.name].find((name): name is string => name !== undefined && isInstansiName(name));
  if (pool?.unitKind === 'instansi') side.instansi = { key: government ?? normaliseUnit(pool.unit), explicit: true, declared: true };
  else if (named) side.instansi = { key: government ?? normaliseUnit(named), explicit: true, declared: false };
  else if (government) side.instansi = { key: government, explicit: false, declared: false };
  const pdName = perangkatDaerahFromName(place.unit) ?? (pool?.unitKind === 'perangkat-daerah' ? (perangkatDaerahFromName(pool.unit) ?? normaliseUnit(pool.unit)) : pool?.perangkatDaerah);
  if (pdName) side.pdName = pdName;
  if (pool?.orgType) side.orgType = { type: pool.orgType, declared: pool.orgTypeDeclared === true };
  const declaredKind = laneUnit ? (pool?.unitKind === 'instansi' ? undefined : 'unit-organisasi') : pool?.unitKind;
  if (declaredKind === 'unit-organisasi') side.unitOrganisasi = { declared: true };
  else if (declaredKind === undefined && UNIT_ORGANISASI.test(unit)) side.unitOrganisasi = { declared: false };
  return side;
}

/** Initials of a perangkat daerah's name, short words kept whole ("badan kepegawaian dan pengembangan sdm" → "bkpsdm"). */
const initialsOf = (name: string): string =>
  name
    .split(' ')
    .filter((word) => word !== 'dan' && word !== 'serta')
    .map((word) => (word.length <= 3 ? word : word[0]))
    .join('');

/** Two names of one perangkat daerah: the same words, or one written as the other's initials ("BKPSDM"). */
function samePdName(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  return !short.includes(' ') && long.includes(' ') && initialsOf(long) === short;
}

/**
 * Whether the two sides sit in one perangkat daerah, and whether that rests on declared attributes only; undefined
 * when nothing tells. Declared facts first: lanes of one pool, two pools declared perangkat daerah, two declared
 * organisation types (two types of perangkat daerah, or one type a government has one of); then the perangkat
 * daerah the names say; last, two units organisasi that no name places elsewhere, which a map draws inside its own
 * perangkat daerah.
 */
function onePerangkatDaerah(a: Side, b: Side): { same: boolean; inferred: boolean } | undefined {
  const byNames = a.pdName !== undefined && b.pdName !== undefined ? samePdName(a.pdName, b.pdName) : undefined;
  if (a.pool !== undefined && a.pool === b.pool) return byNames === false ? { same: false, inferred: true } : { same: true, inferred: false };
  if (a.pool?.unitKind === 'perangkat-daerah' && b.pool?.unitKind === 'perangkat-daerah') return { same: false, inferred: false };
  if (a.orgType?.declared && b.orgType?.declared) {
    if (a.orgType.type !== b.orgType.type && PERANGKAT_DAERAH_TYPES.has(a.orgType.type) && PERANGKAT_DAERAH_TYPES.has(b.orgType.type)) return { same: false, inferred: false };
    if (ONE_PER_GOVERNMENT.has(a.orgType.type)) return { same: true, inferred: false };
  }
  if (byNames !== undefined) return { same: byNames, inferred: true };
  if (a.orgType && b.orgType && a.orgType.type === b.orgType.type && ONE_PER_GOVERNMENT.has(a.orgType.type)) return { same: true, inferred: true };
  if (a.unitOrganisasi && b.unitOrganisasi && a.pdName === undefined && b.pdName === undefined) {
    return { same: true, inferred: !(a.unitOrganisasi.declared && b.unitOrganisasi.declared) };
  }
  return undefined;
}

/**
 * The scope of work between two places: `dalam-unit` for one unit; `lintas-instansi` when one side belongs to
 * another instansi (sk:unitKind="instansi", a name like "Kementerian …", "Pemerintah Kota …", or two governments
 * named: "Setda Kab. Badung" and "Setda Kota Denpasar"); `lintas-pd` or
 * `lintas-unit` as the two sides' perangkat daerah differ or not (onePerangkatDaerah). Undefined when a side has no
 * unit or the perangkat daerah cannot be told. `inferred` says whether names were needed.
 */
export function scopeOf(model: Pick<MapModel, 'pool'>, from: Placement, to: Placement): ScopeReading | undefined {
  if (from.unit === undefined || to.unit === undefined) return undefined;
  const a = sideOf(model, { ...from, unit: from.unit });
  const b = sideOf(model, { ...to, unit: to.unit });
  const samePool = a.pool !== undefined && a.pool === b.pool;
  // One unit: by the drawing (one pool) or declared units, else by two pools' names alone.
  if (a.unit === b.unit) return { scope: 'dalam-unit', inferred: !samePool && !(a.pool?.unitKind && b.pool?.unitKind) };
  // Two governments named, or an instansi against a side that names none: lintas instansi.
  const otherInstansi = a.instansi && b.instansi ? a.instansi.key !== b.instansi.key : a.instansi?.explicit || b.instansi?.explicit;
  if (!samePool && otherInstansi) return { scope: 'lintas-instansi', inferred: !(a.instansi?.declared || b.instansi?.declared) };
  const pd = onePerangkatDaerah(a, b);
  return pd ? { scope: pd.same ? 'lintas-unit' : 'lintas-pd', inferred: pd.inferred } : undefined;
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
