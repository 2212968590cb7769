// Child process of the repository lint bench: opens a data directory, lints it cold then warm, prints JSON with
// the timings and the memory peaks of this process alone.
import { FactsCache } from '../server/repository/facts-cache';
import { lintStoredRepository } from '../server/repository/repository-lint';
import { openEmbeddedStore } from '../server/store/store';

async function main(dataDir: string): Promise<void> {
  let heapPeak = 0;
  const sampler = setInterval(() => {
    heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
  }, 10);
  const opened = performance.now();
  const store = await openEmbeddedStore(dataDir);
  const openMs = performance.now() - opened;
  const cache = new FactsCache();
  const cpu = process.cpuUsage();
  const cold = await lintStoredRepository(store.maps, cache);
  const coldCpu = process.cpuUsage(cpu);
  const coldReads = cache.reads;
  const warm = await lintStoredRepository(store.maps, cache);
  heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
  clearInterval(sampler);
  await store.close();
  console.log(
    JSON.stringify({
      maps: cold.maps,
      findings: cold.findings.length,
      openMs,
      coldMs: cold.durationMs,
      coldReads,
      coldCpuMs: (coldCpu.user + coldCpu.system) / 1000,
      warmMs: warm.durationMs,
      warmReads: cache.reads - coldReads,
      peakRssBytes: process.resourceUsage().maxRSS * 1024,
      peakHeapBytes: heapPeak,
    }),
  );
}

main(process.argv[2]!).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
