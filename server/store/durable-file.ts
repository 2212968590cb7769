// Crash-safe file replacement: write a temp file, fsync it, rename over the target, fsync the directory.
import { open, readdir, rename, rm } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import path from 'node:path';

/** The name of a temp file this module writes: `.<target>.<12 hex>.tmp`; one left by a crash is removed on open. */
export const TEMP_FILE = /^\..+\.[0-9a-f]{12}\.tmp$/;

export async function writeFileDurably(target: string, content: string | Uint8Array): Promise<void> {
  const dir = path.dirname(target);
  const temp = path.join(dir, `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx', 0o640);
  try {
    await handle.writeFile(content);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  try {
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await syncDirectory(dir);
}

/**
 * Removes the temp files a crash left between write and rename under `dir` (recursively, not following links nor entering dot-directories). Only
 * names of TEMP_FILE go; the caller holds the data directory's lock, so no write of this process is under way.
 */
export async function removeStaleTempFiles(dir: string): Promise<string[]> {
  const removed: string[] = [];
  const entries = await readdir(dir, { withFileTypes: true });
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    // Dot-directories are another tool's staging (a backup's hard-link snapshot): not ours to sweep.
    if (entry.isDirectory() && !entry.name.startsWith('.')) removed.push(...(await removeStaleTempFiles(full)));
    else if (entry.isFile() && TEMP_FILE.test(entry.name)) {
      await rm(full, { force: true });
      removed.push(full);
    }
  }
  return removed;
}

/** Makes a rename or a new file in `dir` survive a power loss. */
export async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
