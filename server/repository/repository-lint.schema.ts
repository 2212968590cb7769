// What the repository-wide checks report (RULES.md §F): lint findings that also name the map they are on.
import { z } from 'zod';
import { Finding } from '../lint/findings';

export const REPOSITORY_RULES = ['map/call-resolves', 'map/relasi-consistent', 'map/level-order'] as const;
export const RepositoryRule = z.enum(REPOSITORY_RULES);
export type RepositoryRule = z.infer<typeof RepositoryRule>;

export const RepositoryFinding = Finding.extend({
  rule: RepositoryRule,
  /** The map the finding is on; `element` is a BPMN element of that map's current revision. */
  mapId: z.string(),
  mapCode: z.string(),
  mapName: z.string(),
  unit: z.string(),
});
export type RepositoryFinding = z.infer<typeof RepositoryFinding>;

export const RepositoryLintSummary = z.object({ errors: z.number().int(), warnings: z.number().int() });
export type RepositoryLintSummary = z.infer<typeof RepositoryLintSummary>;

export const RepositoryLintResult = z.object({
  findings: z.array(RepositoryFinding),
  summary: RepositoryLintSummary,
  /** How many maps were checked. */
  maps: z.number().int(),
  durationMs: z.number(),
});
export type RepositoryLintResult = z.infer<typeof RepositoryLintResult>;

/** GET /api/maps/:id/repository-lint: the findings of the repository check on one map, as findings of that map. */
export const MapRepositoryLint = z.object({
  /** The map's current revision the check read. */
  revision: z.number().int(),
  findings: z.array(Finding),
});
export type MapRepositoryLint = z.infer<typeof MapRepositoryLint>;
