// The repository-wide checks on a generated repository of about 400 maps in the real embedded store: exactly the
// planted defects are found, and the facts cache makes a second run read no revision again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FactsCache } from '../../server/repository/facts-cache';
import { lintStoredRepository } from '../../server/repository/repository-lint';
import { openEmbeddedStore, type Store } from '../../server/store/store';
import { generateRepositoryDir, processXml, type GeneratedRepository } from '../../scripts/repository/generate-repository';
import { tempDir } from '../helpers/temp-dir';

describe('lintStoredRepository on a generated repository', () => {
  let generated: GeneratedRepository;
  let store: Store;

  beforeAll(async () => {
    const dir = await tempDir('petakerja-repo-lint-');
    generated = await generateRepositoryDir(dir, { maps: 400 });
    store = await openEmbeddedStore(dir);
  }, 120_000);
  afterAll(() => store?.close());

  it('finds exactly the planted defects, and reads only changed revisions the second time', async () => {
    expect(generated.mapCount).toBeGreaterThanOrEqual(380);
    const cache = new FactsCache();
    const cold = await lintStoredRepository(store.maps, cache);
    console.log(`repository lint of ${cold.maps} maps: cold ${cold.durationMs} ms`);
    expect(cold.maps).toBe(generated.mapCount);
    const found = cold.findings.map((f) => ({ rule: f.rule, mapId: f.mapId, ...(f.element ? { element: f.element } : {}) }));
    const byKey = (a: { rule: string; mapId: string }, b: { rule: string; mapId: string }) => `${a.rule}${a.mapId}`.localeCompare(`${b.rule}${b.mapId}`);
    expect(found.sort(byKey)).toEqual([...generated.planted].sort(byKey));
    expect(cold.summary).toEqual({ errors: 3, warnings: 2 });
    expect(cache.reads).toBe(generated.mapCount);

    const warm = await lintStoredRepository(store.maps, cache);
    console.log(`repository lint of ${warm.maps} maps: warm ${warm.durationMs} ms`);
    expect(cache.reads).toBe(generated.mapCount);
    expect(warm.findings).toEqual(cold.findings);

    // Fix the missing call: the next run reads that one new revision only, and its finding is gone.
    const planted = generated.planted.find((p) => p.element === 'Call_Hilang')!;
    const map = await store.maps.getMap(planted.mapId);
    await store.maps.addRevision(map.id, map.currentRevision, { xml: processXml('subproses', map.name, [], 'diperbaiki'), author: 'Uji', message: 'Perbaikan' });
    const after = await lintStoredRepository(store.maps, cache);
    expect(cache.reads).toBe(generated.mapCount + 1);
    expect(after.findings.some((f) => f.element === 'Call_Hilang')).toBe(false);
    expect(after.summary).toEqual({ errors: 2, warnings: 2 });
  }, 60_000);
});
