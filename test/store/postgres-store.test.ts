// The PostgreSQL store's own guarantees (issue 18), on a real server started for the run (helpers/postgres.ts): a
// stale base gets 409, history rows refuse UPDATE/DELETE even by SQL, altered bytes are refused on read, the change
// feed hears another instance's writes, migrations are applied once by instances starting together, and a database
// that cannot be reached stops the start with an Indonesian message.
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import type { ProcessMap } from '../../server/store/records';
import { LISTENER_APPLICATION } from '../../server/store/postgres/map-change-listener';
import { openPostgresStore } from '../../server/store/postgres/open-postgres-store';
import { readMigrations } from '../../server/store/postgres/migrate';
import { emptyReview } from '../../server/review/review.schema';
import { minimalBpmn } from '../helpers/fixtures';
import { createTestDatabase } from '../helpers/postgres';

const newMap = { name: 'Pelayanan izin', kind: 'proses', unit: 'Dinas Kesehatan', profile: 'nasional' } as const;
const first = (xml = minimalBpmn()) => ({ xml, author: 'Ani', message: 'Versi awal' });

async function sql<T extends pg.QueryResultRow>(url: string, text: string, values: unknown[] = []): Promise<pg.QueryResult<T>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query<T>(text, values);
  } finally {
    await client.end();
  }
}

