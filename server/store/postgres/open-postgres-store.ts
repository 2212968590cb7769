// Opens the PostgreSQL store (issue 18): connects, applies the schema migrations, starts listening for other
// instances' changes, and answers the same Store the embedded one does: the store of the default pemda, whose
// forPemda(id) builds (once, in pemdaView below: the one place a pemda's stores are made) the store of any other pemda
// of the database. Nothing outside server/store touches the database.
import { StoreOpenError } from '../../errors';
import type { SettingsDocument } from '../../settings/settings.schema';
import { DEFAULT_PEMDA, pemdaNotFound } from '../pemda';
import type { Store } from '../store';
import { CONNECT_TIMEOUT_MS, openPool } from './database';
import { MapChangeListener } from './map-change-listener';
import { redactedUrl } from './url';
import { migrate, readMigrations } from './migrate';
import { PostgresAccountStore } from './pg-account-store';
import { PostgresAuditLog } from './pg-audit-log';
import { PostgresMapStore } from './pg-map-store';
import { pemdaOfSignature, PostgresReviewStore } from './pg-review-store';
import { EXPORT_JOB_CHANNEL, PostgresExportJobQueue } from './pg-export-jobs';
import { PostgresFailureCounters } from './pg-login-failures';
import { MAP_EVENT_CHANNEL, PostgresMapEventBus } from './pg-map-event-bus';
import { PEMDA_CHANNEL, PostgresPemdaRegistry } from './pg-pemda-registry';
import { postgresSettingsStore, readAllSettings, readSettingsOf, SETTINGS_CHANNEL, type PostgresSettingsStore } from './pg-settings-store';
import { PostgresSopStore } from './pg-sop-store';
import type pg from 'pg';

/** Whether `url` names a PostgreSQL database (postgres:// or postgresql://). */
export const isPostgresUrl = (url: string) => /^postgres(ql)?:\/\//.test(url);

/** The stores of one pemda, and what the listener hands them. */
interface PemdaView {
  store: Store;
  maps: PostgresMapStore;
  settings: PostgresSettingsStore;
  exportJobs: PostgresExportJobQueue;
  /** Waits for this pemda's writes in flight. */
  settled(): Promise<void>;
}

/** What every pemda's store shares: the pool, the event bus, the login throttle, the registry. */
interface Shared {
  pool: pg.Pool;
  events: PostgresMapEventBus;
  loginFailures: PostgresFailureCounters;
  pemdas: PostgresPemdaRegistry;
  forPemda(id: string): Store;
  pemdaOfSignature(code: string): Promise<string | undefined>;
  close(): Promise<void>;
}

/** The stores of `pemda`: each names the pemda in every query (docs/storage.md, Many pemda). */
function pemdaView(shared: Shared, pemda: string, settingsDocument: SettingsDocument | undefined): PemdaView {
  const { pool } = shared;
  const maps = new PostgresMapStore(pool, pemda);
  const accounts = new PostgresAccountStore(pool, pemda);
  const audit = new PostgresAuditLog(pool, pemda);
  const sop = new PostgresSopStore(pool, pemda);
  const review = new PostgresReviewStore(pool, pemda);
  const settings = postgresSettingsStore(pool, pemda, settingsDocument);
  const exportJobs = new PostgresExportJobQueue(pool, pemda);
  const settled = async () => void (await Promise.all([maps.close(), accounts.close(), audit.close(), sop.close(), review.close()]));
  const store: Store = {
    maps,
    accounts,
    audit,
    sop,
    review,
    settings,
    events: shared.events,
    loginFailures: shared.loginFailures,
    exportJobs,
    pemdas: shared.pemdas,
    forPemda: (id) => shared.forPemda(id),
    pemdaOfSignature: (code) => shared.pemdaOfSignature(code),
    // The default pemda's store is the one open…Store() answered: closing it closes the database; another pemda's
    // store only waits for its writes.
    close: pemda === DEFAULT_PEMDA ? () => shared.close() : settled,
  };
  return { store, maps, settings, exportJobs, settled };
}

