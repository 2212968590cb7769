// The SettingsStore on PostgreSQL: one row, kept in memory (read() is synchronous), replaced in a transaction that
// locks it, so changes apply one after another. Each change sends NOTIFY petakerja_settings with its commit; every
// instance (this one too) reads the row again when it hears it, so a change made on another instance is seen at once.
import type pg from 'pg';
import { SettingsDocument } from '../../settings/settings.schema';
import type { SettingsStore } from '../settings-store';
import { inTransaction } from './database';
import { parseRecord } from './records';

export const SETTINGS_CHANNEL = 'petakerja_settings';

export interface PostgresSettingsStore extends SettingsStore {
  /** Reads the row again (a notification was heard); resolves once the document in memory is the row's. */
  reload(): Promise<void>;
}

export async function openPostgresSettingsStore(pool: pg.Pool): Promise<PostgresSettingsStore> {
  const read = async (client: Pick<pg.PoolClient, 'query'>, lock: boolean): Promise<SettingsDocument> => {
    const { rows } = await client.query<{ record: unknown }>(`SELECT record FROM settings${lock ? ' FOR UPDATE' : ''}`);
    return rows[0] ? parseRecord(SettingsDocument, rows[0].record, 'settings') : {};
  };
  let document = await read(pool, false);
  /** Bumped by each change committed here: a reload that started before one must not put back the older row. */
  let written = 0;
  return {
    read: () => document,
    update: (change) =>
      inTransaction(pool, async (client) => {
        await client.query('INSERT INTO settings (record) VALUES ($1) ON CONFLICT DO NOTHING', [{}]);
        const next = SettingsDocument.parse(change(await read(client, true)));
        await client.query('UPDATE settings SET record = $1', [next]);
        await client.query('SELECT pg_notify($1, $2)', [SETTINGS_CHANNEL, '']);
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
