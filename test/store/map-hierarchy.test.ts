// Moving and recoding maps in the embedded store: the subtree follows, cycles are refused, and a move cut short by a
// crash is completed from its journal when the store is opened again.
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAP_DIR, mapDocumentPath } from '../../server/store/lowdb-map-store';
import type { MapStore, NewMap } from '../../server/store/map-store';
import { MOVE_JOURNAL_FILE, moveJournal, writeMoveJournal } from '../../server/store/move-journal';
import { planMove } from '../../server/store/move-plan';
import { openEmbeddedStore } from '../../server/store/store';
import { minimalBpmn } from '../helpers/fixtures';
import { STORE_KINDS, withStoreOf } from '../helpers/store-kinds';
import { tempDir } from '../helpers/temp-dir';

const first = { xml: minimalBpmn(), author: 'Ani', message: 'Versi awal' };

async function withStore<T>(dir: string, use: (store: MapStore) => Promise<T>): Promise<T> {
  const store = await openEmbeddedStore(dir);
  try {
    return await use(store.maps);
  } finally {
    await store.close();
  }
}

const create = (store: MapStore, name: string, fields: Partial<NewMap> = {}) =>
  store.createMap({ name, kind: 'proses', unit: 'Bagian Organisasi', profile: 'nasional', ...fields }, first);

/** code and level of every map, by name. */
async function tree(store: MapStore): Promise<Record<string, string>> {
  const maps = await store.listMaps({});
  const byId = new Map(maps.map((m) => [m.id, m]));
  return Object.fromEntries(
    maps.map((m) => [m.name, `${m.code} L${m.level}${m.parentId ? ` ^${byId.get(m.parentId)?.name}` : ''}`]).sort(([a], [b]) => a!.localeCompare(b!)),
  );
}

/** Instansi (1) › Perencanaan (1.1) › Renstra (1.1.1) › Reviu (1.1.1.1); Pelayanan (2) › Perizinan (2.1). */
async function seed(store: MapStore) {
  const instansi = await create(store, 'Instansi');
  const perencanaan = await create(store, 'Perencanaan', { parentId: instansi.id });
  const renstra = await create(store, 'Renstra', { parentId: perencanaan.id, kind: 'lintas-fungsi' });
  const reviu = await create(store, 'Reviu', { parentId: renstra.id });
  const pelayanan = await create(store, 'Pelayanan');
  const perizinan = await create(store, 'Perizinan', { parentId: pelayanan.id });
  return { instansi, perencanaan, renstra, reviu, pelayanan, perizinan };
}

