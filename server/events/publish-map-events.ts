// Publishes a map event once a write to the map has been committed and answered (2xx): the routes stay unaware of
// the bus, and no event goes out for a refused or failed write.
import type { RequestHandler } from 'express';
import type { PublicUser } from '../accounts/accounts.records';
import type { MapsService } from '../maps/maps.service';
import type { MapEventBus, MapEventKind } from './map-events';

/** The writes under /maps/:id that other pages of the map follow, by the path after the id. */
function kindOf(method: string, rest: string): MapEventKind | null {
  if (method === 'PATCH' && rest === '') return 'map';
  if (method === 'POST' && rest === '/revisions') return 'revision';
  if (method === 'POST' && (rest === '/move' || rest === '/relasi')) return 'hierarchy';
  if (method === 'PUT' && rest === '/sop') return 'sop';
  if (rest === '/review/transitions' || rest.startsWith('/annotations') || rest.startsWith('/signatures/')) return 'review';
  return null;
}

const MAP_PATH = /^\/maps\/([^/]+)(\/.*)?$/;

export function publishMapEvents(bus: MapEventBus, maps: MapsService): RequestHandler {
  return (req, res, next) => {
    const match = req.method === 'GET' ? null : MAP_PATH.exec(req.path);
    const kind = match ? kindOf(req.method, match[2] ?? '') : null;
    const user = req.auth?.user;
    if (!match || !kind || !user) return next();
    let mapId: string;
    try {
      mapId = decodeURIComponent(match[1]!);
    } catch {
      // Not a map id: the route refuses it, and nothing is announced.
      return next();
    }
    const page = req.get('x-petakerja-page')?.slice(0, 64);
    // A move changes the subtree of the old parents and of the new ones: each of them hears of it. The old ones are
    // read before the move runs.
    const before = kind === 'hierarchy' ? ancestorIds(maps, user, mapId) : Promise.resolve([]);
    res.on('finish', () => {
      if (res.statusCode < 200 || res.statusCode >= 300) return;
      const after = kind === 'hierarchy' ? ancestorIds(maps, user, mapId) : Promise.resolve([]);
      void Promise.all([before, after]).then(([old, now]) => {
        const at = new Date().toISOString();
        for (const id of new Set([mapId, ...old, ...now])) bus.publish({ mapId: id, kind, by: { id: user.id, name: user.name }, at, ...(page ? { page } : {}) });
      });
    });
    void before.then(() => next(), next);
  };
}

async function ancestorIds(maps: MapsService, user: PublicUser, id: string): Promise<string[]> {
  try {
    return (await maps.ancestors(user, id)).map((map) => map.id);
  } catch {
    return [];
  }
}
