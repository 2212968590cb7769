// Use cases of monitoring and evaluating an SOP in force (SOP-FORMAT.md §3, docs/evaluation.md): the forms filled for a
// signed SOP, their templates and printouts, and the listing of SOPs due for their yearly evaluation or marked for
// revision by a finding.
import { randomUUID } from 'node:crypto';
import type { PublicUser, Role } from '../../accounts/accounts.records';
import { parseBpmn } from '../../bpmn/moddle';
import { AppError } from '../../errors';
import type { MapsService } from '../../maps/maps.service';
import type { ProcessMap } from '../../store/records';
import { readProcedure } from '../../sop/layout/procedure';
import type { PdfPool } from '../../sop/pdf/pdf-pool';
import { formatTanggal } from '../../sop/render/identity-part';
import type { ReviewStore } from '../review-store';
import { EVALUATION_QUESTIONS, signatureInForce, type Evaluation, type Monitoring, type ReviewDocument, type Signature } from '../review.schema';
import { evaluationFormHtml, monitoringFormHtml, type FormHeader } from './evaluation-print';
import type { DueItem, EvaluationInput, EvaluationTemplate, MonitoringInput, MonitoringTemplate, RevisionReason, SopInForce } from './evaluation.schema';
import { addMonths, monthsBetween, todayIso } from './calendar';

/** Who fills the forms: everyone working on SOPs, not readers. */
export const FILL_ROLES: readonly Role[] = ['admin', 'penyusun', 'reviewer', 'pengesah'];

export type FormKind = 'monitoring' | 'evaluasi';

export interface PrintedForm {
  html: string;
  landscape: boolean;
  /** For the file name. */
  title: string;
}

const notInForce = (code?: string) =>
  new AppError(
    409,
    'SOP_NOT_IN_FORCE',
    code
      ? `SOP dengan kode ${code} tidak sedang berlaku; monitoring dan evaluasi diisi untuk SOP yang berlaku.`
      : 'SOP ini belum disahkan atau sudah dicabut; monitoring dan evaluasi diisi untuk SOP yang berlaku.',
  );

const forbiddenToFill = () => new AppError(403, 'FORBIDDEN', 'Peran Anda tidak mengizinkan mengisi formulir monitoring atau evaluasi SOP.');

const notFound = (kind: FormKind, id: string) =>
  kind === 'monitoring'
    ? new AppError(404, 'MONITORING_NOT_FOUND', `Formulir monitoring "${id}" tidak ditemukan pada peta ini.`)
    : new AppError(404, 'EVALUATION_NOT_FOUND', `Formulir evaluasi "${id}" tidak ditemukan pada peta ini.`);


const sopOf = (s: Signature): SopInForce => ({
  code: s.code,
  title: s.title,
  nomor: s.nomor,
  unit: s.unit,
  tanggalEfektif: s.tanggalEfektif,
  signedAt: s.signedAt,
  revision: s.revision,
});

const headerOf = (s: Signature): FormHeader => ({ title: s.title, nomor: s.nomor, unit: s.unit, tanggalEfektif: s.tanggalEfektif, code: s.code });

/** Latest first by the form's date, then by when it was recorded. */
const newestFirst = <T extends { tanggal: string; at: string }>(items: readonly T[]): T[] =>
  [...items].sort((a, b) => b.tanggal.localeCompare(a.tanggal) || b.at.localeCompare(a.at));

const questionText = (key: string): string => EVALUATION_QUESTIONS.find((q) => q.key === key)?.text ?? key;

export class EvaluationService {
  private readonly reviews: ReviewStore;
  private readonly maps: MapsService;
  private readonly pdfPool: () => PdfPool;

  constructor(deps: { reviews: ReviewStore; maps: MapsService; pdf: () => PdfPool }) {
    this.reviews = deps.reviews;
    this.maps = deps.maps;
    this.pdfPool = deps.pdf;
  }

  /** The monitorings of the map, newest first, and the template for a new one (null when no SOP is in force). */
  async monitorings(actor: PublicUser, mapId: string): Promise<{ items: Monitoring[]; template: MonitoringTemplate | null }> {
    const map = await this.maps.get(actor, mapId);
    const doc = await this.reviews.get(map.id);
    const inForce = signatureInForce(doc);
    return { items: newestFirst(doc.monitorings), template: inForce ? { ...sopOf(inForce), rows: await this.procedureRows(actor, map.id, inForce.revision) } : null };
  }

