// Where the lint worker's time goes per edit, in Node on the very XML the worker receives (docs/performance.md
// "Findings after an edit", fourth pass): the generated map of the findings bench, written lean by slicedXml as the
// modeller writes it, then parsed and linted N times; CPU time (process.cpuUsage) of each phase, and with RULES=1 each
// rule's own time (its factory and checks wrapped with timers). `tsx bench/lint-phases.ts [nodes] [lints]`
// (`--cpu-prof` on node for a profile of the loop).
import { performance } from 'node:perf_hooks';
import { generateBpmn } from './bpmn-generator';
import { BYTES_PER_NODE } from './lint-main-thread';
import { slicedXml, type XmlElement, type XmlModdle } from '../client/src/features/lint/slicedXml';
import { createModdle, parseBpmn } from '../server/bpmn/moddle';
import { lintDefinitions, ruleResolver } from '../server/lint/engine';
import { RECOMMENDED_RULE_TYPES } from '../server/lint/recommended-rules';
import { DEFAULT_PROFILE, Profile } from '../server/domain/vocabulary';

const nodes = Number(process.argv[2] ?? 2000);
const lints = Number(process.argv[3] ?? 20);

const ruleMs = new Map<string, number>();
if (process.env.RULES) {
  const timed = (name: string, fn: (...args: unknown[]) => unknown) => (...args: unknown[]) => {
    const start = performance.now();
    try {
      return fn(...args);
    } finally {
      ruleMs.set(name, (ruleMs.get(name) ?? 0) + performance.now() - start);
    }
  };
  const wrap = (table: Record<string, any>, name: string, key: string) => {
    const factory = table[key];
    table[key] = timed(name, (options: unknown) => {
      const rule = factory(options);
      const check = rule.check;
      if (typeof check === 'function') return { ...rule, check: timed(name, check) };
      return { ...rule, check: { ...(check.enter ? { enter: timed(name, check.enter) } : {}), ...(check.leave ? { leave: timed(name, check.leave) } : {}) } };
    });
  };
  // The engine's resolver holds the rule factories (`rule:bpmnlint/x`, `rule:bpmnlint-plugin-mk/x`).
  const cache = (ruleResolver as unknown as { cache: Record<string, unknown> }).cache;
  for (const key of Object.keys(cache)) wrap(cache, key.replace(/^rule:(bpmnlint-plugin-)?/, ''), key);
}

const cpu = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

const source = generateBpmn({ map: nodes, revision: 1, targetBytes: nodes * BYTES_PER_NODE + 3500 });
const moddle = createModdle();
const { rootElement } = await moddle.fromXML(source, 'bpmn:Definitions');
const xml = await slicedXml(moddle as unknown as XmlModdle, rootElement as unknown as XmlElement, { lean: true, pause: async () => undefined });
console.log(`${nodes} nodes: source ${(source.length / 1024).toFixed(0)} KB, lean ${(xml.length / 1024).toFixed(0)} KB, load ${(await import('node:os')).loadavg().map((l) => l.toFixed(2)).join(' ')}`);

// AB=1: every other lint calls every rule on every element (the one-walk linter's `ruleTypes` emptied), in the same
// process, so both see the same load; the lint's CPU of each is printed.
const ruleTypes = [...RECOMMENDED_RULE_TYPES];
const ab = { on: [] as number[], off: [] as number[] };
const totals = { parse: 0, lint: 0, wall: 0 };
let findings = 0;
for (let round = -3; round < lints; round++) {
  if (round === 0) ruleMs.clear();
  const off = Boolean(process.env.AB) && round % 2 !== 0;
  const table = RECOMMENDED_RULE_TYPES as Map<string, readonly string[]>;
  if (off) table.clear();
  else for (const [name, types] of ruleTypes) table.set(name, types);
  const wallStart = performance.now();
  const t0 = cpu();
  const { definitions } = await parseBpmn(xml, undefined, { ownWriting: true });
  const t1 = cpu();
  // As lintXml chooses: the map's sk:profile, else the default.
  const declared = Profile.safeParse(definitions.get('sk:profile'));
  const result = await lintDefinitions(definitions, declared.success ? declared.data : DEFAULT_PROFILE);
  const t2 = cpu();
  if (round < 0) continue;
  (off ? ab.off : ab.on).push(t2 - t1);
  totals.parse += t1 - t0;
  totals.lint += t2 - t1;
  totals.wall += performance.now() - wallStart;
  findings = result.length;
}
console.log(`per lint (CPU, mean of ${lints}): parse ${(totals.parse / lints).toFixed(1)} ms, lint ${(totals.lint / lints).toFixed(1)} ms; wall ${(totals.wall / lints).toFixed(1)} ms; ${findings} findings`);
if (process.env.AB) {
  const med = (list: number[]) => { const sorted = [...list].sort((a, b) => a - b); return `${sorted[sorted.length >> 1]!.toFixed(1)} (min ${sorted[0]!.toFixed(1)})`; };
  console.log(`lint CPU, median: rules called on their types only ${med(ab.on)} ms (${ab.on.length}), every rule on every element ${med(ab.off)} ms (${ab.off.length})`);
}
if (ruleMs.size) {
  const rows = [...ruleMs].sort((a, b) => b[1] - a[1]);
  const sum = rows.reduce((s, [, ms]) => s + ms, 0);
  console.log(`rules together ${(sum / lints).toFixed(1)} ms`);
  for (const [name, ms] of rows.slice(0, Number(process.env.TOP ?? 15))) console.log(`${(ms / lints).toFixed(2).padStart(8)} ms  ${name}`);
}
