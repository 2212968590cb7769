// Benchmark-only MapStore of the naive layout: every revision's XML kept inside the one lowdb JSON document.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { sha256 } from '../server/store/blob-store';
import { filterMaps, unitsOf } from '../server/store/map-filter';
import { replaceDocument } from '../server/store/replace-document';
import type { MapChangeListener, MapFilter, MapPatch, MapStore, NewMap, NewRevision } from '../server/store/map-store';
import { ChangeFeed } from '../server/store/change-feed';
import type { ProcessMap, Revision } from '../server/store/records';
import { newMapRecord } from '../server/store/new-map';
import { planMove } from '../server/store/move-plan';
import { SerialQueue } from '../server/store/serial-queue';
import { codeTaken, mapNotFound, revisionConflict, revisionNotFound, originalNotFound } from '../server/store/store-errors';

export const NAIVE_FILE = 'petakerja-naive.json';

export interface InlineRevision extends Revision {
  xml: string;
}

export interface NaiveDocument {
  format: 'petakerja-naive';
  version: 1;
  maps: ProcessMap[];
  revisions: Record<string, InlineRevision[]>;
}

export const emptyNaiveDocument = (): NaiveDocument => ({ format: 'petakerja-naive', version: 1, maps: [], revisions: {} });

/** The adapter the naive layout reads and writes with (lowdb's own JSONFile: whole document, indented, no fsync). */
export function naiveAdapter(dataDir: string): JSONFile<NaiveDocument> {
  return new JSONFile<NaiveDocument>(path.join(dataDir, NAIVE_FILE));
}

export async function openNaiveInlineStore(dataDir: string): Promise<MapStore> {
  const dir = path.resolve(dataDir);
  await mkdir(dir, { recursive: true });
  const db = new Low<NaiveDocument>(naiveAdapter(dir), emptyNaiveDocument());
  await db.read();
  return new NaiveInlineStore(db);
}

const withoutXml = ({ xml: _xml, ...revision }: InlineRevision): Revision => revision;

class NaiveInlineStore implements MapStore {
  private readonly writes = new SerialQueue();
  private changes = 0;
  private readonly changed = new ChangeFeed<ProcessMap>();

  constructor(private readonly db: Low<NaiveDocument>) {}

  private get doc(): NaiveDocument {
    return this.db.data;
  }

  async listMaps(filter: MapFilter): Promise<ProcessMap[]> {
    return filterMaps(this.doc.maps, filter);
  }

  async listingVersion(): Promise<string> {
    return String(this.changes);
  }

  onChange(listener: MapChangeListener): () => void {
    return this.changed.subscribe(listener);
  }

  async listUnits(): Promise<string[]> {
    return unitsOf(this.doc.maps);
  }

  async getMap(id: string): Promise<ProcessMap> {
    return this.findMap(this.doc, id);
  }

  async createMap(input: NewMap, first: NewRevision): Promise<ProcessMap> {
    return this.commit((doc) => {
      const now = new Date().toISOString();
      const map = newMapRecord(input, doc.maps, now);
      const revision: InlineRevision = {
        n: 1,
        sha256: sha256(first.xml),
        author: first.author,
        createdAt: now,
        message: first.message,
        xml: first.xml,
      };
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

  /** One document holds every map, so a move is one atomic write here. */
  async moveMap(id: string, parentId: string | null): Promise<ProcessMap[]> {
    return this.commit((doc) => {
      const records = planMove(doc.maps, id, parentId, new Date().toISOString());
      return { next: records.reduce(replaceMap, doc), result: records };
    });
  }

  async listRevisions(id: string): Promise<Revision[]> {
    this.findMap(this.doc, id);
    return (this.doc.revisions[id] ?? []).map(withoutXml);
  }

  async addRevision(id: string, baseRevision: number, input: NewRevision) {
    this.findMap(this.doc, id);
    const hash = sha256(input.xml);
    return this.commit((doc) => {
      const current = this.findMap(doc, id);
      if (baseRevision !== current.currentRevision) throw revisionConflict(baseRevision, current.currentRevision);
      const now = new Date().toISOString();
      const revision: InlineRevision = {
        n: current.currentRevision + 1,
        sha256: hash,
        author: input.author,
        createdAt: now,
        message: input.message,
        xml: input.xml,
      };
      const map: ProcessMap = { ...current, currentRevision: revision.n, updatedAt: now };
      const next = replaceMap(doc, map);
      next.revisions = { ...doc.revisions, [id]: [...(doc.revisions[id] ?? []), revision] };
      return { next, result: { map, revision: withoutXml(revision) } };
    });
  }

  async readRevisionXml(id: string, n: number): Promise<string> {
    this.findMap(this.doc, id);
    const revision = this.doc.revisions[id]?.find((r) => r.n === n);
    if (!revision) throw revisionNotFound(id, n);
    return revision.xml;
  }

  /** The benchmark never imports files: no map has an original. */
  async readOriginal(id: string): Promise<never> {
    this.findMap(this.doc, id);
    throw originalNotFound(id);
  }

  async importMap(): Promise<void> {
    throw new Error('The naive inline store (a bench baseline) does not take imports');
  }

  async close(): Promise<void> {
    await this.writes.run(async () => undefined);
  }

  private findMap(doc: NaiveDocument, id: string): ProcessMap {
    const map = doc.maps.find((m) => m.id === id);
    if (!map) throw mapNotFound(id);
    return map;
  }

  /** Serialised, all-or-nothing change, as in the embedded store: the whole document is rewritten each time. */
  private commit<T>(change: (doc: NaiveDocument) => { next: NaiveDocument; result: T }): Promise<T> {
    return this.writes.run(async () => {
      const previous = new Set(this.db.data.maps);
      const { next, result } = change(this.db.data);
      await replaceDocument(this.db, next);
      this.changes++;
      for (const map of next.maps) if (!previous.has(map)) this.changed.emit(map);
      return result;
    });
  }
}

function replaceMap(doc: NaiveDocument, map: ProcessMap): NaiveDocument {
  const index = doc.maps.findIndex((m) => m.id === map.id);
  return { ...doc, maps: doc.maps.with(index, map) };
}
