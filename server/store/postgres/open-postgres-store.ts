// Opens the PostgreSQL store (issue 18): connects, applies the schema migrations, starts listening for other
// instances' map changes, and answers the same Store the embedded one does. Nothing outside server/store touches the
// database.
import { StoreOpenError } from '../../errors';
import type { Store } from '../store';
import { CONNECT_TIMEOUT_MS, openPool } from './database';
import { MapChangeListener } from './map-change-listener';
import { redactedUrl } from './url';
import { migrate, readMigrations } from './migrate';
import { PostgresAccountStore } from './pg-account-store';
import { PostgresAuditLog } from './pg-audit-log';
import { PostgresMapStore } from './pg-map-store';
import { PostgresReviewStore } from './pg-review-store';
import { EXPORT_JOB_CHANNEL, PostgresExportJobQueue } from './pg-export-jobs';
import { PostgresFailureCounters } from './pg-login-failures';
import { MAP_EVENT_CHANNEL, PostgresMapEventBus } from './pg-map-event-bus';
import { openPostgresSettingsStore, SETTINGS_CHANNEL, type PostgresSettingsStore } from './pg-settings-store';
import { PostgresSopStore } from './pg-sop-store';

/** Whether `url` names a PostgreSQL database (postgres:// or postgresql://). */
export const isPostgresUrl = (url: string) => /^postgres(ql)?:\/\//.test(url);

export async function openPostgresStore(url: string): Promise<Store> {
  if (!isPostgresUrl(url)) throw new StoreOpenError(`Alamat basis data tidak dikenal: ${url} (contoh: postgres://petakerja@localhost/petakerja).`);
  const pool = openPool(url);
  // The change feed's own connection: LISTEN needs a client that stays connected, outside the pool.
  const listener = new MapChangeListener(url, CONNECT_TIMEOUT_MS);
  const maps = new PostgresMapStore(pool);
  // Shared by every instance on the database (docs/storage.md, Several instances).
  const events = new PostgresMapEventBus(pool);
  const exportJobs = new PostgresExportJobQueue(pool);
  let settings: PostgresSettingsStore | undefined;
  const reloadSettings = () =>
    void settings?.reload().catch((error: Error) => console.error(`Pengaturan tidak dapat dibaca ulang dari basis data: ${error.message}`));
  try {
    await listener.start({
      notified: (payload) => maps.notified(payload),
      // A settings change missed while deaf is read back with the maps.
      resync: async () => {
        reloadSettings();
        exportJobs.resynced();
        await maps.resync();
      },
      channels: { [MAP_EVENT_CHANNEL]: (payload) => events.received(payload), [SETTINGS_CHANNEL]: reloadSettings, [EXPORT_JOB_CHANNEL]: (payload) => exportJobs.received(payload) },
    });
    await migrate(pool, await readMigrations()).catch((error: unknown) => {
      if (error instanceof StoreOpenError) throw error;
      throw new StoreOpenError(`Skema basis data ${redactedUrl(url)} tidak dapat disiapkan: ${(error as Error).message}. Tidak ada perubahan skema yang disimpan.`, {
        cause: error,
      });
    });
    const accounts = new PostgresAccountStore(pool);
    const audit = new PostgresAuditLog(pool);
    const sop = new PostgresSopStore(pool);
    const review = new PostgresReviewStore(pool);
    settings = await openPostgresSettingsStore(pool);
    return {
      maps,
      accounts,
      audit,
      sop,
      review,
      settings,
      events,
      loginFailures: new PostgresFailureCounters(pool),
      exportJobs,
      close: async () => {
        await Promise.all([maps.close(), accounts.close(), audit.close(), sop.close(), review.close()]);
        await listener.close();
        await pool.end();
      },
    };
  } catch (error) {
    await listener.close();
    await pool.end().catch(() => undefined);
    throw error;
  }
}
