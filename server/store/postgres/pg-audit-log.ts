// The audit log on PostgreSQL: one row per event, append-only in the database too (a trigger refuses UPDATE/DELETE);
// pages newest first by the row's sequence number, which is the cursor.
import type pg from 'pg';
import { AuditEvent } from '../../accounts/accounts.records';
import type { AuditLog, AuditPage, AuditQuery } from '../account-store';
import { InFlight } from './database';
import { parseRecord } from './records';

export class PostgresAuditLog implements AuditLog {
  private readonly writes = new InFlight();

  /** `pemda`: the pemda whose events this log appends and reads (every query names it). */
  constructor(
    private readonly pool: pg.Pool,
    private readonly pemda: string,
  ) {}

  append(event: AuditEvent): Promise<void> {
    const parsed = AuditEvent.parse(event);
    return this.writes.track(
      this.pool
        .query('INSERT INTO audit_events (pemda_id, at, event, username, record) VALUES ($1, $2, $3, $4, $5)', [
          this.pemda,
          parsed.at,
          parsed.event,
          parsed.username ?? null,
          parsed,
        ])
        .then(() => undefined),
    );
  }

  async recent(limit: number): Promise<AuditEvent[]> {
    return (await this.query({ limit })).items;
  }

  async query(query: AuditQuery): Promise<AuditPage> {
    const where: string[] = [];
    const values: unknown[] = [this.pemda];
    const add = (clause: string, value: unknown) => {
      values.push(value);
      where.push(clause.replace('?', `$${values.length}`));
    };
    if (query.before !== undefined && /^\d+$/.test(query.before)) add('seq < ?', query.before);
    if (query.from) add('at >= ?', query.from);
    if (query.to) add('substr(at, 1, 10) <= ?', query.to);
    if (query.user) add('lower(username) = lower(?)', query.user);
    if (query.event) add('event = ?', query.event);
    values.push(query.limit + 1);
    const { rows } = await this.pool.query<{ seq: string; record: unknown }>(
      `SELECT seq, record FROM audit_events WHERE pemda_id = $1${where.map((clause) => ` AND ${clause}`).join('')} ORDER BY seq DESC LIMIT $${values.length}`,
      values,
    );
    const page = rows.slice(0, query.limit);
    const items = page.map((row) => parseRecord(AuditEvent, row.record, `audit_events/${row.seq}`));
    return { items, ...(rows.length > query.limit ? { nextCursor: page.at(-1)!.seq } : {}) };
  }

  async close(): Promise<void> {
    await this.writes.settled();
  }
}
