// HTTP routes of the linter: any BPMN posted, or a stored map's current revision.
import { Router } from 'express';
import { z } from 'zod';
import { Profile } from '../domain/vocabulary';
import { actor, permit } from '../http/auth';
import { validated } from '../http/validated';
import type { MapsService } from '../maps/maps.service';
import { MapParams } from '../maps/maps.schema';
import { lintXml } from './lint.service';

const LintBody = z.strictObject({ xml: z.string(), profile: Profile.optional() });
const MapLintQuery = z.object({ profile: Profile.optional() });

export function lintRouter(maps: MapsService): Router {
  const router = Router();

  router.post('/lint', permit('maps:read'), validated({ body: LintBody }, async ({ body }, _req, res) => {
    res.json(await lintXml(body.xml, body.profile));
  }));

  router.get('/maps/:id/lint', permit('maps:read'), validated({ params: MapParams, query: MapLintQuery }, async ({ params, query }, req, res) => {
    const map = await maps.get(actor(req), params.id);
    const xml = await maps.revisionXml(actor(req), map.id, map.currentRevision);
    res.json({ revision: map.currentRevision, ...(await lintXml(xml, query.profile ?? map.profile)) });
  }));

  return router;
}
