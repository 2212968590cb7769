// The SettingsStore on PostgreSQL: one row per pemda, kept in memory (read() is synchronous), replaced in a
// transaction that locks it, so changes apply one after another. Each change sends NOTIFY petakerja_settings with its
// commit, the pemda id as payload; every instance (this one too) reads that pemda's row again when it hears it, so a
// change made on another instance is seen at once. The documents of every pemda are read once at open (one query):
// a pemda's store is then built synchronously (Store.forPemda).
import type pg from 'pg';
import { SettingsDocument } from '../../settings/settings.schema';
import type { SettingsStore } from '../settings-store';
import { ANY_PEMDA, inTransaction } from './database';
import { parseRecord } from './records';

export const SETTINGS_CHANNEL = 'petakerja_settings';

export interface PostgresSettingsStore extends SettingsStore {
  /** Reads the row again (a notification was heard); resolves once the document in memory is the row's. */
  reload(): Promise<void>;
}

/** The settings documents of every pemda, as the database had them at open (absent: no settings yet). */
export async function readAllSettings(pool: pg.Pool): Promise<Map<string, SettingsDocument>> {
  const { rows } = await pool.query<{ pemda_id: string; record: unknown }>(`SELECT pemda_id, record FROM settings ${ANY_PEMDA}`);
  return new Map(rows.map((row) => [row.pemda_id, parseRecord(SettingsDocument, row.record, `settings/${row.pemda_id}`)]));
}

/** The settings document of one pemda as the database has it now. */
export async function readSettingsOf(pool: pg.Pool, pemda: string): Promise<SettingsDocument> {
  const { rows } = await pool.query<{ record: unknown }>('SELECT record FROM settings WHERE pemda_id = $1', [pemda]);
  return rows[0] ? parseRecord(SettingsDocument, rows[0].record, `settings/${pemda}`) : {};
}

/** The settings store of `pemda`, starting from `initial` (its document read at open). */
export function postgresSettingsStore(pool: pg.Pool, pemda: string, initial: SettingsDocument = {}): PostgresSettingsStore {
  const read = async (client: Pick<pg.PoolClient, 'query'>, lock: boolean): Promise<SettingsDocument> => {
    const { rows } = await client.query<{ record: unknown }>(`SELECT record FROM settings WHERE pemda_id = $1${lock ? ' FOR UPDATE' : ''}`, [pemda]);
    return rows[0] ? parseRecord(SettingsDocument, rows[0].record, `settings/${pemda}`) : {};
  };
  let document = initial;
  /** Bumped by each change committed here: a reload that started before one must not put back the older row. */
  let written = 0;
  return {
    read: () => document,
    update: (change) =>
      inTransaction(pool, async (client) => {
        await client.query('INSERT INTO settings (pemda_id, record) VALUES ($1, $2) ON CONFLICT DO NOTHING', [pemda, {}]);
        const next = SettingsDocument.parse(change(await read(client, true)));
        await client.query('UPDATE settings SET record = $2 WHERE pemda_id = $1', [pemda, next]);
        await client.query('SELECT pg_notify($1, $2)', [SETTINGS_CHANNEL, pemda]);
        return next;
      }).then((next) => {
        written++;
        return (document = next);
      }),
    reload: async () => {
      const before = written;
      const next = await read(pool, false);
      if (written === before) document = next;
    },
  };
}
