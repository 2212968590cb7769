// HTTP route of the repository dashboard (docs/dashboard.md). Paths without /api.
import { Router } from 'express';
import { actor, permit } from '../http/auth';
import { validated } from '../http/validated';
import { DashboardQuery } from './dashboard.schema';
import type { DashboardService } from './dashboard.service';

export function dashboardRouter(service: DashboardService): Router {
  const router = Router();

  router.get('/repository/dashboard', permit('maps:read'), validated({ query: DashboardQuery }, async ({ query }, req, res) => {
    res.json(await service.dashboard(actor(req), query.per));
  }));

  return router;
}
