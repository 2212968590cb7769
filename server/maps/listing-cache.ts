// Encoded map listings kept per filter until the store reports a change: the list is every user's landing
// page, and re-encoding thousands of maps on each request costs more than the request itself.
import { createHash } from 'node:crypto';
import type { MapFilter, MapStore } from '../store/map-store';

export interface EncodedListing {
  body: Buffer;
  etag: string;
}

export const EMPTY_LISTING: EncodedListing = { body: Buffer.from('{"items":[]}'), etag: 'W/"kosong"' };

/** Distinct filters kept at once; searches as the user types make many, each used briefly. */
const MAX_ENTRIES = 64;

export class ListingCache {
  private readonly entries = new Map<string, { version: string; listing: EncodedListing }>();

  constructor(private readonly store: MapStore) {}

  async get(filter: MapFilter): Promise<EncodedListing> {
    const version = await this.store.listingVersion();
    const key = JSON.stringify([filter.kind ?? null, filter.unit ?? null, filter.q ?? null]);
    const cached = this.entries.get(key);
    if (cached?.version === version) return cached.listing;
    const body = Buffer.from(JSON.stringify({ items: await this.store.listMaps(filter) }));
    const listing = { body, etag: `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` };
    this.entries.delete(key);
    this.entries.set(key, { version, listing });
    if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    return listing;
  }
}
