// The embedded SopStore: one lowdb document per map's SOP (sop/<mapId>.json, every version kept) and one document of
// letterheads (letterheads.json); both validated on read and written durably, one change at a time.
import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import { StoreOpenError } from '../errors';
import { LetterheadsDocument, StoredLetterhead, unitKey, type Letterhead } from '../sop/letterhead.schema';
import { SopDocument, type SopVersion } from '../sop/sop.schema';
import { replaceDocument } from './replace-document';
import { SerialQueue } from './serial-queue';
import type { NewSopVersion, SopStore } from './sop-store';
import { importExists, sopConflict } from './store-errors';
import { DOCUMENT_LIMITS } from './document-limits';
import { ValidatedJsonFile } from './validated-json-file';

export const SOP_DIR = 'sop';
export const LETTERHEADS_FILE = 'letterheads.json';
const SOP_FILE = /^([0-9a-f-]{36})\.json$/;

type SopDb = Low<SopDocument>;

export const sopDocumentPath = (dataDir: string, mapId: string) => path.join(dataDir, SOP_DIR, `${mapId}.json`);

function sopDb(dir: string, mapId: string, initial: SopDocument | null = null): SopDb {
  return new Low<SopDocument>(new ValidatedJsonFile(sopDocumentPath(dir, mapId), SopDocument, DOCUMENT_LIMITS.sop), initial as SopDocument);
}

/** Opens the SOP documents and the letterheads of `dir`; the caller holds the data directory's lock (see store.ts). */
export async function openLowdbSopStore(dir: string): Promise<SopStore> {
  await mkdir(path.join(dir, SOP_DIR), { recursive: true });
  const dbs = new Map<string, SopDb>();
  const ids = (await readdir(path.join(dir, SOP_DIR))).flatMap((name) => SOP_FILE.exec(name)?.[1] ?? []);
  await Promise.all(
    ids.map(async (id) => {
      const db = sopDb(dir, id);
      await db.read();
      if (db.data.mapId !== id) {
        throw new StoreOpenError(
          `Berkas data ${sopDocumentPath(dir, id)} berisi SOP peta lain (${db.data.mapId}). ` +
            'Server tidak dijalankan dan berkas tidak diubah; pulihkan dari cadangan.',
        );
      }
      dbs.set(id, db);
    }),
  );
  const letterheads = new Low<LetterheadsDocument>(new ValidatedJsonFile(path.join(dir, LETTERHEADS_FILE), LetterheadsDocument, DOCUMENT_LIMITS.letterheads), {
    format: 'petakerja-letterheads',
    version: 1,
    units: {},
  });
  await letterheads.read();
  return new LowdbSopStore(dir, dbs, letterheads);
}

class LowdbSopStore implements SopStore {
  private readonly writes = new SerialQueue();

  constructor(
    private readonly dir: string,
    private readonly dbs: Map<string, SopDb>,
    private readonly letterheads: Low<LetterheadsDocument>,
  ) {}

  async listSopVersions(mapId: string): Promise<SopVersion[]> {
    return this.dbs.get(mapId)?.data.versions ?? [];
  }

  putSop(mapId: string, baseVersion: number, input: NewSopVersion): Promise<SopVersion> {
    return this.writes.run(async () => {
      const existing = this.dbs.get(mapId);
      const versions = existing?.data.versions ?? [];
      const current = versions.length;
      if (baseVersion !== current) throw sopConflict(baseVersion, current);
      const version: SopVersion = { version: current + 1, ...input, savedAt: new Date().toISOString() };
      const next = SopDocument.parse({ format: 'petakerja-sop', version: 1, mapId, versions: [...versions, version] });
      if (existing) {
        await replaceDocument(existing, next);
      } else {
        const db = sopDb(this.dir, mapId, next);
        await db.write();
        this.dbs.set(mapId, db);
      }
      return version;
    });
  }

  async getLetterhead(unit: string): Promise<StoredLetterhead | undefined> {
    // Own entries only: a unit named `constructor` or `__proto__` without a letterhead has none.
    const units = this.letterheads.data.units;
    const key = unitKey(unit);
    return Object.hasOwn(units, key) ? units[key] : undefined;
  }

  putLetterhead(unit: string, letterhead: Letterhead, updatedBy: string): Promise<StoredLetterhead> {
    return this.writes.run(async () => {
      const stored: StoredLetterhead = { unit: unit.trim(), letterhead, updatedAt: new Date().toISOString(), updatedBy };
      const doc = this.letterheads.data;
      const units: Record<string, StoredLetterhead> = Object.assign(Object.create(null), doc.units, { [unitKey(unit)]: stored });
      await replaceDocument(this.letterheads, { ...doc, units });
      return stored;
    });
  }

  async listLetterheads(): Promise<StoredLetterhead[]> {
    return Object.values(this.letterheads.data.units);
  }

  importSop(mapId: string, versions: readonly SopVersion[]): Promise<void> {
    return this.writes.run(async () => {
      if (this.dbs.has(mapId)) throw importExists(`SOP peta ${mapId}`);
      const db = sopDb(this.dir, mapId, SopDocument.parse({ format: 'petakerja-sop', version: 1, mapId, versions }));
      await db.write();
      this.dbs.set(mapId, db);
    });
  }

  importLetterhead(stored: StoredLetterhead): Promise<void> {
    return this.writes.run(async () => {
      const doc = this.letterheads.data;
      const key = unitKey(stored.unit);
      if (Object.hasOwn(doc.units, key)) throw importExists(`Kop unit ${stored.unit}`);
      const units: Record<string, StoredLetterhead> = Object.assign(Object.create(null), doc.units, { [key]: StoredLetterhead.parse(stored) });
      await replaceDocument(this.letterheads, { ...doc, units });
    });
  }

  async close(): Promise<void> {
    await this.writes.run(async () => undefined);
  }
}
