// HTTP route of revision diffs (docs/diff.md): GET /api/maps/:id/diff?dari=a&ke=b.
import { Router } from 'express';
import { actor, permit } from '../http/auth';
import { validated } from '../http/validated';
import { MapParams } from '../maps/maps.schema';
import type { MapsService } from '../maps/maps.service';
import { DiffQuery } from './diff/diff.schema';
import { RevisionDiffService, type SopHistory } from './diff/revision-diff';

export function diffRouter(deps: { maps: MapsService; sop?: SopHistory }): Router {
  const router = Router();
  const diffs = new RevisionDiffService(deps.maps, deps.sop);

  router.get('/maps/:id/diff', permit('maps:read'), validated({ params: MapParams, query: DiffQuery }, async ({ params, query }, req, res) => {
    res.json({ diff: await diffs.diff(actor(req), params.id, query) });
  }));

  return router;
}
