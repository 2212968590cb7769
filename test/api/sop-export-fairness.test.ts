// Issue 13, item 6: a fair share of SOP exports per user, single SOP PDFs ahead of batch work in the PDF pool, and
// cancelling an export (DELETE /api/sop-exports/:jobId). Real server, real Chromium.
import { existsSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { asBatchWork, PdfPool } from '../../server/sop/pdf/pdf-pool';
import { startTestServer, type ApiClient } from '../helpers/server';

const UNIT = 'Dinas Kesehatan';

describe('SOP exports: a fair share per user and cancelling', async () => {
  const server = await startTestServer();
  for (const templateId of ['penunjukan-dalam-unit', 'pengajuan-sukarela-dalam-unit', 'mk-dinas-badan', 'penunjukan-lintas-unit', 'mk-setda', 'mk-rsud']) {
    expect((await server.api('/api/maps', { method: 'POST', json: { templateId, name: templateId, unit: UNIT } })).status).toBe(201);
  }
  const start = (client: ApiClient, format: 'zip' | 'buku' = 'buku') =>
    client.api(`/api/units/${encodeURIComponent(UNIT)}/sop-exports`, { method: 'POST', json: { format, includeDrafts: true } });
  /** The job's whole event stream (it ends with the job). */
  const stream = async (client: ApiClient, jobId: string) =>
    (await fetch(`${server.url}/api/sop-exports/${jobId}/events`, { headers: { cookie: client.sessionCookie } })).text();

  it('refuses a pembaca a third running export with 429, Retry-After and the limit named, while others still start theirs', async () => {
    const reader = await server.userWith(['pembaca'], UNIT);
    const answers = [];
    for (let i = 0; i < 12; i++) answers.push(await start(reader));
    expect(answers.map((a) => a.status)).toEqual([202, 202, ...Array(10).fill(429)]);
    const refused = answers[2]!;
    expect(refused.body.error.code).toBe('SOP_EXPORT_USER_BUSY');
    expect(refused.body.error.message).toContain('2 ekspor SOP (batas per pengguna)');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);

    const colleague = await server.userWith(['pembaca'], UNIT);
    const theirs = await start(colleague, 'zip');
    expect(theirs.status).toBe(202);
    expect(await stream(colleague, theirs.body.jobId)).toMatch(/event: done\ndata: [^\n]*\s*$/);

    // Cancelling one of the reader's frees their share at once: the answer comes after its prints in flight ended.
    const cancelled = await reader.api(`/api/sop-exports/${answers[0]!.body.jobId}`, { method: 'DELETE' });
    expect(cancelled.status).toBe(204);
    expect((await start(reader)).status).toBe(202);
  });

  it('cancels a running export for its starter only: the stream ends with SOP_EXPORT_CANCELLED and no file is left', async () => {
    const drafter = await server.userWith(['penyusun'], UNIT);
    const stranger = await server.userWith(['pembaca'], UNIT);
    const started = await start(drafter, 'buku');
    expect(started.status).toBe(202);
    const { jobId } = started.body;
    // Read the stream as it comes; cancel once the first SOP is printed (five of six still to go).
    const response = await fetch(`${server.url}/api/sop-exports/${jobId}/events`, { headers: { cookie: drafter.sessionCookie } });
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    while (!text.includes('"done":1,')) {
      const { value, done } = await reader.read();
      if (done) break;
      text += value;
    }

    const notTheirs = await stranger.api(`/api/sop-exports/${jobId}`, { method: 'DELETE' });
    expect(notTheirs.status).toBe(404);
    expect(notTheirs.body.error.code).toBe('SOP_EXPORT_NOT_FOUND');
    expect((await server.anonymous().api(`/api/sop-exports/${jobId}`, { method: 'DELETE' })).status).toBe(401);

    expect((await drafter.api(`/api/sop-exports/${jobId}`, { method: 'DELETE' })).status).toBe(204);
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      text += value;
    }
    expect(text).toMatch(/event: error\ndata: \{"code":"SOP_EXPORT_CANCELLED","message":"Ekspor SOP dibatalkan oleh pengguna\."\}$/m);
    expect(text).not.toContain('event: done');
    expect((await drafter.api(`/api/sop-exports/${jobId}/file`)).status).toBe(404);
    expect((await drafter.api(`/api/sop-exports/${jobId}`, { method: 'DELETE' })).status).toBe(404);
    for (const dir of readdirSync(os.tmpdir()).filter((name) => name.startsWith('petakerja-sop-export-'))) {
      expect(existsSync(path.join(os.tmpdir(), dir, `${jobId}.pdf`))).toBe(false);
    }
  });
});

describe('the PDF pool serves single PDFs ahead of batch work', () => {
  const pool = new PdfPool({ size: 1 });
  afterAll(() => pool.close());

  it('prints an interactive request before batch prints that queued earlier', async () => {
    const order: string[] = [];
    const print = (label: string) => pool.pdf(`<!doctype html><p>${label}</p>`).then(() => order.push(label));
    // The one browser is busy with batch work, and three more batch prints wait…
    const batch = asBatchWork(() => Promise.all(['batch-1', 'batch-2', 'batch-3', 'batch-4'].map(print)));
    // …when a user asks for one SOP's PDF.
    const interactive = print('interactive');
    await Promise.all([batch, interactive]);
    expect(order).toEqual(['batch-1', 'interactive', 'batch-2', 'batch-3', 'batch-4']);
  });
});
