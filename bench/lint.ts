// Lint time for generated maps of 100, 500 and 2,000 flow elements, side by side with bpmn-moddle parsing alone
// and bpmnlint's recommended rules alone; and the whole processes/ library. "Ours" is what lintDefinitions does: the
// recommended rules too, plus our mk/ and sop/ rules, the map model they share and the citations of each finding — so
// the rules aim (issue 16) compares parse + (recommended + ours) against parse + recommended, the anchor.
import { readFile, readdir } from 'node:fs/promises';
import { loadavg } from 'node:os';
import path from 'node:path';
import recommended from 'bpmnlint/config/recommended';
import { Linter } from 'bpmnlint';
import StaticResolver from 'bpmnlint/lib/resolver/static-resolver';
import { allElements, createModdle } from '../server/bpmn/moddle';
import type { Profile } from '../server/domain/vocabulary';
import { lintDefinitions } from '../server/lint/engine';
import { RECOMMENDED_RULES } from '../server/lint/recommended-rules';
import { growthExponent } from './stats';
import { generateBpmn } from './bpmn-generator';
import { percentiles, REPO_ROOT } from './store-scale';

const median = (samples: number[]) => percentiles(samples).p50;

/** The generator writes about this many bytes per flow element (nodes and sequence flows, with their DI). */
const BYTES_PER_ELEMENT = 500;
const SIZES = [100, 500, 2000];

export interface LintBenchRow {
  elements: number;
  kilobytes: number;
  runs: number;
  parseMs: number;
  recommendedMs: number;
  oursMs: number;
  /** The same three in CPU time of this process (process.cpuUsage): steadier than wall time when other work shares the cores. */
  cpu: { parseMs: number; recommendedMs: number; oursMs: number };
}

const recommendedOnly = new Linter({
  resolver: new StaticResolver(Object.fromEntries(Object.entries(RECOMMENDED_RULES).map(([n, r]) => [`rule:bpmnlint/${n}`, r]))),
  config: { rules: recommended.rules },
});

const cpuMs = (since: NodeJS.CpuUsage) => {
  const { user, system } = process.cpuUsage(since);
  return (user + system) / 1000;
};

async function parse(xml: string) {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const { rootElement } = await createModdle().fromXML(xml, 'bpmn:Definitions');
  return { definitions: rootElement, ms: performance.now() - started, cpuMs: cpuMs(cpu) };
}

/** Wall and CPU time of one run. */
async function time(run: () => Promise<unknown>): Promise<{ ms: number; cpuMs: number }> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  await run();
  return { ms: performance.now() - started, cpuMs: cpuMs(cpu) };
}

/** Issue 16: parse + ours at most 1.15 × parse + recommended at 2,000 elements. */
export const RULES_AIM = 1.15;

export interface LintBenchResult {
  rows: LintBenchRow[];
  library: { files: number; ms: number };
  /** `cat /proc/loadavg` before and after the runs. */
  load: { start: string; end: string };
}

async function loadAverage(): Promise<string> {
  try {
    return (await readFile('/proc/loadavg', 'utf8')).trim();
  } catch {
    return loadavg().map((x) => x.toFixed(2)).join(' ');
  }
}

export async function runLintBench(profile: Profile = 'nasional'): Promise<LintBenchResult> {
  const start = await loadAverage();
  const rows: LintBenchRow[] = [];
  for (const size of SIZES) {
    const xml = generateBpmn({ map: size, revision: 1, targetBytes: size * BYTES_PER_ELEMENT });
    const counted = await parse(xml);
    const elements = [...allElements(counted.definitions)].filter((e) => e.$instanceOf('bpmn:FlowElement')).length;
    const runs = size >= 2000 ? 7 : 15;
    const parseMs: number[] = [];
    const recommendedMs: number[] = [];
    const oursMs: number[] = [];
    const cpu = { parseMs: [] as number[], recommendedMs: [] as number[], oursMs: [] as number[] };
    // Warm-up, then each run parses afresh: linting completes flow references in place.
    for (let i = -1; i < runs; i++) {
      const a = await parse(xml);
      const b = await parse(xml);
      const r = await time(() => recommendedOnly.lint(a.definitions));
      const o = await time(() => lintDefinitions(b.definitions, profile));
      if (i < 0) continue;
      parseMs.push(a.ms);
      recommendedMs.push(r.ms);
      oursMs.push(o.ms);
      cpu.parseMs.push(a.cpuMs);
      cpu.recommendedMs.push(r.cpuMs);
      cpu.oursMs.push(o.cpuMs);
    }
    rows.push({
      elements,
      kilobytes: Buffer.byteLength(xml) / 1024,
      runs,
      parseMs: median(parseMs),
      recommendedMs: median(recommendedMs),
      oursMs: median(oursMs),
      cpu: { parseMs: median(cpu.parseMs), recommendedMs: median(cpu.recommendedMs), oursMs: median(cpu.oursMs) },
    });
  }
  const dir = path.join(REPO_ROOT, 'processes');
  const files = (await readdir(dir, { recursive: true })).filter((f) => f.endsWith('.bpmn'));
  const started = performance.now();
  for (const file of files) {
    const { definitions } = await parse(await readFile(path.join(dir, file), 'utf8'));
    await lintDefinitions(definitions, profile);
  }
  return { rows, library: { files: files.length, ms: performance.now() - started }, load: { start, end: await loadAverage() } };
}

