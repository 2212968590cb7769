// A database of its own for each test file on the run's PostgreSQL server (started by test/global-setup.ts).
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

const created: string[] = [];
let admin: pg.Client | undefined;

/** The URL of the run's server (its `postgres` database). */
export function postgresServerUrl(): string {
  const url = inject('postgresUrl');
  if (!url) throw new Error('No PostgreSQL server for this test run (test/global-setup.ts)');
  return url;
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Creates an empty database and answers its URL; dropped after the test file. */
export async function createTestDatabase(): Promise<string> {
  if (!admin) {
    admin = new pg.Client({ connectionString: postgresServerUrl() });
    await admin.connect();
  }
  const name = `t_${randomBytes(6).toString('hex')}`;
  await admin.query(`CREATE DATABASE ${name} TEMPLATE template0`);
  created.push(name);
  return withDatabase(postgresServerUrl(), name);
}

afterAll(async () => {
  if (!admin) return;
  for (const name of created.splice(0)) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
  admin = undefined;
});
