// `petakerja lint --repository`: the real CLI on a generated data directory — exit codes, text and JSON.
import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { RepositoryLintResult } from '../../server/repository/repository-lint.schema';
import { openEmbeddedStore } from '../../server/store/store';
import { generateRepositoryDir, type GeneratedRepository } from '../../scripts/repository/generate-repository';
import { runCli } from '../helpers/cli';
import { tempDir } from '../helpers/temp-dir';

const SMALL = { maps: 0, subprocessesPerUnit: 2, lintasPerSubprocess: 3 };

describe('petakerja lint --repository', () => {
  let dir: string;
  let generated: GeneratedRepository;
  let cleanDir: string;

  beforeAll(async () => {
    dir = await tempDir('petakerja-cli-repo-');
    generated = await generateRepositoryDir(dir, SMALL);
    cleanDir = await tempDir('petakerja-cli-repo-clean-');
    await generateRepositoryDir(cleanDir, { ...SMALL, defects: false });
  }, 60_000);

  it('prints the findings grouped by map and exits 1 on errors', async () => {
    const run = await runCli(['lint', '--repository', '--data', dir]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^1\.1 Subproses 1 Dinas Kesehatan \(Dinas Kesehatan\)\n {2}galat +Call_Hilang +map\/call-resolves +Aktivitas pemanggil "Verifikasi arsip"/m);
    expect(run.stdout).toContain('peringatan Relasi_Tambahan');
    expect(run.stdout).toMatch(/map\/level-order +Level peta ini 5/);
    expect(run.stdout).toContain(`${generated.mapCount} peta diperiksa dalam`);
    expect(run.stdout).toMatch(/: 3 galat, 2 peringatan\.\n$/);
  }, 60_000);

  it('answers JSON with the findings, summary and map count', async () => {
    const run = await runCli(['lint', '--repository', '--format', 'json', '--data', dir]);
    expect(run.code).toBe(1);
    const result = RepositoryLintResult.parse(JSON.parse(run.stdout));
    expect(result.maps).toBe(generated.mapCount);
    expect(result.findings.map((f) => f.rule).sort()).toEqual(generated.planted.map((p) => p.rule).sort());
  }, 60_000);

  it('exits 0 on a consistent repository', async () => {
    const run = await runCli(['lint', '--repository', '--data', cleanDir]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Tidak ada temuan antarpeta.');
    expect(run.stdout).toMatch(/: 0 galat, 0 peringatan\.\n$/);
  }, 60_000);

  it('exits 2 on bad usage', async () => {
    const format = await runCli(['lint', '--repository', '--format', 'xml', '--data', dir]);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('--format harus text atau json.');
    const files = await runCli(['lint', '--repository', '--data', dir, 'peta.bpmn']);
    expect(files.code).toBe(2);
    expect(files.stderr).toContain('jangan sebutkan berkas');
    const missing = `${cleanDir}-salah-ketik`;
    const typo = await runCli(['lint', '--repository', '--data', missing]);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('bukan direktori data Petakerja');
    expect(existsSync(missing)).toBe(false);
  }, 60_000);

  it('refuses a data directory another process holds, with a clear message', async () => {
    const store = await openEmbeddedStore(cleanDir);
    try {
      const run = await runCli(['lint', '--repository', '--data', cleanDir]);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`sedang dipakai oleh proses lain (PID ${process.pid})`);
    } finally {
      await store.close();
    }
  }, 60_000);
});
