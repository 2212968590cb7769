// The SopStore on PostgreSQL: a row per SOP version (append-only in the database too) and a row per unit's letterhead.
// A save inserts version n+1 after checking the base under a row lock of the map's versions; the primary key
// (map_id, version) refuses a second save on the same base even across instances.
import type pg from 'pg';
import { StoredLetterhead, unitKey, type Letterhead } from '../../sop/letterhead.schema';
import { SopVersion } from '../../sop/sop.schema';
import type { NewSopVersion, SopStore } from '../sop-store';
import { importExists, sopConflict } from '../store-errors';
import { InFlight, inTransaction, isUniqueViolation } from './database';
import { parseRecord } from './records';

export class PostgresSopStore implements SopStore {
  private readonly writes = new InFlight();

  /** `pemda`: the pemda whose SOP versions and letterheads this store sees and writes (every query names it). */
  constructor(
    private readonly pool: pg.Pool,
    private readonly pemda: string,
  ) {}

  async listSopVersions(mapId: string): Promise<SopVersion[]> {
    const { rows } = await this.pool.query<{ version: number; record: unknown }>('SELECT version, record FROM sop_versions WHERE pemda_id = $1 AND map_id = $2 ORDER BY version', [
      this.pemda,
      mapId,
    ]);
    return rows.map((row, i) => {
      const version = parseRecord(SopVersion, row.record, `sop_versions/${mapId}/${row.version}`);
      if (version.version !== i + 1) throw new Error(`SOP versions of map ${mapId} are not numbered 1…n`);
      return version;
    });
  }

  putSop(mapId: string, baseVersion: number, input: NewSopVersion): Promise<SopVersion> {
    return this.writes.track(
      inTransaction(this.pool, async (client) => {
        const { rows } = await client.query<{ n: number | null }>('SELECT max(version) AS n FROM sop_versions WHERE pemda_id = $1 AND map_id = $2', [this.pemda, mapId]);
        const current = rows[0]?.n ?? 0;
        if (baseVersion !== current) throw sopConflict(baseVersion, current);
        const version = SopVersion.parse({ version: current + 1, ...input, savedAt: new Date().toISOString() });
        try {
          await client.query('INSERT INTO sop_versions (pemda_id, map_id, version, record) VALUES ($1, $2, $3, $4)', [this.pemda, mapId, version.version, version]);
        } catch (error) {
          // Another save on the same base committed first.
          if (isUniqueViolation(error)) throw sopConflict(baseVersion, current + 1);
          throw error;
        }
        return version;
      }),
    );
  }

  async getLetterhead(unit: string): Promise<StoredLetterhead | undefined> {
    const { rows } = await this.pool.query<{ record: unknown }>('SELECT record FROM letterheads WHERE pemda_id = $1 AND unit_key = $2', [this.pemda, unitKey(unit)]);
    return rows[0] ? parseRecord(StoredLetterhead, rows[0].record, `letterheads/${unitKey(unit)}`) : undefined;
  }

  putLetterhead(unit: string, letterhead: Letterhead, updatedBy: string): Promise<StoredLetterhead> {
    const stored = StoredLetterhead.parse({ unit: unit.trim(), letterhead, updatedAt: new Date().toISOString(), updatedBy });
    return this.writes.track(
      this.pool
        .query('INSERT INTO letterheads (pemda_id, unit_key, record) VALUES ($1, $2, $3) ON CONFLICT (pemda_id, unit_key) DO UPDATE SET record = EXCLUDED.record', [
          this.pemda,
          unitKey(unit),
          stored,
        ])
        .then(() => stored),
    );
  }

  async listLetterheads(): Promise<StoredLetterhead[]> {
    const { rows } = await this.pool.query<{ unit_key: string; record: unknown }>('SELECT unit_key, record FROM letterheads WHERE pemda_id = $1 ORDER BY unit_key', [
      this.pemda,
    ]);
    return rows.map((row) => parseRecord(StoredLetterhead, row.record, `letterheads/${row.unit_key}`));
  }

  async importSop(mapId: string, versions: readonly SopVersion[]): Promise<void> {
    const records = versions.map((v) => SopVersion.parse(v));
    if (records.some((v, i) => v.version !== i + 1)) throw new Error(`SOP versions of map ${mapId} to import are not numbered 1…n`);
    return this.writes.track(
      inTransaction(this.pool, async (client) => {
        if ((await client.query('SELECT 1 FROM sop_versions WHERE pemda_id = $1 AND map_id = $2 LIMIT 1', [this.pemda, mapId])).rows.length > 0) {
          throw importExists(`SOP peta ${mapId}`);
        }
        for (const version of records) {
          await client.query('INSERT INTO sop_versions (pemda_id, map_id, version, record) VALUES ($1, $2, $3, $4)', [this.pemda, mapId, version.version, version]);
        }
      }),
    );
  }

  async importLetterhead(stored: StoredLetterhead): Promise<void> {
    const record = StoredLetterhead.parse(stored);
    return this.writes.track(
      this.pool.query('INSERT INTO letterheads (pemda_id, unit_key, record) VALUES ($1, $2, $3)', [this.pemda, unitKey(record.unit), record]).then(
        () => undefined,
        (error: unknown) => {
          throw isUniqueViolation(error) ? importExists(`Kop unit ${record.unit}`) : error;
        },
      ),
    );
  }

  async close(): Promise<void> {
    await this.writes.settled();
  }
}
