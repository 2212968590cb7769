// Several instances on one database (issue 18, scope 2): two compiled `serve --database` processes on one PostgreSQL
// database, as behind one address. A save on one and a stale save on the other (409); one session valid on both; the
// login throttle counting failures made on either; an open map's event stream on one hearing a save on the other; a
// settings change on one seen by the other; SIGKILL of one during a save loop loses no acknowledged save and the
// other keeps serving.
import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minimalBpmn } from '../helpers/fixtures';
import { serveCli } from '../helpers/cli';
import { createTestDatabase } from '../helpers/postgres';
import { ApiClient, TEST_PASSWORD } from '../helpers/server';
import { tempDir } from '../helpers/temp-dir';

interface Instance {
  url: string;
  child: ChildProcess;
}

const exited = (child: ChildProcess) => new Promise((resolve) => (child.exitCode !== null || child.signalCode ? resolve(null) : child.once('exit', resolve)));

describe('two serve processes on one PostgreSQL database', () => {
  let a: Instance;
  let b: Instance;
  /** The administrator, signed in through A. */
  let admin: ApiClient;
  /** The same session, its requests sent to B. */
  let onB: ApiClient['api'];

  beforeAll(async () => {
    const url = await createTestDatabase();
    a = await serveCli(['--database', url, '--data', await tempDir()]);
    b = await serveCli(['--database', url, '--data', await tempDir()]);
    admin = new ApiClient(a.url);
    const setup = await admin.api('/api/setup', {
      method: 'POST',
      json: { username: 'admin', password: TEST_PASSWORD, name: 'Admin Bagian Organisasi', jabatan: 'Analis', unit: 'Bagian Organisasi', publicUrl: a.url },
    });
    expect(setup.status, JSON.stringify(setup.body)).toBe(201);
    const viaB = new ApiClient(b.url);
    onB = (path, init = {}) => viaB.api(path, { ...init, headers: { cookie: admin.sessionCookie, 'x-csrf-token': admin.csrfToken, ...init.headers } });
  }, 60_000);
  afterAll(() => {
    a?.child.kill('SIGKILL');
    b?.child.kill('SIGKILL');
  });

  const createMap = async (name: string) => {
    const created = await admin.api('/api/maps', { method: 'POST', json: { name, kind: 'proses', unit: 'Dinas Kesehatan' } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    return created.body.map.id as string;
  };

  it('keeps one session valid on both, and a stale save on B after a save on A gets 409', async () => {
    expect((await onB('/api/session')).status).toBe(200);
    const id = await createMap('Pelayanan izin praktik');
    // Created on A, listed on B (the shared change feed).
    const listed = await onB('/api/maps');
    expect(listed.body.items.map((m: { id: string }) => m.id)).toContain(id);
    const saved = await admin.api(`/api/maps/${id}/revisions`, { method: 'POST', json: { xml: minimalBpmn('Dari A'), baseRevision: 1, message: 'A' } });
    expect(saved.status, JSON.stringify(saved.body)).toBe(201);
    const stale = await onB(`/api/maps/${id}/revisions`, { method: 'POST', json: { xml: minimalBpmn('Basi dari B'), baseRevision: 1, message: 'B' } });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('REVISION_CONFLICT');
    const fresh = await onB(`/api/maps/${id}/revisions`, { method: 'POST', json: { xml: minimalBpmn('Dari B'), baseRevision: 2, message: 'B' } });
    expect(fresh.status, JSON.stringify(fresh.body)).toBe(201);
  });

  it('throttles sign-in failures split across the instances as if they were made on one', async () => {
    const onA = new ApiClient(a.url);
    const other = new ApiClient(b.url);
    // Five failures for the account (the limit), three on A and two on B: each instance alone has seen fewer.
    for (const client of [onA, other, onA, other, onA]) expect((await client.signIn('admin', 'salah-salah-salah')).status).toBe(401);
    const refused = await new ApiClient(b.url).signIn('admin', TEST_PASSWORD);
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('LOGIN_RATE_LIMITED');
  });

  it("tells an open map's event stream on B of a save made on A", async () => {
    const id = await createMap('Pelayanan rujukan');
    const abort = new AbortController();
    const response = await fetch(`${b.url}/api/maps/${id}/events`, { headers: { cookie: admin.sessionCookie }, signal: abort.signal });
    expect(response.status).toBe(200);
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    const readUntil = async (pattern: RegExp) => {
      while (!pattern.test(text)) {
        const { value, done } = await reader.read();
        if (done) throw new Error(`stream ended before ${pattern}: ${text}`);
        text += value;
      }
    };
    await readUntil(/event: ready/);
    const saved = await admin.api(`/api/maps/${id}/revisions`, { method: 'POST', json: { xml: minimalBpmn('Dari A'), baseRevision: 1, message: 'A' } });
    expect(saved.status).toBe(201);
    await readUntil(/event: map\ndata: .*\n\n/);
    const event = JSON.parse(/event: map\ndata: (.*)\n/.exec(text)![1]!);
    expect(event).toMatchObject({ mapId: id, kind: 'revision', by: { name: 'Admin Bagian Organisasi' } });
    abort.abort();
  });

  it('shows a settings change made on A on B', async () => {
    expect((await onB('/api/settings')).body.timeZone.zone).toBe('Asia/Jakarta');
    const changed = await admin.api('/api/settings/time-zone', { method: 'PUT', json: { timeZone: 'Asia/Makassar' } });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    // B reads the row again when it hears the change's NOTIFY: wait for that, not for a time.
    let zone = '';
    while (zone !== 'Asia/Makassar') zone = (await onB('/api/settings')).body.timeZone.zone;
    expect(zone).toBe('Asia/Makassar');
  });

  it('loses no acknowledged save when A is killed during a save loop, and B keeps serving', async () => {
    const id = await createMap('Pelayanan darurat');
    const acknowledged: { n: number; step: string }[] = [];
    let base = 1;
    let killed = false;
    for (let i = 0; !killed; i++) {
      const step = `Langkah ${i}`;
      const request = admin.api(`/api/maps/${id}/revisions`, { method: 'POST', json: { xml: minimalBpmn(step), baseRevision: base, message: `simpan ${i}` } });
      // After five acknowledged saves, A dies while the sixth is on its way.
      if (acknowledged.length === 5) {
        a.child.kill('SIGKILL');
        killed = true;
      }
      try {
        const saved = await request;
        if (saved.status !== 201) throw new Error(`save ${i}: ${saved.status} ${JSON.stringify(saved.body)}`);
        base = saved.body.revision.n;
        acknowledged.push({ n: base, step });
      } catch (error) {
        if (!killed) throw error;
      }
    }
    await exited(a.child);
    expect(acknowledged.length).toBeGreaterThanOrEqual(5);
    for (const { n, step } of acknowledged) {
      const xml = await onB(`/api/maps/${id}/revisions/${n}/xml`);
      expect(xml.status).toBe(200);
      expect(xml.body).toContain(step);
    }
    const current = (await onB(`/api/maps/${id}`)).body.map.currentRevision as number;
    expect(current).toBeGreaterThanOrEqual(acknowledged.at(-1)!.n);
    const after = await onB(`/api/maps/${id}/revisions`, { method: 'POST', json: { xml: minimalBpmn('Setelah A mati'), baseRevision: current, message: 'B' } });
    expect(after.status, JSON.stringify(after.body)).toBe(201);
  });
});
