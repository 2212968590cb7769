// Batch exports of a unit's SOPs (issue 5, item 4): one ZIP of PDFs, or the unit's SOP book (SOP-FORMAT.md §0) as one
// PDF. A job runs in the background, printing through the shared PdfPool (as many SOPs at once as the pool has
// browsers), and reports progress to its listeners (the SSE route). Jobs live in this process's memory only, with a
// time to live and a cap; their files go to a temporary directory outside the data directory, removed when a job
// expires and when the service closes. This is the embedded store's; on PostgreSQL every instance shares the jobs
// (shared-export-jobs.ts). The printing itself is render-export.ts, used by both.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { PublicUser } from '../../accounts/accounts.records';
import { canSeeUnit, forbiddenUnit } from '../../accounts/permissions';
import { AppError } from '../../errors';
import { asBatchWork } from '../pdf/pdf-pool';
import type { ExportItem, ExportSummary } from './export-contents';
import type { ExportEvent, ExportFormat } from './export.schema';
import {
  exportableItems,
  exportRefusals,
  exportSummary,
  exportFileType,
  renderExport,
  type ExportDownload,
  type ExportJobs,
  type ExportListener,
  type SopExportDeps,
} from './render-export';

export { SOP_MAP_KINDS, type ExportJobs, type SopExportDeps } from './render-export';

export interface SopExportOptions {
  /** How long a finished job and its file are kept; 30 minutes. */
  ttlMs?: number;
  /** Jobs kept at once (finished ones are dropped oldest first to make room); 50. */
  maxJobs?: number;
  /** Jobs running at once over all users; 10. They share the PdfPool, so more would only queue. */
  maxRunning?: number;
  /** Jobs one user may have running at once (a cancelled job counts until its prints in flight end); 2. */
  maxPerUser?: number;
  /** Parent of the temporary directory; os.tmpdir(). */
  tmpRoot?: string;
}

export type JobState = 'running' | 'done' | 'error';
type Listener = ExportListener;

export interface ExportJob {
  readonly id: string;
  readonly ownerId: string;
  readonly unit: string;
  readonly format: ExportFormat;
  readonly includeDrafts: boolean;
  state: JobState;
  readonly events: Array<ExportEvent & { id: number }>;
  readonly listeners: Set<Listener>;
  filePath?: string;
  fileName?: string;
  readonly createdAt: number;
  finishedAt?: number;
  expiry?: NodeJS.Timeout;
  /** Resolves once the job's run has stopped (its prints in flight ended), whatever its state. */
  stopped?: Promise<void>;
}


export class SopExportJobs implements ExportJobs {
  private readonly jobs = new Map<string, ExportJob>();
  private readonly ttlMs: number;
  private readonly maxJobs: number;
  private readonly maxRunning: number;
  private readonly maxPerUser: number;
  /** Runs still in progress per user id, cancelled ones included until they stop. */
  private readonly activeRuns = new Map<string, number>();
  private readonly tmpRoot: string;
  private dir: Promise<string> | undefined;
  private closed = false;

  constructor(
    private readonly deps: SopExportDeps,
    options: SopExportOptions = {},
  ) {
    this.ttlMs = options.ttlMs ?? 30 * 60_000;
    this.maxJobs = options.maxJobs ?? 50;
    this.maxRunning = options.maxRunning ?? 10;
    this.maxPerUser = options.maxPerUser ?? 2;
    this.tmpRoot = options.tmpRoot ?? tmpdir();
  }

  summary(actor: PublicUser, unit: string): Promise<ExportSummary> {
    return exportSummary(this.deps, actor, unit);
  }

  /**
   * Checks the unit and that it has SOPs to export, then runs the job in the background. Only SOPs in force, as
   * signed, unless `includeDrafts` adds the unit's other SOP maps, printed now and marked DRAF on every page.
   */
  async start(actor: PublicUser, unit: string, format: ExportFormat, options: { includeDrafts?: boolean } = {}): Promise<ExportJob> {
    if (this.closed) throw exportRefusals.closed();
    if (!canSeeUnit(actor, unit)) throw forbiddenUnit(unit);
    const includeDrafts = options.includeDrafts ?? false;
    const exportable = await exportableItems(this.deps, actor, unit, includeDrafts);
    const { items } = exportable;
    this.makeRoom(actor);
    const job: ExportJob = {
      id: randomBytes(16).toString('base64url'),
      ownerId: actor.id,
      unit: exportable.unit,
      format,
      includeDrafts,
      state: 'running',
      events: [],
      listeners: new Set(),
      createdAt: Date.now(),
    };
    this.jobs.set(job.id, job);
    this.emit(job, { type: 'progress', data: { done: 0, total: items.length, current: '' } });
    this.activeRuns.set(actor.id, (this.activeRuns.get(actor.id) ?? 0) + 1);
    // Batch work: its prints wait behind single SOP PDFs in the shared pool.
    job.stopped = asBatchWork(() => this.run(job, actor, items)).finally(() => {
      const left = (this.activeRuns.get(actor.id) ?? 1) - 1;
      if (left > 0) this.activeRuns.set(actor.id, left);
      else this.activeRuns.delete(actor.id);
    });
    return job;
  }

