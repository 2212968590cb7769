// Thin typed wrapper over the HTTP API (docs/api.md); every failure becomes an ApiError with an Indonesian message.
// Every state-changing request carries the session's CSRF token; an ended session is reported to the app.
import type { ExportSummary } from '../../../server/sop/batch/export-contents';
import type {
  AuditEvent,
  AuditFilter,
  KamusSynonym,
  ImportParams,
  LibraryTemplate,
  MapFilter,
  MapPage,
  MapPatch,
  Meta,
  NewMap,
  NewRevision,
  NewUser,
  ProcessMap,
  Revision,
  RevisionDiff,
  Session,
  Settings,
  TimeZone,
  Letterhead,
  SetupInput,
  SopIdentityDraft,
  SopRecordView,
  SopSettings,
  SopVersion,
  StoredLetterhead,
  User,
  UserPatch,
} from './types';
import type { Anchor, AnnotationList, AnnotationStatus, AnnotationView, InboxItem, ReviewReadiness, ReviewView, TransitionRequest } from './types';
import type { DueItem, Evaluation, EvaluationInput, EvaluationTemplate, Monitoring, MonitoringInput, MonitoringTemplate } from './types';
import type { RelasiView } from './types';
import type { SignatureSetting } from './types';
import type { Dashboard } from './types';
import type { MapRepositoryLint, RepositoryLintResult } from './types';
import type { CallLink, MapMove } from './types';
import type { ImportPreview, ImportWarning } from './types';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

interface ErrorBody {
  error?: { code?: unknown; message?: unknown; details?: unknown };
}

async function toApiError(response: Response): Promise<ApiError> {
  let body: ErrorBody = {};
  try {
    body = (await response.json()) as ErrorBody;
  } catch {
    // Not a JSON error body (a proxy or the network answered): fall back to the status below.
  }
  const error = body.error;
  if (error && typeof error.code === 'string' && typeof error.message === 'string') {
    const details = typeof error.details === 'object' && error.details !== null ? error.details : {};
    return new ApiError(response.status, error.code, error.message, details as Record<string, unknown>);
  }
  return new ApiError(
    response.status,
    'HTTP_' + response.status,
    `Server menjawab dengan kesalahan ${response.status}. Coba lagi beberapa saat lagi.`,
  );
}

/** What the API needs from the signed-in session; the app context provides it (context.ts). */
export interface SessionHooks {
  /** The current session's CSRF token, or null while nobody is signed in. */
  csrfToken(): string | null;
  /** A request was refused because the session has ended (401 UNAUTHENTICATED). */
  onUnauthenticated(error: ApiError): void;
  /** The server refused the CSRF token; resolves true once a fresh token is in place and the request may be sent again. */
  onCsrfRejected(): Promise<boolean>;
}

let hooks: SessionHooks = {
  csrfToken: () => null,
  onUnauthenticated: () => undefined,
  onCsrfRejected: async () => false,
};

export function setSessionHooks(next: SessionHooks): void {
  hooks = next;
}

export const CSRF_HEADER = 'x-csrf-token';
/** Names this page load on each request; the server puts it in the map events a write causes, so the page that made a
 * change does not take its own event for someone else's (server/events/publish-map-events.ts). */
export const PAGE_HEADER = 'x-petakerja-page';
// getRandomValues, not randomUUID: the latter exists only in secure contexts, and an office may serve plain http on its LAN.
export const PAGE_ID = Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, '0')).join('');
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

interface SendOptions {
  /** A 401 is an expected answer (asking whether anyone is signed in): do not treat it as an ended session. */
  anonymousOk?: boolean;
}

function withCsrf(init: RequestInit): RequestInit {
  const method = (init.method ?? 'GET').toUpperCase();
  const token = hooks.csrfToken();
  if (SAFE_METHODS.has(method)) return init;
  const headers = new Headers(init.headers);
  headers.set(PAGE_HEADER, PAGE_ID);
  if (!token) return { ...init, headers };
  headers.set(CSRF_HEADER, token);
  return { ...init, headers };
}