const signed = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(0)}`;

export function formatLintBench({ rows, library, load }: LintBenchResult): string {
  const ms = (x: number) => `${x.toFixed(x < 10 ? 1 : 0)} ms`;
  const lines = [
    '| flow elements | XML | parse (bpmn-moddle) | bpmnlint recommended | ours (recommended + mk rules) | parse + ours vs parse + recommended | runs |',
    '|---|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.elements} | ${r.kilobytes.toFixed(0)} KB | ${ms(r.parseMs)} | ${ms(r.recommendedMs)} | ${ms(r.oursMs)} | ` +
        `${signed(((r.parseMs + r.oursMs) / (r.parseMs + r.recommendedMs) - 1) * 100)}% | ${r.runs} |`,
    ),
    '',
    `Whole processes/ library: ${library.files} maps parsed and linted in ${ms(library.ms)}.`,
    'Medians; lint times exclude parsing; each run lints a freshly parsed model. "Ours" runs the recommended rules too.',
    '',
    formatRulesAim({ rows, library, load }),
  ];
  return lines.join('\n');
}

/** The rules aim of issue 16, per size: parse + ours against the anchor parse + recommended, measured in the same runs. */
export function formatRulesAim({ rows, load }: LintBenchResult): string {
  const ms = (x: number) => `${x.toFixed(x < 10 ? 1 : 0)} ms`;
  const exponent = (time: (row: LintBenchRow) => number) => growthExponent(rows.map((r) => [r.elements, time(r)])).toFixed(2);
  const lines = [
    '| flow elements | parse + ours | anchor: parse + recommended | ratio | aim | met | our rules alone (ours − recommended) | ratio in CPU time |',
    '|---|---|---|---|---|---|---|---|',
    ...rows.map((r) => {
      const ratio = (r.parseMs + r.oursMs) / (r.parseMs + r.recommendedMs);
      const cpuRatio = (r.cpu.parseMs + r.cpu.oursMs) / (r.cpu.parseMs + r.cpu.recommendedMs);
      return (
        `| ${r.elements} | ${ms(r.parseMs + r.oursMs)} | ${ms(r.parseMs + r.recommendedMs)} | ${ratio.toFixed(2)} | ≤ ${RULES_AIM} | ` +
        `${ratio <= RULES_AIM ? 'met' : 'not met'} | ${ms(r.oursMs - r.recommendedMs)} | ${cpuRatio.toFixed(2)} |`
      );
    }),
    '',
    `Growth exponent log(t3/t1)/log(n3/n1) from ${rows[0]!.elements} to ${rows.at(-1)!.elements} elements: ours ${exponent((r) => r.oursMs)}, ` +
      `recommended ${exponent((r) => r.recommendedMs)}, parse + ours ${exponent((r) => r.parseMs + r.oursMs)}, parse + recommended ${exponent((r) => r.parseMs + r.recommendedMs)}.`,
    `The aim is at ${rows.at(-1)!.elements} elements; the smaller sizes are shown for the trend. Wall-time medians decide "met"; ` +
      'the CPU-time ratio (user + system time of this process over the same runs) is the steadier figure when the machine is busy.',
    `Load average (\`cat /proc/loadavg\`): ${load.start} at start, ${load.end} at end.`,
  ];
  return lines.join('\n');
}
