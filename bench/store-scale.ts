// Store-scale benchmark: list/save latency, RSS and start-up of the real server on our layout and on the naive inline-XML layout.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MapKind } from '../server/domain/vocabulary';
import { BlobStore, sha256 } from '../server/store/blob-store';
import { hashPassword } from '../server/accounts/password';
import { openLowdbAccountStore } from '../server/store/lowdb-account-store';
import { BLOB_DIR, MAP_DIR, mapDocumentPath } from '../server/store/lowdb-map-store';
import { MapDocument, type ProcessMap, type Revision } from '../server/store/records';
import { ValidatedJsonFile } from '../server/store/validated-json-file';
import { generateBpmn, prng } from './bpmn-generator';
import { NAIVE_FILE, emptyNaiveDocument, naiveAdapter, type InlineRevision, type NaiveDocument } from './naive-inline-store';

export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

export type Layout = 'ours' | 'naive';

export interface StoreScaleOptions {
  /** Store sizes in maps, ascending; each is run on both layouts. */
  sizes: number[];
  revisionsPerMap: number;
  listRequests: number;
  saveRequests: number;
  limits: StepLimits;
  progress: (line: string) => void;
}

/** Time limits in ms; a request loop stops early at its limit and reports how many requests it made. */
export interface StepLimits {
  seedOurs: number;
  seedNaive: number;
  startup: number;
  list: number;
  save: number;
  request: number;
}

export const DEFAULT_LIMITS: StepLimits = {
  seedOurs: 180_000,
  seedNaive: 90_000,
  startup: 60_000,
  list: 30_000,
  save: 40_000,
  request: 30_000,
};

