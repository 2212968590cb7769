// `petakerja lint --repository [--data DIR] [--format text|json]`: the repository-wide checks (RULES.md §F) over a
// data directory. Opening the directory takes its lock: it runs while no server uses that directory, like `user`.
// Exit 0 without errors, 1 with errors, 2 for bad usage.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { FactsCache } from '../repository/facts-cache';
import { lintStoredRepository } from '../repository/repository-lint';
import type { RepositoryFinding } from '../repository/repository-lint.schema';
import { MAP_DIR } from '../store/lowdb-map-store';
import { openEmbeddedStore } from '../store/store';
import { dataDirOption, UsageError } from './usage';

const SEVERITY_WORD: Record<RepositoryFinding['severity'], string> = { error: 'galat', warning: 'peringatan', info: 'info' };

export async function repositoryLintCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    options: { repository: { type: 'boolean' }, data: { type: 'string' }, format: { type: 'string', default: 'text' } },
    allowPositionals: true,
    strict: true,
  });
  if (values.format !== 'text' && values.format !== 'json') throw new UsageError('--format harus text atau json.');
  if (positionals.length > 0) throw new UsageError('lint --repository memeriksa seluruh direktori data: jangan sebutkan berkas.');
  const dataDir = dataDirOption(values.data);
  // Opening a store creates what is missing: a mistyped directory would pass as an empty repository.
  if (!existsSync(path.join(dataDir, MAP_DIR))) {
    throw new UsageError(`Direktori ${path.resolve(dataDir)} bukan direktori data Petakerja (tidak ada ${MAP_DIR}/); periksa --data.`);
  }
  const store = await openEmbeddedStore(dataDir);
  let result;
  try {
    result = await lintStoredRepository(store.maps, new FactsCache());
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
