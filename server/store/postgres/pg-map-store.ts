// The MapStore on PostgreSQL: a row per map (its record as jsonb), a row per revision, BPMN bodies content-addressed
// in bpmn_bodies, all of one change in one transaction (a save is acknowledged after COMMIT). Hierarchy changes
// (create, recode, move) take a transaction-scoped advisory lock and plan on all records, as the embedded store does
// in its queue; a save locks only its map's row (SELECT … FOR UPDATE) and answers REVISION_CONFLICT on a stale base.
// The change feed hears this instance's commits at once and every other instance's through LISTEN petakerja_maps.
import pg from 'pg';
import { sha256 } from '../blob-store';
import { ChangeFeed } from '../change-feed';
import { filterMaps, unitsOf } from '../map-filter';
import type { MapChangeListener, MapFilter, MapPatch, MapStore, NewMap, NewRevision, OriginalFile } from '../map-store';
import { planMove, planRecode } from '../move-plan';
import { newMapRecord } from '../new-map';
import { ProcessMap, Revision } from '../records';
import { revisionBodies } from '../import-check';
import { codeTaken, importExists, mapNotFound, originalNotFound, revisionConflict, revisionNotFound } from '../store-errors';
import { InFlight, inTransaction, isUniqueViolation, LOCKS, type Queryable } from './database';
import { parseRecord, verifiedBytes } from './records';

/** maps.unit_key: the unit as the listing's filter compares it (map-filter.ts, filterKeysOf). */
export const unitKeyOf = (unit: string) => unit.toLocaleLowerCase('id');

interface MapRow {
  record: unknown;
  change_seq: string;
}

export class PostgresMapStore implements MapStore {
  private readonly changed = new ChangeFeed<ProcessMap>();
  /** The change_seq last told for each map: a notification of a change already told (our own) is skipped. */
  private readonly told = new Map<string, bigint>();
  private readonly writes = new InFlight();

  /** `pemda`: the pemda whose maps this store sees and writes (every query names it). */
  constructor(
    private readonly pool: pg.Pool,
    private readonly pemda: string,
  ) {}

  /**
   * A notification of petakerja_maps ('<id> <change_seq> <pemda>', map-change-listener.ts; the open store hands it to
   * the store of its pemda): told unless already told.
   */
  notified(payload: string): void {
    const [id, seq] = payload.split(' ');
    if (id && seq && /^\d+$/.test(seq) && (this.told.get(id) ?? -1n) < BigInt(seq)) void this.hear(id);
  }

  /** After the listener was deaf for a while: tells every map changed since it was last told (one read of all rows). */
  async resync(): Promise<void> {
    const { rows } = await this.pool.query<MapRow & { id: string }>('SELECT id, record, change_seq FROM maps WHERE pemda_id = $1', [this.pemda]);
    for (const row of rows) {
      if ((this.told.get(row.id) ?? -1n) < BigInt(row.change_seq)) this.tell(parseRecord(ProcessMap, row.record, `maps/${row.id}`), BigInt(row.change_seq));
    }
  }

  async listMaps(filter: MapFilter): Promise<ProcessMap[]> {
    // One unit's maps come by the unit_key index; the filter itself stays the shared one (same items, same order).
    if (filter.unit === undefined) return filterMaps(await this.allMaps(this.pool), filter);
    const { rows } = await this.pool.query<{ id: string; record: unknown }>('SELECT id, record FROM maps WHERE pemda_id = $1 AND unit_key = $2', [
      this.pemda,
      unitKeyOf(filter.unit),
    ]);
    return filterMaps(
      rows.map((row) => parseRecord(ProcessMap, row.record, `maps/${row.id}`)),
      filter,
    );
  }

  async listingVersion(): Promise<string> {
    const { rows } = await this.pool.query<{ version: string }>('SELECT version FROM map_listing_version WHERE pemda_id = $1', [this.pemda]);
    return rows[0]?.version ?? '0';
  }

