// Every map's listing item, encoded once and kept in the listing's order: the store's change feed and the SOP states'
// re-encode and re-place only the map that changed, so a listing after a save never encodes or sorts the whole set.
// The order is kept as blocks of a few hundred items, each holding its items' bytes concatenated: the whole listing is
// then these blocks as they are, and a change rebuilds the one or two blocks it touched (no megabytes copied per change).
import { createHash, type Hash } from 'node:crypto';
import type { ReviewStates } from '../review/review-state-index';
import type { ReviewState } from '../review/review.schema';
import { filterKeysOf, listingOrder, type FilterKeys } from '../store/map-filter';
import type { MapStore } from '../store/map-store';
import type { ProcessMap } from '../store/records';

/** One map as listed: its record, its SOP state and its item's JSON. */
export interface ListingEntry {
  readonly map: ProcessMap;
  readonly sopState?: ReviewState;
  readonly keys: FilterKeys;
  /** `,` then the item's JSON: an array body is these, concatenated, less the first byte. */
  readonly json: Buffer;
  /** The first bytes of the JSON's sha256: a listing's ETag hashes these (listing-cache.ts) instead of the whole body. */
  readonly digest: Buffer;
}

const DIGEST_BYTES = 12;
/** Items per block: a block is split past twice this. Small enough to rebuild in well under a millisecond. */
export const BLOCK_ITEMS = 256;

function entryOf(map: ProcessMap, sopState: ReviewState | undefined): ListingEntry {
  const item = sopState === undefined ? map : { ...map, sopState };
  const json = Buffer.from(`,${JSON.stringify(item)}`);
  const digest = createHash('sha256').update(json).digest().subarray(0, DIGEST_BYTES);
  return { map, ...(sopState === undefined ? {} : { sopState }), keys: filterKeysOf(map), json, digest };
}

const byListingOrder = (a: ListingEntry, b: ListingEntry) => listingOrder(a.map, b.map);

/** Consecutive entries of the listing, with their bytes and digests concatenated on first use. */
export class ListingBlock {
  private bytes: Buffer | undefined;
  private digests: Buffer | undefined;

  constructor(readonly entries: ListingEntry[]) {}

  /** The entries' JSON, each led by a comma. */
  json(): Buffer {
    return (this.bytes ??= Buffer.concat(this.entries.map((entry) => entry.json)));
  }

  /** Feeds the entries' digests, in order, to `hash`. */
  hashInto(hash: Hash): void {
    hash.update((this.digests ??= Buffer.concat(this.entries.map((entry) => entry.digest))));
  }

  /** Called after `entries` changed. */
  changed(): void {
    this.bytes = this.digests = undefined;
  }
}

export class ListingIndex {
  /** Every map, in the listing's order, in blocks; no block is empty. */
  private blocks: ListingBlock[] = [];
  private readonly byId = new Map<string, ListingEntry>();
  private loading: Promise<void> | undefined;
  /**
   * Changes heard while the first snapshot is read, applied over it (applying a change twice is harmless); none are
   * kept before loading starts (the snapshot will hold them), and none after it ends (they apply at once).
   */
  private heard: { maps: ProcessMap[]; states: string[] } | undefined;
  private loaded = false;
  private changes = 0;

  /** `states`: each map's SOP state (absent in tools without a review cycle: the items then carry none). */
  constructor(
    private readonly store: MapStore,
    private readonly states?: ReviewStates,
    private readonly blockItems = BLOCK_ITEMS,
  ) {
    store.onChange((map) => {
      if (this.loaded) this.put(map);
      else this.heard?.maps.push(map);
    });
    states?.onChange((mapId) => {
      if (this.loaded) this.restate(mapId);
      else this.heard?.states.push(mapId);
    });
  }

  /** Resolves once every stored map is indexed. */
  ready(): Promise<void> {
    return (this.loading ??= this.load().catch((error: unknown) => {
      this.loading = this.heard = undefined;
      throw error;
    }));
  }

  /** Changes whenever an item changes, is added, or moves. */
  version(): number {
    return this.changes;
  }

  /** The whole listing in order (the index's own blocks: read them, never change them). */
  listing(): readonly ListingBlock[] {
    return this.blocks;
  }

  /** How many maps the listing holds. */
  size(): number {
    return this.byId.size;
  }

