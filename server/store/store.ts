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
import { DEFAULT_PEMDA, DEFAULT_PEMDA_NAME, embeddedSinglePemda, pemdaNotFound, type PemdaRecord, type PemdaRegistry } from './pemda';

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
  /** The pemda of the deployment (docs/storage.md, Many pemda); the embedded store holds one. */
  pemdas: PemdaRegistry;
  /**
   * The store of one pemda: the same interfaces, seeing and writing only that pemda's records (accounts: listing and
   * creating; login and session lookups stay global). forPemda(DEFAULT_PEMDA) of the store open…Store() answered is
   * that store itself. An unknown id throws AppError 404 PEMDA_NOT_FOUND.
   */
  forPemda(id: string): Store;
  /**
   * The pemda whose review records hold the verification code `code`, of any pemda (codes are unique in the
   * deployment): the public verification page finds a signed SOP through it, then reads it in that pemda's store.
   */
  pemdaOfSignature(code: string): Promise<string | undefined>;
  /** Waits for pending writes and releases the data directory. */
  close(): Promise<void>;
}

/** The embedded store's registry: exactly one pemda, DEFAULT_PEMDA; adding another is refused. */
function embeddedPemdas(createdAt: string): PemdaRegistry {
  const only: PemdaRecord = { id: DEFAULT_PEMDA, name: DEFAULT_PEMDA_NAME, kind: 'kabupaten', province: null, createdAt };
  return {
    list: async () => [{ ...only }],
    get: async (id) => (id === DEFAULT_PEMDA ? { ...only } : undefined),
    add: async () => {
      throw embeddedSinglePemda();
    },
  };
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
    const pemdas = embeddedPemdas(new Date(0).toISOString());
    const store: Store = {
      maps,
      accounts,
      audit,
      sop,
      review,
      settings,
      pemdas,
      forPemda: (id) => {
        if (id !== DEFAULT_PEMDA) throw pemdaNotFound(id);
        return store;
      },
      pemdaOfSignature: async (code) => ((await review.findSignature(code)) ? DEFAULT_PEMDA : undefined),
      close: async () => {
        await Promise.all([maps.close(), accounts.close(), audit.close(), sop.close(), review.close()]);
        await lock.release();
      },
    };
    return store;
  } catch (error) {
    await lock.release();
    throw error;
  }
}
