// Faults of the data directory at start-up: accounts lost (setup must not reopen), BPMN bodies' folder lost, and a
// lock left by a server that ran as PID 1 of a container and was killed with SIGKILL.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI_ENTRY, runCli, serveCli, spawnCli } from '../helpers/cli';
import { minimalBpmn, ROOT } from '../helpers/fixtures';
import { ApiClient, TEST_PASSWORD } from '../helpers/server';
import { tempDir } from '../helpers/temp-dir';

interface StartResult {
  /** The URL it listens on, when it started (then it has been stopped again). */
  url?: string;
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Starts `serve` and waits for either of its outcomes: it listens (then it is stopped) or it exits. */
function startOrRefuse(child: ChildProcess, stop = (c: ChildProcess) => void c.kill('SIGTERM')): Promise<StartResult> {
  let stdout = '';
  let stderr = '';
  let url: string | undefined;
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk));
  child.stdout!.on('data', (chunk: Buffer) => {
    stdout += chunk;
    const match = /berjalan di (http:\/\/\S+)/.exec(stdout);
    if (match && !url) {
      url = match[1]!;
      stop(child);
    }
  });
  return new Promise((resolve) => child.on('exit', (code) => resolve({ url, code, stdout, stderr })));
}

/** A data directory with one account, one map of two revisions and an SOP record, written by a real server. */
async function usedDataDir(): Promise<{ data: string; mapId: string }> {
  const data = await tempDir();
  const add = await runCli(['user', 'add', '--username', 'ani', '--password-stdin', '--roles', 'penyusun', '--data', data], { input: `${TEST_PASSWORD}\n` });
  expect(add.code, add.stderr).toBe(0);
  const { url, child } = await serveCli(['--data', data]);
  const client = new ApiClient(url);
  expect((await client.signIn('ani', TEST_PASSWORD)).status).toBe(200);
  const created = await client.api('/api/maps', { method: 'POST', json: { name: 'Peta yang ada', kind: 'lintas-fungsi', unit: 'Dinas Sosial' } });
  expect(created.status).toBe(201);
  const mapId = created.body.map.id as string;
  const saved = await client.api(`/api/maps/${mapId}/revisions`, { method: 'POST', json: { xml: minimalBpmn('Langkah kedua'), baseRevision: 1, message: 'kedua' } });
  expect(saved.status).toBe(201);
  const exited = new Promise((resolve) => child.on('exit', resolve));
  child.kill('SIGTERM');
  await exited;
  return { data, mapId };
}