  async evaluations(actor: PublicUser, mapId: string): Promise<{ items: Evaluation[]; template: EvaluationTemplate | null }> {
    const map = await this.maps.get(actor, mapId);
    const doc = await this.reviews.get(map.id);
    const inForce = signatureInForce(doc);
    return { items: newestFirst(doc.evaluations), template: inForce ? { ...sopOf(inForce), questions: this.questions() } : null };
  }

  async addMonitoring(actor: PublicUser, mapId: string, input: MonitoringInput): Promise<Monitoring> {
    const map = await this.fillable(actor, mapId);
    return this.reviews.update(map.id, (doc) => {
      const monitoring: Monitoring = { ...input, id: randomUUID(), code: this.codeInForce(doc, input.code), by: { id: actor.id, name: actor.name }, at: new Date().toISOString() };
      return { next: { ...doc, monitorings: [...doc.monitorings, monitoring] }, result: monitoring };
    });
  }

  async addEvaluation(actor: PublicUser, mapId: string, input: EvaluationInput): Promise<Evaluation> {
    const map = await this.fillable(actor, mapId);
    // Answers in the order of the questions, whatever order they came in.
    const order = EVALUATION_QUESTIONS.map((q) => q.key as string);
    const answers = [...input.answers].sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key));
    return this.reviews.update(map.id, (doc) => {
      const evaluation: Evaluation = { ...input, answers, id: randomUUID(), code: this.codeInForce(doc, input.code), by: { id: actor.id, name: actor.name }, at: new Date().toISOString() };
      return { next: { ...doc, evaluations: [...doc.evaluations, evaluation] }, result: evaluation };
    });
  }

  /** A filled form as a standalone HTML page. */
  async printed(actor: PublicUser, mapId: string, kind: FormKind, id: string): Promise<PrintedForm> {
    const map = await this.maps.get(actor, mapId);
    const doc = await this.reviews.get(map.id);
    const form = (kind === 'monitoring' ? doc.monitorings : doc.evaluations).find((f) => f.id === id);
    const signature = form && doc.signatures.find((s) => s.code === form.code);
    if (!form || !signature) throw notFound(kind, id);
    if (kind === 'monitoring') {
      const m = form as Monitoring;
      return { html: monitoringFormHtml(headerOf(signature), m), landscape: true, title: `Monitoring ${signature.title} ${m.tanggal}` };
    }
    const e = form as Evaluation;
    const answers = e.answers.map((a) => ({ text: questionText(a.key), ya: a.ya, catatan: a.catatan }));
    return { html: evaluationFormHtml(headerOf(signature), { ...e, answers }), landscape: false, title: `Evaluasi ${signature.title} ${e.tanggal}` };
  }

  /** The blank form of the SOP in force, for filling by hand: the procedure (or the questions) printed, nothing judged. */
  async blank(actor: PublicUser, mapId: string, kind: FormKind): Promise<PrintedForm> {
    const map = await this.maps.get(actor, mapId);
    const inForce = signatureInForce(await this.reviews.get(map.id));
    if (!inForce) throw notInForce();
    if (kind === 'monitoring') {
      const rows = await this.procedureRows(actor, map.id, inForce.revision);
      return { html: monitoringFormHtml(headerOf(inForce), { rows }), landscape: true, title: `Formulir monitoring ${inForce.title}` };
    }
    const answers = EVALUATION_QUESTIONS.map((q) => ({ text: q.text }));
    return { html: evaluationFormHtml(headerOf(inForce), { answers }), landscape: false, title: `Formulir evaluasi ${inForce.title}` };
  }

  async pdf(form: PrintedForm): Promise<Uint8Array> {
    return this.pdfPool().pdf(form.html, { paper: 'A4', landscape: form.landscape });
  }

  /**
   * SOPs in force in the units `actor` sees whose evaluation is due — none in the 12 months since the last one (or
   * since the SOP took effect) — or that a finding marks for revision; most overdue first. `on`: TTTT-BB-HH, today
   * when absent.
   */
  async dueForEvaluation(actor: PublicUser, on: string = todayIso()): Promise<DueItem[]> {
    const items: DueItem[] = [];
    for (const doc of await this.reviews.list()) {
      const inForce = signatureInForce(doc);
      if (!inForce) continue;
      const map = await this.visibleMap(actor, doc.mapId);
      if (!map) continue;
      const item = dueItem(map, doc, inForce, on);
      if (item.evaluationDue || item.perluRevisi) items.push(item);
    }
    return items.sort((a, b) => a.dueSince.localeCompare(b.dueSince) || a.title.localeCompare(b.title, 'id'));
  }

  private questions(): EvaluationTemplate['questions'] {
    return EVALUATION_QUESTIONS.map((q) => ({ key: q.key, text: q.text, optional: q.key === 'sinergi' }));
  }

  /** The map, when the actor may see it and fill forms; FORBIDDEN_UNIT, then FORBIDDEN otherwise. */
  private async fillable(actor: PublicUser, mapId: string): Promise<ProcessMap> {
    const map = await this.maps.get(actor, mapId);
    if (!actor.roles.some((role) => FILL_ROLES.includes(role))) throw forbiddenToFill();
    return map;
  }

  private codeInForce(doc: ReviewDocument, code: string | undefined): string {
    const inForce = signatureInForce(doc);
    if (!inForce) throw notInForce();
    if (code !== undefined && code !== inForce.code) throw notInForce(code);
    return inForce.code;
  }

  /** The steps of the signed revision's procedure: its activities and decisions (not the start and end). */
  private async procedureRows(actor: PublicUser, mapId: string, revision: number): Promise<Array<{ prosedur: string }>> {
    const { definitions } = await parseBpmn(await this.maps.revisionXml(actor, mapId, revision));
    return readProcedure(definitions)
      .rows.filter((row) => row.kind !== 'terminator' && row.kegiatan.trim() !== '')
      .map((row) => ({ prosedur: row.kegiatan.trim().slice(0, 1000) }));
  }

  private async visibleMap(actor: PublicUser, mapId: string): Promise<ProcessMap | undefined> {
    try {
      return await this.maps.get(actor, mapId);
    } catch (error) {
      if (error instanceof AppError && (error.code === 'FORBIDDEN_UNIT' || error.code === 'MAP_NOT_FOUND')) return undefined;
      throw error;
    }
  }
}

