// The storage interface of review records (one per map) and the files kept with them; lowdb + files is the embedded
// implementation (server/store/lowdb-review-store.ts), a PostgreSQL one will follow.
import type { ReviewDocument, Signature } from './review.schema';

export interface ReviewStore {
  /** The map's review record; an empty one (state draf) when nothing was recorded yet. */
  get(mapId: string): Promise<ReviewDocument>;
  /** Every stored review record (maps with none are absent). */
  list(): Promise<ReviewDocument[]>;
  /**
   * Reads the record, lets `change` compute the next one, and stores it — one change at a time per store, so `change`
   * sees the latest record. `change` may throw (an AppError) to refuse; nothing is written then. The next record is
   * validated and must only add to history (append-only.ts), or the store throws and keeps the old one.
   */
  update<T>(mapId: string, change: (current: ReviewDocument) => { next: ReviewDocument; result: T }): Promise<T>;
  /** The signed SOP with this verification code, and its map. */
  findSignature(code: string): Promise<{ mapId: string; signature: Signature } | undefined>;
  /** Keeps `bytes` immutably and returns their sha256; storing the same bytes again is free. */
  putFile(bytes: Uint8Array): Promise<string>;
  /** The bytes stored under `sha256`, verified against it; FILE_NOT_FOUND (404) when absent. */
  readFile(sha256: string): Promise<Uint8Array>;
  /**
   * Writes a map's review record whole, as another store kept it (store-to-store transfer); refused when the map has a
   * record already or a verification code is taken. The files it names are put first (putFile).
   */
  importRecord(record: ReviewDocument): Promise<void>;
  /** Resolves once every write already started has finished. */
  close(): Promise<void>;
}
