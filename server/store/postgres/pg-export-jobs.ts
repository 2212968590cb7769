// Batch SOP export jobs in the database (table export_jobs, migration 003): queued by any instance, taken once with
// SELECT … FOR UPDATE SKIP LOCKED under a lease, their events and finished file in the row, every change told with
// NOTIFY petakerja_export_jobs so that streams and runners on every instance hear it (docs/storage.md).
import type pg from 'pg';
import { ExportJobRow, type ExportJobQueue, type NewExportJob } from '../../sop/batch/export-job-queue';
import type { ExportEvent } from '../../sop/batch/export.schema';

export const EXPORT_JOB_CHANNEL = 'petakerja_export_jobs';

const COLUMNS = `id, owner_id AS "ownerId", actor, unit, format, include_drafts AS "includeDrafts", state, events, takes, file_name AS "fileName", dropped`;
/** The NOTIFY of a job's change: its id, whether it was queued, and its pemda (the open store hands it to that pemda's queue). */
const notify = (id: string, queued = false) =>
  `SELECT pg_notify('${EXPORT_JOB_CHANNEL}', json_build_object('id', ${id}, 'queued', ${queued}, 'pemda', ${id.replace(/\.id$/, '.pemda_id')})::text)`;
/** The event appended to the row's list, numbered after the ones there. */
const APPEND = `events || jsonb_build_array(jsonb_build_object('id', jsonb_array_length(events) + 1, 'type', $3::text, 'data', $4::jsonb))`;

export class PostgresExportJobQueue implements ExportJobQueue {
  private readonly listeners = new Set<(change: { id?: string; queued?: boolean }) => void>();

  /** `pemda`: the pemda whose jobs this queue holds and takes (every query names it). */
  constructor(
    private readonly pool: pg.Pool,
    private readonly pemda: string,
  ) {}

  async insert(job: NewExportJob, maxPerUser: number): Promise<boolean> {
    const { rows } = await this.pool.query<{ id: string }>(
      `WITH inserted AS (
         INSERT INTO export_jobs (pemda_id, id, owner_id, actor, unit, format, include_drafts, state, events)
         SELECT $10, $1, $2, $3, $4, $5, $6, 'queued', jsonb_build_array(jsonb_build_object('id', 1, 'type', $7::text, 'data', $8::jsonb))
         WHERE (SELECT count(*) FROM export_jobs WHERE pemda_id = $10 AND owner_id = $2 AND state IN ('queued', 'running')) < $9
         RETURNING id, pemda_id)
       ${notify('inserted.id', true)}, inserted.id FROM inserted`,
      [job.id, job.actor.id, JSON.stringify(job.actor), job.unit, job.format, job.includeDrafts, job.first.type, JSON.stringify(job.first.data), maxPerUser, this.pemda],
    );
    return rows.length === 1;
  }

  async take(instance: string, leaseMs: number): Promise<ExportJobRow | undefined> {
    const { rows } = await this.pool.query(
      `UPDATE export_jobs SET state = 'running', taken_by = $1, takes = takes + 1, lease_until = now() + $2 * interval '1 millisecond'
       WHERE id = (SELECT id FROM export_jobs WHERE pemda_id = $3 AND (state = 'queued' OR (state = 'running' AND lease_until < now()))
                   ORDER BY created_at FOR UPDATE SKIP LOCKED LIMIT 1)
       RETURNING ${COLUMNS}`,
      [instance, leaseMs, this.pemda],
    );
    return rows[0] ? ExportJobRow.parse(rows[0]) : undefined;
  }

  async append(id: string, instance: string, event: ExportEvent, leaseMs: number): Promise<boolean> {
    const { rows } = await this.pool.query(
      `WITH changed AS (
         UPDATE export_jobs SET events = ${APPEND}, lease_until = now() + $5 * interval '1 millisecond'
         WHERE pemda_id = $6 AND id = $1 AND taken_by = $2 AND state = 'running' RETURNING id, pemda_id)
       ${notify('changed.id')} FROM changed`,
      [id, instance, event.type, JSON.stringify(event.data), leaseMs, this.pemda],
    );
    return rows.length === 1;
  }

