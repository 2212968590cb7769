// Batch SOP export jobs shared by every instance on one PostgreSQL database (issue 18, scope 2; docs/storage.md,
// Several instances). Starting a job queues a row; each instance's runner takes queued jobs once (the store's
// SELECT … FOR UPDATE SKIP LOCKED) when it hears one queued or every few seconds, prints with its own PdfPool
// (render-export.ts, the same printing as the in-process jobs) and renews its lease with every SOP printed and on a
// timer; a job whose instance died is taken again when its lease has run out. Events and the finished file are in
// the row, so any instance streams the progress (woken by NOTIFY) and serves the download.
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { PublicUser } from '../../accounts/accounts.records';
import { canSeeUnit, forbiddenUnit } from '../../accounts/permissions';
import { AppError } from '../../errors';
import { asBatchWork } from '../pdf/pdf-pool';
import type { ExportSummary } from './export-contents';
import type { ExportJobQueue, ExportJobRow } from './export-job-queue';
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

export interface SharedExportOptions {
  /** How long a finished job and its file are kept; 30 minutes. */
  ttlMs?: number;
  /** Jobs one user may have queued or running at once, over all instances; 2. */
  maxPerUser?: number;
  /** Jobs this instance prints at once (they share its PdfPool); 2. */
  runners?: number;
  /** How long a taken job stays this instance's without a sign of life; 30 s (renewed every third of it). */
  leaseMs?: number;
  /** How often the queue is looked at without a notification (missed ones, expired leases); 5 s. */
  pollMs?: number;
  /** Parent of the temporary directory a file is printed into before it goes to the database; os.tmpdir(). */
  tmpRoot?: string;
}

const failedMessage = (error: unknown) => {
  const known = error instanceof AppError;
  return {
    code: known ? error.code : 'SOP_EXPORT_FAILED',
    message: known ? error.message : 'Ekspor SOP gagal karena kesalahan di server. Coba lagi; bila berulang, hubungi admin.',
  };
};

export class SharedExportJobs implements ExportJobs {
  /** This process, as the runner holding a job. */
  readonly instance = randomBytes(8).toString('hex');
  private readonly ttlMs: number;
  private readonly maxPerUser: number;
  private readonly runners: number;
  private readonly leaseMs: number;
  private readonly tmpRoot: string;
  private readonly running = new Map<string, Promise<void>>();
  /** Streams on this instance, per job: told to read the job's row again. */
  private readonly followers = new Map<string, Set<{ reread: () => void; closing?: () => void }>>();
  private readonly poll: NodeJS.Timeout;
  private readonly unlisten: () => void;
  /** The take in progress, if any: close() waits for it, so that no job is taken after the runs were counted. */
  private taking: Promise<void> | undefined;
  private again = false;
  private closed = false;

  constructor(
    private readonly deps: SopExportDeps,
    private readonly queue: ExportJobQueue,
    options: SharedExportOptions = {},
  ) {
    this.ttlMs = options.ttlMs ?? 30 * 60_000;
    this.maxPerUser = options.maxPerUser ?? 2;
    this.runners = options.runners ?? 2;
    this.leaseMs = options.leaseMs ?? 30_000;
    this.tmpRoot = options.tmpRoot ?? tmpdir();
    this.unlisten = queue.onChange((change) => {
      if (!change.id || change.queued) this.wake();
      const told = change.id ? [this.followers.get(change.id)] : [...this.followers.values()];
      for (const set of told) for (const follower of set ?? []) follower.reread();
    });
    this.poll = setInterval(() => this.wake(), options.pollMs ?? 5_000);
    this.poll.unref();
    this.wake();
  }

  summary(actor: PublicUser, unit: string): Promise<ExportSummary> {
    return exportSummary(this.deps, actor, unit);
  }

  async start(actor: PublicUser, unit: string, format: ExportFormat, options: { includeDrafts?: boolean } = {}): Promise<{ id: string }> {
    if (this.closed) throw exportRefusals.closed();
    if (!canSeeUnit(actor, unit)) throw forbiddenUnit(unit);
    const includeDrafts = options.includeDrafts ?? false;
    const exportable = await exportableItems(this.deps, actor, unit, includeDrafts);
    const id = randomBytes(16).toString('base64url');
    const first: ExportEvent = { type: 'progress', data: { done: 0, total: exportable.items.length, current: '' } };
    if (!(await this.queue.insert({ id, actor, unit: exportable.unit, format, includeDrafts, first }, this.maxPerUser))) {
      throw exportRefusals.userBusy(this.maxPerUser);
    }
    return { id };
  }

  async cancel(actor: PublicUser, jobId: string): Promise<void> {
    await this.owned(actor, jobId);
    await this.queue.drop(jobId, { type: 'error', data: { code: 'SOP_EXPORT_CANCELLED', message: 'Ekspor SOP dibatalkan oleh pengguna.' } });
    // Its runner (on this instance or another) stops at its next SOP, finding the job no longer running. The row stays,
    // ended, until its time to live is over: a stream reading it still sees the cancel.
    await this.running.get(jobId);
  }

