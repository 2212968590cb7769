import { spawn } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError, StoreOpenError } from '../../server/errors';
import { sha256 } from '../../server/store/blob-store';
import { LOCK_FILE } from '../../server/store/data-dir-lock';
import { BLOB_DIR, MAP_DIR, mapDocumentPath } from '../../server/store/lowdb-map-store';
import { openEmbeddedStore } from '../../server/store/store';
import type { MapStore } from '../../server/store/map-store';
import { minimalBpmn, ROOT } from '../helpers/fixtures';
import { STORE_KINDS, withStoreOf } from '../helpers/store-kinds';
import { tempDir } from '../helpers/temp-dir';

const newMap = { name: 'Pelayanan izin', kind: 'lintas-fungsi', unit: 'Dinas Kesehatan', profile: 'badung' } as const;
const first = (xml = minimalBpmn()) => ({ xml, author: 'Ani', message: 'Versi awal' });

async function withStore<T>(dir: string, use: (store: MapStore) => Promise<T>): Promise<T> {
  const store = await openEmbeddedStore(dir);
  try {
    return await use(store.maps);
  } finally {
    await store.close();
  }
}

function expectAppError(code: string) {
  return expect.objectContaining({ name: 'AppError', code });
}

describe.each(STORE_KINDS)('MapStore ($name)', (kind) => {
  const withStore = <T>(where: string, use: (store: MapStore) => Promise<T>) => withStoreOf(kind, where, (s) => use(s.maps));

  it('refuses a save based on a stale revision with 409 and the current revision number', async () => {
    const dir = await kind.location();
    await withStore(dir, async (store) => {
      const map = await store.createMap(newMap, first());
      const results = await Promise.allSettled([
        store.addRevision(map.id, 1, first(minimalBpmn('Sunting A'))),
        store.addRevision(map.id, 1, first(minimalBpmn('Sunting B'))),
      ]);
      const fulfilled = results.filter((r) => r.status === 'fulfilled');
      const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(fulfilled).toHaveLength(1);
      expect(rejected).toHaveLength(1);
      const conflict = rejected[0]!.reason as AppError;
      expect(conflict).toMatchObject({ status: 409, code: 'REVISION_CONFLICT', details: { currentRevision: 2 } });
      expect(conflict.message).toContain('revisi terbaru adalah 2');
      expect(await store.listRevisions(map.id)).toHaveLength(2);
    });
  });

  it('lists one unit\'s maps case-insensitively, follows a unit change, and lists units', async () => {
    const dir = await kind.location();
    await withStore(dir, async (store) => {
      const a = await store.createMap(newMap, first());
      const b = await store.createMap({ ...newMap, unit: 'Bappeda', name: 'Perencanaan' }, first());
      expect((await store.listMaps({ unit: 'DINAS KESEHATAN' })).map((m) => m.id)).toEqual([a.id]);
      await store.updateMap(b.id, { unit: 'Dinas Kesehatan' });
      expect((await store.listMaps({ unit: 'dinas kesehatan' })).map((m) => m.id)).toEqual([b.id, a.id]);
      expect(await store.listMaps({ unit: 'Bappeda' })).toEqual([]);
      expect(await store.listUnits()).toEqual(['Dinas Kesehatan']);
    });
  });

  it('answers unknown maps and revisions with MAP_NOT_FOUND and REVISION_NOT_FOUND', async () => {
    const dir = await kind.location();
    await withStore(dir, async (store) => {
      const map = await store.createMap(newMap, first());
      await expect(store.getMap('00000000-0000-4000-8000-000000000000')).rejects.toEqual(expectAppError('MAP_NOT_FOUND'));
      await expect(store.readRevisionXml(map.id, 7)).rejects.toEqual(expectAppError('REVISION_NOT_FOUND'));
    });
  });

  it('assigns codes and levels from the hierarchy and refuses a code already taken', async () => {
    const dir = await kind.location();
    await withStore(dir, async (store) => {
      const root = await store.createMap({ ...newMap, kind: 'proses' }, first());
      const second = await store.createMap({ ...newMap, kind: 'proses' }, first());
      const child = await store.createMap({ ...newMap, parentId: root.id }, first());
      const grandchild = await store.createMap({ ...newMap, parentId: child.id }, first());
      expect([root.code, second.code, child.code, grandchild.code]).toEqual(['1', '2', '1.1', '1.1.1']);
      expect([root.level, child.level, grandchild.level]).toEqual([0, 1, 2]);
      await expect(store.createMap({ ...newMap, code: '1.1' }, first())).rejects.toEqual(expectAppError('MAP_CODE_TAKEN'));
      await expect(store.updateMap(second.id, { code: '1' })).rejects.toEqual(expectAppError('MAP_CODE_TAKEN'));
      await expect(store.createMap({ ...newMap, parentId: '00000000-0000-4000-8000-000000000000' }, first())).rejects.toEqual(
        expectAppError('PARENT_NOT_FOUND'),
      );
    });
  });
});

