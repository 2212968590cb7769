// The repository's synonyms of the kamus jabatan (issue 14 item 4): the pemda's own lane titles ("Kasir", "Petugas
// Front Office") with the jabatan, role, level or outside party answered for them, kept in the settings store and
// given to every lint (lint context `synonyms`). One synonym per normalised name.
import { AppError } from '../errors';
import { synonymKey, type KamusAnswer, type KamusSynonym } from '../lint/map-model/kamus-synonyms';
import type { SettingsStore } from '../store/settings-store';

export const kamusNotFound = (name: string) => new AppError(404, 'KAMUS_NOT_FOUND', `Padanan jabatan "${name}" tidak ada dalam kamus repositori.`);

const byName = (a: KamusSynonym, b: KamusSynonym) => a.name.localeCompare(b.name, 'id');

export class KamusService {
  private seen: readonly KamusSynonym[] | undefined;
  private changes = 0;

  constructor(private readonly store: SettingsStore) {}

  /**
   * Changes with the synonyms: caches of lint results keyed by it see the change. Derived from the settings document
   * as read, so a change made on another instance (re-read on its NOTIFY, docs/storage.md) counts as well as one here.
   */
  get version(): number {
    const current = this.store.read().kamus;
    if (current !== this.seen) {
      this.seen = current;
      if (current !== undefined || this.changes > 0) this.changes += 1;
    }
    return this.changes;
  }

  /** Every synonym, by name. */
  list(): readonly KamusSynonym[] {
    return this.store.read().kamus ?? [];
  }

  get(name: string): KamusSynonym | undefined {
    const key = synonymKey(name);
    return this.list().find((synonym) => synonymKey(synonym.name) === key);
  }

  /** Sets what `name` means (replacing an earlier answer for the same normalised name); true when it is new. */
  async put(name: string, answer: KamusAnswer): Promise<{ synonym: KamusSynonym; created: boolean }> {
    const synonym: KamusSynonym = { name: name.trim(), ...answer };
    const created = this.get(name) === undefined;
    await this.putAll([synonym]);
    return { synonym, created };
  }

  /** Learns several answers at once (the lanes answered at import), one write. */
  async putAll(synonyms: readonly KamusSynonym[]): Promise<void> {
    if (synonyms.length === 0) return;
    await this.store.update((current) => {
      const keys = new Set(synonyms.map((s) => synonymKey(s.name)));
      const kept = (current.kamus ?? []).filter((s) => !keys.has(synonymKey(s.name)));
      return { ...current, kamus: [...kept, ...synonyms].sort(byName) };
    });
  }

  /** Forgets `name`; 404 KAMUS_NOT_FOUND when the repository has no such synonym. */
  async remove(name: string): Promise<KamusSynonym> {
    const existing = this.get(name);
    if (!existing) throw kamusNotFound(name);
    const key = synonymKey(name);
    await this.store.update((current) => ({ ...current, kamus: (current.kamus ?? []).filter((s) => synonymKey(s.name) !== key) }));
    return existing;
  }
}
