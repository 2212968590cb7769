import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Builds dist/server (the compiled CLI the CLI tests spawn) when stale.
    globalSetup: ['test/global-setup.ts'],
    include: ['test/**/*.test.ts', 'client/src/**/*.test.ts', 'server/**/*.test.ts'],
    // Several tests spawn the CLI or a browser; on 2 shared cores they can take tens of seconds under load.
    testTimeout: 120_000,
    hookTimeout: 60_000,
    // Browser tests share one Chromium; files run in parallel on 2 cores otherwise.
    fileParallelism: true,
    maxWorkers: 2,
  },
});