  async download(actor: PublicUser, jobId: string): Promise<ExportDownload> {
    const job = await this.owned(actor, jobId);
    if (job.state === 'error') throw exportRefusals.failed();
    const bytes = job.state === 'done' ? await this.queue.file(jobId) : undefined;
    if (!bytes || !job.fileName) throw exportRefusals.notReady();
    return { name: job.fileName, type: exportFileType(job.format), bytes };
  }

  async follow(actor: PublicUser, jobId: string, afterId: number, listener: ExportListener, closing?: () => void): Promise<{ finished: boolean; unsubscribe: () => void }> {
    let last = afterId;
    let ended = false;
    let reading = Promise.resolve();
    const give = (job: ExportJobRow | undefined) => {
      // A job removed meanwhile (cancelled, expired) ends the stream with what it had.
      for (const event of job?.events ?? []) if (event.id > last && !ended) {
        last = event.id;
        listener(event);
      }
      if (!job || (job.state !== 'queued' && job.state !== 'running')) ended = true;
    };
    const reread = () => {
      reading = reading.then(async () => (ended ? undefined : give(await this.queue.get(jobId)))).catch(() => undefined);
    };
    const set = this.followers.get(jobId) ?? new Set();
    const follower = { reread, ...(closing ? { closing } : {}) };
    const unsubscribe = () => {
      ended = true;
      set.delete(follower);
      if (set.size === 0 && this.followers.get(jobId) === set) this.followers.delete(jobId);
    };
    // Told of changes before the first read, so none falls between the two.
    set.add(follower);
    this.followers.set(jobId, set);
    try {
      give(await this.owned(actor, jobId));
    } catch (error) {
      unsubscribe();
      throw error;
    }
    if (ended) unsubscribe();
    return { finished: ended, unsubscribe };
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.poll);
    this.unlisten();
    for (const set of this.followers.values()) for (const follower of set) follower.closing?.();
    // The jobs printing here stop at their next SOP and go back to the queue for another instance.
    await this.taking;
    await Promise.allSettled([...this.running.values()]);
  }

  /** The job, for its starter only: anyone else is told it does not exist. */
  private async owned(actor: PublicUser, jobId: string): Promise<ExportJobRow> {
    const job = await this.queue.get(jobId);
    if (!job || job.dropped || job.ownerId !== actor.id) throw exportRefusals.notFound();
    if (!canSeeUnit(actor, job.unit)) throw forbiddenUnit(job.unit);
    return job;
  }

  /** Takes queued jobs while this instance has a runner free; one taker at a time, again if woken meanwhile. */
  private wake(): void {
    if (this.closed) return;
    if (this.taking) {
      this.again = true;
      return;
    }
    this.taking = (async () => {
      try {
        do {
          this.again = false;
          await this.queue.expire(this.ttlMs);
          while (!this.closed && this.running.size < this.runners) {
            const job = await this.queue.take(this.instance, this.leaseMs);
            if (!job) break;
            const run = asBatchWork(() => this.run(job)).finally(() => {
              this.running.delete(job.id);
              this.wake();
            });
            this.running.set(job.id, run);
          }
        } while (this.again && !this.closed);
      } catch (error) {
        console.error(`Antrean ekspor SOP tidak dapat dibaca: ${(error as Error).message}`);
      } finally {
        this.taking = undefined;
      }
    })();
  }

  private async run(job: ExportJobRow): Promise<void> {
    let held = true;
    const lost = () => {
      held = false;
    };
    // Between two SOPs (a long book's assembly) the lease is renewed on a timer.
    const renew = setInterval(() => void this.queue.renew(job.id, this.instance, this.leaseMs).then((still) => still || lost(), lost), this.leaseMs / 3);
    renew.unref();
    const dir = await mkdtemp(path.join(this.tmpRoot, 'petakerja-sop-export-'));
    try {
      const { items } = await exportableItems(this.deps, job.actor, job.unit, job.includeDrafts);
      const filePath = path.join(dir, `${job.id}.${job.format === 'zip' ? 'zip' : 'pdf'}`);
      const done = await renderExport(this.deps, job, job.actor, items, filePath, {
        running: () => held && !this.closed,
        progress: async (event) => {
          if (!(await this.queue.append(job.id, this.instance, event, this.leaseMs))) lost();
        },
      });
      if (!done) {
        if (held && this.closed) await this.queue.release(job.id, this.instance);
        return;
      }
      await this.queue.finish(job.id, this.instance, done, { name: done.data.fileName, bytes: await readFile(filePath) });
    } catch (error) {
      await this.queue.finish(job.id, this.instance, { type: 'error', data: failedMessage(error) }).catch(() => undefined);
    } finally {
      clearInterval(renew);
      await rm(dir, { recursive: true, force: true }).catch(() => undefined);
    }
  }
}
