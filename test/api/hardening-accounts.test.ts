// Issue 13, items 5 and 10: throttled refusals are counted in the audit log instead of written one by one; the
// audit log pages and filters; password changes are throttled and audited; every 429/503 says Retry-After; a body
// whose Content-Encoding lies answers 400 with a code. Each against the real server on its own data directory (the
// throttle counts per address, and every request here comes from 127.0.0.1).
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { AuditEvent } from '../../server/accounts/accounts.records';
import { startServer } from '../../server/server';
import { openJsonlAuditLog } from '../../server/store/jsonl-audit-log';
import { AUDIT_DIR } from '../../server/store/jsonl-audit-log';
import { ApiClient, startTestServer, TEST_PASSWORD } from '../helpers/server';
import { tempDir } from '../helpers/temp-dir';
import { ambientLatency, BLOCKING_BOUND_MS } from '../helpers/probe';

async function auditLines(dataDir: string): Promise<AuditEvent[]> {
  const dir = path.join(dataDir, AUDIT_DIR);
  const files = (await readdir(dir)).sort();
  const text = (await Promise.all(files.map((f) => readFile(path.join(dir, f), 'utf8')))).join('');
  return text.split('\n').filter(Boolean).map((line) => AuditEvent.parse(JSON.parse(line)));
}

describe('throttled refusals in the audit log (item 5)', () => {
  it('writes one line per account and address per window, with the count of the refusals it stands for', async () => {
    const dataDir = await tempDir();
    const running = await startServer({ dataDir, port: 0, host: '127.0.0.1' });
    const client = new ApiClient(running.url);
    await client.api('/api/setup', { method: 'POST', json: { username: 'admin', password: TEST_PASSWORD, name: 'Admin', jabatan: '', unit: '' } });
    const attacker = new ApiClient(running.url);
    const ambientMs = await ambientLatency(() => client.api('/api/session'));
    const statuses: number[] = [];
    const flood = (async () => {
      for (let i = 0; i < 60; i++) statuses.push((await attacker.signIn('admin', `tebakan-${i}-salah`)).status);
    })();
    // While the flood runs, a signed-in user is answered within 200 ms of the machine's own pace (probe.ts).
    while (statuses.length < 10) await attacker.api('/api/setup');
    const probeStart = performance.now();
    expect((await client.api('/api/session')).status).toBe(200);
    expect(performance.now() - probeStart - ambientMs).toBeLessThan(BLOCKING_BOUND_MS);
    await flood;
    const refused = statuses.filter((s) => s === 429).length;
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(refused).toBe(55);
    await running.close();

    const failed = (await auditLines(dataDir)).filter((e) => e.event === 'login-failed' && e.username === 'admin');
    // Five wrong passwords, one line for the first refusal, one line counting the other 54 (written at shutdown).
    expect(failed.length).toBe(7);
    expect(failed.filter((e) => e.detail === 'kata sandi salah')).toHaveLength(5);
    const refusals = failed.filter((e) => e.detail?.startsWith('ditolak'));
    expect(refusals.reduce((sum, e) => sum + (e.count ?? 1), 0)).toBe(refused);
    expect(refusals.at(-1)!.detail).toMatch(/54 kali lagi sejak/);
  });
});

describe('the audit page pages and filters (item 5)', () => {
  it('gives every event of the filter once across pages, newest first, over several months', async () => {
    const dataDir = await tempDir();
    const log = await openJsonlAuditLog(dataDir);
    const written: AuditEvent[] = [];
    for (const [month, days] of [['2026-09', 30], ['2026-10', 31], ['2026-11', 30]] as const) {
      for (let day = 1; day <= days; day++) {
        for (let hour = 0; hour < 24; hour += 6) {
          const event: AuditEvent = {
            at: `${month}-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00.000Z`,
            event: hour === 6 ? 'login-failed' : 'login',
            ip: '10.0.0.1',
            username: day % 3 === 0 ? 'budi' : 'sari',
            detail: 'x'.repeat(day * 5),
          };
          await log.append(event);
          written.push(event);
        }
      }
    }
    await log.close();
    const running = await startServer({ dataDir, port: 0, host: '127.0.0.1' });
    try {
      const admin = new ApiClient(running.url);
      await admin.api('/api/setup', { method: 'POST', json: { username: 'admin', password: TEST_PASSWORD, name: 'Admin', jabatan: '', unit: '' } });
      const all = async (query: string) => {
        const pages: AuditEvent[][] = [];
        let before = '';
        for (;;) {
          const page = await admin.api(`/api/audit?limit=7&${query}${before ? `&before=${encodeURIComponent(before)}` : ''}`);
          expect(page.status).toBe(200);
          expect(page.body.items.length).toBeLessThanOrEqual(7);
          pages.push(page.body.items);
          if (!page.body.nextCursor) return pages.flat();
          before = page.body.nextCursor;
        }
      };
      const expected = (keep: (e: AuditEvent) => boolean) => written.filter(keep).reverse();

      const filtered = await all('from=2026-09-28&to=2026-10-03&user=budi&event=login-failed');
      expect(filtered).toEqual(expected((e) => e.at >= '2026-09-28' && e.at.slice(0, 10) <= '2026-10-03' && e.username === 'budi' && e.event === 'login-failed'));
      expect(filtered.length).toBe(2);

      const october = await all('from=2026-10-01&to=2026-10-31');
      expect(october).toEqual(expected((e) => e.at.startsWith('2026-10')));

      const everything = (await all('user=sari')).filter((e) => e.ip === '10.0.0.1');
      expect(everything).toEqual(expected((e) => e.username === 'sari'));

      const bad = await admin.api('/api/audit?from=kemarin');
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toContain('TTTT-BB-HH');
    } finally {
      await running.close();
    }
  });
});

