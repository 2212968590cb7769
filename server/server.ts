// Starts Petakerja: opens the store, loads the templates, listens; stops cleanly on request.
import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { projectUrl } from './project-root';
import { AccountsService } from './accounts/accounts.service';
import { LoginThrottle } from './accounts/login-throttle';
import { BpmnWorkPool } from './bpmn/work/work-pool';
import { InProcessMapEventBus } from './events/map-events';
import { createApp, type PemdaAppDeps } from './app';
import type { MapEventBus } from './events/map-events';
import type { Profile } from './domain/vocabulary';
import { MapsService } from './maps/maps.service';
import { TemplateLibrary } from './maps/templates';
import { AnnotationsService } from './review/annotations.service';
import { reviewEditGate } from './review/edit-gate';
import { EvaluationService } from './review/evaluation/evaluation.service';
import { ReviewService } from './review/review.service';
import { DashboardService } from './repository/dashboard.service';
import { LintSummaryCache } from './repository/lint-summary-cache';
import { RepositoryLintService } from './repository/repository-lint.service';
import { RelasiService } from './repository/relasi/relasi.service';
import { SopExportJobs } from './sop/batch/export-jobs';
import type { ExportJobs } from './sop/batch/render-export';
import { SharedExportJobs } from './sop/batch/shared-export-jobs';
import { PdfPool } from './sop/pdf/pdf-pool';
import { SettingsService } from './settings/settings.service';
import { KamusService } from './settings/kamus.service';
import { PutSopBody } from './sop/sop.schema';
import { SopService } from './sop/sop.service';
import { checkDatabaseBeforeServe, checkDataDirBeforeServe } from './store/data-dir-check';
import { openEmbeddedStore, type Store } from './store/store';
import { DEFAULT_PEMDA, pemdaNotFound } from './store/pemda';
import { pemdaOfUser } from './store/account-rules';
import { trackReviewStates } from './review/review-state-index';

export const CLIENT_DIR = fileURLToPath(projectUrl('dist/client/'));

export interface ServeOptions {
  dataDir: string;
  /** A PostgreSQL database (postgres://…) to keep everything in instead of `dataDir` (docs/storage.md, PostgreSQL). */
  databaseUrl?: string;
  port: number;
  host: string;
  clientDir?: string;
  trustProxy?: boolean | number | string;
  /**
   * The address users reach the app at (PETAKERJA_PUBLIC_URL), printed in verification QR codes; else the one an
   * administrator confirmed (settings.json), never a request's.
   */
  publicUrl?: string;
  /** The repository's default regulation profile (RULES.md, Profiles); `nasional` when not set. */
  defaultProfile?: Profile;
  log?: (line: string) => void;
}

export interface RunningServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

/** What every pemda's services share: the BPMN work pool, Chromium, the templates, the login throttle, the events. */
interface SharedServices {
  bpmnWork: BpmnWorkPool;
  pdfPool(): PdfPool;
  templates: TemplateLibrary;
  throttle: LoginThrottle;
  events: MapEventBus;
  options: ServeOptions;
}

/** The services of one pemda over its store (store.forPemda(id)), as the app routes them, and how to stop them. */
interface PemdaServices {
  deps: PemdaAppDeps;
  /** Stops at once what holds requests open (export streams, the lint warm-up). */
  stop(): Promise<unknown>;
  /** Writes what is still open to the pemda's audit log. */
  close(): Promise<void>;
}

function buildPemdaServices(store: Store, shared: SharedServices): PemdaServices {
  const { options, bpmnWork, templates } = shared;
  const sharedPool = shared.pdfPool;
  // Saves of a map or its SOP identity ask the review cycle first (frozen in review, a new draft after signing).
  // Every review record change goes through the tracked store, so the listing's SOP states stay current.
  const { reviews, states: reviewStates } = trackReviewStates(store.review);
  const editGate = reviewEditGate(reviews, async (mapId) => (await store.sop.listSopVersions(mapId)).length);
  const maps = new MapsService(store.maps, templates, options.defaultProfile, editGate, bpmnWork, reviewStates);
  // The repository's synonyms of the kamus jabatan, read by every lint of a map (issue 14 item 4).
  const kamus = new KamusService(store.settings);
  maps.kamus = kamus;
  const sop = new SopService(store.sop, maps, sharedPool, editGate);
  // An imported SOP document's identity part is the new map's first SOP version (issue 17).
  maps.sopIdentity = { putIdentity: async (actor, mapId, identity) => void (await sop.put(actor, mapId, PutSopBody.parse({ version: 0, identity }))) };
  const settings = new SettingsService(store.settings, options.publicUrl, options.defaultProfile);
  const review = new ReviewService(reviews, maps, store.sop, sop, store.audit, {
    nameMismatch: () => settings.signature().nameMismatch,
    timeZone: () => settings.timeZone().zone,
    trustAnchors: () => settings.trustAnchors(),
    tsaUrl: () => settings.signature().tsaUrl,
  });
  // On PostgreSQL the jobs and their files are shared by every instance (shared-export-jobs.ts); on the embedded
  // store they are this process's own (memory, os.tmpdir()).
  const exportDeps = { maps, sop, reviews, pdfPool: sharedPool, letterhead: async (unit: string) => (await store.sop.getLetterhead(unit))?.letterhead };
  // PETAKERJA_EXPORT_LEASE_MS: how long a shared job stays a dead instance's before another takes it (30 s).
  const leaseMs = Number(process.env.PETAKERJA_EXPORT_LEASE_MS) || undefined;
  const sopExports: ExportJobs = store.exportJobs ? new SharedExportJobs(exportDeps, store.exportJobs, leaseMs ? { leaseMs } : {}) : new SopExportJobs(exportDeps);
  /** Lint counts of current revisions for the dashboard, warmed up in the background from the start. */
  const lintSummaries = new LintSummaryCache(store.maps, { repositoryDefault: maps.defaultProfile, kamus });
  const repositoryLint = new RepositoryLintService(store.maps);
  // Several instances on one database share the throttle's counts (docs/storage.md); every pemda shares this one.
  const accounts = new AccountsService(store.accounts, store.audit, shared.throttle);
  return {
    deps: {
      maps,
      sop,
      sopExports,
      evaluation: new EvaluationService({ reviews, maps, pdf: sharedPool }),
      dashboard: new DashboardService({ maps: store.maps, reviews, lintSummaries, repositoryLint }),
      repositoryLint,
      relasi: new RelasiService({ maps, store: store.maps }),
      review: {
        review,
        annotations: new AnnotationsService(reviews, maps, store.sop),
        reviews,
        maps,
        publicUrl: () => settings.publicUrl()?.url,
      },
      accounts,
      settings,
      kamus,
    },
    // At once: a running export's event stream stays open until its job ends; the warm-up reads the store.
    stop: () => Promise.all([sopExports.close(), lintSummaries.stop()]),
    // Counts of throttled refusals still open are written before the audit log closes.
    close: () => accounts.close(),
  };
}

