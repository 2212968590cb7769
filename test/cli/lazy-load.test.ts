// Issue 16: the compiled CLI loads each subcommand's dependencies only when that subcommand runs. Every module the
// process resolves (ESM) or requires (CommonJS) is recorded by test/helpers/record-loads.mjs, preloaded with --import.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli';
import { ROOT } from '../helpers/fixtures';
import { tempDir } from '../helpers/temp-dir';

const RECORDER = path.join(ROOT, 'test/helpers/record-loads.mjs');
const SERVER_ONLY = ['express', 'puppeteer-core', 'pdf-lib', 'qrcode', 'ws', 'helmet', 'lowdb', 'tar', 'fflate', 'node-forge', '@signpdf/signpdf', 'pg', 'pdfjs-dist'];

/** Runs the compiled CLI and answers its run with the npm packages it loaded and every file URL it loaded. */
async function recordedRun(args: string[]) {
  const file = path.join(await tempDir(), 'loads.txt');
  const run = await runCli(args, { env: { RECORD_LOADS: file }, nodeOptions: ['--import', RECORDER] });
  const urls = [...new Set((await readFile(file, 'utf8')).split('\n').filter(Boolean))];
  const packages = new Set(urls.map((url) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)?.[1]).filter(Boolean));
  return { run, urls, packages };
}

describe('the compiled CLI', () => {
  it('lints without the server, PDF or QR packages, without tsx and without TypeScript source', async () => {
    const { run, urls, packages } = await recordedRun(['lint', path.join(ROOT, 'processes/templates/lintas-fungsi.bpmn')]);
    expect(run.stdout, run.stderr).toContain('lintas-fungsi.bpmn (profil');
    // The recorder sees what lint loads (the test could not fail otherwise): the entry and the lint command's chunk …
    expect(urls.some((url) => url.endsWith('/dist/server/cli.js'))).toBe(true);
    expect(urls.some((url) => /\/dist\/server\/lint-\w+\.js$/.test(url))).toBe(true);
    // … and none of what it does not.
    expect([...packages].filter((p) => SERVER_ONLY.includes(p!))).toEqual([]);
    expect(packages.has('tsx')).toBe(false);
    expect(urls.filter((url) => url.endsWith('.ts'))).toEqual([]);
  });

  it('prints the usage for help, loading no npm package at all', async () => {
    const { run, packages } = await recordedRun(['help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Penggunaan: npm run petakerja -- <perintah> [opsi]');
    expect(run.stdout).toContain('lint      Memeriksa peta terhadap aturan sistem kerja');
    expect([...packages]).toEqual([]);
  });

  it('loads pg for the pemda commands on a database only', async () => {
    const onDir = await recordedRun(['pemda', 'list', '--data', await tempDir()]);
    expect(onDir.run.code, onDir.run.stderr).toBe(0);
    expect(onDir.packages.has('pg')).toBe(false);
    // An address nobody answers: the store fails to open, after pg was loaded for it.
    const onDatabase = await recordedRun(['pemda', 'list', '--database', 'postgres://petakerja@127.0.0.1:1/tidak_ada']);
    expect(onDatabase.run.code).toBe(1);
    expect(onDatabase.packages.has('pg')).toBe(true);
  });

  it('loads the server packages when serving (the recorder sees them where they are used)', async () => {
    const { run, packages } = await recordedRun(['serve', '--port=-1']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Port tidak sah: -1');
    expect(packages.has('express')).toBe(true);
  });
});
