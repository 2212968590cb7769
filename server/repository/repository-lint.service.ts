// The repository lint for the API: one facts cache for the server's life; findings limited to the units the actor sees.
import type { PublicUser } from '../accounts/accounts.records';
import { canSeeUnit } from '../accounts/permissions';
import type { MapStore } from '../store/map-store';
import { FactsCache } from './facts-cache';
import { lintStoredRepository, summarise } from './repository-lint';
import type { RepositoryLintResult } from './repository-lint.schema';

export class RepositoryLintService {
  readonly cache = new FactsCache();
  /** A lint under way, shared by requests that arrive meanwhile. */
  private running: Promise<RepositoryLintResult> | undefined;

  constructor(private readonly maps: MapStore) {}

  async lint(actor: PublicUser): Promise<RepositoryLintResult> {
    this.running ??= lintStoredRepository(this.maps, this.cache).finally(() => {
      this.running = undefined;
    });
    const result = await this.running;
    const findings = result.findings.filter((f) => canSeeUnit(actor, f.unit));
    // Checked across the whole repository (a call may lead into another unit); counted as the actor sees it.
    const maps = (await this.maps.listMaps({})).filter((m) => canSeeUnit(actor, m.unit)).length;
    return { ...result, findings, summary: summarise(findings), maps };
  }
}
