// Lint counts per (revision sha256, profile), so that the dashboard does not lint every map on each load: computed
// lazily with lintXml, kept in memory (bounded, least recently used dropped first), and warmed up in the background
// one map at a time, yielding to the event loop between maps so that requests stay fast (docs/dashboard.md).
import { LruMap } from './lru-map';
import { DEFAULT_PROFILE, type Profile } from '../domain/vocabulary';
import { lintXml, summarise } from '../lint/lint.service';
import type { KamusSynonym } from '../lint/map-model/kamus-synonyms';
import { currentRevisionOf, type MapStore } from '../store/map-store';
import type { ProcessMap } from '../store/records';

export interface LintCounts {
  errors: number;
  warnings: number;
  infos: number;
}

/** Counts, or `unreadable` when the revision could not be linted (a stored file that no longer parses). */
export type LintSummary = LintCounts | 'unreadable';

/**
 * Which lint a map's current revision gets: its own rules under its profile, as GET /api/maps/:id/lint lints it (the
 * map/* findings of that answer depend on other maps; the dashboard adds them from the repository check).
 */
export interface LintKey {
  sha256: string;
  profile: Profile;
  /** The version of the repository's kamus synonyms linted with (a change of the kamus is a new key). */
  kamus?: number;
}

export interface LintSummaryCacheOptions {
  /** Entries kept; the least recently used go first beyond it. */
  maxEntries?: number;
  /** The repository's default profile, for lintXml (maps always name their own profile). */
  repositoryDefault?: Profile;
  /** The repository's synonyms of the kamus jabatan, with the version that changes with them (kamus.service.ts). */
  kamus?: { list(): readonly KamusSynonym[]; readonly version: number };
}

const keyText = (key: LintKey) => `${key.sha256}:${key.profile}:${key.kamus ?? 0}`;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export class LintSummaryCache {
  private readonly entries: LruMap<LintSummary>;
  private readonly repositoryDefault: Profile;
  private readonly kamus: LintSummaryCacheOptions['kamus'];
  /** The warm-up loop running now, if any. */
  private warming: Promise<void> | undefined;
  private stopped = false;
  /** Set when the store may hold revisions the running warm-up has not seen: it looks again once done. */
  private again = false;

  constructor(
    private readonly store: MapStore,
    options: LintSummaryCacheOptions = {},
  ) {
    this.entries = new LruMap(options.maxEntries ?? 20_000);
    this.repositoryDefault = options.repositoryDefault ?? DEFAULT_PROFILE;
    this.kamus = options.kamus;
  }

  get size(): number {
    return this.entries.size;
  }

  /** True while the background warm-up runs. */
  get warmingUp(): boolean {
    return this.warming !== undefined;
  }

  /** The key of the map's current revision. */
  async keyOf(map: ProcessMap): Promise<LintKey> {
    const current = await currentRevisionOf(this.store, map);
    return { sha256: current.sha256, profile: map.profile, ...(this.kamus ? { kamus: this.kamus.version } : {}) };
  }

  /** What is known for the key, without linting; undefined when not linted yet. */
  peek(key: LintKey): LintSummary | undefined {
    return this.entries.get(keyText(key));
  }

  /** The counts of the map's current revision, linting it when not known yet. */
  async summaryOf(map: ProcessMap): Promise<LintSummary> {
    const key = await this.keyOf(map);
    return this.peek(key) ?? this.compute(key, () => this.store.readRevisionXml(map.id, map.currentRevision));
  }

  /** Records the counts of a revision just saved (its XML at hand), so that the dashboard knows it at once. */
  async remember(key: LintKey, xml: string): Promise<LintSummary> {
    return this.peek(key) ?? this.compute(key, async () => xml);
  }

  /**
   * Starts the background warm-up when not running: the current revision of every map whose counts are unknown, one at
   * a time. Called with the server, and again whenever a dashboard finds maps not yet checked.
   */
  warmUp(): void {
    if (this.stopped) return;
    if (this.warming) {
      this.again = true;
      return;
    }
    this.warming = this.warmLoop()
      // A failing store read ends this round only: the maps stay pending, and the next dashboard starts another.
      .catch(() => undefined)
      .finally(() => {
        this.warming = undefined;
      });
  }

  /** Resolves once the warm-up running now (if any) has ended, without stopping it. */
  async idle(): Promise<void> {
    while (this.warming) await this.warming;
  }

  /** Stops the warm-up (the map being linted finishes first) and refuses to start another; for server close. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.warming;
  }

  private async warmLoop(): Promise<void> {
    do {
      this.again = false;
      for (const map of await this.store.listMaps({})) {
        if (this.stopped) return;
        let key: LintKey;
        try {
          key = await this.keyOf(map);
        } catch {
          continue; // removed meanwhile
        }
        if (this.peek(key) !== undefined) continue;
        await this.compute(key, () => this.store.readRevisionXml(map.id, map.currentRevision));
        await nextTurn();
      }
    } while (this.again && !this.stopped);
  }

  private async compute(key: LintKey, readXml: () => Promise<string>): Promise<LintSummary> {
    let summary: LintSummary;
    try {
      const synonyms = this.kamus?.list() ?? [];
      const result = await lintXml(await readXml(), key.profile, this.repositoryDefault, synonyms.length > 0 ? { synonyms: [...synonyms] } : undefined);
      summary = summarise(result.findings);
    } catch {
      summary = 'unreadable';
    }
    this.entries.set(keyText(key), summary);
    return summary;
  }
}