async function send(path: string, init: RequestInit = {}, options: SendOptions = {}, retried = false): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(path, { credentials: 'same-origin', ...withCsrf(init) });
  } catch {
    throw new ApiError(0, 'NETWORK', 'Tidak dapat menghubungi server. Periksa sambungan Anda lalu coba lagi.');
  }
  if (response.ok) return response;
  const error = await toApiError(response);
  if (error.status === 401 && error.code === 'UNAUTHENTICATED' && !options.anonymousOk) {
    hooks.onUnauthenticated(error);
  } else if (error.status === 403 && error.code === 'CSRF_INVALID' && !retried && (await hooks.onCsrfRejected())) {
    // The server refused before doing anything, so sending again with the fresh token is safe.
    return send(path, init, options, true);
  }
  throw error;
}

async function json<T>(path: string, method = 'GET', body?: unknown, options?: SendOptions): Promise<T> {
  const init: RequestInit = { method, headers: { Accept: 'application/json' } };
  if (body !== undefined) {
    init.headers = { ...init.headers, 'Content-Type': 'application/json' };
    init.body = JSON.stringify(body);
  }
  const response = await send(path, init, options);
  return (await response.json()) as T;
}

/** For routes answering 204 No Content. */
async function noContent(path: string, method: string, body?: unknown): Promise<void> {
  const init: RequestInit = { method, headers: { Accept: 'application/json' } };
  if (body !== undefined) {
    init.headers = { ...init.headers, 'Content-Type': 'application/json' };
    init.body = JSON.stringify(body);
  }
  await send(path, init);
}

function mapPath(id: string): string {
  return '/api/maps/' + encodeURIComponent(id);
}

function withQuery(path: string, params: Record<string, string | undefined>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value) query.set(key, value);
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

