// Checks made before the server serves a data directory: first-run setup is only for an empty directory, and map
// records without their BPMN bodies are not served. Run by startServer; the CLI's `user add` opens the same directory
// without them, so an admin can be added to a directory whose accounts were lost.
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { StoreOpenError } from '../errors';
import { ACCOUNTS_FILE } from './lowdb-account-store';
import { BLOB_DIR, MAP_DIR } from './lowdb-map-store';
import { REVIEW_DIR, REVIEW_FILES_DIR } from './lowdb-review-store';
import { LETTERHEADS_FILE, SOP_DIR } from './lowdb-sop-store';
import { SETTINGS_FILE } from './settings-store';
import type { Store } from './store';

/**
 * What a data directory holds besides its accounts: any of these means it has been used. Not the audit log: refused
 * sign-ins are audited before the first account exists, and a fresh directory must still open for setup after a restart.
 */
const CONTENT = [MAP_DIR, BLOB_DIR, SOP_DIR, LETTERHEADS_FILE, REVIEW_DIR, REVIEW_FILES_DIR, SETTINGS_FILE];

export async function checkDataDirBeforeServe(dataDir: string, store: Store): Promise<void> {
  const dir = path.resolve(dataDir);
  const maps = (await store.maps.listMaps({})).length;
  if ((await store.accounts.countUsers()) === 0) {
    const used = [];
    for (const entry of CONTENT) if (await hasContent(path.join(dir, entry))) used.push(entry);
    if (used.length > 0) {
      const accounts = (await stat(path.join(dir, ACCOUNTS_FILE)).catch(() => undefined))
        ? `${ACCOUNTS_FILE} tidak berisi satu akun pun`
        : `${ACCOUNTS_FILE} tidak ada`;
      throw new StoreOpenError(
        `Direktori data ${dir} sudah berisi data (${used.join(', ')}${maps > 0 ? `; ${maps} peta` : ''}) tetapi ${accounts}. ` +
          'Server tidak dijalankan: penyiapan awal hanya dibuka pada direktori data yang kosong, agar pengunjung tanpa akun ' +
          'tidak menjadi administrator atas peta yang ada. Pulihkan accounts.json dari cadangan ' +
          '(petakerja restore --in CADANGAN.tar.gz --data DIR_BARU), atau tambahkan administrator lewat baris perintah: ' +
          `echo "$SANDI" | npm run petakerja -- user add --admin --username NAMA --password-stdin --data ${dir}`,
      );
    }
  }
  if (maps > 0 && !(await stat(path.join(dir, BLOB_DIR)).catch(() => undefined))?.isDirectory()) {
    throw new StoreOpenError(
      `Direktori data ${dir} berisi ${maps} catatan peta di ${MAP_DIR}/ tetapi direktori isi BPMN ${BLOB_DIR}/ tidak ada. ` +
        'Server tidak dijalankan: setiap revisi peta akan gagal dibaca. Pulihkan direktori data dari cadangan ' +
        '(petakerja restore), atau kembalikan direktori bpmn/ yang terpindah.',
    );
  }
}

/** A file, or a directory holding at least one file (an empty folder left by a first start is not content). */
async function hasContent(entry: string): Promise<boolean> {
  const info = await stat(entry).catch(() => undefined);
  if (!info) return false;
  if (!info.isDirectory()) return true;
  const files = await readdir(entry, { recursive: true, withFileTypes: true }).catch(() => []);
  return files.some((f) => f.isFile() && !f.name.endsWith('.tmp'));
}

/**
 * The same rule on a PostgreSQL store: first-run setup only on a database without maps, so a visitor cannot become
 * administrator over maps whose accounts were lost. (Bodies live in the same transactions as their records there.)
 */
export async function checkDatabaseBeforeServe(store: Store): Promise<void> {
  if (await store.accounts.anyAccount()) return;
  const maps = (await store.maps.listMaps({})).length;
  if (maps > 0) {
    throw new StoreOpenError(
      `Basis data sudah berisi ${maps} peta tetapi tidak satu akun pun. Server tidak dijalankan: penyiapan awal hanya ` +
        'dibuka pada basis data yang kosong, agar pengunjung tanpa akun tidak menjadi administrator atas peta yang ada. ' +
        'Pulihkan tabel users dari cadangan basis data.',
    );
  }
}
