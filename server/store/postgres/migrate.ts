// Schema migrations of the PostgreSQL store: migrations/NNN-name.sql, applied at start in order, all in one
// transaction under an advisory lock and recorded in schema_migrations. A second instance starting at the same time
// waits on the lock and then finds them applied.
import { readdir, readFile } from 'node:fs/promises';
import type pg from 'pg';
import { StoreOpenError } from '../../errors';
import { projectUrl } from '../../project-root';
import { inTransaction, LOCKS } from './database';

const MIGRATION_FILE = /^(\d{3})-([a-z0-9-]+)\.sql$/;
export const MIGRATIONS_DIR = projectUrl('server/store/postgres/migrations/');

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export async function readMigrations(): Promise<Migration[]> {
  const files = (await readdir(MIGRATIONS_DIR)).filter((f) => MIGRATION_FILE.test(f)).sort();
  return Promise.all(
    files.map(async (file) => {
      const [, version, name] = MIGRATION_FILE.exec(file)!;
      return { version: Number(version), name: name!, sql: await readFile(new URL(file, MIGRATIONS_DIR), 'utf8') };
    }),
  );
}

/** Applies the migrations not yet recorded; answers the versions applied now. */
export async function migrate(pool: pg.Pool, migrations: readonly Migration[]): Promise<number[]> {
  return inTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [LOCKS.migrations]);
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
    const applied = new Set(rows.map((r) => r.version));
    const newest = Math.max(0, ...applied);
    const known = Math.max(0, ...migrations.map((m) => m.version));
    if (newest > known) {
      throw new StoreOpenError(
        `Skema basis data versi ${newest} lebih baru daripada versi Petakerja ini (paling tinggi ${known}). Jalankan versi Petakerja yang lebih baru.`,
      );
    }
    const done: number[] = [];
    for (const migration of migrations) {
      if (applied.has(migration.version)) continue;
      await client.query(migration.sql);
      await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
      done.push(migration.version);
    }
    return done;
  });
}
