import { defineConfig } from 'vitest/config';

/**
 * The API suites run a second time on PostgreSQL (issue 18: the API, review and authorization suites against both
 * stores): `startTestServer` takes a database of the run's PostgreSQL server when PETAKERJA_TEST_STORE=postgres. The
 * store suites are parametrised inside (`describe.each(STORE_KINDS)`); the rest of the API suites test what does not
 * depend on the store (shell, hostile input, files on disk, the MIWG corpus) or the embedded store itself.
 */
const API_SUITES_ON_POSTGRES = [
  'authorization-matrix',
  'sessions',
  'hardening-accounts',
  'public-url',
  'time-zone',
  'maps-api',
  'hierarchy-api',
  'detail-map-api',
  'map-listing-pages',
  'map-listing-sop-state',
  'map-events-api',
  'sop-api',
  'sop-export',
  'diff-api',
  'review-api',
  'review-audit-api',
  'electronic-signature-api',
  'evaluation-api',
  'dashboard-api',
  'repository-lint-api',
  'relasi-api',
  'kamus-api',
].map((name) => `test/api/${name}.test.ts`);

export default defineConfig({
  test: {
    // Builds dist/server (the compiled CLI the CLI tests spawn) when stale, and starts the run's PostgreSQL server.
    globalSetup: ['test/global-setup.ts'],
    // Several tests spawn the CLI or a browser; on 2 shared cores they can take tens of seconds under load.
    testTimeout: 120_000,
    hookTimeout: 60_000,
    // Browser tests share one Chromium; files run in parallel on 2 cores otherwise.
    fileParallelism: true,
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: 'embedded', include: ['test/**/*.test.ts', 'client/src/**/*.test.ts', 'server/**/*.test.ts'] } },
      { extends: true, test: { name: 'postgres', include: API_SUITES_ON_POSTGRES, env: { PETAKERJA_TEST_STORE: 'postgres' } } },
    ],
  },
});
