// Batch exports of a unit's SOPs (issue 5, item 4): one ZIP of PDFs, or the unit's SOP book (SOP-FORMAT.md §0) as one
// PDF. A job runs in the background, printing through the shared PdfPool (as many SOPs at once as the pool has
// browsers), and reports progress to its listeners (the SSE route). Jobs live in this process's memory only, with a
// time to live and a cap; their files go to a temporary directory outside the data directory, removed when a job
// expires and when the service closes. Several app instances would need a shared job store and file area (and sticky
// routing of the event stream): not done yet.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { PublicUser } from '../../accounts/accounts.records';
import { canSeeUnit, forbiddenUnit } from '../../accounts/permissions';
import type { MapKind } from '../../domain/vocabulary';
import { AppError } from '../../errors';
import type { MapsService } from '../../maps/maps.service';
import type { ReviewStore } from '../../review/review-store';
import type { ProcessMap } from '../../store/records';
import type { Letterhead } from '../letterhead.schema';
import { asBatchWork, type PdfPool } from '../pdf/pdf-pool';
import type { SopService } from '../sop.service';
import type { BookOfficial } from './book-front-matter';
import { stampDraft } from './draft-stamp';
import { exportItems, signedPdfBytes, summaryOf, type ExportItem, type ExportSummary } from './export-contents';
import type { ExportEvent, ExportFormat } from './export.schema';
import { exportFileName, UniqueFileNames } from './file-names';
import { buildSopBook, pdfPageCount, type BookSop } from './sop-book';
import { ZipFile } from './zip-file';
import { listingText } from '../../maps/listing-cache';

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

export interface SopExportOptions {
  /** How long a finished job and its file are kept; 30 minutes. */
  ttlMs?: number;
  /** Jobs kept at once (finished ones are dropped oldest first to make room); 50. */
  maxJobs?: number;
  /** Jobs running at once over all users; 10. They share the PdfPool, so more would only queue. */
  maxRunning?: number;
  /** Jobs one user may have running at once (a cancelled job counts until its prints in flight end); 2. */
  maxPerUser?: number;
  /** Parent of the temporary directory; os.tmpdir(). */
  tmpRoot?: string;
}

export type JobState = 'running' | 'done' | 'error';
type Listener = (event: ExportEvent & { id: number }) => void;

export interface ExportJob {
  readonly id: string;
  readonly ownerId: string;
  readonly unit: string;
  readonly format: ExportFormat;
  readonly includeDrafts: boolean;
  state: JobState;
  readonly events: Array<ExportEvent & { id: number }>;
  readonly listeners: Set<Listener>;
  filePath?: string;
  fileName?: string;
  readonly createdAt: number;
  finishedAt?: number;
  expiry?: NodeJS.Timeout;
  /** Resolves once the job's run has stopped (its prints in flight ended), whatever its state. */
  stopped?: Promise<void>;
}

const notFound = () => new AppError(404, 'SOP_EXPORT_NOT_FOUND', 'Ekspor SOP tidak ditemukan atau sudah kedaluwarsa. Mulai ekspor baru.');

export class SopExportJobs {
  private readonly jobs = new Map<string, ExportJob>();
  private readonly ttlMs: number;
  private readonly maxJobs: number;
  private readonly maxRunning: number;
  private readonly maxPerUser: number;
  /** Runs still in progress per user id, cancelled ones included until they stop. */
  private readonly activeRuns = new Map<string, number>();
  private readonly tmpRoot: string;
  private dir: Promise<string> | undefined;
  private closed = false;

  constructor(
    private readonly deps: SopExportDeps,
    options: SopExportOptions = {},
  ) {
    this.ttlMs = options.ttlMs ?? 30 * 60_000;
    this.maxJobs = options.maxJobs ?? 50;
    this.maxRunning = options.maxRunning ?? 10;
    this.maxPerUser = options.maxPerUser ?? 2;
    this.tmpRoot = options.tmpRoot ?? tmpdir();
  }

  /** What an export of the unit holds: the SOPs in force, and the drafts (left out unless asked for). */
  async summary(actor: PublicUser, unit: string): Promise<ExportSummary> {
    if (!canSeeUnit(actor, unit)) throw forbiddenUnit(unit);
    const maps = await this.unitMaps(actor, unit);
    return summaryOf(maps[0]?.unit || unit, await exportItems(this.deps.reviews, maps));
  }

