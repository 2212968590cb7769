// Backup and restore of a PostgreSQL store in the embedded store's archive format, so that a backup of either store
// restores into the other: the database is copied through the store interfaces into a temporary data directory
// (copy-store.ts), which backup.ts archives; a restore unpacks and checks the archive into a temporary directory and
// copies it into the (empty) database the same way.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { StoreOpenError } from '../errors';
import { backupDataDir, restoreDataDir, type BackupSummary, type RestoreOptions, type RestoreSummary } from './backup';
import { copyStore, type Progress } from './copy-store';
import { openSourceStore, openTargetStore } from './open-store-at';
import { openEmbeddedStore } from './store';

async function withTempDir<T>(use: (dir: string) => Promise<T>): Promise<T> {
  // PETAKERJA_TMP: where the copy is staged when the system's temporary directory is too small for the data.
  const root = await mkdtemp(path.join(process.env.PETAKERJA_TMP ?? os.tmpdir(), 'petakerja-salinan-'));
  try {
    return await use(path.join(root, 'data'));
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

/** Backs up the database's default pemda, or `pemda` (one pemda per archive: it restores into a data directory). */
export function backupDatabase(url: string, outFile: string, progress?: Progress, pemda?: string): Promise<BackupSummary> {
  return withTempDir(async (dir) => {
    const source = await openSourceStore(url, pemda);
    try {
      const target = await openEmbeddedStore(dir);
      try {
        await copyStore(source, target, progress, { onePemda: pemda !== undefined });
      } finally {
        await target.close();
      }
    } finally {
      await source.close();
    }
    return backupDataDir(dir, outFile);
  });
}

/** Restores into the database's default pemda, or into `options.pemda` (made empty first with "pemda add"). */
export function restoreDatabase(archive: string, url: string, options: RestoreOptions & { pemda?: string } = {}, progress?: Progress): Promise<RestoreSummary> {
  return withTempDir(async (dir) => {
    const summary = await restoreDataDir(archive, dir, options);
    const source = await openEmbeddedStore(dir);
    try {
      const target = await openTargetStore(url, options.pemda);
      try {
        await copyStore(source, target.store, progress, { onePemda: options.pemda !== undefined });
      } catch (error) {
        await target.store.close().catch(() => undefined);
        const note = await target.discard();
        if (error instanceof StoreOpenError) throw new StoreOpenError(`${error.message} ${note}`, { cause: error });
        throw new StoreOpenError(`Cadangan ${archive} tidak dapat dipulihkan ke basis data: ${(error as Error).message} ${note}`, { cause: error });
      }
      await target.store.close();
    } finally {
      await source.close();
    }
    return summary;
  });
}
