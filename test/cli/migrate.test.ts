// `petakerja migrate` and `backup`/`restore --database` through the compiled CLI, on real stores: a data directory
// filled through the real API (maps with revisions, an imported original, an SOP signed through the review cycle),
// moved to the run's PostgreSQL and back, compared record by record and body by body; a signed SOP still verifies on
// the database. The bodies are re-hashed on arrival (importMap with bytes that do not match is refused, both stores).
import { createHash } from 'node:crypto';
import { cp, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startServer } from '../../server/server';
import { openPostgresStore } from '../../server/store/postgres/open-postgres-store';
import { openEmbeddedStore, type Store } from '../../server/store/store';
import { runCli } from '../helpers/cli';
import { minimalBpmn } from '../helpers/fixtures';
import { createTestDatabase } from '../helpers/postgres';
import { newSopMap, signSop } from '../helpers/review-cycle';
import { startTestServer } from '../helpers/server';
import { tempDir } from '../helpers/temp-dir';

const UNIT = 'Dinas Kesehatan';

/** Everything a store holds that a move must keep, in one comparable value (bodies as sha256 of their bytes). */
async function contentOf(store: Store) {
  const sha = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');
  const maps = (await store.maps.listMaps({})).sort((a, b) => a.id.localeCompare(b.id));
  const perMap = [];
  for (const map of maps) {
    const revisions = await store.maps.listRevisions(map.id);
    const xml = [];
    for (const r of revisions) xml.push(await store.maps.readRevisionXml(map.id, r.n));
    const original = revisions[0]!.original ? await store.maps.readOriginal(map.id) : undefined;
    perMap.push({ map, revisions, xml, original: original && { fileName: original.fileName, sha256: sha(original.bytes) }, sop: await store.sop.listSopVersions(map.id) });
  }
  const reviews = (await store.review.list()).sort((a, b) => a.mapId.localeCompare(b.mapId));
  const files = [];
  for (const review of reviews) for (const s of review.signatures) files.push(sha(await store.review.readFile(s.pdf.sha256)));
  const audit = await store.audit.query({ limit: 10_000 });
  return {
    listing: await store.maps.listMaps({ unit: UNIT }),
    perMap,
    reviews,
    files,
    users: (await store.accounts.exportUsers()).sort((a, b) => a.id.localeCompare(b.id)),
    letterheads: await store.sop.listLetterheads(),
    settings: store.settings.read(),
    audit: audit.items,
  };
}

async function withStore<T>(location: string, use: (store: Store) => Promise<T>): Promise<T> {
  const store = location.startsWith('postgres') ? await openPostgresStore(location) : await openEmbeddedStore(location);
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}

// The source: a data directory filled through the real server, then closed (migrate needs the directory's lock).
const server = await startTestServer({ postgres: false });
const penyusun = await server.userWith(['penyusun'], UNIT, 'penyusun.pindah');
const reviewer = await server.userWith(['reviewer'], UNIT, 'reviewer.pindah');
const pengesah = await server.userWith(['pengesah'], UNIT, 'pengesah.pindah');
const signedMap = await newSopMap(penyusun, UNIT, 'SOP yang dipindahkan');
for (const n of [1, 2]) {
  const xml = (await penyusun.api(`/api/maps/${signedMap}/revisions/${n}/xml`)).body as string;
  const saved = await penyusun.api(`/api/maps/${signedMap}/revisions`, {
    method: 'POST',
    json: { xml: xml.replace(/(<\/[\w-]*:?definitions>)/, `<!-- revisi ${n + 1} -->$1`), baseRevision: n, message: `Revisi ${n + 1}` },
  });
  expect(saved.status, JSON.stringify(saved.body)).toBe(201);
}
const imported = await penyusun.api(`/api/import?unit=${encodeURIComponent(UNIT)}`, { method: 'POST', headers: { 'content-type': 'application/xml' }, body: minimalBpmn() });
expect(imported.status, JSON.stringify(imported.body)).toBe(201);
const signed = await signSop({ bureau: server.admin, penyusun, reviewer, pengesah }, signedMap);
const signature = signed.signatures[0] as { code: string; pdf: { sha256: string } };
await server.close();
const sourceDir = server.dataDir;
const sourceContent = await withStore(sourceDir, contentOf);

