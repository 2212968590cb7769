// The two stores the store tests run against (describe.each): the embedded one on a temp directory and PostgreSQL on
// a database of its own on the run's server (helpers/postgres.ts). A location is what reopening needs.
import { openPostgresStore } from '../../server/store/postgres/open-postgres-store';
import { openEmbeddedStore, type Store } from '../../server/store/store';
import { createTestDatabase } from './postgres';
import { tempDir } from './temp-dir';

export interface StoreKind {
  name: 'embedded' | 'postgres';
  /** A fresh, empty place for a store: a directory or a database URL. */
  location(): Promise<string>;
  open(location: string): Promise<Store>;
}

export const STORE_KINDS: StoreKind[] = [
  { name: 'embedded', location: () => tempDir(), open: (dir) => openEmbeddedStore(dir) },
  { name: 'postgres', location: () => createTestDatabase(), open: (url) => openPostgresStore(url) },
];

/** Opens a store at `location`, hands it to `use`, closes it. */
export async function withStoreOf<T>(kind: StoreKind, location: string, use: (store: Store) => Promise<T>): Promise<T> {
  const store = await kind.open(location);
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}
