// The dashboard's lint summary cache on real library maps in a real embedded store: counts equal lintXml's, a second
// ask of the same revision lints nothing, and the background warm-up checks every current revision and can stop.
import { readFile, readdir } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import type { Profile } from '../../server/domain/vocabulary';
import { lintXml, summarise } from '../../server/lint/lint.service';
import { LintSummaryCache } from '../../server/repository/lint-summary-cache';
import type { ProcessMap } from '../../server/store/records';
import { openEmbeddedStore } from '../../server/store/store';
import { tempDir } from '../helpers/temp-dir';

const LIBRARY = new URL('../../processes/library/', import.meta.url);
const files = (await readdir(LIBRARY)).filter((name) => name.endsWith('.bpmn')).sort();
const library = await Promise.all(files.map(async (name) => ({ name, xml: await readFile(new URL(name, LIBRARY), 'utf8') })));
const dalamUnit = library.find((f) => f.name === 'penunjukan-dalam-unit.bpmn')!.xml;
/** Library maps changed so that they have findings: a task without a name (errors), a task not starting with a verb (a warning). */
const damaged = [
  { name: 'tanpa-nama', xml: dalamUnit.replace(/(<bpmn:task[^>]*?) name="[^"]*"/, '$1') },
  { name: 'bukan-kata-kerja', xml: dalamUnit.replace(/(<bpmn:task[^>]*?) name="[^"]*"/, '$1 name="Surat tugas tim"') },
];

const store = await openEmbeddedStore(await tempDir('petakerja-lint-cache-'));
afterAll(() => store.close());
const PROFILES: Profile[] = ['nasional', 'jembrana', 'gunung-mas'];
const maps: ProcessMap[] = [];
for (const [i, file] of [...library, ...damaged].entries()) {
  maps.push(await store.maps.createMap(
    { name: `Peta ${file.name}`, kind: 'subproses', unit: `Unit ${i % 3}`, profile: PROFILES[i % PROFILES.length]! },
    { xml: file.xml, author: 'Uji', message: 'uji' },
  ));
}

async function expected(map: ProcessMap) {
  const xml = await store.maps.readRevisionXml(map.id, map.currentRevision);
  return summarise((await lintXml(xml, map.profile)).findings);
}

describe('LintSummaryCache', () => {
  it('counts what lintXml finds, per map, errors and warnings included', async () => {
    const cache = new LintSummaryCache(store.maps);
    let errors = 0;
    let warnings = 0;
    for (const map of maps) {
      const summary = await cache.summaryOf(map);
      expect(summary, map.name).toEqual(await expected(map));
      if (summary !== 'unreadable') {
        errors += summary.errors;
        warnings += summary.warnings;
      }
    }
    // The damaged maps make sure the counts are not all zero.
    expect(errors).toBeGreaterThan(0);
    expect(warnings).toBeGreaterThan(0);
    expect(cache.size).toBe(new Set(await Promise.all(maps.map(async (m) => JSON.stringify(await cache.keyOf(m))))).size);
  });

  it('answers a second ask of the same revision from memory, and lints a new revision or another profile anew', async () => {
    const cache = new LintSummaryCache(store.maps);
    const [map] = maps;
    const key = await cache.keyOf(map!);
    expect(cache.peek(key)).toBeUndefined();
    const first = await cache.summaryOf(map!);
    expect(cache.peek(key)).toEqual(first);
    expect(cache.size).toBe(1);
    // The same sha256 under the same profile: no second entry, the same answer.
    expect(await cache.summaryOf(map!)).toBe(first);
    expect(cache.size).toBe(1);
    expect(cache.peek({ ...key, profile: key.profile === 'nasional' ? 'jembrana' : 'nasional' })).toBeUndefined();

    const saved = await store.maps.addRevision(map!.id, map!.currentRevision, { xml: damaged[0]!.xml, author: 'Uji', message: 'rusak' });
    const newKey = await cache.keyOf(saved.map);
    expect(newKey.sha256).not.toBe(key.sha256);
    expect(cache.peek(newKey)).toBeUndefined();
    expect(await cache.summaryOf(saved.map)).toEqual(await expected(saved.map));
    expect(cache.size).toBe(2);
    maps[0] = saved.map;
  });

  it('keeps at most maxEntries, dropping the least recently used', async () => {
    const cache = new LintSummaryCache(store.maps, { maxEntries: 2 });
    const [a, b, c] = maps;
    await cache.summaryOf(a!);
    await cache.summaryOf(b!);
    cache.peek(await cache.keyOf(a!)); // a used last: b goes first
    await cache.summaryOf(c!);
    expect(cache.size).toBe(2);
    expect(cache.peek(await cache.keyOf(a!))).toBeDefined();
    expect(cache.peek(await cache.keyOf(b!))).toBeUndefined();
    expect(cache.peek(await cache.keyOf(c!))).toBeDefined();
  });

  it('warms up every current revision in the background, one map at a time', async () => {
    const cache = new LintSummaryCache(store.maps);
    cache.warmUp();
    expect(cache.warmingUp).toBe(true);
    // The event loop keeps turning while it lints: a timer fires before the warm-up ends.
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 1);
    await cache.idle();
    clearInterval(timer);
    expect(cache.warmingUp).toBe(false);
    expect(ticks).toBeGreaterThan(0);
    for (const map of await store.maps.listMaps({})) expect(cache.peek(await cache.keyOf(map)), map.name).toEqual(await expected(map));
  });

  it('stops a running warm-up on request and starts none after', async () => {
    const cache = new LintSummaryCache(store.maps);
    cache.warmUp();
    await new Promise((resolve) => setImmediate(resolve));
    await cache.stop();
    expect(cache.warmingUp).toBe(false);
    expect(cache.size).toBeLessThan(maps.length);
    cache.warmUp();
    expect(cache.warmingUp).toBe(false);
  });
});
