// CLI benchmark (`npm run bench -- --only cli`): whole-process wall time of the compiled CLI (dist/server/cli.js) beside
// its anchor, measured in the same run with the runs interleaved so both see the same machine load:
// - `lint` of one generated map of 100, 500 and 2,000 flow elements vs bpmnlint's own CLI (`.bpmnlintrc` extending
//   bpmnlint:recommended) on the same file; aim ≤ 1.2×;
// - `help` vs a bare `node -e 0`; aim < 150 ms;
// - `sop --out .pdf` of 10-, 40- and 120-activity maps vs `chromium --headless --print-to-pdf` of the HTML our renderer
//   makes for the same map (`sop --out .html`); aim ≤ 1.2×;
// and one CPU profile of `lint` at 2,000 elements (bench/cpu-profile-summary.ts). CPU time (user + sys, /usr/bin/time)
// is shown beside the wall time: on a loaded machine it moves less.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { CHROMIUM_ARGS, DEFAULT_CHROMIUM } from '../server/sop/pdf/launch-chromium';
import { generateBpmn } from './bpmn-generator';
import { formatProfileSummary, summariseProfile } from './cpu-profile-summary';
import { sopBenchBpmn } from './sop-pdf';
import { growthExponent, median } from './stats';
import { REPO_ROOT } from './store-scale';

const ROOT = REPO_ROOT.replace(/\/$/, '');
const CLI = path.join(ROOT, 'dist/server/cli.js');
const BPMNLINT = path.join(ROOT, 'node_modules/.bin/bpmnlint');
const LINT_SIZES = [100, 500, 2000];
const SOP_SIZES = [10, 40, 120];
/** The generator writes about this many bytes per flow element (as bench/lint.ts). */
const BYTES_PER_ELEMENT = 500;
const RATIO_AIM = 1.2;
const HELP_AIM_MS = 150;

interface Timing {
  wallMs: number;
  cpuMs: number;
}

interface Sample {
  ours: Timing;
  anchor: Timing;
}

export interface CliBenchRow {
  work: string;
  size: number;
  runs: number;
  ours: Timing;
  anchor: Timing;
}

export interface CliBenchResult {
  loadStart: string;
  loadEnd: string;
  lint: CliBenchRow[];
  help: CliBenchRow;
  sop: CliBenchRow[];
  profile: string;
  commands: string[];
}

