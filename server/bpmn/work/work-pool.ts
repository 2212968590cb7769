// Runs the BPMN jobs of requests (parse, stamp and re-serialise, lint) off the event loop, in a few worker threads:
// a job over its time limit has its worker terminated and replaced, and a full queue answers 503 with Retry-After.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Profile } from '../../domain/vocabulary';
import { AppError } from '../../errors';
import type { LintResult } from '../../lint/findings';
import type { LintContext } from '../../lint/lint-context';
import type { ImportInput, ImportOutput } from '../import/import-pipeline';
import { runBpmnJob, type BpmnJob, type EncodedLintResult, type StampInput, type StampOutput } from './bpmn-jobs';
import type { JobReply, JobRequest } from './bpmn-worker';

/** What the services ask of BPMN work; the pool and the in-process runner both answer it. */
export interface BpmnWork {
  stamp(input: StampInput): Promise<StampOutput>;
  /** Reads an uploaded file as an import stores it, with its warnings (import/import-pipeline.ts). */
  readImport(input: ImportInput): Promise<ImportOutput>;
  validate(xml: string): Promise<void>;
  lint(xml: string, profile: Profile | undefined, repositoryDefault: Profile, context?: LintContext): Promise<LintResult>;
  /** The lint with its findings encoded as a JSON array, for an HTTP answer. */
  lintEncoded(xml: string, profile: Profile | undefined, repositoryDefault: Profile, context?: LintContext): Promise<EncodedLintResult>;
  close(): Promise<void>;
}

function lintJob(xml: string, profile: Profile | undefined, repositoryDefault: Profile, context?: LintContext, type: 'lint' | 'lintEncoded' = 'lint'): BpmnJob {
  return { type, xml, repositoryDefault, ...(profile ? { profile } : {}), ...(context ? { context } : {}) };
}

/** In this thread: for the CLI and tools that lint or import one file at a time, with the same limits. */
export const inProcessBpmnWork: BpmnWork = {
  stamp: async (input) => (await runBpmnJob({ type: 'stamp', input })) as StampOutput,
  readImport: async (input) => (await runBpmnJob({ type: 'import', input })) as ImportOutput,
  validate: async (xml) => void (await runBpmnJob({ type: 'validate', xml })),
  lint: async (xml, profile, repositoryDefault, context) => (await runBpmnJob(lintJob(xml, profile, repositoryDefault, context))) as LintResult,
  lintEncoded: async (xml, profile, repositoryDefault, context) =>
    (await runBpmnJob(lintJob(xml, profile, repositoryDefault, context, 'lintEncoded'))) as EncodedLintResult,
  close: async () => undefined,
};

export interface WorkPoolOptions {
  /** Worker threads; default: one less than the cores, at least 1, at most 4. */
  size?: number;
  /** Time limit of one job in milliseconds, after which its worker is terminated (default 30 s), counted from when the worker is ready. */
  jobTimeoutMs?: number;
  /** Jobs that may wait for a worker; one more answers 503 (default 16 per worker). */
  maxQueue?: number;
  /** Heap of one worker in MB (default 512): a job that needs more ends its worker, not the server. */
  maxHeapMb?: number;
}

export const WORK_LIMITS = {
  jobTimeoutMs: 30_000,
  queuePerWorker: 16,
  maxHeapMb: 512,
  retryAfterSeconds: 5,
} as const;

export function defaultPoolSize(): number {
  return Math.max(1, Math.min(4, availableParallelism() - 1));
}

interface Pending {
  id: number;
  job: BpmnJob;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

interface Slot {
  worker: Worker;
  /** The worker has loaded its modules: a job's time limit counts from then. */
  ready: boolean;
  running?: Pending;
  timer?: NodeJS.Timeout;
}

// Run from source (tsx), the .mjs entry registers tsx in the new thread first; compiled (dist/server/, every chunk
// beside the others), the worker is the compiled bpmn-worker.js (scripts/build-server.mjs).
const WORKER_URL = new URL(import.meta.url.endsWith('.ts') ? './bpmn-worker.mjs' : './bpmn-worker.js', import.meta.url);

export class BpmnWorkPool implements BpmnWork {
  readonly size: number;
  readonly jobTimeoutMs: number;
  readonly maxQueue: number;
  private readonly maxHeapMb: number;
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private closed = false;

  constructor(options: WorkPoolOptions = {}) {
    this.size = Math.max(1, options.size ?? defaultPoolSize());
    this.jobTimeoutMs = options.jobTimeoutMs ?? WORK_LIMITS.jobTimeoutMs;
    this.maxQueue = options.maxQueue ?? this.size * WORK_LIMITS.queuePerWorker;
    this.maxHeapMb = options.maxHeapMb ?? WORK_LIMITS.maxHeapMb;
  }

  async stamp(input: StampInput): Promise<StampOutput> {
    return (await this.run({ type: 'stamp', input })) as StampOutput;
  }

  async readImport(input: ImportInput): Promise<ImportOutput> {
    return (await this.run({ type: 'import', input })) as ImportOutput;
  }

