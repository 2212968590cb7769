// GET /api/maps/:id/events: the changes to one map as server-sent events (`event: map`, data a MapEvent), for the
// pages that have the map open. Access is checked once, as for reading the map.
import { Router } from 'express';
import { z } from 'zod';
import { actor, permit } from '../http/auth';
import { validated } from '../http/validated';
import { MapParams } from '../maps/maps.schema';
import type { MapsService } from '../maps/maps.service';
import type { ProcessMap, Revision } from '../store/records';
import type { MapEvent, MapEventBus } from './map-events';

/** Proxies close idle streams; a comment now and then keeps the stream open. */
const HEARTBEAT_MS = 25_000;

/**
 * `?revisi=N`: the revision the page shows. A newer one saved before the stream listened (the modeller connects only
 * once the map is drawn, issue 16) is announced at once, as the save would have been.
 */
const EventsQuery = z.object({ revisi: z.coerce.number().int().min(1).optional() }).strict();

export function mapEventsRouter(bus: MapEventBus, maps: MapsService): Router {
  const router = Router();
  router.get('/maps/:id/events', permit('maps:read'), validated({ params: MapParams, query: EventsQuery }, async ({ params, query }, req, res) => {
    const user = actor(req);
    // Listening starts before the map is read (for the catch-up), and what comes meanwhile waits behind `ready`.
    let held: MapEvent[] | null = [];
    const send = (event: MapEvent) => res.write(`event: map\ndata: ${JSON.stringify(event)}\n\n`);
    const unsubscribe = bus.subscribe(params.id, (event) => (held ? held.push(event) : send(event)));
    let heartbeat: NodeJS.Timeout | undefined;
    const end = (): void => {
      clearInterval(heartbeat);
      unsubscribe();
      stopOnClose();
      if (res.headersSent && !res.writableEnded) res.end();
    };
    const stopOnClose = bus.onClose(end);
    req.on('close', end);
    let map: ProcessMap;
    let missed: Revision | undefined;
    try {
      map = await maps.get(user, params.id);
      if (query.revisi !== undefined && map.currentRevision > query.revisi) missed = (await maps.revisions(user, map.id)).at(-1);
    } catch (error) {
      end();
      throw error;
    }
    if (req.destroyed) return;
    res.status(200).set({ 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', 'X-Accel-Buffering': 'no' });
    res.flushHeaders();
    // `ready` tells the page (and tests) that later changes will reach it.
    res.write(`retry: 3000\nevent: ready\ndata: ${JSON.stringify({ mapId: map.id })}\n\n`);
    // A revision record names its author, not the account; the page's notice shows only the name.
    if (missed && !held.some((event) => event.kind === 'revision')) send({ mapId: map.id, kind: 'revision', by: { id: '', name: missed.author }, at: missed.createdAt });
    for (const event of held) send(event);
    held = null;
    heartbeat = setInterval(() => res.write(': tetap tersambung\n\n'), HEARTBEAT_MS);
  }));
  return router;
}
