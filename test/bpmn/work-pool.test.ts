// The BPMN work pool (issue 13 item 1): real worker threads running the real parse, stamp and lint; its time limit
// replaces a worker that holds a job too long, and its bounded queue refuses with 503 and a retry delay.
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import express from 'express';
import { afterAll, describe, expect, it } from 'vitest';
import { inProcessBpmnWork, BpmnWorkPool } from '../../server/bpmn/work/work-pool';
import { XML_LIMITS } from '../../server/bpmn/xml-guard';
import { errorHandler } from '../../server/http/error-handler';
import { MIWG_DIR, minimalBpmn, readText } from '../helpers/fixtures';
import { deepXml, manyTasks } from '../helpers/hostile-bpmn';

const pools: BpmnWorkPool[] = [];
afterAll(() => Promise.all(pools.map((p) => p.close())));
function pool(options: ConstructorParameters<typeof BpmnWorkPool>[0]) {
  const created = new BpmnWorkPool(options);
  pools.push(created);
  return created;
}

async function refusal(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return error as { status: number; code: string; message: string; details?: Record<string, unknown> };
  }
  throw new Error('expected the job to be refused');
}

/** Lints for seconds in a worker: 20,000 tasks, each with findings, within every structural limit. */
const HEAVY = manyTasks(20_000);
/** Lints for more than ten seconds: 99,000 tasks, just within the element limit. */
const HEAVIEST = manyTasks(99_000);

describe('BPMN work pool', () => {
  it('stamps and lints in a worker as in process', async () => {
    const work = pool({ size: 1 });
    const xml = readText(path.join(MIWG_DIR, 'reference/C.8.0.bpmn'));
    const input = { xml, given: { unit: 'Dinas Kesehatan' }, defaultProfile: 'badung' as const, defaultName: 'Peta impor' };
    expect(await work.stamp(input)).toEqual(await inProcessBpmnWork.stamp(input));
    expect(await work.lint(minimalBpmn(), undefined, 'nasional')).toEqual(await inProcessBpmnWork.lint(minimalBpmn(), undefined, 'nasional'));
    await expect(work.validate(minimalBpmn())).resolves.toBeUndefined();
  });

  it('answers a refusal raised in the worker with its status, code and message', async () => {
    const work = pool({ size: 1 });
    const error = await refusal(work.lint(deepXml(10_000), undefined, 'nasional'));
    expect(error).toMatchObject({ status: 413, code: 'XML_TOO_DEEP', details: { limit: XML_LIMITS.maxDepth } });
    expect(error.message).toContain(`batasnya ${XML_LIMITS.maxDepth} tingkat`);
  });

  it('terminates a job over its time limit with WORK_TIMEOUT and carries on with a new worker', async () => {
    // The limit counts from when the worker has loaded its modules: a small file is checked well within it.
    const work = pool({ size: 1, jobTimeoutMs: 1500 });
    const error = await refusal(work.lint(HEAVIEST, undefined, 'nasional'));
    expect(error).toMatchObject({ status: 422, code: 'WORK_TIMEOUT', details: { limitMs: 1500 } });
    expect(error.message).toContain('batas waktunya 1,5 detik');
    await expect(work.validate(minimalBpmn())).resolves.toBeUndefined();
    expect(work.load).toEqual({ running: 0, queued: 0 });
  });

  it('refuses a job with 503 and a retry delay when the queue is full, and finishes the others', async () => {
    const work = pool({ size: 1, maxQueue: 1 });
    const running = work.validate(HEAVY);
    const queued = work.validate(HEAVY);
    expect(work.load).toEqual({ running: 1, queued: 1 });
    const error = await refusal(work.validate(minimalBpmn()));
    expect(error).toMatchObject({ status: 503, code: 'WORK_QUEUE_FULL', details: { limit: 1, retryAfterSeconds: 5 } });
    expect(error.message).toContain('batasnya 1 pekerjaan');
    await expect(Promise.all([running, queued])).resolves.toEqual([undefined, undefined]);
  });

  it('answers a full queue over HTTP with 503, Retry-After and the Indonesian message', async () => {
    const work = pool({ size: 1, maxQueue: 0 });
    const running = work.validate(HEAVY);
    const app = express();
    app.get('/job', async (_req, res) => {
      await work.validate(minimalBpmn());
      res.json({ ok: true });
    });
    app.use(errorHandler(() => undefined));
    const server = app.listen(0, '127.0.0.1');
    await once(server, 'listening');
    try {
      const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/job`);
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('5');
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('WORK_QUEUE_FULL');
      expect(body.error.message).toContain('batasnya 0 pekerjaan');
    } finally {
      server.close();
    }
    await expect(running).resolves.toBeUndefined();
  });
});
