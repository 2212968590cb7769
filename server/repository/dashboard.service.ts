// The repository dashboard (docs/dashboard.md): per unit and per map kind, the maps the actor may see, their SOP
// states, lint errors and warnings (a map's own rules from the lint summary cache plus its map/* findings from the
// repository check, as GET /api/maps/:id/lint answers them: what is known now, the rest counted as pending) and the SOPs
// due for their yearly evaluation.
import type { PublicUser } from '../accounts/accounts.records';
import { canSeeUnit } from '../accounts/permissions';
import { MAP_KIND_LABELS, MAP_KINDS, type MapKind } from '../domain/vocabulary';
import { todayIso } from '../review/evaluation/calendar';
import { dueItem } from '../review/evaluation/evaluation.service';
import type { ReviewStore } from '../review/review-store';
import { REVIEW_STATES, signatureInForce, stateOf, type ReviewDocument, type ReviewState } from '../review/review.schema';
import type { MapStore } from '../store/map-store';
import type { ProcessMap } from '../store/records';
import type { Dashboard, DashboardRow } from './dashboard.schema';
import type { LintSummary, LintSummaryCache } from './lint-summary-cache';
import type { RepositoryCheck, RepositoryLintService } from './repository-lint.service';

/** The label of maps without a unit. */
export const NO_UNIT_LABEL = '(tanpa unit)';

/** One map as the dashboard counts it. */
interface Counted {
  map: ProcessMap;
  state: ReviewState;
  /** Its own rules' counts plus its map/* findings; undefined while either is not known yet. */
  lint: LintSummary | undefined;
  evaluationDue: boolean;
}

/**
 * The map's own counts with its findings in the repository check added; undefined while either is unknown (the check
 * not done yet, or done before the map's current revision was saved).
 */
function withRepositoryFindings(own: LintSummary | undefined, check: RepositoryCheck | undefined, map: ProcessMap): LintSummary | undefined {
  if (own === undefined || check === undefined || check.revisions.get(map.id) !== map.currentRevision) return undefined;
  if (own === 'unreadable') return own;
  const across = check.byMap.get(map.id) ?? [];
  return {
    errors: own.errors + across.filter((f) => f.severity === 'error').length,
    warnings: own.warnings + across.filter((f) => f.severity === 'warning').length,
    infos: own.infos + across.filter((f) => f.severity === 'info').length,
  };
}

const emptyRow = (key: string, label: string): DashboardRow => ({
  key,
  label,
  maps: 0,
  sopStates: Object.fromEntries(REVIEW_STATES.map((s) => [s, 0])) as Record<ReviewState, number>,
  lint: { errors: 0, warnings: 0, mapsWithErrors: 0 },
  evaluationDue: 0,
});

function add(row: DashboardRow, item: Counted): void {
  row.maps += 1;
  row.sopStates[item.state] += 1;
  if (item.lint !== undefined && item.lint !== 'unreadable') {
    row.lint.errors += item.lint.errors;
    row.lint.warnings += item.lint.warnings;
    if (item.lint.errors > 0) row.lint.mapsWithErrors += 1;
  }
  if (item.evaluationDue) row.evaluationDue += 1;
}

/** Units as sameUnit compares them: trimmed, case-insensitive. */
const unitKey = (unit: string) => unit.trim().toLocaleLowerCase('id');

export class DashboardService {
  constructor(
    private readonly deps: {
      maps: MapStore;
      reviews: ReviewStore;
      lintSummaries: LintSummaryCache;
      /** The repository-wide checks (map/*), whose findings on a map count with the map's own. */
      repositoryLint: RepositoryLintService;
    },
  ) {}

  /** The dashboard of the maps `actor` may see; evaluations counted due on `on` (TTTT-BB-HH, today when absent). */
  async dashboard(actor: PublicUser, on: string = todayIso()): Promise<Dashboard> {
    const { maps, reviews, lintSummaries, repositoryLint } = this.deps;
    const check = await repositoryLint.known();
    const visible = (await maps.listMaps({})).filter((map) => canSeeUnit(actor, map.unit));
    const records = new Map<string, ReviewDocument>();
    for (const doc of await reviews.list()) records.set(doc.mapId, doc);

    const counted: Counted[] = [];
    let ownPending = 0;
    for (const map of visible) {
      const doc = records.get(map.id);
      const inForce = doc && signatureInForce(doc);
      const own = lintSummaries.peek(await lintSummaries.keyOf(map));
      if (own === undefined) ownPending += 1;
      counted.push({
        map,
        state: doc ? stateOf(doc) : 'draf',
        lint: withRepositoryFindings(own, check, map),
        evaluationDue: doc !== undefined && inForce !== undefined && dueItem(map, doc, inForce, on).evaluationDue,
      });
    }
    const pending = counted.filter((c) => c.lint === undefined).length;
    if (ownPending > 0) lintSummaries.warmUp();

    const totals = emptyRow('', 'Jumlah');
    const units = new Map<string, DashboardRow>();
    const kinds = new Map<MapKind, DashboardRow>(MAP_KINDS.map((kind) => [kind, emptyRow(kind, MAP_KIND_LABELS[kind])]));
    for (const item of counted) {
      add(totals, item);
      const key = unitKey(item.map.unit);
      let unit = units.get(key);
      if (!unit) units.set(key, (unit = emptyRow(item.map.unit.trim(), item.map.unit.trim() || NO_UNIT_LABEL)));
      add(unit, item);
      add(kinds.get(item.map.kind)!, item);
    }
    return {
      generatedAt: new Date().toISOString(),
      pending,
      totals,
      // Units by name (maps without a unit last); kinds in the vocabulary's order, those without maps left out.
      byUnit: [...units.values()].sort((a, b) => (a.key === '' ? 1 : b.key === '' ? -1 : a.label.localeCompare(b.label, 'id'))),
      byKind: [...kinds.values()].filter((row) => row.maps > 0),
    };
  }
}