const loadavg = async () => (await readFile('/proc/loadavg', 'utf8')).trim();
/** One process to completion under /usr/bin/time: its wall time here, its user + sys CPU time from time(1). */
function timed(command: string, args: string[], cwd: string, timesFile: string): Timing {
  const started = performance.now();
  const run = spawnSync('/usr/bin/time', ['-f', '%U %S', '-o', timesFile, command, ...args], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const wallMs = performance.now() - started;
  if (run.error || run.signal || (run.status !== 0 && run.status !== 1)) {
    throw new Error(`${command} ${args.join(' ')} failed (${run.status ?? run.signal}): ${run.stderr || run.error}`);
  }
  const [user, sys] = execFileSync('tail', ['-n', '1', timesFile], { encoding: 'utf8' }).trim().split(' ').map(Number);
  return { wallMs, cpuMs: ((user ?? 0) + (sys ?? 0)) * 1000 };
}

/** `runs` interleaved pairs after one warm-up pair; medians of each side. */
function pairs(runs: number, ours: () => Timing, anchor: () => Timing): { ours: Timing; anchor: Timing } {
  const samples: Sample[] = [];
  for (let i = -1; i < runs; i++) {
    // Alternate which side goes first, so neither always runs right after the other's file reads.
    const pair = i % 2 === 0 ? { ours: ours(), anchor: anchor() } : (({ anchor: a, ours: o }) => ({ ours: o, anchor: a }))({ anchor: anchor(), ours: ours() });
    if (i >= 0) samples.push(pair);
  }
  const pick = (side: 'ours' | 'anchor') => ({ wallMs: median(samples.map((s) => s[side].wallMs)), cpuMs: median(samples.map((s) => s[side].cpuMs)) });
  return { ours: pick('ours'), anchor: pick('anchor') };
}

export async function runCliBench(options: { runs?: number; progress?: (line: string) => void } = {}): Promise<CliBenchResult> {
  const runs = Math.max(5, options.runs ?? 5);
  const progress = options.progress ?? (() => undefined);
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/build-server.mjs'), '--if-needed'], { cwd: ROOT, stdio: 'inherit' });
  if (!existsSync(DEFAULT_CHROMIUM)) throw new Error(`Chromium not found at ${DEFAULT_CHROMIUM}`);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'petakerja-bench-cli-'));
  const times = path.join(dir, 'times.txt');
  const loadStart = await loadavg();
  try {
    await writeFile(path.join(dir, '.bpmnlintrc'), JSON.stringify({ extends: 'bpmnlint:recommended' }));
    const lint: CliBenchRow[] = [];
    for (const size of LINT_SIZES) {
      const file = path.join(dir, `map-${size}.bpmn`);
      await writeFile(file, generateBpmn({ map: size, revision: 1, targetBytes: size * BYTES_PER_ELEMENT }));
      progress(`lint ${size}`);
      const medians = pairs(
        runs,
        () => timed(process.execPath, [CLI, 'lint', file], dir, times),
        () => timed(BPMNLINT, [path.basename(file)], dir, times),
      );
      lint.push({ work: 'lint', size, runs, ...medians });
    }
    progress('help');
    const help: CliBenchRow = {
      work: 'help',
      size: 0,
      runs,
      ...pairs(
        runs,
        () => timed(process.execPath, [CLI, 'help'], dir, times),
        () => timed(process.execPath, ['-e', '0'], dir, times),
      ),
    };
    const sop: CliBenchRow[] = [];
    for (const activities of SOP_SIZES) {
      const bpmn = path.join(dir, `sop-${activities}.bpmn`);
      const html = path.join(dir, `sop-${activities}.html`);
      await writeFile(bpmn, sopBenchBpmn(activities));
      timed(process.execPath, [CLI, 'sop', bpmn, '--out', html], dir, times);
      progress(`sop ${activities}`);
      const medians = pairs(
        Math.max(5, Math.ceil(runs / 2)),
        () => timed(process.execPath, [CLI, 'sop', bpmn, '--out', path.join(dir, 'ours.pdf')], dir, times),
        () =>
          timed(
            DEFAULT_CHROMIUM,
            ['--headless', ...CHROMIUM_ARGS, '--no-pdf-header-footer', `--print-to-pdf=${path.join(dir, 'anchor.pdf')}`, `file://${html}`],
            dir,
            times,
          ),
      );
      sop.push({ work: 'sop', size: activities, runs: Math.max(5, Math.ceil(runs / 2)), ...medians });
    }
    progress('CPU profile of lint at 2,000');
    const profileDir = path.join(dir, 'profile');
    timed(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, CLI, 'lint', path.join(dir, 'map-2000.bpmn')], dir, times);
    const [profileFile] = await readdir(profileDir);
    const profile = formatProfileSummary(summariseProfile(JSON.parse(await readFile(path.join(profileDir, profileFile!), 'utf8'))));
    return {
      loadStart,
      loadEnd: await loadavg(),
      lint,
      help,
      sop,
      profile,
      commands: [
        `ours: node dist/server/cli.js lint map-N.bpmn | anchor: node_modules/.bin/bpmnlint map-N.bpmn (cwd with .bpmnlintrc {"extends":"bpmnlint:recommended"})`,
        'ours: node dist/server/cli.js help | anchor: node -e 0',
        `ours: node dist/server/cli.js sop sop-N.bpmn --out ours.pdf | anchor: ${DEFAULT_CHROMIUM} --headless ${CHROMIUM_ARGS.join(' ')} --no-pdf-header-footer --print-to-pdf=anchor.pdf file://…/sop-N.html (the HTML of \`sop --out sop-N.html\`)`,
      ],
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const exponent = (rows: CliBenchRow[], side: 'ours' | 'anchor') => growthExponent(rows.map((r) => [r.size, r[side].wallMs]));

const ms = (t: Timing) => `${t.wallMs.toFixed(0)} ms (CPU ${t.cpuMs.toFixed(0)})`;

function ratioTable(title: string, unit: string, anchorName: string, rows: CliBenchRow[]): string[] {
  const lines = [
    `### ${title}`,
    '',
    `| ${unit} | runs | ours | ${anchorName} | ratio (wall) | ratio (CPU) | aim | met |`,
    '|---:|---:|---:|---:|---:|---:|---|---|',
  ];
  for (const row of rows) {
    const ratio = row.ours.wallMs / row.anchor.wallMs;
    lines.push(
      `| ${row.size.toLocaleString('en')} | ${row.runs} | ${ms(row.ours)} | ${ms(row.anchor)} | ${ratio.toFixed(2)}× | ${(row.ours.cpuMs / row.anchor.cpuMs).toFixed(2)}× | ≤ ${RATIO_AIM}× | ${ratio <= RATIO_AIM ? 'met' : 'not met'} |`,
    );
  }
  lines.push('', `Growth exponent (wall, ${rows[0]!.size} → ${rows.at(-1)!.size}): ours ${exponent(rows, 'ours').toFixed(2)}, ${anchorName} ${exponent(rows, 'anchor').toFixed(2)}.`, '');
  return lines;
}

export function formatCliBench(result: CliBenchResult): string {
  const { help } = result;
  return [
    `Load average at start: \`${result.loadStart}\`; at end: \`${result.loadEnd}\`.`,
    '',
    'Medians of interleaved runs after one warm-up pair; wall time of the whole process, CPU = user + sys of /usr/bin/time.',
    '',
    ...ratioTable('lint of one map vs bpmnlint CLI', 'flow elements', 'bpmnlint CLI', result.lint),
    '### help',
    '',
    '| runs | ours | node -e 0 | ratio (wall) | aim | met |',
    '|---:|---:|---:|---:|---|---|',
    `| ${help.runs} | ${ms(help.ours)} | ${ms(help.anchor)} | ${(help.ours.wallMs / help.anchor.wallMs).toFixed(2)}× | < ${HELP_AIM_MS} ms | ${help.ours.wallMs < HELP_AIM_MS ? 'met' : 'not met'} |`,
    '',
    ...ratioTable('sop --out PDF vs chromium --print-to-pdf of the same HTML', 'activities', 'chromium --print-to-pdf', result.sop),
    '### CPU profile of `node --cpu-prof dist/server/cli.js lint map-2000.bpmn` (one run)',
    '',
    result.profile,
    '',
    'Commands:',
    '',
    ...result.commands.map((c) => `- ${c}`),
  ].join('\n');
}
