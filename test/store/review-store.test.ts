// The embedded ReviewStore on a temporary data directory: records and files kept across reopening, history that can
// only grow (a rewrite is refused and nothing is written), files verified against their hash, corrupt documents
// refused without being touched, and backup/restore.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { StoreOpenError } from '../../server/errors';
import type { ReviewDocument, Transition } from '../../server/review/review.schema';
import type { ReviewStore } from '../../server/review/review-store';
import { backupDataDir, restoreDataDir } from '../../server/store/backup';
import { REVIEW_FILES_DIR, reviewDocumentPath } from '../../server/store/lowdb-review-store';
import { openEmbeddedStore } from '../../server/store/store';
import { STORE_KINDS, withStoreOf } from '../helpers/store-kinds';
import { tempDir } from '../helpers/temp-dir';

const MAP_ID = '3f2b8c1e-5d4a-4e6f-9a7b-1c2d3e4f5a6b';
const BY = { id: 'u1', name: 'Ani' };

const transition = (doc: ReviewDocument, action: Transition['action'], from: Transition['from'], to: Transition['to']): Transition => ({
  seq: doc.transitions.length + 1,
  cycle: 1,
  action,
  from,
  to,
  by: BY,
  at: new Date().toISOString(),
  comment: '',
  revision: 1,
  sopVersion: 1,
});

const append = (store: ReviewStore, action: Transition['action'], from: Transition['from'], to: Transition['to']) =>
  store.update(MAP_ID, (doc) => ({ next: { ...doc, transitions: [...doc.transitions, transition(doc, action, from, to)] }, result: undefined }));

async function withStore<T>(dir: string, use: (store: ReviewStore) => Promise<T>): Promise<T> {
  const store = await openEmbeddedStore(dir);
  try {
    return await use(store.review);
  } finally {
    await store.close();
  }
}

describe.each(STORE_KINDS)('ReviewStore ($name)', (kind) => {
  const withStore = <T>(where: string, use: (store: ReviewStore) => Promise<T>) => withStoreOf(kind, where, (s) => use(s.review));

  it('answers an empty record for a map without one, and keeps records and files across reopening', async () => {
    const dir = await kind.location();
    const bytes = new TextEncoder().encode('%PDF-1.7 uji');
    let sha = '';
    await withStore(dir, async (store) => {
      expect(await store.get(MAP_ID)).toMatchObject({ mapId: MAP_ID, transitions: [], annotations: [], signatures: [] });
      expect(await store.list()).toEqual([]);
      await append(store, 'ajukan', 'draf', 'diajukan');
      sha = await store.putFile(bytes);
      expect(await store.putFile(bytes)).toBe(sha);
    });
    await withStore(dir, async (store) => {
      expect((await store.get(MAP_ID)).transitions.map((t) => t.to)).toEqual(['diajukan']);
      expect(await store.list()).toHaveLength(1);
      expect(new TextDecoder().decode(await store.readFile(sha))).toBe('%PDF-1.7 uji');
      await expect(store.readFile('0'.repeat(64))).rejects.toMatchObject({ code: 'FILE_NOT_FOUND', status: 404 });
    });
  });

  it('refuses a change that rewrites or drops history, or breaks the chain of states, and writes nothing', async () => {
    const dir = await kind.location();
    await withStore(dir, async (store) => {
      await append(store, 'ajukan', 'draf', 'diajukan');
      await append(store, 'mulai-reviu', 'diajukan', 'direviu');
      const file = kind.name === 'embedded' ? () => readFile(reviewDocumentPath(dir, MAP_ID), 'utf8') : async () => '';
      const [before, recordBefore] = [await file(), await store.get(MAP_ID)];
      await expect(store.update(MAP_ID, (doc) => ({ next: { ...doc, transitions: doc.transitions.slice(0, 1) }, result: 0 }))).rejects.toThrow(/transitions: entries removed/);
      await expect(
        store.update(MAP_ID, (doc) => ({ next: { ...doc, transitions: doc.transitions.map((t, i) => (i === 0 ? { ...t, comment: 'diubah' } : t)) }, result: 0 })),
      ).rejects.toThrow(/transitions\[0\] changed/);
      // From a state the record is not in.
      await expect(append(store, 'setujui', 'diajukan', 'disetujui')).rejects.toThrow(/Invalid review record/);
      expect(await file()).toBe(before);
      expect(await store.get(MAP_ID)).toEqual(recordBefore);
      expect((await store.get(MAP_ID)).transitions).toHaveLength(2);
    });
  });

  it('lets a thread gain replies and status changes but never lose or change what was written', async () => {
    const dir = await kind.location();
    await withStore(dir, async (store) => {
      const annotation = {
        id: 'a3c1e0f2-1b2c-4d3e-8f4a-5b6c7d8e9f00',
        anchor: { kind: 'identitas' as const, field: 'namaSop' as const },
        revision: 1,
        sopVersion: 1,
        fingerprint: '"x"',
        body: 'Nama terlalu umum',
        by: BY,
        at: new Date().toISOString(),
        status: 'terbuka' as const,
        statusChanges: [],
        replies: [],
      };
      await store.update(MAP_ID, (doc) => ({ next: { ...doc, annotations: [annotation] }, result: undefined }));
      const resolved = { ...annotation, status: 'selesai' as const, statusChanges: [{ status: 'selesai' as const, by: BY, at: annotation.at }] };
      await store.update(MAP_ID, (doc) => ({ next: { ...doc, annotations: [resolved] }, result: undefined }));
      await expect(store.update(MAP_ID, (doc) => ({ next: { ...doc, annotations: [{ ...resolved, body: 'Diganti' }] }, result: 0 }))).rejects.toThrow(/annotations\[0\] changed/);
      await expect(store.update(MAP_ID, (doc) => ({ next: { ...doc, annotations: [{ ...resolved, statusChanges: [] }] }, result: 0 }))).rejects.toThrow(/annotations\[0\] changed/);
      expect((await store.get(MAP_ID)).annotations[0]).toMatchObject({ body: 'Nama terlalu umum', status: 'selesai' });
    });
  });
});

