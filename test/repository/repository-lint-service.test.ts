// The server's repository check (RepositoryLintService) on a real embedded store: one check per listing version of the
// store, shared by the repository lint, a map's findings and the dashboard; a change of any map (a revision, a new
// child, a move) gives a new check that reads only the revisions not read before.
import { afterAll, describe, expect, it } from 'vitest';
import type { PublicUser } from '../../server/accounts/accounts.records';
import { lintStoredRepository } from '../../server/repository/repository-lint';
import { FactsCache } from '../../server/repository/facts-cache';
import { asMapFinding, RepositoryLintService } from '../../server/repository/repository-lint.service';
import { openEmbeddedStore } from '../../server/store/store';
import { processXml } from '../../scripts/repository/generate-repository';
import { tempDir } from '../helpers/temp-dir';

const store = await openEmbeddedStore(await tempDir('petakerja-repository-service-'));
afterAll(() => store.close());
const UNIT = 'Dinas Kearsipan';
const author = { author: 'Uji', message: 'uji' };
const now = new Date().toISOString();
const bureau: PublicUser = { id: 'uji-biro', username: 'biro', name: 'Biro', jabatan: '', unit: 'Bagian Organisasi', roles: ['admin'], disabled: false, createdAt: now, updatedAt: now };

// A process calling two parts by name (inferred) and one by sk:calledMap (declared), none of which exists yet.
const calls = [
  { id: 'Call_Arsip', name: 'Pengelolaan arsip' },
  { id: 'Call_Layanan', name: 'Layanan arsip' },
  { id: 'Call_Declared', name: 'Pembinaan kearsipan', calledMap: '00000000-0000-4000-8000-000000000000' },
];
const proses = await store.maps.createMap({ name: 'Peta proses kearsipan', kind: 'proses', unit: UNIT, profile: 'nasional' }, { xml: processXml('proses', 'Kearsipan', calls, 'p1'), ...author });

/** What the CLI's check (a fresh cache, the whole store read) finds on `mapId` now: the reference. */
async function reference(mapId: string) {
  return (await lintStoredRepository(store.maps, new FactsCache())).findings.filter((f) => f.mapId === mapId).map(asMapFinding);
}

describe('RepositoryLintService', () => {
  it('answers a map’s findings from one check until the store changes, then from a new one reading only what changed', async () => {
    const service = new RepositoryLintService(store.maps);
    const first = await service.findingsOf(proses.id);
    expect(first.revision).toBe(1);
    expect(first.findings.map((f) => [f.rule, f.element, f.inferred])).toEqual([
      ['map/call-resolves', 'Call_Arsip', true],
      ['map/call-resolves', 'Call_Declared', false],
      ['map/call-resolves', 'Call_Layanan', true],
    ]);
    expect(first.findings).toEqual(await reference(proses.id));
    expect(service.cache.reads).toBe(1);

    // Nothing changed: the same check answers, the repository lint included.
    const check = await service.current();
    expect(await service.current()).toBe(check);
    expect((await service.lint(bureau)).findings.map(asMapFinding)).toEqual(first.findings);
    expect(await service.current()).toBe(check);
    expect(await service.known()).toBe(check);

    // A child map named as a call: a new check, which reads the new map's revision only.
    const child = await store.maps.createMap({ name: 'Pengelolaan arsip', kind: 'subproses', unit: UNIT, profile: 'nasional', parentId: proses.id }, { xml: processXml('subproses', 'Arsip', [], 'c1'), ...author });
    const second = await service.findingsOf(proses.id);
    expect(second.findings.map((f) => f.element)).toEqual(['Call_Declared', 'Call_Layanan']);
    expect(second.findings).toEqual(await reference(proses.id));
    expect(service.cache.reads).toBe(2);
    expect(await service.current()).not.toBe(check);

    // A revision declaring the existing child by sk:calledMap: one more revision read; the map's revision follows.
    const revised = await store.maps.addRevision(proses.id, 1, { xml: processXml('proses', 'Kearsipan', [calls[0]!, calls[1]!, { ...calls[2]!, calledMap: child.id }], 'p2'), ...author });
    const third = await service.findingsOf(proses.id);
    expect(third).toEqual({ revision: revised.map.currentRevision, findings: await reference(proses.id) });
    expect(third.findings.map((f) => f.element)).toEqual(['Call_Layanan']);
    expect(service.cache.reads).toBe(3);
  });

  it('shares one check between requests arriving together, and the dashboard’s first ask starts it without waiting', async () => {
    const service = new RepositoryLintService(store.maps);
    expect(await service.known()).toBeUndefined();
    const [a, b] = await Promise.all([service.current(), service.current()]);
    expect(a).toBe(b);
    expect(await service.known()).toBe(a);
    expect(service.cache.reads).toBe((await store.maps.listMaps({})).length);
  });

  it('has no findings for a map the check does not know, and none for a map without calls', async () => {
    const service = new RepositoryLintService(store.maps);
    expect(await service.findingsOf('00000000-0000-4000-8000-000000000001')).toEqual({ revision: undefined, findings: [] });
    const plain = (await store.maps.listMaps({})).find((m) => m.kind === 'subproses')!;
    expect(await service.findingsOf(plain.id)).toEqual({ revision: plain.currentRevision, findings: [] });
  });
});
