// The map event bus shared by every instance on one database (docs/live-updates.md): a change is told at once to this
// instance's open streams and sent with NOTIFY on petakerja_map_events; the other instances hear it on their listening
// connection (map-change-listener.ts) and tell their own streams. An instance skips the echo of its own events.
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { z } from 'zod';
import { InProcessMapEventBus, type MapEventBus } from '../../events/map-events';
import { MapEvent } from '../../events/map-event.schema';

export const MAP_EVENT_CHANNEL = 'petakerja_map_events';

const Notification = z.object({ from: z.string(), event: MapEvent });

export class PostgresMapEventBus implements MapEventBus {
  private readonly local = new InProcessMapEventBus();
  /** This instance, so that it can tell its own notifications from the others'. */
  private readonly instance = randomUUID();

  constructor(private readonly pool: pg.Pool) {}

  publish(event: MapEvent): void {
    this.local.publish(event);
    const payload = JSON.stringify({ from: this.instance, event });
    this.pool.query('SELECT pg_notify($1, $2)', [MAP_EVENT_CHANNEL, payload]).catch((error: Error) => {
      console.error(`Perubahan peta ${event.mapId} tidak dapat diberitahukan ke instans lain: ${error.message}`);
    });
  }

  /** A notification heard on the listening connection. */
  received(payload: string): void {
    let parsed: z.infer<typeof Notification>;
    try {
      parsed = Notification.parse(JSON.parse(payload));
    } catch {
      return;
    }
    if (parsed.from !== this.instance) this.local.publish(parsed.event);
  }

  subscribe(mapId: string, listener: (event: MapEvent) => void): () => void {
    return this.local.subscribe(mapId, listener);
  }

  onClose(listener: () => void): () => void {
    return this.local.onClose(listener);
  }

  close(): void {
    this.local.close();
  }
}
