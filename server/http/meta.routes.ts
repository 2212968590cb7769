// Vocabularies and limits the client needs to build its forms.
import { Router } from 'express';
import { MAX_XML_BYTES } from '../bpmn/xml-guard';
import { MAP_KINDS, MAP_KIND_LABELS, PROFILES, PROFILE_LABELS } from '../domain/vocabulary';
import type { MapsService } from '../maps/maps.service';

export function metaRouter(maps: MapsService): Router {
  const router = Router();
  router.get('/meta', async (_req, res) => {
    res.json({
      kinds: MAP_KINDS.map((id) => ({ id, label: MAP_KIND_LABELS[id] })),
      profiles: PROFILES.map((id) => ({ id, label: PROFILE_LABELS[id] })),
      units: await maps.units(),
      limits: { xmlBytes: MAX_XML_BYTES },
    });
  });
  return router;
}
