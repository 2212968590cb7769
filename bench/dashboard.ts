// Dashboard benchmark: a repository of generated maps (copies of the processes/library maps, each with its own name,
// unit and bytes, so every revision has its own sha256) written through the embedded store, not HTTP; then the cold
// background warm-up of the lint summary cache (lint all), the event loop's delay meanwhile, and the dashboard's
// answer time once warm, with the process's RSS.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { PublicUser } from '../server/accounts/accounts.records';
import type { MapKind, Profile } from '../server/domain/vocabulary';
import { DashboardService } from '../server/repository/dashboard.service';
import { LintSummaryCache } from '../server/repository/lint-summary-cache';
import { RepositoryLintService } from '../server/repository/repository-lint.service';
import { openEmbeddedStore } from '../server/store/store';
import { percentiles, REPO_ROOT, type Percentiles } from './store-scale';

export interface DashboardBenchResult {
  maps: number;
  units: number;
  reviewRecords: number;
  seedSeconds: number;
  warmUpSeconds: number;
  /** Lints per second during the warm-up. */
  mapsPerSecond: number;
  /** Event-loop delay while the warm-up ran (ms): what a request arriving meanwhile waits at most. */
  loopDelay: { p50: number; p99: number; max: number };
  /** The first dashboard answer, before the warm-up ran (everything pending). */
  coldAnswerMs: number;
  coldPending: number;
  warmAdmin: Percentiles;
  warmUnitUser: Percentiles;
  rssMb: { afterSeed: number; afterWarmUp: number; afterAnswers: number };
  cacheEntries: number;
}

interface CatalogEntry {
  id: string;
  kind: MapKind;
  profile: Profile;
  title: string;
}

const rssMb = () => Math.round(process.memoryUsage().rss / 1024 / 1024);

function actor(roles: PublicUser['roles'], unit: string): PublicUser {
  const now = new Date().toISOString();
  return { id: `bench-${roles.join('-')}`, username: 'bench', name: 'Bench', jabatan: '', unit, roles, disabled: false, createdAt: now, updatedAt: now };
}