export interface Percentiles {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export interface StepResult {
  layout: Layout;
  maps: number;
  revisions: number;
  /** Seconds spent writing the store before the server starts (ours: only the maps added since the previous size). */
  seedSeconds?: number;
  /** Size of the lowdb metadata on disk: ours, all per-map documents together; naive, its one document. */
  documentBytes?: number;
  /** Spawn of the child process to its "berjalan di" line. */
  startupMs?: number;
  /** The server's own "siap dalam N ms" (store open, templates, listen). */
  readyMs?: number;
  listBytes?: number;
  list?: Percentiles;
  /** The full list right after a save changed it: never served from the listing cache. */
  listAfterSave?: Percentiles;
  save?: Percentiles;
  rssMb?: number;
  peakRssMb?: number;
  failure?: string;
  notes: string[];
}

const UNITS = [
  'Dinas Kesehatan', 'Dinas Pendidikan', 'Dinas Kependudukan dan Pencatatan Sipil', 'Badan Kepegawaian dan Pengembangan SDM',
  'Dinas Penanaman Modal dan PTSP', 'Bappeda', 'Badan Keuangan Daerah', 'Dinas Pekerjaan Umum dan Penataan Ruang',
  'Dinas Sosial', 'Dinas Perhubungan', 'Dinas Lingkungan Hidup', 'Sekretariat Daerah', 'Inspektorat', 'Satpol PP',
  'Dinas Pertanian', 'Dinas Pariwisata', 'Dinas Komunikasi dan Informatika', 'Kecamatan Negara', 'Kecamatan Mendoyo', 'RSUD',
];
const CHILD_KINDS: MapKind[] = ['subproses', 'lintas-fungsi', 'mekanisme-kerja', 'relasi'];
const MAPS_PER_GROUP = 50;
const BASE_TIME = Date.UTC(2025, 0, 6, 1, 0, 0);
const SEED_BATCH_MAPS = 16;

class StepTimeout extends Error {}

function checkDeadline(deadline: number, what: string): void {
  if (Date.now() > deadline) throw new StepTimeout(`${what} exceeded its time limit`);
}

/** Deterministic metadata of seeded map `i`: every 50th map is a top-level process, the others its children. */
export function seededMap(i: number, ids: string[], revisions: number): { map: ProcessMap; revisionTimes: string[] } {
  const group = Math.floor(i / MAPS_PER_GROUP);
  const child = i % MAPS_PER_GROUP;
  const created = BASE_TIME + i * 61_000;
  const revisionTimes = Array.from({ length: revisions }, (_, r) => new Date(created + r * 3_600_000).toISOString());
  const unit = UNITS[group % UNITS.length]!;
  const parentId = child === 0 ? undefined : ids[group * MAPS_PER_GROUP];
  const map: ProcessMap = {
    id: ids[i]!,
    code: child === 0 ? `${group + 1}` : `${group + 1}.${child}`,
    name: child === 0 ? `Proses layanan ${unit} ${group + 1}` : `Prosedur ${child} layanan ${unit}`,
    kind: child === 0 ? 'proses' : CHILD_KINDS[i % CHILD_KINDS.length]!,
    level: child === 0 ? 0 : 1,
    ...(parentId ? { parentId } : {}),
    unit,
    profile: 'nasional',
    createdAt: revisionTimes[0]!,
    updatedAt: revisionTimes[revisions - 1]!,
    currentRevision: revisions,
  };
  return { map, revisionTimes };
}

export const seedRevision = (n: number, hash: string, createdAt: string): Revision => ({
  n,
  sha256: hash,
  author: 'bench-seed',
  createdAt,
  message: n === 1 ? 'Peta dibuat' : `Perbaikan ke-${n - 1}`,
});

/**
 * Grows our store in `dir` from its current maps to `target` maps, through the store's own BlobStore and ValidatedJsonFile.
 * `bodyOf`: each revision's BPMN (a generated ~50 KB map by default; benches of metadata may give one body for all).
 */
export async function seedOurs(
  dir: string,
  ids: string[],
  target: number,
  revisions: number,
  deadline: number,
  bodyOf: (map: number, revision: number) => string = (map, revision) => generateBpmn({ map, revision }),
): Promise<void> {
  const blobs = new BlobStore(path.join(dir, BLOB_DIR));
  await mkdir(path.join(dir, MAP_DIR), { recursive: true });
  const from = ids.length;
  // The bench's account first: a data directory with maps and no account does not start (first-run setup is for an
  // empty directory only, docs/security.md).
  if (from === 0) {
    const accounts = await openLowdbAccountStore(dir);
    if ((await accounts.countUsers()) === 0) {
      const passwordHash = await hashPassword(BENCH_USER.password);
      await accounts.createUser({ username: BENCH_USER.username, name: BENCH_USER.name, jabatan: '', unit: '', roles: ['admin', 'penyusun'], disabled: false, passwordHash });
    }
    await accounts.close();
  }
  while (ids.length < target) ids.push(randomUUID());
  for (let start = from; start < target; start += SEED_BATCH_MAPS) {
    checkDeadline(deadline, `seeding ${target} maps`);
    const batch = Array.from({ length: Math.min(SEED_BATCH_MAPS, target - start) }, (_, k) => start + k);
    await Promise.all(
      batch.map(async (i) => {
        const { map, revisionTimes } = seededMap(i, ids, revisions);
        const hashes = await Promise.all(revisionTimes.map((_, r) => blobs.put(bodyOf(i, r + 1))));
        const doc: MapDocument = {
          format: 'petakerja-map',
          version: 1,
          map,
          revisions: hashes.map((h, r) => seedRevision(r + 1, h, revisionTimes[r]!)),
        };
        await new ValidatedJsonFile(mapDocumentPath(dir, map.id), MapDocument).write(MapDocument.parse(doc));
      }),
    );
  }
}

/** Total size of our metadata: the per-map lowdb documents. */
async function metadataBytes(dir: string): Promise<number> {
  const names = await readdir(path.join(dir, MAP_DIR));
  const sizes = await Promise.all(names.map((name) => fileSize(path.join(dir, MAP_DIR, name))));
  return sizes.reduce<number>((a, b) => a + (b ?? 0), 0);
}

/** Writes the naive layout's one document (all XML inline) with its own lowdb adapter. */
async function seedNaive(dir: string, target: number, revisions: number, deadline: number): Promise<void> {
  const doc: NaiveDocument = emptyNaiveDocument();
  const ids = Array.from({ length: target }, () => randomUUID());
  for (let i = 0; i < target; i++) {
    if (i % SEED_BATCH_MAPS === 0) checkDeadline(deadline, `seeding ${target} maps`);
    const { map, revisionTimes } = seededMap(i, ids, revisions);
    doc.maps.push(map);
    doc.revisions[map.id] = revisionTimes.map((createdAt, r): InlineRevision => {
      const xml = generateBpmn({ map: i, revision: r + 1 });
      return { ...seedRevision(r + 1, '', createdAt), sha256: sha256(xml), xml };
    });
  }
  await naiveAdapter(dir).write(doc);
}

export interface Child {
  process: ChildProcess;
  url: string;
  startupMs: number;
  readyMs: number;
}

/** Spawns a server and waits for its listening line; rejects with its exit code and last stderr line otherwise. */
export function startChild(args: string[], limitMs: number): Promise<Child> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NODE_ENV: 'production' },
    });
    let stdout = '';
    let stderr = '';
    let settled = false;
    const timer = setTimeout(() => {
      finish(new StepTimeout(`no listening line within ${limitMs / 1000} s`));
      child.kill('SIGKILL');
    }, limitMs);
    const finish = (error: Error | undefined, value?: Child) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) reject(error);
      else resolve(value!);
    };
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const match = /berjalan di (http:\/\/127\.0\.0\.1:\d+) .*siap dalam (\d+) ms/.exec(stdout);
      if (match) {
        finish(undefined, { process: child, url: match[1]!, startupMs: performance.now() - started, readyMs: Number(match[2]) });
      }
    });
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-4000);
    });
    child.once('exit', (code, signal) => {
      const lines = stderr.split('\n').map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('at '));
      const reason = lines.find((l) => /Error|error:/.test(l)) ?? lines.at(-1) ?? 'no output';
      finish(new Error(`server exited (${signal ?? `code ${code}`}) before listening: ${reason}`));
    });
  });
}

