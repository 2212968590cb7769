// The embedded SopStore on a temporary data directory: versions per map, conflicts, letterheads, durability across
// reopening, corrupt documents refused without being touched, and backup/restore.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { StoreOpenError } from '../../server/errors';
import { backupDataDir, restoreDataDir } from '../../server/store/backup';
import { LETTERHEADS_FILE, sopDocumentPath } from '../../server/store/lowdb-sop-store';
import type { SopStore } from '../../server/store/sop-store';
import { openEmbeddedStore } from '../../server/store/store';
import { STORE_KINDS, withStoreOf } from '../helpers/store-kinds';
import { tempDir } from '../helpers/temp-dir';

const MAP_ID = '3f2b8c1e-5d4a-4e6f-9a7b-1c2d3e4f5a6b';
const OTHER_MAP_ID = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
const save = (namaSop: string, mapRevision = 1) => ({ identity: { namaSop }, settings: { paper: 'A4' as const }, mapRevision, savedBy: 'Ani' });

async function withStore<T>(dir: string, use: (store: SopStore) => Promise<T>): Promise<T> {
  const store = await openEmbeddedStore(dir);
  try {
    return await use(store.sop);
  } finally {
    await store.close();
  }
}

describe.each(STORE_KINDS)('SopStore ($name)', (kind) => {
  const withStore = <T>(where: string, use: (store: SopStore) => Promise<T>) => withStoreOf(kind, where, (s) => use(s.sop));

  it('keeps every version of a map\'s SOP and every letterhead across reopening', async () => {
    const dir = await kind.location();
    await withStore(dir, async (store) => {
      expect(await store.listSopVersions(MAP_ID)).toEqual([]);
      expect(await store.putSop(MAP_ID, 0, save('Pertama'))).toMatchObject({ version: 1, mapRevision: 1 });
      expect(await store.putSop(MAP_ID, 1, save('Kedua', 3))).toMatchObject({ version: 2, mapRevision: 3 });
      await store.putSop(OTHER_MAP_ID, 0, save('Lain'));
      await store.putLetterhead(' Dinas Kesehatan ', { pemda: 'Pemerintah Kota Denpasar' }, 'Ani');
    });
    await withStore(dir, async (store) => {
      const versions = await store.listSopVersions(MAP_ID);
      expect(versions.map((v) => [v.version, v.mapRevision, v.identity.namaSop])).toEqual([
        [1, 1, 'Pertama'],
        [2, 3, 'Kedua'],
      ]);
      expect((await store.listSopVersions(OTHER_MAP_ID))[0]?.identity.namaSop).toBe('Lain');
      expect(await store.getLetterhead('DINAS KESEHATAN')).toMatchObject({ unit: 'Dinas Kesehatan', letterhead: { pemda: 'Pemerintah Kota Denpasar' } });
      expect(await store.getLetterhead('Dinas Sosial')).toBeUndefined();
    });
  });

  it('refuses a save whose base version is not the current one, whichever of two concurrent saves comes second', async () => {
    const dir = await kind.location();
    await withStore(dir, async (store) => {
      const results = await Promise.allSettled([store.putSop(MAP_ID, 0, save('A')), store.putSop(MAP_ID, 0, save('B'))]);
      expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
      const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      expect(rejected.reason).toMatchObject({ code: 'SOP_CONFLICT', status: 409, details: { baseVersion: 0, currentVersion: 1 } });
      expect(await store.listSopVersions(MAP_ID)).toHaveLength(1);
    });
  });
});

describe('embedded SopStore (its documents)', () => {
  it('stops with a clear message on a corrupt SOP or letterhead document and never overwrites it', async () => {
    const dir = await tempDir();
    await withStore(dir, async (store) => {
      await store.putSop(MAP_ID, 0, save('Pertama'));
      await store.putLetterhead('Dinas Kesehatan', { pemda: 'Pemerintah Kota Denpasar' }, 'Ani');
    });
    const sopFile = sopDocumentPath(dir, MAP_ID);
    const good = await readFile(sopFile, 'utf8');
    const doc = JSON.parse(good);
    const corruptions: Array<[string, string, RegExp]> = [
      [sopFile, '{"format":"petakerja-sop",', /rusak \(bukan JSON yang sah/],
      [sopFile, JSON.stringify({ ...doc, versions: [{ ...doc.versions[0], version: 2 }] }), /tidak sesuai skema \(versions: Nomor versi SOP harus berurutan/],
      [sopFile, JSON.stringify({ ...doc, versions: [{ ...doc.versions[0], identity: { disahkanOleh: { nip: '12' } } }] }), /tidak sesuai skema \(versions\.0\.identity\.disahkanOleh\.nip/],
      [sopFile, JSON.stringify({ ...doc, mapId: OTHER_MAP_ID }), /berisi SOP peta lain/],
      [path.join(dir, LETTERHEADS_FILE), '{"format":"petakerja-letterheads","version":1,"units":{"x":{"unit":"x"}}}', /letterheads\.json tidak sesuai skema/],
    ];
    for (const [file, corrupt, message] of corruptions) {
      const before = await readFile(file, 'utf8');
      await writeFile(file, corrupt);
      const opening = openEmbeddedStore(dir);
      await expect(opening).rejects.toBeInstanceOf(StoreOpenError);
      await expect(opening).rejects.toThrow(message);
      expect(await readFile(file, 'utf8')).toBe(corrupt);
      await writeFile(file, before);
    }
    await withStore(dir, async (store) => expect(await store.listSopVersions(MAP_ID)).toHaveLength(1));
  });

  it('is in the backup and comes back whole from a restore', async () => {
    const dir = await tempDir();
    await withStore(dir, async (store) => {
      await store.putSop(MAP_ID, 0, save('Dicadangkan'));
      await store.putLetterhead('Dinas Kesehatan', { unit: 'Dinas Kesehatan' }, 'Ani');
    });
    const archive = path.join(await tempDir(), 'cadangan.tar.gz');
    await backupDataDir(dir, archive);
    const restored = path.join(await tempDir(), 'pulih');
    await restoreDataDir(archive, restored);
    await withStore(restored, async (store) => {
      expect((await store.listSopVersions(MAP_ID))[0]?.identity.namaSop).toBe('Dicadangkan');
      expect((await store.getLetterhead('Dinas Kesehatan'))?.letterhead.unit).toBe('Dinas Kesehatan');
    });
  });
});
