// HTTP route of the repository-wide checks (docs/repository-lint.md). Paths without /api.
import { Router } from 'express';
import { actor, permit } from '../http/auth';
import type { RepositoryLintService } from './repository-lint.service';

export function repositoryLintRouter(service: RepositoryLintService): Router {
  const router = Router();

  router.get('/repository/lint', permit('maps:read'), async (req, res) => {
    res.json(await service.lint(actor(req)));
  });

  return router;
}
