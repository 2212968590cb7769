// Issue 13, item 9: the public address printed in the QR code of a signed SOP is a setting an administrator confirms
// (first-run setup, the admin page), or the CLI/env value; never taken from a request. Signing without one is refused.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startServer } from '../../server/server';
import { newSopMap, reviewStep, signSop, type CycleUsers } from '../helpers/review-cycle';
import { ApiClient, TEST_PASSWORD } from '../helpers/server';
import { tempDir } from '../helpers/temp-dir';

const UNIT = 'Dinas Pekerjaan Umum';

/** A server on a fresh data directory, its first admin set up with `setup` fields, and the cycle's users. */
async function serverWith(options: { publicUrl?: string; setup?: Record<string, unknown>; dataDir?: string } = {}) {
  const dataDir = options.dataDir ?? (await tempDir());
  const running = await startServer({ dataDir, port: 0, host: '127.0.0.1', ...(options.publicUrl ? { publicUrl: options.publicUrl } : {}) });
  const admin = new ApiClient(running.url);
  const setup = await admin.api('/api/setup', { method: 'POST', json: { username: 'admin', password: TEST_PASSWORD, name: 'Admin', jabatan: '', unit: 'Bagian Organisasi', ...options.setup } });
  const user = async (role: string) => {
    const username = `${role}.alamat`;
    await admin.api('/api/users', { method: 'POST', json: { username, password: TEST_PASSWORD, name: `Pengguna ${role}`, jabatan: 'Staf', unit: UNIT, roles: [role] } });
    const client = new ApiClient(running.url);
    await client.signIn(username, TEST_PASSWORD);
    return client;
  };
  const users: CycleUsers = { bureau: admin, penyusun: await user('penyusun'), reviewer: await user('reviewer'), pengesah: await user('pengesah') };
  return { running, dataDir, admin, setup, users };
}

function pdfText(bytes: Uint8Array, dir: string): string {
  writeFileSync(path.join(dir, 'sop.pdf'), bytes);
  return execFileSync('pdftotext', ['-layout', path.join(dir, 'sop.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
}

describe('the public address of signed SOPs', () => {
  it('refuses to sign while no address is confirmed, whatever Host the request carries, then signs with the confirmed one', async () => {
    const { running, admin, users } = await serverWith();
    try {
      expect((await users.pengesah.api('/api/settings')).body).toEqual({ publicUrl: null, timeZone: { zone: 'Asia/Jakarta', abbreviation: 'WIB', source: 'profile' } });
      const mapId = await newSopMap(users.penyusun, UNIT, 'SOP alamat publik');
      for (const [client, action] of [[users.penyusun, 'ajukan'], [users.reviewer, 'mulai-reviu'], [users.reviewer, 'setujui']] as const) {
        expect((await reviewStep(admin, client, mapId, action)).status).toBe(200);
      }
      const { seq } = (await admin.api(`/api/maps/${mapId}/review`)).body;
      const forged = await users.pengesah.api(`/api/maps/${mapId}/review/transitions`, {
        method: 'POST',
        headers: { host: 'penyerang.example', 'x-forwarded-host': 'penyerang.example' },
        json: { action: 'sahkan', baseSeq: seq, tanggalEfektif: '2026-12-01' },
      });
      expect(forged.status).toBe(409);
      expect(forged.body.error.code).toBe('PUBLIC_URL_NOT_CONFIRMED');
      expect(forged.body.error.message).toContain('alamat publik');
      expect((await admin.api(`/api/maps/${mapId}/review`)).body.signatures).toEqual([]);

      // Only an administrator confirms it; a malformed one is refused in Indonesian.
      expect((await users.pengesah.api('/api/settings/public-url', { method: 'PUT', json: { publicUrl: 'https://sop.contoh.go.id' } })).status).toBe(403);
      const bad = await admin.api('/api/settings/public-url', { method: 'PUT', json: { publicUrl: 'javascript:alert(1)' } });
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toContain('Alamat publik harus berupa alamat http(s)');
      const set = await admin.api('/api/settings/public-url', { method: 'PUT', json: { publicUrl: ' https://sop.contoh.go.id/ ' } });
      expect(set.status).toBe(200);
      expect(set.body.publicUrl).toMatchObject({ url: 'https://sop.contoh.go.id', source: 'admin', confirmedBy: 'admin' });

      const signed = await users.pengesah.api(`/api/maps/${mapId}/review/transitions`, {
        method: 'POST',
        headers: { host: 'penyerang.example' },
        json: { action: 'sahkan', baseSeq: (await admin.api(`/api/maps/${mapId}/review`)).body.seq, tanggalEfektif: '2026-12-01' },
      });
      expect(signed.status, JSON.stringify(signed.body)).toBe(200);
      const [signature] = signed.body.signatures;
      expect(signature.verifyUrl).toBe(`https://sop.contoh.go.id/verifikasi/${signature.code}`);
      const pdf = await fetch(running.url + signature.pdfUrl, { headers: { cookie: users.penyusun.sessionCookie } });
      const text = pdfText(new Uint8Array(await pdf.arrayBuffer()), await tempDir());
      expect(text).toContain(`sop.contoh.go.id/verifikasi/${signature.code}`);
      expect(text).not.toContain('127.0.0.1');
      expect(text).not.toContain('penyerang');

      const audit = (await admin.api('/api/audit?event=settings-changed')).body.items;
      expect(audit[0]).toMatchObject({ username: 'admin', detail: 'alamat publik: https://sop.contoh.go.id' });
    } finally {
      await running.close();
    }
  });

  it('keeps the address the first administrator confirmed at setup across a restart; the admin sees the proxy setting', async () => {
    const dataDir = await tempDir();
    const first = await serverWith({ dataDir, setup: { publicUrl: 'https://peta.pemkab.go.id/petakerja' } });
    expect(first.setup.status).toBe(201);
    // The address is a setting, not a field of the account.
    expect(first.setup.body.user.publicUrl).toBeUndefined();
    await first.running.close();
    const running = await startServer({ dataDir, port: 0, host: '127.0.0.1', trustProxy: 1 });
    try {
      const admin = new ApiClient(running.url);
      await admin.signIn('admin', TEST_PASSWORD);
      const settings = (await admin.api('/api/settings')).body;
      expect(settings).toMatchObject({ publicUrl: { url: 'https://peta.pemkab.go.id/petakerja', source: 'admin' }, trustProxy: '1' });
      const reader = new ApiClient(running.url);
      await reader.signIn('penyusun.alamat', TEST_PASSWORD);
      expect((await reader.api('/api/settings')).body.trustProxy).toBeUndefined();
    } finally {
      await running.close();
    }
  });

  it('uses the --public-url setting when given, which the admin page cannot change', async () => {
    const { running, admin, users } = await serverWith({ publicUrl: 'https://sop.kota.go.id' });
    try {
      expect((await admin.api('/api/settings')).body.publicUrl).toEqual({ url: 'https://sop.kota.go.id', source: 'cli' });
      const refused = await admin.api('/api/settings/public-url', { method: 'PUT', json: { publicUrl: 'https://lain.go.id' } });
      expect(refused.status).toBe(409);
      expect(refused.body.error.code).toBe('PUBLIC_URL_FROM_CLI');
      const mapId = await newSopMap(users.penyusun, UNIT, 'SOP alamat dari CLI');
      const view = await signSop(users, mapId);
      expect(view.signatures[0].verifyUrl).toBe(`https://sop.kota.go.id/verifikasi/${view.signatures[0].code}`);
    } finally {
      await running.close();
    }
  });
});
