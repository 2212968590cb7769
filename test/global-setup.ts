// Once per test run: the CLI tests spawn what ships, the compiled dist/server/cli.js, so it is rebuilt first when
// any of its sources changed (scripts/build-server.mjs --if-needed); and a throwaway PostgreSQL server is started for
// the tests run against both stores (helpers/postgres-server.ts), its URL provided as `postgresUrl`.
import { execFileSync } from 'node:child_process';
import type { TestProject } from 'vitest/node';
import { ROOT } from './helpers/fixtures';
import { startTestPostgres } from './helpers/postgres-server';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  execFileSync(process.execPath, ['scripts/build-server.mjs', '--if-needed'], { cwd: ROOT, stdio: 'inherit' });
  const postgres = await startTestPostgres();
  project.provide('postgresUrl', postgres.url);
  return () => postgres.stop();
}
