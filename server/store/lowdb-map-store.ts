// The embedded MapStore: one lowdb JSON document per map (the map and its revision records), and BPMN bodies
// as immutable files named by sha256. Every change writes one small document atomically; a change of several maps (a
// subtree moved or recoded) goes through an intent journal replayed on open (move-journal.ts).
import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import { StoreOpenError } from '../errors';
import { BlobStore } from './blob-store';
import { filterMaps, unitsOf } from './map-filter';
import { ChangeFeed } from './change-feed';
import type { MapChangeListener, MapFilter, MapPatch, MapStore, NewMap, NewRevision, OriginalFile } from './map-store';
import { deleteMoveJournal, moveJournal, readMoveJournal, writeMoveJournal, type MoveJournal } from './move-journal';
import { planMove, planRecode } from './move-plan';
import { MapDocument, ProcessMap as ProcessMapSchema, type ProcessMap, type Revision } from './records';
import { replaceDocument } from './replace-document';
import { newMapRecord } from './new-map';
import { SerialQueue } from './serial-queue';
import { revisionBodies } from './import-check';
import { codeTaken, importExists, mapNotFound, originalNotFound, revisionConflict, revisionNotFound } from './store-errors';
import { DOCUMENT_LIMITS } from './document-limits';
import { ValidatedJsonFile } from './validated-json-file';

export const MAP_DIR = 'maps';
export const BLOB_DIR = 'bpmn';
const MAP_FILE = /^([0-9a-f-]{36})\.json$/;
/** Map documents read at once while opening: enough to hide disk latency, few enough for file handles. */
const OPEN_CONCURRENCY = 64;

type MapDb = Low<MapDocument>;

export const mapDocumentPath = (dataDir: string, id: string) => path.join(dataDir, MAP_DIR, `${id}.json`);

/** Opens the map documents of `dir`; the caller holds the data directory's lock (see store.ts). */
export async function openLowdbMapStore(dir: string): Promise<MapStore> {
  await mkdir(path.join(dir, MAP_DIR), { recursive: true });
  const store = new LowdbMapStore(dir, await readMapDocuments(dir), new BlobStore(path.join(dir, BLOB_DIR)));
  const journal = await readMoveJournal(path.join(dir, MAP_DIR));
  if (journal) await store.recover(journal);
  return store;
}

function mapDb(dir: string, id: string, initial: MapDocument | null = null): MapDb {
  return new Low<MapDocument>(new ValidatedJsonFile(mapDocumentPath(dir, id), MapDocument, DOCUMENT_LIMITS.map), initial as MapDocument);
}

async function readMapDocuments(dir: string): Promise<Map<string, MapDb>> {
  const ids = (await readdir(path.join(dir, MAP_DIR))).flatMap((name) => MAP_FILE.exec(name)?.[1] ?? []);
  const dbs = new Map<string, MapDb>();
  for (let i = 0; i < ids.length; i += OPEN_CONCURRENCY) {
    await Promise.all(
      ids.slice(i, i + OPEN_CONCURRENCY).map(async (id) => {
        const db = mapDb(dir, id);
        await db.read();
        if (db.data.map.id !== id) {
          throw new StoreOpenError(
            `Berkas data ${mapDocumentPath(dir, id)} berisi peta dengan id lain (${db.data.map.id}). ` +
              'Server tidak dijalankan dan berkas tidak diubah; pulihkan dari cadangan.',
          );
        }
        dbs.set(id, db);
      }),
    );
  }
  return dbs;
}

/** Whether two records are the same field by field (key order aside). */
function sameRecord(a: ProcessMap, b: ProcessMap): boolean {
  return Object.keys(ProcessMapSchema.shape).every((key) => a[key as keyof ProcessMap] === b[key as keyof ProcessMap]);
}

