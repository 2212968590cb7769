// Hostile BPMN bodies of issue 13 item 1 against the real server: each gets a bounded 4xx with a stable code and an
// Indonesian message naming the limit, nothing is stored, and while each runs a probe request answers within 200 ms.
import type { IncomingMessage } from 'node:http';
import { beforeAll, describe, expect, it } from 'vitest';
import { XML_LIMITS } from '../../server/bpmn/xml-guard';
import { minimalBpmn } from '../helpers/fixtures';
import { deepXml, manyTasks, nestedDocumentation, taskWithAttributes } from '../helpers/hostile-bpmn';
import { ambientLatency, BLOCKING_BOUND_MS, leastBlocking } from '../helpers/probe';
import { startTestServer, type ApiResponse } from '../helpers/server';

const { api, admin, server, url } = await startTestServer();

/** Blocking: the slowest probe during the hostile request less the slowest of a few just before it (probe.ts). */
const PROBE_BOUND_MS = BLOCKING_BOUND_MS;

/**
 * The admin's request without reading its answer: the test shares its event loop with the server, so the answer (up
 * to megabytes of findings) is read only once the probes are done, lest its decoding be counted as the server's delay.
 */
function send(path: string, init: { method?: string; json?: unknown; xml?: string } = {}): Promise<Response> {
  const headers = new Headers({ cookie: admin.sessionCookie, 'x-csrf-token': admin.csrfToken });
  if (init.json !== undefined) headers.set('content-type', 'application/json');
  if (init.xml !== undefined) headers.set('content-type', 'application/xml');
  const body = init.json !== undefined ? JSON.stringify(init.json) : init.xml;
  return fetch(url + path, { method: init.method ?? 'GET', headers, ...(body !== undefined ? { body } : {}) });
}

/**
 * Sends `hostile`, waits until the server has received it (the work on it starts then), and sends light requests one
 * after the other until its answer comes. Answers the hostile answer, the last probe and the slowest probe's time.
 */
async function probeWhile(hostile: () => Promise<Response>): Promise<{ answer: ApiResponse; probe: ApiResponse; probeMs: number; blockingMs: number; answeredMeanwhile: number; workMs: number }> {
  const ambientMs = await ambientLatency(() => api('/api/session'));
  const received = new Promise<void>((resolve) => {
    // A GET has no body to wait for: its work starts once its headers are in.
    server.once('request', (req: IncomingMessage) => (req.method === 'GET' ? resolve() : req.once('end', () => resolve())));
  });
  let settled = false;
  const response = hostile().finally(() => {
    settled = true;
  });
  await received;
  const receivedAt = performance.now();
  let settledAt = 0;
  void response.then(() => (settledAt = performance.now()), () => undefined);
  let probe: ApiResponse;
  let probeMs = 0;
  /** Probes answered while the hostile request was still at work. */
  let answeredMeanwhile = 0;
  do {
    const started = performance.now();
    probe = await api('/api/session');
    probeMs = Math.max(probeMs, performance.now() - started);
    if (!settled && probe.status === 200) answeredMeanwhile += 1;
  } while (!settled && probe.status === 200);
  const answer = await response;
  return { answer: { status: answer.status, headers: answer.headers, body: await answer.json() }, probe, probeMs, blockingMs: probeMs - ambientMs, answeredMeanwhile, workMs: (settledAt || performance.now()) - receivedAt };
}

/** probeWhile, again when a pause of the machine may have been counted as the server's (probe.ts). */
const probeLeastBlocking = (hostile: () => Promise<Response>) => leastBlocking(() => probeWhile(hostile));

function expectRefusal(response: ApiResponse, status: number, code: string, limitText: string) {
  expect(response.status, JSON.stringify(response.body).slice(0, 500)).toBe(status);
  expect(response.body.error.code).toBe(code);
  expect(response.body.error.message).toContain(limitText);
}

const mapCount = async () => (await api('/api/maps')).body.items.length as number;
const id = (n: number) => n.toLocaleString('id-ID');
const importXml = (xml: string) => send('/api/import?name=Uji', { method: 'POST', xml });
const imported = (xml: string) => api('/api/import?name=Uji', { method: 'POST', headers: { 'content-type': 'application/xml' }, body: xml });