  /**
   * Checks the unit and that it has SOPs to export, then runs the job in the background. Only SOPs in force, as
   * signed, unless `includeDrafts` adds the unit's other SOP maps, printed now and marked DRAF on every page.
   */
  async start(actor: PublicUser, unit: string, format: ExportFormat, options: { includeDrafts?: boolean } = {}): Promise<ExportJob> {
    if (this.closed) throw new AppError(503, 'SOP_EXPORT_CLOSED', 'Server sedang berhenti; ekspor SOP tidak dapat dimulai.');
    if (!canSeeUnit(actor, unit)) throw forbiddenUnit(unit);
    const includeDrafts = options.includeDrafts ?? false;
    const maps = await this.unitMaps(actor, unit);
    if (maps.length === 0) {
      throw new AppError(422, 'SOP_EXPORT_EMPTY', `Unit ${unit} belum memiliki peta lintas fungsi atau alur mekanisme kerja; tidak ada SOP untuk diekspor.`);
    }
    const all = await exportItems(this.deps.reviews, maps);
    const items = includeDrafts ? all : all.filter((item) => item.kind === 'disahkan');
    if (items.length === 0) {
      throw new AppError(
        422,
        'SOP_EXPORT_NONE_SIGNED',
        `Unit ${unit} belum memiliki SOP yang disahkan dan berlaku (${all.length} SOP masih draf). Centang "Sertakan draf" untuk mengekspor draf yang ditandai DRAF.`,
        { drafts: all.length },
      );
    }
    this.makeRoom(actor);
    const job: ExportJob = {
      id: randomBytes(16).toString('base64url'),
      ownerId: actor.id,
      unit: maps[0]!.unit || unit,
      format,
      includeDrafts,
      state: 'running',
      events: [],
      listeners: new Set(),
      createdAt: Date.now(),
    };
    this.jobs.set(job.id, job);
    this.emit(job, { type: 'progress', data: { done: 0, total: items.length, current: '' } });
    this.activeRuns.set(actor.id, (this.activeRuns.get(actor.id) ?? 0) + 1);
    // Batch work: its prints wait behind single SOP PDFs in the shared pool.
    job.stopped = asBatchWork(() => this.run(job, actor, items)).finally(() => {
      const left = (this.activeRuns.get(actor.id) ?? 1) - 1;
      if (left > 0) this.activeRuns.set(actor.id, left);
      else this.activeRuns.delete(actor.id);
    });
    return job;
  }

  /**
   * Stops a job of the actor's (running: its remaining SOPs are not printed) and drops it with its file. Resolves once
   * its prints in flight have ended, so the user's share is free again when the answer comes.
   */
  async cancel(actor: PublicUser, jobId: string): Promise<void> {
    const job = this.get(actor, jobId);
    if (job.state === 'running') {
      this.fail(job, new AppError(409, 'SOP_EXPORT_CANCELLED', 'Ekspor SOP dibatalkan oleh pengguna.'));
    }
    await this.expire(job);
    await job.stopped;
  }

  /** The job, for its starter only: anyone else is told it does not exist. */
  get(actor: PublicUser, jobId: string): ExportJob {
    const job = this.jobs.get(jobId);
    if (!job || job.ownerId !== actor.id) throw notFound();
    if (!canSeeUnit(actor, job.unit)) throw forbiddenUnit(job.unit);
    return job;
  }

  /** The finished file of a job. */
  file(actor: PublicUser, jobId: string): { path: string; name: string; type: string } {
    const job = this.get(actor, jobId);
    if (job.state === 'error') throw new AppError(409, 'SOP_EXPORT_FAILED', 'Ekspor SOP ini gagal; tidak ada berkas untuk diunduh.');
    if (job.state !== 'done' || !job.filePath || !job.fileName) throw new AppError(409, 'SOP_EXPORT_NOT_READY', 'Ekspor SOP masih berjalan; berkas belum siap diunduh.');
    return { path: job.filePath, name: job.fileName, type: job.format === 'zip' ? 'application/zip' : 'application/pdf' };
  }

