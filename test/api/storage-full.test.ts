// A full disk (issue 13, item 10): the real server on a 2 MB tmpfs, filled to the last page. Writes answer
// 507 STORAGE_FULL ("penyimpanan penuh"), never 500; signing in works or answers 507; nothing stored is lost or
// corrupted, no temp file is left, and once space is freed the same data directory opens and takes writes again.
// Needs root (mount); skipped with the reason where the machine cannot mount a tmpfs.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { appendFile, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../server/server';
import { ApiClient, TEST_PASSWORD } from '../helpers/server';
import { SOP_IDENTITY } from '../helpers/sop-identity';

const mountPoint = mkdtempSync(path.join(os.tmpdir(), 'petakerja-tmpfs-'));
let mountFailure: string | undefined;
try {
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', mountPoint], { stdio: 'pipe' });
} catch (error) {
  mountFailure = `tmpfs tidak dapat dipasang di sini (${String((error as { stderr?: unknown }).stderr ?? error).trim()})`;
}
afterAll(() => {
  if (!mountFailure) execFileSync('umount', ['-l', mountPoint]);
  rmSync(mountPoint, { recursive: true, force: true });
});

const dataDir = path.join(mountPoint, 'data');
const filler = path.join(mountPoint, 'filler');

/** Appends to a filler file until the file system refuses: after this, no page is free. */
async function fillDisk(): Promise<void> {
  const chunk = Buffer.alloc(4096, 0x61);
  for (;;) {
    try {
      await appendFile(filler, chunk);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOSPC') break;
      throw error;
    }
  }
  // A last short write may fit into what a page-sized chunk did not.
  for (const size of [512, 64, 1]) {
    try {
      for (;;) await appendFile(filler, chunk.subarray(0, size));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
    }
  }
}

async function tempFilesUnder(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.tmp')) found.push(path.join(entry.parentPath, entry.name));
  }
  return found;
}

function expectStorageFull(response: { status: number; body: any }) {
  expect(response.status, JSON.stringify(response.body)).toBe(507);
  expect(response.body.error.code).toBe('STORAGE_FULL');
  expect(response.body.error.message).toMatch(/penyimpanan penuh/i);
}

describe.skipIf(mountFailure !== undefined)(`a full disk${mountFailure ? ` — dilewati: ${mountFailure}` : ''}`, () => {
  let running: RunningServer | undefined;
  afterAll(async () => {
    await running?.close();
  });

  it('answers 507 STORAGE_FULL on writes and on sign-in, loses nothing, and takes writes again once space is freed', async () => {
    const logs: string[] = [];
    running = await startServer({ dataDir, port: 0, host: '127.0.0.1', log: (line) => logs.push(line) });
    const admin = new ApiClient(running.url);
    const setup = await admin.api('/api/setup', {
      method: 'POST',
      json: { username: 'admin', password: TEST_PASSWORD, name: 'Admin Bagian Organisasi', jabatan: 'Analis Organisasi', unit: 'Bagian Organisasi' },
    });
    expect(setup.status, JSON.stringify(setup.body)).toBe(201);
    const created = await admin.api('/api/maps', { method: 'POST', json: { name: 'Penunjukan dalam unit', templateId: 'penunjukan-dalam-unit', unit: 'Dinas Kesehatan' } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const mapId = created.body.map.id as string;
    const saved = await admin.api(`/api/maps/${mapId}/sop`, { method: 'PUT', json: { version: 0, identity: SOP_IDENTITY } });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const before = {
      map: (await admin.api(`/api/maps/${mapId}`)).body,
      sop: (await admin.api(`/api/maps/${mapId}/sop`)).body,
    };

    await fillDisk();

    // Writes of each store: the SOP record, a map's metadata, a letterhead, an account.
    expectStorageFull(await admin.api(`/api/maps/${mapId}/sop`, { method: 'PUT', json: { version: 1, identity: { ...SOP_IDENTITY, nomor: '800/13/Org/2026' } } }));
    expectStorageFull(await admin.api(`/api/maps/${mapId}`, { method: 'PATCH', json: { name: 'Nama baru yang tidak tersimpan' } }));
    expectStorageFull(await admin.api(`/api/units/${encodeURIComponent('Dinas Kesehatan')}/letterhead`, { method: 'PUT', json: { pemda: 'Pemerintah Kota Denpasar' } }));
    expectStorageFull(
      await admin.api('/api/users', {
        method: 'POST',
        json: { username: 'tidak-tersimpan', password: TEST_PASSWORD, name: 'Tidak Tersimpan', jabatan: 'Staf', unit: 'Dinas Kesehatan', roles: ['pembaca'] },
      }),
    );

    // Signing in writes a session and an audit line: it works or answers 507, never 500.
    const visitor = new ApiClient(running.url);
    const signIn = await visitor.signIn('admin', TEST_PASSWORD);
    if (signIn.status !== 200) expectStorageFull(signIn);
    const wrong = await new ApiClient(running.url).signIn('admin', 'bukan-kata-sandinya');
    expect([401, 507], JSON.stringify(wrong.body)).toContain(wrong.status);
    if (wrong.status === 507) expectStorageFull(wrong);

    // Reads still answer, with what was stored before.
    expect((await admin.api(`/api/maps/${mapId}`)).body).toEqual(before.map);
    expect((await admin.api(`/api/maps/${mapId}/sop`)).body).toEqual(before.sop);
    expect(logs.join('\n')).not.toMatch(/ENOSPC/);
    expect(await tempFilesUnder(dataDir)).toEqual([]);

    // Reopened on the same directory: every document reads and validates, with the data of before.
    await running.close();
    running = undefined;
    await rm(filler);
    running = await startServer({ dataDir, port: 0, host: '127.0.0.1', log: (line) => logs.push(line) });
    const again = new ApiClient(running.url);
    expect((await again.signIn('admin', TEST_PASSWORD)).status).toBe(200);
    expect((await again.api(`/api/maps/${mapId}`)).body).toEqual(before.map);
    expect((await again.api(`/api/maps/${mapId}/sop`)).body).toEqual(before.sop);
    expect((await again.api('/api/users')).body.items.map((u: { username: string }) => u.username)).toEqual(['admin']);
    const afterwards = await again.api(`/api/maps/${mapId}/sop`, { method: 'PUT', json: { version: 1, identity: { ...SOP_IDENTITY, nomor: '800/13/Org/2026' } } });
    expect(afterwards.status, JSON.stringify(afterwards.body)).toBe(200);
    const audit = await again.api('/api/audit');
    expect(audit.status).toBe(200);
    // No audit line was left cut short by the full disk: every line of every month reads as JSON.
    const auditDir = path.join(dataDir, 'audit');
    for (const month of await readdir(auditDir)) {
      const lines = (await readFile(path.join(auditDir, month), 'utf8')).split('\n').filter(Boolean);
      expect(lines.length).toBeGreaterThan(0);
      for (const line of lines) expect(() => JSON.parse(line), line.slice(0, 200)).not.toThrow();
    }
  });
});
