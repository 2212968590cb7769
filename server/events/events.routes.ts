// GET /api/maps/:id/events: the changes to one map as server-sent events (`event: map`, data a MapEvent), for the
// pages that have the map open. Access is checked once, as for reading the map.
import { Router } from 'express';
import { actor, permit } from '../http/auth';
import { validated } from '../http/validated';
import { MapParams } from '../maps/maps.schema';
import type { MapsService } from '../maps/maps.service';
import type { MapEventBus } from './map-events';

/** Proxies close idle streams; a comment now and then keeps the stream open. */
const HEARTBEAT_MS = 25_000;

export function mapEventsRouter(bus: MapEventBus, maps: MapsService): Router {
  const router = Router();
  router.get('/maps/:id/events', permit('maps:read'), validated({ params: MapParams }, async ({ params }, req, res) => {
    const map = await maps.get(actor(req), params.id);
    res.status(200).set({ 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', 'X-Accel-Buffering': 'no' });
    res.flushHeaders();
    // `ready` tells the page (and tests) that later changes will reach it.
    res.write(`retry: 3000\nevent: ready\ndata: ${JSON.stringify({ mapId: map.id })}\n\n`);
    const unsubscribe = bus.subscribe(map.id, (event) => res.write(`event: map\ndata: ${JSON.stringify(event)}\n\n`));
    const heartbeat = setInterval(() => res.write(': tetap tersambung\n\n'), HEARTBEAT_MS);
    const end = (): void => {
      clearInterval(heartbeat);
      unsubscribe();
      stopOnClose();
      if (!res.writableEnded) res.end();
    };
    const stopOnClose = bus.onClose(end);
    req.on('close', end);
  }));
  return router;
}