  /** Up to `limit` entries from position `offset` on, in the listing's order: whole blocks before it are skipped by their length. */
  slice(offset: number, limit: number): ListingEntry[] {
    const entries: ListingEntry[] = [];
    let skip = offset;
    for (const block of this.blocks) {
      if (entries.length >= limit) break;
      const length = block.entries.length;
      if (skip >= length) {
        skip -= length;
        continue;
      }
      for (let i = skip; i < length && entries.length < limit; i++) entries.push(block.entries[i]!);
      skip = 0;
    }
    return entries;
  }

  private async load(): Promise<void> {
    this.heard = { maps: [], states: [] };
    await this.states?.ready();
    const maps = await this.store.listMaps({});
    const ordered = maps.map((map) => entryOf(map, this.states?.stateOf(map.id))).sort(byListingOrder);
    for (let i = 0; i < ordered.length; i += this.blockItems) this.blocks.push(new ListingBlock(ordered.slice(i, i + this.blockItems)));
    for (const entry of ordered) this.byId.set(entry.map.id, entry);
    const heard = this.heard!;
    this.heard = undefined;
    this.loaded = true;
    for (const map of heard.maps) this.put(map);
    for (const mapId of heard.states) this.restate(mapId);
    this.changes++;
  }

  /** The map as stored now: its item re-encoded and moved to its place. */
  private put(map: ProcessMap): void {
    const old = this.byId.get(map.id);
    const next = entryOf(map, this.states?.stateOf(map.id));
    if (old?.json.equals(next.json)) return;
    if (old) this.remove(old);
    this.insert(next);
    this.byId.set(map.id, next);
    this.changes++;
  }

  /** The map's SOP state changed: its item re-encoded in place (the order does not depend on the state). */
  private restate(mapId: string): void {
    const old = this.byId.get(mapId);
    if (!old) return;
    const next = entryOf(old.map, this.states?.stateOf(mapId));
    if (old.json.equals(next.json)) return;
    const { block, at } = this.find(old);
    block.entries[at] = next;
    block.changed();
    this.byId.set(mapId, next);
    this.changes++;
  }

  private insert(entry: ListingEntry): void {
    if (this.blocks.length === 0) {
      this.blocks.push(new ListingBlock([entry]));
      return;
    }
    const b = Math.min(this.blockFor(entry), this.blocks.length - 1);
    const block = this.blocks[b]!;
    block.entries.splice(insertionPoint(block.entries, entry), 0, entry);
    block.changed();
    if (block.entries.length > 2 * this.blockItems) {
      this.blocks.splice(b, 1, new ListingBlock(block.entries.slice(0, this.blockItems)), new ListingBlock(block.entries.slice(this.blockItems)));
    }
  }

  private remove(entry: ListingEntry): void {
    const { block, at } = this.find(entry);
    block.entries.splice(at, 1);
    block.changed();
    if (block.entries.length === 0) this.blocks.splice(this.blocks.indexOf(block), 1);
  }

  /** The block and position of an indexed entry (the order is total: ids are unique). */
  private find(entry: ListingEntry): { block: ListingBlock; at: number } {
    const block = this.blocks[this.blockFor(entry)];
    const at = block ? insertionPoint(block.entries, entry) : -1;
    if (block?.entries[at] === entry) return { block, at };
    // Not where its order puts it: only a store breaking the order's assumptions (unique ids) gets here.
    for (const other of this.blocks) {
      const found = other.entries.indexOf(entry);
      if (found >= 0) return { block: other, at: found };
    }
    throw new Error(`Listing index lost map ${entry.map.id}`);
  }

  /** The first block whose last entry does not come before `entry` (`blocks.length` when every block does). */
  private blockFor(entry: ListingEntry): number {
    return lowerBound(this.blocks.length, (i) => byListingOrder(this.blocks[i]!.entries.at(-1)!, entry) < 0);
  }
}

/** The first position of `entries` whose entry does not come before `entry`. */
function insertionPoint(entries: readonly ListingEntry[], entry: ListingEntry): number {
  return lowerBound(entries.length, (i) => byListingOrder(entries[i]!, entry) < 0);
}

/** The first index in [0, length) for which `before` is false, `before` being true up to some index and false after. */
function lowerBound(length: number, before: (index: number) => boolean): number {
  let low = 0;
  let high = length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (before(middle)) low = middle + 1;
    else high = middle;
  }
  return low;
}
