// The work of one SOP batch export, shared by the in-process jobs (export-jobs.ts) and the jobs in the PostgreSQL
// store (shared-export-jobs.ts): which SOPs a unit's export holds, and printing them into one ZIP or one SOP book.
import { rm, writeFile } from 'node:fs/promises';
import type { PublicUser } from '../../accounts/accounts.records';
import { canSeeUnit, forbiddenUnit } from '../../accounts/permissions';
import type { MapKind } from '../../domain/vocabulary';
import { AppError } from '../../errors';
import type { MapsService } from '../../maps/maps.service';
import { listingText } from '../../maps/listing-cache';
import type { ReviewStore } from '../../review/review-store';
import type { ProcessMap } from '../../store/records';
import type { Letterhead } from '../letterhead.schema';
import type { PdfPool } from '../pdf/pdf-pool';
import type { SopService } from '../sop.service';
import type { BookOfficial } from './book-front-matter';
import { stampDraft } from './draft-stamp';
import { exportItems, signedPdfBytes, summaryOf, type ExportItem, type ExportSummary } from './export-contents';
import type { ExportEvent, ExportFormat } from './export.schema';
import { exportFileName, UniqueFileNames } from './file-names';
import { buildSopBook, pdfPageCount, type BookSop } from './sop-book';
import { ZipFile } from './zip-file';

/** The map kinds that have an SOP AP (SOP-FORMAT.md): cross-functional maps and work mechanisms. */
export const SOP_MAP_KINDS: readonly MapKind[] = ['lintas-fungsi', 'mekanisme-kerja'];

export interface SopExportDeps {
  maps: MapsService;
  sop: SopService;
  /** Review records and their files: which SOP is in force, and its signed PDF as stored. */
  reviews: Pick<ReviewStore, 'get' | 'readFile'>;
  /** The unit's letterhead, read after the unit was checked for the actor. */
  letterhead: (unit: string) => Promise<Letterhead | undefined>;
  pdfPool: () => PdfPool;
}

/** The unit's maps that have an SOP, as the listing shows them to the actor, in order of code. */
export async function unitSopMaps(maps: MapsService, actor: PublicUser, unit: string): Promise<ProcessMap[]> {
  const lists = await Promise.all(
    SOP_MAP_KINDS.map(async (kind) => (JSON.parse(listingText(await maps.listEncoded(actor, { unit, kind }))) as { items: ProcessMap[] }).items),
  );
  return lists.flat().sort((a, b) => a.code.localeCompare(b.code, 'id', { numeric: true }) || a.name.localeCompare(b.name, 'id'));
}

/**
 * What an export of the unit prints: only SOPs in force, as signed, unless `includeDrafts` adds the unit's other SOP
 * maps. Refuses a unit without SOP maps, or without SOPs in force when drafts are left out. `unit` is the unit as the
 * maps spell it.
 */
/** What an export of the unit holds: the SOPs in force, and the drafts (left out unless asked for). */
export async function exportSummary(deps: SopExportDeps, actor: PublicUser, unit: string): Promise<ExportSummary> {
  if (!canSeeUnit(actor, unit)) throw forbiddenUnit(unit);
  const maps = await unitSopMaps(deps.maps, actor, unit);
  return summaryOf(maps[0]?.unit || unit, await exportItems(deps.reviews, maps));
}

/** The refusals both kinds of export jobs answer with, in one wording. */
export const exportRefusals = {
  notFound: () => new AppError(404, 'SOP_EXPORT_NOT_FOUND', 'Ekspor SOP tidak ditemukan atau sudah kedaluwarsa. Mulai ekspor baru.'),
  closed: () => new AppError(503, 'SOP_EXPORT_CLOSED', 'Server sedang berhenti; ekspor SOP tidak dapat dimulai.'),
  userBusy: (limit: number) =>
    new AppError(
      429,
      'SOP_EXPORT_USER_BUSY',
      `Anda sudah menjalankan ${limit} ekspor SOP (batas per pengguna). Tunggu salah satunya selesai atau batalkan dulu.`,
      { limit, retryAfterSeconds: 30 },
    ),
  failed: () => new AppError(409, 'SOP_EXPORT_FAILED', 'Ekspor SOP ini gagal; tidak ada berkas untuk diunduh.'),
  notReady: () => new AppError(409, 'SOP_EXPORT_NOT_READY', 'Ekspor SOP masih berjalan; berkas belum siap diunduh.'),
};

