// Issue 15, item 7: times on the public verification page are in the pemda's time zone (WIB, WITA or WIT), a setting
// whose default follows the repository's profile (Bali WITA, Gunung Mas WIB, nasional WIB) and an administrator changes.
import { describe, expect, it } from 'vitest';
import type { Profile } from '../../server/domain/vocabulary';
import { startServer } from '../../server/server';
import { dateIn, formatWaktuIn } from '../../server/settings/time-zone';
import { newSopMap, signSop, type CycleUsers } from '../helpers/review-cycle';
import { ApiClient, TEST_PASSWORD } from '../helpers/server';
import { tempDir } from '../helpers/temp-dir';

const UNIT = 'Dinas Pekerjaan Umum';

async function serverWith(defaultProfile?: Profile) {
  const running = await startServer({ dataDir: await tempDir(), port: 0, host: '127.0.0.1', publicUrl: 'https://sop.contoh.go.id', ...(defaultProfile ? { defaultProfile } : {}) });
  const admin = new ApiClient(running.url);
  const setup = await admin.api('/api/setup', { method: 'POST', json: { username: 'admin', password: TEST_PASSWORD, name: 'Admin', jabatan: '', unit: 'Bagian Organisasi' } });
  expect(setup.status, JSON.stringify(setup.body)).toBe(201);
  return { running, admin };
}

async function userOf(running: { url: string }, admin: ApiClient, role: string): Promise<ApiClient> {
  const username = `${role}.zona`;
  await admin.api('/api/users', { method: 'POST', json: { username, password: TEST_PASSWORD, name: `Pengguna ${role}`, jabatan: 'Staf', unit: UNIT, roles: [role] } });
  const client = new ApiClient(running.url);
  await client.signIn(username, TEST_PASSWORD);
  return client;
}

describe('formatWaktuIn', () => {
  it('shows an instant in each of the three zones with its abbreviation', () => {
    expect(formatWaktuIn('2026-11-26T17:15:00.000Z', 'Asia/Jakarta')).toBe('27 November 2026 pukul 00.15 WIB');
    expect(formatWaktuIn('2026-11-26T01:15:00.000Z', 'Asia/Makassar')).toBe('26 November 2026 pukul 09.15 WITA');
    expect(formatWaktuIn('2026-12-31T15:05:00.000Z', 'Asia/Jayapura')).toBe('1 Januari 2027 pukul 00.05 WIT');
  });
});

describe('dateIn', () => {
  it("gives the calendar date of an instant in the pemda's zone, not the server's", () => {
    expect(dateIn(new Date('2026-12-07T21:30:00.000Z'), 'Asia/Jakarta')).toBe('2026-12-08');
    expect(dateIn(new Date('2026-12-07T15:59:00.000Z'), 'Asia/Makassar')).toBe('2026-12-07');
    expect(dateIn(new Date('2026-12-07T16:00:00.000Z'), 'Asia/Makassar')).toBe('2026-12-08');
    expect(dateIn(new Date('2026-12-31T15:00:00.000Z'), 'Asia/Jayapura')).toBe('2027-01-01');
  });
});

describe("the pemda's time zone", () => {
  it('defaults from the profile: Bali WITA, Gunung Mas and nasional WIB', async () => {
    for (const [profile, abbreviation] of [['denpasar', 'WITA'], ['jembrana', 'WITA'], ['gunung-mas', 'WIB'], [undefined, 'WIB']] as const) {
      const { running, admin } = await serverWith(profile);
      try {
        expect((await admin.api('/api/settings')).body.timeZone, String(profile)).toMatchObject({ abbreviation, source: 'profile' });
      } finally {
        await running.close();
      }
    }
  });

  it('is changed by an administrator only, and the verification page shows the signing time in it', async () => {
    const { running, admin } = await serverWith('denpasar');
    try {
      const users: CycleUsers = { bureau: admin, penyusun: await userOf(running, admin, 'penyusun'), reviewer: await userOf(running, admin, 'reviewer'), pengesah: await userOf(running, admin, 'pengesah') };
      const mapId = await newSopMap(users.penyusun, UNIT, 'SOP zona waktu');
      // Signed without a Tanggal Efektif: the signing date in the pemda's zone (WITA here), not the server's (UTC).
      const [signature] = (await signSop(users, mapId, null)).signatures;
      expect(signature.tanggalEfektif).toBe(dateIn(new Date(signature.signedAt), 'Asia/Makassar'));
      const page = async () => (await (await fetch(`${running.url}/verifikasi/${signature.code}`)).text()).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

      expect(await page()).toContain(`Waktu pengesahan ${formatWaktuIn(signature.signedAt, 'Asia/Makassar')}`);
      expect(await page()).toMatch(/pukul \d\d\.\d\d WITA/);
      // Its first tab stop skips to the content.
      const html = await (await fetch(`${running.url}/verifikasi/${signature.code}`)).text();
      expect(html).toMatch(/<body>\s*<a class="skip-link" href="#isi">Langsung ke konten<\/a>/);
      expect(html).toContain('<main id="isi" tabindex="-1">');

      expect((await users.penyusun.api('/api/settings/time-zone', { method: 'PUT', json: { timeZone: 'Asia/Jayapura' } })).status).toBe(403);
      const bad = await admin.api('/api/settings/time-zone', { method: 'PUT', json: { timeZone: 'UTC' } });
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toContain('Zona waktu harus salah satu dari WIB');

      const set = await admin.api('/api/settings/time-zone', { method: 'PUT', json: { timeZone: 'Asia/Jayapura' } });
      expect(set.status).toBe(200);
      expect(set.body.timeZone).toMatchObject({ zone: 'Asia/Jayapura', abbreviation: 'WIT', source: 'admin', changedBy: 'admin' });
      expect((await users.penyusun.api('/api/settings')).body.timeZone).toMatchObject({ abbreviation: 'WIT' });
      expect(await page()).toContain(`Waktu pengesahan ${formatWaktuIn(signature.signedAt, 'Asia/Jayapura')}`);
      expect(await page()).not.toContain('UTC');

      const audit = (await admin.api('/api/audit?event=settings-changed')).body.items;
      expect(audit[0]).toMatchObject({ username: 'admin', detail: 'zona waktu: WIT (Asia/Jayapura)' });
    } finally {
      await running.close();
    }
  });
});