class LowdbMapStore implements MapStore {
  private readonly writes = new SerialQueue();
  /** Counts committed changes; this process is the only writer of its data directory. */
  private changes = 0;
  /** A journal written but not yet fully applied (a document write failed): finished before the next change. */
  private pending: MoveJournal | null = null;
  private readonly changed = new ChangeFeed<ProcessMap>();

  constructor(
    private readonly dir: string,
    private readonly dbs: Map<string, MapDb>,
    private readonly blobs: BlobStore,
  ) {}

  async listMaps(filter: MapFilter): Promise<ProcessMap[]> {
    return filterMaps(this.maps(), filter);
  }

  async listingVersion(): Promise<string> {
    return String(this.changes);
  }

  onChange(listener: MapChangeListener): () => void {
    return this.changed.subscribe(listener);
  }

  async listUnits(): Promise<string[]> {
    return unitsOf(this.maps());
  }

  async getMap(id: string): Promise<ProcessMap> {
    return this.db(id).data.map;
  }

  async createMap(input: NewMap, first: NewRevision): Promise<ProcessMap> {
    const hash = await this.blobs.put(first.xml);
    // The original is written before the document naming it, like every body (backup.ts relies on that order).
    const original = first.original
      ? { fileName: first.original.fileName, bytes: first.original.bytes.byteLength, sha256: await this.blobs.put(first.original.bytes) }
      : undefined;
    return this.writes.run(async () => {
      await this.settle();
      const now = new Date().toISOString();
      const map = newMapRecord(input, this.maps(), now);
      const revision: Revision = { n: 1, sha256: hash, author: first.author, createdAt: now, message: first.message, ...(original ? { original } : {}) };
      const db = mapDb(this.dir, map.id, { format: 'petakerja-map', version: 1, map, revisions: [revision] });
      await db.write();
      this.dbs.set(map.id, db);
      this.changes++;
      this.changed.emit(map);
      return map;
    });
  }

  async updateMap(id: string, patch: MapPatch): Promise<ProcessMap> {
    return this.writes.run(async () => {
      await this.settle();
      const db = this.db(id);
      const current = db.data.map;
      if (patch.code !== undefined && patch.code !== current.code && this.maps().some((m) => m.code === patch.code)) {
        throw codeTaken(patch.code);
      }
      const now = new Date().toISOString();
      const map: ProcessMap = { ...current, ...patch, updatedAt: now };
      // A new code carries the descendants coded beneath the old one along (docs/hierarchy.md).
      const descendants = patch.code === undefined ? [] : planRecode(this.maps(), id, patch.code, now).filter((r) => r.id !== id);
      if (descendants.length === 0) await this.replace(db, { ...db.data, map });
      else await this.commit([map, ...descendants]);
      return map;
    });
  }

  async moveMap(id: string, parentId: string | null): Promise<ProcessMap[]> {
    return this.writes.run(async () => {
      await this.settle();
      const records = planMove(this.maps(), id, parentId, new Date().toISOString());
      if (records.length === 1) await this.replace(this.db(id), { ...this.db(id).data, map: records[0]! });
      else if (records.length > 1) await this.commit(records);
      return records;
    });
  }

  /** Replays the journal of a change that did not finish before the store was last closed (called while opening). */
  async recover(journal: MoveJournal): Promise<void> {
    const missing = journal.records.find((r) => !this.dbs.has(r.id));
    if (missing) {
      throw new StoreOpenError(
        `Jurnal pemindahan ${path.join(this.dir, MAP_DIR)}/.move-journal.json menyebut peta ${missing.id} yang tidak ada. ` +
          'Server tidak dijalankan dan berkas tidak diubah; pulihkan dari cadangan.',
      );
    }
    await this.writes.run(() => this.apply(journal));
  }

  async listRevisions(id: string): Promise<Revision[]> {
    return this.db(id).data.revisions;
  }

