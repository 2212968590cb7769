// SOP batch export benchmark (`npm run bench -- --only sop-batch`): 100 SOP maps (the reference library's maps, in
// turn) made through the real server's API in a temporary data directory, then a ZIP export and an SOP book export of
// the unit, each followed over its event stream to the end. Reports total and per-SOP time and peak memory: the
// Node process (server and client in one) plus every Chromium process under it (browsers and their renderers),
// sampled from /proc (RSS every 250 ms, and PSS, which shares common pages fairly between processes, every second).
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startServer } from '../server/server';
import { REPO_ROOT } from './store-scale';

const UNIT = 'Dinas Bench';
const PASSWORD = 'kata-sandi-bench-123';

export interface SopBatchRow {
  format: 'zip' | 'buku';
  sops: number;
  totalS: number;
  perSopMs: number;
  bytes: number;
  peakNodeMb: number;
  peakChromiumRssMb: number;
  peakChromiumPssMb: number;
  peakTotalRssMb: number;
  peakTotalPssMb: number;
  /** CPU of this Node process (server and client) during the export, user + system. */
  nodeCpuS: number;
}

/** kB of a /proc status-like field, 0 when the process is gone. */
function procField(file: string, field: string): number {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(file, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/** Every process below `root` (its children, their children…), from /proc/<pid>/task/<tid>/children: no scan of /proc. */
function descendants(root: number): number[] {
  const found: number[] = [];
  const walk = (pid: number) => {
    let tasks: string[] = [];
    try {
      tasks = readdirSync(`/proc/${pid}/task`);
    } catch {
      return; // gone meanwhile
    }
    for (const tid of tasks) {
      let children = '';
      try {
        children = readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8');
      } catch {
        continue;
      }
      for (const child of children.split(' ').filter(Boolean).map(Number)) (found.push(child), walk(child));
    }
  };
  walk(root);
  return found;
}

/**
 * Peaks of RSS every 250 ms and of PSS every second (smaps_rollup walks every mapping of a process, which is costly for
 * Chromium; a first version sampling it every 100 ms from the same event loop took most of the Node process's CPU).
 */
class MemorySampler {
  peakNode = 0;
  peakChromiumRss = 0;
  peakChromiumPss = 0;
  peakTotalRss = 0;
  peakTotalPss = 0;
  private timer: NodeJS.Timeout | undefined;
  private pids: number[] = [];
  private ticks = 0;

  start(): void {
    this.sample();
    this.timer = setInterval(() => this.sample(), 250);
  }

  stop(): void {
    clearInterval(this.timer);
    this.ticks = 0;
    this.sample();
  }

  private sample(): void {
    const withPss = this.ticks % 4 === 0;
    if (this.ticks % 4 === 0) this.pids = descendants(process.pid);
    this.ticks += 1;
    const node = process.memoryUsage.rss() / 1024;
    let rss = 0;
    for (const pid of this.pids) rss += procField(`/proc/${pid}/status`, 'VmRSS');
    this.peakNode = Math.max(this.peakNode, node);
    this.peakChromiumRss = Math.max(this.peakChromiumRss, rss);
    this.peakTotalRss = Math.max(this.peakTotalRss, node + rss);
    if (withPss) {
      const nodePss = procField('/proc/self/smaps_rollup', 'Pss') || node;
      let pss = 0;
      for (const pid of this.pids) pss += procField(`/proc/${pid}/smaps_rollup`, 'Pss');
      this.peakChromiumPss = Math.max(this.peakChromiumPss, pss);
      this.peakTotalPss = Math.max(this.peakTotalPss, nodePss + pss);
    }
  }
}

export async function runSopBatchBench(options: { sops?: number; progress?: (line: string) => void; databaseUrl?: string } = {}): Promise<SopBatchRow[]> {
  const count = options.sops ?? 100;
  const log = options.progress ?? (() => undefined);
  const catalog = JSON.parse(readFileSync(path.join(REPO_ROOT, 'processes/library/catalog.json'), 'utf8')) as Array<{ id: string; title: string }>;
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'petakerja-bench-sop-batch-'));
  const server = await startServer({ dataDir, ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}), port: 0, host: '127.0.0.1', log: () => undefined });
  let cookie = '';
  let csrf = '';
  const call = async (route: string, init: { method?: string; json?: unknown } = {}): Promise<{ status: number; body: any }> => {
    const response = await fetch(server.url + route, {
      method: init.method ?? 'GET',
      headers: { cookie, 'x-csrf-token': csrf, ...(init.json !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: init.json !== undefined ? JSON.stringify(init.json) : undefined,
    });
    const setCookie = response.headers.getSetCookie()[0];
    if (setCookie) cookie = setCookie.split(';')[0]!;
    const body = response.headers.get('content-type')?.includes('json') ? await response.json() : await response.arrayBuffer();
    if (typeof body?.csrfToken === 'string') csrf = body.csrfToken;
    return { status: response.status, body };
  };
  try {
    const setup = await call('/api/setup', { method: 'POST', json: { username: 'bench', password: PASSWORD, name: 'Bench', jabatan: 'Analis', unit: 'Bagian Organisasi' } });
    if (setup.status !== 201) throw new Error(`setup: ${JSON.stringify(setup.body)}`);
    for (let i = 0; i < count; i += 1) {
      const entry = catalog[i % catalog.length]!;
      const created = await call('/api/maps', { method: 'POST', json: { templateId: entry.id, name: `${entry.title} ${i + 1}`, unit: UNIT } });
      if (created.status !== 201) throw new Error(`map ${i}: ${JSON.stringify(created.body)}`);
    }
    log(`${count} maps made`);

    const rows: SopBatchRow[] = [];
    for (const format of ['zip', 'buku'] as const) {
      const sampler = new MemorySampler();
      sampler.start();
      const started = performance.now();
      const cpu = process.cpuUsage();
      const job = await call(`/api/units/${encodeURIComponent(UNIT)}/sop-exports`, { method: 'POST', json: { format, includeDrafts: true } }); // unsigned maps: printed as drafts (issue 15, item 3)
      if (job.status !== 202) throw new Error(`export: ${JSON.stringify(job.body)}`);
      const stream = await fetch(`${server.url}/api/sop-exports/${job.body.jobId}/events`, { headers: { cookie } });
      const text = await stream.text();
      const done = /event: done\ndata: (.*)\n/.exec(text);
      if (!done) throw new Error(`export ${format} failed: ${text.slice(-400)}`);
      const file = await call(JSON.parse(done[1]!).downloadUrl as string);
      const totalS = (performance.now() - started) / 1000;
      const used = process.cpuUsage(cpu);
      sampler.stop();
      rows.push({
        format,
        sops: count,
        totalS,
        perSopMs: (totalS * 1000) / count,
        bytes: (file.body as ArrayBuffer).byteLength,
        peakNodeMb: sampler.peakNode / 1024,
        peakChromiumRssMb: sampler.peakChromiumRss / 1024,
        peakChromiumPssMb: sampler.peakChromiumPss / 1024,
        peakTotalRssMb: sampler.peakTotalRss / 1024,
        peakTotalPssMb: sampler.peakTotalPss / 1024,
        nodeCpuS: (used.user + used.system) / 1e6,
      });
      log(`${format}: ${totalS.toFixed(1)} s`);
    }
    return rows;
  } finally {
    await server.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

export function formatSopBatchBench(rows: SopBatchRow[]): string {
  const mb = (value: number) => value.toFixed(0);
  return [
    '| format | SOPs | total | per SOP | file | peak Node RSS | peak Chromium RSS (sum) | peak Chromium PSS (sum) | peak total RSS | peak total PSS | aim < 60 s |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
    ...rows.map(
      (row) =>
        `| ${row.format} | ${row.sops} | ${row.totalS.toFixed(1)} s | ${row.perSopMs.toFixed(0)} ms | ${(row.bytes / 1024 ** 2).toFixed(1)} MB | ${mb(row.peakNodeMb)} MB | ${mb(row.peakChromiumRssMb)} MB | ${mb(row.peakChromiumPssMb)} MB | ${mb(row.peakTotalRssMb)} MB | ${mb(row.peakTotalPssMb)} MB | ${row.totalS < 60 ? 'met' : 'missed'} |`,
    ),
    '',
    'Method: the real server in process on a fresh temporary data directory; the maps are the reference library maps ' +
      '(`processes/library`) in turn, created through `POST /api/maps` with `templateId`, no SOP record (identity "…"). ' +
      'Total = from `POST /api/units/:unit/sop-exports` to the downloaded file, including the PdfPool\'s cold start (2 browsers) ' +
      'on the first export. Memory sampled from /proc (RSS every 250 ms, PSS every second): the Node process (server + client) and every process below ' +
      'it (Chromium browsers, renderers, zygotes). RSS summed over Chromium processes counts shared pages several times; PSS ' +
      'divides them fairly and is the better total.',
  ].join('\n');
}
