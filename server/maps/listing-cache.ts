// Encoded map listings kept per filter: the list is every user's landing page. A listing is assembled from the items
// the listing index keeps encoded (listing-index.ts), so a change costs one pass over the maps and a copy of the bytes,
// never a re-encoding or a sort of the whole set. The ETag is a sha256 over the items' own digests (12 bytes each), not
// over the body: the same listing has the same ETag, across cache evictions and restarts, as when the body was hashed.
import { createHash } from 'node:crypto';
import type { ReviewStates } from '../review/review-state-index';
import type { ReviewState } from '../review/review.schema';
import { matchesFilter, normalizeFilter } from '../store/map-filter';
import type { MapFilter, MapStore } from '../store/map-store';
import { ListingIndex, type ListingEntry } from './listing-index';

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
const OPEN = Buffer.from('{"items":[');
const CLOSE = Buffer.from(']}');

interface CachedListing {
  /** The index's version the listing was last checked against. */
  version: number;
  /** The index entries it was assembled from, in order: the same entries mean the same body. */
  parts: ListingEntry[];
  listing: EncodedListing;
}

export class ListingCache {
  private readonly index: ListingIndex;
  private readonly entries = new Map<string, CachedListing>();

  /** `states`: each map's SOP state (absent in tools without a review cycle: the items then carry none). */
  constructor(
    store: MapStore,
    private readonly states?: ReviewStates,
  ) {
    this.index = new ListingIndex(store, states);
  }

  async get(filter: ListingFilter): Promise<EncodedListing> {
    await this.index.ready();
    const version = this.index.version();
    const key = JSON.stringify([filter.kind ?? null, filter.unit ?? null, filter.q ?? null, filter.sopState ?? null]);
    const cached = this.entries.get(key);
    if (cached?.version === version) return cached.listing;
    const parts = this.partsOf(filter);
    let entry: CachedListing;
    if (cached && sameParts(cached.parts, parts)) entry = { ...cached, version };
    else entry = { version, parts, listing: encode(parts) };
    this.entries.delete(key);
    this.entries.set(key, entry);
    if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    return entry.listing;
  }

  /** The entries `filter` lists, in the listing's order. */
  private partsOf(filter: ListingFilter): ListingEntry[] {
    const { sopState, ...mapFilter } = filter;
    const normalized = normalizeFilter(mapFilter);
    const byState = this.states && sopState ? sopState : undefined;
    const parts: ListingEntry[] = [];
    for (const entry of this.index.entries()) {
      if (matchesFilter(entry.keys, normalized) && (byState === undefined || entry.sopState === byState)) parts.push(entry);
    }
    return parts;
  }
}

function encode(parts: readonly ListingEntry[]): EncodedListing {
  if (parts.length === 0) return EMPTY_LISTING;
  const chunks: Buffer[] = new Array(parts.length + 2);
  chunks[0] = OPEN;
  chunks[1] = parts[0]!.json.subarray(1);
  for (let i = 1; i < parts.length; i++) chunks[i + 1] = parts[i]!.json;
  chunks[parts.length + 1] = CLOSE;
  const digest = createHash('sha256').update(Buffer.concat(parts.map((part) => part.digest)));
  return { body: Buffer.concat(chunks), etag: `W/"${digest.digest('base64url').slice(0, 27)}"` };
}

function sameParts(a: readonly ListingEntry[], b: readonly ListingEntry[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
