// Builds the express application from its dependencies, without listening (main and tests both use it).
import cookieParser from 'cookie-parser';
import express, { type Express } from 'express';
import helmet from 'helmet';
import { z } from 'zod';
import { accountRoutes, publicAccountRoutes, type DescribePemda } from './accounts/accounts.routes';
import type { AccountsService } from './accounts/accounts.service';
import { MAX_XML_BYTES } from './bpmn/xml-guard';
import { mapEventsRouter } from './events/events.routes';
import { InProcessMapEventBus, type MapEventBus } from './events/map-events';
import { publishMapEvents } from './events/publish-map-events';
import { auditDenials, authenticate, requireCsrf, requireSession } from './http/auth';
import { pemdaRouting, type PemdaRouting } from './http/pemda-routing';
import { appShell } from './http/app-shell';
import { errorHandler, notFoundHandler } from './http/error-handler';
import { metaRouter } from './http/meta.routes';
import { lintRouter } from './lint/lint.routes';
import { mapsRouter } from './maps/maps.routes';
import type { MapsService } from './maps/maps.service';
import { diffRouter } from './review/diff.routes';
import { reviewRouter, type ReviewRouteDeps } from './review/review.routes';
import { signatureFilesRouter } from './review/signature/scan.routes';
import { verificationRouter } from './review/signature/verification.routes';
import { evaluationRouter } from './review/evaluation/evaluation.routes';
import { dashboardRouter } from './repository/dashboard.routes';
import type { DashboardService } from './repository/dashboard.service';
import { repositoryLintRouter } from './repository/repository-lint.routes';
import type { RepositoryLintService } from './repository/repository-lint.service';
import { relasiRouter } from './repository/relasi/relasi.routes';
import type { RelasiService } from './repository/relasi/relasi.service';
import type { EvaluationService } from './review/evaluation/evaluation.service';
import { sopExportRouter } from './sop/batch/export.routes';
import type { ExportJobs } from './sop/batch/render-export';
import { sopRouter } from './sop/sop.routes';
import type { SopService } from './sop/sop.service';
import { settingsRouter } from './settings/settings.routes';
import type { SettingsService } from './settings/settings.service';
import { kamusRouter } from './settings/kamus.routes';
import type { KamusService } from './settings/kamus.service';

// Validation messages of zod reach users: make them Indonesian.
z.config(z.locales.id());

export interface AppDeps {
  maps: MapsService;
  accounts: AccountsService;
  /** SOP records, letterheads and SOP documents (HTML, PDF); the routes are absent without it. */
  sop?: SopService;
  /** Batch exports of a unit's SOPs (ZIP, SOP book); the routes are absent without it. */
  sopExports?: ExportJobs;
  /** The review cycle: lifecycle, annotations, inbox (docs/review.md); the routes are absent without it. */
  review?: ReviewRouteDeps;
  /** Monitoring and evaluation forms of SOPs in force (docs/evaluation.md); the routes are absent without it. */
  evaluation?: EvaluationService;
  /** The repository dashboard per unit and map kind (docs/dashboard.md); the route is absent without it. */
  dashboard?: DashboardService;
  /** The repository-wide checks of RULES.md §F (docs/repository-lint.md); the route is absent without it. */
  repositoryLint?: RepositoryLintService;
  /** The peta relasi of a process, generated from its lintas fungsi maps (docs/relasi.md); the routes are absent without it. */
  relasi?: RelasiService;
  /** The public address an admin confirms (docs/security.md, Public address); the routes are absent without it. */
  settings?: SettingsService;
  /** The repository's synonyms of the kamus jabatan (GET/PUT/DELETE /api/kamus). */
  kamus?: KamusService;
  /** Where committed writes to a map are announced to its open pages; one process's own bus unless given. */
  events?: MapEventBus;
  /**
   * Many pemda in one deployment (docs/storage.md, Many pemda): the services of each pemda, which the API routes of a
   * request are dispatched to (its user's pemda, or the one a province role reads). Absent: one pemda, the deps above.
   */
  pemda?: PemdaRouting;
  /** The built client (dist/client); the SPA is served from here. */
  clientDir: string;
  /** Express's "trust proxy" setting, for deployments behind a reverse proxy terminating https. */
  trustProxy?: boolean | number | string;
  log?: (line: string) => void;
}

/** JSON bodies carry XML escaped inside a string: leave room for the escaping. */
const JSON_LIMIT_BYTES = Math.ceil(MAX_XML_BYTES * 1.25) + 64 * 1024;

/**
 * bpmn-js and the properties panel set inline style attributes from script (allowed under 'self'); bpmn-font is a
 * file of the client's own (fonts from data: URLs stay allowed); exported SVG and PNG previews use blob: and data: images.
 */
const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  upgradeInsecureRequests: null,
};

