// Each map's SOP lifecycle state, kept in memory for the map listing (issue 15 item 4). The index wraps the review
// store: every change of a record goes through `update`, so a state change is seen there, whichever service made it
// (a review step, a new draft cycle after an edit), and told to `onChange` listeners (the listing index).
import { ChangeFeed } from '../store/change-feed';
import type { ReviewStore } from './review-store';
import { stateOf, type ReviewState } from './review.schema';

export interface ReviewStates {
  /** The map's SOP state; `draf` for a map without any review record (see `stateOfMap`). */
  stateOf(mapId: string): ReviewState;
  /** Resolves once the states of every stored record are known. */
  ready(): Promise<void>;
  /**
   * `listener` hears the id of each map whose state changes from now on, synchronously, once `stateOf` answers the new
   * state (not on comments or evaluations, which leave the state as it was).
   */
  onChange(listener: (mapId: string) => void): () => void;
}

/** The review store, with the index of states that its updates keep current. */
export function trackReviewStates(store: ReviewStore): { reviews: ReviewStore; states: ReviewStates } {
  const states = new Map<string, ReviewState>();
  const changed = new ChangeFeed<string>();
  let loading: Promise<void> | undefined;
  const ready = () =>
    (loading ??= store.list().then((docs) => {
      for (const doc of docs) states.set(doc.mapId, stateOf(doc));
    }));

  const reviews: ReviewStore = {
    get: (mapId) => store.get(mapId),
    list: () => store.list(),
    findSignature: (code) => store.findSignature(code),
    putFile: (bytes) => store.putFile(bytes),
    readFile: (sha256) => store.readFile(sha256),
    close: () => store.close(),
    async importRecord(record) {
      await ready();
      await store.importRecord(record);
      const written = stateOf(record);
      if (written !== (states.get(record.mapId) ?? 'draf')) {
        states.set(record.mapId, written);
        changed.emit(record.mapId);
      }
    },
    async update(mapId, change) {
      await ready();
      let written: ReviewState | undefined;
      const result = await store.update(mapId, (current) => {
        const outcome = change(current);
        written = stateOf(outcome.next);
        return outcome;
      });
      // Only a stored record counts: the store throws (and we never get here) when it refuses the next one.
      if (written !== undefined && written !== (states.get(mapId) ?? 'draf')) {
        states.set(mapId, written);
        changed.emit(mapId);
      }
      return result;
    },
  };

  return {
    reviews,
    states: {
      // A map nobody has submitted yet has no review record: its SOP is a draft (the review store answers the same
      // empty record, state draf), so the listing says "Draf" rather than "—"; every map kind can carry an SOP.
      stateOf: (mapId) => states.get(mapId) ?? 'draf',
      ready,
      onChange: (listener) => changed.subscribe(listener),
    },
  };
}
