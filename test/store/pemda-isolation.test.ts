// Many pemda in one deployment (issue 18, scope 3; docs/storage.md, Many pemda). On PostgreSQL, two pemda in one
// database with the same unit names, codes and letterheads: nothing of one is visible, writable or counted in the
// other (maps, listing and its version, revisions, SOP, review records and files, settings, audit, export jobs,
// accounts), while sign-in and the public verification lookup find an account or a code of any pemda; every query on
// a table with a pemda_id column names it. The embedded store holds one pemda and refuses another.
import { readdir, readFile } from 'node:fs/promises';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import type { User } from '../../server/accounts/accounts.records';
import { projectUrl } from '../../server/project-root';
import { contentsOf, copyStore } from '../../server/store/copy-store';
import { DEFAULT_PEMDA } from '../../server/store/pemda';
import { migrate, readMigrations } from '../../server/store/postgres/migrate';
import { openPostgresStore } from '../../server/store/postgres/open-postgres-store';
import { openEmbeddedStore, type Store } from '../../server/store/store';
import type { ProcessMap } from '../../server/store/records';
import { minimalBpmn } from '../helpers/fixtures';
import { createTestDatabase } from '../helpers/postgres';
import { tempDir } from '../helpers/temp-dir';

const UNIT = 'Dinas Kesehatan';
const newMap = { name: 'Pelayanan izin', kind: 'proses', unit: UNIT, profile: 'nasional' } as const;
const first = (xml = minimalBpmn()) => ({ xml, author: 'Ani', message: 'Versi awal' });
const newUser = (username: string) =>
  ({ username, name: 'Ani', jabatan: 'Analis', unit: UNIT, roles: ['admin'], disabled: false, passwordHash: 'scrypt$uji' }) as Omit<User, 'id' | 'createdAt' | 'updatedAt'>;
const actor = { id: '3f2b8c1e-5d4a-4e6f-9a7b-1c2d3e4f5a6b', username: 'ani', name: 'Ani', jabatan: '', unit: UNIT, roles: ['penyusun'], disabled: false, createdAt: new Date().toISOString(), updatedAt: new Date().toISOString() } as const;

async function sql<T extends pg.QueryResultRow>(url: string, text: string, values: unknown[] = []): Promise<pg.QueryResult<T>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query<T>(text, values);
  } finally {
    await client.end();
  }
}

/** The schema version a database stands at. */
async function schemaVersion(pool: pg.Pool): Promise<number> {
  const { rows } = await pool.query<{ v: number }>('SELECT max(version) AS v FROM schema_migrations');
  return rows[0]!.v;
}

/** The store of the database with two kabupaten under one provinsi added. */
async function twoPemda(url: string): Promise<{ root: Store; a: Store; b: Store }> {
  const root = await openPostgresStore(url);
  await root.pemdas.add({ id: 'jateng', name: 'Provinsi Jawa Tengah', kind: 'provinsi', province: null });
  await root.pemdas.add({ id: 'kab-a', name: 'Kabupaten A', kind: 'kabupaten', province: 'jateng' });
  await root.pemdas.add({ id: 'kab-b', name: 'Kabupaten B', kind: 'kabupaten', province: 'jateng' });
  return { root, a: root.forPemda('kab-a'), b: root.forPemda('kab-b') };
}

describe('Pemda on the embedded store', () => {
  it('holds exactly one pemda, the default, and refuses another', async () => {
    const store = await openEmbeddedStore(await tempDir());
    try {
      expect(await store.pemdas.list()).toMatchObject([{ id: DEFAULT_PEMDA, name: 'Pemda', province: null }]);
      expect(store.forPemda(DEFAULT_PEMDA)).toBe(store);
      expect(() => store.forPemda('kab-a')).toThrow(expect.objectContaining({ status: 404, code: 'PEMDA_NOT_FOUND' }));
      expect(await store.pemdas.get('kab-a')).toBeUndefined();
      await expect(store.pemdas.add({ id: 'kab-a', name: 'Kabupaten A', kind: 'kabupaten', province: null })).rejects.toMatchObject({
        status: 409,
        code: 'PEMDA_EMBEDDED_SINGLE',
        message: expect.stringMatching(/hanya memuat satu pemda; gunakan PostgreSQL/),
      });
    } finally {
      await store.close();
    }
  });
});

