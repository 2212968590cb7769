// The province bench (issue 18, "Measure"): PostgreSQL holding a province — 20 pemda × 2,500 maps × 5 revisions, each
// revision its own real body (bench/province-seed.ts) — beside the embedded store holding one pemda's 2,500 maps × 5.
// On each: `serve` start-up (spawn → listening line, and "siap dalam") and RSS; over HTTP with a signed-in session one
// unit's listing and the bureau's (all units), p50/p95; a save, p50/p95; the repository lint of one pemda through the
// CLI (`lint --repository`, whole process, aim < 10 s). On PostgreSQL also one instance vs two on the same database:
// requests per second of one unit's listing from closed-loop clients in a separate process (bench/province-load.ts),
// with the CPU time per request of the servers, PostgreSQL and the load generator.
//
// The seeded stores are kept between runs in a fixed directory per size under the system's temp dir
// ($TMPDIR/petakerja-province-bench/<pemda>-pemda-<maps>-maps) and seeded again only when SEED_VERSION differs. PostgreSQL runs without fsync while seeding, then is restarted durable (fsync,
// synchronous commit) for every measurement.
//   npm run bench -- --only province [--scale 0.1]      (or PETAKERJA_PROVINCE_SCALE=0.1; 1 = the full province)
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { hashPassword } from '../server/accounts/password';
import { openPostgresStore } from '../server/store/postgres/open-postgres-store';
import { DEFAULT_PEMDA } from '../server/store/pemda';
import { openEmbeddedStore } from '../server/store/store';
import { startTestPostgres, type TestPostgres } from '../test/helpers/postgres-server';
import { bodyOf, importPemda, pemdaMaps, PROVINCE_UNITS } from './province-seed';
import { BENCH_USER, memoryOf, percentiles, REPO_ROOT, signIn, startChild, stopChild, type Child, type Percentiles } from './store-scale';

/** Bump when the seeded content changes: a kept directory of another version is seeded again. */
const SEED_VERSION = 2;
const FULL = { pemda: 20, maps: 2500, revisions: 5 };
export const PROVINCE_LINT_AIM_MS = 10_000;
const UNIT = PROVINCE_UNITS[0]!;
const DATABASE = 'province';

export interface ProvinceOptions {
  /** 1 = 20 pemda × 2,500 maps; 0.1 = 2 pemda × 250 maps (pemda and maps per pemda both scaled, at least 2 and 40). */
  scale: number;
  /** Seconds of each one-vs-two-instances run. */
  loadSeconds?: number;
  concurrency?: number;
  progress?: (line: string) => void;
}

interface StoreRow {
  store: string;
  holds: string;
  seedS: number;
  diskMb: number;
  startupMs: number;
  readyMs: number;
  rssMb: number;
  unitList: Percentiles;
  bureauList: Percentiles;
  save: Percentiles;
  /** postgresCpuMs: the PostgreSQL server's CPU time during the lint (PostgreSQL only). */
  lint: { wallMs: number; cpuMs: number; maxRssMb: number; maps: number; findings: number; postgresCpuMs?: number; againWallMs?: number };
}

interface LoadRow {
  run: string;
  rps: number;
  p50: number;
  p95: number;
  serverCpuPerRequestMs: number;
  postgresCpuPerRequestMs: number;
  clientCpuPerRequestMs: number;
}

export interface ProvinceResult {
  pemda: number;
  maps: number;
  revisions: number;
  loadStart: string;
  loadEnd: string;
  rows: StoreRow[];
  second: { startupMs: number; readyMs: number; rssMb: number };
  load: LoadRow[];
  concurrency: number;
  loadSeconds: number;
}

const run = promisify(execFile);
const load = () => os.loadavg().map((l) => l.toFixed(1)).join(' / ');
const CLI = path.join(REPO_ROOT, 'dist/server/cli.js');

const pemdaId = (p: number) => (p === 0 ? DEFAULT_PEMDA : `kab-${String(p).padStart(2, '0')}`);

/** utime + stime of a process (and, with `reaped`, cutime + cstime: its children that have exited), from /proc. */
async function cpuMsOf(pid: number, reaped = false): Promise<number> {
  const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1]!.split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]) + (reaped ? Number(fields[13]) + Number(fields[14]) : 0);
  return (ticks * 1000) / 100;
}

/**
 * CPU time of the PostgreSQL server: the postmaster with its exited children (a CLI's backends end with it) and its
 * running children (backends of the servers' pools, writers), from /proc.
 */