describe('petakerja migrate', () => {
  it('moves a data directory to PostgreSQL and back with every record, body, signed PDF and verification kept', async () => {
    expect(sourceContent.perMap).toHaveLength(2);
    expect(sourceContent.perMap[0]!.revisions.length + sourceContent.perMap[1]!.revisions.length).toBe(4);
    expect(sourceContent.perMap.some((m) => m.original)).toBe(true);
    expect(sourceContent.files).toEqual([signature.pdf.sha256]);

    const database = await createTestDatabase();
    const there = await runCli(['migrate', '--from', sourceDir, '--to', database]);
    expect(there.code, there.stderr).toBe(0);
    expect(there.stderr).toContain('Peta: 2/2 dipindahkan (4 revisi).');
    expect(there.stdout).toMatch(/2 peta, 4 revisi, 1 SOP, 1 catatan reviu, 1 berkas reviu, 4 akun/);
    expect(await withStore(database, contentOf)).toEqual(sourceContent);

    const backDir = path.join(await tempDir(), 'kembali');
    const back = await runCli(['migrate', '--from', database, '--to', backDir]);
    expect(back.code, back.stderr).toBe(0);
    expect(await withStore(backDir, contentOf)).toEqual(sourceContent);

    // The signed SOP verifies on the database: the public page and the check of the PDF's bytes.
    const pdf = await withStore(sourceDir, (store) => store.review.readFile(signature.pdf.sha256));
    const running = await startServer({ dataDir: await tempDir(), databaseUrl: database, port: 0, host: '127.0.0.1', log: () => undefined });
    try {
      expect((await fetch(`${running.url}/verifikasi/${signature.code}`)).status).toBe(200);
      const check = await fetch(`${running.url}/api/verifikasi/${signature.code}/periksa`, { method: 'POST', headers: { 'content-type': 'application/pdf' }, body: Buffer.from(pdf) });
      expect(await check.json()).toMatchObject({ cocok: true, sha256: signature.pdf.sha256 });
      // An account moved with its password hash signs in.
      const session = await fetch(`${running.url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'penyusun.pindah', password: 'kata-sandi-uji-123' }) });
      expect(session.status).toBe(200);
    } finally {
      await running.close();
    }
  });

  it('refuses a target that is not empty, and a body altered in the source', async () => {
    const database = await createTestDatabase();
    expect((await runCli(['migrate', '--from', sourceDir, '--to', database])).code).toBe(0);
    const again = await runCli(['migrate', '--from', sourceDir, '--to', database]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('Penyimpanan tujuan tidak kosong (2 peta, 4 akun');
    const notEmptyDir = await runCli(['migrate', '--from', database, '--to', sourceDir]);
    expect(notEmptyDir.code).toBe(1);
    expect(notEmptyDir.stderr).toContain('tidak kosong');
    // A directory holding something else is left as it was.
    const otherDir = await tempDir();
    await writeFile(path.join(otherDir, 'catatan.txt'), 'bukan data Petakerja');
    const elsewhere = await runCli(['migrate', '--from', database, '--to', otherDir]);
    expect(elsewhere.code).toBe(1);
    expect(elsewhere.stderr).toContain('tidak kosong dan bukan direktori data Petakerja');
    expect(await readdir(otherDir)).toEqual(['catatan.txt']);

    // One byte of one body changed in a copy of the source: the move stops naming the map, the new directory is removed.
    const altered = path.join(await tempDir(), 'data');
    await cp(sourceDir, altered, { recursive: true });
    const prefix = (await readdir(path.join(altered, 'bpmn')))[0]!;
    const body = path.join(altered, 'bpmn', prefix, (await readdir(path.join(altered, 'bpmn', prefix)))[0]!);
    await writeFile(body, (await readFile(body, 'utf8')).replace('<', ' <'));
    const target = path.join(await tempDir(), 'tujuan');
    const refused = await runCli(['migrate', '--from', altered, '--to', target]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/Peta \S+ «[^»]+» \(id [0-9a-f-]{36}\) (revisi \d+|berkas asli) di sumber tidak dapat dibaca utuh: .*no longer matches its hash/);
    expect(refused.stderr).toContain(`Direktori tujuan ${target} dihapus kembali.`);
    await expect(readdir(target)).rejects.toThrow(/ENOENT/);
  });

  it("moves a kabupaten's data directory into its pemda of a province's database and out again, leaving the other pemda as they were", async () => {
    const database = await createTestDatabase();
    const env = { PETAKERJA_ADMIN_PASSWORD: 'kata-sandi-uji-123' };
    expect((await runCli(['pemda', 'add', '--database', database, '--id', 'bali', '--name', 'Provinsi Bali', '--kind', 'provinsi', '--admin', 'admin.bali'], { env })).code).toBe(0);
    // The kabupaten's pemda is made empty (no --admin): its accounts come with its data.
    for (const id of ['kab-a', 'kab-b']) {
      const added = await runCli(['pemda', 'add', '--database', database, '--id', id, '--name', `Kabupaten ${id}`, '--kind', 'kabupaten', '--province', 'bali']);
      expect(added.code, added.stderr).toBe(0);
      expect(added.stdout).toContain(`migrate --from DIR --to URL --pemda ${id}`);
    }
    // Several pemda and no --pemda: refused before anything is written, pointing at --pemda.
    const whole = await runCli(['migrate', '--from', database, '--to', path.join(await tempDir(), 'semua')]);
    expect(whole.code).toBe(1);
    expect(whole.stderr).toContain('--pemda ID');

    const there = await runCli(['migrate', '--from', sourceDir, '--to', database, '--pemda', 'kab-a']);
    expect(there.code, there.stderr).toBe(0);
    const inPemda = async (id: string) => withStore(database, async (root) => contentOf(root.forPemda(id)));
    const moved = await inPemda('kab-a');
    // The same records, each account now of kab-a.
    expect({ ...moved, users: [] }).toEqual({ ...sourceContent, users: [] });
    expect(moved.users).toEqual(sourceContent.users.map((u) => ({ ...u, pemda: 'kab-a' })));
    // The other pemda: the provinsi keeps its one account and no map; the default pemda is still empty.
    const bali = await inPemda('bali');
    expect([bali.perMap.length, bali.users.map((u) => u.username)]).toEqual([0, ['admin.bali']]);
    expect((await inPemda('default')).perMap).toEqual([]);

    // The same directory again into kab-b: its usernames are taken in the deployment — refused, nothing written.
    const twice = await runCli(['migrate', '--from', sourceDir, '--to', database, '--pemda', 'kab-b']);
    expect(twice.code).toBe(1);
    expect(twice.stderr).toContain('penyusun.pindah');
    expect(twice.stderr).toContain('Tidak ada yang ditulis.');
    const kabB = await inPemda('kab-b');
    expect([kabB.perMap.length, kabB.users.length, kabB.audit.length]).toEqual([0, 0, 0]);

    // Out again: kab-a leaves the province for a data directory, its accounts of that directory's one pemda.
    const backDir = path.join(await tempDir(), 'keluar');
    const back = await runCli(['migrate', '--from', database, '--to', backDir, '--pemda', 'kab-a']);
    expect(back.code, back.stderr).toBe(0);
    expect(await withStore(backDir, contentOf)).toEqual(sourceContent);
    // And a backup of one pemda restores into a data directory the same.
    const archive = path.join(await tempDir(), 'kab-a.tar.gz');
    const backup = await runCli(['backup', '--database', database, '--pemda', 'kab-a', '--out', archive]);
    expect(backup.code, backup.stderr).toBe(0);
    const restoredDir = path.join(await tempDir(), 'pulih');
    expect((await runCli(['restore', '--in', archive, '--data', restoredDir])).code).toBe(0);
    expect(await withStore(restoredDir, contentOf)).toEqual(sourceContent);
    const unknown = await runCli(['migrate', '--from', database, '--to', path.join(await tempDir(), 'x'), '--pemda', 'kab-z']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('Pemda "kab-z" tidak ada');
  });

  it('re-hashes every body on arrival: an import whose bytes do not match their sha256 is refused by both stores', async () => {
    const [{ map, revisions, xml }] = sourceContent.perMap.filter((m) => !m.original);
    const bodies = new Map(revisions.map((r, i) => [r.sha256, Buffer.from(xml[i]!, 'utf8')]));
    const wrong = new Map(revisions.map((r, i) => [r.sha256, Buffer.from(`${xml[i]} `, 'utf8')]));
    for (const location of [await createTestDatabase(), path.join(await tempDir(), 'data')]) {
      await withStore(location, async (store) => {
        await expect(store.maps.importMap(map, revisions, wrong)).rejects.toMatchObject({ code: 'IMPORT_HASH_MISMATCH' });
        expect(await store.maps.listMaps({})).toEqual([]);
        await store.maps.importMap(map, revisions, bodies);
        expect(await store.maps.listRevisions(map.id)).toEqual(revisions);
        await expect(store.maps.importMap(map, revisions, bodies)).rejects.toMatchObject({ code: 'IMPORT_TARGET_NOT_EMPTY' });
      });
    }
  });
});

describe('backup and restore --database', () => {
  it('backs a database up in the data directory archive format: it restores into a directory and into another database', async () => {
    const database = await createTestDatabase();
    expect((await runCli(['migrate', '--from', sourceDir, '--to', database])).code).toBe(0);
    const archive = path.join(await tempDir(), 'cadangan.tar.gz');
    const backup = await runCli(['backup', '--database', database, '--out', archive]);
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stdout).toContain(`Cadangan ${archive} dibuat`);

    const restoredDir = path.join(await tempDir(), 'pulih');
    const restored = await runCli(['restore', '--in', archive, '--data', restoredDir]);
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.stdout).toContain('2 peta, 4 revisi utuh, 4 akun');
    expect(await withStore(restoredDir, contentOf)).toEqual(sourceContent);

    // An archive of the data directory restores into an empty database; a database with data is refused.
    const dirArchive = path.join(await tempDir(), 'direktori.tar.gz');
    expect((await runCli(['backup', '--data', sourceDir, '--out', dirArchive])).code).toBe(0);
    const other = await createTestDatabase();
    const intoDatabase = await runCli(['restore', '--in', dirArchive, '--database', other]);
    expect(intoDatabase.code, intoDatabase.stderr).toBe(0);
    expect(await withStore(other, contentOf)).toEqual(sourceContent);
    const refused = await runCli(['restore', '--in', dirArchive, '--database', other]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('tidak kosong');
  });
});
