// Values that used to be stored wrong (issue 13, item 10), through the real server: a Tanggal Efektif of 1900-01-01 is
// refused before signing; a unit named `__proto__` (or `constructor`) keeps its letterhead across a restart.
import { describe, expect, it } from 'vitest';
import { startServer } from '../../server/server';
import { ApiClient, TEST_PASSWORD } from '../helpers/server';
import { SOP_IDENTITY } from '../helpers/sop-identity';
import { tempDir } from '../helpers/temp-dir';

async function withServer<T>(dataDir: string, use: (admin: ApiClient) => Promise<T>, setup = false): Promise<T> {
  const running = await startServer({ dataDir, port: 0, host: '127.0.0.1', log: () => undefined });
  try {
    const admin = new ApiClient(running.url);
    const signedIn = setup
      ? await admin.api('/api/setup', {
          method: 'POST',
          json: { username: 'admin', password: TEST_PASSWORD, name: 'Admin Bagian Organisasi', jabatan: 'Analis Organisasi', unit: 'Bagian Organisasi' },
        })
      : await admin.signIn('admin', TEST_PASSWORD);
    expect(signedIn.status, JSON.stringify(signedIn.body)).toBeLessThan(300);
    return await use(admin);
  } finally {
    await running.close();
  }
}

describe('stored values', () => {
  it('keeps the letterhead of a unit named __proto__ or constructor across a restart', async () => {
    const dataDir = await tempDir('petakerja-server-');
    const units = ['__proto__', 'constructor', 'Dinas Kesehatan'];
    const url = (unit: string) => `/api/units/${encodeURIComponent(unit)}/letterhead`;
    await withServer(
      dataDir,
      async (admin) => {
        for (const unit of units) {
          const saved = await admin.api(url(unit), { method: 'PUT', json: { pemda: `Pemerintah Kota Denpasar`, unit } });
          expect(saved.status, JSON.stringify(saved.body)).toBe(200);
        }
      },
      true,
    );
    await withServer(dataDir, async (admin) => {
      for (const unit of units) {
        const read = await admin.api(url(unit));
        expect(read.status, unit).toBe(200);
        expect(JSON.stringify(read.body), unit).toContain(`"unit":"${unit}"`);
        expect(JSON.stringify(read.body), unit).toContain('Pemerintah Kota Denpasar');
      }
    });
  });

  it('refuses a Tanggal Efektif of 1900-01-01 when signing, and in the SOP identity, naming the range', async () => {
    const dataDir = await tempDir('petakerja-server-');
    await withServer(
      dataDir,
      async (admin) => {
        const created = await admin.api('/api/maps', { method: 'POST', json: { name: 'Penunjukan dalam unit', templateId: 'penunjukan-dalam-unit', unit: 'Dinas Kesehatan' } });
        expect(created.status).toBe(201);
        const id = created.body.map.id as string;
        const signing = await admin.api(`/api/maps/${id}/review/transitions`, { method: 'POST', json: { action: 'sahkan', baseSeq: 0, tanggalEfektif: '1900-01-01' } });
        expect(signing.status).toBe(400);
        expect(signing.body.error.code).toBe('VALIDATION_FAILED');
        expect(signing.body.error.message).toMatch(/tanggalEfektif: .*antara 2000-01-01 dan 2099-12-31/);
        const identity = await admin.api(`/api/maps/${id}/sop`, { method: 'PUT', json: { version: 0, identity: { ...SOP_IDENTITY, tanggalEfektif: '1900-01-01' } } });
        expect(identity.status).toBe(400);
        expect(identity.body.error.message).toMatch(/identity\.tanggalEfektif: .*antara 2000-01-01 dan 2099-12-31/);
        expect((await admin.api(`/api/maps/${id}/sop`)).body.record).toBeNull();
      },
      true,
    );
  });
});
