// `petakerja pemda add|list` (docs/storage.md, Many pemda): pemda added to a PostgreSQL database with their first
// administrator (password from PETAKERJA_ADMIN_PASSWORD, never an argument), refusals in Indonesian with their codes,
// and the one pemda of a data directory.
import { describe, expect, it } from 'vitest';
import { verifyPassword } from '../../server/accounts/password';
import { openPostgresStore } from '../../server/store/postgres/open-postgres-store';
import { runCli } from '../helpers/cli';
import { createTestDatabase } from '../helpers/postgres';
import { tempDir } from '../helpers/temp-dir';

const PASSWORD = { PETAKERJA_ADMIN_PASSWORD: 'kata-sandi-uji-123' };

describe('petakerja pemda', () => {
  it('adds a provinsi and its kabupaten with their admins, lists them, and refuses a duplicate or a wrong province', async () => {
    const url = await createTestDatabase();
    const added = await runCli(['pemda', 'add', '--database', url, '--id', 'jateng', '--name', 'Provinsi Jawa Tengah', '--kind', 'provinsi', '--admin', 'admin.jateng'], { env: PASSWORD });
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toContain('Pemda jateng (Provinsi Provinsi Jawa Tengah) dibuat, dengan admin admin.jateng.');
    const child = await runCli(
      ['pemda', 'add', '--database', url, '--id', 'kab-semarang', '--name', 'Kabupaten Semarang', '--kind', 'kabupaten', '--province', 'jateng', '--admin', 'admin.semarang'],
      { env: PASSWORD },
    );
    expect(child.code, child.stderr).toBe(0);
    const duplicate = await runCli(['pemda', 'add', '--database', url, '--id', 'jateng', '--name', 'Lagi', '--kind', 'provinsi', '--admin', 'admin.lain'], { env: PASSWORD });
    expect(duplicate.code).toBe(1);
    expect(duplicate.stderr).toContain('Pemda dengan id "jateng" sudah ada');
    const wrongProvince = await runCli(
      ['pemda', 'add', '--database', url, '--id', 'kota-x', '--name', 'Kota X', '--kind', 'kota', '--province', 'kab-semarang', '--admin', 'admin.x'],
      { env: PASSWORD },
    );
    expect(wrongProvince.code).toBe(1);
    expect(wrongProvince.stderr).toContain('bukan provinsi');
    const takenAdmin = await runCli(['pemda', 'add', '--database', url, '--id', 'kota-y', '--name', 'Kota Y', '--kind', 'kota', '--admin', 'admin.jateng'], { env: PASSWORD });
    expect(takenAdmin.code).toBe(1);
    expect(takenAdmin.stderr).toContain('sudah dipakai');
    const noPassword = await runCli(['pemda', 'add', '--database', url, '--id', 'kota-z', '--name', 'Kota Z', '--kind', 'kota', '--admin', 'admin.z'], { input: '' });
    expect(noPassword.code).toBe(2);
    expect(noPassword.stderr).toContain('PETAKERJA_ADMIN_PASSWORD');

    // The accounts of one pemda from the command line; a password is changed in the account's own pemda.
    const staff = await runCli(['user', 'add', '--database', url, '--pemda', 'kab-semarang', '--username', 'staf.semarang', '--roles', 'pembaca', '--password-stdin'], {
      input: 'kata-sandi-staf-123\n',
    });
    expect(staff.code, staff.stderr).toBe(0);
    const users = await runCli(['user', 'list', '--database', url, '--pemda', 'kab-semarang']);
    expect(users.stdout).toContain('admin.semarang');
    expect(users.stdout).toContain('staf.semarang');
    expect(users.stdout).not.toContain('admin.jateng');
    const passwd = await runCli(['user', 'passwd', '--database', url, '--username', 'admin.semarang', '--password-stdin'], { input: 'kata-sandi-baru-123\n' });
    expect(passwd.code, passwd.stderr).toBe(0);

    const list = await runCli(['pemda', 'list', '--database', url]);
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout.trim().split('\n')).toEqual(['default\tKabupaten\tPemda', 'jateng\tProvinsi\tProvinsi Jawa Tengah', 'kab-semarang\tKabupaten\tKabupaten Semarang\t(provinsi: jateng)']);
    const store = await openPostgresStore(url);
    try {
      expect(await store.accounts.findUserByUsername('admin.semarang')).toMatchObject({ pemda: 'kab-semarang', roles: ['admin', 'penyusun'] });
      expect(await store.accounts.findUserByUsername('admin.jateng')).toMatchObject({ pemda: 'jateng', roles: ['admin', 'penyusun', 'pembina'] });
      expect(await store.accounts.findUserByUsername('staf.semarang')).toMatchObject({ pemda: 'kab-semarang', roles: ['pembaca'] });
      const changed = await store.accounts.findUserByUsername('admin.semarang');
      expect(await verifyPassword('kata-sandi-baru-123', changed!.passwordHash)).toBe(true);
      expect(await store.pemdas.get('kota-x')).toBeUndefined();
      expect(await store.pemdas.get('kota-y')).toBeUndefined();
    } finally {
      await store.close();
    }
  });

  it('says a data directory holds one pemda', async () => {
    const dir = await tempDir();
    const add = await runCli(['pemda', 'add', '--data', dir, '--id', 'kab-a', '--name', 'Kabupaten A', '--kind', 'kabupaten', '--admin', 'admin.a'], { env: PASSWORD });
    expect(add.code).toBe(1);
    expect(add.stderr).toContain('hanya memuat satu pemda; gunakan PostgreSQL');
    const list = await runCli(['pemda', 'list', '--data', dir]);
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toContain('default\tKabupaten\tPemda');
    expect(list.stdout).toContain('memuat satu pemda');
  });
});
