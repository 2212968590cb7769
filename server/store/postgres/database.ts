// The connection pool of the PostgreSQL store, its transactions, and the error a database that cannot be reached at
// start raises (a clear Indonesian message, no stack: server/cli.ts prints StoreOpenError's message and exits 1).
import pg from 'pg';
import { StoreOpenError } from '../../errors';
import { redactedUrl } from './url';

export type Queryable = Pick<pg.PoolClient, 'query'>;

/** A server that does not answer at all (a wrong host) fails the start after this, not after the system's TCP timeout. */
export const CONNECT_TIMEOUT_MS = 10_000;

export function openPool(url: string): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max: Number(process.env.PETAKERJA_DATABASE_POOL ?? 10), connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  // An idle client whose connection drops must not crash the process; the next query reconnects.
  pool.on('error', (error) => console.error(`Koneksi basis data terputus: ${error.message}`));
  return pool;
}

/** A StoreOpenError for a database that cannot be reached or refuses us at start. */
export function unreachable(url: string, error: unknown): StoreOpenError {
  const reason = (error as Error).message || String(error);
  return new StoreOpenError(
    `Basis data PostgreSQL ${redactedUrl(url)} tidak dapat dihubungi: ${reason}. ` +
      'Periksa alamat (--database atau PETAKERJA_DATABASE_URL), bahwa server PostgreSQL berjalan, dan hak akses penggunanya.',
    { cause: error },
  );
}

/** Runs `work` in one transaction on one client of `pool`: committed when it resolves, rolled back when it throws. */
export async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    try {
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  } finally {
    client.release();
  }
}

/** Keys of the advisory locks the store takes (pg_advisory_lock's bigint space; 0x5045_54… reads "PET"). */
export const LOCKS = { migrations: 0x504554_0001, hierarchy: 0x504554_0002, reviewCodes: 0x504554_0003, accounts: 0x504554_0004 } as const;

/**
 * Marks a query on a table of pemda rows that reads every pemda on purpose (a verification code or a map id is unique
 * in the deployment; login finds an account by its username alone): an SQL comment that the tenancy test
 * (test/store/pemda-isolation.test.ts) looks for. Every other query on such a table names its pemda_id.
 */
export const ANY_PEMDA = '/* any pemda */';

/** Whether `error` is PostgreSQL's unique_violation. */
export const isUniqueViolation = (error: unknown) => (error as { code?: string }).code === '23505';

/**
 * Tracks the writes in flight so that close() can wait for them (the embedded stores' SerialQueue does the same by
 * running one at a time; here the database serialises what must be).
 */
export class InFlight {
  private readonly running = new Set<Promise<unknown>>();

  track<T>(work: Promise<T>): Promise<T> {
    this.running.add(work);
    const done = () => this.running.delete(work);
    work.then(done, done);
    return work;
  }

  async settled(): Promise<void> {
    await Promise.allSettled([...this.running]);
  }
}
