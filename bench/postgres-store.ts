// PostgreSQL store vs embedded store (issue 18, scope 1) at 2,500 maps × 5 revisions: a revision save (a ~50 KB body)
// and one unit's listing at the store, p50/p95, with this process's CPU time per operation; then the real server on
// each store (`serve --data` / `serve --database`): start-up to listening, "siap dalam", RSS, and one unit's listing
// through HTTP right after a save. PostgreSQL runs durable (fsync, synchronous commit), like the embedded store.
//   npx tsx bench/postgres-store.ts [--maps 2500] [--saves 200]
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { hashPassword } from '../server/accounts/password';
import { sha256 } from '../server/store/blob-store';
import { openPostgresStore } from '../server/store/postgres/open-postgres-store';
import { unitKeyOf } from '../server/store/postgres/pg-map-store';
import { openEmbeddedStore, type Store } from '../server/store/store';
import { startTestPostgres } from '../test/helpers/postgres-server';
import { generateBpmn, prng } from './bpmn-generator';
import { BENCH_USER, memoryOf, percentiles, seededMap, seedOurs, seedRevision, signIn, startChild, stopChild, type Percentiles } from './store-scale';

const { values } = parseArgs({ options: { maps: { type: 'string' }, saves: { type: 'string' } } });
const MAPS = Number(values.maps ?? 2500);
const REVISIONS = 5;
const SAVES = Number(values.saves ?? 200);
const UNIT = 'Dinas Kesehatan';
/** Distinct seeded bodies (content-addressed, so the seed stays small); saves use fresh generated bodies. */
const SEED_BODIES = Array.from({ length: 20 }, (_, i) => generateBpmn({ map: i, revision: 1, targetBytes: 8_000 }));
const bodyOf = (map: number, revision: number) => SEED_BODIES[(map + revision) % SEED_BODIES.length]!;

interface Row {
  store: string;
  seedS: number;
  openMs: number;
  save: Percentiles;
  saveCpuMs: number;
  unitList: Percentiles;
  unitListCpuMs: number;
  startupMs?: number;
  readyMs?: number;
  rssMb?: number;
  httpUnitListAfterSave?: Percentiles;
}

const ms = (since: number) => performance.now() - since;

async function seedPostgres(url: string, ids: string[]): Promise<void> {
  const store = await openPostgresStore(url);
  await store.accounts.createUser({ username: BENCH_USER.username, name: BENCH_USER.name, jabatan: '', unit: '', roles: ['admin', 'penyusun'], disabled: false, passwordHash: await hashPassword(BENCH_USER.password) });
  await store.close();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('BEGIN');
    for (const body of SEED_BODIES) await client.query('INSERT INTO bpmn_bodies (sha256, bytes) VALUES ($1, $2) ON CONFLICT DO NOTHING', [sha256(body), Buffer.from(body)]);
    while (ids.length < MAPS) ids.push(randomUUID());
    for (let i = 0; i < MAPS; i++) {
      const { map, revisionTimes } = seededMap(i, ids, REVISIONS);
      await client.query("INSERT INTO maps (pemda_id, id, code, unit_key, change_seq, record) VALUES ('default', $1, $2, $3, 0, $4)", [map.id, map.code, unitKeyOf(map.unit), map]);
      for (let r = 0; r < REVISIONS; r++) {
        await client.query("INSERT INTO map_revisions (pemda_id, map_id, n, record) VALUES ('default', $1, $2, $3)", [map.id, r + 1, seedRevision(r + 1, sha256(bodyOf(i, r + 1)), revisionTimes[r]!)]);
      }
    }
    await client.query('COMMIT');
  } finally {
    await client.end();
  }
}

/** Saves on random maps (fresh ~50 KB bodies) and one unit's listing after each, at the store. */
async function measureStore(store: Store): Promise<Pick<Row, 'save' | 'saveCpuMs' | 'unitList' | 'unitListCpuMs'>> {
  const maps = await store.maps.listMaps({});
  const random = prng(18);
  const saves: number[] = [];
  const lists: number[] = [];
  let saveCpu = 0;
  let listCpu = 0;
  for (let i = 0; i < SAVES; i++) {
    const map = maps[Math.floor(random() * maps.length)]!;
    const current = await store.maps.getMap(map.id);
    const xml = generateBpmn({ map: 10_000 + i, revision: current.currentRevision + 1 });
    let cpu = process.cpuUsage();
    let started = performance.now();
    await store.maps.addRevision(map.id, current.currentRevision, { xml, author: 'bench', message: 'Perbaikan' });
    saves.push(ms(started));
    saveCpu += process.cpuUsage(cpu).user + process.cpuUsage(cpu).system;
    cpu = process.cpuUsage();
    started = performance.now();
    const listed = await store.maps.listMaps({ unit: UNIT });
    lists.push(ms(started));
    listCpu += process.cpuUsage(cpu).user + process.cpuUsage(cpu).system;
    if (listed.length === 0) throw new Error('the unit has no maps');
  }
  return { save: percentiles(saves), saveCpuMs: saveCpu / 1000 / SAVES, unitList: percentiles(lists), unitListCpuMs: listCpu / 1000 / SAVES };
}

