// `petakerja lint --repository [--data DIR | --database URL [--pemda ID]] [--format text|json]`: the repository-wide
// checks (RULES.md §F) over a data directory or one pemda of a PostgreSQL database (default: DEFAULT_PEMDA, the one
// pemda a data directory holds). Opening the directory takes its lock: it runs while no server uses that directory,
// like `user`. A database may be linted while it is served; the lint applies no schema migration (it refuses a
// database whose schema is not this program's). Exit 0 without errors, 1 with errors, 2 for bad usage, an unknown
// pemda or a store that is not a Petakerja store.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { FactsCache } from '../repository/facts-cache';
import { lintStoredRepository } from '../repository/repository-lint';
import type { RepositoryFinding } from '../repository/repository-lint.schema';
import { MAP_DIR } from '../store/lowdb-map-store';
import { DEFAULT_PEMDA, pemdaMissing } from '../store/pemda';
import { openEmbeddedStore, type Store } from '../store/store';
import { redactedUrl } from '../store/postgres/url';
import { pemdaOption } from './pemda-option';
import { databaseOption, dataDirOption, UsageError } from './usage';

const SEVERITY_WORD: Record<RepositoryFinding['severity'], string> = { error: 'galat', warning: 'peringatan', info: 'info' };

async function openDataDir(dataDir: string): Promise<Store> {
  // Opening a store creates what is missing: a mistyped directory would pass as an empty repository.
  if (!existsSync(path.join(dataDir, MAP_DIR))) {
    throw new UsageError(`Direktori ${path.resolve(dataDir)} bukan direktori data Petakerja (tidak ada ${MAP_DIR}/); periksa --data.`);
  }
  return openEmbeddedStore(dataDir);
}

/** Opening the PostgreSQL store migrates: a lint checks first that there is nothing to migrate (pg loaded only here). */
async function openDatabase(url: string): Promise<Store> {
  const { readSchemaState, schemaProblem } = await import('../store/postgres/schema-state');
  const problem = schemaProblem(await readSchemaState(url), redactedUrl(url));
  if (problem) throw new UsageError(problem);
  return (await import('../store/postgres/open-postgres-store')).openPostgresStore(url);
}

export async function repositoryLintCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    options: { repository: { type: 'boolean' }, data: { type: 'string' }, database: { type: 'string' }, pemda: { type: 'string' }, format: { type: 'string', default: 'text' } },
    allowPositionals: true,
    strict: true,
  });
  if (values.format !== 'text' && values.format !== 'json') throw new UsageError('--format harus text atau json.');
  if (positionals.length > 0) throw new UsageError('lint --repository memeriksa seluruh direktori data: jangan sebutkan berkas.');
  const pemda = pemdaOption(values.pemda) ?? DEFAULT_PEMDA;
  const databaseUrl = databaseOption(values);
  const store = databaseUrl ? await openDatabase(databaseUrl) : await openDataDir(dataDirOption(values.data));
  let result;
  try {
    const missing = await pemdaMissing(store.pemdas, pemda, databaseUrl ? `basis data ${redactedUrl(databaseUrl)}` : 'direktori data ini');
    if (missing) throw new UsageError(`${missing}; periksa --pemda.`);
    result = await lintStoredRepository(store.forPemda(pemda).maps, new FactsCache());
  } finally {
    await store.close();
  }
  if (values.format === 'json') {
    console.log(JSON.stringify(result, null, 2));
  } else {
    const byMap = new Map<string, RepositoryFinding[]>();
    for (const f of result.findings) byMap.set(f.mapId, [...(byMap.get(f.mapId) ?? []), f]);
    for (const findings of byMap.values()) {
      const first = findings[0]!;
      console.log(`${first.mapCode} ${first.mapName}${first.unit ? ` (${first.unit})` : ''}`);
      for (const f of findings) console.log(`  ${SEVERITY_WORD[f.severity].padEnd(10)} ${(f.element ?? '-').padEnd(28)} ${f.rule.padEnd(24)} ${f.message}`);
    }
    if (result.findings.length === 0) console.log('Tidak ada temuan antarpeta.');
    console.log(`\n${result.maps} peta diperiksa dalam ${(result.durationMs / 1000).toFixed(1)} detik: ${result.summary.errors} galat, ${result.summary.warnings} peringatan.`);
  }
  process.exitCode = result.summary.errors > 0 ? 1 : 0;
}
