// The server's Chromium (the PDF pool) must not outlive the server: after a SIGKILL of `serve`, every Chromium
// process it started ends by itself (Chromium reads EOF on its DevTools pipe).
import { readdir, readFile } from 'node:fs/promises';
import { setTimeout as delay } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { runCli, serveCli } from '../helpers/cli';
import { ApiClient, TEST_PASSWORD } from '../helpers/server';
import { tempDir } from '../helpers/temp-dir';

interface Proc {
  pid: number;
  /** Field 22 of /proc/<pid>/stat, so that a recycled PID is not taken for the process. */
  startTime: string;
}

async function stat(pid: number): Promise<{ state: string; startTime: string } | undefined> {
  const text = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => undefined);
  if (!text) return undefined;
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return { state: fields[0]!, startTime: fields[22 - 3]! };
}

/** Every descendant of `pid` whose executable is Chromium (Linux /proc). */
async function chromiumDescendants(pid: number): Promise<Proc[]> {
  const found: Proc[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    const parent = queue.shift()!;
    for (const task of await readdir(`/proc/${parent}/task`).catch(() => [] as string[])) {
      const children = (await readFile(`/proc/${parent}/task/${task}/children`, 'utf8').catch(() => '')).split(' ').filter(Boolean).map(Number);
      for (const child of children) {
        queue.push(child);
        const comm = (await readFile(`/proc/${child}/comm`, 'utf8').catch(() => '')).trim();
        const info = await stat(child);
        if (info && /chrom/i.test(comm)) found.push({ pid: child, startTime: info.startTime });
      }
    }
  }
  return found;
}

/** Still running: present, the same process (start time), and not a zombie waiting for a parent to reap it. */
async function running(proc: Proc): Promise<boolean> {
  const info = await stat(proc.pid);
  return info !== undefined && info.startTime === proc.startTime && info.state !== 'Z' && info.state !== 'X';
}

describe('Chromium of a killed server', () => {
  it.skipIf(process.platform !== 'linux')('ends by itself after the server is killed with SIGKILL', async () => {
    const data = await tempDir();
    const add = await runCli(['user', 'add', '--username', 'ani', '--password-stdin', '--roles', 'penyusun', '--unit', 'Dinas Sosial', '--data', data], {
      input: `${TEST_PASSWORD}\n`,
    });
    expect(add.code, add.stderr).toBe(0);
    const { url, child } = await serveCli(['--data', data]);
    const client = new ApiClient(url);
    expect((await client.signIn('ani', TEST_PASSWORD)).status).toBe(200);
    const created = await client.api('/api/maps', { method: 'POST', json: { name: 'Peta untuk PDF', kind: 'lintas-fungsi', unit: 'Dinas Sosial' } });
    expect(created.status).toBe(201);
    const pdf = await client.api(`/api/maps/${created.body.map.id}/sop.pdf`);
    expect(pdf.status).toBe(200);
    expect(String(pdf.body).startsWith('%PDF')).toBe(true);

    const browsers = await chromiumDescendants(child.pid!);
    expect(browsers.length, 'the PDF was rendered by Chromium processes under the server').toBeGreaterThan(0);
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;

    // Bounded: up to 60 s for Chromium to notice and shut down on a loaded machine; it usually takes well under one.
    let left = browsers;
    try {
      for (let round = 0; round < 600 && left.length > 0; round++) {
        await delay(100);
        const alive = await Promise.all(left.map(running));
        left = left.filter((_, i) => alive[i]);
      }
      expect(left.map((p) => p.pid), 'Chromium processes still running after the server was killed').toEqual([]);
    } finally {
      // Whatever this test started and is still running is ended here, not left on a shared machine.
      for (const proc of left) if (await running(proc)) process.kill(proc.pid, 'SIGKILL');
    }
    // Several start-ups of the CLI on 2 shared cores: more than the default 120 s under load.
  }, 300_000);
});