  onChange(listener: MapChangeListener): () => void {
    return this.changed.subscribe(listener);
  }

  async listUnits(): Promise<string[]> {
    const { rows } = await this.pool.query<{ unit: string }>("SELECT DISTINCT record->>'unit' AS unit FROM maps WHERE pemda_id = $1", [this.pemda]);
    return unitsOf(rows.map((r) => ({ unit: r.unit }) as ProcessMap));
  }

  async getMap(id: string): Promise<ProcessMap> {
    const { rows } = await this.pool.query<MapRow>('SELECT record, change_seq FROM maps WHERE pemda_id = $1 AND id = $2', [this.pemda, id]);
    if (!rows[0]) throw mapNotFound(id);
    return parseRecord(ProcessMap, rows[0].record, `maps/${id}`);
  }

  createMap(input: NewMap, first: NewRevision): Promise<ProcessMap> {
    return this.commit(async (client) => {
      await lockHierarchy(client, this.pemda);
      const now = new Date().toISOString();
      const map = newMapRecord(input, await this.allMaps(client), now);
      const hash = await putBody(client, first.xml);
      const original = first.original
        ? { fileName: first.original.fileName, bytes: first.original.bytes.byteLength, sha256: await putBody(client, first.original.bytes) }
        : undefined;
      const revision: Revision = { n: 1, sha256: hash, author: first.author, createdAt: now, message: first.message, ...(original ? { original } : {}) };
      const row = await insertMap(client, this.pemda, map);
      await client.query('INSERT INTO map_revisions (pemda_id, map_id, n, record) VALUES ($1, $2, 1, $3)', [this.pemda, map.id, revision]);
      return { result: map, changed: [row] };
    });
  }

  updateMap(id: string, patch: MapPatch): Promise<ProcessMap> {
    return this.commit(async (client) => {
      await lockHierarchy(client, this.pemda);
      const maps = await this.allMaps(client);
      const current = maps.find((m) => m.id === id);
      if (!current) throw mapNotFound(id);
      if (patch.code !== undefined && patch.code !== current.code && maps.some((m) => m.code === patch.code)) throw codeTaken(patch.code);
      const now = new Date().toISOString();
      const map: ProcessMap = { ...current, ...patch, updatedAt: now };
      const descendants = patch.code === undefined ? [] : planRecode(maps, id, patch.code, now).filter((r) => r.id !== id);
      const changed = await updateRecords(client, this.pemda, [map, ...descendants]);
      return { result: parseRecord(ProcessMap, changed[0]!.record, `maps/${id}`), changed };
    });
  }

  moveMap(id: string, parentId: string | null): Promise<ProcessMap[]> {
    return this.commit(async (client) => {
      await lockHierarchy(client, this.pemda);
      const records = planMove(await this.allMaps(client), id, parentId, new Date().toISOString());
      const changed = await updateRecords(client, this.pemda, records);
      return { result: changed.map((row) => parseRecord(ProcessMap, row.record, 'maps')), changed };
    });
  }

  async listRevisions(id: string): Promise<Revision[]> {
    const { rows } = await this.pool.query<{ record: unknown; n: number }>('SELECT n, record FROM map_revisions WHERE pemda_id = $1 AND map_id = $2 ORDER BY n', [
      this.pemda,
      id,
    ]);
    if (rows.length === 0) throw mapNotFound(id);
    return rows.map((row, i) => {
      const revision = parseRecord(Revision, row.record, `map_revisions/${id}/${row.n}`);
      if (revision.n !== i + 1 || row.n !== revision.n) throw new Error(`Revision records of map ${id} are not numbered 1…n`);
      return revision;
    });
  }

