// HTTP routes of the linter: any BPMN posted, or a stored map's current revision — whose answer holds the map's own
// rules and the repository checks' findings on that map (map/*), one truth for the modeller, the API and the dashboard.
import { Router } from 'express';
import { z } from 'zod';
import { Profile } from '../domain/vocabulary';
import { actor, permit } from '../http/auth';
import { validated } from '../http/validated';
import type { MapsService } from '../maps/maps.service';
import { MapParams } from '../maps/maps.schema';
import type { RepositoryLintService } from '../repository/repository-lint.service';
import { SopIdentityDraft } from '../sop/identity.schema';
import { LintStage } from './lint-context';
import { lintXml } from './lint.service';

/** `stage` and `sop` form the lint context (RULES.md §E): 'pengajuan' lints as at submission, `sop` is the identity. */
const LintBody = z.strictObject({ xml: z.string(), profile: Profile.optional(), stage: LintStage.optional(), sop: SopIdentityDraft.optional() });
const MapLintQuery = z.object({ profile: Profile.optional() });

/** Without `repository` (a bare app), a map's lint answer holds its own rules only. */
export function lintRouter(maps: MapsService, repository?: RepositoryLintService): Router {
  const router = Router();

  router.post('/lint', permit('maps:read'), validated({ body: LintBody }, async ({ body }, _req, res) => {
    const context = { ...(body.stage ? { stage: body.stage } : {}), ...(body.sop ? { sop: body.sop } : {}) };
    // A posted body is parsed and linted off the event loop (docs/security.md, BPMN work).
    res.json(await maps.work.lint(body.xml, body.profile, maps.defaultProfile, context));
  }));

  router.get('/maps/:id/lint', permit('maps:read'), validated({ params: MapParams, query: MapLintQuery }, async ({ params, query }, req, res) => {
    const map = await maps.get(actor(req), params.id);
    const xml = await maps.revisionXml(actor(req), map.id, map.currentRevision);
    const [own, across] = await Promise.all([
      lintXml(xml, query.profile ?? map.profile),
      repository ? repository.findingsOf(map.id) : { findings: [] },
    ]);
    res.json({ revision: map.currentRevision, profile: own.profile, findings: [...own.findings, ...across.findings] });
  }));

  return router;
}