async function postgresCpuMs(data: string): Promise<number> {
  const postmaster = Number((await readFile(path.join(data, 'postmaster.pid'), 'utf8')).split('\n')[0]);
  const children = (await readFile(`/proc/${postmaster}/task/${postmaster}/children`, 'utf8')).trim().split(/\s+/).filter(Boolean).map(Number);
  const times = await Promise.all([cpuMsOf(postmaster, true), ...children.map((pid) => cpuMsOf(pid).catch(() => 0))]);
  return times.reduce((a, b) => a + b, 0);
}

async function duMb(dir: string): Promise<number> {
  const { stdout } = await run('du', ['-sb', dir]);
  return Number(stdout.split('\t')[0]) / 1024 ** 2;
}

interface Marker {
  version: number;
  pemda: number;
  maps: number;
  revisions: number;
  seedS: { embedded: number; postgres: number };
}

async function seedEmbedded(dir: string, maps: number, revisions: number): Promise<void> {
  const store = await openEmbeddedStore(dir);
  try {
    await store.accounts.createUser({ username: BENCH_USER.username, name: BENCH_USER.name, jabatan: '', unit: '', roles: ['admin', 'penyusun'], disabled: false, passwordHash: await hashPassword(BENCH_USER.password) });
    await importPemda(store.maps, 0, pemdaMaps(0, maps, revisions), revisions);
  } finally {
    await store.close();
  }
}

/** Seeds every pemda (the first is the default one; the others kabupaten of one provinsi, which holds no maps). */
async function seedPostgres(url: string, pemda: number, maps: number, revisions: number, progress: (line: string) => void): Promise<void> {
  const store = await openPostgresStore(url);
  try {
    await store.accounts.createUser({ username: BENCH_USER.username, name: BENCH_USER.name, jabatan: '', unit: '', roles: ['admin', 'penyusun'], disabled: false, passwordHash: await hashPassword(BENCH_USER.password) });
    await store.pemdas.add({ id: 'prov-bench', name: 'Provinsi Bench', kind: 'provinsi', province: null });
    for (let p = 0; p < pemda; p++) {
      const started = performance.now();
      if (p > 0) await store.pemdas.add({ id: pemdaId(p), name: `Kabupaten Bench ${p}`, kind: 'kabupaten', province: 'prov-bench' });
      const seeds = pemdaMaps(p, maps, revisions);
      const bytes = await importPemda(store.forPemda(pemdaId(p)).maps, p, seeds, revisions);
      progress(`pemda ${p + 1}/${pemda}: ${seeds.length} maps, ${(bytes / 1024 ** 2).toFixed(0)} MB of bodies in ${((performance.now() - started) / 1000).toFixed(1)} s; load ${load()}`);
    }
  } finally {
    await store.close();
  }
}

async function timedLint(args: string[]): Promise<StoreRow['lint']> {
  const timesFile = path.join(os.tmpdir(), `petakerja-province-time-${process.pid}`);
  const started = performance.now();
  const child = spawn('/usr/bin/time', ['-f', '%U %S %M', '-o', timesFile, process.execPath, CLI, 'lint', '--repository', '--format', 'json', ...args], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
  child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  const wallMs = performance.now() - started;
  if (code !== 0 && code !== 1) throw new Error(`lint --repository exited ${code}: ${stderr.slice(-2000)}`);
  const [user, sys, maxKb] = (await readFile(timesFile, 'utf8')).trim().split('\n').at(-1)!.split(' ').map(Number);
  await rm(timesFile, { force: true });
  const result = JSON.parse(stdout) as { maps: number; findings: unknown[] };
  return { wallMs, cpuMs: (user! + sys!) * 1000, maxRssMb: maxKb! / 1024, maps: result.maps, findings: result.findings.length };
}

interface Listed {
  items: Array<{ id: string; code: string; kind: 'proses' | 'subproses' | 'relasi' | 'lintas-fungsi' | 'mekanisme-kerja'; unit: string; currentRevision: number }>;
}

/** Over HTTP on one server: unit listing, bureau listing, saves. */
async function measureHttp(child: Child, session: { cookie: string; csrfToken: string }): Promise<Pick<StoreRow, 'unitList' | 'bureauList' | 'save'>> {
  const headers = { cookie: session.cookie, 'x-csrf-token': session.csrfToken };
  const timedGet = async (p: string, times: number) => {
    const samples: number[] = [];
    for (let i = 0; i < times; i++) {
      const started = performance.now();
      const response = await fetch(child.url + p, { headers });
      if (!response.ok) throw new Error(`GET ${p} answered ${response.status}`);
      await response.arrayBuffer();
      samples.push(performance.now() - started);
    }
    return percentiles(samples);
  };
  const all = ((await (await fetch(`${child.url}/api/maps`, { headers })).json()) as Listed).items;
  await timedGet(`/api/maps?unit=${encodeURIComponent(UNIT)}`, 5);
  const unitList = await timedGet(`/api/maps?unit=${encodeURIComponent(UNIT)}`, 100);
  const bureauList = await timedGet('/api/maps', 30);
  const saves: number[] = [];
  for (let i = 0; i < 40; i++) {
    const map = all[(i * 61) % all.length]!;
    const ordinal = Number(map.code.split('.').at(-1));
    const xml = bodyOf(0, { ordinal, map: { ...map } }, map.currentRevision + 1);
    const started = performance.now();
    const saved = await fetch(`${child.url}/api/maps/${map.id}/revisions`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ xml, baseRevision: map.currentRevision, message: 'Perbaikan bench provinsi' }),
    });
    if (saved.status !== 201) throw new Error(`save answered ${saved.status}: ${await saved.text()}`);
    await saved.arrayBuffer();
    saves.push(performance.now() - started);
    map.currentRevision++;
  }
  return { unitList, bureauList, save: percentiles(saves) };
}

