// The repository-wide checks (RULES.md §F) on a generated repository (scripts/repository/generate-repository.ts):
// cold lint (facts read from every current revision), warm lint (facts from the cache), peak RSS and heap.
// The lint runs in a child process (`node --import tsx`) so that its memory is not mixed with the generator's.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { generateRepositoryDir } from '../scripts/repository/generate-repository';
import { REPO_ROOT } from './store-scale';

export interface RepositoryBenchResult {
  maps: number;
  generateMs: number;
  findings: number;
  openMs: number;
  coldMs: number;
  coldReads: number;
  /** CPU time (user + system) of the cold lint: what it costs whatever else the machine runs. */
  coldCpuMs: number;
  warmMs: number;
  warmReads: number;
  peakRssBytes: number;
  peakHeapBytes: number;
}

export const REPOSITORY_AIM_MS = 10_000;

export async function runRepositoryBench(options: { maps: number; progress?: (line: string) => void }): Promise<RepositoryBenchResult> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'petakerja-bench-repository-'));
  try {
    const started = performance.now();
    const generated = await generateRepositoryDir(dir, { maps: options.maps });
    const generateMs = performance.now() - started;
    options.progress?.(`${generated.mapCount} maps generated in ${(generateMs / 1000).toFixed(1)} s`);
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'bench/repository-lint-child.ts'), dir], {
      cwd: REPO_ROOT,
      maxBuffer: 1024 * 1024,
    });
    return { generateMs, ...JSON.parse(stdout) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export function formatRepositoryBench(r: RepositoryBenchResult): string {
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const mb = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(0)} MB`;
  return [
    '| maps | open store | cold lint (revisions read) | cold lint CPU | warm lint (revisions read) | peak RSS | peak heap | findings | aim: cold < 10 s |',
    '|---|---|---|---|---|---|---|---|---|',
    `| ${r.maps} | ${s(r.openMs)} | ${s(r.coldMs)} (${r.coldReads}) | ${s(r.coldCpuMs)} | ${s(r.warmMs)} (${r.warmReads}) | ${mb(r.peakRssBytes)} | ${mb(r.peakHeapBytes)} | ${r.findings} | ${r.coldMs < REPOSITORY_AIM_MS ? 'met' : 'missed'} |`,
    '',
    `Repository generated in ${s(r.generateMs)} (not timed against the aim). Cold = list maps, read each current revision's ` +
      'record and BPMN through the MapStore (16 at a time), read its facts in one SAX pass, run map/call-resolves, ' +
      'map/relasi-consistent and map/level-order; warm = the same with every revision\'s facts in the cache. ' +
      'Cold lint CPU = user + system time of the child during the cold lint (independent of other load on the machine). ' +
      'Peak RSS = getrusage maxRSS of the child process (store opening included); peak heap = heapUsed sampled every 10 ms.',
  ].join('\n');
}
