// Encoded map listings kept per filter: the list is every user's landing page. A listing is assembled from the items
// the listing index keeps encoded (listing-index.ts): the whole listing is the index's blocks as they are (nothing
// copied), a filtered one a pass over the maps and a copy of the matching items' bytes; never a re-encoding or a sort of
// the whole set. A page (`?limit=&offset=`) copies only its own items: sliced from the index's blocks, or from the
// filter's matching entries (found by the same pass, kept until the index changes). The ETag is a sha256 over the
// items' own digests (12 bytes each; a page's with its total), not over the body: the same listing has the same ETag,
// across cache evictions and restarts, as when the body was hashed.
import { createHash, type Hash } from 'node:crypto';
import type { ReviewStates } from '../review/review-state-index';
import type { ReviewState } from '../review/review.schema';
import { matchesFilter, normalizeFilter } from '../store/map-filter';
import type { MapFilter, MapStore } from '../store/map-store';
import { BLOCK_ITEMS, ListingIndex, type ListingBlock, type ListingEntry } from './listing-index';

/** A listing's filter: the store's, and the SOP state each listed map carries (`sopState` of the items). */
export interface ListingFilter extends MapFilter {
  sopState?: ReviewState;
}

/** The JSON `{ items }`, or a page's `{ items, total }`, as the chunks to send, in order (the index's own buffers: never change them). */
export interface EncodedListing {
  chunks: readonly Buffer[];
  /** The body's length in bytes. */
  bytes: number;
  etag: string;
}

const EMPTY_BODY = Buffer.from('{"items":[]}');
export const EMPTY_LISTING: EncodedListing = { chunks: [EMPTY_BODY], bytes: EMPTY_BODY.length, etag: 'W/"kosong"' };

/** The listing's JSON text, for callers within the server that read the items. */
export const listingText = (listing: EncodedListing): string => Buffer.concat(listing.chunks).toString('utf8');

/** Distinct filters kept at once; searches as the user types make many, each used briefly. */
const MAX_ENTRIES = 64;
const OPEN = Buffer.from('{"items":[');
const CLOSE = Buffer.from(']}');

interface CachedListing {
  /** The index's version the listing was last checked against. */
  version: number;
  /** The index entries a filtered listing holds, in order: the same entries mean the same body. */
  parts?: ListingEntry[];
  /** The whole body, encoded at its first full request (a page request needs only `parts`). */
  listing?: EncodedListing;
}

/** A page of a listing: `limit` items from position `offset` (0 is the first) on. */
export interface ListingPage {
  limit: number;
  offset: number;
}

export class ListingCache {
  private readonly index: ListingIndex;
  private readonly entries = new Map<string, CachedListing>();

  /** `states`: each map's SOP state (absent in tools without a review cycle: the items then carry none). */
  constructor(
    store: MapStore,
    private readonly states?: ReviewStates,
    /** Items per block of the index (tests make it small to exercise splits). */
    blockItems = BLOCK_ITEMS,
  ) {
    this.index = new ListingIndex(store, states, blockItems);
  }

  /** The whole listing `{ items }`. */
  async get(filter: ListingFilter): Promise<EncodedListing> {
    await this.index.ready();
    const entry = this.current(filter);
    return (entry.listing ??= entry.parts ? encode(entry.parts) : encodeBlocks(this.index.listing()));
  }

  /**
   * One page `{ items, total }` of the listing: the index's entries of the page, sliced from its blocks (whole listing)
   * or from the filter's matching entries; only the page's items are copied. A page past the end has no items.
   */
  async page(filter: ListingFilter, { limit, offset }: ListingPage): Promise<EncodedListing> {
    await this.index.ready();
    const { parts } = this.current(filter);
    return parts ? encodePage(parts.slice(offset, offset + limit), parts.length) : encodePage(this.index.slice(offset, limit), this.index.size());
  }

  /** The cached listing of `filter` at the index's current version: a filtered one's entries found anew if it changed. */
  private current(filter: ListingFilter): CachedListing {
    const version = this.index.version();
    const key = JSON.stringify([filter.kind ?? null, filter.unit ?? null, filter.q ?? null, filter.sopState ?? null]);
    const cached = this.entries.get(key);
    let entry: CachedListing;
    if (cached?.version === version) entry = cached;
    else if (this.isWhole(filter)) entry = { version };
    else {
      const parts = this.partsOf(filter);
      entry = cached?.parts && sameParts(cached.parts, parts) ? { ...cached, version } : { version, parts };
    }
    this.entries.delete(key);
    this.entries.set(key, entry);
    if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    return entry;
  }

  /** Whether `filter` lists every map. */
  private isWhole(filter: ListingFilter): boolean {
    return !filter.kind && filter.unit === undefined && !filter.q && !(this.states && filter.sopState);
  }

  /** The entries `filter` lists, in the listing's order. */
  private partsOf(filter: ListingFilter): ListingEntry[] {
    const { sopState, ...mapFilter } = filter;
    const normalized = normalizeFilter(mapFilter);
    const byState = this.states && sopState ? sopState : undefined;
    const parts: ListingEntry[] = [];
    for (const block of this.index.listing()) {
      for (const entry of block.entries) {
        if (matchesFilter(entry.keys, normalized) && (byState === undefined || entry.sopState === byState)) parts.push(entry);
      }
    }
    return parts;
  }
}

const etagOf = (hash: Hash) => `W/"${hash.digest('base64url').slice(0, 27)}"`;

/** Some maps' items, copied into one body. */
function encode(parts: readonly ListingEntry[]): EncodedListing {
  if (parts.length === 0) return EMPTY_LISTING;
  const chunks: Buffer[] = new Array(parts.length + 2);
  chunks[0] = OPEN;
  chunks[1] = parts[0]!.json.subarray(1);
  for (let i = 1; i < parts.length; i++) chunks[i + 1] = parts[i]!.json;
  chunks[parts.length + 1] = CLOSE;
  const body = Buffer.concat(chunks);
  return { chunks: [body], bytes: body.length, etag: etagOf(createHash('sha256').update(Buffer.concat(parts.map((part) => part.digest)))) };
}

/** A page of items and the listing's total, copied into one body; its ETag covers both. */
function encodePage(parts: readonly ListingEntry[], total: number): EncodedListing {
  const chunks: Buffer[] = [OPEN];
  const hash = createHash('sha256').update(`halaman:${total}:`);
  for (const [i, part] of parts.entries()) {
    chunks.push(i === 0 ? part.json.subarray(1) : part.json);
    hash.update(part.digest);
  }
  chunks.push(Buffer.from(`],"total":${total}}`));
  const body = Buffer.concat(chunks);
  return { chunks: [body], bytes: body.length, etag: etagOf(hash) };
}

/** Every map's item: the index's blocks, sent as they are. */
function encodeBlocks(blocks: readonly ListingBlock[]): EncodedListing {
  if (blocks.length === 0) return EMPTY_LISTING;
  const chunks: Buffer[] = [OPEN];
  const hash = createHash('sha256');
  for (const block of blocks) {
    chunks.push(chunks.length === 1 ? block.json().subarray(1) : block.json());
    block.hashInto(hash);
  }
  chunks.push(CLOSE);
  return { chunks, bytes: chunks.reduce((sum, chunk) => sum + chunk.length, 0), etag: etagOf(hash) };
}

function sameParts(a: readonly ListingEntry[], b: readonly ListingEntry[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The page of a listing that holds nothing (a reader asking for another unit's maps). */
export const EMPTY_PAGE: EncodedListing = encodePage([], 0);
