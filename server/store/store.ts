// Everything the server keeps, behind interfaces; the embedded implementation opens one data directory.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { FailureCounters } from '../accounts/login-throttle';
import type { MapEventBus } from '../events/map-events';
import type { AccountStore, AuditLog } from './account-store';
import { lockDataDir } from './data-dir-lock';
import { removeStaleTempFiles } from './durable-file';
import { openJsonlAuditLog } from './jsonl-audit-log';
import { openLowdbAccountStore } from './lowdb-account-store';
import { openLowdbMapStore } from './lowdb-map-store';
import type { MapStore } from './map-store';
import { openLowdbReviewStore } from './lowdb-review-store';
import { openLowdbSopStore } from './lowdb-sop-store';
import type { SopStore } from './sop-store';
import type { ReviewStore } from '../review/review-store';
import type { ExportJobQueue } from '../sop/batch/export-job-queue';
import { openJsonSettingsStore, type SettingsStore } from './settings-store';

export interface Store {
  maps: MapStore;
  accounts: AccountStore;
  audit: AuditLog;
  /** SOP records per map and letterheads per unit. */
  sop: SopStore;
  /** Review records per map (lifecycle, annotations, signed SOPs, monitoring and evaluation) and their files. */
  review: ReviewStore;
  /** The settings an administrator confirms (settings-store.ts). */
  settings: SettingsStore;
  /**
   * A map event bus shared by the instances on one database; absent for the embedded store (one process per
   * directory), which uses the in-process bus.
   */
  events?: MapEventBus;
  /** The login throttle's failures, shared by the instances on one database; absent: kept in memory per process. */
  loginFailures?: FailureCounters;
  /** Batch SOP export jobs any instance on the database may take; absent: the jobs are this process's own. */
  exportJobs?: ExportJobQueue;
  /** Waits for pending writes and releases the data directory. */
  close(): Promise<void>;
}

/** Opens the embedded store on `dataDir`, taking its lock; a corrupt file stops it with StoreOpenError. */
export async function openEmbeddedStore(dataDir: string): Promise<Store> {
  const dir = path.resolve(dataDir);
  await mkdir(dir, { recursive: true });
  const lock = await lockDataDir(dir);
  try {
    await removeStaleTempFiles(dir);
    const [maps, accounts, audit, sop, review, settings] = await Promise.all([
      openLowdbMapStore(dir),
      openLowdbAccountStore(dir),
      openJsonlAuditLog(dir),
      openLowdbSopStore(dir),
      openLowdbReviewStore(dir),
      openJsonSettingsStore(dir),
    ]);
    return {
      maps,
      accounts,
      audit,
      sop,
      review,
      settings,
      close: async () => {
        await Promise.all([maps.close(), accounts.close(), audit.close(), sop.close(), review.close()]);
        await lock.release();
      },
    };
  } catch (error) {
    await lock.release();
    throw error;
  }
}
