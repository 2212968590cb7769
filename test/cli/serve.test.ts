import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mapDocumentPath } from '../../server/store/lowdb-map-store';
import { runCli, serveCli } from '../helpers/cli';
import { minimalBpmn } from '../helpers/fixtures';
import { ApiClient, TEST_PASSWORD } from '../helpers/server';
import { tempDir } from '../helpers/temp-dir';

describe('petakerja serve', () => {
  it('serves the API on the data directory it is given, and stops cleanly on SIGTERM', async () => {
    const data = await tempDir();
    const added = await runCli(['user', 'add', '--username', 'ani', '--password-stdin', '--roles', 'penyusun', '--data', data], {
      input: `${TEST_PASSWORD}\n`,
    });
    expect(added.stdout).toContain('Akun ani (penyusun) dibuat.');
    const { url, child } = await serveCli(['--data', data, '--profile', 'badung']);
    const client = new ApiClient(url);
    expect((await client.signIn('ani', TEST_PASSWORD)).status).toBe(200);
    const created = await client.api('/api/maps', { method: 'POST', json: { name: 'Peta dari CLI', kind: 'subproses' } });
    expect(created.status).toBe(201);
    const { map } = created.body;
    expect(map.profile).toBe('badung');
    const linted = await client.api('/api/lint', { method: 'POST', json: { xml: minimalBpmn() } });
    expect(linted.body.profile).toBe('badung');
    expect((await client.api('/api/meta')).body.defaultProfile).toBe('badung');
    const exited = new Promise((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(await readFile(mapDocumentPath(data, map.id), 'utf8')).toContain('Peta dari CLI');
  });

  it('refuses to start on a corrupt data file, says why, and leaves the file as it was', async () => {
    const data = await tempDir();
    const file = mapDocumentPath(data, '11111111-1111-4111-8111-111111111111');
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, '{"format":"petakerja-map","version":1,"map":{');
    const run = await runCli(['serve', '--port', '0', '--data', data]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/tidak dapat dijalankan: Berkas data .* rusak/);
    expect(await readFile(file, 'utf8')).toBe('{"format":"petakerja-map","version":1,"map":{');
  });

  it('refuses a second server on a data directory already in use', async () => {
    const data = await tempDir();
    const first = await serveCli(['--data', data]);
    const second = await runCli(['serve', '--port', '0', '--data', data]);
    expect(second.code).toBe(1);
    expect(second.stderr).toContain('sedang dipakai oleh proses lain');
    first.child.kill('SIGTERM');
  });

  it('answers an unknown command or option with usage and exit code 2', async () => {
    const unknown = await runCli(['terbang']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Perintah tidak dikenal: terbang');
    expect(unknown.stderr).toContain('Penggunaan:');
    expect((await runCli(['serve', '--bogus'])).code).toBe(2);
    const badProfile = await runCli(['serve', '--port', '0', '--data', await tempDir(), '--profile', 'bali']);
    expect(badProfile.code).toBe(2);
    expect(badProfile.stderr).toContain('Profil tidak dikenal: bali');
  });
});