  addRevision(id: string, baseRevision: number, input: NewRevision): Promise<{ map: ProcessMap; revision: Revision }> {
    return this.commit(async (client) => {
      const { rows } = await client.query<MapRow>('SELECT record, change_seq FROM maps WHERE pemda_id = $1 AND id = $2 FOR UPDATE', [this.pemda, id]);
      if (!rows[0]) throw mapNotFound(id);
      const current = parseRecord(ProcessMap, rows[0].record, `maps/${id}`);
      if (baseRevision !== current.currentRevision) throw revisionConflict(baseRevision, current.currentRevision);
      const now = new Date().toISOString();
      const revision: Revision = { n: current.currentRevision + 1, sha256: await putBody(client, input.xml), author: input.author, createdAt: now, message: input.message };
      const map: ProcessMap = { ...current, currentRevision: revision.n, updatedAt: now };
      await client.query('INSERT INTO map_revisions (pemda_id, map_id, n, record) VALUES ($1, $2, $3, $4)', [this.pemda, id, revision.n, revision]);
      const updated = await client.query<MapRow>('UPDATE maps SET record = $3 WHERE pemda_id = $1 AND id = $2 RETURNING record, change_seq', [this.pemda, id, map]);
      return { result: { map, revision }, changed: updated.rows };
    });
  }

  async readRevisionXml(id: string, n: number): Promise<string> {
    const revision = (await this.listRevisions(id))[n - 1];
    if (!revision) throw revisionNotFound(id, n);
    return Buffer.from(await readBody(this.pool, revision.sha256)).toString('utf8');
  }

  async readOriginal(id: string): Promise<OriginalFile> {
    const original = (await this.listRevisions(id))[0]?.original;
    if (!original) throw originalNotFound(id);
    return { fileName: original.fileName, sha256: original.sha256, bytes: await readBody(this.pool, original.sha256) };
  }

  async importMap(map: ProcessMap, revisions: readonly Revision[], bodies: ReadonlyMap<string, Uint8Array>): Promise<void> {
    const checked = revisionBodies(map.id, revisions, bodies);
    const record = ProcessMap.parse(map);
    const records = revisions.map((r) => Revision.parse(r));
    if (record.currentRevision !== records.length) throw new Error(`Map ${map.id} to import: current revision ${record.currentRevision} of ${records.length}`);
    return this.commit(async (client) => {
      // A map id is unique in the deployment (the primary key), a code in its pemda; pemda_id names the code's scope.
      const taken = await client.query('SELECT 1 FROM maps WHERE id = $2 OR (pemda_id = $1 AND code = $3)', [this.pemda, record.id, record.code]);
      if (taken.rows.length > 0) throw importExists(`Peta dengan id ${record.id} atau kode ${record.code}`);
      for (const bytes of checked.values()) await putBody(client, bytes);
      const row = await insertMap(client, this.pemda, record);
      for (const revision of records) {
        await client.query('INSERT INTO map_revisions (pemda_id, map_id, n, record) VALUES ($1, $2, $3, $4)', [this.pemda, record.id, revision.n, revision]);
      }
      return { result: undefined, changed: [row] };
    });
  }

  async close(): Promise<void> {
    await this.writes.settled();
  }

  /** Runs `work` in a transaction; after COMMIT tells the feed of every record it changed, in order. */
  private commit<T>(work: (client: pg.PoolClient) => Promise<{ result: T; changed: MapRow[] }>): Promise<T> {
    return this.writes.track(
      (async () => {
        let outcome: { result: T; changed: MapRow[] };
        try {
          outcome = await inTransaction(this.pool, work);
        } catch (error) {
          if (isUniqueViolation(error) && /code/.test((error as { constraint?: string }).constraint ?? '')) throw codeTaken(String((error as { detail?: string }).detail ?? ''));
          throw error;
        }
        for (const row of outcome.changed) this.tell(parseRecord(ProcessMap, row.record, 'maps'), BigInt(row.change_seq));
        return outcome.result;
      })(),
    );
  }