export async function exportableItems(deps: SopExportDeps, actor: PublicUser, unit: string, includeDrafts: boolean): Promise<{ unit: string; items: ExportItem[] }> {
  const maps = await unitSopMaps(deps.maps, actor, unit);
  if (maps.length === 0) {
    throw new AppError(422, 'SOP_EXPORT_EMPTY', `Unit ${unit} belum memiliki peta lintas fungsi atau alur mekanisme kerja; tidak ada SOP untuk diekspor.`);
  }
  const all = await exportItems(deps.reviews, maps);
  const items = includeDrafts ? all : all.filter((item) => item.kind === 'disahkan');
  if (items.length === 0) {
    throw new AppError(
      422,
      'SOP_EXPORT_NONE_SIGNED',
      `Unit ${unit} belum memiliki SOP yang disahkan dan berlaku (${all.length} SOP masih draf). Centang "Sertakan draf" untuk mengekspor draf yang ditandai DRAF.`,
      { drafts: all.length },
    );
  }
  return { unit: maps[0]!.unit || unit, items };
}

/** The name the download gets. */
export function exportFileNameOf(format: ExportFormat, unit: string, now = new Date()): string {
  return format === 'zip'
    ? exportFileName('SOP', unit, `${now.toISOString().slice(0, 10).replaceAll('-', '')}.zip`)
    : exportFileName('Buku-SOP', unit, `${now.getFullYear()}.pdf`);
}

export interface RenderJob {
  readonly id: string;
  readonly unit: string;
  readonly format: ExportFormat;
}

export interface RenderHooks {
  /** False once the job was stopped (cancelled, failed elsewhere, the server closing): no more SOPs are printed. */
  running(): boolean;
  progress(event: Extract<ExportEvent, { type: 'progress' }>): void | Promise<void>;
}

/**
 * Prints the items into `filePath` (a ZIP, or the SOP book), telling each SOP done. Answers the `done` event, or
 * undefined when the job was stopped meanwhile; a stopped or failed job leaves no file behind.
 */
export async function renderExport(
  deps: SopExportDeps,
  job: RenderJob,
  actor: PublicUser,
  items: ExportItem[],
  filePath: string,
  hooks: RenderHooks,
): Promise<Extract<ExportEvent, { type: 'done' }> | undefined> {
  let zip: ZipFile | undefined;
  const discard = async () => {
    zip?.abort();
    await rm(filePath, { force: true }).catch(() => undefined);
  };
  try {
    const pool = deps.pdfPool();
    const now = new Date();
    const fileName = exportFileNameOf(job.format, job.unit, now);
    zip = job.format === 'zip' ? new ZipFile(filePath) : undefined;
    const names = new UniqueFileNames();
    const book: Array<BookSop | undefined> = [];
    const officials: BookOfficial[] = [];
    const draftOfficials: BookOfficial[] = [];
    let next = 0;
    let done = 0;

    const worker = async (): Promise<void> => {
      while (next < items.length && hooks.running()) {
        const index = next++;
        const item = items[index]!;
        const draft = item.kind === 'draf';
        const sop = await printed(deps, actor, item);
        if (!hooks.running()) return;
        // The decree is signed by the head who signed the SOPs in force; drafts name one only when none is signed.
        if (sop.official) (draft ? draftOfficials : officials)[index] = sop.official;
        if (zip) zip.add(`${draft ? 'DRAF-' : ''}${names.next(sop.title, sop.revision)}`, sop.pdf);
        else book[index] = { title: sop.title, ...(sop.nomor ? { nomor: sop.nomor } : {}), ...(draft ? { draft } : {}), pdf: sop.pdf, pageCount: await pdfPageCount(sop.pdf) };
        done += 1;
        await hooks.progress({ type: 'progress', data: { done, total: items.length, current: sop.title } });
      }
    };
    // One worker more than the pool has browsers: the next SOP is read and laid out while both browsers print.
    await Promise.all(Array.from({ length: Math.min(pool.size + 1, items.length) }, worker));
    if (!hooks.running()) {
      await discard();
      return undefined;
    }

    let pages: number | undefined;
    if (zip) {
      await zip.close();
    } else {
      const letterhead = await deps.letterhead(job.unit);
      const built = await buildSopBook(
        pool,
        {
          ...(letterhead?.pemda ? { pemda: letterhead.pemda } : {}),
          unit: letterhead?.unit || job.unit,
          ...(letterhead?.logoDataUrl ? { logoDataUrl: letterhead.logoDataUrl } : {}),
          year: now.getFullYear(),
          head: officials.some(Boolean) ? unitHead(officials) : unitHead(draftOfficials),
        },
        book as BookSop[],
      );
      await writeFile(filePath, built.pdf, { flag: 'wx' });
      pages = built.pages;
    }
    if (!hooks.running()) {
      await discard();
      return undefined;
    }
    return {
      type: 'done',
      data: {
        downloadUrl: `/api/sop-exports/${job.id}/file`,
        fileName,
        count: items.length,
        signed: items.filter((item) => item.kind === 'disahkan').length,
        drafts: items.filter((item) => item.kind === 'draf').length,
        ...(pages ? { pages } : {}),
      },
    };
  } catch (error) {
    await discard();
    throw error;
  }
}