async function loadRun(name: string, servers: Child[], cookie: string, postgres: TestPostgres, seconds: number, concurrency: number): Promise<LoadRow> {
  const serverBefore = await Promise.all(servers.map((s) => cpuMsOf(s.process.pid!)));
  const pgBefore = await postgresCpuMs(postgres.data);
  const options = { urls: servers.map((s) => s.url), path: `/api/maps?unit=${encodeURIComponent(UNIT)}`, cookie, concurrency, seconds, warmupSeconds: 1 };
  const { stdout } = await run(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'bench/province-load.ts'), JSON.stringify(options)], { cwd: REPO_ROOT });
  const result = JSON.parse(stdout) as { requests: number; rps: number; p50: number; p95: number; cpuMs: number; wallMs: number };
  // Server and PostgreSQL CPU include the warm-up second: per request over the whole child's life, scaled.
  const totalRequests = result.requests * ((seconds + 1) / seconds);
  const serverCpu = (await Promise.all(servers.map((s) => cpuMsOf(s.process.pid!)))).reduce((sum, after, i) => sum + after - serverBefore[i]!, 0);
  const pgCpu = (await postgresCpuMs(postgres.data)) - pgBefore;
  return {
    run: name,
    rps: result.rps,
    p50: result.p50,
    p95: result.p95,
    serverCpuPerRequestMs: serverCpu / totalRequests,
    postgresCpuPerRequestMs: pgCpu / totalRequests,
    clientCpuPerRequestMs: result.cpuMs / result.requests,
  };
}

