// The province bench's repository (bench/province.ts): per pemda the units a bureau has (UNIT_NAMES), per unit a peta
// proses (level 0), its subproses maps (level 1) and their children (level 2: lintas fungsi from the reference library
// with the unit's own pools, a mekanisme kerja and a peta relasi from processes/templates). Every revision is its own
// body: the template with the pemda, code and revision named in a comment, so no two revisions share a sha256.
// Written through MapStore.importMap (what `migrate` uses: records whole, bodies re-hashed on arrival).
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { MapKind } from '../server/domain/vocabulary';
import { sha256 } from '../server/store/blob-store';
import type { MapStore } from '../server/store/map-store';
import type { ProcessMap, Revision } from '../server/store/records';
import { lintasXml, UNIT_NAMES } from '../scripts/repository/generate-repository';

const TEMPLATES = new URL('../processes/templates/', import.meta.url);
const template = (kind: MapKind) => readFileSync(fileURLToPath(new URL(`${kind}.bpmn`, TEMPLATES)), 'utf8');
const BY_KIND = Object.fromEntries((['proses', 'subproses', 'relasi', 'mekanisme-kerja'] as const).map((k) => [k, template(k)])) as Record<
  Exclude<MapKind, 'lintas-fungsi'>,
  string
>;

/** Units per pemda: the twenty a bureau's repository names (Dinas Kesehatan first). */
export const PROVINCE_UNITS = UNIT_NAMES;
/** Children per subproses map (lintas fungsi, every tenth a mekanisme kerja, the last a peta relasi). */
const CHILDREN_PER_SUB = 30;
const BASE_TIME = Date.parse('2025-01-06T01:00:00Z');

export interface SeedMap {
  map: ProcessMap;
  /** The map's position in its unit (lintas fungsi: which library template, which other unit). */
  ordinal: number;
}

/** The maps of one pemda (`pemda` numbers it in tags), `maps` of them over the units, with fresh ids. */
export function pemdaMaps(pemda: number, maps: number, revisions: number): SeedMap[] {
  const perUnit = Math.ceil(maps / PROVINCE_UNITS.length);
  const subs = Math.max(1, Math.floor((perUnit - 1) / (CHILDREN_PER_SUB + 1)));
  const out: SeedMap[] = [];
  for (let u = 0; u < PROVINCE_UNITS.length && out.length < maps; u++) {
    const unit = PROVINCE_UNITS[u]!;
    const childCount = new Array<number>(subs).fill(0);
    const subIds: string[] = [];
    let topId = '';
    for (let k = 0; k < perUnit && out.length < maps; k++) {
      const created = BASE_TIME + (pemda * maps + out.length) * 61_000;
      const base = { id: randomUUID(), unit, profile: 'nasional' as const, createdAt: new Date(created).toISOString(), updatedAt: new Date(created + (revisions - 1) * 3_600_000).toISOString(), currentRevision: revisions };
      if (k === 0) {
        topId = base.id;
        out.push({ ordinal: k, map: { ...base, code: `${u + 1}`, name: `Peta proses ${unit}`, kind: 'proses', level: 0 } });
      } else if (k <= subs) {
        subIds.push(base.id);
        out.push({ ordinal: k, map: { ...base, code: `${u + 1}.${k}`, name: `Subproses ${k} ${unit}`, kind: 'subproses', level: 1, parentId: topId } });
      } else {
        const s = (k - subs - 1) % subs;
        const c = ++childCount[s]!;
        const kind: MapKind = c % CHILDREN_PER_SUB === 0 ? 'relasi' : c % 10 === 9 ? 'mekanisme-kerja' : 'lintas-fungsi';
        const name = `${kind === 'relasi' ? 'Peta relasi' : kind === 'mekanisme-kerja' ? 'Mekanisme kerja' : 'Lintas fungsi'} ${c} subproses ${s + 1} ${unit}`;
        out.push({ ordinal: k, map: { ...base, code: `${u + 1}.${s + 1}.${c}`, name, kind, level: 2, parentId: subIds[s]! } });
      }
    }
  }
  return out;
}

/** Revision `n`'s body of a map: a real template, its own bytes. */
export function bodyOf(pemda: number, seed: Pick<SeedMap, 'ordinal'> & { map: Pick<ProcessMap, 'kind' | 'unit' | 'code'> }, n: number): string {
  const tag = `provinsi: pemda ${pemda + 1}, peta ${seed.map.code}, revisi ${n}`;
  if (seed.map.kind === 'lintas-fungsi') {
    const u = PROVINCE_UNITS.indexOf(seed.map.unit);
    const other = PROVINCE_UNITS[(u + 1 + (seed.ordinal % 3)) % PROVINCE_UNITS.length]!;
    return lintasXml(seed.ordinal, seed.map.unit, other, tag);
  }
  return BY_KIND[seed.map.kind].replace(/^(<\?xml[^>]*\?>)?/, (decl) => `${decl}\n<!-- ${tag} -->`);
}

/** Imports the maps with every revision, `concurrency` maps at a time. */
export async function importPemda(store: MapStore, pemda: number, maps: SeedMap[], revisions: number, concurrency = 8): Promise<number> {
  let next = 0;
  let bytes = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < maps.length) {
        const seed = maps[next++]!;
        const bodies = new Map<string, Uint8Array>();
        const records: Revision[] = [];
        for (let n = 1; n <= revisions; n++) {
          const body = Buffer.from(bodyOf(pemda, seed, n));
          bytes += body.length;
          const hash = sha256(body);
          bodies.set(hash, body);
          const createdAt = new Date(Date.parse(seed.map.createdAt) + (n - 1) * 3_600_000).toISOString();
          records.push({ n, sha256: hash, author: 'bench-provinsi', createdAt, message: n === 1 ? 'Peta dibuat' : `Perbaikan ke-${n - 1}` });
        }
        await store.importMap(seed.map, records, bodies);
      }
    }),
  );
  return bytes;
}
