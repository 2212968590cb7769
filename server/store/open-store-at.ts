// Opens the store a command names: a PostgreSQL URL (its driver loaded only then) or a data directory.
import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { StoreOpenError } from '../errors';
import { DEFAULT_PEMDA, pemdaMissing } from './pemda';
import { redactedUrl } from './postgres/url';
import { openEmbeddedStore, type Store } from './store';
import { MAP_DIR } from './lowdb-map-store';

export const isDatabaseUrl = (location: string) => /^postgres(ql)?:\/\//.test(location);

/** How a location is named in messages: a directory by its path, a database without its password. */
export const describeLocation = (location: string) => (isDatabaseUrl(location) ? `basis data ${redactedUrl(location)}` : `direktori ${path.resolve(location)}`);

/**
 * The store of one pemda of a database (`pemda`; the default pemda when not given), closing the whole database when
 * closed. Refuses a pemda the database does not hold, naming the ones it does.
 */
async function openDatabasePemda(location: string, pemda: string = DEFAULT_PEMDA): Promise<Store> {
  const root = await (await import('./postgres/open-postgres-store')).openPostgresStore(location);
  if (pemda === DEFAULT_PEMDA) return root;
  const missing = await pemdaMissing(root.pemdas, pemda, describeLocation(location));
  if (missing) {
    await root.close();
    throw new StoreOpenError(`${missing}; buat dengan "pemda add" atau periksa --pemda.`);
  }
  return { ...root.forPemda(pemda), close: () => root.close() };
}

/**
 * Opens an existing store to read from: a directory must already be a Petakerja data directory; of a database, the
 * store of `pemda` (default: the default pemda). A data directory holds one pemda: `pemda` is not used there.
 */
export async function openSourceStore(location: string, pemda?: string): Promise<Store> {
  if (isDatabaseUrl(location)) return openDatabasePemda(location, pemda);
  await stat(path.join(location, MAP_DIR)).catch(() => {
    throw new StoreOpenError(`${path.resolve(location)} bukan direktori data Petakerja (tidak ada ${MAP_DIR}/).`);
  });
  return openEmbeddedStore(location);
}

/**
 * Opens a store to fill. A directory that did not exist or was empty is removed again by `discard` (a failed copy
 * leaves nothing behind); a database cannot be, and the message says so.
 */
export async function openTargetStore(location: string, pemda?: string): Promise<{ store: Store; discard: () => Promise<string> }> {
  if (isDatabaseUrl(location)) {
    const store = await openDatabasePemda(location, pemda);
    return {
      store,
      discard: async () =>
        pemda && pemda !== DEFAULT_PEMDA
          ? `Pemda "${pemda}" di basis data tujuan ${redactedUrl(location)} mungkin berisi sebagian salinan (pemda lain tidak tersentuh): kosongkan pemda itu sebelum mengulang.`
          : `Basis data tujuan ${redactedUrl(location)} mungkin berisi sebagian salinan: buat ulang basis data itu (kosong) sebelum mengulang.`,
    };
  }
  const dir = path.resolve(location);
  const wasEmpty = (await readdir(dir).catch(() => [] as string[])).length === 0;
  // A directory with other things in it is not made into a data directory.
  if (!wasEmpty && !(await stat(path.join(dir, MAP_DIR)).catch(() => undefined))) {
    throw new StoreOpenError(`Direktori tujuan ${dir} tidak kosong dan bukan direktori data Petakerja; pilih direktori baru atau kosong.`);
  }
  const store = await openEmbeddedStore(dir);
  return {
    store,
    discard: async () => {
      if (!wasEmpty) return `Direktori tujuan ${dir} tidak diubah selain oleh salinan yang gagal; periksa sebelum mengulang.`;
      await rm(dir, { recursive: true, force: true });
      return `Direktori tujuan ${dir} dihapus kembali.`;
    },
  };
}
