// The SettingsStore on PostgreSQL: one row, read at open (read() is synchronous), replaced in a transaction that locks
// it, so changes from this instance apply one after another. (Another instance's change is seen after its restart;
// sharing it live belongs to scope 2 of issue 18.)
import type pg from 'pg';
import { SettingsDocument } from '../../settings/settings.schema';
import type { SettingsStore } from '../settings-store';
import { inTransaction } from './database';
import { parseRecord } from './records';

export async function openPostgresSettingsStore(pool: pg.Pool): Promise<SettingsStore> {
  const read = async (client: Pick<pg.PoolClient, 'query'>, lock: boolean): Promise<SettingsDocument> => {
    const { rows } = await client.query<{ record: unknown }>(`SELECT record FROM settings${lock ? ' FOR UPDATE' : ''}`);
    return rows[0] ? parseRecord(SettingsDocument, rows[0].record, 'settings') : {};
  };
  let document = await read(pool, false);
  return {
    read: () => document,
    update: (change) =>
      inTransaction(pool, async (client) => {
        await client.query('INSERT INTO settings (record) VALUES ($1) ON CONFLICT DO NOTHING', [{}]);
        const next = SettingsDocument.parse(change(await read(client, true)));
        await client.query('UPDATE settings SET record = $1', [next]);
        return next;
      }).then((next) => (document = next)),
  };
}
