// Listing-after-a-save benchmark (issue 16, listing aim): GET /api/maps right after a revision save, through the real
// server, at 5,000, 10,000 and 20,000 maps: the first page the list view asks for, a filtered page and the whole listing,
// each beside the anchor of the same run: the same request again at once, answered from what the first one left.
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { ProcessMap } from '../server/store/records';
import { MAP_LIST_PAGE_SIZE } from '../client/src/pages/map-list/mapListPaging';
import { generateBpmn, prng } from './bpmn-generator';
import { percentiles, seedOurs, signIn, startChild, stopChild, type Percentiles } from './store-scale';

export interface ListingBenchOptions {
  sizes: number[];
  /** Save → list rounds per size (each list followed by the same list again, its anchor). */
  rounds: number;
  progress: (line: string) => void;
}

/** One request of the listing, measured right after each save and again at once (its cached anchor). */
export interface ListingView {
  key: 'page' | 'filtered' | 'whole';
  label: string;
  path: string;
}

/** The unit of the filtered page: one of store-scale's seeded units (about a fifteenth of the maps). */
const FILTER_UNIT = 'Dinas Kesehatan';

export const LISTING_VIEWS: readonly ListingView[] = [
  { key: 'page', label: `first page, ${MAP_LIST_PAGE_SIZE} maps (the list view)`, path: `/api/maps?limit=${MAP_LIST_PAGE_SIZE}&offset=0` },
  { key: 'filtered', label: `first page of one unit (?unit=${FILTER_UNIT})`, path: `/api/maps?${new URLSearchParams({ unit: FILTER_UNIT, limit: String(MAP_LIST_PAGE_SIZE), offset: '0' })}` },
  { key: 'whole', label: 'whole listing (no limit: CLI, hierarchy)', path: '/api/maps' },
];

export interface ViewRow {
  key: ListingView['key'];
  bytes: number;
  /** The request right after a save changed the listing. */
  afterSave: Percentiles;
  /** The anchor: the same request again at once (same route, middleware and bytes; nothing changed in between). */
  cached: Percentiles;
  /** The server's main-thread CPU time per request (/proc/<pid>/schedstat), mean ms: far less sensitive to load than wall time. */
  cpuAfterSave: number;
  cpuCached: number;
}

export interface ListingRow {
  maps: number;
  views: ViewRow[];
  /** The server's main-thread CPU per save (XML validation runs on a worker thread and is not counted). */
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
  const get = async (p: string): Promise<{ ms: number; cpu: number; bytes: number }> => {
    const cpu0 = cpuMs(pid);
    const t0 = performance.now();
    const response = await request(p);
    const body = await response.arrayBuffer();
    const ms = performance.now() - t0;
    const cpu = cpuMs(pid) - cpu0;
    if (response.status !== 200) throw new Error(`GET ${p} answered ${response.status}`);
    return { ms, cpu, bytes: body.byteLength };
  };

