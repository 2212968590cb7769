// The embedded MapStore: one lowdb JSON document per map (the map and its revision records), and BPMN bodies
// as immutable files named by sha256. Every change writes one small document atomically.
import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import { StoreOpenError } from '../errors';
import { BlobStore } from './blob-store';
import { filterMaps, unitsOf } from './map-filter';
import type { MapFilter, MapPatch, MapStore, NewMap, NewRevision } from './map-store';
import { MapDocument, type ProcessMap, type Revision } from './records';
import { replaceDocument } from './replace-document';
import { newMapRecord } from './new-map';
import { SerialQueue } from './serial-queue';
import { codeTaken, mapNotFound, revisionConflict, revisionNotFound } from './store-errors';
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
  return new LowdbMapStore(dir, await readMapDocuments(dir), new BlobStore(path.join(dir, BLOB_DIR)));
}

function mapDb(dir: string, id: string, initial: MapDocument | null = null): MapDb {
  return new Low<MapDocument>(new ValidatedJsonFile(mapDocumentPath(dir, id), MapDocument), initial as MapDocument);
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

class LowdbMapStore implements MapStore {
  private readonly writes = new SerialQueue();
  /** Counts committed changes; this process is the only writer of its data directory. */
  private changes = 0;

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

  async listUnits(): Promise<string[]> {
    return unitsOf(this.maps());
  }

  async getMap(id: string): Promise<ProcessMap> {
    return this.db(id).data.map;
  }

  async createMap(input: NewMap, first: NewRevision): Promise<ProcessMap> {
    const hash = await this.blobs.put(first.xml);
    return this.writes.run(async () => {
      const now = new Date().toISOString();
      const map = newMapRecord(input, this.maps(), now);
      const revision: Revision = { n: 1, sha256: hash, author: first.author, createdAt: now, message: first.message };
      const db = mapDb(this.dir, map.id, { format: 'petakerja-map', version: 1, map, revisions: [revision] });
      await db.write();
      this.dbs.set(map.id, db);
      this.changes++;
      return map;
    });
  }

  async updateMap(id: string, patch: MapPatch): Promise<ProcessMap> {
    return this.writes.run(async () => {
      const db = this.db(id);
      const current = db.data.map;
      if (patch.code !== undefined && patch.code !== current.code && this.maps().some((m) => m.code === patch.code)) {
        throw codeTaken(patch.code);
      }
      const map: ProcessMap = { ...current, ...patch, updatedAt: new Date().toISOString() };
      await this.replace(db, { ...db.data, map });
      return map;
    });
  }

  async listRevisions(id: string): Promise<Revision[]> {
    return this.db(id).data.revisions;
  }

  async addRevision(id: string, baseRevision: number, input: NewRevision) {
    this.db(id);
    const hash = await this.blobs.put(input.xml);
    return this.writes.run(async () => {
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

  async close(): Promise<void> {
    await this.writes.run(async () => undefined);
  }

  private async replace(db: MapDb, next: MapDocument): Promise<void> {
    await replaceDocument(db, next);
    this.changes++;
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
