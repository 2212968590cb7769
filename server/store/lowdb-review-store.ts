// The embedded ReviewStore: one lowdb document per map's review record (review/<mapId>.json), validated on read and on
// every write, written durably one change at a time; signed PDFs and scans as immutable files named by their sha256
// (review-files/). History only grows: a change that rewrites it is refused (server/review/append-only.ts).
import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import { AppError, StoreOpenError } from '../errors';
import { checkedReviewChange } from '../review/append-only';
import { emptyReview, ReviewDocument, type Signature } from '../review/review.schema';
import type { ReviewStore } from '../review/review-store';
import { BlobStore } from './blob-store';
import { replaceDocument } from './replace-document';
import { SerialQueue } from './serial-queue';
import { DOCUMENT_LIMITS } from './document-limits';
import { importExists } from './store-errors';
import { ValidatedJsonFile } from './validated-json-file';

export const REVIEW_DIR = 'review';
export const REVIEW_FILES_DIR = 'review-files';
const REVIEW_FILE = /^([0-9a-f-]{36})\.json$/;

type ReviewDb = Low<ReviewDocument>;

export const reviewDocumentPath = (dataDir: string, mapId: string) => path.join(dataDir, REVIEW_DIR, `${mapId}.json`);

function reviewDb(dir: string, mapId: string, initial: ReviewDocument | null = null): ReviewDb {
  return new Low<ReviewDocument>(new ValidatedJsonFile(reviewDocumentPath(dir, mapId), ReviewDocument, DOCUMENT_LIMITS.review), initial as ReviewDocument);
}

/** Opens the review records of `dir`; the caller holds the data directory's lock (see store.ts). */
export async function openLowdbReviewStore(dir: string): Promise<ReviewStore> {
  await mkdir(path.join(dir, REVIEW_DIR), { recursive: true });
  const ids = (await readdir(path.join(dir, REVIEW_DIR))).flatMap((name) => REVIEW_FILE.exec(name)?.[1] ?? []);
  const dbs = new Map<string, ReviewDb>();
  await Promise.all(
    ids.map(async (id) => {
      const db = reviewDb(dir, id);
      await db.read();
      if (db.data.mapId !== id) {
        throw new StoreOpenError(
          `Berkas data ${reviewDocumentPath(dir, id)} berisi catatan reviu peta lain (${db.data.mapId}). ` +
            'Server tidak dijalankan dan berkas tidak diubah; pulihkan dari cadangan.',
        );
      }
      dbs.set(id, db);
    }),
  );
  return new LowdbReviewStore(dir, dbs, new BlobStore(path.join(dir, REVIEW_FILES_DIR), '.bin'));
}

class LowdbReviewStore implements ReviewStore {
  private readonly writes = new SerialQueue();
  /** Verification code → map id, kept with every write. */
  private readonly codes = new Map<string, string>();

  constructor(
    private readonly dir: string,
    private readonly dbs: Map<string, ReviewDb>,
    private readonly files: BlobStore,
  ) {
    for (const [mapId, db] of dbs) for (const signature of db.data.signatures) this.codes.set(signature.code, mapId);
  }

  async get(mapId: string): Promise<ReviewDocument> {
    return this.dbs.get(mapId)?.data ?? emptyReview(mapId);
  }

  async list(): Promise<ReviewDocument[]> {
    return [...this.dbs.values()].map((db) => db.data);
  }

  update<T>(mapId: string, change: (current: ReviewDocument) => { next: ReviewDocument; result: T }): Promise<T> {
    return this.writes.run(async () => {
      const existing = this.dbs.get(mapId);
      const current = existing?.data ?? emptyReview(mapId);
      const { next, result } = checkedReviewChange(mapId, current, change);
      for (const signature of next.signatures) {
        const owner = this.codes.get(signature.code);
        if (owner !== undefined && owner !== mapId) throw new Error(`Verification code ${signature.code} is already used`);
      }
      if (existing) {
        await replaceDocument(existing, next);
      } else {
        const db = reviewDb(this.dir, mapId, next);
        await db.write();
        this.dbs.set(mapId, db);
      }
      for (const signature of next.signatures) this.codes.set(signature.code, mapId);
      return result;
    });
  }

  async importRecord(record: ReviewDocument): Promise<void> {
    return this.writes.run(async () => {
      const next = ReviewDocument.parse(record);
      if (this.dbs.has(next.mapId)) throw importExists(`Catatan reviu peta ${next.mapId}`);
      const taken = next.signatures.find((s) => this.codes.has(s.code));
      if (taken) throw importExists(`Kode verifikasi ${taken.code}`);
      const db = reviewDb(this.dir, next.mapId, next);
      await db.write();
      this.dbs.set(next.mapId, db);
      for (const signature of next.signatures) this.codes.set(signature.code, next.mapId);
    });
  }

  async findSignature(code: string): Promise<{ mapId: string; signature: Signature } | undefined> {
    const mapId = this.codes.get(code);
    const signature = mapId ? this.dbs.get(mapId)?.data.signatures.find((s) => s.code === code) : undefined;
    return mapId && signature ? { mapId, signature } : undefined;
  }

  putFile(bytes: Uint8Array): Promise<string> {
    return this.files.put(bytes);
  }

  async readFile(sha256: string): Promise<Uint8Array> {
    if (!(await this.files.has(sha256))) throw new AppError(404, 'FILE_NOT_FOUND', 'Berkas tidak ditemukan.');
    return this.files.getBytes(sha256);
  }

  async close(): Promise<void> {
    await this.writes.run(async () => undefined);
  }
}
