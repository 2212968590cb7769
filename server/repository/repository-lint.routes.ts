// HTTP routes of the repository-wide checks (docs/repository-lint.md): over the repository, and on one map (what the
// modeller shows next to its in-browser lint). Paths without /api.
import { Router } from 'express';
import { actor, permit } from '../http/auth';
import { validated } from '../http/validated';
import type { MapsService } from '../maps/maps.service';
import { MapParams } from '../maps/maps.schema';
import type { MapRepositoryLint } from './repository-lint.schema';
import type { RepositoryLintService } from './repository-lint.service';

export function repositoryLintRouter(service: RepositoryLintService, maps: MapsService): Router {
  const router = Router();

  router.get('/repository/lint', permit('maps:read'), async (req, res) => {
    res.json(await service.lint(actor(req)));
  });

  router.get('/maps/:id/repository-lint', permit('maps:read'), validated({ params: MapParams }, async ({ params }, req, res) => {
    const map = await maps.get(actor(req), params.id);
    const { revision, findings } = await service.findingsOf(map.id);
    const answer: MapRepositoryLint = { revision: revision ?? map.currentRevision, findings };
    res.json(answer);
  }));

  return router;
}
