// The API on PostgreSQL (issue 18): the compiled CLI's `serve --database` on a database of its own — first-run setup,
// create a map, save, a stale save refused, list, sign out and in — and a database that cannot be reached stops
// `serve` with an Indonesian message and exit code 1, not a stack.
import { afterAll, describe, expect, it } from 'vitest';
import { minimalBpmn } from '../helpers/fixtures';
import { runCli, serveCli } from '../helpers/cli';
import { openPostgresStore } from '../../server/store/postgres/open-postgres-store';
import { createTestDatabase } from '../helpers/postgres';
import { ApiClient, TEST_PASSWORD } from '../helpers/server';
import { tempDir } from '../helpers/temp-dir';

describe('serve --database postgres://…', () => {
  it('serves setup, maps, saves, the listing and sign-in from PostgreSQL, and keeps them across a restart', async () => {
    const url = await createTestDatabase();
    const data = await tempDir();
    const first = await serveCli(['--database', url, '--data', data]);
    afterAll(() => void first.child.kill('SIGKILL'));
    const admin = new ApiClient(first.url);
    const setup = await admin.api('/api/setup', {
      method: 'POST',
      json: { username: 'admin', password: TEST_PASSWORD, name: 'Admin Bagian Organisasi', jabatan: 'Analis', unit: 'Bagian Organisasi', publicUrl: first.url },
    });
    expect(setup.status, JSON.stringify(setup.body)).toBe(201);
    const created = await admin.api('/api/maps', { method: 'POST', json: { name: 'Pelayanan izin praktik', kind: 'proses', unit: 'Dinas Kesehatan' } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.map.id;
    const saved = await admin.api(`/api/maps/${id}/revisions`, { method: 'POST', json: { xml: minimalBpmn('Memverifikasi berkas'), baseRevision: 1, message: 'Tambah verifikasi' } });
    expect(saved.status, JSON.stringify(saved.body)).toBe(201);
    const stale = await admin.api(`/api/maps/${id}/revisions`, { method: 'POST', json: { xml: minimalBpmn('Basi'), baseRevision: 1, message: 'Basi' } });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('REVISION_CONFLICT');
    const listed = await admin.api('/api/maps');
    expect(listed.body.items.map((m: { id: string; currentRevision: number }) => [m.id, m.currentRevision])).toEqual([[id, 2]]);
    expect((await admin.api('/api/session', { method: 'DELETE' })).status).toBeLessThan(300);
    expect((await admin.api('/api/maps')).status).toBe(401);

    // A second start on the same database: nothing lost, the account signs in, setup is closed.
    first.child.kill('SIGTERM');
    await new Promise((resolve) => first.child.once('exit', resolve));
    const second = await serveCli(['--database', url, '--data', await tempDir()]);
    afterAll(() => void second.child.kill('SIGKILL'));
    const again = new ApiClient(second.url);
    expect((await again.signIn('admin', TEST_PASSWORD)).status).toBe(200);
    const xml = await again.api(`/api/maps/${id}/revisions/2/xml`);
    expect(xml.body).toContain('Memverifikasi berkas');
    expect((await again.api('/api/setup', { method: 'POST', json: { username: 'lain', password: TEST_PASSWORD, name: 'Lain', jabatan: 'x', unit: 'x' } })).status).toBe(409);
  });

  it('refuses a database with maps but no account (setup is for an empty one), and a URL that is not PostgreSQL', async () => {
    const url = await createTestDatabase();
    const store = await openPostgresStore(url);
    await store.maps.createMap({ name: 'Peta yatim', kind: 'proses', unit: 'Bappeda', profile: 'nasional' }, { xml: minimalBpmn(), author: 'Ani', message: 'Versi awal' });
    await store.close();
    const orphan = await runCli(['serve', '--port', '0', '--database', url]);
    expect(orphan.code).toBe(1);
    expect(orphan.stderr).toContain('Basis data sudah berisi 1 peta tetapi tidak satu akun pun');
    const wrong = await runCli(['serve', '--port', '0', '--database', 'mysql://petakerja@localhost/petakerja']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('Alamat basis data tidak sah: mysql://petakerja@localhost/petakerja');
  });

  it('adds and lists accounts on the database from the command line (user --database), and serve signs them in', async () => {
    const url = await createTestDatabase();
    const added = await runCli(['user', 'add', '--admin', '--username', 'ani', '--name', 'Ani', '--password-stdin', '--database', url], { input: `${TEST_PASSWORD}\n` });
    expect(added.stderr).toBe('');
    expect(added.stdout).toContain('Akun ani (admin) dibuat.');
    // PETAKERJA_DATABASE_URL names it too.
    const listed = await runCli(['user', 'list'], { env: { PETAKERJA_DATABASE_URL: url } });
    expect(listed.stdout).toMatch(/^ani\tAni\tadmin/);
    const served = await serveCli(['--database', url]);
    afterAll(() => void served.child.kill('SIGKILL'));
    expect((await new ApiClient(served.url).signIn('ani', TEST_PASSWORD)).status).toBe(200);
  });

  it('stops with an Indonesian message and exit code 1 when the database cannot be reached', async () => {
    const run = await runCli(['serve', '--port', '0', '--database', 'postgres://petakerja:rahasia@127.0.0.1:1/petakerja']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^Petakerja tidak dapat dijalankan: Basis data PostgreSQL postgres:\/\/petakerja:\*\*\*@127\.0\.0\.1:1\/petakerja tidak dapat dihubungi/);
    expect(run.stderr).not.toContain('rahasia');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
