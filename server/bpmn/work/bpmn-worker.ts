// A worker thread of the BPMN work pool: runs one job at a time and answers its result or its error as plain data.
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { AppError } from '../../errors';
import { runBpmnJob, type BpmnJob } from './bpmn-jobs';

export interface JobRequest {
  id: number;
  job: BpmnJob;
}

export type JobReply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; appError?: { status: number; code: string; message: string; details?: Record<string, unknown> }; message: string; stack?: string };

const port = parentPort;
if (!port) throw new Error('bpmn-worker runs as a worker thread only');

// On Linux a thread is its own task: a lower priority for this one lets the event loop answer other requests first
// while a heavy file is parsed or linted. Where the OS refuses, the worker runs at normal priority.
try {
  setPriority(10);
} catch {
  // not permitted here
}

port.on('message', async ({ id, job }: JobRequest) => {
  let reply: JobReply;
  try {
    reply = { id, ok: true, value: await runBpmnJob(job) };
  } catch (error) {
    const { message, stack } = error instanceof Error ? error : { message: String(error), stack: undefined };
    reply =
      error instanceof AppError
        ? { id, ok: false, message, appError: { status: error.status, code: error.code, message, ...(error.details ? { details: error.details } : {}) } }
        : { id, ok: false, message, ...(stack ? { stack } : {}) };
  }
  port.postMessage(reply);
});
port.postMessage({ ready: true });
