// What the shared batch export jobs (shared-export-jobs.ts) ask of a store: rows of jobs that any instance may take
// once, with their events and their finished file. The PostgreSQL store implements it (pg-export-jobs.ts); the
// embedded store has none and keeps the in-process jobs (export-jobs.ts).
import { z } from 'zod';
import { PublicUser } from '../../accounts/accounts.records';
import type { ExportEvent } from './export.schema';
import { ExportFormat } from './export.schema';

export const ExportJobState = z.enum(['queued', 'running', 'done', 'error']);
export type ExportJobState = z.infer<typeof ExportJobState>;

/** An event as stored: numbered from 1 in the order the job told them. */
const StoredEvent = z.object({ id: z.number().int().positive(), type: z.enum(['progress', 'done', 'error']), data: z.record(z.string(), z.unknown()) });
export type StoredExportEvent = ExportEvent & { id: number };

export const ExportJobRow = z.object({
  id: z.string(),
  ownerId: z.string(),
  /** The user who started the job, as checked then: the runner prints as them. */
  actor: PublicUser,
  unit: z.string(),
  format: ExportFormat,
  includeDrafts: z.boolean(),
  state: ExportJobState,
  events: z.array(StoredEvent).transform((events) => events as StoredExportEvent[]),
  takes: z.number().int(),
  fileName: z.string().nullable(),
  /** Cancelled or dropped by its starter: unknown to the routes; kept until its time to live for the streams. */
  dropped: z.boolean(),
});
export type ExportJobRow = z.infer<typeof ExportJobRow>;

export interface NewExportJob {
  id: string;
  actor: PublicUser;
  unit: string;
  format: ExportFormat;
  includeDrafts: boolean;
  /** The first event (progress 0 of n). */
  first: ExportEvent;
}

export interface ExportJobQueue {
  /** Queues the job unless its owner has `maxPerUser` jobs queued or running (then false). */
  insert(job: NewExportJob, maxPerUser: number): Promise<boolean>;
  /** Takes the oldest queued job, or one whose lease ran out, for `instance` until `leaseMs` from now. */
  take(instance: string, leaseMs: number): Promise<ExportJobRow | undefined>;
  /** Adds an event of a job `instance` holds and renews its lease; false when it no longer holds it. */
  append(id: string, instance: string, event: ExportEvent, leaseMs: number): Promise<boolean>;
  /** Renews the lease of a job `instance` holds; false when it no longer holds it. */
  renew(id: string, instance: string, leaseMs: number): Promise<boolean>;
  /** Ends a job `instance` holds with its last event (and its file when done); false when it no longer holds it. */
  finish(id: string, instance: string, event: ExportEvent, file?: { name: string; bytes: Uint8Array }): Promise<boolean>;
  /** Puts a job `instance` holds back in the queue (its instance is closing). */
  release(id: string, instance: string): Promise<void>;
  /** Drops a job for its starter: a queued or running one ends with `event` whoever holds it; its file goes. */
  drop(id: string, event: ExportEvent): Promise<void>;
  get(id: string): Promise<ExportJobRow | undefined>;
  file(id: string): Promise<Uint8Array | undefined>;
  /** Deletes the jobs that ended more than `ttlMs` ago. */
  expire(ttlMs: number): Promise<void>;
  /** Called with a job's id when it changed on any instance, `queued` when one was queued; undefined: anything may have. */
  onChange(listener: (change: { id?: string; queued?: boolean }) => void): () => void;
}