export async function runDashboardBench(options: { maps: number; units?: number; answers?: number; progress: (line: string) => void }): Promise<DashboardBenchResult> {
  const unitCount = options.units ?? 40;
  const answers = options.answers ?? 50;
  const libraryDir = path.join(REPO_ROOT, 'processes/library');
  const catalog = JSON.parse(await readFile(path.join(libraryDir, 'catalog.json'), 'utf8')) as CatalogEntry[];
  const library = await Promise.all(catalog.map(async (entry) => ({ entry, xml: await readFile(path.join(libraryDir, `${entry.id}.bpmn`), 'utf8') })));
  const dir = await mkdtemp(path.join(os.tmpdir(), 'petakerja-bench-dashboard-'));
  const store = await openEmbeddedStore(dir);
  try {
    const seedStart = performance.now();
    let reviewRecords = 0;
    for (let i = 0; i < options.maps; i += 1) {
      const { entry, xml } = library[i % library.length]!;
      const name = `${entry.title} ${i + 1}`;
      const unit = `Unit ${String(i % unitCount).padStart(2, '0')}`;
      // Bytes of its own: a comment naming the copy (the lint sees the library map's content).
      const body = xml.replace(/\?>/, `?>\n<!-- ${name}, ${unit} -->`);
      const map = await store.maps.createMap({ name, kind: entry.kind, unit, profile: entry.profile }, { xml: body, author: 'Bench', message: 'Bench' });
      if (i % 5 === 0) {
        // One map in five submitted for review: a review record to read as the dashboard counts states.
        await store.review.update(map.id, (doc) => ({
          next: {
            ...doc,
            transitions: [{ seq: 1, cycle: 1, action: 'ajukan', from: 'draf', to: 'diajukan', by: { id: 'bench', name: 'Bench' }, at: new Date().toISOString(), comment: '', revision: 1, sopVersion: 0 }],
          },
          result: undefined,
        }));
        reviewRecords += 1;
      }
      if ((i + 1) % 500 === 0) options.progress(`seeded ${i + 1} maps`);
    }
    const seedSeconds = (performance.now() - seedStart) / 1000;
    const afterSeed = rssMb();

    const lintSummaries = new LintSummaryCache(store.maps);
    const repositoryLint = new RepositoryLintService(store.maps);
    const service = new DashboardService({ maps: store.maps, reviews: store.review, lintSummaries, repositoryLint });
    const admin = actor(['admin', 'penyusun'], 'Bagian Organisasi');
    const unitUser = actor(['reviewer'], 'Unit 07');

    // Cold: the first answer starts the warm-up (everything still pending).
    let started = performance.now();
    const cold = await service.dashboard(admin);
    const coldAnswerMs = performance.now() - started;
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    started = performance.now();
    const ticker = setInterval(() => options.progress(`warm-up: ${lintSummaries.size} of ${options.maps} checked`), 10_000);
    await lintSummaries.idle();
    // The repository check (map/* findings) the first answer started in the background.
    await repositoryLint.current();
    clearInterval(ticker);
    const warmUpSeconds = (performance.now() - started) / 1000;
    delay.disable();
    const afterWarmUp = rssMb();

    const time = async (who: PublicUser) => {
      const samples: number[] = [];
      for (let i = 0; i < answers; i += 1) {
        const t = performance.now();
        const answer = await service.dashboard(who);
        samples.push(performance.now() - t);
        if (answer.pending !== 0) throw new Error(`still ${answer.pending} pending after the warm-up`);
      }
      return percentiles(samples);
    };
    const warmAdmin = await time(admin);
    const warmUnitUser = await time(unitUser);
    return {
      maps: options.maps,
      units: unitCount,
      reviewRecords,
      seedSeconds,
      warmUpSeconds,
      mapsPerSecond: options.maps / warmUpSeconds,
      loopDelay: { p50: delay.percentile(50) / 1e6, p99: delay.percentile(99) / 1e6, max: delay.max / 1e6 },
      coldAnswerMs,
      coldPending: cold.pending,
      warmAdmin,
      warmUnitUser,
      rssMb: { afterSeed, afterWarmUp, afterAnswers: rssMb() },
      cacheEntries: lintSummaries.size,
    };
  } finally {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
}

const ms = (n: number) => `${n.toFixed(1)} ms`;

export function formatDashboardBench(r: DashboardBenchResult): string {
  return [
    `${r.maps} maps in ${r.units} units (copies of the processes/library maps, each with its own bytes), ${r.reviewRecords} with a review record; seeded through the store in ${r.seedSeconds.toFixed(1)} s.`,
    '',
    '| measure | value |',
    '| --- | --- |',
    `| first answer, before the warm-up (pending ${r.coldPending}) | ${ms(r.coldAnswerMs)} |`,
    `| cold warm-up: lint every current revision, one at a time | ${r.warmUpSeconds.toFixed(1)} s (${r.mapsPerSecond.toFixed(0)} maps/s) |`,
    `| event-loop delay during the warm-up p50 / p99 / max | ${ms(r.loopDelay.p50)} / ${ms(r.loopDelay.p99)} / ${ms(r.loopDelay.max)} |`,
    `| warm answer, bureau (all ${r.maps} maps) p50 / p95 / max (n=${r.warmAdmin.n}) | ${ms(r.warmAdmin.p50)} / ${ms(r.warmAdmin.p95)} / ${ms(r.warmAdmin.max)} |`,
    `| warm answer, one unit's reviewer p50 / p95 / max (n=${r.warmUnitUser.n}) | ${ms(r.warmUnitUser.p50)} / ${ms(r.warmUnitUser.p95)} / ${ms(r.warmUnitUser.max)} |`,
    `| Node RSS after seeding / after the warm-up / after the answers | ${r.rssMb.afterSeed} / ${r.rssMb.afterWarmUp} / ${r.rssMb.afterAnswers} MB |`,
    `| lint summary cache entries | ${r.cacheEntries} |`,
    '',
    'Method: in process, no HTTP. `DashboardService.dashboard()` over the embedded store, as GET /api/repository/dashboard calls it. ' +
      'The warm-up is the one the server starts (LintSummaryCache.warmUp: lintXml per map, setImmediate between maps); ' +
      'the event-loop delay is sampled by perf_hooks.monitorEventLoopDelay (10 ms resolution) while it runs.',
  ].join('\n');
}