  const first = await request('/api/maps');
  const { items } = (await first.json()) as { items: ProcessMap[] };
  if (items.length !== maps) throw new Error(`GET /api/maps listed ${items.length} maps, expected ${maps}`);
  for (const view of LISTING_VIEWS.filter((v) => v.key !== 'whole')) {
    const page = (await (await request(view.path)).json()) as { items: ProcessMap[]; total: number };
    if (page.total === 0 || page.items.length !== Math.min(MAP_LIST_PAGE_SIZE, page.total)) throw new Error(`GET ${view.path}: ${page.items.length} items of ${page.total}`);
  }
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
    for (const view of LISTING_VIEWS) {
      await get(view.path);
      await get(view.path);
    }
  }
  saveCpu.length = 0;
  const saves: number[] = [];
  const samples = LISTING_VIEWS.map(() => ({ afterSave: [] as number[], cached: [] as number[], cpuAfterSave: [] as number[], cpuCached: [] as number[], bytes: 0 }));
  for (let i = 0; i < rounds; i++) {
    saves.push(await save());
    // Each view keeps its own cached answer: its first request after the save finds it outdated, whatever came before.
    // The views take turns at going first, so none always meets the save's aftermath (GC, the fsyncs' write-back).
    for (let k = 0; k < LISTING_VIEWS.length; k++) {
      const v = (i + k) % LISTING_VIEWS.length;
      const path = LISTING_VIEWS[v]!.path;
      const sample = samples[v]!;
      const changed = await get(path);
      sample.afterSave.push(changed.ms);
      sample.cpuAfterSave.push(changed.cpu);
      sample.bytes = changed.bytes;
      // The anchor, right after in the same load: the same request again, nothing changed in between.
      const again = await get(path);
      sample.cached.push(again.ms);
      sample.cpuCached.push(again.cpu);
    }
  }
  return {
    maps,
    views: LISTING_VIEWS.map((view, v) => {
      const sample = samples[v]!;
      return {
        key: view.key,
        bytes: sample.bytes,
        afterSave: percentiles(sample.afterSave),
        cached: percentiles(sample.cached),
        cpuAfterSave: mean(sample.cpuAfterSave),
        cpuCached: mean(sample.cpuCached),
      };
    }),
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
const size = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${(bytes / 1024).toFixed(0)} KB`);
/** log(t3/t1)/log(n3/n1) between the first and the last size. */
const exponent = (rows: ListingRow[], value: (r: ListingRow) => number) => {
  const [a, b] = [rows[0]!, rows.at(-1)!];
  return rows.length < 2 ? NaN : Math.log(value(b) / value(a)) / Math.log(b.maps / a.maps);
};
const viewOf = (row: ListingRow, key: ListingView['key']) => row.views.find((v) => v.key === key)!;

export function formatListingBench({ rows, loadStart, loadEnd }: ListingBenchResult): string {
  const last = rows.at(-1);
  const lines = [
    `Load average at start: ${loadStart}; at end: ${loadEnd} (\`cat /proc/loadavg\`).`,
    '',
    '| maps | request | body | after a save p50 / p95 (n) | anchor: the same again p50 / p95 | ratio p95 | aim | met | server CPU per request, after a save / again (ratio) |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of rows) {
    for (const view of LISTING_VIEWS) {
      const v = viewOf(r, view.key);
      const isAim = r === last && view.key === 'page';
      lines.push(
        `| ${r.maps.toLocaleString('en-US')} | ${view.label} | ${size(v.bytes)} | ${ms(v.afterSave.p50)} / ${ms(v.afterSave.p95)} ms (${v.afterSave.n}) | ` +
          `${ms(v.cached.p50)} / ${ms(v.cached.p95)} ms | ${(v.afterSave.p95 / v.cached.p95).toFixed(2)}× | ${isAim ? `p95 ≤ ${LISTING_AIM_MS} ms` : '–'} | ` +
          `${isAim ? (v.afterSave.p95 <= LISTING_AIM_MS ? 'met' : 'not met') : '–'} | ${ms(v.cpuAfterSave)} / ${ms(v.cpuCached)} ms (${(v.cpuAfterSave / v.cpuCached).toFixed(2)}×) |`,
      );
    }
  }
  lines.push('', '| maps | save p50 / p95 | server CPU per save | seeding |', '|---|---|---|---|');
  for (const r of rows) lines.push(`| ${r.maps.toLocaleString('en-US')} | ${ms(r.save.p50)} / ${ms(r.save.p95)} ms | ${ms(r.cpuSave)} ms | ${r.seedSeconds.toFixed(0)} s |`);
  if (rows.length >= 2) {
    lines.push('', `Growth exponents ${rows[0]!.maps.toLocaleString('en-US')} → ${last!.maps.toLocaleString('en-US')} maps (log(t3/t1)/log(n3/n1); aim ≤ 1, no faster than linear):`);
    for (const view of LISTING_VIEWS) {
      const e = (value: (v: ViewRow) => number) => exponent(rows, (r) => value(viewOf(r, view.key))).toFixed(2);
      lines.push(
        `- ${view.label}: after a save p95 ${e((v) => v.afterSave.p95)}, p50 ${e((v) => v.afterSave.p50)}, server CPU ${e((v) => v.cpuAfterSave)}; ` +
          `anchor p95 ${e((v) => v.cached.p95)}, server CPU ${e((v) => v.cpuCached)}.`,
      );
    }
  }
  lines.push(
    '',
    'Method: one data directory grown from size to size (seedOurs of store-scale.ts, straight through the store: one revision per ' +
      'map, one small body); at each size the real server (`node --import tsx server/cli.ts serve`) in a child process and ' +
      'one sequential client on 127.0.0.1 signed in as the bench admin. Untimed warm-up of 5 rounds, then per round: POST ' +
      '/api/maps/:id/revisions of a new ~50 KB BPMN to a random map, then each request in turn (which goes first rotates ' +
      'round by round), timed to the last byte right after the save (the listing changed, so its cached answer is outdated) ' +
      'and again at once (the anchor: same route, middleware and body with nothing changed, so the difference is what the ' +
      "change costs). The aim row is the page the list view asks for. Server CPU: the server's main-thread time on CPU " +
      '(/proc/<pid>/schedstat) across each request, averaged; it excludes time spent waiting for a core, so it stays ' +
      'meaningful when the machine is loaded.',
  );
  return lines.join('\n');
}