describe.each(STORE_KINDS)('map hierarchy in every store ($name)', (kind) => {
  const withStore = <T>(where: string, use: (store: MapStore) => Promise<T>) => withStoreOf(kind, where, (s) => use(s.maps));

  it('moves a map with its subtree: first free code under the new parent, codes rebased, levels shifted', async () => {
    const dir = await kind.location();
    await withStore(dir, async (store) => {
      const maps = await seed(store);
      expect(await tree(store)).toEqual({
        Instansi: '1 L0',
        Perencanaan: '1.1 L1 ^Instansi',
        Renstra: '1.1.1 L2 ^Perencanaan',
        Reviu: '1.1.1.1 L3 ^Renstra',
        Pelayanan: '2 L0',
        Perizinan: '2.1 L1 ^Pelayanan',
      });
      const changed = await store.moveMap(maps.perencanaan.id, maps.pelayanan.id);
      expect(changed.map((m) => `${m.name} ${m.code}`)).toEqual(['Perencanaan 2.2', 'Renstra 2.2.1', 'Reviu 2.2.1.1']);
      // Deeper: the whole subtree shifts down one more level.
      await store.moveMap(maps.renstra.id, maps.perizinan.id);
      // To the top level: the first free top-level code.
      await store.moveMap(maps.perencanaan.id, null);
    });
    // Everything is on disk.
    await withStore(dir, async (store) => {
      expect(await tree(store)).toEqual({
        Instansi: '1 L0',
        Pelayanan: '2 L0',
        Perizinan: '2.1 L1 ^Pelayanan',
        Renstra: '2.1.1 L2 ^Perizinan',
        Reviu: '2.1.1.1 L3 ^Renstra',
        Perencanaan: '3 L0',
      });
    });
  });

  it('skips a code whose subtree would collide with a code taken elsewhere, and keeps hand-set codes of descendants', async () => {
    const dir = await kind.location();
    await withStore(dir, async (store) => {
      const maps = await seed(store);
      // A map coded by hand where Perencanaan's child would land under 2.2.
      await create(store, 'Lain', { code: '2.2.1' });
      const manual = await create(store, 'Manual', { parentId: maps.perencanaan.id, code: 'X-9' });
      await store.moveMap(maps.perencanaan.id, maps.pelayanan.id);
      const now = await tree(store);
      expect(now.Perencanaan).toBe('2.3 L1 ^Pelayanan');
      expect(now.Renstra).toBe('2.3.1 L2 ^Perencanaan');
      expect(now.Lain).toBe('2.2.1 L0');
      expect(now.Manual).toBe('X-9 L2 ^Perencanaan');
      expect((await store.getMap(manual.id)).level).toBe(2);
    });
  });

  it('refuses a move under the map itself, a descendant or an unknown parent, and changes nothing', async () => {
    const dir = await kind.location();
    await withStore(dir, async (store) => {
      const maps = await seed(store);
      const before = await tree(store);
      for (const parent of [maps.perencanaan.id, maps.renstra.id, maps.reviu.id]) {
        await expect(store.moveMap(maps.perencanaan.id, parent)).rejects.toMatchObject({ code: 'MAP_MOVE_CYCLE', status: 400, message: expect.stringContaining('tidak dapat dipindahkan') });
      }
      await expect(store.moveMap(maps.perencanaan.id, '00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({ code: 'PARENT_NOT_FOUND' });
      await expect(store.moveMap('00000000-0000-4000-8000-000000000000', null)).rejects.toMatchObject({ code: 'MAP_NOT_FOUND' });
      // To the parent it already has: nothing changes.
      expect(await store.moveMap(maps.renstra.id, maps.perencanaan.id)).toEqual([]);
      expect(await tree(store)).toEqual(before);
    });
  });

  it('carries descendants coded beneath a map along when its code is set by hand, and refuses a taken code for any of them', async () => {
    const dir = await kind.location();
    await withStore(dir, async (store) => {
      const maps = await seed(store);
      const updated = await store.updateMap(maps.perencanaan.id, { code: '7', name: 'Perencanaan kinerja' });
      expect(updated).toMatchObject({ code: '7', name: 'Perencanaan kinerja', level: 1 });
      expect(await tree(store)).toMatchObject({ Renstra: '7.1 L2 ^Perencanaan kinerja', Reviu: '7.1.1 L3 ^Renstra' });
      await expect(store.updateMap(maps.perencanaan.id, { code: '2.1' })).rejects.toMatchObject({ code: 'MAP_CODE_TAKEN' });
      await create(store, 'Lain', { code: '8.1' });
      await expect(store.updateMap(maps.perencanaan.id, { code: '8' })).rejects.toMatchObject({ code: 'MAP_CODE_TAKEN', message: expect.stringContaining('8.1') });
      expect(await tree(store)).toMatchObject({ 'Perencanaan kinerja': '7 L1 ^Instansi', Renstra: '7.1 L2 ^Perencanaan kinerja' });
    });
    if (kind.name === 'embedded') expect(existsSync(path.join(dir, MAP_DIR, MOVE_JOURNAL_FILE))).toBe(false);
  });
});

describe('map hierarchy in the embedded store (its move journal)', () => {
  it('completes a move cut short after its journal and half its documents were written, when the store is opened again', async () => {
    const dir = await tempDir();
    const { records, ids } = await withStore(dir, async (store) => {
      const maps = await seed(store);
      const plan = planMove(await store.listMaps({}), maps.perencanaan.id, maps.pelayanan.id, new Date().toISOString());
      return { records: plan, ids: maps };
    });
    expect(records).toHaveLength(3);
    // The crash: the journal is on disk and only the first document was replaced.
    await writeMoveJournal(path.join(dir, MAP_DIR), moveJournal(records));
    const [written] = records;
    const doc = JSON.parse(await readFile(mapDocumentPath(dir, written!.id), 'utf8'));
    await writeFile(mapDocumentPath(dir, written!.id), JSON.stringify({ ...doc, map: written }));

    await withStore(dir, async (store) => {
      expect(await tree(store)).toMatchObject({
        Perencanaan: '2.2 L1 ^Pelayanan',
        Renstra: '2.2.1 L2 ^Perencanaan',
        Reviu: '2.2.1.1 L3 ^Renstra',
        Instansi: '1 L0',
      });
      // The store serves on as usual: the next map under Instansi takes the code Perencanaan left free.
      expect((await create(store, 'Baru', { parentId: ids.instansi.id })).code).toBe('1.1');
    });
    expect(existsSync(path.join(dir, MAP_DIR, MOVE_JOURNAL_FILE))).toBe(false);
    // Replaying is idempotent: the same journal again changes nothing further.
    await writeMoveJournal(path.join(dir, MAP_DIR), moveJournal(records));
    await withStore(dir, async (store) => {
      expect((await tree(store)).Reviu).toBe('2.2.1.1 L3 ^Renstra');
      expect((await store.getMap(ids.renstra.id)).currentRevision).toBe(1);
    });
  });

  it('refuses to open on a journal naming a map that does not exist, leaving it in place', async () => {
    const dir = await tempDir();
    const records = await withStore(dir, async (store) => {
      const maps = await seed(store);
      return planMove(await store.listMaps({}), maps.renstra.id, null, new Date().toISOString());
    });
    const ghost = { ...records[0]!, id: '00000000-0000-4000-8000-000000000000' };
    await writeMoveJournal(path.join(dir, MAP_DIR), moveJournal([...records, ghost]));
    await expect(openEmbeddedStore(dir)).rejects.toMatchObject({ name: 'StoreOpenError', message: expect.stringContaining('tidak ada') });
    expect(existsSync(path.join(dir, MAP_DIR, MOVE_JOURNAL_FILE))).toBe(true);
  });
});