export async function runProvinceBench(options: ProvinceOptions): Promise<ProvinceResult> {
  const progress = options.progress ?? (() => undefined);
  const pemda = Math.max(2, Math.round(FULL.pemda * options.scale));
  const maps = Math.max(40, Math.round(FULL.maps * options.scale));
  const revisions = FULL.revisions;
  const loadSeconds = options.loadSeconds ?? 10;
  const concurrency = options.concurrency ?? 8;
  const loadStart = load();
  await run(process.execPath, [path.join(REPO_ROOT, 'scripts/build-server.mjs'), '--if-needed'], { cwd: REPO_ROOT });

  // One kept directory per size, so that a quick run does not reseed the full province.
  const root = path.join(os.tmpdir(), 'petakerja-province-bench', `${pemda}-pemda-${maps}-maps`);
  const markerFile = path.join(root, 'seed.json');
  const embeddedDir = path.join(root, 'embedded');
  const pgDir = path.join(root, 'postgres');
  const marker = existsSync(markerFile) ? (JSON.parse(await readFile(markerFile, 'utf8')) as Marker) : undefined;
  let seeded = marker;
  if (!marker || marker.version !== SEED_VERSION || marker.pemda !== pemda || marker.maps !== maps || marker.revisions !== revisions) {
    progress(`seeding ${pemda} pemda × ${maps} maps × ${revisions} revisions into ${root}`);
    await rm(root, { recursive: true, force: true });
    await mkdir(root, { recursive: true });
    let started = performance.now();
    await seedEmbedded(embeddedDir, maps, revisions);
    const embeddedS = (performance.now() - started) / 1000;
    progress(`embedded store seeded in ${embeddedS.toFixed(1)} s`);
    const seeding = await startTestPostgres({ dir: pgDir, sharedBuffers: '128MB' });
    started = performance.now();
    try {
      const databaseUrl = await seeding.createDatabase(DATABASE);
      await seedPostgres(databaseUrl, pemda, maps, revisions, progress);
      const vacuum = new pg.Client({ connectionString: databaseUrl });
      await vacuum.connect();
      await vacuum.query('VACUUM ANALYZE');
      await vacuum.end();
    } finally {
      await seeding.stop();
    }
    seeded = { version: SEED_VERSION, pemda, maps, revisions, seedS: { embedded: embeddedS, postgres: (performance.now() - started) / 1000 } };
    await writeFile(markerFile, JSON.stringify(seeded));
  } else {
    progress(`reusing the seeded stores in ${root}`);
  }
  const postgres = await startTestPostgres({ dir: pgDir, durable: true, sharedBuffers: '128MB' });
  const url = postgres.url.replace(/\/postgres$/, `/${DATABASE}`);
  const rows: StoreRow[] = [];
  const servers: Child[] = [];
  let second: ProvinceResult['second'];
  const loadRows: LoadRow[] = [];
  try {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    const pgBytes = Number((await admin.query<{ size: string }>('SELECT pg_database_size(current_database()) AS size')).rows[0]!.size);
    await admin.end();

    // The embedded store: one pemda.
    progress(`embedded: serve; load ${load()}`);
    let child = await startChild(['server/cli.ts', 'serve', '--port', '0', '--data', embeddedDir], 300_000);
    try {
      const session = await signIn(child.url);
      const http = await measureHttp(child, session);
      const { rssMb } = await memoryOf(child.process.pid!);
      rows.push({ store: 'embedded', holds: `1 pemda × ${maps}`, seedS: seeded!.seedS.embedded, diskMb: await duMb(embeddedDir), startupMs: child.startupMs, readyMs: child.readyMs, rssMb, ...http, lint: undefined! });
    } finally {
      await stopChild(child.process);
    }
    progress(`embedded: lint; load ${load()}`);
    rows[0]!.lint = await timedLint(['--data', embeddedDir]);
    // Once more, at once: a first run slowed by what the machine did just before shows as two unlike figures.
    rows[0]!.lint.againWallMs = (await timedLint(['--data', embeddedDir])).wallMs;

    // PostgreSQL: the default pemda of the province.
    progress(`postgres: serve; load ${load()}`);
    child = await startChild(['server/cli.ts', 'serve', '--port', '0', '--database', url], 300_000);
    servers.push(child);
    const session = await signIn(child.url);
    const http = await measureHttp(child, session);
    const { rssMb } = await memoryOf(child.process.pid!);
    rows.push({ store: 'PostgreSQL', holds: `${pemda} pemda × ${maps}`, seedS: seeded!.seedS.postgres, diskMb: pgBytes / 1024 ** 2, startupMs: child.startupMs, readyMs: child.readyMs, rssMb, ...http, lint: undefined! });

    progress(`postgres: a second instance; load ${load()}`);
    const other = await startChild(['server/cli.ts', 'serve', '--port', '0', '--database', url], 300_000);
    servers.push(other);
    second = { startupMs: other.startupMs, readyMs: other.readyMs, rssMb: (await memoryOf(other.process.pid!)).rssMb };
    // Warm both (listing index, pools), then one, two, one again.
    await loadRun('warm-up', servers, session.cookie, postgres, 2, concurrency);
    // Alternated, so that a change in the machine's other load shows as two unlike runs of the same kind.
    for (const [name, which] of [
      ['one instance', servers.slice(0, 1)],
      ['two instances', servers],
      ['one instance (again)', servers.slice(0, 1)],
      ['two instances (again)', servers],
    ] as const) {
      progress(`${name}; load ${load()}`);
      loadRows.push(await loadRun(name, [...which], session.cookie, postgres, loadSeconds, concurrency));
    }
    second.rssMb = Math.max(second.rssMb, (await memoryOf(other.process.pid!)).rssMb);
    await Promise.all(servers.splice(0).map((s) => stopChild(s.process)));
    progress(`postgres: lint; load ${load()}`);
    const pgBefore = await postgresCpuMs(postgres.data);
    rows[1]!.lint = await timedLint(['--database', url, '--pemda', DEFAULT_PEMDA]);
    rows[1]!.lint.postgresCpuMs = (await postgresCpuMs(postgres.data)) - pgBefore;
    rows[1]!.lint.againWallMs = (await timedLint(['--database', url, '--pemda', DEFAULT_PEMDA])).wallMs;
  } finally {
    await Promise.all(servers.map((s) => stopChild(s.process)));
    await postgres.stop();
  }
  return { pemda, maps, revisions, loadStart, loadEnd: load(), rows, second: second!, load: loadRows, concurrency, loadSeconds };
}