export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

export async function memoryOf(pid: number): Promise<{ rssMb: number; peakRssMb: number }> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMb: kb('VmRSS') / 1024, peakRssMb: kb('VmHWM') / 1024 };
}

export function percentiles(samples: number[]): Percentiles {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
  return { n: sorted.length, p50: rank(50), p95: rank(95), p99: rank(99), max: sorted.at(-1) ?? NaN };
}

interface ListedMaps {
  items: ProcessMap[];
}

export const BENCH_USER = { username: 'bench', password: 'bench-kata-sandi', name: 'Bench' };

/** Signs in as the bench's account (seedOurs creates it; first-run setup where a store has none). */
export async function signIn(url: string): Promise<{ cookie: string; csrfToken: string }> {
  const { needed } = (await (await fetch(`${url}/api/setup`)).json()) as { needed: boolean };
  const response = await fetch(`${url}/api/${needed ? 'setup' : 'session'}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(needed ? BENCH_USER : { username: BENCH_USER.username, password: BENCH_USER.password }),
  });
  if (!response.ok) throw new Error(`signing in answered ${response.status}: ${await response.text()}`);
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { cookie: response.headers.getSetCookie()[0]!.split(';')[0]!, csrfToken };
}

/** One client, sequential: the full list `count` times, then `saves` new revisions to random maps with the right baseRevision. */
async function measureRequests(url: string, step: number, options: StoreScaleOptions, result: StepResult): Promise<void> {
  const { limits } = options;
  const session = await signIn(url);
  const request = (p: string, init: RequestInit = {}) =>
    fetch(url + p, {
      ...init,
      headers: { ...(init.headers as Record<string, string>), cookie: session.cookie, 'x-csrf-token': session.csrfToken },
      signal: AbortSignal.timeout(limits.request),
    });

  // Warm-up, not timed: one list (also gives every map's current revision) and one save.
  const first = await request('/api/maps');
  if (first.status !== 200) throw new Error(`GET /api/maps answered ${first.status}`);
  const listed = (await first.json()) as ListedMaps;
  if (listed.items.length !== result.maps) throw new Error(`GET /api/maps listed ${listed.items.length} maps, expected ${result.maps}`);
  const ids = listed.items.map((m) => m.id).sort();
  const current = new Map(listed.items.map((m) => [m.id, m.currentRevision]));

  const random = prng(step + 1);
  let revisionSeed = 1000 + step * 1000;
  const save = async (): Promise<number> => {
    const index = Math.floor(random() * ids.length);
    const id = ids[index]!;
    const body = JSON.stringify({
      xml: generateBpmn({ map: index, revision: revisionSeed++ }),
      baseRevision: current.get(id),
      message: 'Perbaikan dari benchmark',
    });
    const t0 = performance.now();
    const response = await request(`/api/maps/${id}/revisions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    const text = await response.text();
    const elapsed = performance.now() - t0;
    if (response.status !== 201) throw new Error(`POST revision answered ${response.status}: ${text.slice(0, 200)}`);
    current.set(id, (JSON.parse(text) as { map: ProcessMap }).map.currentRevision);
    return elapsed;
  };
  await save();

  const list = async (): Promise<number> => {
    const t0 = performance.now();
    const response = await request('/api/maps');
    const body = await response.arrayBuffer();
    const elapsed = performance.now() - t0;
    if (response.status !== 200) throw new Error(`GET /api/maps answered ${response.status}`);
    result.listBytes = body.byteLength;
    return elapsed;
  };

  const listTimes: number[] = [];
  const listDeadline = Date.now() + limits.list;
  for (let i = 0; i < options.listRequests && Date.now() < listDeadline; i++) listTimes.push(await list());
  result.list = percentiles(listTimes);
  if (listTimes.length < options.listRequests) result.notes.push(`list stopped at the ${limits.list / 1000} s limit`);

  // Each save changes the listing, so the list right after it is built afresh (a cache miss), as users see after edits.
  const saveTimes: number[] = [];
  const listAfterSaveTimes: number[] = [];
  const saveDeadline = Date.now() + limits.save;
  for (let i = 0; i < options.saveRequests && Date.now() < saveDeadline; i++) {
    saveTimes.push(await save());
    listAfterSaveTimes.push(await list());
  }
  result.save = percentiles(saveTimes);
  result.listAfterSave = percentiles(listAfterSaveTimes);
  if (saveTimes.length < options.saveRequests) result.notes.push(`saves stopped at the ${limits.save / 1000} s limit`);
}

