import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startServer } from '../../server/server';
import { ACCOUNTS_FILE } from '../../server/store/lowdb-account-store';
import { ApiClient, startTestServer, TEST_PASSWORD } from '../helpers/server';
import { tempDir } from '../helpers/temp-dir';

const server = await startTestServer();

describe('first-run setup', () => {
  it('exists only while no account exists', async () => {
    const anonymous = server.anonymous();
    expect((await anonymous.api('/api/setup')).body).toEqual({ needed: false });
    const again = await anonymous.api('/api/setup', {
      method: 'POST',
      json: { username: 'penyusup', password: TEST_PASSWORD, name: 'Penyusup', jabatan: '', unit: '' },
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('SETUP_DONE');
  });

  it('makes the first account an admin and drafter, on a fresh data directory only once even when raced', async () => {
    const running = await startServer({ dataDir: await tempDir(), port: 0, host: '127.0.0.1' });
    try {
      const attempt = (username: string) =>
        new ApiClient(running.url).api('/api/setup', { method: 'POST', json: { username, password: TEST_PASSWORD, name: username, jabatan: '', unit: '' } });
      const results = await Promise.all([attempt('pertama'), attempt('kedua'), attempt('ketiga')]);
      expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409]);
      expect(results.find((r) => r.status === 201)!.body.user.roles).toEqual(['admin', 'penyusun']);
    } finally {
      await running.close();
    }
  });
});

