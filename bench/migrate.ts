// Moving between stores (issue 18, scope 4): `copyStore` (what `petakerja migrate` runs) from a data directory of
// 2,500 maps × 5 revisions (a distinct body per revision) into PostgreSQL, and from there into a new data directory;
// wall time and this process's CPU time for each way, with `backup` of the same directory (tar.gz of the files, no
// store opened) in the same run as the anchor. PostgreSQL runs durable (fsync, synchronous commit).
//   npx tsx bench/migrate.ts [--maps 2500] [--body-bytes 8000]
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { backupDataDir } from '../server/store/backup';
import { copyStore } from '../server/store/copy-store';
import { openPostgresStore } from '../server/store/postgres/open-postgres-store';
import { openEmbeddedStore, type Store } from '../server/store/store';
import { startTestPostgres } from '../test/helpers/postgres-server';
import { generateBpmn } from './bpmn-generator';
import { seedOurs } from './store-scale';

const { values } = parseArgs({ options: { maps: { type: 'string' }, 'body-bytes': { type: 'string' } } });
const MAPS = Number(values.maps ?? 2500);
const REVISIONS = 5;
const BODY_BYTES = Number(values['body-bytes'] ?? 8000);
const load = () => os.loadavg().map((l) => l.toFixed(1)).join(' / ');

async function timed(what: string, work: () => Promise<unknown>): Promise<void> {
  const loadBefore = load();
  const cpu = process.cpuUsage();
  const started = performance.now();
  await work();
  const wall = performance.now() - started;
  const used = process.cpuUsage(cpu);
  console.log(`| ${what} | ${(wall / 1000).toFixed(1)} s | ${((used.user + used.system) / 1e6).toFixed(1)} s | ${loadBefore} |`);
}

async function copy(open: () => Promise<Store>, openTarget: () => Promise<Store>): Promise<void> {
  const source = await open();
  const target = await openTarget();
  try {
    await copyStore(source, target);
  } finally {
    await target.close();
    await source.close();
  }
}

async function main(): Promise<void> {
  console.log(`migrate bench: ${MAPS} maps × ${REVISIONS} revisions, distinct bodies of ~${BODY_BYTES} bytes; load average ${load()}`);
  const postgres = await startTestPostgres({ durable: true });
  const root = await mkdtemp(path.join(os.tmpdir(), 'petakerja-bench-migrate-'));
  try {
    const url = await postgres.createDatabase('bench');
    const source = path.join(root, 'source');
    await seedOurs(source, [], MAPS, REVISIONS, Date.now() + 1_800_000, (map, revision) => generateBpmn({ map, revision, targetBytes: BODY_BYTES }));
    console.log('| step | wall | node CPU (user+sys) | load before (1/5/15 min) |');
    console.log('|---|---|---|---|');
    await timed('anchor: `backup` of the source directory (tar.gz)', () => backupDataDir(source, path.join(root, 'anchor.tar.gz')));
    await timed('data directory → PostgreSQL', () => copy(() => openEmbeddedStore(source), () => openPostgresStore(url)));
    await timed('PostgreSQL → new data directory', () => copy(() => openPostgresStore(url), () => openEmbeddedStore(path.join(root, 'back'))));
  } finally {
    await postgres.stop();
    await rm(root, { recursive: true, force: true });
  }
}

await main();