describe('a data directory whose accounts are missing', () => {
  it('refuses to start (no first-run setup over existing maps), says how to add an admin, and serves again after `user add --admin`', async () => {
    const { data, mapId } = await usedDataDir();
    await rm(path.join(data, 'accounts.json'));
    const before = (await readdir(path.join(data, 'maps'))).sort();

    const refused = await startOrRefuse(spawnCli(['serve', '--port', '0', '--data', data]));
    expect(refused.url, 'the server must not listen with setup open over existing maps').toBeUndefined();
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('accounts.json tidak ada');
    expect(refused.stderr).toContain('penyiapan awal hanya dibuka pada direktori data yang kosong');
    expect(refused.stderr).toContain('user add --admin');
    expect((await readdir(path.join(data, 'maps'))).sort(), 'nothing stored is touched').toEqual(before);

    const admin = await runCli(['user', 'add', '--admin', '--username', 'pemulih', '--password-stdin', '--data', data], { input: `${TEST_PASSWORD}\n` });
    expect(admin.code, admin.stderr).toBe(0);
    const { url, child } = await serveCli(['--data', data]);
    const client = new ApiClient(url);
    expect((await client.api('/api/setup')).body.needed).toBe(false);
    expect((await client.api('/api/setup', { method: 'POST', json: { username: 'penyusup', password: TEST_PASSWORD, name: 'X', jabatan: 'X', unit: 'X' } })).status).not.toBe(201);
    expect((await client.signIn('pemulih', TEST_PASSWORD)).status).toBe(200);
    expect((await client.api(`/api/maps/${mapId}/revisions/2/xml`)).body).toContain('Langkah kedua');
    const exited = new Promise((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }, 300_000);

  it('refuses an accounts file without any account the same way, and still opens setup on an empty directory', async () => {
    const { data } = await usedDataDir();
    const accounts = JSON.parse(await readFile(path.join(data, 'accounts.json'), 'utf8'));
    await import('node:fs/promises').then((fs) => fs.writeFile(path.join(data, 'accounts.json'), JSON.stringify({ ...accounts, users: [], sessions: [] })));
    const refused = await startOrRefuse(spawnCli(['serve', '--port', '0', '--data', data]));
    expect(refused.url).toBeUndefined();
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('accounts.json tidak berisi satu akun pun');

    const empty = await tempDir();
    const { url, child } = await serveCli(['--data', empty]);
    expect((await new ApiClient(url).api('/api/setup')).body.needed).toBe(true);
    const exited = new Promise((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }, 300_000);

  it('refuses to start when map records exist but the bpmn/ folder is gone, and starts again once it is back', async () => {
    const { data, mapId } = await usedDataDir();
    await rename(path.join(data, 'bpmn'), path.join(data, 'bpmn-terpindah'));
    const refused = await startOrRefuse(spawnCli(['serve', '--port', '0', '--data', data]));
    expect(refused.url).toBeUndefined();
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('1 catatan peta di maps/ tetapi direktori isi BPMN bpmn/ tidak ada');
    await rename(path.join(data, 'bpmn-terpindah'), path.join(data, 'bpmn'));
    const { url, child } = await serveCli(['--data', data]);
    const client = new ApiClient(url);
    await client.signIn('ani', TEST_PASSWORD);
    expect((await client.api(`/api/maps/${mapId}/revisions/2/xml`)).body).toContain('Langkah kedua');
    const exited = new Promise((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }, 300_000);
});

const unshareAvailable = process.getuid?.() === 0 && existsSync('/usr/bin/unshare');

/** The host PIDs of `pid`'s children (Linux /proc). */
async function childrenOf(pid: number): Promise<number[]> {
  const tasks = await readdir(`/proc/${pid}/task`).catch(() => [] as string[]);
  const children: number[] = [];
  for (const task of tasks) {
    const text = await readFile(`/proc/${pid}/task/${task}/children`, 'utf8').catch(() => '');
    children.push(...text.split(' ').filter(Boolean).map(Number));
  }
  return children;
}

/** unshare processes started here; their servers (PID 1 inside) are ended after the file even if a test timed out. */
const namespaced: ChildProcess[] = [];
afterAll(async () => {
  for (const c of namespaced) if (c.exitCode === null && c.signalCode === null) for (const pid of await childrenOf(c.pid!)) process.kill(pid, 'SIGKILL');
});

describe('the data directory lock of a server that ran as PID 1', () => {
  // Needs a new PID namespace: `unshare --pid` is for root only (no user namespaces assumed on the test machine).
  it.skipIf(!unshareAvailable)('is taken over after the PID-1 server is killed with SIGKILL (the restarted server is PID 1 again)', async () => {
    const { data, mapId } = await usedDataDir();
    const started = namespaced;
    const inContainer = () => {
      const child = spawn('/usr/bin/unshare', ['--pid', '--fork', '--mount-proc', process.execPath, CLI_ENTRY, 'serve', '--port', '0', '--data', data], {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      started.push(child);
      return child;
    };
    try {
      const first = inContainer();
      const firstUrl = await new Promise<string>((resolve, reject) => {
        let out = '';
        first.stdout.on('data', (chunk: Buffer) => {
          out += chunk;
          const match = /berjalan di (http:\/\/\S+)/.exec(out);
          if (match) resolve(match[1]!);
        });
        first.once('exit', (code) => reject(new Error(`serve in a PID namespace exited with ${code}`)));
      });
      const lockText = (await readFile(path.join(data, 'petakerja.lock'), 'utf8')).trim();
      const lockPid = /^\d+$/.test(lockText) ? Number(lockText) : (JSON.parse(lockText) as { pid: number }).pid;
      expect(lockPid, 'the server is PID 1 of its namespace').toBe(1);
      const [server] = await childrenOf(first.pid!);
      expect(server).toBeGreaterThan(1);
      // SIGKILL to PID 1 of the namespace (the server itself): the namespace ends and unshare exits.
      const ended = new Promise((resolve) => first.once('exit', resolve));
      process.kill(server!, 'SIGKILL');
      await ended;
      await expect(fetch(firstUrl)).rejects.toThrow();
      expect(existsSync(path.join(data, 'petakerja.lock')), 'the killed server left its lock').toBe(true);

      const second = inContainer();
      // unshare waits with SIGTERM blocked, and PID 1 of a namespace takes from its parent namespace only the signals
      // it handles: the restarted server is killed with SIGKILL too, which leaves a stale lock once more for the
      // plain server below to take over.
      const killServer = async (c: ChildProcess) => {
        const [pid] = await childrenOf(c.pid!);
        if (pid) process.kill(pid, 'SIGKILL');
        else c.kill('SIGKILL');
      };
      const restarted = await startOrRefuse(second, (c) => void killServer(c));
      expect(restarted.stderr).not.toContain('dipakai oleh proses lain');
      expect(restarted.url, restarted.stderr).toBeDefined();

      // The plain server takes over the lock the killed PID-1 server left; while it runs, its lock is respected
      // (PID, boot id and start time all match it).
      const { url, child } = await serveCli(['--data', data]);
      const refused = await startOrRefuse(spawnCli(['serve', '--port', '0', '--data', data]));
      expect(refused.url).toBeUndefined();
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain(`dipakai oleh proses lain (PID ${child.pid})`);
      const client = new ApiClient(url);
      await client.signIn('ani', TEST_PASSWORD);
      expect((await client.api(`/api/maps/${mapId}/revisions/2/xml`)).body).toContain('Langkah kedua');
      const exited = new Promise((resolve) => child.on('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    } finally {
      // A namespaced server still running (a failed assertion above) is ended here: unshare does not pass SIGTERM on.
      for (const c of started) if (c.exitCode === null && c.signalCode === null) for (const pid of await childrenOf(c.pid!)) process.kill(pid, 'SIGKILL');
    }
    // Five start-ups of the CLI on 2 shared cores: the default 120 s is not enough under load.
  }, 360_000);
});