  /**
   * Stops a job of the actor's (running: its remaining SOPs are not printed) and drops it with its file. Resolves once
   * its prints in flight have ended, so the user's share is free again when the answer comes.
   */
  async cancel(actor: PublicUser, jobId: string): Promise<void> {
    const job = this.get(actor, jobId);
    if (job.state === 'running') {
      this.fail(job, new AppError(409, 'SOP_EXPORT_CANCELLED', 'Ekspor SOP dibatalkan oleh pengguna.'));
    }
    await this.expire(job);
    await job.stopped;
  }

  /** The job, for its starter only: anyone else is told it does not exist. */
  get(actor: PublicUser, jobId: string): ExportJob {
    const job = this.jobs.get(jobId);
    if (!job || job.ownerId !== actor.id) throw exportRefusals.notFound();
    if (!canSeeUnit(actor, job.unit)) throw forbiddenUnit(job.unit);
    return job;
  }

  /** The finished file of a job. */
  file(actor: PublicUser, jobId: string): { path: string; name: string; type: string } {
    const job = this.get(actor, jobId);
    if (job.state === 'error') throw exportRefusals.failed();
    if (job.state !== 'done' || !job.filePath || !job.fileName) throw exportRefusals.notReady();
    return { path: job.filePath, name: job.fileName, type: exportFileType(job.format) };
  }

  async download(actor: PublicUser, jobId: string): Promise<ExportDownload> {
    return this.file(actor, jobId);
  }

  async follow(actor: PublicUser, jobId: string, afterId: number, listener: Listener): Promise<{ finished: boolean; unsubscribe: () => void }> {
    const job = this.get(actor, jobId);
    const unsubscribe = this.subscribe(job, afterId, listener);
    return { finished: job.state !== 'running', unsubscribe };
  }

  /** Events after `afterId` now, then every later one; returns the unsubscribe function. */
  subscribe(job: ExportJob, afterId: number, listener: Listener): () => void {
    for (const event of job.events) if (event.id > afterId) listener(event);
    if (job.state !== 'running') return () => undefined;
    job.listeners.add(listener);
    return () => job.listeners.delete(listener);
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.jobs.values()) {
      clearTimeout(job.expiry);
      if (job.state === 'running') this.fail(job, new AppError(503, 'SOP_EXPORT_CLOSED', 'Server berhenti sebelum ekspor SOP selesai.'));
    }
    this.jobs.clear();
    const dir = await this.dir?.catch(() => undefined);
    if (dir) await rm(dir, { recursive: true, force: true });
  }

  private makeRoom(actor: PublicUser): void {
    if ((this.activeRuns.get(actor.id) ?? 0) >= this.maxPerUser) {
      throw exportRefusals.userBusy(this.maxPerUser);
    }
    const running = [...this.jobs.values()].filter((job) => job.state === 'running').length;
    if (running >= this.maxRunning) {
      throw new AppError(429, 'SOP_EXPORT_BUSY', 'Terlalu banyak ekspor SOP sedang berjalan. Coba lagi beberapa menit lagi.');
    }
    while (this.jobs.size >= this.maxJobs) {
      const oldest = [...this.jobs.values()].filter((job) => job.state !== 'running').sort((a, b) => a.createdAt - b.createdAt)[0];
      if (!oldest) throw new AppError(429, 'SOP_EXPORT_BUSY', 'Terlalu banyak ekspor SOP tersimpan. Coba lagi beberapa menit lagi.');
      void this.expire(oldest);
    }
  }

  private directory(): Promise<string> {
    this.dir ??= mkdtemp(path.join(this.tmpRoot, 'petakerja-sop-export-'));
    return this.dir;
  }

  private emit(job: ExportJob, event: ExportEvent): void {
    const numbered = { ...event, id: job.events.length + 1 };
    job.events.push(numbered);
    for (const listener of job.listeners) listener(numbered);
  }

  private finish(job: ExportJob, state: JobState): void {
    job.state = state;
    job.finishedAt = Date.now();
    job.listeners.clear();
    job.expiry = setTimeout(() => void this.expire(job), this.ttlMs);
    job.expiry.unref();
  }

  private fail(job: ExportJob, error: unknown): void {
    if (job.state !== 'running') return;
    const known = error instanceof AppError;
    this.emit(job, {
      type: 'error',
      data: {
        code: known ? error.code : 'SOP_EXPORT_FAILED',
        message: known ? error.message : 'Ekspor SOP gagal karena kesalahan di server. Coba lagi; bila berulang, hubungi admin.',
      },
    });
    this.finish(job, 'error');
  }

  private async expire(job: ExportJob): Promise<void> {
    clearTimeout(job.expiry);
    this.jobs.delete(job.id);
    if (job.filePath) await rm(job.filePath, { force: true }).catch(() => undefined);
  }

  private async run(job: ExportJob, actor: PublicUser, items: ExportItem[]): Promise<void> {
    try {
      const filePath = path.join(await this.directory(), `${job.id}.${job.format === 'zip' ? 'zip' : 'pdf'}`);
      const done = await renderExport(this.deps, job, actor, items, filePath, {
        running: () => job.state === 'running',
        progress: (event) => this.emit(job, event),
      });
      if (!done) return;
      if (job.state !== 'running') {
        await rm(filePath, { force: true }).catch(() => undefined);
        return;
      }
      job.filePath = filePath;
      job.fileName = done.data.fileName;
      this.emit(job, done);
      this.finish(job, 'done');
    } catch (error) {
      this.fail(job, error);
    }
  }
}
