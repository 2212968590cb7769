// Stored documents that cannot grow without bound or be wedged (issue 13, items 2 and 10): the size ceiling per
// document refuses a change before anything is written (memory and disk stay as they were, the directory reopens);
// temp files left by a crash are removed on open; a unit named `__proto__` keeps its letterhead across reopening.
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../server/errors';
import type { Annotation, ReviewDocument } from '../../server/review/review.schema';
import { IDENTITY_LIMITS, type SopIdentityDraft } from '../../server/sop/identity.schema';
import type { SopDocument, SopVersion } from '../../server/sop/sop.schema';
import { DOCUMENT_LIMITS } from '../../server/store/document-limits';
import { MAX_SESSIONS_PER_USER } from '../../server/store/account-rules';
import { LETTERHEADS_FILE, sopDocumentPath } from '../../server/store/lowdb-sop-store';
import { reviewDocumentPath } from '../../server/store/lowdb-review-store';
import { openEmbeddedStore, type Store } from '../../server/store/store';
import { tempDir } from '../helpers/temp-dir';

const MAP_ID = '3f2b8c1e-5d4a-4e6f-9a7b-1c2d3e4f5a6b';
const BY = { id: 'u1', name: 'Ani' };
const AT = '2026-11-02T08:00:00.000Z';

