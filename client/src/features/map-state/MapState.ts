// One store of what the pages of an open map show (issue 15, item 2): the map record and its revision, the review
// view and the submission readiness, the SOP identity in force, and the last change to the map's hierarchy. Panels
// read it and re-render when it changes; it is refreshed by the server's answer to each write made here, and by the
// map's server-sent events when someone else (another user, or another page) changes the map.
import { PAGE_ID, type Api } from '../../api/client';
import type { MapEvent, ProcessMap, ReviewReadiness, ReviewView, SopVersion } from '../../api/types';
import type { MapEventsMessage } from './mapEvents.worker';

export type MapStateTopic = 'map' | 'review' | 'readiness' | 'sop' | 'hierarchy';

export interface MapStateSnapshot {
  map: ProcessMap | null;
  review: ReviewView | null;
  /** Only for users who may submit; null before it is loaded or when it cannot be. */
  readiness: ReviewReadiness | null;
  /** The SOP identity last saved (null before the first save, or before it is loaded). */
  sop: SopVersion | null;
  /** Counts changes to the maps beneath this one (moves, peta relasi saved), so views of the subtree reload. */
  hierarchyVersion: number;
}

export type MapStateListener = (state: MapStateSnapshot, changed: ReadonlySet<MapStateTopic>) => void;
/** A change made elsewhere: the editor says who made it (and keeps unsaved work). */
export type RemoteChangeListener = (event: MapEvent) => void;

export class MapState {
  private state: MapStateSnapshot = { map: null, review: null, readiness: null, sop: null, hierarchyVersion: 0 };
  private readonly listeners = new Set<MapStateListener>();
  private readonly remoteListeners = new Set<RemoteChangeListener>();
  private source: Worker | null = null;
  /** Answers of reloads that overlap: only the last asked is kept. */
  private reviewLoads = 0;

  constructor(
    private readonly api: Api,
    readonly mapId: string,
  ) {}

  get snapshot(): MapStateSnapshot {
    return this.state;
  }

  subscribe(listener: MapStateListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onRemoteChange(listener: RemoteChangeListener): () => void {
    this.remoteListeners.add(listener);
    return () => this.remoteListeners.delete(listener);
  }

  /**
   * Follows the map's event stream; `data-map-events="connected"` is set on the document once the server listens. With
   * the revision the page shows, one saved meanwhile is announced like any later change.
   */
  connect(shownRevision?: number): void {
    if (this.source) return;
    const worker = new Worker(new URL('./mapEvents.worker.ts', import.meta.url), { type: 'module', name: 'petakerja-map-events' });
    this.source = worker;
    worker.addEventListener('message', ({ data: message }: MessageEvent<MapEventsMessage>) => {
      if (message.type === 'ready') {
        document.documentElement.dataset.mapEvents = 'connected';
        return;
      }
      const event = JSON.parse(message.data) as MapEvent;
      if (event.page === PAGE_ID) return;
      void this.applyRemote(event);
    });
    worker.postMessage({ url: new URL(this.api.mapEventsUrl(this.mapId, shownRevision), location.href).href });
  }

  destroy(): void {
    this.source?.terminate();
    this.source = null;
    delete document.documentElement.dataset.mapEvents;
    this.listeners.clear();
    this.remoteListeners.clear();
  }

  /** The map record as the server answered a write (or a load). */
  setMap(map: ProcessMap): void {
    this.update({ map }, ['map']);
  }

  /** The review view as the server answered a transition (or a load); readiness follows the new state. */
  setReview(review: ReviewView): void {
    this.update({ review }, ['review']);
  }

  /** The SOP identity as the server answered "Simpan SOP": readiness depends on it. */
  setSop(sop: SopVersion | null): void {
    this.update({ sop }, ['sop']);
    // A failed check leaves the last readiness shown; the server checks again at submission.
    this.refreshReadiness().catch(() => undefined);
  }

  hierarchyChanged(): void {
    this.update({ hierarchyVersion: this.state.hierarchyVersion + 1 }, ['hierarchy']);
  }

  /** Loads the review view, then the readiness when the user may submit. */
  async refreshReview(): Promise<void> {
    const load = ++this.reviewLoads;
    const review = await this.api.getReview(this.mapId);
    if (load !== this.reviewLoads) return;
    this.update({ review }, ['review']);
    await this.refreshReadiness();
  }

  /** Readiness is asked only of a user who may submit (the "ajukan" action is open). */
  async refreshReadiness(): Promise<void> {
    const review = this.state.review;
    if (!review?.actions.some((action) => action.action === 'ajukan')) {
      if (this.state.readiness) this.update({ readiness: null }, ['readiness']);
      return;
    }
    const load = this.reviewLoads;
    const readiness = await this.api.reviewReadiness(this.mapId);
    if (load !== this.reviewLoads) return;
    this.update({ readiness }, ['readiness']);
  }

  async refreshSop(): Promise<void> {
    const view = await this.api.getSop(this.mapId);
    this.update({ sop: view.record }, ['sop']);
    await this.refreshReadiness();
  }

  private async applyRemote(event: MapEvent): Promise<void> {
    try {
      if (event.kind === 'revision' || event.kind === 'map') {
        this.setMap(await this.api.getMap(this.mapId));
        await this.refreshReview();
      } else if (event.kind === 'sop') {
        await this.refreshSop();
      } else if (event.kind === 'review') {
        await this.refreshReview();
      } else {
        // The map's own place (code, parent) may have changed too.
        this.setMap(await this.api.getMap(this.mapId));
        this.hierarchyChanged();
      }
    } catch {
      // The page keeps what it shows; the next change or a reload brings the rest.
    }
    for (const listener of this.remoteListeners) listener(event);
  }

  private update(patch: Partial<MapStateSnapshot>, topics: MapStateTopic[]): void {
    this.state = { ...this.state, ...patch };
    const changed = new Set(topics);
    for (const listener of this.listeners) listener(this.state, changed);
  }
}