describe('PostgreSQL store', () => {
  it('answers REVISION_CONFLICT (409) to a save on a stale base, from this instance or another, and keeps the first', async () => {
    const url = await createTestDatabase();
    const [a, b] = [await openPostgresStore(url), await openPostgresStore(url)];
    try {
      const map = await a.maps.createMap(newMap, first());
      await a.maps.addRevision(map.id, 1, first(minimalBpmn('Kedua')));
      await expect(b.maps.addRevision(map.id, 1, first(minimalBpmn('Basi')))).rejects.toMatchObject({ status: 409, code: 'REVISION_CONFLICT', details: { currentRevision: 2 } });
      // Two saves on the same base at once: exactly one lands.
      const results = await Promise.allSettled([a.maps.addRevision(map.id, 2, first(minimalBpmn('A'))), b.maps.addRevision(map.id, 2, first(minimalBpmn('B')))]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'REVISION_CONFLICT' } });
      expect((await b.maps.getMap(map.id)).currentRevision).toBe(3);
      expect(await b.maps.listRevisions(map.id)).toHaveLength(3);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('runs saves and subtree moves at once from two instances without a deadlock, and loses neither', async () => {
    const url = await createTestDatabase();
    const [a, b] = [await openPostgresStore(url), await openPostgresStore(url)];
    try {
      const [left, right] = [await a.maps.createMap(newMap, first()), await a.maps.createMap(newMap, first())];
      const moved = await a.maps.createMap({ ...newMap, parentId: left.id }, first());
      const children = [];
      for (let i = 0; i < 6; i++) children.push(await a.maps.createMap({ ...newMap, parentId: moved.id }, first()));
      const saves = children.map(async (child, i) => {
        const store = i % 2 ? a : b;
        for (let n = 1; n <= 5; n++) await store.maps.addRevision(child.id, n, first(minimalBpmn(`Simpan ${i}.${n}`)));
      });
      const moves = (async () => {
        for (let k = 0; k < 10; k++) await (k % 2 ? a : b).maps.moveMap(moved.id, k % 2 ? left.id : right.id);
      })();
      await Promise.all([...saves, moves]);
      for (const child of children) {
        const map = await a.maps.getMap(child.id);
        expect(map.currentRevision).toBe(6);
        expect(map.code.startsWith(`${left.code}.`)).toBe(true);
        expect(await a.maps.listRevisions(child.id)).toHaveLength(6);
      }
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('refuses UPDATE and DELETE of history rows even by SQL (review history, revisions, SOP versions, audit)', async () => {
    const url = await createTestDatabase();
    const store = await openPostgresStore(url);
    const mapId = '3f2b8c1e-5d4a-4e6f-9a7b-1c2d3e4f5a6b';
    try {
      const map = await store.maps.createMap(newMap, first());
      await store.review.update(mapId, (current) => ({
        next: { ...current, transitions: [{ seq: 1, cycle: 1, action: 'ajukan', from: 'draf', to: 'diajukan', by: { id: 'u1', name: 'Ani' }, at: new Date().toISOString(), comment: '', revision: 1, sopVersion: 0 }] },
        result: undefined,
      }));
      await store.sop.putSop(mapId, 0, { identity: { namaSop: 'Pertama' }, settings: { paper: 'A4' }, mapRevision: 1, savedBy: 'Ani' });
      await store.audit.append({ at: new Date().toISOString(), event: 'login', username: 'ani', ip: '127.0.0.1' });
      expect((await store.review.get(mapId)).transitions).toHaveLength(1);
      for (const statement of [
        "UPDATE review_history SET record = jsonb_set(record, '{to}', '\"disahkan\"')",
        'DELETE FROM review_history',
        "UPDATE map_revisions SET record = jsonb_set(record, '{author}', '\"Budi\"')",
        'DELETE FROM map_revisions',
        "UPDATE sop_versions SET record = record || '{\"savedBy\":\"Budi\"}'",
        'DELETE FROM sop_versions',
        'DELETE FROM audit_events',
      ]) {
        await expect(sql(url, statement), statement).rejects.toThrow(/append-only/);
      }
      expect((await store.review.get(mapId)).transitions[0]).toMatchObject({ to: 'diajukan' });
      expect((await store.maps.listRevisions(map.id))[0]).toMatchObject({ author: 'Ani' });
      // The store's own check refuses a rewrite before the database has to.
      await expect(store.review.update(mapId, (current) => ({ next: { ...current, transitions: [] }, result: undefined }))).rejects.toThrow(/rewrite/);
    } finally {
      await store.close();
    }
    expect(emptyReview(mapId).transitions).toEqual([]);
  });

  it('refuses on read a BPMN body or a review file whose bytes were altered in the table', async () => {
    const url = await createTestDatabase();
    const store = await openPostgresStore(url);
    try {
      const map = await store.maps.createMap(newMap, first(minimalBpmn('Asli')));
      const file = await store.review.putFile(new TextEncoder().encode('%PDF-1.7 ditandatangani'));
      expect(await store.maps.readRevisionXml(map.id, 1)).toContain('Asli');
      expect(Buffer.from(await store.review.readFile(file)).toString()).toBe('%PDF-1.7 ditandatangani');
      await sql(url, "UPDATE bpmn_bodies SET bytes = convert_to(replace(convert_from(bytes, 'UTF8'), 'Asli', 'Palsu'), 'UTF8')");
      await sql(url, "UPDATE review_files SET bytes = convert_to('%PDF-1.7 dipalsukan', 'UTF8')");
      await expect(store.maps.readRevisionXml(map.id, 1)).rejects.toThrow(/corrupt/);
      await expect(store.review.readFile(file)).rejects.toThrow(/corrupt/);
    } finally {
      await store.close();
    }
  });

  it('tells its change feed of a write made through a second store instance on the same database', async () => {
    const url = await createTestDatabase();
    const [a, b] = [await openPostgresStore(url), await openPostgresStore(url)];
    try {
      const heard: ProcessMap[] = [];
      let atRevision2 = () => {};
      const reached = new Promise<void>((resolve) => (atRevision2 = resolve));
      a.maps.onChange((map) => {
        heard.push(map);
        if (map.currentRevision === 2) atRevision2();
      });
      const versionBefore = await a.maps.listingVersion();
      const map = await b.maps.createMap(newMap, first());
      await b.maps.addRevision(map.id, 1, first(minimalBpmn('Kedua')));
      await reached;
      // Each notification is read back as the row is now: two changes in quick succession may be told as one, the
      // latest (what derived views need); never an older state after a newer one.
      expect(heard.every((m) => m.id === map.id)).toBe(true);
      expect(heard.map((m) => m.currentRevision)).toEqual(heard.length === 1 ? [2] : [1, 2]);
      // The listing version is the database's: instance a sees b's changes in it.
      expect(await a.maps.listingVersion()).not.toBe(versionBefore);
      expect(await a.maps.listingVersion()).toBe(await b.maps.listingVersion());
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('reconnects its change feed when the connection is cut, and tells what was written while it was deaf', async () => {
    const url = await createTestDatabase();
    const [a, b] = [await openPostgresStore(url), await openPostgresStore(url)];
    try {
      const map = await b.maps.createMap(newMap, first());
      let heardRevision2 = () => {};
      const heard = new Promise<void>((resolve) => (heardRevision2 = resolve));
      a.maps.onChange((changed) => {
        if (changed.id === map.id && changed.currentRevision === 2) heardRevision2();
      });
      // Every listening connection of this database ends (a's and b's); the call returns once they are gone.
      const cut = await sql<{ ended: boolean }>(
        url,
        'SELECT pg_terminate_backend(pid, 10000) AS ended FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1',
        [LISTENER_APPLICATION],
      );
      expect(cut.rows.map((r) => r.ended)).toEqual([true, true]);
      // Written while a is deaf: no notification reaches it; its reconnection catches up.
      await b.maps.addRevision(map.id, 1, first(minimalBpmn('Saat terputus')));
      await heard;
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('applies the migrations once when several instances start together, recorded in schema_migrations', async () => {
    const url = await createTestDatabase();
    const stores = await Promise.all([openPostgresStore(url), openPostgresStore(url), openPostgresStore(url)]);
    await Promise.all(stores.map((s) => s.close()));
    const { rows } = await sql<{ version: number; name: string }>(url, 'SELECT version, name FROM schema_migrations ORDER BY version');
    // Every migration of the program once, in order (001-initial first).
    expect(rows).toEqual((await readMigrations()).map(({ version, name }) => ({ version, name })));
    expect(rows[0]).toEqual({ version: 1, name: 'initial' });
  });

  it('stops with an Indonesian message when the schema cannot be created (a role without CREATE), writing no migration', async () => {
    const url = await createTestDatabase();
    const role = `lemah_${Math.random().toString(36).slice(2, 8)}`;
    await sql(url, `CREATE ROLE ${role} LOGIN`);
    const weak = new URL(url);
    weak.username = role;
    await expect(openPostgresStore(weak.toString())).rejects.toMatchObject({ name: 'StoreOpenError', message: expect.stringMatching(/^Skema basis data .* tidak dapat disiapkan: permission denied/) });
    expect((await sql<{ t: string | null }>(url, "SELECT to_regclass('schema_migrations')::text AS t")).rows[0]!.t).toBeNull();
  });

  it('refuses to start on a database that cannot be reached, with an Indonesian message and no password', async () => {
    await expect(openPostgresStore('postgres://petakerja:rahasia@127.0.0.1:1/petakerja')).rejects.toMatchObject({
      name: 'StoreOpenError',
      message: expect.stringMatching(/^Basis data PostgreSQL postgres:\/\/petakerja:\*\*\*@127\.0\.0\.1:1\/petakerja tidak dapat dihubungi/),
    });
  });
});
