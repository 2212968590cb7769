// The schema versions a database holds against the migrations this program knows, read without changing anything:
// for commands that must not migrate (`lint --repository --database`), unlike `serve`, which applies them at start.
import pg from 'pg';
import { CONNECT_TIMEOUT_MS, unreachable } from './database';
import { readMigrations } from './migrate';

export interface SchemaState {
  /** Versions recorded in schema_migrations; empty when the table does not exist (no Petakerja schema). */
  applied: number[];
  /** Versions of this program's migrations. */
  known: number[];
}

export async function readSchemaState(url: string): Promise<SchemaState> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    throw unreachable(url, error);
  }
  try {
    const { rows: tables } = await client.query<{ found: string | null }>("SELECT to_regclass('schema_migrations')::text AS found");
    const applied = tables[0]?.found ? (await client.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version')).rows.map((r) => r.version) : [];
    return { applied, known: (await readMigrations()).map((m) => m.version) };
  } finally {
    await client.end();
  }
}

/** Why a database cannot be read as it stands (in Indonesian), or undefined when its schema is this program's. */
export function schemaProblem(state: SchemaState, where: string): string | undefined {
  if (state.applied.length === 0) return `Basis data ${where} belum berisi data Petakerja (skemanya belum dibuat); periksa --database.`;
  const newest = Math.max(...state.applied);
  const known = Math.max(0, ...state.known);
  if (newest > known) return `Skema basis data ${where} versi ${newest} lebih baru daripada versi Petakerja ini (paling tinggi ${known}). Jalankan versi Petakerja yang lebih baru.`;
  const missing = state.known.filter((v) => !state.applied.includes(v));
  if (missing.length > 0) {
    return (
      `Skema basis data ${where} belum mutakhir (belum diterapkan: migrasi ${missing.join(', ')}). ` +
      'Pemeriksaan repositori tidak mengubah skema: jalankan "petakerja serve --database …" versi ini sekali untuk menerapkannya.'
    );
  }
  return undefined;
}