/** What the API routes of one pemda are built from: its own services (server.ts buildPemdaServices). */
export type PemdaAppDeps = Pick<AppDeps, 'maps' | 'accounts' | 'sop' | 'sopExports' | 'review' | 'evaluation' | 'dashboard' | 'repositoryLint' | 'relasi' | 'settings' | 'kamus'>;

/** The routes that need a session, over one pemda's services: every route that reads or writes that pemda's data. */
function pemdaApiRouter(
  { maps, accounts, settings, kamus, sop, sopExports, evaluation, dashboard, repositoryLint, relasi, review }: PemdaAppDeps,
  events: MapEventBus,
  trustProxy: boolean | number | string,
  describePemda: DescribePemda,
): express.Router {
  const api = express.Router();
  api.use(accountRoutes(accounts, describePemda));
  api.use(publishMapEvents(events, maps));
  api.use(mapEventsRouter(events, maps));
  if (settings) api.use(settingsRouter(settings, accounts, trustProxy));
  if (kamus) api.use(kamusRouter(kamus, accounts));
  api.use(metaRouter(maps));
  api.use(mapsRouter(maps));
  api.use(lintRouter(maps, repositoryLint));
  if (sop) api.use(sopRouter(sop));
  // Revision diffs (docs/diff.md); the SOP identity part is empty without SOP records.
  api.use(diffRouter({ maps, sop }));
  if (sopExports) api.use(sopExportRouter(sopExports));
  if (evaluation) api.use(evaluationRouter(evaluation));
  if (dashboard) api.use(dashboardRouter(dashboard));
  if (repositoryLint) api.use(repositoryLintRouter(repositoryLint, maps));
  if (relasi) api.use(relasiRouter(relasi));
  if (review) {
    api.use(reviewRouter(review));
    api.use(signatureFilesRouter({
      signature: (user, mapId, code) => review.review.signature(user, mapId, code),
      addScan: (user, mapId, code, file) => review.review.addScan(user, mapId, code, file),
      readFile: (sha256) => review.reviews.readFile(sha256),
    }));
  }
  api.use(notFoundHandler);
  return api;
}

export function createApp(deps: AppDeps): Express {
  const { accounts, settings, review, events = new InProcessMapEventBus(), clientDir, trustProxy = false, log = console.error } = deps;
  const routing = pemdaRouting(deps, (pemdaDeps, describePemda) => pemdaApiRouter(pemdaDeps, events, trustProxy, describePemda));
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', trustProxy);
  // No ETag hashed over every API answer; the map listing sets its own (static files keep theirs).
  app.set('etag', false);
  app.set('query parser', 'simple');
  app.use(helmet({ contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY }, strictTransportSecurity: false }));

  // The public verification of signed SOPs (/verifikasi/<code>): no session, read-only but for checking a file.
  // A code is unique in the deployment: its pemda's services answer (docs/storage.md, Many pemda).
  if (review) {
    app.use(
      verificationRouter({
        lookup: async (code) => (await routing.depsOfCode(code)).review?.review.lookup(code),
        readFile: async (sha256, code) => (await routing.depsOfCode(code)).review!.reviews.readFile(sha256),
        // With the trust list of the code's pemda (settings are per pemda).
        verifyElectronic: async (bytes, code) => ((await routing.depsOfCode(code)).review ?? review).review.verifyElectronic(bytes),
        ...(settings ? { timeZone: async (code: string) => ((await routing.depsOfCode(code)).settings ?? settings).timeZone().zone } : {}),
      }),
    );
  }

  const api = express.Router();
  api.use((_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });
  // Imports take the file's raw bytes whatever their content type (maps.routes.ts): JSON is not parsed there.
  api.use(express.json({ limit: JSON_LIMIT_BYTES, type: (req) => !/^\/import(\/|$)/.test((req as express.Request).path) && !!(req as express.Request).is('application/json') }));
  api.use(cookieParser());
  // Sign-in and sessions are one for the deployment (usernames unique in it); setup makes the default pemda's admin.
  api.use(authenticate(accounts));
  api.use(publicAccountRoutes(accounts, settings, routing.describe));
  // Everything below needs a session, and a CSRF token for any change: deny by default.
  api.use(requireSession, requireCsrf);
  // The province role's choice of the pemda it reads (docs/api.md, Many pemda).
  api.use(routing.sessionRoutes);
  // Each request acts in one pemda (its user's, or the one a province role reads) and goes to that pemda's routes.
  api.use(routing.dispatch, routing.home);
  api.use(auditDenials((req) => routing.accountsOf(req)));
  app.use('/api', api);

  app.use(express.static(clientDir, { index: false, maxAge: '1h' }));
  // The SPA shell, with the setup state and the request's session in it (server/http/app-shell.ts).
  app.get(/.*/, cookieParser(), appShell(accounts, clientDir, log, routing.describe));
  app.use(notFoundHandler);
  app.use(errorHandler(log));
  return app;
}