/** The real server on the store: start-up, RSS, and GET /api/maps?unit= right after each of 50 saves. */
async function measureServer(args: string[]): Promise<Pick<Row, 'startupMs' | 'readyMs' | 'rssMb' | 'httpUnitListAfterSave'>> {
  const child = await startChild(['server/cli.ts', 'serve', '--port', '0', ...args], 120_000);
  try {
    const { cookie, csrfToken } = await signIn(child.url);
    const headers = { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
    const all = ((await (await fetch(`${child.url}/api/maps`, { headers })).json()) as { items: { id: string; currentRevision: number }[] }).items;
    const random = prng(7);
    const lists: number[] = [];
    for (let i = 0; i < 50; i++) {
      const map = all[Math.floor(random() * all.length)]!;
      const saved = await fetch(`${child.url}/api/maps/${map.id}/revisions`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ xml: generateBpmn({ map: 20_000 + i, revision: map.currentRevision + 1 }), baseRevision: map.currentRevision, message: 'Perbaikan' }),
      });
      if (saved.status !== 201) throw new Error(`save answered ${saved.status}: ${await saved.text()}`);
      map.currentRevision++;
      const started = performance.now();
      const listed = await fetch(`${child.url}/api/maps?unit=${encodeURIComponent(UNIT)}`, { headers });
      await listed.arrayBuffer();
      lists.push(ms(started));
    }
    const { rssMb } = await memoryOf(child.process.pid!);
    return { startupMs: child.startupMs, readyMs: child.readyMs, rssMb, httpUnitListAfterSave: percentiles(lists) };
  } finally {
    await stopChild(child.process);
  }
}

const f = (p: Percentiles) => `${p.p50.toFixed(1)} / ${p.p95.toFixed(1)}`;

async function main(): Promise<void> {
  const load = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');
  console.log(`PostgreSQL store bench: ${MAPS} maps × ${REVISIONS} revisions, ${SAVES} saves; load average ${load()}`);
  const postgres = await startTestPostgres({ durable: true });
  const dir = await mkdtemp(`${os.tmpdir()}/petakerja-bench-pg-`);
  const rows: Row[] = [];
  try {
    const url = await postgres.createDatabase('bench');

    let started = performance.now();
    await seedOurs(dir, [], MAPS, REVISIONS, Date.now() + 600_000, bodyOf);
    const embeddedSeed = ms(started) / 1000;
    started = performance.now();
    await seedPostgres(url, []);
    const postgresSeed = ms(started) / 1000;

    for (const [name, open, seedS, args] of [
      ['embedded', () => openEmbeddedStore(dir), embeddedSeed, ['--data', dir]],
      ['postgres', () => openPostgresStore(url), postgresSeed, ['--database', url, '--data', dir]],
    ] as const) {
      started = performance.now();
      const store = await open();
      await store.maps.listMaps({});
      const openMs = ms(started);
      const atStore = await measureStore(store);
      await store.close();
      const atServer = await measureServer([...args]);
      rows.push({ store: name, seedS, openMs, ...atStore, ...atServer });
      console.log(`${name} done; load average ${load()}`);
    }
  } finally {
    await postgres.stop();
    await rm(dir, { recursive: true, force: true });
  }
  console.log(
    [
      '| store | seed | open + first full list | save p50 / p95 (ms) | save CPU/op (node) | unit listMaps p50 / p95 | listMaps CPU/op | serve start-up → listening | "siap dalam" | RSS after 50 saves | GET ?unit= after a save p50 / p95 |',
      '|---|---|---|---|---|---|---|---|---|---|---|',
      ...rows.map(
        (r) =>
          `| ${r.store} | ${r.seedS.toFixed(1)} s | ${r.openMs.toFixed(0)} ms | ${f(r.save)} | ${r.saveCpuMs.toFixed(1)} ms | ${f(r.unitList)} | ${r.unitListCpuMs.toFixed(1)} ms | ` +
          `${r.startupMs?.toFixed(0)} ms | ${r.readyMs?.toFixed(0)} ms | ${r.rssMb?.toFixed(0)} MB | ${r.httpUnitListAfterSave ? f(r.httpUnitListAfterSave) : '–'} |`,
      ),
    ].join('\n'),
  );
  console.log(`load average at the end ${load()}`);
}

await main();
