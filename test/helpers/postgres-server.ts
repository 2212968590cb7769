// A throwaway PostgreSQL server for one test run (issue 18): initdb in a temporary directory, a unix socket there
// and a free TCP port on 127.0.0.1, trust authentication, fsync off; stopped and removed at the end. initdb and pg_ctl
// refuse to run as root, so as root they run as the `postgres` OS user (runuser), which owns the directory.
import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);
const PG_USER = 'postgres';

/** The directory of initdb/pg_ctl: the newest Debian PostgreSQL, or PG_BIN. */
export function postgresBinDir(): string | undefined {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).filter((v) => existsSync(path.join(root, v, 'bin/initdb'))).sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(root, versions[0], 'bin') : undefined;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface TestPostgres {
  /** postgres://postgres@127.0.0.1:<port>/postgres */
  url: string;
  /** The cluster's data directory (its postmaster.pid names the server's process). */
  data: string;
  /** Creates the empty database `name` (from template0) on this server and answers its URL. */
  createDatabase(name: string): Promise<string>;
  stop(): Promise<void>;
}

/**
 * `durable`: fsync and synchronous commit on, as in production (the benches compare against the embedded store's fsyncs).
 * `dir`: a directory kept between runs (a bench's seeded database): initdb only when it holds no cluster yet, stopped
 * cleanly and left in place by `stop`. `sharedBuffers`: PostgreSQL's shared_buffers (32MB unless given).
 */
export async function startTestPostgres(options: { durable?: boolean; dir?: string; sharedBuffers?: string } = {}): Promise<TestPostgres> {
  const bin = postgresBinDir();
  if (!bin) throw new Error('PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): run scripts/setup.sh');
  const asRoot = process.getuid?.() === 0;
  const kept = options.dir !== undefined;
  if (kept) mkdirSync(options.dir!, { recursive: true });
  const dir = options.dir ?? mkdtempSync(path.join(os.tmpdir(), 'petakerja-pg-'));
  const data = path.join(dir, 'data');
  let uid: number | undefined;
  if (asRoot) {
    const { stdout } = await run('id', ['-u', PG_USER]);
    const { stdout: gid } = await run('id', ['-g', PG_USER]);
    uid = Number(stdout.trim());
    chownSync(dir, uid, Number(gid.trim()));
  }
  const as = (command: string, args: string[]) => (asRoot ? run('runuser', ['-u', PG_USER, '--', path.join(bin, command), ...args]) : run(path.join(bin, command), args));
  const port = await freePort();
  if (!existsSync(path.join(data, 'PG_VERSION'))) await as('initdb', ['-D', data, '-U', PG_USER, '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C.UTF-8']);
  const durability = options.durable ? '' : ' -c fsync=off -c synchronous_commit=off -c full_page_writes=off';
  const settings = `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir}${durability} -c max_connections=200 -c shared_buffers=${options.sharedBuffers ?? '32MB'}`;
  await as('pg_ctl', ['-D', data, '-o', settings, '-l', path.join(dir, 'log'), '-w', '-t', '120', 'start']);
  const url = `postgres://${PG_USER}@127.0.0.1:${port}/postgres`;
  return {
    url,
    data,
    createDatabase: async (name) => {
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE ${name} TEMPLATE template0`);
      } finally {
        await admin.end();
      }
      return url.replace(/\/postgres$/, `/${name}`);
    },
    stop: async () => {
      await as('pg_ctl', ['-D', data, '-m', kept ? 'fast' : 'immediate', '-w', 'stop']).catch(() => undefined);
      if (!kept) rmSync(dir, { recursive: true, force: true });
    },
  };
}