export function formatProvinceBench(r: ProvinceResult): string {
  const p = (x: Percentiles) => `${x.p50.toFixed(1)} / ${x.p95.toFixed(1)}`;
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  return [
    `${r.pemda} pemda × ${r.maps} maps × ${r.revisions} revisions on PostgreSQL (listings, saves and lint in the default pemda, signed in as its admin); the embedded store holds the same pemda's ${r.maps}. ` +
      `Load average (1 / 5 / 15 min) ${r.loadStart} at the start, ${r.loadEnd} at the end; ${os.availableParallelism()} cores.`,
    '',
    '| store | holds | seed | on disk | serve spawn → listening ("siap dalam") | RSS | one unit\'s listing p50 / p95 (ms) | bureau\'s listing (all units) p50 / p95 | save p50 / p95 | `lint --repository` of one pemda: wall (again at once) (CPU, max RSS) | maps, findings | aim < 10 s |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...r.rows.map(
      (x) =>
        `| ${x.store} | ${x.holds} | ${x.seedS.toFixed(0)} s | ${x.diskMb.toFixed(0)} MB | ${x.startupMs.toFixed(0)} ms (${x.readyMs.toFixed(0)} ms) | ${x.rssMb.toFixed(0)} MB | ${p(x.unitList)} | ${p(x.bureauList)} | ${p(x.save)} | ` +
        `${s(x.lint.wallMs)}${x.lint.againWallMs === undefined ? '' : ` (again ${s(x.lint.againWallMs)})`} (${s(x.lint.cpuMs)}${x.lint.postgresCpuMs === undefined ? '' : ` + PostgreSQL ${s(x.lint.postgresCpuMs)}`}, ${x.lint.maxRssMb.toFixed(0)} MB) | ${x.lint.maps}, ${x.lint.findings} | ${x.lint.wallMs < PROVINCE_LINT_AIM_MS ? 'met' : 'missed'} |`,
    ),
    `| PostgreSQL, second instance | | | | ${r.second.startupMs.toFixed(0)} ms (${r.second.readyMs.toFixed(0)} ms) | ${r.second.rssMb.toFixed(0)} MB | | | | | | |`,
    '',
    `One instance vs two on the same database: \`GET /api/maps?unit=${UNIT}\`, ${r.concurrency} closed-loop clients (bench/province-load.ts, its own process, keep-alive), ${r.loadSeconds} s per run after 1 s of warm-up.`,
    '',
    '| run | requests/s | p50 / p95 (ms) | CPU per request: servers | PostgreSQL | load generator | ceiling on the cores (all three) |',
    '|---|---|---|---|---|---|---|',
    ...r.load.map((x) => {
      const total = x.serverCpuPerRequestMs + x.postgresCpuPerRequestMs + x.clientCpuPerRequestMs;
      return `| ${x.run} | ${x.rps.toFixed(0)} | ${x.p50.toFixed(1)} / ${x.p95.toFixed(1)} | ${x.serverCpuPerRequestMs.toFixed(2)} ms | ${x.postgresCpuPerRequestMs.toFixed(2)} ms | ${x.clientCpuPerRequestMs.toFixed(2)} ms | ${((os.availableParallelism() * 1000) / total).toFixed(0)} req/s |`;
    }),
    '',
    'Ceiling = cores × 1 s ÷ the CPU one request costs the servers, PostgreSQL and the load generator together: what the machine could serve with nothing else running; one instance is also bounded by its one JavaScript thread (1 s ÷ its servers\' CPU per request).',
    '',
    'Listings and saves: one sequential client, the bench\'s admin (100 unit listings, 30 bureau listings, 40 saves of a new template body on maps spread over the pemda, after 5 untimed listings). ' +
      'Lint: `node dist/server/cli.js lint --repository --format json` as a whole process under /usr/bin/time, servers stopped. ' +
      'Seed: MapStore.importMap (8 maps in flight), PostgreSQL without fsync while seeding (measured durable), once per kept directory; on disk = pg_database_size / du of the data directory.',
  ].join('\n');
}

export function provinceScale(value: string | undefined): number {
  const scale = Number(value ?? process.env.PETAKERJA_PROVINCE_SCALE ?? 1);
  if (!(scale > 0 && scale <= 1)) throw new Error(`--scale must be a number above 0 and at most 1, not ${value}`);
  return scale;
}