describe('signing in and out', () => {
  it('sets an httpOnly SameSite cookie and gives the CSRF token with the session', async () => {
    const client = server.anonymous();
    const response = await client.signIn('admin', TEST_PASSWORD);
    expect(response.status).toBe(200);
    const cookie = response.headers.getSetCookie()[0]!;
    expect(cookie).toMatch(/^petakerja_sesi=[\w-]{43};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
    expect(response.body).toMatchObject({ user: { username: 'admin', roles: ['admin', 'penyusun'] }, allUnits: true });
    expect(response.body.user.passwordHash).toBeUndefined();
    expect((await client.api('/api/session')).body.csrfToken).toBe(response.body.csrfToken);
  });

  it('marks the cookie Secure behind a reverse proxy terminating https', async () => {
    const running = await startServer({ dataDir: await tempDir(), port: 0, host: '127.0.0.1', trustProxy: 'loopback' });
    try {
      const client = new ApiClient(running.url);
      await client.api('/api/setup', { method: 'POST', json: { username: 'proksi', password: TEST_PASSWORD, name: 'Proksi', jabatan: '', unit: '' } });
      const response = await client.api('/api/session', {
        method: 'POST',
        headers: { 'x-forwarded-proto': 'https' },
        json: { username: 'proksi', password: TEST_PASSWORD },
      });
      expect(response.headers.getSetCookie()[0]).toMatch(/; Secure/);
    } finally {
      await running.close();
    }
  });

  it('answers a wrong password and an unknown user alike', async () => {
    const wrong = await server.anonymous().signIn('admin', 'salah-sekali-123');
    const unknown = await server.anonymous().signIn('tidakada', 'salah-sekali-123');
    for (const response of [wrong, unknown]) {
      expect(response.status).toBe(401);
      expect(response.body.error).toMatchObject({ code: 'LOGIN_FAILED', message: 'Nama pengguna atau kata sandi salah.' });
    }
  });

  it('ends the session on logout: the old cookie no longer works', async () => {
    const client = server.anonymous();
    await client.signIn('admin', TEST_PASSWORD);
    const cookie = client.sessionCookie;
    expect((await client.api('/api/session', { method: 'DELETE' })).status).toBe(204);
    expect(client.sessionCookie).toBe('');
    const replay = await server.anonymous().api('/api/maps', { headers: { cookie } });
    expect(replay.status).toBe(401);
    expect(replay.body.error.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a state-changing request without the CSRF token, or with a wrong one', async () => {
    const client = await server.userWith(['penyusun']);
    for (const token of ['', 'x'.repeat(43)]) {
      const response = await client.api('/api/maps', { method: 'POST', headers: { 'x-csrf-token': token }, json: { name: 'CSRF', kind: 'subproses' } });
      expect(response.status).toBe(403);
      expect(response.body.error.code).toBe('CSRF_INVALID');
    }
    client.csrfToken = '';
    expect((await client.api('/api/maps', { method: 'POST', json: { name: 'CSRF', kind: 'subproses' } })).status).toBe(403);
  });
});

describe('login rate limiting', () => {
  it('blocks an account after 5 failures, even with the right password, and says when to retry', async () => {
    await server.userWith(['pembaca'], 'Dinas Kesehatan', 'sasaran-tebak');
    for (let i = 0; i < 5; i++) expect((await server.anonymous().signIn('sasaran-tebak', `tebakan-${i}-xxxx`)).status).toBe(401);
    const blocked = await server.anonymous().signIn('sasaran-tebak', TEST_PASSWORD);
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe('LOGIN_RATE_LIMITED');
    expect(blocked.body.error.details.retryAfterSeconds).toBeGreaterThan(800);
    expect(blocked.body.error.message).toMatch(/Coba lagi dalam 1[45] menit/);
    // Another account is not blocked by this one's failures.
    expect((await server.anonymous().signIn('admin', TEST_PASSWORD)).status).toBe(200);
  });

  it('blocks an address after 20 failures across accounts', async () => {
    const running = await startServer({ dataDir: await tempDir(), port: 0, host: '127.0.0.1' });
    try {
      const setup = new ApiClient(running.url);
      await setup.api('/api/setup', { method: 'POST', json: { username: 'pemilik', password: TEST_PASSWORD, name: 'Pemilik', jabatan: '', unit: '' } });
      for (let i = 0; i < 20; i++) await new ApiClient(running.url).signIn(`akun${i}`, 'salah-salah-123');
      const blocked = await new ApiClient(running.url).signIn('pemilik', TEST_PASSWORD);
      expect(blocked.status).toBe(429);
    } finally {
      await running.close();
    }
  });
});

describe('accounts administration', () => {
  it('ends the sessions of a disabled user, and refuses to disable the last admin', async () => {
    const reader = await server.userWith(['pembaca'], 'Dinas Kesehatan', 'akan-nonaktif');
    const users = (await server.api('/api/users')).body.items as Array<{ id: string; username: string }>;
    const id = users.find((u) => u.username === 'akan-nonaktif')!.id;
    expect((await server.api(`/api/users/${id}`, { method: 'PATCH', json: { disabled: true } })).body.user.disabled).toBe(true);
    expect((await reader.api('/api/session')).status).toBe(401);
    const retry = await server.anonymous().signIn('akan-nonaktif', TEST_PASSWORD);
    expect(retry.status).toBe(403);
    expect(retry.body.error.code).toBe('ACCOUNT_DISABLED');

    const adminId = users.find((u) => u.username === 'admin')!.id;
    const last = await server.api(`/api/users/${adminId}`, { method: 'PATCH', json: { roles: ['penyusun'] } });
    expect(last.status).toBe(409);
    expect(last.body.error.code).toBe('LAST_ADMIN');
  });

  it('changes a password: the other sessions end, this one stays', async () => {
    await server.userWith(['pembaca'], 'Dinas Kesehatan', 'ganti-sandi');
    const here = server.anonymous();
    const elsewhere = server.anonymous();
    await here.signIn('ganti-sandi', TEST_PASSWORD);
    await elsewhere.signIn('ganti-sandi', TEST_PASSWORD);
    const wrong = await here.api('/api/session/password', { method: 'POST', json: { currentPassword: 'bukan-sandinya', newPassword: 'sandi-baru-panjang' } });
    expect(wrong.body.error.code).toBe('PASSWORD_WRONG');
    expect((await here.api('/api/session/password', { method: 'POST', json: { currentPassword: TEST_PASSWORD, newPassword: 'sandi-baru-panjang' } })).status).toBe(204);
    expect((await here.api('/api/session')).status).toBe(200);
    expect((await elsewhere.api('/api/session')).status).toBe(401);
    expect((await server.anonymous().signIn('ganti-sandi', 'sandi-baru-panjang')).status).toBe(200);
  });

  it('validates accounts: username form, password length, NIP, known roles, unique username', async () => {
    const post = (json: Record<string, unknown>) =>
      server.api('/api/users', { method: 'POST', json: { username: 'valid.user', password: TEST_PASSWORD, name: 'Valid', jabatan: '', unit: '', roles: ['pembaca'], ...json } });
    expect((await post({ username: '../etc' })).body.error.code).toBe('VALIDATION_FAILED');
    expect((await post({ password: 'pendek' })).body.error.message).toContain('minimal 10 karakter');
    expect((await post({ nip: '123' })).body.error.message).toContain('18 angka');
    expect((await post({ roles: ['raja'] })).body.error.code).toBe('VALIDATION_FAILED');
    expect((await post({})).status).toBe(201);
    expect((await post({ username: 'VALID.user' })).body.error.code).toBe('USERNAME_TAKEN');
  });
});

describe('audit log', () => {
  it('records logins, failed logins and permission denials', async () => {
    const reader = await server.userWith(['pembaca'], 'Dinas Kesehatan', 'pembaca-audit');
    await server.anonymous().signIn('pembaca-audit', 'salah-salah-123');
    await reader.api('/api/users');
    const events = (await server.api('/api/audit?limit=50')).body.items as Array<{ event: string; username?: string; detail?: string }>;
    const of = (username: string) => events.filter((e) => e.username === username).map((e) => e.event);
    expect(of('pembaca-audit')).toEqual(expect.arrayContaining(['login', 'login-failed', 'permission-denied']));
    expect(events.find((e) => e.event === 'permission-denied' && e.username === 'pembaca-audit')!.detail).toContain('GET /api/users');
    expect((await reader.api('/api/audit')).status).toBe(403);
  });
});

describe('sessions across restarts', () => {
  it('keeps a session through a restart and ends it once expired', async () => {
    const dataDir = await tempDir();
    let running = await startServer({ dataDir, port: 0, host: '127.0.0.1' });
    const client = new ApiClient(running.url);
    await client.api('/api/setup', { method: 'POST', json: { username: 'tetap', password: TEST_PASSWORD, name: 'Tetap', jabatan: '', unit: '' } });
    const cookie = client.sessionCookie;
    await running.close();

    running = await startServer({ dataDir, port: 0, host: '127.0.0.1' });
    const after = await fetch(`${running.url}/api/session`, { headers: { cookie } });
    expect(after.status).toBe(200);
    await running.close();

    const file = path.join(dataDir, ACCOUNTS_FILE);
    const accounts = JSON.parse(await readFile(file, 'utf8'));
    expect(JSON.stringify(accounts)).not.toContain(cookie.split('=')[1]);
    accounts.sessions[0].expiresAt = new Date(Date.now() - 1000).toISOString();
    await writeFile(file, JSON.stringify(accounts));
    running = await startServer({ dataDir, port: 0, host: '127.0.0.1' });
    expect((await fetch(`${running.url}/api/session`, { headers: { cookie } })).status).toBe(401);
    await running.close();
  });
});

describe('security headers', () => {
  it('sends a Content-Security-Policy and the usual hardening headers on pages and API', async () => {
    for (const url of [`${server.url}/`, `${server.url}/api/setup`]) {
      const { headers } = await fetch(url);
      expect(headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(headers.get('x-content-type-options')).toBe('nosniff');
      expect(headers.get('referrer-policy')).toBe('no-referrer');
      expect(headers.get('x-powered-by')).toBeNull();
    }
  });
});
