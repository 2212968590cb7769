// `petakerja lint [--profile ID] [--format text|json] [--stage draf|pengajuan] [--meta FILE.json]
// [--kamus FILE.json | --data DIR] FILE|FOLDER…`: exit 0 without errors, 1 with errors, 2 for unreadable input or bad
// usage. --stage and --meta form the lint context (RULES.md §E): the stage of the SOP revision and its identity
// (server/sop/identity.schema.ts); --kamus (or a data directory's settings) gives the repository's synonyms of the
// kamus jabatan (issue 14).
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Profile, PROFILES } from '../domain/vocabulary';
import { AppError } from '../errors';
import type { Finding } from '../lint/findings';
import { LintStage, type LintContext } from '../lint/lint-context';
import { lintXml, summarise } from '../lint/lint.service';
import { readKamusFile, readKamusOfDataDir } from './kamus-file';
import { readMeta } from './sop-meta';
import { UsageError } from './usage';

const SEVERITY_WORD: Record<Finding['severity'], string> = { error: 'galat', warning: 'peringatan', info: 'info' };

async function bpmnFiles(target: string): Promise<string[]> {
  const info = await stat(target).catch(() => {
    throw new UsageError(`Berkas atau folder tidak ditemukan: ${target}`);
  });
  if (!info.isDirectory()) return [target];
  const entries = await readdir(target, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.bpmn'))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}


interface FileResult {
  file: string;
  profile?: Profile;
  findings: Finding[];
  unreadable?: string;
}

export async function lintCommand(args: string[]): Promise<void> {
  // The repository-wide checks (RULES.md §F) read a data directory instead of files.
  if (args.includes('--repository')) return (await import('./lint-repository')).repositoryLintCommand(args);
  const { values, positionals } = parseArgs({
    args,
    options: {
      profile: { type: 'string' },
      format: { type: 'string', default: 'text' },
      stage: { type: 'string' },
      meta: { type: 'string' },
      kamus: { type: 'string' },
      data: { type: 'string' },
    },
    allowPositionals: true,
    strict: true,
  });
  const profile = values.profile === undefined ? undefined : Profile.safeParse(values.profile);
  if (profile && !profile.success) throw new UsageError(`Profil tidak dikenal: ${values.profile}. Profil: ${PROFILES.join(', ')}.`);
  if (values.format !== 'text' && values.format !== 'json') throw new UsageError('--format harus text atau json.');
  const stage = values.stage === undefined ? undefined : LintStage.safeParse(values.stage);
  if (stage && !stage.success) throw new UsageError('--stage harus draf atau pengajuan.');
  if (positionals.length === 0) throw new UsageError('Sebutkan berkas .bpmn atau folder yang akan diperiksa.');
  if (values.kamus !== undefined && values.data !== undefined) throw new UsageError('Pakai --kamus atau --data, tidak keduanya.');
  const synonyms = values.kamus !== undefined ? await readKamusFile(values.kamus) : values.data !== undefined ? await readKamusOfDataDir(values.data) : [];
  const context: LintContext = {
    ...(synonyms.length > 0 ? { synonyms } : {}),
    ...(stage?.success ? { stage: stage.data } : {}),
    ...(values.meta !== undefined ? { sop: await readMeta(values.meta) } : {}),
  };

  const results: FileResult[] = [];
  for (const file of (await Promise.all(positionals.map(bpmnFiles))).flat()) {
    try {
      const { profile: used, findings } = await lintXml(await readFile(file, 'utf8'), profile?.data, undefined, context);
      results.push({ file, profile: used, findings });
    } catch (error) {
      results.push({ file, findings: [], unreadable: error instanceof AppError ? error.message : (error as Error).message });
    }
  }
  const summary = summarise(results.flatMap((r) => r.findings));
  if (values.format === 'json') {
    const files = results.map(({ file, profile: used, findings, unreadable }) => ({ file, profile: used ?? null, findings, ...(unreadable ? { error: unreadable } : {}) }));
    console.log(JSON.stringify({ files, summary }, null, 2));
  } else {
    for (const result of results) {
      console.log(`${result.file}${result.profile ? ` (profil ${result.profile})` : ''}`);
      if (result.unreadable) console.log(`  tidak dapat dibaca: ${result.unreadable}`);
      else if (result.findings.length === 0) console.log('  tidak ada temuan');
      for (const f of result.findings) {
        console.log(`  ${SEVERITY_WORD[f.severity].padEnd(10)} ${(f.element ?? '-').padEnd(28)} ${f.rule.padEnd(28)} ${f.message}${f.inferred ? ' [disimpulkan dari nama]' : ''}`);
      }
    }
    console.log(`\n${results.length} berkas: ${summary.errors} galat, ${summary.warnings} peringatan, ${summary.infos} info.`);
  }
  const unreadable = results.filter((r) => r.unreadable).length;
  process.exitCode = unreadable > 0 ? 2 : summary.errors > 0 ? 1 : 0;
}
