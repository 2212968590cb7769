// One process per data directory: a lock file holding the owner's PID, taken over only when that process is gone.
import { open, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { StoreOpenError } from '../errors';

export const LOCK_FILE = 'petakerja.lock';

export interface DataDirLock {
  release(): Promise<void>;
}

export async function lockDataDir(dir: string): Promise<DataDirLock> {
  const lockPath = path.join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(lockPath, 'wx', 0o640);
      await handle.writeFile(String(process.pid));
      await handle.sync();
      await handle.close();
      return { release: () => rm(lockPath, { force: true }) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number.parseInt(await readFile(lockPath, 'utf8').catch(() => ''), 10);
      if (Number.isInteger(owner) && owner > 0 && isAlive(owner)) {
        throw new StoreOpenError(
          `Direktori data ${dir} sedang dipakai oleh proses lain (PID ${owner}). ` +
            'Hentikan proses itu atau gunakan direktori data lain.',
        );
      }
      // The owner died without releasing the lock (crash, SIGKILL): take it over.
      await rm(lockPath, { force: true });
    }
  }
  throw new StoreOpenError(`Kunci direktori data ${dir} tidak dapat diambil.`);
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