/** Where one SOP in force stands on `on`: its evaluation due date and any finding that marks it for revision. */
export function dueItem(map: ProcessMap, doc: ReviewDocument, inForce: Signature, on: string): DueItem {
  const evaluations = newestFirst(doc.evaluations.filter((e) => e.code === inForce.code));
  const monitorings = newestFirst(doc.monitorings.filter((m) => m.code === inForce.code));
  const lastEvaluation = evaluations[0]?.tanggal ?? null;
  const dueSince = addMonths(lastEvaluation ?? inForce.tanggalEfektif, 12);
  const evaluationDue = dueSince <= on;
  const reasons: RevisionReason[] = [];
  const monitoring = monitorings[0];
  const failing = monitoring?.rows.filter((row) => !row.berjalanBaik) ?? [];
  if (monitoring && failing.length > 0) {
    reasons.push({
      form: 'monitoring',
      id: monitoring.id,
      tanggal: monitoring.tanggal,
      text: `Monitoring ${formatTanggal(monitoring.tanggal)}: ${failing.length} prosedur tidak berjalan dengan baik`,
    });
  }
  const evaluation = evaluations[0];
  const noes = evaluation?.answers.filter((a) => !a.ya) ?? [];
  if (evaluation && noes.length > 0) {
    reasons.push({
      form: 'evaluasi',
      id: evaluation.id,
      tanggal: evaluation.tanggal,
      text: `Evaluasi ${formatTanggal(evaluation.tanggal)}: dijawab "Tidak" pada ${noes.map((a) => questionText(a.key).toLocaleLowerCase('id')).join('; ')}`,
    });
  }
  return {
    map: { id: map.id, name: map.name, code: map.code, unit: map.unit },
    code: inForce.code,
    title: inForce.title,
    signedAt: inForce.signedAt,
    tanggalEfektif: inForce.tanggalEfektif,
    lastEvaluation,
    lastMonitoring: monitoring?.tanggal ?? null,
    dueSince,
    monthsOverdue: evaluationDue ? monthsBetween(dueSince, on) : 0,
    evaluationDue,
    perluRevisi: reasons.length > 0,
    reasons,
  };
}
