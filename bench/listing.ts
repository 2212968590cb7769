// Listing-after-a-save benchmark (issue 16, listing aim): GET /api/maps right after a revision save, through the real
// server, at 5,000, 10,000 and 20,000 maps, beside the anchor of the same run: a cached GET of the same listing.
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { ProcessMap } from '../server/store/records';
import { generateBpmn, prng } from './bpmn-generator';
import { percentiles, seedOurs, signIn, startChild, stopChild, type Percentiles } from './store-scale';

export interface ListingBenchOptions {
  sizes: number[];
  /** Save → list pairs per size (each followed by one cached list, the anchor). */
  rounds: number;
  progress: (line: string) => void;
}

export interface ListingRow {
  maps: number;
  listBytes: number;
  /** GET /api/maps right after a save changed the listing. */
  afterSave: Percentiles;
  /** The anchor: the same GET again, answered from the cache (same route, middleware and bytes). */
  cached: Percentiles;
  /** The server's main-thread CPU time per request (/proc/<pid>/schedstat), mean ms: far less sensitive to load than wall time. */
  cpuAfterSave: number;
  cpuCached: number;
  /** The same for each save (XML validation runs on a worker thread and is not counted). */
  cpuSave: number;
  save: Percentiles;
  seedSeconds: number;
}

export interface ListingBenchResult {
  rows: ListingRow[];
  loadStart: string;
  loadEnd: string;
}

export const LISTING_AIM_MS = 20;
const SEED_LIMIT_MS = 900_000;
const loadavg = () => readFileSync('/proc/loadavg', 'utf8').trim();
/** CPU time of the process's main thread so far, in ms. */
const cpuMs = (pid: number) => Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

/** Every seeded map's revision is one small BPMN: the listing reads metadata only, and seeding stays fast. */
const SEED_BODY = generateBpmn({ map: 0, revision: 1, targetBytes: 2_000 });

