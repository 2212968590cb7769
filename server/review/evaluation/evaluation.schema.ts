// Request schemas of the monitoring and evaluation forms (SOP-FORMAT.md §3) and the views the API answers with.
import { z } from 'zod';
import { MapParams } from '../../maps/maps.schema';
import { SopDate } from '../../sop/identity.schema';
import { EVALUATION_QUESTIONS, Evaluation, Monitoring, MONITORING_LIMITS, MonitoringRowInput, VerificationCode } from '../review.schema';

/** The questions every evaluation answers; `sinergi` is used in some implementations only. */
export const REQUIRED_QUESTIONS = EVALUATION_QUESTIONS.map((q) => q.key).filter((key) => key !== 'sinergi');

/** A filled monitoring form; `code` defaults to the signed SOP in force. */
export const MonitoringInput = Monitoring.omit({ id: true, by: true, at: true, code: true }).extend({
  code: VerificationCode.optional(),
  tanggal: SopDate,
  rows: z.array(MonitoringRowInput).min(1).max(MONITORING_LIMITS.rows, `Paling banyak ${MONITORING_LIMITS.rows} baris prosedur per formulir`),
});
export type MonitoringInput = z.infer<typeof MonitoringInput>;

export const EvaluationInput = Evaluation.omit({ id: true, by: true, at: true, code: true })
  .extend({ code: VerificationCode.optional(), tanggal: SopDate })
  .refine((input) => REQUIRED_QUESTIONS.every((key) => input.answers.some((a) => a.key === key)), {
    path: ['answers'],
    message: 'Jawab setiap pertanyaan evaluasi (Ya atau Tidak).',
  });
export type EvaluationInput = z.infer<typeof EvaluationInput>;

/** `/maps/:id/monitoring/:mid.html`: any string, so that an unknown id is a 404 with a stable code. */
export const FormParams = MapParams.extend({ mid: z.string().min(1).max(100) });

/** `?per=2027-12-31`: the day the due listing is computed for (today when absent). */
export const DueQuery = z.object({ per: SopDate.optional() });

/** The signed SOP in force, as the forms print it. */
export interface SopInForce {
  code: string;
  title: string;
  nomor: string;
  unit: string;
  tanggalEfektif: string;
  signedAt: string;
  revision: number;
}

export interface MonitoringTemplate extends SopInForce {
  /** The procedure steps of the signed revision, in SOP order. */
  rows: Array<{ prosedur: string }>;
}

export interface EvaluationTemplate extends SopInForce {
  questions: Array<{ key: string; text: string; optional: boolean }>;
}

/** Why an SOP in force is marked for revision (SOP-FORMAT.md §3: a finding in monitoring or evaluation). */
export interface RevisionReason {
  form: 'monitoring' | 'evaluasi';
  id: string;
  tanggal: string;
  /** In Indonesian, e.g. "Monitoring 5 Juli 2026: 2 prosedur tidak berjalan dengan baik". */
  text: string;
}

export interface DueItem {
  map: { id: string; name: string; code: string; unit: string };
  code: string;
  title: string;
  signedAt: string;
  tanggalEfektif: string;
  /** The date (TTTT-BB-HH) of the last evaluation of this signed SOP, null when none. */
  lastEvaluation: string | null;
  lastMonitoring: string | null;
  /** The day an evaluation became (or becomes) due: 12 months after the last one, or after the SOP took effect. */
  dueSince: string;
  /** Whole months since `dueSince`; 0 in its first month; negative when not yet due. */
  monthsOverdue: number;
  evaluationDue: boolean;
  perluRevisi: boolean;
  reasons: RevisionReason[];
}
