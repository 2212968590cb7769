// The ReviewStore on PostgreSQL. A map's record is split: what may still change (annotations; signed SOPs gaining
// scans or a withdrawal) is one jsonb row of review_records, and the history that only grows (transitions,
// monitorings, evaluations) is rows of review_history, which a trigger keeps append-only against anyone, SQL by hand
// included. update() reads and locks the map's row (SELECT … FOR UPDATE), lets `change` compute the next record,
// checks it (schema, append-only.ts) and writes only the new history rows, all in one transaction.
import type pg from 'pg';
import { AppError } from '../../errors';
import { checkedReviewChange } from '../../review/append-only';
import { emptyReview, ReviewDocument, type Signature } from '../../review/review.schema';
import type { ReviewStore } from '../../review/review-store';
import { ANY_PEMDA, InFlight, inTransaction, LOCKS, type Queryable } from './database';
import { hashedBytes } from './pg-map-store';
import { parseRecord, verifiedBytes } from './records';
import { importExists, mapNotFound } from '../store-errors';


/** The pemda whose review records hold verification code `code`, of any pemda. */
export async function pemdaOfSignature(client: Queryable, code: string): Promise<string | undefined> {
  const { rows } = await client.query<{ pemda_id: string }>(`SELECT pemda_id FROM review_records WHERE ${ANY_PEMDA} record->'signatures' @> $1::jsonb`, [
    JSON.stringify([{ code }]),
  ]);
  return rows[0]?.pemda_id;
}

const HISTORY = ['transitions', 'monitorings', 'evaluations'] as const;
type HistoryList = (typeof HISTORY)[number];

interface HistoryRow {
  map_id: string;
  list: HistoryList;
  position: number;
  record: unknown;
}

/** The record without its history lists: what review_records keeps. */
function mutablePart(doc: ReviewDocument) {
  const { transitions: _t, monitorings: _m, evaluations: _e, ...rest } = doc;
  return rest;
}

function assemble(mapId: string, record: unknown, history: readonly HistoryRow[]): ReviewDocument {
  const lists: Record<HistoryList, unknown[]> = { transitions: [], monitorings: [], evaluations: [] };
  for (const row of history) {
    if (row.position !== lists[row.list].length) throw new Error(`Review history ${row.list} of map ${mapId} has a gap at ${row.position}`);
    lists[row.list].push(row.record);
  }
  return parseRecord(ReviewDocument, { ...(record as object), ...lists }, `review_records/${mapId}`);
}

async function readReview(client: Queryable, pemda: string, mapId: string, lock: boolean): Promise<ReviewDocument | undefined> {
  const { rows } = await client.query<{ record: unknown }>(`SELECT record FROM review_records WHERE pemda_id = $1 AND map_id = $2${lock ? ' FOR UPDATE' : ''}`, [
    pemda,
    mapId,
  ]);
  if (!rows[0]) return undefined;
  const history = await client.query<HistoryRow>(
    'SELECT map_id, list, position, record FROM review_history WHERE pemda_id = $1 AND map_id = $2 ORDER BY list, position',
    [pemda, mapId],
  );
  return assemble(mapId, rows[0].record, history.rows);
}

export class PostgresReviewStore implements ReviewStore {
  private readonly writes = new InFlight();

  /** `pemda`: the pemda whose review records this store sees and writes (every query names it). */
  constructor(
    private readonly pool: pg.Pool,
    private readonly pemda: string,
  ) {}

  async get(mapId: string): Promise<ReviewDocument> {
    return (await readReview(this.pool, this.pemda, mapId, false)) ?? emptyReview(mapId);
  }

  async list(): Promise<ReviewDocument[]> {
    const records = await this.pool.query<{ map_id: string; record: unknown }>('SELECT map_id, record FROM review_records WHERE pemda_id = $1 ORDER BY map_id', [this.pemda]);
    const history = await this.pool.query<HistoryRow>('SELECT map_id, list, position, record FROM review_history WHERE pemda_id = $1 ORDER BY map_id, list, position', [
      this.pemda,
    ]);
    const byMap = new Map<string, HistoryRow[]>();
    for (const row of history.rows) byMap.set(row.map_id, [...(byMap.get(row.map_id) ?? []), row]);
    return records.rows.map((row) => assemble(row.map_id, row.record, byMap.get(row.map_id) ?? []));
  }

