// Batch SOP export jobs shared by two compiled `serve --database` processes on one PostgreSQL database (issue 18,
// scope 2; docs/storage.md, Several instances): a job started on A is followed and downloaded on B and printed
// exactly once (the row's `takes`); a job whose instance is killed while it prints is taken again by the other once
// its lease has run out, and finishes there.
import type { ChildProcess } from 'node:child_process';
import { unzipSync } from 'fflate';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveCli } from '../helpers/cli';
import { createTestDatabase } from '../helpers/postgres';
import { ApiClient, TEST_PASSWORD } from '../helpers/server';
import { tempDir } from '../helpers/temp-dir';

interface Instance {
  url: string;
  child: ChildProcess;
}

const UNIT = 'Dinas Kesehatan';
/** Short, so that the killed instance's job is taken again soon; renewed every third of it while a job prints. */
const LEASE = { PETAKERJA_EXPORT_LEASE_MS: '3000' };

describe('batch SOP export jobs on two serve processes on one PostgreSQL database', () => {
  let url: string;
  let db: pg.Client;
  let a: Instance;
  let b: Instance;
  let admin: ApiClient;
  /** The same session, its requests sent to an instance. */
  const on = (instance: Instance): ApiClient['api'] => {
    const client = new ApiClient(instance.url);
    return (path, init = {}) => client.api(path, { ...init, headers: { cookie: admin.sessionCookie, 'x-csrf-token': admin.csrfToken, ...init.headers } });
  };

  beforeAll(async () => {
    url = await createTestDatabase();
    a = await serveCli(['--database', url, '--data', await tempDir()], LEASE);
    b = await serveCli(['--database', url, '--data', await tempDir()], LEASE);
    admin = new ApiClient(a.url);
    const setup = await admin.api('/api/setup', {
      method: 'POST',
      json: { username: 'admin', password: TEST_PASSWORD, name: 'Admin Bagian Organisasi', jabatan: 'Analis', unit: 'Bagian Organisasi', publicUrl: a.url },
    });
    expect(setup.status, JSON.stringify(setup.body)).toBe(201);
    for (const [templateId, name] of [
      ['penunjukan-dalam-unit', 'Penunjukan pelaksana tugas'],
      ['pengajuan-sukarela-dalam-unit', 'Pengajuan sukarela'],
      ['mk-dinas-badan', 'Mekanisme kerja dinas'],
    ] as const) {
      const created = await admin.api('/api/maps', { method: 'POST', json: { templateId, name, unit: UNIT } });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
    }
    db = new pg.Client({ connectionString: url });
    await db.connect();
  }, 60_000);
  afterAll(async () => {
    a?.child.kill('SIGKILL');
    b?.child.kill('SIGKILL');
    await db?.end();
  });

  const start = async (instance: Instance, format: 'zip' | 'buku') => {
    const started = await on(instance)(`/api/units/${encodeURIComponent(UNIT)}/sop-exports`, { method: 'POST', json: { format, includeDrafts: true } });
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    return started.body.jobId as string;
  };

  /** The job's event stream on `instance` until it ends (it ends with the job, or when that instance closes). */
  const streamed = async (instance: Instance, jobId: string, lastEventId = 0) => {
    const response = await fetch(`${instance.url}/api/sop-exports/${jobId}/events`, {
      headers: { cookie: admin.sessionCookie, 'last-event-id': String(lastEventId) },
    });
    expect(response.status).toBe(200);
    return (await response.text())
      .split('\n\n')
      .map((block) => Object.fromEntries(block.split('\n').filter((line) => /^(id|event|data):/.test(line)).map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1).trim()])))
      .filter((fields) => fields.event)
      .map((fields) => ({ id: Number(fields.id), type: fields.event!, data: JSON.parse(fields.data!) }));
  };

  const row = async (jobId: string) =>
    (await db.query<{ takes: number; state: string; taken_by: string | null }>('SELECT takes, state, taken_by FROM export_jobs WHERE id = $1', [jobId])).rows[0]!;

  it('follows a job started on A on B, serves its file from B, and prints it exactly once', async () => {
    const jobId = await start(a, 'zip');
    const events = await streamed(b, jobId);
    expect(events.map((event) => event.type)).toEqual(['progress', 'progress', 'progress', 'progress', 'done']);
    expect(events.map((event) => event.id)).toEqual([1, 2, 3, 4, 5]);
    const done = events.at(-1)!.data;
    expect(done).toMatchObject({ count: 3, drafts: 3, signed: 0 });

    const response = await fetch(b.url + done.downloadUrl, { headers: { cookie: admin.sessionCookie } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/application\/zip/);
    const entries = Object.keys(unzipSync(new Uint8Array(await response.arrayBuffer())));
    expect(entries).toHaveLength(3);
    for (const entry of entries) expect(entry).toMatch(/^DRAF-.*\.pdf$/);
    // Both instances heard it queued and looked for it; one took it, once.
    expect(await row(jobId)).toMatchObject({ takes: 1, state: 'done' });
    // Another user's session, or none, does not see it on either instance.
    expect((await fetch(`${a.url}/api/sop-exports/${jobId}/file`)).status).toBe(401);
  });

  it('takes a job again on B when A is killed while it prints, and B finishes it', async () => {
    // Only A runs: the job is A's.
    b.child.kill('SIGKILL');
    await new Promise((resolve) => (b.child.exitCode !== null || b.child.signalCode ? resolve(null) : b.child.once('exit', resolve)));
    const jobId = await start(a, 'buku');
    // Its first SOP printed on A (event 2): A holds it, mid-run.
    const response = await fetch(`${a.url}/api/sop-exports/${jobId}/events`, { headers: { cookie: admin.sessionCookie } });
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    while (!/\nid: 2\n/.test(`\n${text}`)) {
      const { value, done } = await reader.read();
      if (done) break;
      text += value;
    }
    expect(await row(jobId)).toMatchObject({ takes: 1, state: 'running' });
    a.child.kill('SIGKILL');
    await reader.cancel().catch(() => undefined);

    b = await serveCli(['--database', url, '--data', await tempDir()], LEASE);
    // B takes it once A's lease has run out, prints it again and ends it: the stream on B tells the rest.
    const events = await streamed(b, jobId, 2);
    expect(events.at(-1)).toMatchObject({ type: 'done', data: { count: 3, drafts: 3 } });
    expect(await row(jobId)).toMatchObject({ takes: 2, state: 'done' });
    const file = await fetch(b.url + events.at(-1)!.data.downloadUrl, { headers: { cookie: admin.sessionCookie } });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toMatch(/application\/pdf/);
    expect(Buffer.from(await file.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
  });
});
