// The repository dashboard (docs/dashboard.md): per unit and per map kind, the maps the actor may see, their SOP
// states, lint errors and warnings (from the lint summary cache: what is known now, the rest counted as pending) and
// the SOPs due for their yearly evaluation.
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

/** The label of maps without a unit. */
export const NO_UNIT_LABEL = '(tanpa unit)';

/** One map as the dashboard counts it. */
interface Counted {
  map: ProcessMap;
  state: ReviewState;
  lint: LintSummary | undefined;
  evaluationDue: boolean;
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
    },
  ) {}

  /** The dashboard of the maps `actor` may see; evaluations counted due on `on` (TTTT-BB-HH, today when absent). */
  async dashboard(actor: PublicUser, on: string = todayIso()): Promise<Dashboard> {
    const { maps, reviews, lintSummaries } = this.deps;
    const visible = (await maps.listMaps({})).filter((map) => canSeeUnit(actor, map.unit));
    const records = new Map<string, ReviewDocument>();
    for (const doc of await reviews.list()) records.set(doc.mapId, doc);

    const counted: Counted[] = [];
    for (const map of visible) {
      const doc = records.get(map.id);
      const inForce = doc && signatureInForce(doc);
      counted.push({
        map,
        state: doc ? stateOf(doc) : 'draf',
        lint: lintSummaries.peek(await lintSummaries.keyOf(map)),
        evaluationDue: doc !== undefined && inForce !== undefined && dueItem(map, doc, inForce, on).evaluationDue,
      });
    }
    const pending = counted.filter((c) => c.lint === undefined).length;
    if (pending > 0) lintSummaries.warmUp();

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
