// The embedded MapStore: metadata in one lowdb JSON document, BPMN bodies as immutable files named by sha256.
import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import { nextChildCode } from '../domain/hierarchy';
import { BlobStore } from './blob-store';
import { lockDataDir, type DataDirLock } from './data-dir-lock';
import type { MapFilter, MapPatch, MapStore, NewMap, NewRevision } from './map-store';
import { StoreDocument, type ProcessMap, type Revision } from './records';
import { SerialQueue } from './serial-queue';
import { codeTaken, mapNotFound, parentNotFound, revisionConflict, revisionNotFound } from './store-errors';
import { ValidatedJsonFile } from './validated-json-file';

export const METADATA_FILE = 'petakerja.json';
export const BLOB_DIR = 'bpmn';

const emptyDocument = (): StoreDocument => ({ format: 'petakerja-store', version: 1, maps: [], revisions: {} });

export async function openLowdbStore(dataDir: string): Promise<MapStore> {
  const dir = path.resolve(dataDir);
  await mkdir(dir, { recursive: true });
  const lock = await lockDataDir(dir);
  try {
    const db = new Low<StoreDocument>(new ValidatedJsonFile(path.join(dir, METADATA_FILE), StoreDocument), emptyDocument());
    await db.read();
    return new LowdbMapStore(db, new BlobStore(path.join(dir, BLOB_DIR)), lock);
  } catch (error) {
    await lock.release();
    throw error;
  }
}

class LowdbMapStore implements MapStore {
  private readonly writes = new SerialQueue();

  constructor(
    private readonly db: Low<StoreDocument>,
    private readonly blobs: BlobStore,
    private readonly lock: DataDirLock,
  ) {}

  private get doc(): StoreDocument {
    return this.db.data;
  }

  async listMaps(filter: MapFilter): Promise<ProcessMap[]> {
    const q = filter.q?.toLocaleLowerCase('id');
    const unit = filter.unit?.toLocaleLowerCase('id');
    return this.doc.maps
      .filter(
        (m) =>
          (!filter.kind || m.kind === filter.kind) &&
          (unit === undefined || m.unit.toLocaleLowerCase('id') === unit) &&
          (!q || m.name.toLocaleLowerCase('id').includes(q) || m.code.toLocaleLowerCase('id').includes(q)),
      )
      .sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0));
  }

  async listUnits(): Promise<string[]> {
    const units = new Set(this.doc.maps.map((m) => m.unit).filter((u) => u !== ''));
    return [...units].sort((a, b) => a.localeCompare(b, 'id'));
  }

  async getMap(id: string): Promise<ProcessMap> {
    return this.findMap(this.doc, id);
  }

  async createMap(input: NewMap, first: NewRevision): Promise<ProcessMap> {
    const hash = await this.blobs.put(first.xml);
    return this.commit((doc) => {
      const parent = input.parentId === undefined ? undefined : doc.maps.find((m) => m.id === input.parentId);
      if (input.parentId !== undefined && !parent) throw parentNotFound(input.parentId);
      const taken = new Set(doc.maps.map((m) => m.code));
      if (input.code !== undefined && taken.has(input.code)) throw codeTaken(input.code);
      const now = new Date().toISOString();
      const map: ProcessMap = {
        id: randomUUID(),
        code: input.code ?? nextChildCode(parent?.code, taken),
        name: input.name,
        kind: input.kind,
        level: parent ? parent.level + 1 : 0,
        ...(parent ? { parentId: parent.id } : {}),
        unit: input.unit,
        profile: input.profile,
        createdAt: now,
        updatedAt: now,
        currentRevision: 1,
      };
      const revision: Revision = { n: 1, sha256: hash, author: first.author, createdAt: now, message: first.message };
      return {
        next: { ...doc, maps: [...doc.maps, map], revisions: { ...doc.revisions, [map.id]: [revision] } },
        result: map,
      };
    });
  }

  async updateMap(id: string, patch: MapPatch): Promise<ProcessMap> {
    return this.commit((doc) => {
      const current = this.findMap(doc, id);
      if (patch.code !== undefined && patch.code !== current.code && doc.maps.some((m) => m.code === patch.code)) {
        throw codeTaken(patch.code);
      }
      const map: ProcessMap = { ...current, ...patch, updatedAt: new Date().toISOString() };
      return { next: replaceMap(doc, map), result: map };
    });
  }

  async listRevisions(id: string): Promise<Revision[]> {
    this.findMap(this.doc, id);
    return this.doc.revisions[id] ?? [];
  }

  async addRevision(id: string, baseRevision: number, input: NewRevision) {
    this.findMap(this.doc, id);
    const hash = await this.blobs.put(input.xml);
    return this.commit((doc) => {
      const current = this.findMap(doc, id);
      if (baseRevision !== current.currentRevision) throw revisionConflict(baseRevision, current.currentRevision);
      const now = new Date().toISOString();
      const revision: Revision = {
        n: current.currentRevision + 1,
        sha256: hash,
        author: input.author,
        createdAt: now,
        message: input.message,
      };
      const map: ProcessMap = { ...current, currentRevision: revision.n, updatedAt: now };
      const next = replaceMap(doc, map);
      next.revisions = { ...doc.revisions, [id]: [...(doc.revisions[id] ?? []), revision] };
      return { next, result: { map, revision } };
    });
  }

  async readRevisionXml(id: string, n: number): Promise<string> {
    this.findMap(this.doc, id);
    const revision = this.doc.revisions[id]?.find((r) => r.n === n);
    if (!revision) throw revisionNotFound(id, n);
    return this.blobs.get(revision.sha256);
  }

  async close(): Promise<void> {
    await this.writes.run(async () => undefined);
    await this.lock.release();
  }

  private findMap(doc: StoreDocument, id: string): ProcessMap {
    const map = doc.maps.find((m) => m.id === id);
    if (!map) throw mapNotFound(id);
    return map;
  }

  /**
   * Serialised, all-or-nothing change: `change` builds the next document from the current one without
   * mutating it; the next document is written durably, and only then becomes the current one.
   */
  private commit<T>(change: (doc: StoreDocument) => { next: StoreDocument; result: T }): Promise<T> {
    return this.writes.run(async () => {
      const previous = this.db.data;
      const { next, result } = change(previous);
      this.db.data = next;
      try {
        await this.db.write();
      } catch (error) {
        this.db.data = previous;
        throw error;
      }
      return result;
    });
  }
}

function replaceMap(doc: StoreDocument, map: ProcessMap): StoreDocument {
  const index = doc.maps.findIndex((m) => m.id === map.id);
  return { ...doc, maps: doc.maps.with(index, map) };
}
