// The facts of map revisions (map-facts.ts) kept in memory by the revision's sha256: a revision never changes, so a
// second repository lint only reads the revisions saved since. Bounded: the least recently used entries go first.
import { LruMap } from './lru-map';
import { readMapFacts, type MapFacts } from './map-facts';

export const EMPTY_FACTS: MapFacts = Object.freeze({ calls: [], units: [], crossUnit: [] }) as MapFacts;

export class FactsCache {
  private readonly entries: LruMap<MapFacts>;
  /** Revisions read and parsed (cache misses) since the cache was made. */
  reads = 0;

  constructor(maxEntries = 20_000) {
    this.entries = new LruMap(maxEntries);
  }

  get size(): number {
    return this.entries.size;
  }

  /** The facts of the revision `sha256`, from the cache or read from `xml()`; unreadable XML gives empty facts. */
  async get(sha256: string, xml: () => Promise<string>): Promise<MapFacts> {
    const cached = this.entries.get(sha256);
    if (cached) return cached;
    this.reads++;
    let facts: MapFacts;
    try {
      facts = readMapFacts(await xml());
    } catch {
      facts = EMPTY_FACTS;
    }
    this.entries.set(sha256, facts);
    return facts;
  }
}