describe('hostile BPMN bodies: bounded answers, nothing stored, the server stays responsive', () => {
  // The pool starts its workers on the first job: start one before any probe is timed.
  beforeAll(async () => {
    expect((await api('/api/lint', { method: 'POST', json: { xml: minimalBpmn() } })).status).toBe(200);
  });

  it('POST /api/import of 10,000 nested documentation elements answers 413 XML_TOO_DEEP', async () => {
    const before = await mapCount();
    const { answer, probe, probeMs, blockingMs } = await probeLeastBlocking(() => importXml(nestedDocumentation(10_000)));
    expectRefusal(answer, 413, 'XML_TOO_DEEP', `batasnya ${id(XML_LIMITS.maxDepth)} tingkat`);
    expect(probe.status).toBe(200);
    expect(blockingMs, `slowest probe ${probeMs.toFixed(0)} ms`).toBeLessThan(PROBE_BOUND_MS);
    expect(await mapCount()).toBe(before);
  });

  it('POST /api/import of a task with 40,000 attributes answers 413 XML_TOO_MANY_ATTRIBUTES', async () => {
    const before = await mapCount();
    const { answer, probe, probeMs, blockingMs } = await probeLeastBlocking(() => importXml(taskWithAttributes(40_000)));
    expectRefusal(answer, 413, 'XML_TOO_MANY_ATTRIBUTES', `batasnya ${id(XML_LIMITS.maxAttributesPerElement)} atribut per elemen`);
    expect(probe.status).toBe(200);
    expect(blockingMs, `slowest probe ${probeMs.toFixed(0)} ms`).toBeLessThan(PROBE_BOUND_MS);
    expect(await mapCount()).toBe(before);
  });

  it('POST /api/maps with 20,000 attributes answers 413 XML_TOO_MANY_ATTRIBUTES', async () => {
    const before = await mapCount();
    const { answer, probe, probeMs, blockingMs } = await probeLeastBlocking(() =>
      send('/api/maps', { method: 'POST', json: { name: 'Peta uji', kind: 'lintas-fungsi', xml: taskWithAttributes(20_000) } }),
    );
    expectRefusal(answer, 413, 'XML_TOO_MANY_ATTRIBUTES', `batasnya ${id(XML_LIMITS.maxAttributesPerElement)} atribut per elemen`);
    expect(probe.status).toBe(200);
    expect(blockingMs, `slowest probe ${probeMs.toFixed(0)} ms`).toBeLessThan(PROBE_BOUND_MS);
    expect(await mapCount()).toBe(before);
  });

  it('POST /api/lint of deep XML answers 413 XML_TOO_DEEP, not 500', async () => {
    const { answer, probe, probeMs, blockingMs } = await probeLeastBlocking(() => send('/api/lint', { method: 'POST', json: { xml: deepXml(50_000) } }));
    expectRefusal(answer, 413, 'XML_TOO_DEEP', `batasnya ${id(XML_LIMITS.maxDepth)} tingkat`);
    expect(probe.status).toBe(200);
    expect(blockingMs, `slowest probe ${probeMs.toFixed(0)} ms`).toBeLessThan(PROBE_BOUND_MS);
  });

  it('a saved revision of nested documentation is refused and the map keeps its revisions', async () => {
    const created = await api('/api/maps', { method: 'POST', json: { name: 'Peta simpan', kind: 'lintas-fungsi', xml: minimalBpmn() } });
    expect(created.status).toBe(201);
    const { map } = created.body;
    const { answer, probe, probeMs, blockingMs } = await probeLeastBlocking(() =>
      send(`/api/maps/${map.id}/revisions`, { method: 'POST', json: { xml: nestedDocumentation(10_000), baseRevision: 1, message: 'Uji' } }),
    );
    expectRefusal(answer, 413, 'XML_TOO_DEEP', `batasnya ${id(XML_LIMITS.maxDepth)} tingkat`);
    expect(probe.status).toBe(200);
    expect(blockingMs, `slowest probe ${probeMs.toFixed(0)} ms`).toBeLessThan(PROBE_BOUND_MS);
    expect((await api(`/api/maps/${map.id}/revisions`)).body.items).toHaveLength(1);
    expect((await api(`/api/maps/${map.id}`)).body.map.currentRevision).toBe(1);
  });

  it('an import that grows past the output limit when re-serialised answers 413 XML_OUTPUT_TOO_LARGE', async () => {
    // Within every structural limit: 95,000 empty elements nested 60 deep, each indented on its own line when written.
    const inner = '<x:e/>'.repeat(95_000);
    const xml = deepXml(56).replace('</x:n></x:n>', `${inner}</x:n></x:n>`);
    const before = await mapCount();
    const answer = await imported(xml);
    expectRefusal(answer, 413, 'XML_OUTPUT_TOO_LARGE', `batasnya ${XML_LIMITS.maxOutputBytes / 1024 / 1024} MB`);
    expect(await mapCount()).toBe(before);
  });

  // A heavy but valid file, within every limit, with a small answer (a large answer costs the event loop its encoding).
  it('a heavy but valid revision is parsed off the event loop: a probe answers meanwhile', async () => {
    const created = await api('/api/maps', { method: 'POST', json: { name: 'Peta berat', kind: 'lintas-fungsi', xml: minimalBpmn() } });
    expect(created.status).toBe(201);
    const { map } = created.body;
    const { answer, probe, probeMs, answeredMeanwhile, workMs } = await probeWhile(() =>
      send(`/api/maps/${map.id}/revisions`, { method: 'POST', json: { xml: manyTasks(20_000), baseRevision: 1, message: 'Banyak tugas' } }),
    );
    expect(probe.status).toBe(200);
    // Compared with the work itself, not with a clock (a loaded machine slows every answer alike): parsed on the event
    // loop, the revision would hold a probe for most of its work; parsed on a worker, probes keep being answered.
    expect(answeredMeanwhile, `slowest probe ${probeMs.toFixed(0)} ms of ${workMs.toFixed(0)} ms`).toBeGreaterThanOrEqual(3);
    expect(probeMs, `slowest probe ${probeMs.toFixed(0)} ms of ${workMs.toFixed(0)} ms`).toBeLessThan(workMs / 2);
    expect(answer.status).toBe(201);
    expect(answer.body.revision.n).toBe(2);
  });
});