const errorText = (error: unknown) =>
  error instanceof Error ? `${error.name === 'Error' || error instanceof StepTimeout ? '' : `${error.name}: `}${error.message}` : String(error);

/** Starts the server of `layout` on `dir`, measures it, stops it; failures are recorded in `result`, never thrown. */
async function measureServer(layout: Layout, dir: string, step: number, options: StoreScaleOptions, result: StepResult): Promise<void> {
  const args =
    layout === 'ours'
      ? ['server/cli.ts', 'serve', '--port', '0', '--data', dir]
      : ['bench/naive-server.ts', '--port', '0', '--data', dir];
  let child: Child;
  try {
    child = await startChild(args, options.limits.startup);
  } catch (error) {
    result.failure = `start-up fails: ${errorText(error)}`;
    return;
  }
  result.startupMs = child.startupMs;
  result.readyMs = child.readyMs;
  try {
    await measureRequests(child.url, step, options, result);
    Object.assign(result, await memoryOf(child.process.pid!));
  } catch (error) {
    result.failure = `requests fail: ${errorText(error)}`;
  } finally {
    await stopChild(child.process);
  }
}

async function fileSize(file: string): Promise<number | undefined> {
  return stat(file).then((s) => s.size, () => undefined);
}

/** Starts each server once on an empty data directory, so tsx's transform cache is warm for the measured start-ups. */
async function warmUp(options: StoreScaleOptions): Promise<void> {
  for (const args of [['server/cli.ts', 'serve'], ['bench/naive-server.ts']]) {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'petakerja-bench-warm-'));
    try {
      const child = await startChild([...args, '--port', '0', '--data', dir], options.limits.startup);
      await stopChild(child.process);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
}

export async function runStoreScale(options: StoreScaleOptions): Promise<StepResult[]> {
  const results: StepResult[] = [];
  const oursDir = await mkdtemp(path.join(os.tmpdir(), 'petakerja-bench-ours-'));
  const oursIds: string[] = [];
  let naiveFailedAt: number | undefined;
  try {
    options.progress('warm-up: starting each server once on an empty data directory');
    await warmUp(options);
    for (const [step, maps] of options.sizes.entries()) {
      const revisions = maps * options.revisionsPerMap;

      const ours: StepResult = { layout: 'ours', maps, revisions, notes: [] };
      results.push(ours);
      options.progress(`ours, ${maps} maps: seeding`);
      const seedStart = performance.now();
      try {
        await seedOurs(oursDir, oursIds, maps, options.revisionsPerMap, Date.now() + options.limits.seedOurs);
        ours.seedSeconds = (performance.now() - seedStart) / 1000;
        ours.documentBytes = await metadataBytes(oursDir);
        options.progress(`ours, ${maps} maps: measuring`);
        await measureServer('ours', oursDir, step * 2, options, ours);
      } catch (error) {
        ours.failure = `seeding fails: ${errorText(error)}`;
      }
      options.progress(`ours, ${maps} maps: ${ours.failure ?? 'done'}`);

      const naive: StepResult = { layout: 'naive', maps, revisions, notes: [] };
      results.push(naive);
      if (naiveFailedAt !== undefined) {
        naive.failure = `not run: fails already at ${naiveFailedAt.toLocaleString('en-US')} maps`;
        continue;
      }
      const naiveDir = await mkdtemp(path.join(os.tmpdir(), 'petakerja-bench-naive-'));
      try {
        options.progress(`naive, ${maps} maps: seeding`);
        const naiveSeedStart = performance.now();
        try {
          await seedNaive(naiveDir, maps, options.revisionsPerMap, Date.now() + options.limits.seedNaive);
          naive.seedSeconds = (performance.now() - naiveSeedStart) / 1000;
          naive.documentBytes = await fileSize(path.join(naiveDir, NAIVE_FILE));
        } catch (error) {
          naive.failure = `seeding fails: ${errorText(error)}`;
        }
        if (!naive.failure) {
          options.progress(`naive, ${maps} maps: measuring`);
          await measureServer('naive', naiveDir, step * 2 + 1, options, naive);
        }
      } finally {
        await rm(naiveDir, { recursive: true, force: true });
      }
      if (naive.failure) naiveFailedAt = maps;
      options.progress(`naive, ${maps} maps: ${naive.failure ?? 'done'}`);
    }
  } finally {
    await rm(oursDir, { recursive: true, force: true });
  }
  return results;
}

