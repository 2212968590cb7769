// The login throttle's failed attempts in the database (table login_failures, migration 002), so that every instance
// on the database counts the same failures (docs/storage.md, Several instances).
import type pg from 'pg';
import type { FailureCounters } from '../../accounts/login-throttle';

export class PostgresFailureCounters implements FailureCounters {
  constructor(private readonly pool: pg.Pool) {}

  async recent(keys: readonly string[], since: number): Promise<Map<string, number[]>> {
    const { rows } = await this.pool.query<{ key: string; at_ms: string }>(
      'SELECT key, at_ms FROM login_failures WHERE key = ANY($1) AND at_ms > $2 ORDER BY at_ms',
      [keys, since],
    );
    const recent = new Map<string, number[]>();
    for (const row of rows) recent.set(row.key, [...(recent.get(row.key) ?? []), Number(row.at_ms)]);
    return recent;
  }

  async record(keys: readonly string[], at: number, expiredBefore: number): Promise<void> {
    // One statement: the expired rows of these keys go, the new ones come, in one transaction of its own.
    await this.pool.query(
      `WITH expired AS (DELETE FROM login_failures WHERE key = ANY($1) AND at_ms <= $3)
       INSERT INTO login_failures (key, at_ms) SELECT unnest($1::text[]), $2`,
      [keys, at, expiredBefore],
    );
  }

  async clear(key: string): Promise<void> {
    await this.pool.query('DELETE FROM login_failures WHERE key = $1', [key]);
  }
}