async function withStore<T>(dir: string, use: (store: Store) => Promise<T>): Promise<T> {
  const store = await openEmbeddedStore(dir);
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/** An SOP identity with every field at its longest, in 3-byte characters. */
function fullIdentity(): SopIdentityDraft {
  const text = (n: number) => 'ṡ'.repeat(n);
  const list = () => Array.from({ length: IDENTITY_LIMITS.items }, () => text(IDENTITY_LIMITS.item));
  return {
    nomor: text(IDENTITY_LIMITS.short),
    namaSop: text(IDENTITY_LIMITS.title),
    peringatan: text(IDENTITY_LIMITS.paragraph),
    dasarHukum: list(),
    keterkaitan: list(),
    kualifikasiPelaksana: list(),
    peralatan: list(),
    pencatatan: list(),
  };
}

describe('size ceiling per stored document', () => {
  it('refuses an SOP version that would take the SOP document over its ceiling, writing nothing', async () => {
    const dir = await tempDir();
    // An SOP document just under the ceiling, as many saves at the longest fields would leave it.
    const version = (n: number): SopVersion => ({ version: n, mapRevision: 1, identity: fullIdentity(), settings: {}, savedAt: AT, savedBy: 'Ani' });
    const perVersion = Buffer.byteLength(JSON.stringify(version(1000)));
    const count = Math.floor((DOCUMENT_LIMITS.sop.maxBytes - 200) / (perVersion + 1));
    const doc: SopDocument = { format: 'petakerja-sop', version: 1, mapId: MAP_ID, versions: Array.from({ length: count }, (_, i) => version(i + 1)) };
    await mkdir(path.dirname(sopDocumentPath(dir, MAP_ID)), { recursive: true });
    await writeFile(sopDocumentPath(dir, MAP_ID), JSON.stringify(doc));
    const bytesBefore = await readFile(sopDocumentPath(dir, MAP_ID));
    expect(bytesBefore.length).toBeLessThanOrEqual(DOCUMENT_LIMITS.sop.maxBytes);

    await withStore(dir, async (store) => {
      const error = await refusal(store.sop.putSop(MAP_ID, count, { identity: fullIdentity(), settings: {}, mapRevision: 1, savedBy: 'Ani' }));
      expect(error).toMatchObject({ status: 413, code: 'DOCUMENT_TOO_LARGE' });
      expect(error.message).toMatch(/dokumen SOP .* melebihi batas 16 MB/);
      expect((await store.sop.listSopVersions(MAP_ID)).length).toBe(count);
    });
    expect((await readFile(sopDocumentPath(dir, MAP_ID))).equals(bytesBefore)).toBe(true);
    await withStore(dir, async (store) => {
      expect((await store.sop.listSopVersions(MAP_ID)).length).toBe(count);
    });
  });

  it('refuses a review change that would take the review record over its ceiling, writing nothing', async () => {
    const dir = await tempDir();
    const annotation = (): Annotation => ({
      id: randomUUID(),
      anchor: { kind: 'elemen', elementId: 'Task_1' },
      revision: 1,
      sopVersion: 1,
      fingerprint: '',
      body: 'ṡ'.repeat(4000),
      by: BY,
      at: AT,
      status: 'terbuka',
      statusChanges: [],
      replies: [],
    });
    const perAnnotation = Buffer.byteLength(JSON.stringify(annotation()));
    const count = Math.floor((DOCUMENT_LIMITS.review.maxBytes - 300) / (perAnnotation + 1));
    const doc: ReviewDocument = {
      format: 'petakerja-review',
      version: 1,
      mapId: MAP_ID,
      transitions: [],
      annotations: Array.from({ length: count }, annotation),
      signatures: [],
      monitorings: [],
      evaluations: [],
    } as ReviewDocument;
    await mkdir(path.dirname(reviewDocumentPath(dir, MAP_ID)), { recursive: true });
    await writeFile(reviewDocumentPath(dir, MAP_ID), JSON.stringify(doc));
    const bytesBefore = await readFile(reviewDocumentPath(dir, MAP_ID));

    await withStore(dir, async (store) => {
      expect((await store.review.get(MAP_ID)).annotations.length).toBe(count);
      const error = await refusal(store.review.update(MAP_ID, (current) => ({ next: { ...current, annotations: [...current.annotations, annotation()] }, result: undefined })));
      expect(error).toMatchObject({ status: 413, code: 'DOCUMENT_TOO_LARGE' });
      expect(error.message).toMatch(/catatan reviu/);
      expect((await store.review.get(MAP_ID)).annotations.length).toBe(count);
    });
    expect((await readFile(reviewDocumentPath(dir, MAP_ID))).equals(bytesBefore)).toBe(true);
  });
});

describe('opening a data directory', () => {
  it('removes the temp files a crash left between write and rename, and nothing else', async () => {
    const dir = await tempDir();
    await withStore(dir, async (store) => {
      await store.sop.putSop(MAP_ID, 0, { identity: { namaSop: 'Pertama' }, settings: {}, mapRevision: 1, savedBy: 'Ani' });
    });
    const stale = [
      path.join(dir, `.accounts.json.0123456789ab.tmp`),
      path.join(dir, 'sop', `.${MAP_ID}.json.abcdef012345.tmp`),
      path.join(dir, 'bpmn', 'ab', `.${'ab'.repeat(32)}.bpmn.fedcba987654.tmp`),
    ];
    const kept = [
      path.join(dir, 'sop', 'catatan.tmp'),
      // A backup's staging folder is the backup's to clean.
      path.join(dir, '.backup-x1', `.${MAP_ID}.json.abcdef012345.tmp`),
    ];
    for (const file of [...stale, ...kept]) {
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, '{"setengah":');
    }
    await withStore(dir, async (store) => {
      expect((await store.sop.listSopVersions(MAP_ID)).map((v) => v.identity.namaSop)).toEqual(['Pertama']);
    });
    const remaining = (await readdir(dir, { recursive: true })).map((f) => path.join(dir, f));
    for (const file of stale) expect(remaining).not.toContain(file);
    for (const file of kept) expect(remaining).toContain(file);
  });
});

describe('letterheads by unit name', () => {
  it('keeps the letterhead of units named like Object properties across reopening, and invents none', async () => {
    const dir = await tempDir();
    const units = ['__proto__', 'constructor', 'toString', 'Dinas Kesehatan'];
    await withStore(dir, async (store) => {
      for (const unit of units) await store.sop.putLetterhead(unit, { pemda: `Pemerintah Kota Denpasar (${unit})` }, 'Ani');
      expect(await store.sop.getLetterhead('hasOwnProperty')).toBeUndefined();
    });
    expect(Object.keys(JSON.parse(await readFile(path.join(dir, LETTERHEADS_FILE), 'utf8')).units).sort()).toEqual(
      units.map((u) => u.toLocaleLowerCase('id')).sort(),
    );
    await withStore(dir, async (store) => {
      for (const unit of units) expect((await store.sop.getLetterhead(unit))?.letterhead.pemda).toBe(`Pemerintah Kota Denpasar (${unit})`);
      expect(await store.sop.getLetterhead('hasOwnProperty')).toBeUndefined();
      expect(await store.sop.getLetterhead('valueOf')).toBeUndefined();
    });
  });
});

