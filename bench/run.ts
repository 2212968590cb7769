// Benchmark entry (`npm run bench [-- --maps N | --quick | --only NAME | --only province --scale F]`, NAME one of ONLY below): runs the benchmarks and prints their results as Markdown.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { MAP_KINDS } from '../server/domain/vocabulary';
import { runAims } from './aims';
import { formatDocumentsBench, runDocumentsBench } from './sop-documents';
import { formatCliBench, runCliBench } from './cli';
import { formatDashboardBench, runDashboardBench } from './dashboard';
import { formatFindingsBench, runFindingsBench } from './findings-after-edit';
import { formatLintBench, runLintBench } from './lint';
import { formatListingBench, runListingBench } from './listing';
import { formatMainThread, runMainThreadBench } from './lint-main-thread';
import { formatOpenBench, runOpenBench } from './modeller-open';
import { formatLogin, runLoginBench } from './login';
import { formatProvinceBench, provinceScale, runProvinceBench } from './province';
import { formatRepositoryBench, runRepositoryBench } from './repository-lint';
import { formatSopBatchBench, runSopBatchBench } from './sop-batch';
import { formatSopPdfBench, runSopPdfBench } from './sop-pdf';
import { formatSignatureBench, runSignatureBench } from './signature';
import { DEFAULT_LIMITS, REPO_ROOT, formatAims, formatStoreScale, runStoreScale } from './store-scale';

/** The benchmarks `--only` can pick. */
const ONLY = ['aims', 'documents', 'store', 'login', 'lint', 'rules', 'main-thread', 'sop', 'sop-batch', 'dashboard', 'repository', 'listing', 'findings', 'cli', 'open', 'signature', 'province'];

const LADDER = [250, 500, 1000, 2000, 5000];
const QUICK_MAPS = 300;
const REVISIONS_PER_MAP = 5;

