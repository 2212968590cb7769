// The data directory lock names its owner by PID, boot id and start time: a recycled PID or another boot is not the owner.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { currentOwner, LOCK_FILE, lockDataDir, ownerAlive, parseLockFile, processStartTime } from '../../server/store/data-dir-lock';
import { tempDir } from '../helpers/temp-dir';

const onLinux = processStartTime(process.pid) !== undefined;

describe('lockDataDir', () => {
  it('refuses a directory whose owner runs (same PID, boot and start time) and names its PID', async () => {
    const dir = await tempDir();
    // The parent of this worker is alive and is not this process.
    const startTime = processStartTime(process.ppid);
    const parent = { ...currentOwner(), pid: process.ppid, ...(startTime ? { startTime } : {}) };
    await writeFile(path.join(dir, LOCK_FILE), JSON.stringify(parent));
    await expect(lockDataDir(dir)).rejects.toThrow(`dipakai oleh proses lain (PID ${process.ppid})`);
  });

  it.skipIf(!onLinux)('takes over a lock whose PID is alive but started at another time (a recycled PID, PID 1 of a restarted container)', async () => {
    const dir = await tempDir();
    // This very process's PID, as a process restarted under the same PID would find it.
    await writeFile(path.join(dir, LOCK_FILE), JSON.stringify({ ...currentOwner(), startTime: '1' }));
    const lock = await lockDataDir(dir);
    expect(parseLockFile(await import('node:fs/promises').then((fs) => fs.readFile(path.join(dir, LOCK_FILE), 'utf8')))).toEqual(currentOwner());
    await lock.release();
  });

  it.skipIf(!onLinux)('takes over a lock written in another boot, even when its PID is now alive', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, LOCK_FILE), JSON.stringify({ pid: process.ppid, bootId: '00000000-0000-0000-0000-000000000000', startTime: processStartTime(process.ppid) }));
    const lock = await lockDataDir(dir);
    await lock.release();
  });

  it('reads the bare-PID lock files of earlier versions and refuses one held by this process itself', async () => {
    expect(parseLockFile('4242\n')).toEqual({ pid: 4242 });
    expect(parseLockFile('not a lock')).toBeUndefined();
    expect(ownerAlive(currentOwner())).toBe(true);
    const dir = await tempDir();
    const lock = await lockDataDir(dir);
    await expect(lockDataDir(dir)).rejects.toThrow(`dipakai oleh proses lain (PID ${process.pid})`);
    await lock.release();
  });
});