describe('sessions per user', () => {
  it('keeps at most MAX_SESSIONS_PER_USER live sessions of a user, ending the least recently used, and leaves others\' alone', async () => {
    const dir = await tempDir();
    await withStore(dir, async (store) => {
      const newUser = (username: string) =>
        store.accounts.createUser({ username, name: username, jabatan: 'Staf', unit: 'Dinas Kesehatan', roles: ['pembaca'], disabled: false, passwordHash: 'scrypt$uji' });
      const [ani, budi] = [await newUser('ani'), await newUser('budi')];
      const session = (userId: string, n: number) => {
        const at = new Date(Date.UTC(2026, 0, 1, 0, n)).toISOString();
        return { tokenHash: createHash('sha256').update(`${userId}-${n}`).digest('hex'), userId, csrfToken: 'c'.repeat(43), createdAt: at, lastSeenAt: at, expiresAt: '2999-01-01T00:00:00.000Z' };
      };
      await store.accounts.createSession(session(budi.id, 0));
      for (let n = 1; n <= MAX_SESSIONS_PER_USER + 5; n++) await store.accounts.createSession(session(ani.id, n));
      for (let n = 1; n <= 5; n++) expect(await store.accounts.findSession(session(ani.id, n).tokenHash), `session ${n}`).toBeUndefined();
      for (let n = 6; n <= MAX_SESSIONS_PER_USER + 5; n++) expect(await store.accounts.findSession(session(ani.id, n).tokenHash), `session ${n}`).toBeDefined();
      expect(await store.accounts.findSession(session(budi.id, 0).tokenHash)).toBeDefined();
    });
  });
});

describe('records saved before the input limits', () => {
  it('still open: an SOP version with longer fields and a 1900 date, a monitoring form of 150 long rows dated 1999', async () => {
    const dir = await tempDir();
    const legacyIdentity = {
      namaSop: 'n'.repeat(IDENTITY_LIMITS.title + 100),
      peringatan: 'p'.repeat(IDENTITY_LIMITS.paragraph + 1000),
      tanggalEfektif: '1900-01-01',
      dasarHukum: Array.from({ length: IDENTITY_LIMITS.items + 10 }, () => 'd'.repeat(IDENTITY_LIMITS.item + 10)),
    };
    const sop = {
      format: 'petakerja-sop',
      version: 1,
      mapId: MAP_ID,
      versions: [{ version: 1, mapRevision: 1, identity: legacyIdentity, settings: {}, savedAt: AT, savedBy: 'Ani' }],
    };
    const row = { prosedur: 'p'.repeat(900), berjalanBaik: true, catatan: 'c'.repeat(1900), tindakan: 't'.repeat(1900) };
    const review = {
      format: 'petakerja-review',
      version: 1,
      mapId: MAP_ID,
      transitions: [],
      annotations: [],
      signatures: [],
      monitorings: [{ id: randomUUID(), code: 'ABCD-EFGH-JKMN', tanggal: '1999-06-01', penilai: 'Ani', rows: Array.from({ length: 150 }, () => row), by: BY, at: AT }],
      evaluations: [],
    };
    await mkdir(path.dirname(sopDocumentPath(dir, MAP_ID)), { recursive: true });
    await mkdir(path.dirname(reviewDocumentPath(dir, MAP_ID)), { recursive: true });
    await writeFile(sopDocumentPath(dir, MAP_ID), JSON.stringify(sop));
    await writeFile(reviewDocumentPath(dir, MAP_ID), JSON.stringify(review));
    await withStore(dir, async (store) => {
      expect((await store.sop.listSopVersions(MAP_ID))[0]?.identity).toEqual(legacyIdentity);
      expect((await store.review.get(MAP_ID)).monitorings[0]?.rows.length).toBe(150);
      // And they take a new version, the store's ceiling being the bound.
      await store.sop.putSop(MAP_ID, 1, { identity: { namaSop: 'Baru' }, settings: {}, mapRevision: 1, savedBy: 'Ani' });
    });
  });
});
