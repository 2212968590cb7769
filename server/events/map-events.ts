// Changes to a map that other users' open pages follow (issue 15, item 2): one event after each committed write.
// The bus is an interface so that a multi-instance deployment can put a shared broker behind it; one process uses
// the in-process implementation below.
import { EventEmitter } from 'node:events';
import type { MapEvent } from './map-event.schema';

export { MapEvent, MapEventKind } from './map-event.schema';

export interface MapEventBus {
  publish(event: MapEvent): void;
  /** Calls `listener` for each later event of the map; returns the unsubscribe function. */
  subscribe(mapId: string, listener: (event: MapEvent) => void): () => void;
  /** Calls `listener` once when the bus closes (the server stops): open streams end, so the server can close. */
  onClose(listener: () => void): () => void;
  close(): void;
}

export class InProcessMapEventBus implements MapEventBus {
  private readonly emitter = new EventEmitter();
  private readonly closers = new Set<() => void>();

  constructor() {
    // One listener per open page of a map: an office has many.
    this.emitter.setMaxListeners(0);
  }

  publish(event: MapEvent): void {
    this.emitter.emit(event.mapId, event);
  }

  subscribe(mapId: string, listener: (event: MapEvent) => void): () => void {
    this.emitter.on(mapId, listener);
    return () => this.emitter.off(mapId, listener);
  }

  onClose(listener: () => void): () => void {
    this.closers.add(listener);
    return () => this.closers.delete(listener);
  }

  close(): void {
    const closers = [...this.closers];
    this.closers.clear();
    this.emitter.removeAllListeners();
    for (const closer of closers) closer();
  }
}