  async addRevision(id: string, baseRevision: number, input: NewRevision) {
    this.db(id);
    const hash = await this.blobs.put(input.xml);
    return this.writes.run(async () => {
      await this.settle();
      const db = this.db(id);
      const current = db.data.map;
      if (baseRevision !== current.currentRevision) throw revisionConflict(baseRevision, current.currentRevision);
      const now = new Date().toISOString();
      const revision: Revision = { n: current.currentRevision + 1, sha256: hash, author: input.author, createdAt: now, message: input.message };
      const map: ProcessMap = { ...current, currentRevision: revision.n, updatedAt: now };
      await this.replace(db, { ...db.data, map, revisions: [...db.data.revisions, revision] });
      return { map, revision };
    });
  }

  async readRevisionXml(id: string, n: number): Promise<string> {
    const revision = this.db(id).data.revisions[n - 1];
    if (!revision) throw revisionNotFound(id, n);
    return this.blobs.get(revision.sha256);
  }

  async readOriginal(id: string): Promise<OriginalFile> {
    const original = this.db(id).data.revisions[0]?.original;
    if (!original) throw originalNotFound(id);
    return { fileName: original.fileName, sha256: original.sha256, bytes: await this.blobs.getBytes(original.sha256) };
  }

  async importMap(map: ProcessMap, revisions: readonly Revision[], bodies: ReadonlyMap<string, Uint8Array>): Promise<void> {
    // Bodies first, each re-hashed, then the document naming them (the order backup.ts relies on).
    await Promise.all(Array.from(revisionBodies(map.id, revisions, bodies).values(), (bytes) => this.blobs.put(bytes)));
    await this.writes.run(async () => {
      await this.settle();
      if (this.dbs.has(map.id)) throw importExists(`Peta dengan id ${map.id}`);
      if (this.maps().some((m) => m.code === map.code)) throw importExists(`Peta berkode ${map.code}`);
      const document = MapDocument.parse({ format: 'petakerja-map', version: 1, map, revisions });
      const db = mapDb(this.dir, map.id, document);
      await db.write();
      this.dbs.set(map.id, db);
      this.changes++;
      this.changed.emit(document.map);
    });
  }

  async close(): Promise<void> {
    await this.writes.run(async () => undefined);
  }

  /** Writes the journal of `records` durably, then each record's document, then removes the journal. */
  private async commit(records: ProcessMap[]): Promise<void> {
    const journal = moveJournal(records);
    try {
      await writeMoveJournal(path.join(this.dir, MAP_DIR), journal);
    } catch (error) {
      // Nothing was applied: a journal that reached the disk anyway must not replay a change reported as failed.
      await deleteMoveJournal(path.join(this.dir, MAP_DIR)).catch(() => undefined);
      throw error;
    }
    this.pending = journal;
    await this.apply(journal);
  }

  /** Brings every document named by `journal` to its record (idempotent), then deletes the journal. */
  private async apply(journal: MoveJournal): Promise<void> {
    for (const record of journal.records) {
      const db = this.db(record.id);
      // Revisions are not part of a hierarchy change; the document's own count stays authoritative.
      const map: ProcessMap = { ...record, currentRevision: db.data.map.currentRevision };
      if (!sameRecord(db.data.map, map)) await this.replace(db, { ...db.data, map });
    }
    await deleteMoveJournal(path.join(this.dir, MAP_DIR));
    this.pending = null;
  }

  /** Finishes a change whose journal is still pending, before any other change. */
  private async settle(): Promise<void> {
    if (this.pending) await this.apply(this.pending);
  }

  private async replace(db: MapDb, next: MapDocument): Promise<void> {
    await replaceDocument(db, next);
    this.changes++;
    this.changed.emit(next.map);
  }

  private maps(): ProcessMap[] {
    return Array.from(this.dbs.values(), (db) => db.data.map);
  }

  private db(id: string): MapDb {
    const db = this.dbs.get(id);
    if (!db) throw mapNotFound(id);
    return db;
  }
}
