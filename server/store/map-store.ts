// The storage interface every part of the server uses; lowdb is the embedded implementation, PostgreSQL will follow.
import type { MapKind, Profile } from '../domain/vocabulary';
import type { ProcessMap, Revision } from './records';

export interface NewMap {
  name: string;
  kind: MapKind;
  unit: string;
  profile: Profile;
  parentId?: string;
  /** Assigned from the hierarchy when absent. */
  code?: string;
}

export interface NewRevision {
  xml: string;
  author: string;
  message: string;
  /** The uploaded file an imported map's first revision was read from, kept exactly (createMap only). */
  original?: { fileName: string; bytes: Uint8Array };
}

export interface OriginalFile {
  fileName: string;
  bytes: Uint8Array;
  sha256: string;
}

export interface MapFilter {
  kind?: MapKind;
  unit?: string;
  /** Case-insensitive search in name and code. */
  q?: string;
}

export type MapPatch = Partial<Pick<ProcessMap, 'name' | 'kind' | 'unit' | 'profile' | 'code'>>;

/**
 * Told of every map record a committed change created or changed (the record as stored now), synchronously, once the
 * change is durable and before the mutation's promise resolves. Listeners must be cheap and must not throw.
 */
export type MapChangeListener = (map: ProcessMap) => void;

/**
 * Errors are AppErrors: MAP_NOT_FOUND, REVISION_NOT_FOUND, ORIGINAL_NOT_FOUND, PARENT_NOT_FOUND, MAP_CODE_TAKEN, REVISION_CONFLICT,
 * MAP_MOVE_CYCLE, MAP_TOO_DEEP, MAP_CODE_INVALID.
 * Every mutation is atomic and durable when its promise resolves.
 */
export interface MapStore {
  listMaps(filter: MapFilter): Promise<ProcessMap[]>;
  /** A token that changes whenever any map is created or changed; listings may be cached under it. */
  listingVersion(): Promise<string>;
  /**
   * The change feed: `listener` hears every record created or changed from now on (a subtree move: each record); the
   * answer unsubscribes. Derived views (the encoded listing, maps/listing-index.ts) take `listMaps({})` once and then
   * follow the feed. A store shared by several server processes (PostgreSQL) must feed it from the database's own
   * notifications (LISTEN/NOTIFY), not only from its own writes.
   */
  onChange(listener: MapChangeListener): () => void;
  listUnits(): Promise<string[]>;
  getMap(id: string): Promise<ProcessMap>;
  /** Creates the map with `first` as revision 1. */
  createMap(map: NewMap, first: NewRevision): Promise<ProcessMap>;
  /** A new `code` carries along the descendants whose codes lie beneath the old one (docs/hierarchy.md). */
  updateMap(id: string, patch: MapPatch): Promise<ProcessMap>;
  /**
   * Moves the map under `newParentId` (null: the top level) with its whole subtree: the first free code under the new
   * parent, levels shifted, descendants' codes rebased (store/move-plan.ts). Answers the records that changed, all
   * written or none visible as half-done (a crash is completed on the next open). MAP_MOVE_CYCLE, PARENT_NOT_FOUND.
   */
  moveMap(id: string, newParentId: string | null): Promise<ProcessMap[]>;
  listRevisions(id: string): Promise<Revision[]>;
  /** Appends a revision when `baseRevision` is still the current one; REVISION_CONFLICT otherwise. */
  addRevision(id: string, baseRevision: number, revision: NewRevision): Promise<{ map: ProcessMap; revision: Revision }>;
  readRevisionXml(id: string, n: number): Promise<string>;
  /** The file an imported map was read from, byte for byte; ORIGINAL_NOT_FOUND for a map not imported. */
  readOriginal(id: string): Promise<OriginalFile>;
  /**
   * Store-to-store transfer (migrate, backup of a database): writes a map whole as another store kept it — id, code,
   * timestamps, revision numbers — with `bodies` holding every body its revisions name by sha256, each re-hashed and
   * refused on a mismatch (IMPORT_HASH_MISMATCH); an id or code already present is refused (IMPORT_TARGET_NOT_EMPTY).
   */
  importMap(map: ProcessMap, revisions: readonly Revision[], bodies: ReadonlyMap<string, Uint8Array>): Promise<void>;
  /** Resolves once every write already started has finished. */
  close(): Promise<void>;
}

/** The record of the map's current revision (its sha256 names the BPMN body: caches of derived facts key on it). */
export async function currentRevisionOf(store: Pick<MapStore, 'listRevisions'>, map: Pick<ProcessMap, 'id' | 'currentRevision'>): Promise<Revision> {
  const revisions = await store.listRevisions(map.id);
  // A map document's revisions run 1…currentRevision (MapDocument's schema), so this is the last one.
  return revisions[map.currentRevision - 1] ?? revisions.at(-1)!;
}
