// Vocabularies and limits the client needs to build its forms.
import { Router } from 'express';
import { MAX_XML_BYTES } from '../bpmn/xml-guard';
import { MAP_KINDS, MAP_KIND_LABELS, PROFILES, PROFILE_LABELS } from '../domain/vocabulary';
import { ROLE_LABELS, ROLES } from '../accounts/accounts.records';
import type { MapsService } from '../maps/maps.service';
import { actor } from './auth';

export function metaRouter(maps: MapsService): Router {
  const router = Router();
  router.get('/meta', async (req, res) => {
    res.json({
      kinds: MAP_KINDS.map((id) => ({ id, label: MAP_KIND_LABELS[id] })),
      profiles: PROFILES.map((id) => ({ id, label: PROFILE_LABELS[id] })),
      defaultProfile: maps.defaultProfile,
      units: await maps.units(actor(req)),
      roles: ROLES.map((id) => ({ id, label: ROLE_LABELS[id] })),
      limits: { xmlBytes: MAX_XML_BYTES },
    });
  });
  return router;
}