/** A signed SOP: its stored PDF as it is. A draft: printed now from the map's current revision, stamped DRAF. */
async function printed(
  deps: SopExportDeps,
  actor: PublicUser,
  item: ExportItem,
): Promise<{ title: string; revision: number; nomor?: string; official?: BookOfficial; pdf: Uint8Array }> {
  const { map } = item;
  if (item.kind === 'disahkan') {
    const { signature } = item;
    return {
      title: signature.title,
      revision: signature.revision,
      ...(signature.nomor ? { nomor: signature.nomor } : {}),
      official: signature.signatory,
      pdf: await signedPdfBytes(deps.reviews, signature.title, signature),
    };
  }
  const [view, rendered] = await Promise.all([deps.sop.get(actor, map.id), deps.sop.pdf(actor, map.id)]).catch((error: unknown) => {
    throw error instanceof AppError
      ? new AppError(error.status, error.code, `SOP "${map.name}" gagal dicetak: ${error.message}`)
      : new AppError(500, 'SOP_EXPORT_FAILED', `SOP "${map.name}" gagal dicetak. Periksa peta ini di modeler lalu coba lagi.`);
  });
  const identity = view.record?.identity;
  return {
    title: rendered.title,
    revision: rendered.revision,
    ...(identity?.nomor ? { nomor: identity.nomor } : {}),
    ...(identity?.disahkanOleh ? { official: identity.disahkanOleh } : {}),
    pdf: await stampDraft(rendered.pdf),
  };
}

/** The official who signs most of the unit's SOPs is taken as the head who signs the decree. */
function unitHead(officials: BookOfficial[]): BookOfficial {
  const counted = new Map<string, { official: BookOfficial; count: number }>();
  for (const official of officials) {
    if (!official?.jabatan?.trim() && !official?.nama?.trim()) continue;
    const key = `${official.jabatan ?? ''}|${official.nama ?? ''}`;
    const entry = counted.get(key) ?? { official, count: 0 };
    entry.count += 1;
    counted.set(key, entry);
  }
  return [...counted.values()].sort((a, b) => b.count - a.count)[0]?.official ?? {};
}

/** What the routes ask of batch export jobs, in-process or shared by every instance on a database. */
export interface ExportJobs {
  summary(actor: PublicUser, unit: string): Promise<import('./export-contents').ExportSummary>;
  start(actor: PublicUser, unit: string, format: ExportFormat, options?: { includeDrafts?: boolean }): Promise<{ id: string }>;
  cancel(actor: PublicUser, jobId: string): Promise<void>;
  /** The job's finished file: a path on this machine, or its bytes. */
  download(actor: PublicUser, jobId: string): Promise<ExportDownload>;
  /**
   * Events after `afterId` now, then every later one until the job ends. `finished`: the job had ended already (every
   * event was given). Answers the unsubscribe function. `closing`: this instance stops following (it is closing) while
   * the job goes on elsewhere; the stream ends and its client reconnects.
   */
  follow(actor: PublicUser, jobId: string, afterId: number, listener: ExportListener, closing?: () => void): Promise<{ finished: boolean; unsubscribe: () => void }>;
  close(): Promise<void>;
}

export type ExportListener = (event: ExportEvent & { id: number }) => void;
export type ExportDownload = { name: string; type: string } & ({ path: string } | { bytes: Uint8Array });
export const exportFileType = (format: ExportFormat) => (format === 'zip' ? 'application/zip' : 'application/pdf');
