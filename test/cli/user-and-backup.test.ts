import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, serveCli } from '../helpers/cli';
import { ApiClient, TEST_PASSWORD } from '../helpers/server';
import { tempDir } from '../helpers/temp-dir';
import { minimalBpmn } from '../helpers/fixtures';

describe('petakerja user', () => {
  it('adds the first admin from standard input only, lists accounts, and resets a password', async () => {
    const data = await tempDir();
    const add = (args: string[], input = `${TEST_PASSWORD}\n`) =>
      runCli(['user', 'add', ...args, '--password-stdin', '--data', data], { input });
    expect((await add(['--username', 'kepala', '--admin', '--name', 'Kepala Bagian', '--unit', 'Bagian Organisasi'])).code).toBe(0);
    const duplicate = await add(['--username', 'kepala', '--roles', 'pembaca']);
    expect(duplicate.code).toBe(1);
    expect(duplicate.stderr).toContain('sudah dipakai');
    const short = await add(['--username', 'budi', '--roles', 'pembaca'], 'pendek\n');
    expect(short.code).toBe(2);
    expect(short.stderr).toContain('minimal 10 karakter');
    const badRole = await add(['--username', 'budi', '--roles', 'raja']);
    expect(badRole.code).toBe(2);
    expect(badRole.stderr).toContain('Peran tidak dikenal: raja');
    const noStdin = await runCli(['user', 'add', '--username', 'budi', '--password', 'x', '--data', data]);
    expect(noStdin.code).toBe(2);

    const list = await runCli(['user', 'list', '--data', data]);
    expect(list.stdout).toMatch(/kepala\tKepala Bagian\tadmin\tBagian Organisasi/);

    expect((await runCli(['user', 'passwd', '--username', 'kepala', '--password-stdin', '--data', data], { input: 'sandi-baru-yang-panjang\n' })).code).toBe(0);
    const { url, child } = await serveCli(['--data', data]);
    const client = new ApiClient(url);
    expect((await client.signIn('kepala', TEST_PASSWORD)).status).toBe(401);
    expect((await client.signIn('kepala', 'sandi-baru-yang-panjang')).status).toBe(200);
    const exited = new Promise((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  });
});

describe('petakerja backup and restore', () => {
  it('backs up a running server, restores into a new directory, and the restored store serves the same maps', async () => {
    const data = await tempDir();
    await runCli(['user', 'add', '--username', 'ani', '--password-stdin', '--roles', 'penyusun', '--data', data], { input: `${TEST_PASSWORD}\n` });
    const live = await serveCli(['--data', data]);
    const client = new ApiClient(live.url);
    await client.signIn('ani', TEST_PASSWORD);
    const created = await client.api('/api/maps', { method: 'POST', json: { name: 'Peta cadangan', kind: 'lintas-fungsi', unit: 'Dinas Sosial' } });
    await client.api(`/api/maps/${created.body.map.id}/revisions`, {
      method: 'POST',
      json: { xml: minimalBpmn('Setelah cadangan'), baseRevision: 1, message: 'revisi kedua' },
    });

    const archive = path.join(await tempDir(), 'cadangan.tar.gz');
    const backup = await runCli(['backup', '--data', data, '--out', archive]);
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stdout).toContain('Cadangan');
    const exited = new Promise((resolve) => live.child.on('exit', resolve));
    live.child.kill('SIGTERM');
    await exited;
    expect((await readdir(data)).filter((n) => n.startsWith('.backup-'))).toEqual([]);

    const target = path.join(await tempDir(), 'pulih');
    const restore = await runCli(['restore', '--in', archive, '--data', target]);
    expect(restore.code, restore.stderr).toBe(0);
    expect(restore.stdout).toContain('1 peta, 2 revisi utuh, 1 akun');

    const restored = await serveCli(['--data', target]);
    const again = new ApiClient(restored.url);
    expect((await again.signIn('ani', TEST_PASSWORD)).status).toBe(200);
    const xml = await again.api(`/api/maps/${created.body.map.id}/revisions/2/xml`);
    expect(xml.body).toContain('Setelah cadangan');
    restored.child.kill('SIGTERM');

    const nonEmpty = await runCli(['restore', '--in', archive, '--data', data]);
    expect(nonEmpty.code).toBe(1);
    expect(nonEmpty.stderr).toContain('tidak kosong');
    const garbage = path.join(await tempDir(), 'rusak.tar.gz');
    await writeFile(garbage, 'bukan arsip');
    const bad = await runCli(['restore', '--in', garbage, '--data', path.join(await tempDir(), 'baru')]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('tidak dapat dipulihkan');
  });
});
