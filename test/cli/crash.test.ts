// Saves through the real server while it is killed with SIGKILL at random moments; after each restart the
// store must open and hold every save the server acknowledged (answered 201).
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { runCli, serveCli } from '../helpers/cli';
import { minimalBpmn } from '../helpers/fixtures';
import { ApiClient, TEST_PASSWORD } from '../helpers/server';
import { tempDir } from '../helpers/temp-dir';

const KILLS = 8;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('crash safety of the running server', () => {
  it(`keeps every acknowledged save across ${KILLS} SIGKILLs`, async () => {
    const data = await tempDir();
    await runCli(['user', 'add', '--username', 'ani', '--password-stdin', '--roles', 'penyusun', '--data', data], { input: `${TEST_PASSWORD}\n` });
    const acknowledged = new Map<number, string>();
    let mapId = '';
    let inFlightAtKill = 0;

    for (let round = 0; round < KILLS; round++) {
      const { url, child } = await serveCli(['--data', data]);
      const client = new ApiClient(url);
      expect((await client.signIn('ani', TEST_PASSWORD)).status, 'the store opens after the kill').toBe(200);
      if (!mapId) mapId = (await client.api('/api/maps', { method: 'POST', json: { name: 'Uji crash', kind: 'subproses' } })).body.map.id;
      let current = (await client.api(`/api/maps/${mapId}`)).body.map.currentRevision as number;
      const exited = new Promise((resolve) => child.on('exit', resolve));
      // Kill at a random moment 50–400 ms into a stream of saves, whatever the server is doing then. The moment counts
      // from the round's first acknowledged save: the first posted BPMN after a start also starts the BPMN worker pool.
      const armKill = () => setTimeout(() => child.kill('SIGKILL'), 50 + Math.random() * 350);
      for (let i = 0; ; i++) {
        const xml = minimalBpmn(`Putaran ${round} langkah ${i}`);
        const response = await client
          .api(`/api/maps/${mapId}/revisions`, { method: 'POST', json: { xml, baseRevision: current, message: `r${round}-${i}` } })
          .catch(() => undefined);
        if (!response) {
          inFlightAtKill++;
          break;
        }
        expect(response.status).toBe(201);
        current = response.body.revision.n;
        acknowledged.set(current, sha256(xml));
        if (i === 0) armKill();
      }
      await exited;
    }

    const { url, child } = await serveCli(['--data', data]);
    const client = new ApiClient(url);
    await client.signIn('ani', TEST_PASSWORD);
    const revisions = (await client.api(`/api/maps/${mapId}/revisions`)).body.items as Array<{ n: number; sha256: string }>;
    const stored = new Map(revisions.map((r) => [r.n, r.sha256]));
    for (const [n, hash] of acknowledged) expect(stored.get(n), `revision ${n}`).toBe(hash);
    for (const n of [...acknowledged.keys()].slice(-3)) {
      expect(sha256((await client.api(`/api/maps/${mapId}/revisions/${n}/xml`)).body)).toBe(acknowledged.get(n));
    }
    console.log(`crash test: ${KILLS} kills, ${acknowledged.size} acknowledged saves checked, ${inFlightAtKill} saves in flight at a kill`);
    expect(acknowledged.size).toBeGreaterThan(KILLS);
    child.kill('SIGTERM');
  }, 120_000);
});
