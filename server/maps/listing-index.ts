// Every map's listing item, encoded once and kept in the listing's order: the store's change feed and the SOP states'
// re-encode and re-place only the map that changed, so a listing after a save never encodes or sorts the whole set.
import { createHash } from 'node:crypto';
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
  /** The first bytes of the JSON's sha256: a listing's ETag hashes these instead of the whole body. */
  readonly digest: Buffer;
}

export const DIGEST_BYTES = 12;

function entryOf(map: ProcessMap, sopState: ReviewState | undefined): ListingEntry {
  const item = sopState === undefined ? map : { ...map, sopState };
  const json = Buffer.from(`,${JSON.stringify(item)}`);
  const digest = createHash('sha256').update(json).digest().subarray(0, DIGEST_BYTES);
  return { map, ...(sopState === undefined ? {} : { sopState }), keys: filterKeysOf(map), json, digest };
}

const byListingOrder = (a: ListingEntry, b: ListingEntry) => listingOrder(a.map, b.map);

export class ListingIndex {
  /** Every map, in the listing's order. */
  private ordered: ListingEntry[] = [];
  private readonly byId = new Map<string, ListingEntry>();
  private loading: Promise<void> | undefined;
  /** Changes heard while the first snapshot is read, applied over it (applying a change twice is harmless). */
  private heard: { maps: ProcessMap[]; states: string[] } | undefined = { maps: [], states: [] };
  private changes = 0;

  /** `states`: each map's SOP state (absent in tools without a review cycle: the items then carry none). */
  constructor(
    private readonly store: MapStore,
    private readonly states?: ReviewStates,
  ) {
    store.onChange((map) => (this.heard ? this.heard.maps.push(map) : this.put(map)));
    states?.onChange((mapId) => (this.heard ? this.heard.states.push(mapId) : this.restate(mapId)));
  }

  /** Resolves once every stored map is indexed. */
  ready(): Promise<void> {
    return (this.loading ??= this.load().catch((error: unknown) => {
      this.loading = undefined;
      throw error;
    }));
  }

  /** Changes whenever an item changes, is added, or moves. */
  version(): number {
    return this.changes;
  }

  /** Every entry in the listing's order (the index's own array: read it, never change it). */
  entries(): readonly ListingEntry[] {
    return this.ordered;
  }

  private async load(): Promise<void> {
    await this.states?.ready();
    const maps = await this.store.listMaps({});
    this.ordered = maps.map((map) => entryOf(map, this.states?.stateOf(map.id))).sort(byListingOrder);
    for (const entry of this.ordered) this.byId.set(entry.map.id, entry);
    const heard = this.heard!;
    this.heard = undefined;
    for (const map of heard.maps) this.put(map);
    for (const mapId of heard.states) this.restate(mapId);
    this.changes++;
  }

  /** The map as stored now: its item re-encoded and moved to its place. */
  private put(map: ProcessMap): void {
    const old = this.byId.get(map.id);
    const next = entryOf(map, this.states?.stateOf(map.id));
    if (old?.json.equals(next.json)) return;
    if (old) this.ordered.splice(this.positionOf(old), 1);
    this.ordered.splice(this.insertionPoint(next), 0, next);
    this.byId.set(map.id, next);
    this.changes++;
  }

  /** The map's SOP state changed: its item re-encoded in place (the order does not depend on the state). */
  private restate(mapId: string): void {
    const old = this.byId.get(mapId);
    if (!old) return;
    const next = entryOf(old.map, this.states?.stateOf(mapId));
    if (old.json.equals(next.json)) return;
    this.ordered[this.positionOf(old)] = next;
    this.byId.set(mapId, next);
    this.changes++;
  }

  /** Where `entry` lies in `ordered` (the order is total: codes and ids are unique). */
  private positionOf(entry: ListingEntry): number {
    const at = this.insertionPoint(entry);
    if (this.ordered[at] === entry) return at;
    // Not where its order puts it: only a store breaking the order's assumptions (unique ids) gets here.
    const found = this.ordered.indexOf(entry);
    if (found < 0) throw new Error(`Listing index lost map ${entry.map.id}`);
    return found;
  }

  /** The first position whose entry does not come before `entry`. */
  private insertionPoint(entry: ListingEntry): number {
    let low = 0;
    let high = this.ordered.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (byListingOrder(this.ordered[middle]!, entry) < 0) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}