  /** A change another instance (or SQL by hand) committed: read the row as it is now and tell it. */
  private async hear(id: string): Promise<void> {
    try {
      const { rows } = await this.pool.query<MapRow>('SELECT record, change_seq FROM maps WHERE pemda_id = $1 AND id = $2', [this.pemda, id]);
      if (rows[0]) this.tell(parseRecord(ProcessMap, rows[0].record, `maps/${id}`), BigInt(rows[0].change_seq));
    } catch (error) {
      console.error(`Perubahan peta ${id} dari basis data tidak dapat dibaca: ${(error as Error).message}`);
    }
  }

  private tell(map: ProcessMap, seq: bigint): void {
    if ((this.told.get(map.id) ?? -1n) >= seq) return;
    this.told.set(map.id, seq);
    this.changed.emit(map);
  }

  private async allMaps(client: Queryable): Promise<ProcessMap[]> {
    const { rows } = await client.query<{ id: string; record: unknown }>('SELECT id, record FROM maps WHERE pemda_id = $1', [this.pemda]);
    return rows.map((row) => parseRecord(ProcessMap, row.record, `maps/${row.id}`));
  }
}

/** A pemda's hierarchy changes run one at a time (another pemda's run beside them). */
async function lockHierarchy(client: Queryable, pemda: string): Promise<void> {
  await client.query('SELECT pg_advisory_xact_lock($1::bigint # hashtextextended($2, 0))', [LOCKS.hierarchy, pemda]);
}

async function insertMap(client: Queryable, pemda: string, map: ProcessMap): Promise<MapRow> {
  const { rows } = await client.query<MapRow>(
    'INSERT INTO maps (pemda_id, id, code, unit_key, change_seq, record) VALUES ($1, $2, $3, $4, 0, $5) RETURNING record, change_seq',
    [pemda, map.id,
    map.code,
    unitKeyOf(map.unit),
    map],
  );
  return rows[0]!;
}

/**
 * Writes hierarchy records (a recode or a move): every field from the plan but currentRevision, which stays the row's
 * own (a save may have landed since the plan was read; revisions are not part of a hierarchy change).
 */
async function updateRecords(client: Queryable, pemda: string, records: readonly ProcessMap[]): Promise<MapRow[]> {
  const changed: MapRow[] = [];
  for (const record of records) {
    const { rows } = await client.query<MapRow>(
      "UPDATE maps SET code = $2, unit_key = $3, record = $4::jsonb || jsonb_build_object('currentRevision', record->'currentRevision') WHERE id = $1 AND pemda_id = $5 RETURNING record, change_seq",
      [record.id, record.code, unitKeyOf(record.unit), record, pemda],
    );
    if (!rows[0]) throw mapNotFound(record.id);
    changed.push(rows[0]);
  }
  return changed;
}

/** The bytes of `content` as a Buffer, and their sha256. */
export function hashedBytes(content: string | Uint8Array): { hash: string; bytes: Buffer } {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content.buffer, content.byteOffset, content.byteLength);
  return { hash: sha256(content), bytes };
}

/**
 * Stores a BPMN body once under its sha256 (inside the caller's transaction) and answers the hash. Bodies are shared
 * by every pemda (content-addressed; read only through a pemda's own revision records).
 */
export async function putBody(client: Queryable, content: string | Uint8Array): Promise<string> {
  const { hash, bytes } = hashedBytes(content);
  await client.query('INSERT INTO bpmn_bodies (sha256, bytes) VALUES ($1, $2) ON CONFLICT (sha256) DO NOTHING', [hash, bytes]);
  return hash;
}

/** The body stored under `hash`, verified against it; undefined when absent. */
export async function readBodyIfAny(client: Queryable, hash: string): Promise<Uint8Array | undefined> {
  const { rows } = await client.query<{ bytes: Buffer }>('SELECT bytes FROM bpmn_bodies WHERE sha256 = $1', [hash]);
  return rows[0] ? verifiedBytes(hash, rows[0].bytes) : undefined;
}

async function readBody(client: Queryable, hash: string): Promise<Uint8Array> {
  const bytes = await readBodyIfAny(client, hash);
  if (!bytes) throw new Error(`Blob ${hash} is missing`);
  return bytes;
}
