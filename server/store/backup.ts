// Backup and restore of the embedded store's data directory as one .tar.gz, safe while the server runs.
import { copyFile, link, mkdir, mkdtemp, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import * as tar from 'tar';
import { StoreOpenError } from '../errors';
import { describeDamagedMaps, findDamagedMaps, type DamagedMap } from './backup-verify';
import { AUDIT_DIR } from './jsonl-audit-log';
import { ACCOUNTS_FILE } from './lowdb-account-store';
import { BLOB_DIR, MAP_DIR, mapDocumentPath } from './lowdb-map-store';
import { REVIEW_DIR, REVIEW_FILES_DIR, reviewDocumentPath } from './lowdb-review-store';
import { LETTERHEADS_FILE, SOP_DIR, sopDocumentPath } from './lowdb-sop-store';
import { openEmbeddedStore } from './store';
import { SETTINGS_FILE } from './settings-store';

/** Where a restore with `skipDamaged` puts the documents of a damaged map, one folder per map id. */
export const DAMAGED_DIR = 'rusak';

export interface BackupSummary {
  files: number;
  bytes: number;
}

async function listFiles(root: string, sub: string): Promise<string[]> {
  const dir = path.join(root, sub);
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile() && !e.name.endsWith('.tmp') && !e.name.startsWith('.'))
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)))
    .sort();
}

/**
 * A snapshot by hard links in a staging folder of the data directory: a document is only ever replaced by a
 * rename, so a link keeps the version it was taken at. Documents first, then bodies: a body is written before
 * any document naming it, so every body the snapshot's documents name is in it. Bodies never change.
 */
export async function backupDataDir(dataDir: string, outFile: string): Promise<BackupSummary> {
  const dir = path.resolve(dataDir);
  await stat(path.join(dir, MAP_DIR)).catch(() => {
    throw new StoreOpenError(`${dir} bukan direktori data Petakerja (tidak ada ${MAP_DIR}/).`);
  });
  const staging = await mkdtemp(path.join(dir, '.backup-'));
  const target = path.resolve(outFile);
  const partial = `${target}.partial`;
  try {
    const documents = [...(await listFiles(dir, MAP_DIR)), ...(await listFiles(dir, AUDIT_DIR))];
    if (await stat(path.join(dir, ACCOUNTS_FILE)).catch(() => undefined)) documents.push(ACCOUNTS_FILE);
    documents.push(...(await listFiles(dir, SOP_DIR)));
    if (await stat(path.join(dir, LETTERHEADS_FILE)).catch(() => undefined)) documents.push(LETTERHEADS_FILE);
    if (await stat(path.join(dir, SETTINGS_FILE)).catch(() => undefined)) documents.push(SETTINGS_FILE);
    documents.push(...(await listFiles(dir, REVIEW_DIR)));
    for (const file of documents) await snapshot(dir, staging, file);
    const bodies = [...(await listFiles(dir, BLOB_DIR)), ...(await listFiles(dir, REVIEW_FILES_DIR))];
    for (const file of bodies) await snapshot(dir, staging, file);
    // What the archive will hold is checked before it is written: a backup that cannot be restored is no backup.
    const damaged = await findDamagedMaps(staging);
    if (damaged.length > 0) {
      throw new StoreOpenError(
        `Cadangan tidak dibuat: ${damaged.length} peta rusak di ${dir}.\n${describeDamagedMaps(damaged)}\n` +
          'Pulihkan peta itu dari cadangan sebelumnya, atau simpan ulang revisinya dari berkas BPMN yang Anda miliki, lalu ulangi.',
      );
    }
    await tar.create({ gzip: true, file: partial, cwd: staging, portable: true }, [...documents, ...bodies]);
    await rename(partial, target);
    return { files: documents.length + bodies.length, bytes: (await stat(target)).size };
  } finally {
    await rm(staging, { recursive: true, force: true });
    await rm(partial, { force: true });
  }
}

async function snapshot(dir: string, staging: string, file: string): Promise<void> {
  const target = path.join(staging, file);
  await mkdir(path.dirname(target), { recursive: true });
  // The audit log is appended to in place: copy it. Everything else is replaced by rename: link it.
  if (file.startsWith(`${AUDIT_DIR}/`)) return copyFile(path.join(dir, file), target);
  await link(path.join(dir, file), target).catch(() => copyFile(path.join(dir, file), target));
}

export interface RestoreSummary {
  maps: number;
  revisions: number;
  users: number;
  /** Damaged maps left out of the store (only with `skipDamaged`), their documents kept in `rusak/<id>/`. */
  skipped: DamagedMap[];
}

export interface RestoreOptions {
  /**
   * Restore the intact maps and set a damaged one aside (its map, SOP and review documents moved to `rusak/<id>/`)
   * instead of refusing the whole archive. Off by default: a restore is whole or does not happen unless asked.
   */
  skipDamaged?: boolean;
}

/**
 * Restores into a new or empty directory, checks every map's bodies against their records, then opens the store and
 * reads every revision back to prove it whole.
 */
export async function restoreDataDir(archive: string, dataDir: string, options: RestoreOptions = {}): Promise<RestoreSummary> {
  const dir = path.resolve(dataDir);
  const existing = await readdir(dir).catch(() => [] as string[]);
  if (existing.length > 0) {
    throw new StoreOpenError(`Direktori ${dir} tidak kosong; pulihkan ke direktori baru agar tidak ada data yang tertimpa.`);
  }
  await mkdir(dir, { recursive: true });
  try {
    await tar.extract({ file: path.resolve(archive), cwd: dir, strict: true, preservePaths: false });
    const damaged = await findDamagedMaps(dir);
    if (damaged.length > 0 && !options.skipDamaged) {
      throw new StoreOpenError(
        `Cadangan ${archive} berisi ${damaged.length} peta rusak; tidak ada yang dipulihkan.\n${describeDamagedMaps(damaged)}\n` +
          'Ulangi dengan --lewati-rusak untuk memulihkan peta yang utuh dan menyisihkan peta yang rusak ke folder rusak/.',
      );
    }
    for (const map of damaged) await setAside(dir, map.id);
    const store = await openEmbeddedStore(dir);
    try {
      const maps = await store.maps.listMaps({});
      let revisions = 0;
      for (const map of maps) {
        for (const revision of await store.maps.listRevisions(map.id)) {
          await store.maps.readRevisionXml(map.id, revision.n);
          // An imported map's original file is read back (and its sha256 checked) like every body.
          if (revision.original) await store.maps.readOriginal(map.id);
          revisions++;
        }
      }
      return { maps: maps.length, revisions, users: await store.accounts.countUsers(), skipped: damaged };
    } finally {
      await store.close();
    }
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    if (error instanceof StoreOpenError) throw error;
    throw new StoreOpenError(`Cadangan ${archive} tidak dapat dipulihkan: ${(error as Error).message}`, { cause: error });
  }
}

/** Moves a damaged map's documents out of the store into `rusak/<id>/`, kept for whoever repairs them by hand. */
async function setAside(dir: string, id: string): Promise<void> {
  const target = path.join(dir, DAMAGED_DIR, id);
  await mkdir(target, { recursive: true });
  for (const [kind, file] of [
    [MAP_DIR, mapDocumentPath(dir, id)],
    [SOP_DIR, sopDocumentPath(dir, id)],
    [REVIEW_DIR, reviewDocumentPath(dir, id)],
  ] as const) {
    await rename(file, path.join(target, `${kind}.json`)).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
  }
}
