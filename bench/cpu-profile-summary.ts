// Summarises a V8 CPU profile (`node --cpu-prof`) of one CLI run into shares of wall time: module loading and compiling,
// garbage collection, XML parsing, linting, idle (waiting: I/O, the loader thread), other. Usage:
// `tsx bench/cpu-profile-summary.ts FILE.cpuprofile… [--top N] [--median]` (--median: one table, the median share of
// each category over the files).
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';

interface CallFrame {
  functionName: string;
  url: string;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export const CATEGORIES = ['module loading / compile', 'garbage collection', 'parse (XML guard, moddle-xml)', 'lint (bpmnlint, our rules)', 'idle (waiting)', 'other'] as const;
export type Category = (typeof CATEGORIES)[number];

export interface ProfileSummary {
  totalMs: number;
  byCategory: Record<Category, number>;
  top: Array<{ frame: string; ms: number }>;
}

const isLoader = (f: CallFrame) =>
  /^node:internal\/(modules|bootstrap\/realm|vm)/.test(f.url) || /node_modules\/(tsx|esbuild|get-tsconfig)\//.test(f.url) || f.functionName === '(program)';
// By file where packages load from node_modules, by function name where they are bundled into dist/server chunks.
const isParse = (f: CallFrame) =>
  /node_modules\/(saxen|saxes|moddle-xml)\//.test(f.url) || /^(Reader\.fromXML|BpmnModdle\.fromXML|assertSafeBpmnXml)$/.test(f.functionName);
const isLint = (f: CallFrame) =>
  /node_modules\/(bpmnlint|bpmnlint-utils)\//.test(f.url) || /\/server\/lint\//.test(f.url) || /^(lintDefinitions|testRule|(OnePass)?Linter\d*\.\w+|walk)$/.test(f.functionName);

/**
 * Each sample's time goes to one category, by its stack: GC and idle by the leaf; otherwise module loading when the
 * stack runs under the module loader (import, compile, evaluation of module bodies), parse when under moddle-xml or
 * saxes, lint when under bpmnlint or our lint engine, else other. `(program)` (V8 compiling and native work outside
 * JavaScript) counts as loading: in a one-shot CLI it is almost all parse/compile of freshly loaded code.
 */
export function summariseProfile(profile: CpuProfile, topN = 15): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const classify = (id: number): Category => {
    const leaf = byId.get(id)!.callFrame;
    if (leaf.functionName === '(garbage collector)') return 'garbage collection';
    if (leaf.functionName === '(idle)') return 'idle (waiting)';
    const stack: CallFrame[] = [];
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) stack.push(byId.get(at)!.callFrame);
    if (stack.some(isLoader)) return 'module loading / compile';
    if (stack.some(isParse)) return 'parse (XML guard, moddle-xml)';
    if (stack.some(isLint)) return 'lint (bpmnlint, our rules)';
    return 'other';
  };
  const byCategory = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
  const self = new Map<string, number>();
  const cache = new Map<number, Category>();
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i]!;
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    let category = cache.get(id);
    if (!category) cache.set(id, (category = classify(id)));
    byCategory[category] += ms;
    const f = byId.get(id)!.callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*?\/(server|bench)\//, '$1/')}`;
    self.set(key, (self.get(key) ?? 0) + ms);
  }
  const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, topN).map(([frame, ms]) => ({ frame, ms }));
  return { totalMs: (profile.endTime - profile.startTime) / 1000, byCategory, top };
}

export function formatProfileSummary(summary: ProfileSummary): string {
  const share = (ms: number) => `${((100 * ms) / summary.totalMs).toFixed(1)} %`;
  return [
    `Profiled main thread: ${summary.totalMs.toFixed(0)} ms`,
    '',
    '| share | ms | category |',
    '|---:|---:|---|',
    ...CATEGORIES.map((c) => `| ${share(summary.byCategory[c])} | ${summary.byCategory[c].toFixed(0)} | ${c} |`),
    '',
    'Top self time:',
    '',
    ...summary.top.map((t) => `- ${t.ms.toFixed(1)} ms ${t.frame}`),
  ].join('\n');
}

/** The median over several profiles of each category's share, and of the profiled time. */
export function formatMedianShares(summaries: ProfileSummary[]): string {
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
  return [
    `Median of ${summaries.length} profiles; profiled main thread ${median(summaries.map((s) => s.totalMs)).toFixed(0)} ms (median)`,
    '',
    '| share (median) | shares of each profile | category |',
    '|---:|---|---|',
    ...CATEGORIES.map((c) => {
      const shares = summaries.map((s) => (100 * s.byCategory[c]) / s.totalMs);
      return `| ${median(shares).toFixed(1)} % | ${shares.map((x) => x.toFixed(1)).join(', ')} | ${c} |`;
    }),
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values, positionals } = parseArgs({ options: { top: { type: 'string', default: '15' }, median: { type: 'boolean' } }, allowPositionals: true });
  if (values.median) {
    const summaries = await Promise.all(positionals.map(async (file) => summariseProfile(JSON.parse(await readFile(file, 'utf8')) as CpuProfile)));
    console.log(formatMedianShares(summaries));
    process.exit(0);
  }
  for (const file of positionals) {
    console.log(`### ${file}\n`);
    console.log(formatProfileSummary(summariseProfile(JSON.parse(await readFile(file, 'utf8')) as CpuProfile, Number(values.top))));
    console.log();
  }
}
