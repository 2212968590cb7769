// Copies everything one Store holds into another, empty one, through the store interfaces only (petakerja migrate;
// backup and restore of a database go through an embedded copy): maps with every revision and body, originals, SOP
// versions and letterheads, review records and their files, accounts with their password hashes, the audit log and the
// settings. Ids, revision numbers, timestamps and verification codes are kept; sessions are not moved. Every body and
// file is read verified from the source and re-hashed by the target on arrival.
import { AppError } from '../errors';
import { sha256Fields } from './backup-verify';
import { importHashMismatch } from './store-errors';
import type { AuditEvent } from '../accounts/accounts.records';
import type { Store } from './store';

export interface CopySummary {
  maps: number;
  revisions: number;
  sops: number;
  reviews: number;
  files: number;
  users: number;
  auditEvents: number;
}

/** Progress lines in Indonesian (stderr of the CLI). */
export type Progress = (line: string) => void;

/** Maps between two progress lines. */
const PROGRESS_EVERY = 250;

/**
 * Maps copied at once: the reads of one overlap the durable writes (fsyncs, commits) of others. Each map is still
 * imported whole by one call; the order maps arrive in does not matter (ids, codes and timestamps are kept).
 */
const MAPS_AT_ONCE = 8;

/** Runs `work` on every item, `width` at a time; after a failure no new item starts, and the first error is thrown. */
async function inParallel<T>(items: readonly T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    while (!failure && next < items.length) {
      const item = items[next++]!;
      await work(item).catch((error: unknown) => {
        failure ??= { error };
      });
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
  if (failure) throw failure.error;
}

/** What makes a target not empty, in Indonesian; [] when it is empty. */
export async function contentsOf(store: Store): Promise<string[]> {
  const found: string[] = [];
  const maps = (await store.maps.listMaps({})).length;
  if (maps > 0) found.push(`${maps} peta`);
  const users = await store.accounts.countUsers();
  if (users > 0) found.push(`${users} akun`);
  const reviews = (await store.review.list()).length;
  if (reviews > 0) found.push(`${reviews} catatan reviu`);
  const letterheads = (await store.sop.listLetterheads()).length;
  if (letterheads > 0) found.push(`${letterheads} kop unit`);
  if ((await store.audit.recent(1)).length > 0) found.push('log audit');
  if (Object.keys(store.settings.read()).length > 0) found.push('pengaturan');
  return found;
}

/** Wraps an error of reading the source so that it names what was being read. */
function reading<T>(what: string, work: () => Promise<T>): Promise<T> {
  return work().catch((error: unknown) => {
    if (error instanceof AppError) throw error;
    throw new AppError(422, 'SOURCE_DAMAGED', `${what} di sumber tidak dapat dibaca utuh: ${(error as Error).message}`);
  });
}

export interface CopyOptions {
  /**
   * One pemda is copied on purpose (`--pemda`): the source and target are that pemda's stores, and the others of a
   * database are left out knowingly. Without it a source holding several pemda is refused.
   */
  onePemda?: boolean;
}

export async function copyStore(source: Store, target: Store, progress: Progress = () => undefined, options: CopyOptions = {}): Promise<CopySummary> {
  // Without --pemda the copy is of the default pemda's store: a database with more would lose the others
  // (docs/storage.md, Many pemda), so it is refused before anything is written.
  const pemdas = await source.pemdas.list();
  if (pemdas.length > 1 && !options.onePemda) {
    throw new AppError(
      409,
      'COPY_MANY_PEMDA',
      `Penyimpanan asal memuat ${pemdas.length} pemda (${pemdas.map((p) => p.id).join(', ')}); pindahkan, cadangkan atau pulihkan satu pemda sekaligus dengan --pemda ID. Tidak ada yang ditulis.`,
    );
  }
  const existing = await contentsOf(target);
  if (existing.length > 0) {
    throw new AppError(409, 'IMPORT_TARGET_NOT_EMPTY', `Penyimpanan tujuan tidak kosong (${existing.join(', ')}); pemindahan hanya ke penyimpanan yang kosong.`);
  }
  // Usernames are one for the whole deployment: a pemda joining a database whose other pemda already use some of
  // its usernames is refused before anything is written, naming them.
  const users = await source.accounts.exportUsers();
  const taken: string[] = [];
  for (const user of users) if (await target.accounts.findUserByUsername(user.username)) taken.push(user.username);
  if (taken.length > 0) {
    throw new AppError(
      409,
      'IMPORT_USERNAME_TAKEN',
      `Nama pengguna ${taken.join(', ')} sudah dipakai di penyimpanan tujuan (nama pengguna berlaku untuk seluruh pemasangan); ubah nama pengguna itu di sumber lebih dulu. Tidak ada yang ditulis.`,
    );
  }
  const summary: CopySummary = { maps: 0, revisions: 0, sops: 0, reviews: 0, files: 0, users: 0, auditEvents: 0 };

  for (const user of users) {
    await target.accounts.importUser(user);
    summary.users++;
  }
  progress(`Akun: ${summary.users} dipindahkan.`);

  const settings = source.settings.read();
  if (Object.keys(settings).length > 0) await target.settings.update(() => settings);

  for (const letterhead of await source.sop.listLetterheads()) await target.sop.importLetterhead(letterhead);

  const maps = await source.maps.listMaps({});
  progress(`Peta: ${maps.length} akan dipindahkan.`);
  const copyMap = async (map: (typeof maps)[number]) => {
    const label = `Peta ${map.code} «${map.name}» (id ${map.id})`;
    const revisions = await source.maps.listRevisions(map.id);
    const bodies = new Map<string, Uint8Array>();
    for (const revision of revisions) {
      if (!bodies.has(revision.sha256)) {
        const xml = await reading(`${label} revisi ${revision.n}`, () => source.maps.readRevisionXml(map.id, revision.n));
        bodies.set(revision.sha256, Buffer.from(xml, 'utf8'));
      }
      if (revision.original) {
        const original = await reading(`${label} berkas asli`, () => source.maps.readOriginal(map.id));
        bodies.set(original.sha256, original.bytes);
      }
    }
    await target.maps.importMap(map, revisions, bodies).catch((error: unknown) => {
      throw error instanceof AppError ? new AppError(error.status, error.code, `${label}: ${error.message}`, error.details) : error;
    });
    summary.revisions += revisions.length;
    const versions = await source.sop.listSopVersions(map.id);
    if (versions.length > 0) {
      await target.sop.importSop(map.id, versions);
      summary.sops++;
    }
    if (++summary.maps % PROGRESS_EVERY === 0) progress(`Peta: ${summary.maps}/${maps.length} dipindahkan (${summary.revisions} revisi).`);
  };
  await inParallel(maps, MAPS_AT_ONCE, copyMap);
  if (summary.maps % PROGRESS_EVERY !== 0) progress(`Peta: ${summary.maps}/${maps.length} dipindahkan (${summary.revisions} revisi).`);

  // Review records after their files: a record never names a file the target lacks.
  for (const record of await source.review.list()) {
    for (const hash of new Set(sha256Fields(record))) {
      const bytes = await reading(`Berkas reviu ${hash.slice(0, 12)}… peta ${record.mapId}`, () => source.review.readFile(hash));
      const stored = await target.review.putFile(bytes);
      if (stored !== hash) throw importHashMismatch(`berkas reviu peta ${record.mapId}`, hash, stored);
      summary.files++;
    }
    await target.review.importRecord(record);
    summary.reviews++;
  }
  progress(`Reviu: ${summary.reviews} catatan, ${summary.files} berkas dipindahkan.`);

  // The audit log comes newest first page by page; it is appended oldest first, as it was written.
  const events: AuditEvent[] = [];
  let before: string | undefined;
  do {
    const page = await source.audit.query({ limit: 1000, ...(before ? { before } : {}) });
    events.push(...page.items);
    before = page.nextCursor;
  } while (before);
  for (const event of events.reverse()) await target.audit.append(event);
  summary.auditEvents = events.length;
  progress(`Log audit: ${summary.auditEvents} peristiwa dipindahkan.`);
  return summary;
}
