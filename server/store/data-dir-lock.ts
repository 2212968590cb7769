// One process per data directory: a lock file naming its owner by PID, boot id and process start time, taken over
// when that owner is gone. A PID alone is not an identity: in a container the server is PID 1 after every restart,
// and PIDs are recycled. The owner is the process with that PID, started at that time, since that boot.
import { readFileSync } from 'node:fs';
import { open, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { StoreOpenError } from '../errors';

export const LOCK_FILE = 'petakerja.lock';

export interface DataDirLock {
  release(): Promise<void>;
}

/** Who holds a lock. `bootId` and `startTime` are absent where /proc is not readable (then the PID alone decides). */
export interface LockOwner {
  pid: number;
  /** /proc/sys/kernel/random/boot_id: changes at every boot. */
  bootId?: string;
  /** Field 22 of /proc/<pid>/stat: clock ticks from boot to the process's start. */
  startTime?: string;
}

export async function lockDataDir(dir: string): Promise<DataDirLock> {
  const lockPath = path.join(dir, LOCK_FILE);
  const self = currentOwner();
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(lockPath, 'wx', 0o640);
      await handle.writeFile(JSON.stringify(self));
      await handle.sync();
      await handle.close();
      return { release: () => rm(lockPath, { force: true }) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = parseLockFile(await readFile(lockPath, 'utf8').catch(() => ''));
      if (owner && ownerAlive(owner)) {
        throw new StoreOpenError(
          `Direktori data ${dir} sedang dipakai oleh proses lain (PID ${owner.pid}). ` +
            'Hentikan proses itu atau gunakan direktori data lain.',
        );
      }
      // The owner died without releasing the lock (crash, SIGKILL, a container restarted): take it over.
      await rm(lockPath, { force: true });
    }
  }
  throw new StoreOpenError(`Kunci direktori data ${dir} tidak dapat diambil.`);
}

/** Reads a lock file: JSON, or a bare PID as written by earlier versions. Unreadable content names no owner. */
export function parseLockFile(text: string): LockOwner | undefined {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return { pid: Number(trimmed) };
  try {
    const json = JSON.parse(trimmed) as Partial<LockOwner>;
    if (!Number.isInteger(json.pid) || (json.pid as number) <= 0) return undefined;
    return {
      pid: json.pid as number,
      ...(typeof json.bootId === 'string' ? { bootId: json.bootId } : {}),
      ...(typeof json.startTime === 'string' ? { startTime: json.startTime } : {}),
    };
  } catch {
    return undefined;
  }
}

export function currentOwner(): LockOwner {
  const bootId = readBootId();
  const startTime = processStartTime(process.pid);
  return { pid: process.pid, ...(bootId ? { bootId } : {}), ...(startTime ? { startTime } : {}) };
}

/** Whether the process that wrote `owner` still runs: same boot, a live PID, and that PID started at the same time. */
export function ownerAlive(owner: LockOwner): boolean {
  const bootId = readBootId();
  if (owner.bootId && bootId && owner.bootId !== bootId) return false;
  if (!pidAlive(owner.pid)) return false;
  if (owner.startTime) {
    const startTime = processStartTime(owner.pid);
    // A PID now held by a process started at another time is a recycled PID (PID 1 of a restarted container).
    if (startTime && startTime !== owner.startTime) return false;
  }
  return true;
}

function pidAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readBootId(): string | undefined {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

/** The start time of `pid` from /proc/<pid>/stat (the fields after the command name, which may hold spaces). */
export function processStartTime(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields after ')' start at field 3 (state); starttime is field 22.
    return fields[22 - 3] || undefined;
  } catch {
    return undefined;
  }
}