export async function startServer(options: ServeOptions): Promise<RunningServer> {
  // pg loads only when a database is named: the embedded store stays the quick start's default.
  const store = options.databaseUrl
    ? await (await import('./store/postgres/open-postgres-store')).openPostgresStore(options.databaseUrl)
    : await openEmbeddedStore(options.dataDir);
  /** Chromium for SOP PDFs starts on the first PDF asked for, not with the server. */
  let pdfPool: PdfPool | undefined;
  /** Parsing, stamping and linting of posted BPMN run here, off the event loop; workers start on the first job. */
  const bpmnWork = new BpmnWorkPool();
  /** The services of each pemda, built from store.forPemda(id) on its first request and kept (docs/storage.md, Many pemda). */
  const pemdaServices = new Map<string, PemdaServices>();
  try {
    // Setup only on an empty directory; no serving of map records whose bodies are gone (docs/security.md).
    if (options.databaseUrl) await checkDatabaseBeforeServe(store);
    else await checkDataDirBeforeServe(options.dataDir, store);
    // Several instances on one database share the throttle's counts and the map events (docs/storage.md).
    const events = store.events ?? new InProcessMapEventBus();
    const shared: SharedServices = {
      bpmnWork,
      pdfPool: () => (pdfPool ??= new PdfPool({ size: 2 })),
      templates: await TemplateLibrary.load(),
      throttle: new LoginThrottle(store.loginFailures),
      events,
      options,
    };
    const servicesOf = (id: string): PemdaServices => {
      let services = pemdaServices.get(id);
      if (!services) {
        services = buildPemdaServices(store.forPemda(id), shared);
        pemdaServices.set(id, services);
      }
      return services;
    };
    const home = servicesOf(DEFAULT_PEMDA);
    // Sign-in is one route for the deployment: its events go to the audit log of the account's pemda.
    home.deps.accounts.auditOfUser = (user) => store.forPemda(pemdaOfUser(user)).audit;
    const app = createApp({
      ...home.deps,
      events,
      pemda: {
        depsOf: async (id) => {
          // A pemda added since this instance last read the list (the CLI, another instance): read it again.
          if (!pemdaServices.has(id) && !(await store.pemdas.get(id))) throw pemdaNotFound(id);
          return servicesOf(id).deps;
        },
        describe: (id) => store.pemdas.get(id),
        list: () => store.pemdas.list(),
        pemdaOfSignature: (code) => store.pemdaOfSignature(code),
      },
      clientDir: options.clientDir ?? CLIENT_DIR,
      trustProxy: options.trustProxy,
      log: options.log,
    });
    const server = createServer(app);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, options.host, resolve);
    });
    const { port } = server.address() as AddressInfo;
    const host = options.host.includes(':') ? `[${options.host}]` : options.host;
    let closing: Promise<void> | undefined;
    return {
      url: `http://${host}:${port}`,
      server,
      close: () =>
        (closing ??= Promise.all([
          new Promise<void>((resolve) => {
            server.close(() => resolve());
            server.closeIdleConnections();
            // Open map event streams would hold server.close() until every page went away.
            events.close();
          }),
          ...[...pemdaServices.values()].map((services) => services.stop()),
        ])
          .then(() => Promise.all([pdfPool?.close(), bpmnWork.close()]))
          .then(() => Promise.all([...pemdaServices.values()].map((services) => services.close())))
          .then(() => store.close())),
    };
  } catch (error) {
    await bpmnWork.close();
    await Promise.all([...pemdaServices.values()].map((services) => services.stop()));
    await store.close();
    throw error;
  }
}