  async renew(id: string, instance: string, leaseMs: number): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `UPDATE export_jobs SET lease_until = now() + $3 * interval '1 millisecond' WHERE pemda_id = $4 AND id = $1 AND taken_by = $2 AND state = 'running'`,
      [id, instance, leaseMs, this.pemda],
    );
    return rowCount === 1;
  }

  async finish(id: string, instance: string, event: ExportEvent, file?: { name: string; bytes: Uint8Array }): Promise<boolean> {
    const { rows } = await this.pool.query(
      `WITH changed AS (
         UPDATE export_jobs SET events = ${APPEND}, state = $5, file_name = $6, file = $7, finished_at = now(), lease_until = NULL
         WHERE pemda_id = $8 AND id = $1 AND taken_by = $2 AND state = 'running' RETURNING id, pemda_id)
       ${notify('changed.id')} FROM changed`,
      [
        id,
        instance,
        event.type,
        JSON.stringify(event.data),
        event.type === 'done' ? 'done' : 'error',
        file?.name ?? null,
        file ? Buffer.from(file.bytes) : null,
        this.pemda,
      ],
    );
    return rows.length === 1;
  }

  async release(id: string, instance: string): Promise<void> {
    await this.pool.query(
      `WITH changed AS (UPDATE export_jobs SET state = 'queued', taken_by = NULL, lease_until = NULL
         WHERE pemda_id = $3 AND id = $1 AND taken_by = $2 AND state = 'running' RETURNING id, pemda_id)
       ${notify('changed.id', true)} FROM changed`,
      [id, instance, this.pemda],
    );
  }

  async drop(id: string, event: ExportEvent): Promise<void> {
    const running = `state IN ('queued', 'running')`;
    await this.pool.query(
      `WITH changed AS (
         UPDATE export_jobs SET dropped = true, file = NULL,
           events = CASE WHEN ${running} THEN ${APPEND} ELSE events END,
           finished_at = CASE WHEN ${running} THEN now() ELSE finished_at END,
           state = CASE WHEN ${running} THEN 'error' ELSE state END, lease_until = NULL
         WHERE pemda_id = $2 AND id = $1 AND NOT dropped RETURNING id, pemda_id) -- APPEND reads $3, $4
       ${notify('changed.id')} FROM changed`,
      [id, this.pemda, event.type, JSON.stringify(event.data)],
    );
  }

  async get(id: string): Promise<ExportJobRow | undefined> {
    const { rows } = await this.pool.query(`SELECT ${COLUMNS} FROM export_jobs WHERE pemda_id = $2 AND id = $1`, [id, this.pemda]);
    return rows[0] ? ExportJobRow.parse(rows[0]) : undefined;
  }

  async file(id: string): Promise<Uint8Array | undefined> {
    const { rows } = await this.pool.query<{ file: Buffer | null }>(`SELECT file FROM export_jobs WHERE pemda_id = $2 AND id = $1 AND state = 'done' AND NOT dropped`, [
      id,
      this.pemda,
    ]);
    return rows[0]?.file ?? undefined;
  }

  async expire(ttlMs: number): Promise<void> {
    await this.pool.query(`DELETE FROM export_jobs WHERE pemda_id = $2 AND finished_at < now() - $1 * interval '1 millisecond'`, [ttlMs, this.pemda]);
  }

  onChange(listener: (change: { id?: string; queued?: boolean }) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A NOTIFY heard on EXPORT_JOB_CHANNEL; an unreadable payload is taken as "anything may have changed". */
  received(payload: string | undefined): void {
    let change: { id?: string; queued?: boolean } = {};
    try {
      const parsed = JSON.parse(payload ?? '') as { id?: unknown; queued?: unknown };
      if (typeof parsed.id === 'string') change = { id: parsed.id, queued: parsed.queued === true };
    } catch {
      change = {};
    }
    for (const listener of this.listeners) listener(change);
  }

  /** After the listening connection came back: notifications may have been missed. */
  resynced(): void {
    for (const listener of this.listeners) listener({});
  }
}