describe('changing the password (item 10)', () => {
  it('is throttled like signing in and audited: wrong current passwords, then the right one, are refused', async () => {
    const server = await startTestServer();
    const user = await server.userWith(['penyusun'], 'Dinas Kesehatan', 'ganti-sandi');
    const results: Array<{ status: number; code?: string; retryAfter: string | null }> = [];
    for (let i = 0; i < 25; i++) {
      const r = await user.api('/api/session/password', { method: 'POST', json: { currentPassword: `salah-salah-${i}`, newPassword: 'kata-sandi-baru-456' } });
      results.push({ status: r.status, code: r.body.error?.code, retryAfter: r.headers.get('retry-after') });
    }
    expect(results.slice(0, 5).map((r) => r.code)).toEqual(Array(5).fill('PASSWORD_WRONG'));
    expect(new Set(results.slice(5).map((r) => r.code))).toEqual(new Set(['PASSWORD_RATE_LIMITED']));
    expect(Number(results[5]!.retryAfter)).toBeGreaterThan(0);

    const right = await user.api('/api/session/password', { method: 'POST', json: { currentPassword: TEST_PASSWORD, newPassword: 'kata-sandi-baru-456' } });
    expect(right.status).toBe(429);
    expect(right.body.error.message).toContain('menit');
    // The password was not changed: the account's own session still works and the new password is unknown to the store.
    expect((await user.api('/api/session')).status).toBe(200);

    const events = (await server.api('/api/audit?user=ganti-sandi&event=password-change-failed')).body.items as AuditEvent[];
    expect(events.filter((e) => e.detail === 'kata sandi saat ini salah')).toHaveLength(5);
    expect(events.some((e) => e.detail?.startsWith('ditolak'))).toBe(true);
  });
});

describe('Retry-After and malformed bodies (item 10)', () => {
  it('sends Retry-After with the throttled sign-in', async () => {
    const server = await startTestServer();
    let last = await server.anonymous().signIn('admin', 'salah-salah-0');
    for (let i = 1; i <= 5; i++) last = await server.anonymous().signIn('admin', `salah-salah-${i}`);
    expect(last.status).toBe(429);
    const seconds = Number(last.headers.get('retry-after'));
    expect(seconds).toBe(last.body.error.details.retryAfterSeconds);
    expect(seconds).toBeGreaterThan(0);
  });

  it('sends Retry-After with the 503 of a server whose interface is not built', async () => {
    const running = await startServer({ dataDir: await tempDir(), port: 0, host: '127.0.0.1', clientDir: await tempDir() });
    try {
      const response = await fetch(running.url);
      expect(response.status).toBe(503);
      expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await response.text()).toContain('npm run build');
    } finally {
      await running.close();
    }
  });

  it('answers 400 with a code, not 500, to a body that is not what its Content-Encoding says', async () => {
    const server = await startTestServer();
    for (const encoding of ['gzip', 'deflate', 'br', 'GZIP']) {
      const response = await fetch(`${server.url}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-encoding': encoding },
        body: '{"username":"admin","password":"tidak dimampatkan"}',
      });
      expect(response.status, encoding).toBe(400);
      const body = await response.json();
      expect(body.error.code).toBe('BODY_ENCODING_MALFORMED');
      expect(body.error.message).toContain('Content-Encoding');
    }
    // A body that is what it says still signs in.
    const honest = await fetch(`${server.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body: gzipSync(JSON.stringify({ username: 'admin', password: TEST_PASSWORD })),
    });
    expect(honest.status).toBe(200);
    expect(server.logs.filter((line) => line.includes('incorrect header check'))).toEqual([]);
  });
});