describe('embedded store (lowdb metadata, BPMN bodies as files named by sha256)', () => {
  it('keeps every revision readable and the XML out of the metadata document', async () => {
    const dir = await tempDir();
    const xml1 = minimalBpmn('Menerima berkas');
    const xml2 = minimalBpmn('Memeriksa berkas');
    const mapId = await withStore(dir, async (store) => {
      const map = await store.createMap(newMap, first(xml1));
      expect(map).toMatchObject({ code: '1', level: 0, currentRevision: 1, unit: 'Dinas Kesehatan' });
      const { revision } = await store.addRevision(map.id, 1, { xml: xml2, author: 'Budi', message: 'Tambah pemeriksaan' });
      expect(revision).toMatchObject({ n: 2, sha256: sha256(xml2), author: 'Budi' });
      return map.id;
    });
    const metadata = await readFile(mapDocumentPath(dir, mapId), 'utf8');
    expect(JSON.parse(metadata).revisions).toHaveLength(2);
    expect(metadata).not.toContain('Menerima berkas');
    const blob = await readFile(path.join(dir, BLOB_DIR, sha256(xml1).slice(0, 2), `${sha256(xml1)}.bpmn`), 'utf8');
    expect(blob).toBe(xml1);

    await withStore(dir, async (store) => {
      const [map] = await store.listMaps({});
      expect(await store.readRevisionXml(map!.id, 1)).toBe(xml1);
      expect(await store.readRevisionXml(map!.id, 2)).toBe(xml2);
      expect((await store.listRevisions(map!.id)).map((r) => r.message)).toEqual(['Versi awal', 'Tambah pemeriksaan']);
    });
  });

  it('leaves no temporary file behind after its atomic writes', async () => {
    const dir = await tempDir();
    await withStore(dir, async (store) => {
      const map = await store.createMap(newMap, first());
      await store.addRevision(map.id, 1, first(minimalBpmn('Kedua')));
    });
    const names = [
      ...(await readdir(dir)),
      ...(await readdir(path.join(dir, MAP_DIR))),
      ...(await readdir(path.join(dir, BLOB_DIR), { recursive: true })),
    ];
    expect(names.filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('stops with a clear message on a corrupt metadata file and never overwrites it', async () => {
    const dir = await tempDir();
    const map = await withStore(dir, (store) => store.createMap(newMap, first()));
    const file = mapDocumentPath(dir, map.id);
    const valid = JSON.parse(await readFile(file, 'utf8'));
    const corruptions = [
      '{"format":"petakerja-map","version":1,"map":{',
      JSON.stringify({ ...valid, map: { ...valid.map, currentRevision: 3 } }),
      JSON.stringify({ ...valid, map: { ...valid.map, id: '00000000-0000-4000-8000-000000000000' } }),
    ];
    for (const corrupt of corruptions) {
      await writeFile(file, corrupt);
      const opening = openEmbeddedStore(dir);
      await expect(opening).rejects.toBeInstanceOf(StoreOpenError);
      await expect(opening).rejects.toThrow(/rusak|tidak sesuai skema|id lain/);
      await expect(opening).rejects.toThrow(map.id);
      expect(await readFile(file, 'utf8')).toBe(corrupt);
      // The failed open released its lock: a later open is refused for the file, not for the lock.
      await expect(openEmbeddedStore(dir)).rejects.toThrow(/pulihkan dari cadangan/);
    }
  });

  it('detects a BPMN body whose content no longer matches its hash', async () => {
    const dir = await tempDir();
    const xml = minimalBpmn('Asli');
    await withStore(dir, async (store) => {
      const map = await store.createMap(newMap, first(xml));
      await writeFile(path.join(dir, BLOB_DIR, sha256(xml).slice(0, 2), `${sha256(xml)}.bpmn`), minimalBpmn('Diubah diam-diam'));
      await expect(store.readRevisionXml(map.id, 1)).rejects.toThrow(/corrupt/);
    });
  });

  it('lets only one process use a data directory at a time, and takes over the lock of a dead one', async () => {
    const dir = await tempDir();
    const store = await openEmbeddedStore(dir);
    await expect(openEmbeddedStore(dir)).rejects.toThrow(/sedang dipakai oleh proses lain/);
    await store.close();
    await writeFile(path.join(dir, LOCK_FILE), '2147483646');
    await withStore(dir, async (reopened) => expect(await reopened.listMaps({})).toEqual([]));
  });

  it('loses no acknowledged save when the process is killed mid-write (SIGKILL)', async () => {
    const dir = await tempDir();
    const acknowledged = new Map<number, string>();
    let mapId = '';
    for (let kill = 0; kill < 4; kill++) {
      const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'test/helpers/save-loop.ts'), dir], {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let buffer = '';
      let acksThisRun = 0;
      const killAfter = 3 + Math.floor(Math.random() * 20);
      await new Promise<void>((resolve) => {
        child.stdout.on('data', (chunk: Buffer) => {
          buffer += chunk.toString();
          const lines = buffer.split('\n');
          buffer = lines.pop()!;
          for (const line of lines) {
            const [, id, n, hash] = line.split(' ');
            mapId = id!;
            acknowledged.set(Number(n), hash!);
            // Kill after a random number of saves, while the next one is in flight.
            if (++acksThisRun === killAfter) child.kill('SIGKILL');
          }
        });
        child.on('exit', () => resolve());
      });
    }
    expect(acknowledged.size).toBeGreaterThanOrEqual(4 * 3);
    await withStore(dir, async (store) => {
      const revisions = await store.listRevisions(mapId);
      const stored = new Map(revisions.map((r) => [r.n, r.sha256]));
      for (const [n, hash] of acknowledged) {
        expect(stored.get(n)).toBe(hash);
        expect(sha256(await store.readRevisionXml(mapId, n))).toBe(hash);
      }
    });
  });
});
