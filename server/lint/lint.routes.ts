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
import type { KamusSynonym } from './map-model/kamus-synonyms';

/** `stage` and `sop` form the lint context (RULES.md §E): 'pengajuan' lints as at submission, `sop` is the identity. */
const LintBody = z.strictObject({ xml: z.string(), profile: Profile.optional(), stage: LintStage.optional(), sop: SopIdentityDraft.optional() });
const MapLintQuery = z.object({ profile: Profile.optional() });

/** The repository's synonyms of the kamus jabatan as a lint context part (none: no part). */
function synonymsOf(maps: MapsService): { synonyms?: KamusSynonym[] } {
  const synonyms = maps.synonyms();
  return synonyms.length > 0 ? { synonyms: [...synonyms] } : {};
}

/** Without `repository` (a bare app), a map's lint answer holds its own rules only. */
export function lintRouter(maps: MapsService, repository?: RepositoryLintService): Router {
  const router = Router();

  router.post('/lint', permit('maps:read'), validated({ body: LintBody }, async ({ body }, _req, res) => {
    const context = { ...(body.stage ? { stage: body.stage } : {}), ...(body.sop ? { sop: body.sop } : {}), ...synonymsOf(maps) };
    // A posted body is parsed and linted off the event loop (docs/security.md, BPMN work).
    const { profile, findingsJson } = await maps.work.lintEncoded(body.xml, body.profile, maps.defaultProfile, context);
    res.type('application/json').send(`{"profile":${JSON.stringify(profile)},"findings":${findingsJson}}`);
  }));

  router.get('/maps/:id/lint', permit('maps:read'), validated({ params: MapParams, query: MapLintQuery }, async ({ params, query }, req, res) => {
    const map = await maps.get(actor(req), params.id);
    const xml = await maps.revisionXml(actor(req), map.id, map.currentRevision);
    const [own, across] = await Promise.all([
      // A stored revision may be as large as the limits allow: linted off the event loop too.
      maps.work.lintEncoded(xml, query.profile ?? map.profile, maps.defaultProfile, synonymsOf(maps)),
      repository ? repository.findingsOf(map.id) : { findings: [] },
    ]);
    // The map's own findings come encoded from the worker; the repository's few are appended to the same array.
    const acrossJson = across.findings.length > 0 ? JSON.stringify(across.findings).slice(1, -1) : '';
    const findingsJson = acrossJson === '' ? own.findingsJson : own.findingsJson === '[]' ? `[${acrossJson}]` : `${own.findingsJson.slice(0, -1)},${acrossJson}]`;
    res.type('application/json').send(`{"revision":${map.currentRevision},"profile":${JSON.stringify(own.profile)},"findings":${findingsJson}}`);
  }));

  return router;
}
