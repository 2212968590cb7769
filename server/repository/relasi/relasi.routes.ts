// HTTP routes of the peta relasi of a process (docs/relasi.md). Paths without /api.
import { Router } from 'express';
import { actor, permit } from '../../http/auth';
import { validated } from '../../http/validated';
import { MapParams } from '../../maps/maps.schema';
import { SaveRelasiBody } from './relasi.schema';
import type { RelasiService } from './relasi.service';

export function relasiRouter(service: RelasiService): Router {
  const router = Router();

  router.get('/maps/:id/relasi', permit('maps:read'), validated({ params: MapParams }, async ({ params }, req, res) => {
    res.json(await service.view(actor(req), params.id));
  }));

  router.post('/maps/:id/relasi', permit('maps:write'), validated({ params: MapParams, body: SaveRelasiBody }, async ({ params, body }, req, res) => {
    res.status(201).json(await service.save(actor(req), params.id, body));
  }));

  return router;
}
