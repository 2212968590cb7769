// The repository lint for the server: one facts cache for the server's life, and the last check kept under the store's
// listing version (which changes with every map created, changed, moved or revised), so that the repository check, a
// map's lint answer and the dashboard read one result until the repository changes. Findings of GET /api/repository/lint
// are limited to the units the actor sees; a map's own findings go with the map (docs/repository-lint.md).
import type { PublicUser } from '../accounts/accounts.records';
import { canSeeUnit } from '../accounts/permissions';
import type { Finding } from '../lint/findings';
import type { MapStore } from '../store/map-store';
import { FactsCache } from './facts-cache';
import { lintRepository, readSnapshot, summarise } from './repository-lint';
import type { RepositoryFinding, RepositoryLintResult } from './repository-lint.schema';

/** One check of the whole repository, at one listing version of the store. */
export interface RepositoryCheck {
  version: string;
  result: RepositoryLintResult;
  /** The current revision of each map when its facts were read: the revision its findings are on. */
  revisions: ReadonlyMap<string, number>;
  /** The findings of each map, as plain lint findings (the map fields left out), in the result's order. */
  byMap: ReadonlyMap<string, Finding[]>;
}

/** The repository findings of one map as the check holds them (the route answers them as a MapRepositoryLint). */
export interface MapRepositoryFindings {
  /** The map's current revision the findings are on; undefined for a map the check did not see. */
  revision: number | undefined;
  findings: Finding[];
}

/** A RepositoryFinding as a finding of its map's lint: the same rule, severity, element, message. */
export function asMapFinding({ mapId: _id, mapCode: _code, mapName: _name, unit: _unit, ...finding }: RepositoryFinding): Finding {
  return finding;
}

export class RepositoryLintService {
  readonly cache = new FactsCache();
  /** The last check that finished. */
  private last: RepositoryCheck | undefined;
  /** A check under way, shared by requests for the same version that arrive meanwhile. */
  private running: { version: string; check: Promise<RepositoryCheck> } | undefined;

  constructor(private readonly maps: MapStore) {}

  /** The findings, counts and maps of the units `actor` sees; calls are resolved across the whole repository. */
  async lint(actor: PublicUser): Promise<RepositoryLintResult> {
    const { result } = await this.current();
    const findings = result.findings.filter((f) => canSeeUnit(actor, f.unit));
    // Checked across the whole repository (a call may lead into another unit); counted as the actor sees it.
    const maps = (await this.maps.listMaps({})).filter((m) => canSeeUnit(actor, m.unit)).length;
    return { ...result, findings, summary: summarise(findings), maps };
  }

  /** The map/* findings of one map's current revision (the caller has checked that the actor may see the map). */
  async findingsOf(mapId: string): Promise<MapRepositoryFindings> {
    const check = await this.current();
    return { revision: check.revisions.get(mapId), findings: check.byMap.get(mapId) ?? [] };
  }

  /** The check of the repository as it stands: the last one when nothing changed since, else a new one. */
  async current(): Promise<RepositoryCheck> {
    const version = await this.maps.listingVersion();
    if (this.last?.version === version) return this.last;
    if (this.running?.version === version) return this.running.check;
    const check = this.check(version);
    const running = { version, check };
    this.running = running;
    void check
      .finally(() => {
        if (this.running === running) this.running = undefined;
      })
      .catch(() => undefined);
    return check;
  }

  /**
   * For the dashboard, which answers with what is known: the current check, awaited when an earlier one has filled the
   * facts cache (a new check then reads only the revisions saved since); otherwise — the first check of this process —
   * started in the background and undefined for now.
   */
  async known(): Promise<RepositoryCheck | undefined> {
    const version = await this.maps.listingVersion();
    if (this.last?.version === version) return this.last;
    // A failing check leaves the maps pending; the next request tries again.
    if (this.last) return this.current().catch(() => undefined);
    this.current().catch(() => undefined);
    return undefined;
  }

  private async check(version: string): Promise<RepositoryCheck> {
    const started = performance.now();
    const snapshot = await readSnapshot(this.maps, this.cache);
    const linted = lintRepository(snapshot);
    const result = { ...linted, durationMs: Math.round(performance.now() - started) };
    const byMap = new Map<string, Finding[]>();
    for (const finding of result.findings) {
      const list = byMap.get(finding.mapId) ?? [];
      list.push(asMapFinding(finding));
      byMap.set(finding.mapId, list);
    }
    const check = { version, result, revisions: new Map(snapshot.maps.map((m) => [m.id, m.currentRevision])), byMap };
    // A slower check of an older version never replaces a newer one that finished first.
    if (this.running?.version === version || !this.last) this.last = check;
    return check;
  }
}
