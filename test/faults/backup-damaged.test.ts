// A BPMN body missing or corrupt in the data directory: the backup must fail loudly naming the map, not write an
// archive that cannot be restored; a restore of such an archive refuses, or with --lewati-rusak restores the intact
// maps and sets the damaged one aside.
import { existsSync } from 'node:fs';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as tar from 'tar';
import { describe, expect, it } from 'vitest';
import { runCli, serveCli } from '../helpers/cli';
import { minimalBpmn } from '../helpers/fixtures';
import { ApiClient, TEST_PASSWORD } from '../helpers/server';
import { tempDir } from '../helpers/temp-dir';

const bodyPath = (data: string, hash: string) => path.join(data, 'bpmn', hash.slice(0, 2), `${hash}.bpmn`);

/** Two maps of two revisions each, saved through the real server; returns their ids and the sha256 of each revision. */
async function twoMaps(data: string) {
  const add = await runCli(['user', 'add', '--username', 'ani', '--password-stdin', '--roles', 'penyusun', '--data', data], { input: `${TEST_PASSWORD}\n` });
  expect(add.code, add.stderr).toBe(0);
  const { url, child } = await serveCli(['--data', data]);
  const client = new ApiClient(url);
  await client.signIn('ani', TEST_PASSWORD);
  const maps: Array<{ id: string; code: string; name: string; hashes: string[] }> = [];
  for (const name of ['Peta utuh', 'Peta yang akan rusak']) {
    const created = await client.api('/api/maps', { method: 'POST', json: { name, kind: 'lintas-fungsi', unit: 'Dinas Sosial' } });
    expect(created.status).toBe(201);
    const id = created.body.map.id as string;
    const saved = await client.api(`/api/maps/${id}/revisions`, { method: 'POST', json: { xml: minimalBpmn(`${name} langkah kedua`), baseRevision: 1, message: 'kedua' } });
    expect(saved.status).toBe(201);
    const revisions = (await client.api(`/api/maps/${id}/revisions`)).body.items as Array<{ sha256: string }>;
    maps.push({ id, code: created.body.map.code, name, hashes: revisions.map((r) => r.sha256) });
  }
  const exited = new Promise((resolve) => child.on('exit', resolve));
  child.kill('SIGTERM');
  await exited;
  return maps;
}

describe('backup of a data directory with a damaged BPMN body', () => {
  it('fails with a non-zero exit naming the map when a body is missing or corrupt, and writes no archive', async () => {
    const data = await tempDir();
    const [, damaged] = await twoMaps(data);
    const out = path.join(await tempDir(), 'cadangan.tar.gz');

    // Missing body (revision 2).
    const missing = bodyPath(data, damaged!.hashes[1]!);
    const kept = await readFile(missing);
    await rm(missing);
    const first = await runCli(['backup', '--data', data, '--out', out]);
    expect(first.code).toBe(1);
    expect(first.stderr).toContain('Cadangan tidak dibuat');
    expect(first.stderr).toContain(`«Peta yang akan rusak»`);
    expect(first.stderr).toContain(damaged!.id);
    expect(first.stderr).toMatch(/isi BPMN revisi 2 hilang/);
    expect(first.stderr).not.toContain('Peta utuh');
    expect(existsSync(out)).toBe(false);
    expect(existsSync(`${out}.partial`)).toBe(false);

    // Corrupt body: same name, other bytes.
    await writeFile(missing, Buffer.concat([kept, Buffer.from('<!-- rusak -->')]));
    const second = await runCli(['backup', '--data', data, '--out', out]);
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(/isi BPMN revisi 2 rusak: isinya tidak cocok dengan sha256/);
    expect(existsSync(out)).toBe(false);
    expect((await readdir(data)).filter((n) => n.startsWith('.backup-')), 'no staging left behind').toEqual([]);

    // Repaired: the backup succeeds again, and the data directory lost nothing.
    await writeFile(missing, kept);
    const third = await runCli(['backup', '--data', data, '--out', out]);
    expect(third.code, third.stderr).toBe(0);
    expect(existsSync(out)).toBe(true);
    // Several start-ups of the CLI on 2 shared cores: more than the default 120 s under load.
  }, 300_000);
});

describe('restore of an archive holding a damaged map', () => {
  it('refuses all by default naming the map, and with --lewati-rusak restores the intact map, sets the damaged one aside and exits 3', async () => {
    const data = await tempDir();
    const [intact, damaged] = await twoMaps(data);
    // An archive as an earlier version's backup (which did not verify) wrote it: the body of revision 1 missing.
    await rm(bodyPath(data, damaged!.hashes[0]!));
    const archive = path.join(await tempDir(), 'lama.tar.gz');
    const files = (await readdir(data, { recursive: true, withFileTypes: true }))
      .filter((e) => e.isFile() && e.name !== 'petakerja.lock')
      .map((e) => path.relative(data, path.join(e.parentPath, e.name)));
    await tar.create({ gzip: true, file: archive, cwd: data, portable: true }, files);

    const target = path.join(await tempDir(), 'pulih');
    const refused = await runCli(['restore', '--in', archive, '--data', target]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('1 peta rusak; tidak ada yang dipulihkan');
    expect(refused.stderr).toContain(damaged!.id);
    expect(refused.stderr).toContain('--lewati-rusak');
    expect(existsSync(target)).toBe(false);

    const partial = await runCli(['restore', '--in', archive, '--data', target, '--lewati-rusak']);
    expect(partial.code, partial.stderr).toBe(3);
    expect(partial.stdout).toContain('1 peta, 2 revisi utuh, 1 akun');
    expect(partial.stderr).toContain('1 peta rusak tidak dipulihkan');
    expect(partial.stderr).toContain(`«Peta yang akan rusak»`);
    expect(partial.stderr).toMatch(/isi BPMN revisi 1 hilang/);
    expect(existsSync(path.join(target, 'rusak', damaged!.id, 'maps.json'))).toBe(true);

    const { url, child } = await serveCli(['--data', target]);
    const client = new ApiClient(url);
    expect((await client.signIn('ani', TEST_PASSWORD)).status).toBe(200);
    expect((await client.api(`/api/maps/${intact!.id}/revisions/2/xml`)).body).toContain('Peta utuh langkah kedua');
    expect((await client.api(`/api/maps/${damaged!.id}`)).status).toBe(404);
    const exited = new Promise((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    // Several start-ups of the CLI on 2 shared cores: more than the default 120 s under load.
  }, 300_000);
});
