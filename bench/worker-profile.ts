// Where the time of "edit → findings shown" goes (docs/performance.md "Findings after an edit"), on a generated map in
// the built modeller: `tsx bench/worker-profile.ts [nodes] [runs] [out-dir]`
// - by default: a CPU profile of the lint worker (CDP on the worker target) while it lints the diagram's XML posted
//   directly, its top functions by self time, then the same XML linted in this Node process, for comparison;
// - PROFILE_MAIN=1: label edits under a CPU profile of the page's main thread (self and inclusive times);
// - TRACE_MAIN=1: label edits under a Chromium performance trace, main-thread events summed by name (style, layout,
//   paint, tasks), with layout invalidations recorded for a closer look at the trace file.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openBenchMap, startBenchModeller } from './bench-modeller';
import { generateBpmn } from './bpmn-generator';
import { BYTES_PER_NODE, IMPORT_MAP, waitForLintDone } from './lint-main-thread';
import { lintXml } from '../server/lint/lint.service';

interface Frame { functionName: string; url: string; lineNumber: number }
interface Node { id: number; callFrame: Frame; children?: number[] }
interface Profile { nodes: Node[]; samples: number[]; timeDeltas: number[] }

function selfTimes(profile: Profile, top = 30): string {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, index) => {
    const node = byId.get(id)!;
    const dt = (profile.timeDeltas[index + 1] ?? 0) / 1000;
    total += dt;
    const key = `${node.callFrame.functionName || '(anonymous)'} ${path.basename(node.callFrame.url)}:${node.callFrame.lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + dt);
  });
  const rows = [...self].sort((a, b) => b[1] - a[1]).slice(0, top).map(([key, ms]) => `${ms.toFixed(1).padStart(8)} ms  ${key}`);
  return [`total ${total.toFixed(0)} ms`, ...rows].join('\n');
}

function inclusiveTimes(profile: Profile, top = 40): string {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const total = new Map<string, number>();
  profile.samples.forEach((id, index) => {
    const dt = (profile.timeDeltas[index + 1] ?? 0) / 1000;
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const node = byId.get(at)!;
      const key = `${node.callFrame.functionName || '(anonymous)'} ${path.basename(node.callFrame.url)}:${node.callFrame.lineNumber}`;
      if (seen.has(key)) continue;
      seen.add(key);
      total.set(key, (total.get(key) ?? 0) + dt);
    }
  });
  return [...total].sort((a, b) => b[1] - a[1]).slice(0, top).map(([key, ms]) => `${ms.toFixed(1).padStart(8)} ms  ${key}`).join('\n');
}

const EDIT = `(label) => new Promise((resolve) => {
  const { modeler } = window.petakerja;
  const durations = [];
  const observer = new PerformanceObserver((list) => { for (const entry of list.getEntries()) durations.push([entry.startTime, entry.duration]); });
  observer.observe({ type: 'longtask' });
  const task = modeler.get('elementRegistry').filter((e) => /Task$/.test(e.type))[0];
  const started = performance.now();
  const marks = [];
  let sawPending = false;
  const onChange = (state) => {
    marks.push([state.status, performance.now() - started]);
    if (state.status === 'pending') sawPending = true;
    if (!sawPending || state.status === 'pending') return;
    modeler.off('petakerja.lint.changed', onChange);
    const announced = performance.now() - started;
    requestAnimationFrame(() => setTimeout(() => {
      const shown = performance.now() - started;
      setTimeout(() => {
        for (const entry of observer.takeRecords()) durations.push([entry.startTime, entry.duration]);
        observer.disconnect();
        resolve({ announced, shown, marks, longTasks: durations.map(([s, d]) => [Math.round(s - started), Math.round(d)]) });
      }, 500);
    }, 0));
  };
  modeler.on('petakerja.lint.changed', onChange);
  modeler.get('modeling').updateLabel(task, label);
})`;

const nodes = Number(process.argv[2] ?? 2000);
const lints = Number(process.argv[3] ?? 3);
const out = process.argv[4] ?? '/tmp';
const { server, browser, session, mapId, close } = await startBenchModeller('worker-profile');
try {
  const page = await browser.newPage();
  await openBenchMap(page, { server, session, mapId }, 180_000);
  await waitForLintDone(page);
  const bigXml = generateBpmn({ map: nodes, revision: 1, targetBytes: nodes * BYTES_PER_NODE + 3500 });
  await page.evaluate(`(${IMPORT_MAP})(${JSON.stringify(bigXml)})`);
  await waitForLintDone(page);
  const xml = (await page.evaluate(`window.petakerja.modeler.saveXML({ format: false }).then((r) => r.xml)`)) as string;
  writeFileSync(path.join(out, `worker-profile-${nodes}.bpmn`), xml);
  if (process.env.TRACE_MAIN) {
    await page.evaluate(`(${EDIT})('warm')`);
    await waitForLintDone(page);
    const file = path.join(out, `trace-${nodes}.json`);
    await page.tracing.start({ path: file, categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-devtools.timeline.invalidationTracking', 'blink', 'v8'] });
    for (let i = 0; i < lints; i++) {
      console.log(JSON.stringify(await page.evaluate(`(${EDIT})('Memeriksa ${i}')`)));
      await waitForLintDone(page);
    }
    await page.tracing.stop();
    const { traceEvents } = JSON.parse(readFileSync(file, 'utf8')) as { traceEvents: Array<{ name: string; ph: string; dur?: number; tid: number; pid: number; args?: any }> };
    const mainTid = traceEvents.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && traceEvents.some((x) => x.pid === e.pid && x.name === 'UpdateLayoutTree'));
    const sums = new Map<string, { ms: number; n: number; max: number }>();
    for (const e of traceEvents) {
      if (e.ph !== 'X' || !mainTid || e.tid !== mainTid.tid || e.pid !== mainTid.pid) continue;
      const entry = sums.get(e.name) ?? { ms: 0, n: 0, max: 0 };
      entry.ms += (e.dur ?? 0) / 1000;
      entry.n++;
      entry.max = Math.max(entry.max, (e.dur ?? 0) / 1000);
      sums.set(e.name, entry);
    }
    for (const [name, { ms, n, max }] of [...sums].sort((a, b) => b[1].ms - a[1].ms).slice(0, 30)) console.log(`${ms.toFixed(1).padStart(9)} ms  ${String(n).padStart(6)}×  max ${max.toFixed(1).padStart(7)}  ${name}`);
    await close();
    process.exit(0);
  }
  if (process.env.PROFILE_MAIN) {
    const main = await page.createCDPSession();
    await main.send('Profiler.enable');
    await main.send('Profiler.setSamplingInterval', { interval: 200 });
    await page.evaluate(`(${EDIT})('warm')`);
    await waitForLintDone(page);
    await main.send('Profiler.start');
    for (let i = 0; i < lints; i++) {
      console.log(JSON.stringify(await page.evaluate(`(${EDIT})('Memeriksa ${i}')`)));
      await waitForLintDone(page);
    }
    const { profile } = (await main.send('Profiler.stop')) as unknown as { profile: Profile };
    writeFileSync(path.join(out, `main-${nodes}.cpuprofile`), JSON.stringify(profile));
    console.log(selfTimes(profile, 40));
    console.log('--- inclusive');
    console.log(inclusiveTimes(profile, 60));
    await close();
    process.exit(0);
  }
  const lintWorker = page.workers().find((w) => w.url().includes('lint.worker'));
  if (!lintWorker) throw new Error(`no lint worker among ${page.workers().map((w) => w.url()).join(', ')}`);
  const worker = (lintWorker as unknown as { client: import('puppeteer-core').CDPSession }).client;
  await worker.send('Profiler.enable');
  await worker.send('Profiler.setSamplingInterval', { interval: 200 });
  const times: number[] = [];
  const LINT = `(async (xml) => { const { modeler } = window.petakerja; const backend = modeler.get('lintBackend'); const t = performance.now(); const r = await backend.lint(xml, modeler.get('lintScheduler').getProfile()); return [performance.now() - t, r.findings.length]; })`;
  for (let i = 0; i < 2; i++) await page.evaluate(`${LINT}(${JSON.stringify(xml)})`);
  await worker.send('Profiler.start');
  let findings = 0;
  for (let i = 0; i < lints; i++) {
    const [ms, count] = (await page.evaluate(`${LINT}(${JSON.stringify(xml)})`)) as [number, number];
    times.push(ms);
    findings = count;
  }
  const { profile } = (await worker.send('Profiler.stop')) as unknown as { profile: Profile };
  writeFileSync(path.join(out, `worker-${nodes}.cpuprofile`), JSON.stringify(profile));
  console.log(`worker lint of ${(xml.length / 1024).toFixed(0)} KB: ${times.map((t) => t.toFixed(0)).join(' / ')} ms, ${findings} findings`);
  // The worker's own CPU: its samples that were not idle (waiting for the next request), per lint.
  const idle = new Set(profile.nodes.filter((node) => node.callFrame.functionName === '(idle)').map((node) => node.id));
  const busy = profile.samples.reduce((sum, id, index) => (idle.has(id) ? sum : sum + (profile.timeDeltas[index + 1] ?? 0) / 1000), 0);
  console.log(`worker CPU (samples not idle) per lint: ${(busy / lints).toFixed(1)} ms`);
  console.log(selfTimes(profile));
  const nodeTimes: number[] = [];
  for (let i = 0; i < lints + 2; i++) {
    const t = performance.now();
    const result = await lintXml(xml);
    nodeTimes.push(performance.now() - t);
    findings = result.findings.length;
  }
  console.log(`node lint of the same XML: ${nodeTimes.map((t) => t.toFixed(0)).join(' / ')} ms, ${findings} findings`);
} finally {
  await close();
}