async function measure(url: string, pid: number, maps: number, rounds: number, seed: number): Promise<Omit<ListingRow, 'seedSeconds'>> {
  const session = await signIn(url);
  const request = (p: string, init: RequestInit = {}) =>
    fetch(url + p, { ...init, headers: { ...(init.headers as Record<string, string>), cookie: session.cookie, 'x-csrf-token': session.csrfToken } });
  const list = async (): Promise<{ ms: number; cpu: number; bytes: number }> => {
    const cpu0 = cpuMs(pid);
    const t0 = performance.now();
    const response = await request('/api/maps');
    const body = await response.arrayBuffer();
    const ms = performance.now() - t0;
    const cpu = cpuMs(pid) - cpu0;
    if (response.status !== 200) throw new Error(`GET /api/maps answered ${response.status}`);
    return { ms, cpu, bytes: body.byteLength };
  };

  const first = await request('/api/maps');
  const { items } = (await first.json()) as { items: ProcessMap[] };
  if (items.length !== maps) throw new Error(`GET /api/maps listed ${items.length} maps, expected ${maps}`);
  const ids = items.map((m) => m.id).sort();
  const current = new Map(items.map((m) => [m.id, m.currentRevision]));
  const random = prng(seed);
  let revision = 1000 * seed;
  const saveCpu: number[] = [];
  const save = async (): Promise<number> => {
    const index = Math.floor(random() * ids.length);
    const id = ids[index]!;
    const body = JSON.stringify({ xml: generateBpmn({ map: index, revision: revision++ }), baseRevision: current.get(id), message: 'Perbaikan dari benchmark' });
    const cpu0 = cpuMs(pid);
    const t0 = performance.now();
    const response = await request(`/api/maps/${id}/revisions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const text = await response.text();
    const ms = performance.now() - t0;
    saveCpu.push(cpuMs(pid) - cpu0);
    if (response.status !== 201) throw new Error(`POST revision answered ${response.status}: ${text.slice(0, 200)}`);
    current.set(id, (JSON.parse(text) as { map: ProcessMap }).map.currentRevision);
    return ms;
  };

  // Warm-up, untimed: a few rounds so the server's code paths are compiled.
  for (let i = 0; i < 5; i++) {
    await save();
    await list();
    await list();
  }
  saveCpu.length = 0;
  const saves: number[] = [];
  const afterSave: number[] = [];
  const cached: number[] = [];
  const cpuAfterSave: number[] = [];
  const cpuCached: number[] = [];
  let listBytes = 0;
  for (let i = 0; i < rounds; i++) {
    saves.push(await save());
    const changed = await list();
    afterSave.push(changed.ms);
    cpuAfterSave.push(changed.cpu);
    listBytes = changed.bytes;
    // The anchor, right after in the same load: the same listing from the cache.
    const again = await list();
    cached.push(again.ms);
    cpuCached.push(again.cpu);
  }
  return {
    maps,
    listBytes,
    afterSave: percentiles(afterSave),
    cached: percentiles(cached),
    cpuAfterSave: mean(cpuAfterSave),
    cpuCached: mean(cpuCached),
    cpuSave: mean(saveCpu),
    save: percentiles(saves),
  };
}

export async function runListingBench(options: ListingBenchOptions): Promise<ListingBenchResult> {
  const loadStart = loadavg();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'petakerja-bench-listing-'));
  const ids: string[] = [];
  const rows: ListingRow[] = [];
  try {
    for (const [step, maps] of options.sizes.entries()) {
      options.progress(`${maps} maps: seeding`);
      const started = performance.now();
      await seedOurs(dir, ids, maps, 1, Date.now() + SEED_LIMIT_MS, () => SEED_BODY);
      const seedSeconds = (performance.now() - started) / 1000;
      options.progress(`${maps} maps: seeded in ${seedSeconds.toFixed(0)} s; measuring`);
      const child = await startChild(['server/cli.ts', 'serve', '--port', '0', '--data', dir], 120_000);
      try {
        rows.push({ ...(await measure(child.url, child.process.pid!, maps, options.rounds, step + 1)), seedSeconds });
      } finally {
        await stopChild(child.process);
      }
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return { rows, loadStart, loadEnd: loadavg() };
}

const ms = (v: number) => (v < 10 ? v.toFixed(1) : v.toFixed(0));
/** log(t3/t1)/log(n3/n1) between the first and the last size. */
const exponent = (rows: ListingRow[], value: (r: ListingRow) => number) => {
  const [a, b] = [rows[0]!, rows.at(-1)!];
  return rows.length < 2 ? NaN : Math.log(value(b) / value(a)) / Math.log(b.maps / a.maps);
};

export function formatListingBench({ rows, loadStart, loadEnd }: ListingBenchResult): string {
  const last = rows.at(-1);
  const lines = [
    `Load average at start: ${loadStart}; at end: ${loadEnd} (\`cat /proc/loadavg\`).`,
    '',
    '| maps | body | list after a save p50 / p95 (n) | anchor: cached list p50 / p95 | ratio p95 | aim | met | server CPU per list, after a save / cached (ratio) | save p50 / p95 (server CPU) |',
    '|---|---|---|---|---|---|---|---|---|',
    ...rows.map((r) => {
      const aim = r === last ? `p95 ≤ ${LISTING_AIM_MS} ms` : '–';
      const met = r === last ? (r.afterSave.p95 <= LISTING_AIM_MS ? 'met' : 'not met') : '–';
      return (
        `| ${r.maps.toLocaleString('en-US')} | ${(r.listBytes / 1024 / 1024).toFixed(1)} MB | ${ms(r.afterSave.p50)} / ${ms(r.afterSave.p95)} ms (${r.afterSave.n}) | ` +
        `${ms(r.cached.p50)} / ${ms(r.cached.p95)} ms | ${(r.afterSave.p95 / r.cached.p95).toFixed(2)}× | ${aim} | ${met} | ` +
        `${ms(r.cpuAfterSave)} / ${ms(r.cpuCached)} ms (${(r.cpuAfterSave / r.cpuCached).toFixed(2)}×) | ${ms(r.save.p50)} / ${ms(r.save.p95)} ms (${ms(r.cpuSave)} ms) |`
      );
    }),
  ];
  if (rows.length >= 2) {
    const e95 = exponent(rows, (r) => r.afterSave.p95);
    const e50 = exponent(rows, (r) => r.afterSave.p50);
    const a95 = exponent(rows, (r) => r.cached.p95);
    const eCpu = exponent(rows, (r) => r.cpuAfterSave);
    const aCpu = exponent(rows, (r) => r.cpuCached);
    lines.push(
      '',
      `Growth exponent ${rows[0]!.maps.toLocaleString('en-US')} → ${last!.maps.toLocaleString('en-US')} maps (log(t3/t1)/log(n3/n1)): ` +
        `list after a save p95 ${e95.toFixed(2)}, p50 ${e50.toFixed(2)}, server CPU ${eCpu.toFixed(2)}; anchor p95 ${a95.toFixed(2)}, server CPU ${aCpu.toFixed(2)}. ` +
        `Aim: ≤ 1 (no faster than linear) — ${e95 <= 1 ? 'met' : 'not met'} on p95, ${eCpu <= 1 ? 'met' : 'not met'} on server CPU.`,
    );
  }
  lines.push(
    '',
    'Method: one data directory grown from size to size (seedOurs of store-scale.ts, straight through the store: one revision per ' +
      'map, one small body); at each size the real server (`node --import tsx server/cli.ts serve`) in a child process and ' +
      'one sequential client on 127.0.0.1 signed in as the bench admin. Untimed warm-up of 5 rounds, then per round: POST ' +
      '/api/maps/:id/revisions of a new ~50 KB BPMN to a random map, GET /api/maps (the whole listing, time to the last byte: ' +
      'the listing changed, so it is assembled anew), and GET /api/maps again (the anchor: same route, middleware and body, ' +
      'answered from the cache, so the difference is the cost of assembling the listing after a change). Server CPU: the ' +
      "server's main-thread time on CPU (/proc/<pid>/schedstat) across each request, averaged; it excludes time spent waiting " +
      'for a core, so it stays meaningful when the machine is loaded.',
  );
  return lines.join('\n');
}