export async function openPostgresStore(url: string): Promise<Store> {
  if (!isPostgresUrl(url)) throw new StoreOpenError(`Alamat basis data tidak dikenal: ${url} (contoh: postgres://petakerja@localhost/petakerja).`);
  const pool = openPool(url);
  // The change feed's own connection: LISTEN needs a client that stays connected, outside the pool.
  const listener = new MapChangeListener(url, CONNECT_TIMEOUT_MS);
  const views = new Map<string, PemdaView>();
  /** The settings documents read at open, for the stores of pemda built later; kept current by the notifications. */
  let settingsAtOpen = new Map<string, SettingsDocument>();
  const shared: Shared = {
    pool,
    // Shared by every instance on the database (docs/storage.md, Several instances) and every pemda: a stream
    // follows one map id, which the routes check in the pemda first.
    events: new PostgresMapEventBus(pool),
    loginFailures: new PostgresFailureCounters(pool),
    pemdas: new PostgresPemdaRegistry(pool),
    forPemda: (id) => {
      const existing = views.get(id);
      if (existing) return existing.store;
      if (!shared.pemdas.known.has(id)) throw pemdaNotFound(id);
      const view = pemdaView(shared, id, settingsAtOpen.get(id));
      views.set(id, view);
      return view.store;
    },
    pemdaOfSignature: (code) => pemdaOfSignature(pool, code),
    close: async () => {
      await Promise.all([...views.values()].map((view) => view.settled()));
      await listener.close();
      await pool.end();
    },
  };
  const report = (what: string) => (error: Error) => console.error(`${what} tidak dapat dibaca ulang dari basis data: ${error.message}`);
  /** A settings change of `pemda` (any pemda when empty), heard or possibly missed. */
  const settingsChanged = (pemda: string) => {
    for (const [id, view] of views) if (!pemda || id === pemda) void view.settings.reload().catch(report('Pengaturan'));
    if (pemda && !views.has(pemda)) void readSettingsOf(pool, pemda).then((document) => settingsAtOpen.set(pemda, document), report('Pengaturan'));
  };
  try {
    await listener.start({
      // '<id> <change_seq> <pemda>': to the map store of that pemda, if this instance has built it.
      notified: (payload) => views.get(payload.split(' ')[2] ?? DEFAULT_PEMDA)?.maps.notified(payload),
      // A settings change or a new pemda missed while deaf is read back with the maps.
      resync: async () => {
        await shared.pemdas.list().catch(report('Daftar pemda'));
        settingsChanged('');
        for (const view of views.values()) view.exportJobs.resynced();
        await Promise.all([...views.values()].map((view) => view.maps.resync()));
      },
      channels: {
        [MAP_EVENT_CHANNEL]: (payload) => shared.events.received(payload),
        [SETTINGS_CHANNEL]: settingsChanged,
        [PEMDA_CHANNEL]: (payload) => void (payload && shared.pemdas.known.add(payload)),
        [EXPORT_JOB_CHANNEL]: (payload) => {
          const pemda = exportJobPemda(payload);
          for (const [id, view] of views) if (pemda === undefined || id === pemda) view.exportJobs.received(payload);
        },
      },
    });
    await migrate(pool, await readMigrations()).catch((error: unknown) => {
      if (error instanceof StoreOpenError) throw error;
      throw new StoreOpenError(`Skema basis data ${redactedUrl(url)} tidak dapat disiapkan: ${(error as Error).message}. Tidak ada perubahan skema yang disimpan.`, {
        cause: error,
      });
    });
    await shared.pemdas.list();
    settingsAtOpen = await readAllSettings(pool);
    return shared.forPemda(DEFAULT_PEMDA);
  } catch (error) {
    await listener.close();
    await pool.end().catch(() => undefined);
    throw error;
  }
}

/** The pemda named by an export job's NOTIFY payload; undefined when it names none (anything may have changed). */
function exportJobPemda(payload: string | undefined): string | undefined {
  try {
    const parsed = JSON.parse(payload ?? '') as { pemda?: unknown };
    return typeof parsed.pemda === 'string' ? parsed.pemda : undefined;
  } catch {
    return undefined;
  }
}