export const api = {
  /** Whether the first administrator still has to be created (public). */
  async setupNeeded(): Promise<boolean> {
    const { needed } = await json<{ needed: boolean }>('/api/setup');
    return needed;
  },

  /** Creates the first administrator and signs them in (public, only while no account exists). */
  setup(input: SetupInput): Promise<Session> {
    return json<Session>('/api/setup', 'POST', input, { anonymousOk: true });
  },

  signIn(username: string, password: string): Promise<Session> {
    return json<Session>('/api/session', 'POST', { username, password }, { anonymousOk: true });
  },

  /** The current session, or null when nobody is signed in. */
  async session(): Promise<Session | null> {
    try {
      return await json<Session>('/api/session', 'GET', undefined, { anonymousOk: true });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return null;
      throw error;
    }
  },

  signOut(): Promise<void> {
    return noContent('/api/session', 'DELETE');
  },

  /** The pemda a province role reads from now on (docs/api.md, POST /api/session/pemda); answers the session. */
  choosePemda(pemda: string): Promise<Session> {
    return json<Session>('/api/session/pemda', 'POST', { pemda });
  },

  changePassword(currentPassword: string, newPassword: string): Promise<void> {
    return noContent('/api/session/password', 'POST', { currentPassword, newPassword });
  },

  async listUsers(): Promise<User[]> {
    const { items } = await json<{ items: User[] }>('/api/users');
    return items;
  },

  async createUser(input: NewUser): Promise<User> {
    const { user } = await json<{ user: User }>('/api/users', 'POST', input);
    return user;
  },

  async updateUser(id: string, patch: UserPatch): Promise<User> {
    const { user } = await json<{ user: User }>('/api/users/' + encodeURIComponent(id), 'PATCH', patch);
    return user;
  },

  /** The repository's synonyms of the kamus jabatan (lane titles answered for), read by the modeller's lint. */
  async kamus(): Promise<KamusSynonym[]> {
    return (await json<{ items: KamusSynonym[] }>('/api/kamus')).items;
  },

  /** Teaches the kamus what a lane title means (admins and drafters). */
  putKamus(name: string, answer: Omit<KamusSynonym, 'name'>): Promise<KamusSynonym> {
    return json<KamusSynonym>('/api/kamus/' + encodeURIComponent(name), 'PUT', answer);
  },

  /** The public address (and, for administrators, the trust proxy setting). */
  settings(): Promise<Settings> {
    return json<Settings>('/api/settings');
  },

  /** Confirms the public address printed in signed SOPs' QR codes (administrators). */
  async setPublicUrl(publicUrl: string): Promise<Settings['publicUrl']> {
    return (await json<{ publicUrl: Settings['publicUrl'] }>('/api/settings/public-url', 'PUT', { publicUrl })).publicUrl;
  },

  /** Sets the pemda's time zone, in which the public verification page shows times (administrators). */
  async setTimeZone(timeZone: TimeZone): Promise<Settings['timeZone']> {
    return (await json<{ timeZone: Settings['timeZone'] }>('/api/settings/time-zone', 'PUT', { timeZone })).timeZone;
  },

  /** The trust list and name policy of electronic signatures (administrators; issue 19). */
  async signatureSettings(): Promise<SignatureSetting> {
    return (await json<{ signature: SignatureSetting }>('/api/settings/signature')).signature;
  },

  async setSignatureSettings(value: { trustListPem: string; nameMismatch: SignatureSetting['nameMismatch']; tsaUrl?: string }): Promise<SignatureSetting> {
    return (await json<{ signature: SignatureSetting }>('/api/settings/signature', 'PUT', value)).signature;
  },

  /** A page of audit events, newest first, filtered (docs/api.md); `nextCursor` continues with older ones. */
  audit(limit: number, filter: AuditFilter = {}): Promise<{ items: AuditEvent[]; nextCursor?: string }> {
    return json<{ items: AuditEvent[]; nextCursor?: string }>(withQuery('/api/audit', { limit: String(limit), ...filter }));
  },

  /** What an export of the unit's SOPs holds: the SOPs in force and the drafts (docs/api.md, "SOP batch export"). */
  sopExportSummary(unit: string): Promise<ExportSummary> {
    return json<ExportSummary>(`/api/units/${encodeURIComponent(unit)}/sop-exports/summary`);
  },

  meta(): Promise<Meta> {
    return json<Meta>('/api/meta');
  },

  async listMaps(filter: MapFilter = {}): Promise<ProcessMap[]> {
    const { items } = await json<{ items: ProcessMap[] }>(withQuery('/api/maps', { ...filter }));
    return items;
  },

  /** `limit` maps of the listing from position `offset` (0: the first) on, and the filtered listing's total. */
  listMapsPage(filter: MapFilter, page: { limit: number; offset: number }): Promise<MapPage> {
    return json<MapPage>(withQuery('/api/maps', { ...filter, limit: String(page.limit), offset: String(page.offset) }));
  },

  /** The reference library's maps, offered as templates when a map is created. */
  async listTemplates(): Promise<LibraryTemplate[]> {
    const { items } = await json<{ items: LibraryTemplate[] }>('/api/templates');
    return items;
  },

  async createMap(input: NewMap): Promise<ProcessMap> {
    const { map } = await json<{ map: ProcessMap }>('/api/maps', 'POST', input);
    return map;
  },

  async getMap(id: string): Promise<ProcessMap> {
    const { map } = await json<{ map: ProcessMap }>(mapPath(id));
    return map;
  },

  async updateMap(id: string, patch: MapPatch): Promise<ProcessMap> {
    const { map } = await json<{ map: ProcessMap }>(mapPath(id), 'PATCH', patch);
    return map;
  },

  /** Moves the map and its subtree under `parentId` (null: top level); `dryRun` only answers what would change. */
  moveMap(id: string, parentId: string | null, dryRun = false): Promise<MapMove> {
    return json<MapMove>(mapPath(id) + '/move', 'POST', { parentId, dryRun });
  },

  /** "Buat peta rincian": the child map of the unresolved call `elementId`, linked from it in a new revision of `id`. */
  createDetailMap(id: string, input: { elementId: string; baseRevision: number; name?: string }): Promise<{ map: ProcessMap; parent: ProcessMap; revision: Revision }> {
    return json<{ map: ProcessMap; parent: ProcessMap; revision: Revision }>(mapPath(id) + '/rincian', 'POST', input);
  },

  /** The map's ancestors, the top-level map first (the breadcrumb). */
  async mapAncestors(id: string): Promise<ProcessMap[]> {
    const { items } = await json<{ items: ProcessMap[] }>(mapPath(id) + '/ancestors');
    return items;
  },

  /** The call activities and collapsed sub-processes of revision `n` (default: current) and the maps they open. */
  async mapLinks(id: string, n?: number): Promise<CallLink[]> {
    const { items } = await json<{ items: CallLink[] }>(withQuery(mapPath(id) + '/links', { revision: n === undefined ? undefined : String(n) }));
    return items;
  },

  /** Revisions of a map, oldest first. */
  async listRevisions(id: string): Promise<Revision[]> {
    const { items } = await json<{ items: Revision[] }>(mapPath(id) + '/revisions');
    return items;
  },

  saveRevision(id: string, input: NewRevision): Promise<{ revision: Revision; map: ProcessMap }> {
    return json(mapPath(id) + '/revisions', 'POST', input);
  },

  async revisionXml(id: string, n: number): Promise<string> {
    const response = await send(`${mapPath(id)}/revisions/${n}/xml`, { headers: { Accept: 'application/xml' } });
    return response.text();
  },

  /** What changed from revision `dari` to `ke`: elements, SOP identity and SOP rows (docs/diff.md). */
  async diff(id: string, dari: number, ke: number): Promise<RevisionDiff> {
    const { diff } = await json<{ diff: RevisionDiff }>(withQuery(`${mapPath(id)}/diff`, { dari: String(dari), ke: String(ke) }));
    return diff;
  },

  /** What importing the file would store and propose, creating nothing; the file goes as its bytes. */
  async previewImport(file: Blob | string): Promise<ImportPreview> {
    const response = await send('/api/import/preview', {
      method: 'POST',
      headers: { 'Content-Type': 'application/octet-stream', Accept: 'application/json' },
      body: file,
    });
    const preview = (await response.json()) as Partial<ImportPreview>;
    return { ...(preview as ImportPreview), warnings: preview.warnings ?? [], lanes: preview.lanes ?? [] };
  },

  /** Creates a map from the file's bytes with the choices made; answers with what the import changed or dropped. */
  async importMap(file: Blob | string, params: ImportParams): Promise<{ map: ProcessMap; warnings: ImportWarning[]; document?: ImportPreview['document'] }> {
    const { lanes, ...rest } = params;
    const query = { ...rest, lanes: lanes && Object.keys(lanes).length > 0 ? JSON.stringify(lanes) : undefined };
    const response = await send(withQuery('/api/import', query), {
      method: 'POST',
      headers: { 'Content-Type': typeof file === 'string' ? 'application/xml' : 'application/octet-stream', Accept: 'application/json' },
      body: file,
    });
    const { map, warnings, document } = (await response.json()) as { map: ProcessMap; warnings?: ImportWarning[]; document?: ImportPreview['document'] };
    return { map, warnings: warnings ?? [], ...(document ? { document } : {}) };
  },

  /** The uploaded file of an imported map, exactly as it came (a download). */
  originalUrl(id: string): string {
    return `${mapPath(id)}/original`;
  },

  /** The map's SOP record (null before the first save), its history newest first, and the map's current revision. */
  getSop(id: string): Promise<SopRecordView> {
    return json<SopRecordView>(mapPath(id) + '/sop');
  },

  /**
   * Saves the SOP record; `version` is the one the form was loaded from (0: none yet), SOP_CONFLICT when stale.
   * `unchanged`: the form equalled the current version, which the server kept (no new version).
   */
  async saveSop(id: string, input: { version: number; identity: SopIdentityDraft; settings: SopSettings }): Promise<{ record: SopVersion; unchanged: boolean }> {
    const { record, unchanged } = await json<{ record: SopVersion; unchanged?: true }>(mapPath(id) + '/sop', 'PUT', input);
    return { record, unchanged: unchanged === true };
  },

  /** The SOP document (HTML) of the map's current revision with an unsaved identity and settings: the live preview. */
  async previewSop(id: string, input: { identity: SopIdentityDraft; settings: SopSettings }): Promise<string> {
    const response = await send(mapPath(id) + '/sop/preview', {
      method: 'POST',
      headers: { Accept: 'text/html', 'Content-Type': 'application/json' },
      body: JSON.stringify(input),
    });
    return response.text();
  },

  /** The letterhead the unit's SOPs print (organisation bureau only); null while none is set. */
  async getLetterhead(unit: string): Promise<StoredLetterhead | null> {
    const { letterhead } = await json<{ letterhead: StoredLetterhead | null }>(`/api/units/${encodeURIComponent(unit)}/letterhead`);
    return letterhead;
  },

  async saveLetterhead(unit: string, letterhead: Letterhead): Promise<StoredLetterhead> {
    const { letterhead: stored } = await json<{ letterhead: StoredLetterhead }>(`/api/units/${encodeURIComponent(unit)}/letterhead`, 'PUT', letterhead);
    return stored;
  },

  /** Where the SOP document of the map (of revision `n`, or the current one) is served as HTML or PDF. */
  /** The SOP document of a map (current revision unless `n`); `appendix` adds the BPMN diagram as the last page. */
  sopUrl(id: string, format: 'html' | 'pdf' | 'docx', n?: number, appendix = false): string {
    return withQuery(`${mapPath(id)}/sop.${format}`, { revision: n === undefined ? undefined : String(n), lampiran: appendix ? 'diagram' : undefined });
  },

  /** The review record of a map (docs/review.md): state, actions open to me, audit log, signed SOPs. */
  getReview(id: string): Promise<ReviewView> {
    return json<ReviewView>(mapPath(id) + '/review');
  },

  /**
   * The server-sent events of one map (`ready`, then `map` for each change: server/events/events.routes.ts); with the
   * revision the page shows, a newer one saved before the stream listened is announced first.
   */
  mapEventsUrl(id: string, shownRevision?: number): string {
    return mapPath(id) + '/events' + (shownRevision === undefined ? '' : `?revisi=${shownRevision}`);
  },

  /** Whether the current revision may be submitted (the lint at `pengajuan` with the SOP identity in force). */

  reviewReadiness(id: string): Promise<ReviewReadiness> {
    return json<ReviewReadiness>(mapPath(id) + '/review/readiness');
  },

  /** Takes a lifecycle action; REVIEW_CONFLICT when `baseSeq` is stale, SOP_NOT_READY with the findings. */
  reviewTransition(id: string, request: TransitionRequest): Promise<ReviewView> {
    return json<ReviewView>(mapPath(id) + '/review/transitions', 'POST', request);
  },

  /** The annotation threads as seen at revision `n` (the current one when absent). */
  listAnnotations(id: string, n?: number): Promise<AnnotationList> {
    return json<AnnotationList>(withQuery(mapPath(id) + '/annotations', { revision: n === undefined ? undefined : String(n) }));
  },

  async addAnnotation(id: string, input: { anchor: Anchor; body: string; revision?: number }): Promise<AnnotationView> {
    const { annotation } = await json<{ annotation: AnnotationView }>(mapPath(id) + '/annotations', 'POST', input);
    return annotation;
  },

  async replyAnnotation(id: string, annotationId: string, body: string): Promise<AnnotationView> {
    const { annotation } = await json<{ annotation: AnnotationView }>(`${mapPath(id)}/annotations/${encodeURIComponent(annotationId)}/replies`, 'POST', { body });
    return annotation;
  },

  async setAnnotationStatus(id: string, annotationId: string, status: AnnotationStatus): Promise<AnnotationView> {
    const { annotation } = await json<{ annotation: AnnotationView }>(`${mapPath(id)}/annotations/${encodeURIComponent(annotationId)}/status`, 'POST', { status });
    return annotation;
  },

  /** Uploads the wet-signed or e-signed scan of a signed SOP (PDF, PNG or JPEG) as the raw body. */
  async uploadSignatureScan(id: string, code: string, file: File): Promise<void> {
    await send(`${mapPath(id)}/signatures/${encodeURIComponent(code)}/scans`, {
      method: 'POST',
      headers: { 'Content-Type': file.type || 'application/octet-stream', 'X-Nama-Berkas': encodeURIComponent(file.name), Accept: 'application/json' },
      body: file,
    });
  },

  signaturePdfUrl(id: string, code: string): string {
    return `${mapPath(id)}/signatures/${encodeURIComponent(code)}/pdf`;
  },

  signatureScanUrl(id: string, code: string, sha256: string): string {
    return `${mapPath(id)}/signatures/${encodeURIComponent(code)}/scans/${encodeURIComponent(sha256)}`;
  },

  /** What waits for the signed-in user across the maps they may see. */
  async reviewInbox(): Promise<InboxItem[]> {
    const { items } = await json<{ items: InboxItem[] }>('/api/review/inbox');
    return items;
  },

  /** Monitoring forms of the map's SOP (docs/evaluation.md), newest first, and the template of a new one (null: no SOP in force). */
  listMonitorings(id: string): Promise<{ items: Monitoring[]; template: MonitoringTemplate | null }> {
    return json(mapPath(id) + '/monitoring');
  },

  async addMonitoring(id: string, input: MonitoringInput): Promise<Monitoring> {
    const { monitoring } = await json<{ monitoring: Monitoring }>(mapPath(id) + '/monitoring', 'POST', input);
    return monitoring;
  },

  listEvaluations(id: string): Promise<{ items: Evaluation[]; template: EvaluationTemplate | null }> {
    return json(mapPath(id) + '/evaluasi');
  },

  async addEvaluation(id: string, input: EvaluationInput): Promise<Evaluation> {
    const { evaluation } = await json<{ evaluation: Evaluation }>(mapPath(id) + '/evaluasi', 'POST', input);
    return evaluation;
  },

  /** A filled form printed (`formId`), or the blank one of the SOP in force (`formId` absent), as HTML or PDF. */
  evaluationFormUrl(id: string, form: 'monitoring' | 'evaluasi', format: 'html' | 'pdf', formId?: string): string {
    return `${mapPath(id)}/${form}/${formId === undefined ? 'formulir' : encodeURIComponent(formId)}.${format}`;
  },

  /** SOPs in force due for their yearly evaluation or marked for revision, most overdue first. */
  async evaluationsDue(): Promise<DueItem[]> {
    const { items } = await json<{ items: DueItem[] }>('/api/review/evaluations-due');
    return items;
  },

  /** The peta relasi of a proses/subproses map: generated from its lintas fungsi maps, compared with those drawn. */
  relasi(id: string): Promise<RelasiView> {
    return json<RelasiView>(mapPath(id) + '/relasi');
  },

  /** Saves the generated peta relasi as a new child map (`baru`) or as a new revision of one of the process's relasi maps. */
  saveRelasi(id: string, target: { target: 'baru' } | { target: string; baseRevision: number }): Promise<{ map: ProcessMap; revision?: Revision }> {
    return json(mapPath(id) + '/relasi', 'POST', target);
  },

  /** Per unit and per map kind: maps, SOP states, lint counts (`pending`: maps still being checked), evaluations due. */
  repositoryDashboard(): Promise<Dashboard> {
    return json<Dashboard>('/api/repository/dashboard');
  },

  /** The repository-wide checks (RULES.md §F) on the maps of the units the user sees. */
  repositoryLint(): Promise<RepositoryLintResult> {
    return json<RepositoryLintResult>('/api/repository/lint');
  },

  /** The repository checks' findings (map/*) on one map's current saved revision. */
  mapRepositoryLint(id: string): Promise<MapRepositoryLint> {
    return json<MapRepositoryLint>(mapPath(id) + '/repository-lint');
  },
};

export type Api = typeof api;