describe('embedded ReviewStore (its documents and files)', () => {
  it('refuses to open a corrupt record or a file that no longer matches its hash, leaving both untouched', async () => {
    const dir = await tempDir();
    let sha = '';
    await withStore(dir, async (store) => {
      await append(store, 'ajukan', 'draf', 'diajukan');
      sha = await store.putFile(new TextEncoder().encode('%PDF-1.7 asli'));
    });
    const file = path.join(dir, REVIEW_FILES_DIR, sha.slice(0, 2), `${sha}.bin`);
    await writeFile(file, '%PDF-1.7 palsu');
    await withStore(dir, async (store) => {
      await expect(store.readFile(sha)).rejects.toThrow(/corrupt/);
    });
    const doc = reviewDocumentPath(dir, MAP_ID);
    await writeFile(doc, '{"format":"petakerja-review"');
    await expect(openEmbeddedStore(dir)).rejects.toBeInstanceOf(StoreOpenError);
    expect(await readFile(doc, 'utf8')).toBe('{"format":"petakerja-review"');
  });

  it('is part of the backup and comes back whole on restore', async () => {
    const dir = await tempDir();
    let sha = '';
    await withStore(dir, async (store) => {
      await append(store, 'ajukan', 'draf', 'diajukan');
      sha = await store.putFile(new TextEncoder().encode('%PDF-1.7 cadangan'));
    });
    const archive = path.join(await tempDir(), 'cadangan.tar.gz');
    await backupDataDir(dir, archive);
    const restored = path.join(await tempDir(), 'pulih');
    await restoreDataDir(archive, restored);
    await withStore(restored, async (store) => {
      expect((await store.get(MAP_ID)).transitions.map((t) => t.action)).toEqual(['ajukan']);
      expect(new TextDecoder().decode(await store.readFile(sha))).toBe('%PDF-1.7 cadangan');
    });
  });
});
