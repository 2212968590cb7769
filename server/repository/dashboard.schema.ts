// The repository dashboard's query and answer (docs/dashboard.md): per unit and per map kind, the number of maps, the
// SOP states, the lint errors and warnings and the SOPs due for evaluation.
import { z } from 'zod';
import { SopDate } from '../sop/identity.schema';
import type { ReviewState } from '../review/review.schema';

/** `per`: the day (TTTT-BB-HH) evaluations are counted due on; today when absent. */
export const DashboardQuery = z.object({ per: SopDate.optional() });
export type DashboardQuery = z.infer<typeof DashboardQuery>;

export interface DashboardLint {
  /** Errors summed over the rows' maps whose current revision has been checked. */
  errors: number;
  warnings: number;
  /** Maps whose current revision has at least one error. */
  mapsWithErrors: number;
}

export interface DashboardRow {
  /** The unit's name (`''`: maps without a unit) or the map kind. */
  key: string;
  label: string;
  maps: number;
  sopStates: Record<ReviewState, number>;
  lint: DashboardLint;
  /** SOPs in force whose yearly evaluation is due (none in the 12 months since the last one or since they took effect). */
  evaluationDue: number;
}

export interface Dashboard {
  generatedAt: string;
  /** Maps of the answer whose current revision is still being checked: their lint counts are not in the rows yet. */
  pending: number;
  totals: DashboardRow;
  byUnit: DashboardRow[];
  byKind: DashboardRow[];
}