  update<T>(mapId: string, change: (current: ReviewDocument) => { next: ReviewDocument; result: T }): Promise<T> {
    return this.writes.track(
      inTransaction(this.pool, async (client) => {
        await client.query('INSERT INTO review_records (pemda_id, map_id, record) VALUES ($1, $2, $3) ON CONFLICT (map_id) DO NOTHING', [
          this.pemda,
          mapId,
          mutablePart(emptyReview(mapId)),
        ]);
        // Absent: the map's review record belongs to another pemda.
        const current = await readReview(client, this.pemda, mapId, true);
        if (!current) throw mapNotFound(mapId);
        const { next, result } = checkedReviewChange(mapId, current, change);
        const known = new Set(current.signatures.map((s) => s.code));
        const added = next.signatures.filter((s) => !known.has(s.code));
        if (added.length > 0) {
          // Verification codes are unique across maps of every pemda (the public page finds one by its code alone):
          // checked under a lock so two instances cannot both take one.
          await client.query('SELECT pg_advisory_xact_lock($1)', [LOCKS.reviewCodes]);
          for (const signature of added) {
            const owner = await client.query(`SELECT map_id FROM review_records WHERE ${ANY_PEMDA} map_id <> $1 AND record->'signatures' @> $2::jsonb`, [
              mapId,
              JSON.stringify([{ code: signature.code }]),
            ]);
            if (owner.rows.length > 0) throw new Error(`Verification code ${signature.code} is already used`);
          }
        }
        await client.query('UPDATE review_records SET record = $3 WHERE pemda_id = $1 AND map_id = $2', [this.pemda, mapId, mutablePart(next)]);
        for (const list of HISTORY) {
          const entries = next[list] as unknown[];
          for (let position = current[list].length; position < entries.length; position++) {
            await client.query('INSERT INTO review_history (pemda_id, map_id, list, position, record) VALUES ($1, $2, $3, $4, $5)', [
              this.pemda,
              mapId,
              list,
              position,
              entries[position],
            ]);
          }
        }
        return result;
      }),
    );
  }

  async importRecord(record: ReviewDocument): Promise<void> {
    const next = ReviewDocument.parse(record);
    return this.writes.track(
      inTransaction(this.pool, async (client) => {
        await client.query('SELECT pg_advisory_xact_lock($1)', [LOCKS.reviewCodes]);
        // A map id is unique in the deployment: a record of it in any pemda refuses the import.
        if ((await client.query(`SELECT 1 FROM review_records WHERE ${ANY_PEMDA} map_id = $1`, [next.mapId])).rows.length > 0) throw importExists(`Catatan reviu peta ${next.mapId}`);
        for (const signature of next.signatures) {
          const owner = await client.query(`SELECT 1 FROM review_records WHERE ${ANY_PEMDA} record->'signatures' @> $1::jsonb`, [JSON.stringify([{ code: signature.code }])]);
          if (owner.rows.length > 0) throw importExists(`Kode verifikasi ${signature.code}`);
        }
        await client.query('INSERT INTO review_records (pemda_id, map_id, record) VALUES ($1, $2, $3)', [this.pemda, next.mapId, mutablePart(next)]);
        for (const list of HISTORY) {
          const entries = next[list] as unknown[];
          for (let position = 0; position < entries.length; position++) {
            await client.query('INSERT INTO review_history (pemda_id, map_id, list, position, record) VALUES ($1, $2, $3, $4, $5)', [
              this.pemda,
              next.mapId,
              list,
              position,
              entries[position],
            ]);
          }
        }
      }),
    );
  }

  async findSignature(code: string): Promise<{ mapId: string; signature: Signature } | undefined> {
    const { rows } = await this.pool.query<{ map_id: string }>("SELECT map_id FROM review_records WHERE pemda_id = $1 AND record->'signatures' @> $2::jsonb", [
      this.pemda,
      JSON.stringify([{ code }]),
    ]);
    if (!rows[0]) return undefined;
    const signature = (await this.get(rows[0].map_id)).signatures.find((s) => s.code === code);
    return signature ? { mapId: rows[0].map_id, signature } : undefined;
  }

  putFile(content: Uint8Array): Promise<string> {
    const { hash, bytes } = hashedBytes(content);
    return this.writes.track(
      this.pool
        .query('INSERT INTO review_files (pemda_id, sha256, bytes) VALUES ($1, $2, $3) ON CONFLICT (pemda_id, sha256) DO NOTHING', [this.pemda, hash, bytes])
        .then(() => hash),
    );
  }

  async readFile(sha256: string): Promise<Uint8Array> {
    const { rows } = /^[0-9a-f]{64}$/.test(sha256)
      ? await this.pool.query<{ bytes: Buffer }>('SELECT bytes FROM review_files WHERE pemda_id = $1 AND sha256 = $2', [this.pemda, sha256])
      : { rows: [] };
    const bytes = rows[0] ? verifiedBytes(sha256, rows[0].bytes) : undefined;
    if (!bytes) throw new AppError(404, 'FILE_NOT_FOUND', 'Berkas tidak ditemukan.');
    return bytes;
  }

  async close(): Promise<void> {
    await this.writes.settled();
  }
}
