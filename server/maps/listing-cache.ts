// Encoded map listings kept per filter until the store reports a change: the list is every user's landing
// page, and re-encoding thousands of maps on each request costs more than the request itself.
import { createHash } from 'node:crypto';
import type { ReviewStates } from '../review/review-state-index';
import type { ReviewState } from '../review/review.schema';
import type { MapFilter, MapStore } from '../store/map-store';

/** A listing's filter: the store's, and the SOP state each listed map carries (`sopState` of the items). */
export interface ListingFilter extends MapFilter {
  sopState?: ReviewState;
}

export interface EncodedListing {
  body: Buffer;
  etag: string;
}

export const EMPTY_LISTING: EncodedListing = { body: Buffer.from('{"items":[]}'), etag: 'W/"kosong"' };

/** Distinct filters kept at once; searches as the user types make many, each used briefly. */
const MAX_ENTRIES = 64;

export class ListingCache {
  private readonly entries = new Map<string, { version: string; listing: EncodedListing }>();

  /** `states`: each map's SOP state (absent in tools without a review cycle: the items then carry none). */
  constructor(
    private readonly store: MapStore,
    private readonly states?: ReviewStates,
  ) {}

  async get(filter: ListingFilter): Promise<EncodedListing> {
    await this.states?.ready();
    // Either a map change or a review step invalidates: the version key holds both counters.
    const version = `${await this.store.listingVersion()}/${this.states?.version() ?? ''}`;
    const key = JSON.stringify([filter.kind ?? null, filter.unit ?? null, filter.q ?? null, filter.sopState ?? null]);
    const cached = this.entries.get(key);
    if (cached?.version === version) return cached.listing;
    const { sopState, ...mapFilter } = filter;
    const states = this.states;
    let maps = await this.store.listMaps(mapFilter);
    if (states && sopState) maps = maps.filter((map) => states.stateOf(map.id) === sopState);
    const items = states ? maps.map((map) => ({ ...map, sopState: states.stateOf(map.id) })) : maps;
    const body = Buffer.from(JSON.stringify({ items }));
    const listing = { body, etag: `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` };
    this.entries.delete(key);
    this.entries.set(key, { version, listing });
    if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    return listing;
  }
}
