// Every API route × every role (and anonymous) × a map of the user's own unit and of another unit, with the
// status each must get, generated from one policy table.
import type { Express, Router } from 'express';
import { afterAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../server/accounts/password';
import { openPostgresStore } from '../../server/store/postgres/open-postgres-store';
import { ROLES, type Role } from '../../server/accounts/accounts.records';
import { AccountsService } from '../../server/accounts/accounts.service';
import { createApp } from '../../server/app';
import { MapsService } from '../../server/maps/maps.service';
import { TemplateLibrary } from '../../server/maps/templates';
import { SopExportJobs } from '../../server/sop/batch/export-jobs';
import { EvaluationService } from '../../server/review/evaluation/evaluation.service';
import { DashboardService } from '../../server/repository/dashboard.service';
import { LintSummaryCache } from '../../server/repository/lint-summary-cache';
import { RepositoryLintService } from '../../server/repository/repository-lint.service';
import { RelasiService } from '../../server/repository/relasi/relasi.service';
import { SopService } from '../../server/sop/sop.service';
import { AnnotationsService } from '../../server/review/annotations.service';
import { ReviewService } from '../../server/review/review.service';
import { openEmbeddedStore } from '../../server/store/store';
import { createHash } from 'node:crypto';
import { minimalBpmn } from '../helpers/fixtures';
import { newSopMap, signSop } from '../helpers/review-cycle';
import { startTestServer, TEST_PASSWORD, type ApiClient, type TestServer } from '../helpers/server';
import { tempDir } from '../helpers/temp-dir';
import { SettingsService } from '../../server/settings/settings.service';
import { KamusService } from '../../server/settings/kamus.service';

/** Who may call a route: anyone signed in, only holders of one role, or the bureau (admin, penyusun), which sees every unit. */
type Access = 'signed-in' | 'penyusun' | 'admin' | 'bureau' | 'pengisi' | 'pemindai';
interface Policy {
  route: string;
  access: Access;
  /** The route acts on one map; users outside the bureau reach their own unit's maps only. */
  map?: true;
  ok: number;
}

const POLICY: Policy[] = [
  { route: 'GET /api/session', access: 'signed-in', ok: 200 },
  { route: 'POST /api/session/password', access: 'signed-in', ok: 204 },
  // The pemda a province role reads (docs/api.md, Many pemda): choosing one's own pemda is allowed to everyone.
  { route: 'POST /api/session/pemda', access: 'signed-in', ok: 200 },
  { route: 'GET /api/meta', access: 'signed-in', ok: 200 },
  { route: 'GET /api/maps', access: 'signed-in', ok: 200 },
  { route: 'GET /api/templates', access: 'signed-in', ok: 200 },
  { route: 'POST /api/maps', access: 'penyusun', ok: 201 },
  { route: 'POST /api/import', access: 'penyusun', ok: 201 },
  { route: 'POST /api/import/preview', access: 'penyusun', ok: 200 },
  { route: 'GET /api/maps/:id', access: 'signed-in', map: true, ok: 200 },
  { route: 'PATCH /api/maps/:id', access: 'penyusun', map: true, ok: 200 },
  { route: 'GET /api/maps/:id/revisions', access: 'signed-in', map: true, ok: 200 },
  // The matrix's maps are created, not imported: past the permission checks the answer is ORIGINAL_NOT_FOUND.
  { route: 'GET /api/maps/:id/original', access: 'signed-in', map: true, ok: 404 },
  // The hierarchy (docs/hierarchy.md): moving to the top level a map already at the top changes nothing (200).
  { route: 'POST /api/maps/:id/move', access: 'penyusun', map: true, ok: 200 },
  { route: 'GET /api/maps/:id/ancestors', access: 'signed-in', map: true, ok: 200 },
  // The map's changes as server-sent events (server/events): whoever may read the map.
  { route: 'GET /api/maps/:id/events', access: 'signed-in', map: true, ok: 200 },
  { route: 'GET /api/maps/:id/children', access: 'signed-in', map: true, ok: 200 },
  { route: 'GET /api/maps/:id/links', access: 'signed-in', map: true, ok: 200 },
  { route: 'POST /api/maps/:id/revisions', access: 'penyusun', map: true, ok: 201 },
  { route: 'GET /api/maps/:id/revisions/:n/xml', access: 'signed-in', map: true, ok: 200 },
  { route: 'GET /api/maps/:id/xml', access: 'signed-in', map: true, ok: 200 },
  { route: 'GET /api/maps/:id/lint', access: 'signed-in', map: true, ok: 200 },
  // Without ?dari&ke: the current revision against the one before it (revision 1 against itself here).
  { route: 'GET /api/maps/:id/diff', access: 'signed-in', map: true, ok: 200 },
  { route: 'POST /api/lint', access: 'signed-in', ok: 200 },
  { route: 'GET /api/maps/:id/sop', access: 'signed-in', map: true, ok: 200 },
  { route: 'PUT /api/maps/:id/sop', access: 'penyusun', map: true, ok: 200 },
  { route: 'GET /api/maps/:id/sop.html', access: 'signed-in', map: true, ok: 200 },
  { route: 'GET /api/maps/:id/sop.pdf', access: 'signed-in', map: true, ok: 200 },
  { route: 'GET /api/maps/:id/sop.docx', access: 'signed-in', map: true, ok: 200 },
  { route: 'POST /api/maps/:id/sop/preview', access: 'signed-in', map: true, ok: 200 },
  { route: 'GET /api/units/:unit/letterhead', access: 'bureau', ok: 200 },
  { route: 'PUT /api/units/:unit/letterhead', access: 'bureau', ok: 200 },
  // Asynchronous: 202 with a job; its events and file are the starter's (see send()).
  { route: 'POST /api/units/:unit/sop-exports', access: 'signed-in', map: true, ok: 202 },
  { route: 'GET /api/units/:unit/sop-exports/summary', access: 'signed-in', map: true, ok: 200 },
  { route: 'GET /api/sop-exports/:jobId/events', access: 'signed-in', ok: 200 },
  { route: 'GET /api/sop-exports/:jobId/file', access: 'signed-in', ok: 200 },
  { route: 'DELETE /api/sop-exports/:jobId', access: 'signed-in', ok: 204 },
  // Monitoring and evaluation (docs/evaluation.md): the matrix's maps have no SOP in force, so an allowed filler or a
  // blank form gets 409 SOP_NOT_IN_FORCE and a printout 404; `pengisi` is every role but pembaca.
  { route: 'GET /api/maps/:id/monitoring', access: 'signed-in', map: true, ok: 200 },
  { route: 'POST /api/maps/:id/monitoring', access: 'pengisi', map: true, ok: 409 },
  { route: 'GET /api/maps/:id/monitoring/formulir.pdf', access: 'signed-in', map: true, ok: 409 },
  { route: 'GET /api/maps/:id/monitoring/formulir.html', access: 'signed-in', map: true, ok: 409 },
  { route: 'GET /api/maps/:id/monitoring/:mid.html', access: 'signed-in', map: true, ok: 404 },
  { route: 'GET /api/maps/:id/monitoring/:mid.pdf', access: 'signed-in', map: true, ok: 404 },
  { route: 'GET /api/maps/:id/evaluasi', access: 'signed-in', map: true, ok: 200 },
  { route: 'POST /api/maps/:id/evaluasi', access: 'pengisi', map: true, ok: 409 },
  { route: 'GET /api/maps/:id/evaluasi/formulir.pdf', access: 'signed-in', map: true, ok: 409 },
  { route: 'GET /api/maps/:id/evaluasi/formulir.html', access: 'signed-in', map: true, ok: 409 },
  { route: 'GET /api/maps/:id/evaluasi/:mid.html', access: 'signed-in', map: true, ok: 404 },
  { route: 'GET /api/maps/:id/evaluasi/:mid.pdf', access: 'signed-in', map: true, ok: 404 },
  { route: 'GET /api/review/evaluations-due', access: 'signed-in', ok: 200 },
  // The dashboard counts the maps of the units the user sees (docs/dashboard.md).
  { route: 'GET /api/repository/dashboard', access: 'signed-in', ok: 200 },
  // Repository-wide checks (docs/repository-lint.md): findings on the maps of the units the user sees.
  { route: 'GET /api/repository/lint', access: 'signed-in', ok: 200 },
  // The repository findings of one map (the modeller's findings panel): a map of a unit the user sees.
  { route: 'GET /api/maps/:id/repository-lint', access: 'signed-in', map: true, ok: 200 },
  // The peta relasi of a process (docs/relasi.md): the matrix's subproses maps have no lintas fungsi maps beneath them,
  // so an allowed save is refused for want of hand-offs to draw.
  { route: 'GET /api/maps/:id/relasi', access: 'signed-in', map: true, ok: 200 },
  { route: 'POST /api/maps/:id/relasi', access: 'penyusun', map: true, ok: 422 },
  // "Buat peta rincian" (issue 15 item 4): the matrix's maps have no call activity, so an allowed request is refused.
  { route: 'POST /api/maps/:id/rincian', access: 'penyusun', map: true, ok: 400 },
  { route: 'GET /api/maps/:id/review', access: 'signed-in', map: true, ok: 200 },
  { route: 'GET /api/maps/:id/review/readiness', access: 'signed-in', map: true, ok: 200 },
  // The drafter's submission of a map without an SOP identity: allowed, then refused as not ready (state unchanged).
  { route: 'POST /api/maps/:id/review/transitions', access: 'penyusun', map: true, ok: 422 },
  { route: 'GET /api/maps/:id/annotations', access: 'signed-in', map: true, ok: 200 },
  { route: 'POST /api/maps/:id/annotations', access: 'pengisi', map: true, ok: 201 },
  { route: 'POST /api/maps/:id/annotations/:aid/replies', access: 'pengisi', map: true, ok: 201 },
  { route: 'POST /api/maps/:id/annotations/:aid/status', access: 'pengisi', map: true, ok: 200 },
  { route: 'GET /api/review/inbox', access: 'signed-in', ok: 200 },
  // A map without a signed SOP: allowed, then 404 for the unknown code.
  { route: 'GET /api/maps/:id/signatures/:code/pdf', access: 'signed-in', map: true, ok: 404 },
  { route: 'GET /api/maps/:id/signatures/:code/scans/:sha256', access: 'signed-in', map: true, ok: 404 },
  { route: 'POST /api/maps/:id/signatures/:code/scans', access: 'pemindai', map: true, ok: 404 },
  { route: 'GET /api/users', access: 'admin', ok: 200 },
  { route: 'POST /api/users', access: 'admin', ok: 201 },
  { route: 'PATCH /api/users/:id', access: 'admin', ok: 200 },
  { route: 'GET /api/audit', access: 'admin', ok: 200 },
  { route: 'GET /api/settings', access: 'signed-in', ok: 200 },
  { route: 'PUT /api/settings/public-url', access: 'admin', ok: 200 },
  // The repository's synonyms of the kamus jabatan (issue 14): read by everyone, answered by the bureau.
  { route: 'GET /api/kamus', access: 'signed-in', ok: 200 },
  { route: 'PUT /api/kamus/:name', access: 'bureau', ok: 200 },
  { route: 'DELETE /api/kamus/:name', access: 'bureau', ok: 204 },
  { route: 'PUT /api/settings/time-zone', access: 'admin', ok: 200 },
  // Certified electronic signatures (issue 19): the trust list and the name policy.
  { route: 'GET /api/settings/signature', access: 'admin', ok: 200 },
  { route: 'PUT /api/settings/signature', access: 'admin', ok: 200 },
];
/** Routes outside the matrix, each tested on its own in sessions.test.ts. */
const PUBLIC_OR_SESSION_ROUTES = ['GET /api/setup', 'POST /api/setup', 'POST /api/session', 'DELETE /api/session'];

const OWN_UNIT = 'Dinas Kesehatan';
const OTHER_UNIT = 'Dinas Pendidikan';
const BUREAU_ROLES: Role[] = ['admin', 'penyusun'];
/** The bureau and the province role (pembina, which only reads) see every unit's maps. */
const ALL_UNIT_ROLES: Role[] = [...BUREAU_ROLES, 'pembina'];

function expectedStatus(policy: Policy, role: Role | 'anonim', unit: 'own' | 'other'): number {
  if (role === 'anonim') return 401;
  if (policy.access === 'pengisi') return role === 'pembaca' || role === 'pembina' || (unit === 'other' && !BUREAU_ROLES.includes(role)) ? 403 : policy.ok;
  // Uploading a signed scan: the signatory's office, the drafter, an administrator (SCAN_ROLES).
  if (policy.access === 'pemindai') return !['pengesah', 'penyusun', 'admin'].includes(role) || (unit === 'other' && !BUREAU_ROLES.includes(role)) ? 403 : policy.ok;
  if (policy.access === 'bureau') return BUREAU_ROLES.includes(role) ? policy.ok : 403;
  if (policy.access !== 'signed-in' && policy.access !== role) return 403;
  if (policy.map && unit === 'other' && !ALL_UNIT_ROLES.includes(role)) return 403;
  return policy.ok;
}

const server = await startTestServer();
const clients = new Map<Role | 'anonim', ApiClient>([['anonim', server.anonymous()]]);
for (const role of ROLES) clients.set(role, await server.userWith([role], OWN_UNIT, `matriks-${role}`));
const target = (await server.admin.api('/api/users', {
  method: 'POST',
  json: { username: 'sasaran', password: TEST_PASSWORD, name: 'Akun sasaran', jabatan: '', unit: OWN_UNIT, roles: ['pembaca'] },
})).body.user;

async function mapOf(unit: string): Promise<{ id: string }> {
  return (await server.api('/api/maps', { method: 'POST', json: { name: `Peta ${unit}`, kind: 'subproses', unit } })).body.map;
}
const maps = { own: await mapOf(OWN_UNIT), other: await mapOf(OTHER_UNIT) };
// A map with an SOP in each unit, so that an SOP export has something to print.
for (const unit of [OWN_UNIT, OTHER_UNIT]) await server.api('/api/maps', { method: 'POST', json: { templateId: 'penunjukan-dalam-unit', name: `SOP ${unit}`, unit } });
let serial = 0;
const annotations = new Map<string, string>();
/** One thread per map, written by the bureau, for the routes that answer or resolve a thread. */
async function annotationOf(mapId: string, by: TestServer = server): Promise<string> {
  if (!annotations.has(mapId)) {
    const created = await by.api(`/api/maps/${mapId}/annotations`, { method: 'POST', json: { anchor: { kind: 'identitas', field: 'nomor' }, body: 'Utas matriks' } });
    annotations.set(mapId, created.body.annotation.id);
  }
  return annotations.get(mapId)!;
}

/** A valid request for the route, so that only permissions decide its answer. */
async function send(client: ApiClient, policy: Policy, unit: 'own' | 'other', ctx: { server: TestServer; map: { id: string } } = { server, map: maps[unit] }) {
  const [method, path] = policy.route.split(' ') as [string, string];
  const { map, server } = ctx;
  const url = path
    .replace(':id', policy.route.includes('/users/') ? target.id : map.id)
    .replace(':n', '1')
    .replace(':unit', encodeURIComponent(OWN_UNIT))
    .replace(':aid', await annotationOf(map.id, server))
    .replace(':code', 'ABCD-EFGH-JKMN')
    .replace(':sha256', 'a'.repeat(64))
    .replace(':name', encodeURIComponent('Petugas Matriks'));
  const n = ++serial;
  const bodies: Record<string, () => Promise<unknown>> = {
    'POST /api/session/password': async () => ({ currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD }),
    'POST /api/session/pemda': async () => ({ pemda: 'default' }),
    'POST /api/maps': async () => ({ name: `Matriks ${n}`, kind: 'subproses', unit: OWN_UNIT }),
    'PATCH /api/maps/:id': async () => ({ name: `Nama ${n}` }),
    'POST /api/maps/:id/move': async () => ({ parentId: null }),
    'POST /api/lint': async () => ({ xml: minimalBpmn(`Langkah ${n}`) }),
    'POST /api/maps/:id/relasi': async () => ({ target: 'baru' }),
    'POST /api/maps/:id/rincian': async () => ({ elementId: 'Tidak_Ada', baseRevision: (await server.api(`/api/maps/${map.id}`)).body.map.currentRevision }),
    'POST /api/maps/:id/revisions': async () => ({
      xml: minimalBpmn(`Langkah ${n}`),
      baseRevision: (await server.api(`/api/maps/${map.id}`)).body.map.currentRevision,
      message: `matriks ${n}`,
    }),
    'POST /api/users': async () => ({ username: `baru${n}`, password: TEST_PASSWORD, name: `Baru ${n}`, jabatan: '', unit: OWN_UNIT, roles: ['pembaca'] }),
    'PATCH /api/users/:id': async () => ({ jabatan: `Jabatan ${n}` }),
    'PUT /api/settings/public-url': async () => ({ publicUrl: server.url }),
    'PUT /api/kamus/:name': async () => ({ jabatan: 'PELAKSANA' }),
    'PUT /api/settings/time-zone': async () => ({ timeZone: 'Asia/Makassar' }),
    'PUT /api/settings/signature': async () => ({ trustListPem: '', nameMismatch: 'peringatan' }),
    'PUT /api/maps/:id/sop': async () => ({
      version: (await server.api(`/api/maps/${map.id}/sop`)).body.record?.version ?? 0,
      identity: { namaSop: `SOP matriks ${n}` },
    }),
    'PUT /api/units/:unit/letterhead': async () => ({ pemda: `Pemerintah Kota ${n}` }),
    'POST /api/maps/:id/sop/preview': async () => ({ identity: { namaSop: `Pratinjau ${n}` } }),
    'POST /api/maps/:id/monitoring': async () => ({ tanggal: '2026-07-01', penilai: `Penilai ${n}`, rows: [{ prosedur: 'Langkah', berjalanBaik: true, catatan: '', tindakan: '' }] }),
    'POST /api/maps/:id/review/transitions': async () => ({ action: 'ajukan', baseSeq: (await server.api(`/api/maps/${map.id}/review`)).body.seq }),
    'POST /api/maps/:id/annotations': async () => ({ anchor: { kind: 'identitas', field: 'namaSop' }, body: `Komentar ${n}` }),
    'POST /api/maps/:id/annotations/:aid/replies': async () => ({ body: `Balasan ${n}` }),
    'POST /api/maps/:id/annotations/:aid/status': async () => {
      const items = (await server.api(`/api/maps/${map.id}/annotations`)).body.items as Array<{ id: string; status: string }>;
      return { status: items.find((a) => url.includes(a.id))?.status === 'selesai' ? 'terbuka' : 'selesai' };
    },
    'POST /api/maps/:id/evaluasi': async () => ({
      tanggal: '2026-12-20',
      penilai: `Penilai ${n}`,
      answers: ['kinerja', 'dipahami', 'dilaksanakan', 'peran', 'masalah', 'kebutuhan'].map((key) => ({ key, ya: true, catatan: '' })),
      kesimpulan: '',
    }),
  };
  if (policy.route === 'GET /api/maps/:id/events') {
    // The stream stays open: its status is all the matrix asks, then the request is dropped.
    const controller = new AbortController();
    const response = await fetch(server.url + url, { headers: client.cookies ? { cookie: client.cookies } : {}, signal: controller.signal });
    const refused = response.headers.get('content-type')?.includes('json');
    const body = refused ? await response.json() : null;
    controller.abort();
    return { status: response.status, body, headers: response.headers };
  }
  if (path.includes('sop-exports')) {
    const unitName = unit === 'own' ? OWN_UNIT : OTHER_UNIT;
    const start = (by: ApiClient) => by.api(`/api/units/${encodeURIComponent(unitName)}/sop-exports`, { method: 'POST', json: { format: 'zip', includeDrafts: true } });
    if (path.endsWith('/summary')) return client.api(`/api/units/${encodeURIComponent(unitName)}/sop-exports/summary`);
    if (method === 'POST') {
      // A started job is cancelled at once: each user may run only two exports (docs/security.md).
      const started = await start(client);
      if (started.status === 202) await client.api(`/api/sop-exports/${started.body.jobId}`, { method: 'DELETE' });
      return started;
    }
    // Events and file of a job of the client's own unit, started by the client itself (anonymous asks for the admin's).
    const starter = client.csrfToken ? client : server.admin;
    const jobId = (await start(starter)).body.jobId as string;
    if (path.endsWith('/file')) await starter.api(`/api/sop-exports/${jobId}/events`); // the stream ends with the job
    return client.api(path.replace(':jobId', jobId), { method });
  }
  if (policy.route === 'DELETE /api/kamus/:name') {
    // Each allowed deletion finds the synonym there: the admin answers it again first.
    await server.api(url, { method: 'PUT', json: { jabatan: 'PELAKSANA' } });
  }
  if (policy.route === 'POST /api/import') {
    return client.api(`/api/import?unit=${encodeURIComponent(OWN_UNIT)}`, { method, headers: { 'content-type': 'application/xml' }, body: minimalBpmn() });
  }
  if (policy.route === 'POST /api/import/preview') {
    return client.api('/api/import/preview', { method, headers: { 'content-type': 'application/xml' }, body: minimalBpmn() });
  }
  if (policy.route === 'POST /api/maps/:id/signatures/:code/scans') {
    return client.api(url, { method, headers: { 'content-type': 'application/pdf' }, body: new TextEncoder().encode('%PDF-1.4 pindaian') });
  }
  const body = bodies[policy.route];
  return client.api(url, { method, ...(body ? { json: await body() } : {}) });
}

const cases = POLICY.flatMap((policy) =>
  [...clients.keys()].flatMap((role) =>
    (policy.map ? (['own', 'other'] as const) : (['own'] as const)).map((unit) => ({ policy, role, unit, status: expectedStatus(policy, role, unit) })),
  ),
);

describe(`authorization matrix (${cases.length} cases)`, () => {
  it.each(cases.map((c) => [`${c.policy.route} as ${c.role}, ${c.unit} unit → ${c.status}`, c]))('%s', async (_name, c) => {
    const response = await send(clients.get(c.role)!, c.policy, c.unit);
    expect(response.status, JSON.stringify(response.body)).toBe(c.status);
    if (c.status === 403) expect(response.body.error.code).toMatch(/^FORBIDDEN(_UNIT)?$/);
  });

  it('lists only the maps of the own unit for users outside the bureau, and every map for the bureau', async () => {
    for (const role of ROLES) {
      const listed = (await clients.get(role)!.api('/api/maps')).body.items.map((m: { unit: string }) => m.unit);
      if (ALL_UNIT_ROLES.includes(role)) expect(listed).toContain(OTHER_UNIT);
      else expect(new Set(listed)).toEqual(new Set([OWN_UNIT]));
    }
    const asked = await clients.get('pembaca')!.api(`/api/maps?unit=${encodeURIComponent(OTHER_UNIT)}`);
    expect(asked.body.items).toEqual([]);
  });

  it('covers every route the application registers', async () => {
    const store = await openEmbeddedStore(await tempDir());
    const maps = new MapsService(store.maps, await TemplateLibrary.load());
    const noPdf = () => {
      throw new Error('no PDF is printed while listing routes');
    };
    const sop = new SopService(store.sop, maps, noPdf);
    const repositoryLint = new RepositoryLintService(store.maps);
    const app = createApp({
      maps,
      sop,
      sopExports: new SopExportJobs({ maps, sop, reviews: store.review, pdfPool: noPdf, letterhead: async () => undefined }),
      evaluation: new EvaluationService({ reviews: store.review, maps, pdf: noPdf }),
      dashboard: new DashboardService({ maps: store.maps, reviews: store.review, lintSummaries: new LintSummaryCache(store.maps), repositoryLint }),
      repositoryLint,
      relasi: new RelasiService({ maps, store: store.maps }),
      review: { review: new ReviewService(store.review, maps, store.sop, sop), annotations: new AnnotationsService(store.review, maps, store.sop), reviews: store.review, maps },
      accounts: new AccountsService(store.accounts, store.audit),
      settings: new SettingsService(store.settings),
      kamus: new KamusService(store.settings),
      clientDir: '/nonexistent',
    });
    await store.close();
    const registered = apiRoutes(app).sort();
    expect(registered).toEqual([...POLICY.map((p) => p.route), ...PUBLIC_OR_SESSION_ROUTES].sort());
  });
});

type RouteLayer = { route?: { path: string; methods: Record<string, boolean> }; handle: { stack?: RouteLayer[] } };

/** "METHOD /api/path" of every route of the routers mounted under /api. */
function apiRoutes(app: Express): string[] {
  const walk = (stack: RouteLayer[]): string[] =>
    stack.flatMap((layer) =>
      layer.route
        ? Object.keys(layer.route.methods).map((m) => `${m.toUpperCase()} /api${layer.route!.path}`)
        : layer.handle.stack
          ? walk(layer.handle.stack)
          : [],
    );
  // The router under /api is the one holding the session routes (the public verification router comes before it).
  const routers = ((app as unknown as { router: Router }).router.stack as unknown as RouteLayer[]).filter((l) => l.handle.stack);
  const api = routers.find((l) => walk(l.handle.stack!).includes('POST /api/session'));
  return walk(api!.handle.stack!);
}

// Tenant isolation (docs/storage.md, Many pemda), on PostgreSQL: the default pemda and kab-b hold the same unit names.
// Every map route × every role of kab-b × a map of the default pemda → 404, as for a map that does not exist (not 403:
// that would tell it exists); a role refused the route outright may get its 403, which tells nothing either.
const tenancy = await startTestServer({ postgres: true });
const tenancyStore = await openPostgresStore(tenancy.databaseUrl!);
afterAll(() => tenancyStore.close());
await tenancyStore.pemdas.add({ id: 'jateng', name: 'Provinsi Jawa Tengah', kind: 'provinsi', province: null });
await tenancyStore.pemdas.add({ id: 'kab-b', name: 'Kabupaten B', kind: 'kabupaten', province: 'jateng' });
const passwordHash = await hashPassword(TEST_PASSWORD);
const account = (username: string, roles: Role[]) => ({ username, name: `Pengguna ${username}`, jabatan: 'Staf', unit: OWN_UNIT, roles, disabled: false, passwordHash });
await tenancyStore.forPemda('kab-b').accounts.createUser(account('admin-b', ['admin', 'penyusun']));
await tenancyStore.forPemda('jateng').accounts.createUser(account('pembina-jateng', ['pembina']));
async function signedIn(username: string): Promise<ApiClient> {
  const client = tenancy.anonymous();
  const answer = await client.signIn(username, TEST_PASSWORD);
  if (answer.status !== 200) throw new Error(`sign-in of ${username} failed: ${JSON.stringify(answer.body)}`);
  return client;
}
const adminB = await signedIn('admin-b');
const clientsB = new Map<Role, ApiClient>();
for (const role of ROLES) {
  await adminB.api('/api/users', { method: 'POST', json: { username: `b-${role}`, password: TEST_PASSWORD, name: `B ${role}`, jabatan: '', unit: OWN_UNIT, roles: [role] } });
  clientsB.set(role, await signedIn(`b-${role}`));
}
const mapA = (await tenancy.api('/api/maps', { method: 'POST', json: { name: 'Peta rahasia pemda A', kind: 'subproses', unit: OWN_UNIT } })).body.map as { id: string; code: string };
const mapB = (await adminB.api('/api/maps', { method: 'POST', json: { name: 'Peta pemda B', kind: 'subproses', unit: OWN_UNIT } })).body.map as { id: string; code: string };

const tenancyCases = POLICY.filter((p) => p.map && !p.route.includes(':unit')).flatMap((policy) =>
  ROLES.map((role) => ({ policy, role, allowed: expectedStatus(policy, role, 'own') !== 403 })),
);

describe(`tenant isolation (${tenancyCases.length} cases, PostgreSQL)`, () => {
  it.each(tenancyCases.map((c) => [`${c.policy.route} as ${c.role} of kab-b, a map of the default pemda → ${c.allowed ? '404' : '403 or 404'}`, c]))(
    '%s',
    async (_name, c) => {
      const response = await send(clientsB.get(c.role)!, c.policy, 'own', { server: tenancy, map: mapA });
      if (c.allowed) expect(response.status, JSON.stringify(response.body)).toBe(404);
      else expect([403, 404], JSON.stringify(response.body)).toContain(response.status);
      expect(JSON.stringify(response.body)).not.toContain('rahasia');
    },
  );

  it('keeps the two pemda apart with the same unit names: maps, codes, users, audit, session', async () => {
    expect(mapB.code).toBe(mapA.code);
    for (const role of ROLES) {
      const ids = (await clientsB.get(role)!.api('/api/maps')).body.items.map((m: { id: string }) => m.id);
      expect(ids).not.toContain(mapA.id);
      if (role !== 'pembina') expect(ids).toContain(mapB.id);
    }
    expect((await tenancy.api('/api/maps')).body.items.map((m: { id: string }) => m.id)).not.toContain(mapB.id);
    const usersB = (await adminB.api('/api/users')).body.items.map((u: { username: string }) => u.username);
    expect(usersB).toContain('admin-b');
    expect(usersB).not.toContain('admin');
    const adminA = (await tenancy.api('/api/users')).body.items.find((u: { username: string }) => u.username === 'admin');
    expect((await tenancy.api('/api/users')).body.items.map((u: { username: string }) => u.username)).not.toContain('admin-b');
    expect((await adminB.api(`/api/users/${adminA.id}`, { method: 'PATCH', json: { jabatan: 'Diubah B' } })).status).toBe(404);
    const auditB = (await adminB.api('/api/audit')).body.items as { username?: string; event: string }[];
    expect(auditB.map((e) => e.username)).not.toContain('admin');
    // Sign-in is one route for the deployment; its events go to the account's pemda.
    expect(auditB).toContainEqual(expect.objectContaining({ event: 'login', username: 'admin-b' }));
    const auditA = (await tenancy.api('/api/audit?limit=200')).body.items as { username?: string }[];
    expect(auditA.map((e) => e.username).filter((u) => u?.startsWith('b-') || u === 'admin-b')).toEqual([]);
    expect((await clientsB.get('pembaca')!.api('/api/session')).body.pemda).toEqual({ id: 'kab-b', name: 'Kabupaten B', kind: 'kabupaten' });
    expect((await clientsB.get('pembaca')!.api('/api/session')).body.readablePemda).toEqual([]);
  });

  it('finds a signed SOP of another pemda than the default on the public verification page, by its code alone', async () => {
    // The public address is kab-b's own setting (settings are per pemda).
    expect((await adminB.api('/api/settings/public-url', { method: 'PUT', json: { publicUrl: tenancy.url } })).status).toBe(200);
    const id = await newSopMap(adminB, OWN_UNIT, 'SOP Kabupaten B');
    const signed = await signSop({ bureau: adminB, penyusun: adminB, reviewer: clientsB.get('reviewer')!, pengesah: clientsB.get('pengesah')! }, id);
    const [signature] = signed.signatures as { code: string; pdf: { sha256: string } }[];
    const page = await fetch(`${tenancy.url}/verifikasi/${signature!.code}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('SOP Kabupaten B');
    expect(html).toContain(signature!.pdf.sha256);
    const pdf = await fetch(`${tenancy.url}/verifikasi/${signature!.code}/sop.pdf`);
    expect(pdf.status).toBe(200);
    expect(createHash('sha256').update(new Uint8Array(await pdf.arrayBuffer())).digest('hex')).toBe(signature!.pdf.sha256);
    // The default pemda's admin does not reach the map behind it.
    expect((await tenancy.api(`/api/maps/${id}/signatures/${signature!.code}/pdf`)).status).toBe(404);
    expect((await tenancy.api(`/api/settings`)).body.publicUrl?.url).not.toBe(undefined);
  });

  it('lets the province role read, only read, the kabupaten/kota of its provinsi, and refuses any other pemda', async () => {
    const pembina = await signedIn('pembina-jateng');
    const session = (await pembina.api('/api/session')).body;
    expect(session.pemda.id).toBe('jateng');
    expect(session.readablePemda.map((p: { id: string }) => p.id)).toEqual(['jateng', 'kab-b']);
    for (const pemda of ['default', 'tidak-ada']) {
      const refused = await pembina.api('/api/session/pemda', { method: 'POST', json: { pemda } });
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('FORBIDDEN_PEMDA');
    }
    // Own pemda first: none of kab-b's maps.
    expect((await pembina.api('/api/maps')).body.items).toEqual([]);
    const chosen = await pembina.api('/api/session/pemda', { method: 'POST', json: { pemda: 'kab-b' } });
    expect(chosen.status).toBe(200);
    expect(chosen.body.actingPemda).toEqual({ id: 'kab-b', name: 'Kabupaten B', kind: 'kabupaten' });
    const readIds = (await pembina.api('/api/maps')).body.items.map((m: { id: string }) => m.id);
    expect(readIds).toContain(mapB.id);
    expect(readIds).not.toContain(mapA.id);
    for (const path of [`/api/maps/${mapB.id}`, `/api/maps/${mapB.id}/revisions`, `/api/maps/${mapB.id}/sop`, `/api/maps/${mapB.id}/lint`, '/api/repository/dashboard', '/api/repository/lint', '/api/review/evaluations-due', '/api/review/inbox']) {
      expect((await pembina.api(path)).status, path).toBe(200);
    }
    expect((await pembina.api(`/api/maps/${mapA.id}`)).status).toBe(404);
    const writes = [
      pembina.api(`/api/maps/${mapB.id}`, { method: 'PATCH', json: { name: 'Diubah pembina' } }),
      pembina.api(`/api/maps/${mapB.id}/revisions`, { method: 'POST', json: { xml: minimalBpmn('Pembina'), baseRevision: 1, message: 'pembina' } }),
      pembina.api('/api/maps', { method: 'POST', json: { name: 'Peta pembina', kind: 'subproses', unit: OWN_UNIT } }),
      pembina.api('/api/users'),
      pembina.api('/api/audit'),
      pembina.api('/api/settings'),
    ];
    for (const refused of await Promise.all(writes)) {
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('FORBIDDEN_PEMDA');
    }
    expect((await adminB.api(`/api/maps/${mapB.id}`)).body.map.name).toBe('Peta pemda B');
    // The session's own routes stay the user's, whichever pemda it reads.
    expect((await pembina.api('/api/session/password', { method: 'POST', json: { currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD } })).status).toBe(204);
    // Back to its own pemda.
    expect((await pembina.api('/api/session/pemda', { method: 'POST', json: { pemda: 'jateng' } })).body.actingPemda.id).toBe('jateng');
    expect((await pembina.api('/api/maps')).body.items).toEqual([]);
    // The role does not read anything from a kabupaten: there is no pemda beneath it.
    const refused = await clientsB.get('pembina')!.api('/api/session/pemda', { method: 'POST', json: { pemda: 'jateng' } });
    expect(refused.body.error?.code).toBe('FORBIDDEN_PEMDA');
    // Signing out while reading a kabupaten.
    await pembina.api('/api/session/pemda', { method: 'POST', json: { pemda: 'kab-b' } });
    expect((await pembina.api('/api/session', { method: 'DELETE' })).status).toBe(204);
    expect((await pembina.api('/api/maps')).status).toBe(401);
    // Setup stays closed: the deployment has accounts.
    expect((await tenancy.anonymous().api('/api/setup')).body.needed).toBe(false);
  });
});
