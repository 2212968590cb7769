// One instance vs two on one PostgreSQL database (issue 18, scope 2): one unit's listing (`GET /api/maps?unit=`) with
// a fixed number of requests in flight, sent to one `serve --database` process, then spread over two. Reports requests
// per second, latency p50/p95 and the servers' CPU time per request (utime + stime from /proc, steadier than wall
// time on a loaded machine). PostgreSQL runs durable, on the same machine.
//   npx tsx bench/postgres-instances.ts [--maps 1000] [--requests 1500] [--concurrency 8]
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { hashPassword } from '../server/accounts/password';
import { openPostgresStore } from '../server/store/postgres/open-postgres-store';
import { startTestPostgres } from '../test/helpers/postgres-server';
import { generateBpmn } from './bpmn-generator';
import { BENCH_USER, percentiles, signIn, startChild, stopChild, type Child } from './store-scale';

const { values } = parseArgs({ options: { maps: { type: 'string' }, requests: { type: 'string' }, concurrency: { type: 'string' } } });
const MAPS = Number(values.maps ?? 1000);
const REQUESTS = Number(values.requests ?? 1500);
const CONCURRENCY = Number(values.concurrency ?? 8);
const UNITS = ['Dinas Kesehatan', 'Bappeda', 'Dinas Pendidikan', 'Bagian Organisasi'];
const UNIT = UNITS[0]!;

async function cpuMs(pid: number): Promise<number> {
  const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1]!.split(' ');
  // utime and stime are fields 14 and 15 of stat, in clock ticks (100 per second on Linux).
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

async function seed(url: string): Promise<void> {
  const store = await openPostgresStore(url);
  await store.accounts.createUser({ username: BENCH_USER.username, name: BENCH_USER.name, jabatan: '', unit: '', roles: ['admin', 'penyusun'], disabled: false, passwordHash: await hashPassword(BENCH_USER.password) });
  const xml = generateBpmn({ map: 0, revision: 1, targetBytes: 8_000 });
  for (let i = 0; i < MAPS; i++) {
    await store.maps.createMap({ name: `Proses ${i}`, kind: 'proses', unit: UNITS[i % UNITS.length]!, profile: 'nasional' }, { xml, author: 'bench', message: 'awal' });
  }
  await store.close();
}

async function run(servers: Child[], cookie: string): Promise<{ rps: number; p50: number; p95: number; cpuPerRequestMs: number }> {
  const path = `/api/maps?unit=${encodeURIComponent(UNIT)}`;
  const cpuBefore = await Promise.all(servers.map((s) => cpuMs(s.process.pid!)));
  const latencies: number[] = [];
  let sent = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (sent < REQUESTS) {
        const server = servers[sent++ % servers.length]!;
        const t = performance.now();
        const response = await fetch(server.url + path, { headers: { cookie } });
        if (!response.ok) throw new Error(`listing answered ${response.status}`);
        await response.arrayBuffer();
        latencies.push(performance.now() - t);
      }
    }),
  );
  const wall = performance.now() - started;
  const cpuAfter = await Promise.all(servers.map((s) => cpuMs(s.process.pid!)));
  const cpu = cpuAfter.reduce((sum, after, i) => sum + after - cpuBefore[i]!, 0);
  const { p50, p95 } = percentiles(latencies);
  return { rps: (REQUESTS / wall) * 1000, p50, p95, cpuPerRequestMs: cpu / REQUESTS };
}

const postgres = await startTestPostgres({ durable: true });
const servers: Child[] = [];
try {
  const url = await postgres.createDatabase('bench_instances');
  await seed(url);
  for (let i = 0; i < 2; i++) servers.push(await startChild(['server/cli.ts', 'serve', '--port', '0', '--database', url], 120_000));
  const { cookie } = await signIn(servers[0]!.url);
  // Warm both (the listing index, the connection pools), then measure one, two, one again.
  await run(servers, cookie);
  const rows: Array<[string, Awaited<ReturnType<typeof run>>]> = [];
  rows.push(['one instance', await run(servers.slice(0, 1), cookie)]);
  rows.push(['two instances', await run(servers, cookie)]);
  rows.push(['one instance (again)', await run(servers.slice(0, 1), cookie)]);
  const load = os.loadavg().map((l) => l.toFixed(1)).join(' / ');
  console.log(`${MAPS} maps, ${REQUESTS} × GET /api/maps?unit=${UNIT}, ${CONCURRENCY} in flight; load average ${load}; ${os.cpus().length} cores`);
  console.log('| run | requests/s | p50 / p95 ms | server CPU per request |');
  console.log('|---|---|---|---|');
  for (const [name, r] of rows) console.log(`| ${name} | ${r.rps.toFixed(0)} | ${r.p50.toFixed(1)} / ${r.p95.toFixed(1)} | ${r.cpuPerRequestMs.toFixed(2)} ms |`);
} finally {
  await Promise.all(servers.map((s) => stopChild(s.process)));
  await postgres.stop();
}