describe('Pemda on PostgreSQL', () => {
  it('adds pemda and refuses a duplicate id, a province that is not a provinsi, and a malformed id', async () => {
    const { root } = await twoPemda(await createTestDatabase());
    try {
      expect((await root.pemdas.list()).map((p) => p.id)).toEqual(['default', 'jateng', 'kab-a', 'kab-b']);
      expect(await root.pemdas.get('kab-a')).toMatchObject({ name: 'Kabupaten A', kind: 'kabupaten', province: 'jateng' });
      expect(root.forPemda(DEFAULT_PEMDA)).toBe(root);
      expect(root.forPemda('kab-a')).toBe(root.forPemda('kab-a'));
      expect(() => root.forPemda('kab-z')).toThrow(expect.objectContaining({ status: 404, code: 'PEMDA_NOT_FOUND' }));
      await expect(root.pemdas.add({ id: 'kab-a', name: 'Lagi', kind: 'kota', province: null })).rejects.toMatchObject({ status: 409, code: 'PEMDA_EXISTS' });
      await expect(root.pemdas.add({ id: 'kota-c', name: 'Kota C', kind: 'kota', province: 'kab-a' })).rejects.toMatchObject({ status: 422, code: 'PEMDA_PROVINCE_INVALID' });
      await expect(root.pemdas.add({ id: 'kota-c', name: 'Kota C', kind: 'kota', province: 'tidak-ada' })).rejects.toMatchObject({ status: 422, code: 'PEMDA_PROVINCE_INVALID' });
      await expect(root.pemdas.add({ id: 'Kota C', name: 'Kota C', kind: 'kota', province: null })).rejects.toMatchObject({ status: 422, code: 'PEMDA_INVALID' });
      expect(await root.pemdas.get('kota-c')).toBeUndefined();
    } finally {
      await root.close();
    }
  });

  it('keeps two pemda with the same unit names, codes and letterheads apart: nothing of one is seen, written or counted in the other', async () => {
    const { root, a, b } = await twoPemda(await createTestDatabase());
    try {
      const versionB = await b.maps.listingVersion();
      const mapA = await a.maps.createMap(newMap, first());
      await a.maps.addRevision(mapA.id, 1, first(minimalBpmn('Kedua')));
      // The listing version of B did not move for A's writes.
      expect(await b.maps.listingVersion()).toBe(versionB);
      const mapB = await b.maps.createMap(newMap, first(minimalBpmn('Milik B')));
      expect(mapB.code).toBe(mapA.code);
      expect((await a.maps.listMaps({})).map((m) => m.id)).toEqual([mapA.id]);
      expect((await b.maps.listMaps({ unit: UNIT })).map((m) => m.id)).toEqual([mapB.id]);
      expect(await root.maps.listMaps({})).toEqual([]);
      expect(await b.maps.listUnits()).toEqual([UNIT]);
      expect(await root.maps.listUnits()).toEqual([]);
      for (const attempt of [
        () => b.maps.getMap(mapA.id),
        () => b.maps.listRevisions(mapA.id),
        () => b.maps.readRevisionXml(mapA.id, 1),
        () => b.maps.addRevision(mapA.id, 2, first(minimalBpmn('Dari B'))),
        () => b.maps.updateMap(mapA.id, { name: 'Diubah B' }),
        () => b.maps.moveMap(mapA.id, null),
      ]) {
        await expect(attempt()).rejects.toMatchObject({ status: 404 });
      }
      await expect(b.maps.createMap({ ...newMap, parentId: mapA.id }, first())).rejects.toMatchObject({ code: 'PARENT_NOT_FOUND' });
      expect(await a.maps.getMap(mapA.id)).toMatchObject({ name: newMap.name, currentRevision: 2 });

      // SOP versions and letterheads under the same unit name.
      await a.sop.putSop(mapA.id, 0, { identity: { namaSop: 'SOP A' }, settings: { paper: 'A4' }, mapRevision: 1, savedBy: 'Ani' });
      expect(await b.sop.listSopVersions(mapA.id)).toEqual([]);
      await a.sop.putLetterhead(UNIT, { pemda: 'Pemerintah Kabupaten A' }, 'Ani');
      await b.sop.putLetterhead(UNIT, { pemda: 'Pemerintah Kabupaten B' }, 'Budi');
      expect((await a.sop.getLetterhead(UNIT))?.letterhead).toEqual({ pemda: 'Pemerintah Kabupaten A' });
      expect((await b.sop.listLetterheads()).map((l) => l.letterhead)).toEqual([{ pemda: 'Pemerintah Kabupaten B' }]);
      expect(await root.sop.listLetterheads()).toEqual([]);

      // Review records and their files.
      await a.review.update(mapA.id, (doc) => ({ next: { ...doc, annotations: [] }, result: undefined }));
      const file = await a.review.putFile(new TextEncoder().encode('%PDF-1.7 milik A'));
      await expect(b.review.readFile(file)).rejects.toMatchObject({ status: 404, code: 'FILE_NOT_FOUND' });
      expect(await a.review.readFile(file)).toHaveLength(16);
      expect((await a.review.list()).map((r) => r.mapId)).toEqual([mapA.id]);
      expect(await b.review.list()).toEqual([]);
      await expect(b.review.update(mapA.id, (doc) => ({ next: doc, result: undefined }))).rejects.toMatchObject({ status: 404 });

      // Settings, audit, export jobs.
      await a.settings.update((doc) => ({ ...doc, timeZone: { value: 'Asia/Jayapura', changedBy: 'Ani', changedAt: new Date().toISOString() } }));
      expect(a.settings.read().timeZone?.value).toBe('Asia/Jayapura');
      expect(b.settings.read()).toEqual({});
      expect(root.settings.read()).toEqual({});
      await a.audit.append({ at: new Date().toISOString(), event: 'login', username: 'ani', ip: '127.0.0.1' });
      expect(await a.audit.recent(10)).toHaveLength(1);
      expect(await b.audit.recent(10)).toEqual([]);
      expect((await b.audit.query({ limit: 10, user: 'ani' })).items).toEqual([]);
      const job = { id: 'job-a', actor, unit: UNIT, format: 'zip', includeDrafts: false, first: { type: 'progress', data: { done: 0, total: 1, current: '' } } } as const;
      expect(await a.exportJobs!.insert(job as never, 3)).toBe(true);
      expect(await b.exportJobs!.get('job-a')).toBeUndefined();
      expect(await b.exportJobs!.take('instans-b', 60_000)).toBeUndefined();
      expect(await a.exportJobs!.take('instans-a', 60_000)).toMatchObject({ id: 'job-a' });

      // Accounts: listed, counted and changed per pemda; sign-in finds any.
      const ani = await a.accounts.createUser(newUser('ani'));
      expect(ani.pemda).toBe('kab-a');
      expect(await b.accounts.countUsers()).toBe(0);
      expect(await b.accounts.listUsers()).toEqual([]);
      expect(await b.accounts.exportUsers()).toEqual([]);
      await expect(b.accounts.updateUser(ani.id, { disabled: true })).rejects.toMatchObject({ status: 404, code: 'USER_NOT_FOUND' });
      await expect(b.accounts.createUser(newUser('ani'))).rejects.toMatchObject({ status: 409, code: 'USERNAME_TAKEN' });
      expect(await root.accounts.findUserByUsername('ani')).toMatchObject({ id: ani.id, pemda: 'kab-a' });
      expect(await root.accounts.getUser(ani.id)).toMatchObject({ pemda: 'kab-a' });
      // The first account of the deployment exists (in kab-a): the setup of another pemda is refused.
      expect(await root.accounts.countUsers()).toBe(0);
      expect(await root.accounts.anyAccount()).toBe(true);
      await expect(root.accounts.createUser(newUser('budi'), { onlyIfNoUsers: true })).rejects.toMatchObject({ code: 'SETUP_DONE' });
    } finally {
      await root.close();
    }
  });

  it('finds a verification code of any pemda from the root store', async () => {
    const url = await createTestDatabase();
    const { root, a } = await twoPemda(url);
    try {
      const map = await a.maps.createMap(newMap, first());
      await a.review.update(map.id, (doc) => ({ next: doc, result: undefined }));
      await sql(url, `UPDATE review_records SET record = jsonb_set(record, '{signatures}', '[{"code": "KODE-A"}]') WHERE map_id = $1`, [map.id]);
      expect(await root.pemdaOfSignature('KODE-A')).toBe('kab-a');
      expect(await root.pemdaOfSignature('KODE-B')).toBeUndefined();
    } finally {
      await root.close();
    }
  });

  it("tells a pemda's change feed only that pemda's changes, from this instance or another", async () => {
    const url = await createTestDatabase();
    const { root, a } = await twoPemda(url);
    const other = await openPostgresStore(url);
    try {
      const told: ProcessMap[] = [];
      const bOther = other.forPemda('kab-b');
      const heard = new Promise<void>((resolve) =>
        bOther.maps.onChange((map) => {
          told.push(map);
          if (map.name === 'Milik B') resolve();
        }),
      );
      await a.maps.createMap(newMap, first());
      await root.forPemda('kab-b').maps.createMap({ ...newMap, name: 'Milik B' }, first());
      await heard;
      expect(told.map((m) => m.name)).toEqual(['Milik B']);
    } finally {
      await Promise.all([root.close(), other.close()]);
    }
  });

  it('refuses to copy (migrate, backup) a database with several pemda rather than leave some out', async () => {
    const { root, a } = await twoPemda(await createTestDatabase());
    const target = await openEmbeddedStore(await tempDir());
    try {
      await a.maps.createMap(newMap, first());
      await expect(copyStore(root, target)).rejects.toMatchObject({ status: 409, code: 'COPY_MANY_PEMDA' });
      expect(await contentsOf(target)).toEqual([]);
    } finally {
      await Promise.all([root.close(), target.close()]);
    }
  });

  it('gives every record of a database from before the pemda to the default pemda when it migrates', async () => {
    const url = await createTestDatabase();
    const pool = new pg.Pool({ connectionString: url });
    try {
      await migrate(pool, (await readMigrations()).filter((m) => m.version < 4));
      expect(await schemaVersion(pool)).toBe(3);
    } finally {
      await pool.end();
    }
    // Rows written by the schema of version 3, then the store opens (and applies 004).
    const id = '3f2b8c1e-5d4a-4e6f-9a7b-1c2d3e4f5a6b';
    const map = { id, code: '1', name: 'Peta lama', kind: 'proses', level: 0, unit: UNIT, profile: 'nasional', createdAt: new Date().toISOString(), updatedAt: new Date().toISOString(), currentRevision: 1 };
    await sql(url, "INSERT INTO maps (id, code, unit_key, change_seq, record) VALUES ($1, '1', 'dinas kesehatan', 0, $2)", [id, map]);
    await sql(url, "INSERT INTO settings (record) VALUES ('{\"timeZone\": {\"value\": \"Asia/Makassar\", \"changedBy\": \"Ani\", \"changedAt\": \"2026-12-01T00:00:00.000Z\"}}')");
    const store = await openPostgresStore(url);
    try {
      expect((await store.maps.getMap(id)).name).toBe('Peta lama');
      expect(Number(await store.maps.listingVersion())).toBeGreaterThan(0);
      expect(store.settings.read().timeZone?.value).toBe('Asia/Makassar');
      await store.pemdas.add({ id: 'kab-a', name: 'Kabupaten A', kind: 'kabupaten', province: null });
      await expect(store.forPemda('kab-a').maps.getMap(id)).rejects.toMatchObject({ status: 404 });
      // The same code is free in another pemda.
      expect((await store.forPemda('kab-a').maps.createMap({ ...newMap, code: '1' }, first())).code).toBe('1');
    } finally {
      await store.close();
    }
  });

  it('knows a pemda another instance added', async () => {
    const url = await createTestDatabase();
    const [one, two] = [await openPostgresStore(url), await openPostgresStore(url)];
    try {
      await one.pemdas.add({ id: 'kota-c', name: 'Kota C', kind: 'kota', province: null });
      // list() reads the ids again (a NOTIFY does too, but a test must not wait on time).
      await two.pemdas.list();
      const map = await two.forPemda('kota-c').maps.createMap(newMap, first());
      expect((await one.forPemda('kota-c').maps.getMap(map.id)).unit).toBe(UNIT);
    } finally {
      await Promise.all([one.close(), two.close()]);
    }
  });

  it('names the pemda in every query on a table with a pemda_id column (or marks it as reading every pemda)', async () => {
    const url = await createTestDatabase();
    await openPostgresStore(url).then((store) => store.close());
    const { rows } = await sql<{ table_name: string }>(
      url,
      "SELECT table_name FROM information_schema.columns WHERE column_name = 'pemda_id' AND table_schema = 'public' ORDER BY table_name",
    );
    const tables = rows.map((r) => r.table_name);
    expect(tables).toEqual(
      expect.arrayContaining(['audit_events', 'export_jobs', 'letterheads', 'map_listing_version', 'map_revisions', 'maps', 'review_files', 'review_history', 'review_records', 'settings', 'sop_versions', 'users']),
    );
    const dir = projectUrl('server/store/postgres/');
    const sources = (await readdir(dir)).filter((f) => f.endsWith('.ts'));
    const literals: { file: string; text: string }[] = [];
    for (const file of sources) {
      const source = await readFile(new URL(file, dir), 'utf8');
      for (const match of source.matchAll(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`[^`]*`/g)) literals.push({ file, text: match[0] });
    }
    const unscoped: string[] = [];
    for (const table of tables) {
      const uses = literals.filter((l) => new RegExp(`\\b(FROM|INTO|UPDATE|JOIN)\\s+${table}\\b`, 'i').test(l.text));
      expect(uses.length, `queries on ${table}`).toBeGreaterThan(0);
      for (const use of uses) if (!/pemda_id|\$\{ANY_PEMDA\}/.test(use.text)) unscoped.push(`${use.file}: ${use.text}`);
    }
    expect(unscoped).toEqual([]);
  });
});