const ms = (v: number | undefined) => (v === undefined || Number.isNaN(v) ? '–' : v < 10 ? v.toFixed(1) : v.toFixed(0));
const mb = (bytes: number | undefined) => (bytes === undefined ? '–' : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

export function formatStoreScale(results: StepResult[]): string {
  const rows = [
    '| layout | maps × revisions | lowdb metadata (all files) | seed | start-up (spawn → listening) | server "siap dalam" | list body | list p50 / p95 / p99 (n) | list after a save p50 / p95 / p99 (n) | save p50 / p95 / p99 (n) | RSS after | peak RSS | result |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of results) {
    const pair = (p: Percentiles | undefined) => (p ? `${ms(p.p50)} / ${ms(p.p95)} / ${ms(p.p99)} ms (${p.n})` : '–');
    rows.push(
      `| ${r.layout} | ${r.maps.toLocaleString('en-US')} × ${r.revisions / r.maps} | ${mb(r.documentBytes)} | ` +
        `${r.seedSeconds === undefined ? '–' : `${r.seedSeconds.toFixed(1)} s`} | ${ms(r.startupMs)}${r.startupMs === undefined ? '' : ' ms'} | ` +
        `${ms(r.readyMs)}${r.readyMs === undefined ? '' : ' ms'} | ${r.listBytes === undefined ? '–' : `${(r.listBytes / 1024).toFixed(0)} KB`} | ` +
        `${pair(r.list)} | ${pair(r.listAfterSave)} | ${pair(r.save)} | ${r.rssMb === undefined ? '–' : `${r.rssMb.toFixed(0)} MB`} | ` +
        `${r.peakRssMb === undefined ? '–' : `${r.peakRssMb.toFixed(0)} MB`} | ${[r.failure ?? 'ok', ...r.notes].join('; ')} |`,
    );
  }
  return rows.join('\n');
}

export interface Aim {
  label: string;
  limit: number;
  unit: string;
  value: (r: StepResult) => number | undefined;
}

export const AIMS: Aim[] = [
  { label: 'list p95', limit: 50, unit: 'ms', value: (r) => r.list?.p95 },
  { label: 'list p95 right after a save (uncached)', limit: 50, unit: 'ms', value: (r) => r.listAfterSave?.p95 },
  { label: 'save p95', limit: 100, unit: 'ms', value: (r) => r.save?.p95 },
  { label: 'RSS', limit: 300, unit: 'MB', value: (r) => r.rssMb },
  { label: 'start-up', limit: 3000, unit: 'ms', value: (r) => r.startupMs },
];

export function formatAims(results: StepResult[]): string {
  const largest = results.filter((r) => r.layout === 'ours').at(-1);
  if (!largest) return '';
  const parts = AIMS.map((aim) => {
    const v = aim.value(largest);
    const verdict = v === undefined ? 'not measured' : v < aim.limit ? 'met' : `MISSED by ${(v - aim.limit).toFixed(0)} ${aim.unit}`;
    return `- ${aim.label} < ${aim.limit} ${aim.unit}: ${v === undefined ? '–' : `${v.toFixed(v < 10 ? 1 : 0)} ${aim.unit}`} — ${verdict}`;
  });
  return [`Aims, ours at ${largest.maps.toLocaleString('en-US')} maps × ${largest.revisions / largest.maps} revisions:`, ...parts].join('\n');
}