  async validate(xml: string): Promise<void> {
    await this.run({ type: 'validate', xml });
  }

  async lint(xml: string, profile: Profile | undefined, repositoryDefault: Profile, context?: LintContext): Promise<LintResult> {
    return (await this.run(lintJob(xml, profile, repositoryDefault, context))) as LintResult;
  }

  async lintEncoded(xml: string, profile: Profile | undefined, repositoryDefault: Profile, context?: LintContext): Promise<EncodedLintResult> {
    return (await this.run(lintJob(xml, profile, repositoryDefault, context, 'lintEncoded'))) as EncodedLintResult;
  }

  /** Jobs running and waiting (for tests and the admin page). */
  get load(): { running: number; queued: number } {
    return { running: this.slots.filter((s) => s.running).length, queued: this.queue.length };
  }

  run(job: BpmnJob): Promise<unknown> {
    if (this.closed) return Promise.reject(new AppError(503, 'WORK_UNAVAILABLE', 'Server sedang berhenti; coba lagi nanti.'));
    const idle = this.slots.some((s) => !s.running) || this.slots.length < this.size;
    if (!idle && this.queue.length >= this.maxQueue) {
      return Promise.reject(
        new AppError(
          503,
          'WORK_QUEUE_FULL',
          `Server sedang sibuk mengolah berkas BPMN: antrean penuh (batasnya ${this.maxQueue} pekerjaan). ` +
            `Coba lagi dalam ${WORK_LIMITS.retryAfterSeconds} detik.`,
          { limit: this.maxQueue, retryAfterSeconds: WORK_LIMITS.retryAfterSeconds },
        ),
      );
    }
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, job, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const pending of this.queue.splice(0)) pending.reject(new AppError(503, 'WORK_UNAVAILABLE', 'Server sedang berhenti; coba lagi nanti.'));
    await Promise.all(this.slots.splice(0).map((slot) => this.retire(slot)));
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const slot = this.slots.find((s) => !s.running) ?? (this.slots.length < this.size ? this.spawn() : undefined);
      if (!slot) return;
      const pending = this.queue.shift()!;
      slot.running = pending;
      slot.worker.ref();
      if (slot.ready) this.startTimer(slot);
      slot.worker.postMessage({ id: pending.id, job: pending.job } satisfies JobRequest);
    }
  }

  private spawn(): Slot {
    const worker = new Worker(WORKER_URL, {
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: this.maxHeapMb },
      name: 'petakerja-bpmn',
    });
    const slot: Slot = { worker, ready: false };
    worker.unref();
    worker.on('message', (reply: JobReply | { ready: true }) => {
      if (!('id' in reply)) {
        slot.ready = true;
        if (slot.running) this.startTimer(slot);
        return;
      }
      if (slot.running?.id !== reply.id) return;
      const pending = this.finish(slot)!;
      if (reply.ok) pending.resolve(reply.value);
      else if (reply.appError) pending.reject(new AppError(reply.appError.status, reply.appError.code, reply.appError.message, reply.appError.details));
      else pending.reject(Object.assign(new Error(reply.message), reply.stack ? { stack: reply.stack } : {}));
      this.dispatch();
    });
    // A worker that dies (out of memory, a crash) takes only its job with it; a new one takes its place.
    const died = (error?: Error) => {
      if (!this.slots.includes(slot)) return;
      const pending = this.finish(slot);
      this.slots.splice(this.slots.indexOf(slot), 1);
      pending?.reject(
        new AppError(
          422,
          'WORK_FAILED',
          `Berkas BPMN tidak dapat diolah: pengolahnya berhenti (batas memori ${this.maxHeapMb} MB per pekerjaan).`,
          { limitMb: this.maxHeapMb, ...(error ? { reason: error.message } : {}) },
        ),
      );
      this.dispatch();
    };
    worker.on('error', died);
    worker.on('exit', () => died());
    this.slots.push(slot);
    return slot;
  }

  private startTimer(slot: Slot): void {
    slot.timer = setTimeout(() => this.timeOut(slot), this.jobTimeoutMs);
  }

  private finish(slot: Slot): Pending | undefined {
    const pending = slot.running;
    clearTimeout(slot.timer);
    slot.running = undefined;
    slot.timer = undefined;
    slot.worker.unref();
    return pending;
  }

  private timeOut(slot: Slot): void {
    const pending = this.finish(slot);
    this.slots.splice(this.slots.indexOf(slot), 1);
    void this.retire(slot);
    pending?.reject(
      new AppError(
        422,
        'WORK_TIMEOUT',
        `Berkas BPMN terlalu berat untuk diolah: batas waktunya ${(this.jobTimeoutMs / 1000).toLocaleString('id-ID')} detik per pekerjaan.`,
        { limitMs: this.jobTimeoutMs },
      ),
    );
    this.dispatch();
  }

  private async retire(slot: Slot): Promise<void> {
    slot.worker.removeAllListeners('message');
    await slot.worker.terminate();
  }
}