function machineFacts(): string[] {
  const cpus = os.cpus();
  let nproc = String(os.availableParallelism());
  try {
    nproc = execFileSync('nproc', { encoding: 'utf8' }).trim();
  } catch {
    // keep availableParallelism
  }
  return [
    `- node ${process.version}, ${os.platform()} ${os.release()} ${os.arch()}`,
    `- nproc ${nproc}; ${cpus[0]?.model ?? 'unknown CPU'}; ${(os.totalmem() / 1024 ** 3).toFixed(1)} GB RAM`,
    `- temp dir ${os.tmpdir()}`,
    `- date ${new Date().toISOString()}`,
  ];
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const { values } = parseArgs({
    args: argv,
    options: { maps: { type: 'string' }, quick: { type: 'boolean' }, only: { type: 'string' }, scale: { type: 'string' } },
    strict: true,
  });
  if (values.only !== undefined && !ONLY.includes(values.only)) throw new Error(`--only takes ${ONLY.join(', ')}`);
  const header = [`Command: \`npm run bench${argv.length > 0 ? ` -- ${argv.join(' ')}` : ''}\` (in ${REPO_ROOT.replace(/\/$/, '')})`, '', ...machineFacts(), ''];
  if (values.only === 'documents') {
    const result = await runDocumentsBench((line) => console.error(`[bench] ${line}`));
    console.log([...header, '## Importing SOP documents (issue 17)', '', formatDocumentsBench(result)].join('\n'));
    return;
  }
  if (values.only === 'province') {
    const result = await runProvinceBench({ scale: provinceScale(values.scale), progress: (line) => console.error(`[bench] ${line}`) });
    console.log([...header, '## A province on PostgreSQL beside one pemda on the embedded store (issue 18)', '', formatProvinceBench(result)].join('\n'));
    return;
  }
  if (values.only === 'signature') {
    const rows = await runSignatureBench();
    console.log([...header, '## Signing a SOP with and without a certificate (issue 19)', '', `Load average at start: ${os.loadavg().map((l) => l.toFixed(2)).join(', ')}`, '', formatSignatureBench(rows)].join('\n'));
    return;
  }
  if (values.only === 'aims') {
    console.log([...header, await runAims((line) => console.error(`[bench] ${line}`))].join('\n'));
    return;
  }
  if (values.only === 'cli') {
    const result = await runCliBench({ progress: (line) => console.error(`[bench] ${line}`) });
    console.log([...header, '## CLI, whole process (vs bpmnlint CLI, node -e 0, chromium --print-to-pdf)', '', formatCliBench(result)].join('\n'));
    return;
  }
  if (values.only === 'login') {
    console.log([...header, '## Sign-in', '', formatLogin(await runLoginBench())].join('\n'));
    return;
  }
  if (values.only === 'main-thread') {
    console.log([...header, '## Modeller main thread while linting', '', formatMainThread(await runMainThreadBench())].join('\n'));
    return;
  }
  if (values.only === 'findings') {
    console.log([...header, '## Findings after an edit (vs the lint alone in the same worker)', '', formatFindingsBench(await runFindingsBench())].join('\n'));
    return;
  }
  if (values.only === 'open') {
    console.log([...header, '## Opening a map in the modeller (cold cache, vs bare bpmn-js on the same XML)', '', formatOpenBench(await runOpenBench())].join('\n'));
    return;
  }
  if (values.only === 'sop') {
    console.log([...header, '## SOP PDF (warm, vs bare Chromium page.pdf of the same HTML)', '', formatSopPdfBench(await runSopPdfBench())].join('\n'));
    return;
  }
  if (values.only === 'sop-batch') {
    const rows = await runSopBatchBench({ progress: (line) => console.error(`[bench] ${line}`) });
    console.log([...header, '## SOP batch export (100 SOPs, ZIP and SOP book)', '', formatSopBatchBench(rows)].join('\n'));
    return;
  }
  if (values.only === 'dashboard') {
    // 2,000 maps unless --maps says otherwise.
    const maps = values.maps === undefined ? 2000 : Number(values.maps);
    if (!Number.isInteger(maps) || maps < 1 || maps > 100_000) throw new Error(`--maps must be an integer from 1 to 100000, not ${values.maps}`);
    const result = await runDashboardBench({ maps, progress: (line) => console.error(`[bench] ${line}`) });
    console.log([...header, `## Repository dashboard (${maps} maps, lint summary cache)`, '', formatDashboardBench(result)].join('\n'));
    return;
  }
  if (values.only === 'repository') {
    const result = await runRepositoryBench({ maps: values.maps === undefined ? 2000 : Number(values.maps), progress: (line) => console.error(`[bench] ${line}`) });
    console.log([...header, `## Repository-wide checks (${result.maps} maps)`, '', formatRepositoryBench(result)].join('\n'));
    return;
  }
  if (values.only === 'listing') {
    const result = await runListingBench({ sizes: values.quick ? [500, 1000, 2000] : [5000, 10_000, 20_000], rounds: 100, progress: (line) => console.error(`[bench] ${line}`) });
    console.log([...header, '## Listing right after a save (real server; anchor: the same request again)', '', formatListingBench(result)].join('\n'));
    return;
  }
  if (values.only === 'lint' || values.only === 'rules') {
    // `rules` (issue 16, our rules' own cost) is the lint bench, whose last table prints that aim.
    console.log([...header, '## Lint and our rules\' own cost', '', formatLintBench(await runLintBench())].join('\n'));
    return;
  }
  const maps = values.maps === undefined ? (values.quick ? QUICK_MAPS : LADDER.at(-1)!) : Number(values.maps);
  if (!Number.isInteger(maps) || maps < 1 || maps > 100_000) throw new Error(`--maps must be an integer from 1 to 100000, not ${values.maps}`);
  const sizes = values.quick ? [maps] : [...LADDER.filter((s) => s < maps), maps];

  const missing = MAP_KINDS.filter((kind) => !existsSync(path.join(REPO_ROOT, 'processes/templates', `${kind}.bpmn`)));
  if (missing.length > 0) throw new Error(`processes/templates lacks ${missing.join(', ')}.bpmn: the server cannot start without them`);

  const started = performance.now();
  const results = await runStoreScale({
    sizes,
    revisionsPerMap: REVISIONS_PER_MAP,
    listRequests: 200,
    saveRequests: 100,
    limits: DEFAULT_LIMITS,
    progress: (line) => console.error(`[bench ${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`),
  });
  const elapsed = (performance.now() - started) / 1000;
  const login = values.only === 'store' ? undefined : await runLoginBench();
  const lint = values.only === 'store' ? undefined : await runLintBench();

  const limits = DEFAULT_LIMITS;
  console.log(
    [
      '## Store scale: our layout (metadata in lowdb, BPMN bodies as sha256 files) vs naive (XML inline in the lowdb document)',
      '',
      `Command: \`npm run bench${argv.length > 0 ? ` -- ${argv.join(' ')}` : ''}\` (in ${REPO_ROOT.replace(/\/$/, '')}), ${elapsed.toFixed(0)} s in all`,
      '',
      ...machineFacts(),
      '',
      formatStoreScale(results),
      '',
      formatAims(results),
      '',
      'Method: each server runs as a child process (`node --import tsx`), started once beforehand on an empty data directory so ' +
        "tsx's cache is warm. One sequential client on 127.0.0.1: one untimed warm-up list and save, then up to 200 × " +
        'GET /api/maps (the full list; time to the last byte) and up to 100 × POST /api/maps/:id/revisions of a new ~50 KB ' +
        `BPMN to a random map with the right baseRevision (loops stop at ${limits.list / 1000} s and ${limits.save / 1000} s; n says how many ran). ` +
        'RSS = VmRSS of the server after the requests; peak = VmHWM. Our store grows in one data directory from size to size ' +
        '(seed time = the maps added); the naive store is written afresh per size with its own lowdb JSONFile adapter. ' +
        `Limits: seeding ${limits.seedOurs / 1000} s (ours) / ${limits.seedNaive / 1000} s (naive), start-up ${limits.startup / 1000} s, each request ${limits.request / 1000} s.`,
      ...(login ? ['', '## Sign-in (one sequential client, real server in process)', '', formatLogin(login)] : []),
      ...(lint ? ['', '## Lint (in process)', '', formatLintBench(lint)] : []),
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
