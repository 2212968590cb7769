// The pemda of a PostgreSQL deployment (table pemda, migration 004): listed, read, added. Adding one also gives it
// its listing version row, and is told on petakerja_pemda so that every instance knows the new id at once
// (Store.forPemda answers synchronously from the ids it knows).
import type pg from 'pg';
import { parseNewPemda, pemdaExists, pemdaProvinceInvalid, PemdaRecord, type PemdaRegistry } from '../pemda';
import { inTransaction, isUniqueViolation } from './database';
import { parseRecord } from './records';

export const PEMDA_CHANNEL = 'petakerja_pemda';

const COLUMNS = 'id, name, kind, province, created_at AS "createdAt"';

export class PostgresPemdaRegistry implements PemdaRegistry {
  /** The ids known to this instance: read at open, and again on every list(), get() of an unknown id, or NOTIFY. */
  readonly known = new Set<string>();

  constructor(private readonly pool: pg.Pool) {}

  async list(): Promise<PemdaRecord[]> {
    const { rows } = await this.pool.query(`SELECT ${COLUMNS} FROM pemda ORDER BY id`);
    const records = rows.map((row: { id: string }) => parseRecord(PemdaRecord, row, `pemda/${row.id}`));
    for (const record of records) this.known.add(record.id);
    return records;
  }

  async get(id: string): Promise<PemdaRecord | undefined> {
    const { rows } = await this.pool.query(`SELECT ${COLUMNS} FROM pemda WHERE id = $1`, [id]);
    if (!rows[0]) return undefined;
    this.known.add(id);
    return parseRecord(PemdaRecord, rows[0], `pemda/${id}`);
  }

  async add(input: Omit<PemdaRecord, 'createdAt'>): Promise<PemdaRecord> {
    const pemda = parseNewPemda(input);
    const record: PemdaRecord = { ...pemda, createdAt: new Date().toISOString() };
    return inTransaction(this.pool, async (client) => {
      if (pemda.province !== null) {
        const { rows } = await client.query<{ kind: string }>('SELECT kind FROM pemda WHERE id = $1 FOR SHARE', [pemda.province]);
        if (!rows[0]) throw pemdaProvinceInvalid(`Provinsi induk "${pemda.province}" tidak ditemukan.`);
        if (rows[0].kind !== 'provinsi') throw pemdaProvinceInvalid(`Pemda induk "${pemda.province}" bukan provinsi.`);
      }
      try {
        await client.query('INSERT INTO pemda (id, name, kind, province, created_at) VALUES ($1, $2, $3, $4, $5)', [
          record.id,
          record.name,
          record.kind,
          record.province,
          record.createdAt,
        ]);
      } catch (error) {
        if (isUniqueViolation(error)) throw pemdaExists(record.id);
        throw error;
      }
      await client.query('INSERT INTO map_listing_version (pemda_id, version) VALUES ($1, 0) ON CONFLICT (pemda_id) DO NOTHING', [record.id]);
      await client.query('SELECT pg_notify($1, $2)', [PEMDA_CHANNEL, record.id]);
      return record;
    }).then((added) => {
      this.known.add(added.id);
      return added;
    });
  }
}