  /** Events after `afterId` now, then every later one; returns the unsubscribe function. */
  subscribe(job: ExportJob, afterId: number, listener: Listener): () => void {
    for (const event of job.events) if (event.id > afterId) listener(event);
    if (job.state !== 'running') return () => undefined;
    job.listeners.add(listener);
    return () => job.listeners.delete(listener);
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.jobs.values()) {
      clearTimeout(job.expiry);
      if (job.state === 'running') this.fail(job, new AppError(503, 'SOP_EXPORT_CLOSED', 'Server berhenti sebelum ekspor SOP selesai.'));
    }
    this.jobs.clear();
    const dir = await this.dir?.catch(() => undefined);
    if (dir) await rm(dir, { recursive: true, force: true });
  }

  /** The unit's maps that have an SOP, as the listing shows them to the actor, in order of code. */
  private async unitMaps(actor: PublicUser, unit: string): Promise<ProcessMap[]> {
    const lists = await Promise.all(
      SOP_MAP_KINDS.map(async (kind) => (JSON.parse(listingText(await this.deps.maps.listEncoded(actor, { unit, kind }))) as { items: ProcessMap[] }).items),
    );
    return lists.flat().sort((a, b) => a.code.localeCompare(b.code, 'id', { numeric: true }) || a.name.localeCompare(b.name, 'id'));
  }

  private makeRoom(actor: PublicUser): void {
    if ((this.activeRuns.get(actor.id) ?? 0) >= this.maxPerUser) {
      throw new AppError(
        429,
        'SOP_EXPORT_USER_BUSY',
        `Anda sudah menjalankan ${this.maxPerUser} ekspor SOP (batas per pengguna). Tunggu salah satunya selesai atau batalkan dulu.`,
        { limit: this.maxPerUser, retryAfterSeconds: 30 },
      );
    }
    const running = [...this.jobs.values()].filter((job) => job.state === 'running').length;
    if (running >= this.maxRunning) {
      throw new AppError(429, 'SOP_EXPORT_BUSY', 'Terlalu banyak ekspor SOP sedang berjalan. Coba lagi beberapa menit lagi.');
    }
    while (this.jobs.size >= this.maxJobs) {
      const oldest = [...this.jobs.values()].filter((job) => job.state !== 'running').sort((a, b) => a.createdAt - b.createdAt)[0];
      if (!oldest) throw new AppError(429, 'SOP_EXPORT_BUSY', 'Terlalu banyak ekspor SOP tersimpan. Coba lagi beberapa menit lagi.');
      void this.expire(oldest);
    }
  }

  private directory(): Promise<string> {
    this.dir ??= mkdtemp(path.join(this.tmpRoot, 'petakerja-sop-export-'));
    return this.dir;
  }

  private emit(job: ExportJob, event: ExportEvent): void {
    const numbered = { ...event, id: job.events.length + 1 };
    job.events.push(numbered);
    for (const listener of job.listeners) listener(numbered);
  }

  private finish(job: ExportJob, state: JobState): void {
    job.state = state;
    job.finishedAt = Date.now();
    job.listeners.clear();
    job.expiry = setTimeout(() => void this.expire(job), this.ttlMs);
    job.expiry.unref();
  }

  private fail(job: ExportJob, error: unknown): void {
    if (job.state !== 'running') return;
    const known = error instanceof AppError;
    this.emit(job, {
      type: 'error',
      data: {
        code: known ? error.code : 'SOP_EXPORT_FAILED',
        message: known ? error.message : 'Ekspor SOP gagal karena kesalahan di server. Coba lagi; bila berulang, hubungi admin.',
      },
    });
    this.finish(job, 'error');
  }

  private async expire(job: ExportJob): Promise<void> {
    clearTimeout(job.expiry);
    this.jobs.delete(job.id);
    if (job.filePath) await rm(job.filePath, { force: true }).catch(() => undefined);
  }

  /** A signed SOP: its stored PDF as it is. A draft: printed now from the map's current revision, stamped DRAF. */
  private async printed(actor: PublicUser, item: ExportItem): Promise<{ title: string; revision: number; nomor?: string; official?: BookOfficial; pdf: Uint8Array }> {
    const { map } = item;
    if (item.kind === 'disahkan') {
      const { signature } = item;
      return {
        title: signature.title,
        revision: signature.revision,
        ...(signature.nomor ? { nomor: signature.nomor } : {}),
        official: signature.signatory,
        pdf: await signedPdfBytes(this.deps.reviews, signature.title, signature),
      };
    }
    const [view, rendered] = await Promise.all([this.deps.sop.get(actor, map.id), this.deps.sop.pdf(actor, map.id)]).catch((error: unknown) => {
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

  private async run(job: ExportJob, actor: PublicUser, items: ExportItem[]): Promise<void> {
    let zip: ZipFile | undefined;
    let filePath: string | undefined;
    /** A job that stopped (failed, cancelled, the server closing) leaves no file behind. */
    const discard = async () => {
      zip?.abort();
      if (filePath) await rm(filePath, { force: true }).catch(() => undefined);
    };
    try {
      const dir = await this.directory();
      const pool = this.deps.pdfPool();
      const year = new Date().getFullYear();
      const date = new Date().toISOString().slice(0, 10).replaceAll('-', '');
      filePath = path.join(dir, `${job.id}.${job.format === 'zip' ? 'zip' : 'pdf'}`);
      job.fileName = job.format === 'zip' ? exportFileName('SOP', job.unit, `${date}.zip`) : exportFileName('Buku-SOP', job.unit, `${year}.pdf`);
      zip = job.format === 'zip' ? new ZipFile(filePath) : undefined;
      const names = new UniqueFileNames();
      const book: Array<BookSop | undefined> = [];
      const officials: BookOfficial[] = [];
      const draftOfficials: BookOfficial[] = [];
      let next = 0;
      let done = 0;

      const worker = async (): Promise<void> => {
        while (next < items.length && job.state === 'running') {
          const index = next++;
          const item = items[index]!;
          const draft = item.kind === 'draf';
          const sop = await this.printed(actor, item);
          if (job.state !== 'running') return;
          // The decree is signed by the head who signed the SOPs in force; drafts name one only when none is signed.
          if (sop.official) (draft ? draftOfficials : officials)[index] = sop.official;
          if (zip) zip.add(`${draft ? 'DRAF-' : ''}${names.next(sop.title, sop.revision)}`, sop.pdf);
          else book[index] = { title: sop.title, ...(sop.nomor ? { nomor: sop.nomor } : {}), ...(draft ? { draft } : {}), pdf: sop.pdf, pageCount: await pdfPageCount(sop.pdf) };
          done += 1;
          this.emit(job, { type: 'progress', data: { done, total: items.length, current: sop.title } });
        }
      };
      // One worker more than the pool has browsers: the next SOP is read and laid out while both browsers print.
      await Promise.all(Array.from({ length: Math.min(pool.size + 1, items.length) }, worker));
      if (job.state !== 'running') {
        await discard();
        return;
      }

      let pages: number | undefined;
      if (zip) {
        await zip.close();
      } else {
        const letterhead = await this.deps.letterhead(job.unit);
        const built = await buildSopBook(
          pool,
          {
            ...(letterhead?.pemda ? { pemda: letterhead.pemda } : {}),
            unit: letterhead?.unit || job.unit,
            ...(letterhead?.logoDataUrl ? { logoDataUrl: letterhead.logoDataUrl } : {}),
            year,
            head: officials.some(Boolean) ? unitHead(officials) : unitHead(draftOfficials),
          },
          book as BookSop[],
        );
        await writeFile(filePath, built.pdf, { flag: 'wx' });
        pages = built.pages;
      }
      if (job.state !== 'running') {
        await discard();
        return;
      }
      job.filePath = filePath;
      this.emit(job, {
        type: 'done',
        data: {
          downloadUrl: `/api/sop-exports/${job.id}/file`,
          fileName: job.fileName,
          count: items.length,
          signed: items.filter((item) => item.kind === 'disahkan').length,
          drafts: items.filter((item) => item.kind === 'draf').length,
          ...(pages ? { pages } : {}),
        },
      });
      this.finish(job, 'done');
    } catch (error) {
      await discard();
      this.fail(job, error);
    }
  }
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
