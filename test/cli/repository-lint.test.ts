// `petakerja lint --repository`: the real CLI on a generated data directory — exit codes, text and JSON; and the same
// repository moved into the run's PostgreSQL (`--database`): the same findings, no schema change by the lint.
import { existsSync } from 'node:fs';
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { RepositoryLintResult } from '../../server/repository/repository-lint.schema';
import { copyStore } from '../../server/store/copy-store';
import { openPostgresStore } from '../../server/store/postgres/open-postgres-store';
import { openEmbeddedStore } from '../../server/store/store';
import { generateRepository, generateRepositoryDir, type GeneratedRepository } from '../../scripts/repository/generate-repository';
import { runCli } from '../helpers/cli';
import { createTestDatabase } from '../helpers/postgres';
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

describe('petakerja lint --repository --database', () => {
  let dir: string;
  let url: string;
  /** The maps of a second pemda in the same database, a repository without defects. */
  let otherMaps: number;
  /** The findings of the data directory's lint, without its duration. */
  let fromDir: Omit<RepositoryLintResult, 'durationMs'>;
  const withoutDuration = ({ durationMs: _, ...rest }: RepositoryLintResult) => rest;

  beforeAll(async () => {
    dir = await tempDir('petakerja-cli-repo-db-');
    await generateRepositoryDir(dir, SMALL);
    const run = await runCli(['lint', '--repository', '--format', 'json', '--data', dir]);
    expect(run.code).toBe(1);
    fromDir = withoutDuration(RepositoryLintResult.parse(JSON.parse(run.stdout)));
    url = await createTestDatabase();
    const source = await openEmbeddedStore(dir);
    const target = await openPostgresStore(url);
    try {
      await copyStore(source, target);
      await target.pemdas.add({ id: 'kab-lain', name: 'Kabupaten Lain', kind: 'kabupaten', province: null });
      otherMaps = (await generateRepository(target.forPemda('kab-lain').maps, { ...SMALL, defects: false })).mapCount;
    } finally {
      await target.close();
      await source.close();
    }
  }, 120_000);

  it('finds in the database what it finds in the data directory', async () => {
    const run = await runCli(['lint', '--repository', '--format', 'json', '--database', url]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    const fromDatabase = withoutDuration(RepositoryLintResult.parse(JSON.parse(run.stdout)));
    expect(fromDatabase.findings.length).toBe(5);
    expect(fromDatabase).toEqual(fromDir);
    const text = await runCli(['lint', '--repository', '--database', url]);
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/: 3 galat, 2 peringatan\.\n$/);
  }, 60_000);

  it('lints the pemda --pemda names, and only it', async () => {
    const other = await runCli(['lint', '--repository', '--format', 'json', '--database', url, '--pemda', 'kab-lain']);
    expect(other.stderr).toBe('');
    expect(other.code).toBe(0);
    const result = RepositoryLintResult.parse(JSON.parse(other.stdout));
    expect(result.maps).toBe(otherMaps);
    expect(result.findings).toEqual([]);
    const named = await runCli(['lint', '--repository', '--format', 'json', '--database', url, '--pemda', 'default']);
    expect(named.code).toBe(1);
    expect(withoutDuration(RepositoryLintResult.parse(JSON.parse(named.stdout)))).toEqual(fromDir);
  }, 60_000);

  it('refuses a pemda the store does not hold, and a malformed id, with exit 2', async () => {
    const unknown = await runCli(['lint', '--repository', '--database', url, '--pemda', 'kab-tidak-ada']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Pemda "kab-tidak-ada" tidak ada di basis data');
    expect(unknown.stderr).toContain('pemda yang ada: default, kab-lain');
    const malformed = await runCli(['lint', '--repository', '--database', url, '--pemda', 'Kab_Salah']);
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toContain('--pemda Kab_Salah: Id pemda');
    const directory = await runCli(['lint', '--repository', '--data', dir, '--pemda', 'kab-lain']);
    expect(directory.code).toBe(2);
    expect(directory.stderr).toContain('Pemda "kab-lain" tidak ada di direktori data ini (pemda yang ada: default)');
  }, 60_000);

  it('takes the database from PETAKERJA_DATABASE_URL when neither --data nor --database is given', async () => {
    const run = await runCli(['lint', '--repository', '--format', 'json'], { env: { PETAKERJA_DATABASE_URL: url, PETAKERJA_DATA: '' } });
    expect(run.code).toBe(1);
    expect(withoutDuration(RepositoryLintResult.parse(JSON.parse(run.stdout)))).toEqual(fromDir);
  }, 60_000);

  it('refuses an empty database and one whose schema is behind, and changes neither', async () => {
    const empty = await createTestDatabase();
    const run = await runCli(['lint', '--repository', '--database', empty]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('belum berisi data Petakerja');
    const behind = await createTestDatabase();
    const store = await openPostgresStore(behind);
    await store.close();
    const client = new pg.Client({ connectionString: behind });
    await client.connect();
    try {
      const newest = (await client.query<{ v: number }>('SELECT max(version) AS v FROM schema_migrations')).rows[0]!.v;
      await client.query('DELETE FROM schema_migrations WHERE version = $1', [newest]);
      const stale = await runCli(['lint', '--repository', '--database', behind]);
      expect(stale.code).toBe(2);
      expect(stale.stderr).toContain(`belum diterapkan: migrasi ${newest}`);
      // Nothing was applied by the lint: the empty database has no schema, the other still lacks the migration.
      expect((await client.query('SELECT 1 FROM schema_migrations WHERE version = $1', [newest])).rows).toEqual([]);
    } finally {
      await client.end();
    }
    const emptyClient = new pg.Client({ connectionString: empty });
    await emptyClient.connect();
    try {
      expect((await emptyClient.query("SELECT to_regclass('schema_migrations') AS t")).rows[0].t).toBeNull();
    } finally {
      await emptyClient.end();
    }
  }, 60_000);

  it('says a database that cannot be reached, with its password masked, and exits 1', async () => {
    const wrong = new URL(url);
    wrong.password = 'rahasia';
    wrong.port = '1';
    const run = await runCli(['lint', '--repository', '--database', wrong.toString()]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('tidak dapat dihubungi');
    expect(run.stderr).not.toContain('rahasia');
  }, 60_000);
});
