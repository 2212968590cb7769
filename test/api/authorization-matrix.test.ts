// Every API route × every role (and anonymous) × a map of the user's own unit and of another unit, with the
// status each must get, generated from one policy table.
import type { Express, Router } from 'express';
import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../server/accounts/accounts.records';
import { AccountsService } from '../../server/accounts/accounts.service';
import { createApp } from '../../server/app';
import { MapsService } from '../../server/maps/maps.service';
import { TemplateLibrary } from '../../server/maps/templates';
import { SopExportJobs } from '../../server/sop/batch/export-jobs';
import { SopService } from '../../server/sop/sop.service';
import { openEmbeddedStore } from '../../server/store/store';
import { minimalBpmn } from '../helpers/fixtures';
import { startTestServer, TEST_PASSWORD, type ApiClient } from '../helpers/server';
import { tempDir } from '../helpers/temp-dir';

/** Who may call a route: anyone signed in, only holders of one role, or the bureau (admin, penyusun), which sees every unit. */
type Access = 'signed-in' | 'penyusun' | 'admin' | 'bureau';
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
  { route: 'GET /api/meta', access: 'signed-in', ok: 200 },
  { route: 'GET /api/maps', access: 'signed-in', ok: 200 },
  { route: 'GET /api/templates', access: 'signed-in', ok: 200 },
  { route: 'POST /api/maps', access: 'penyusun', ok: 201 },
  { route: 'POST /api/import', access: 'penyusun', ok: 201 },
  { route: 'GET /api/maps/:id', access: 'signed-in', map: true, ok: 200 },
  { route: 'PATCH /api/maps/:id', access: 'penyusun', map: true, ok: 200 },
  { route: 'GET /api/maps/:id/revisions', access: 'signed-in', map: true, ok: 200 },
  { route: 'POST /api/maps/:id/revisions', access: 'penyusun', map: true, ok: 201 },
  { route: 'GET /api/maps/:id/revisions/:n/xml', access: 'signed-in', map: true, ok: 200 },
  { route: 'GET /api/maps/:id/lint', access: 'signed-in', map: true, ok: 200 },
  { route: 'POST /api/lint', access: 'signed-in', ok: 200 },
  { route: 'GET /api/maps/:id/sop', access: 'signed-in', map: true, ok: 200 },
  { route: 'PUT /api/maps/:id/sop', access: 'penyusun', map: true, ok: 200 },
  { route: 'GET /api/maps/:id/sop.html', access: 'signed-in', map: true, ok: 200 },
  { route: 'GET /api/maps/:id/sop.pdf', access: 'signed-in', map: true, ok: 200 },
  { route: 'POST /api/maps/:id/sop/preview', access: 'signed-in', map: true, ok: 200 },
  { route: 'GET /api/units/:unit/letterhead', access: 'bureau', ok: 200 },
  { route: 'PUT /api/units/:unit/letterhead', access: 'bureau', ok: 200 },
  // Asynchronous: 202 with a job; its events and file are the starter's (see send()).
  { route: 'POST /api/units/:unit/sop-exports', access: 'signed-in', map: true, ok: 202 },
  { route: 'GET /api/sop-exports/:jobId/events', access: 'signed-in', ok: 200 },
  { route: 'GET /api/sop-exports/:jobId/file', access: 'signed-in', ok: 200 },
  { route: 'GET /api/users', access: 'admin', ok: 200 },
  { route: 'POST /api/users', access: 'admin', ok: 201 },
  { route: 'PATCH /api/users/:id', access: 'admin', ok: 200 },
  { route: 'GET /api/audit', access: 'admin', ok: 200 },
];
/** Routes outside the matrix, each tested on its own in sessions.test.ts. */
const PUBLIC_OR_SESSION_ROUTES = ['GET /api/setup', 'POST /api/setup', 'POST /api/session', 'DELETE /api/session'];

const OWN_UNIT = 'Dinas Kesehatan';
const OTHER_UNIT = 'Dinas Pendidikan';
const BUREAU_ROLES: Role[] = ['admin', 'penyusun'];

function expectedStatus(policy: Policy, role: Role | 'anonim', unit: 'own' | 'other'): number {
  if (role === 'anonim') return 401;
  if (policy.access === 'bureau') return BUREAU_ROLES.includes(role) ? policy.ok : 403;
  if (policy.access !== 'signed-in' && policy.access !== role) return 403;
  if (policy.map && unit === 'other' && !BUREAU_ROLES.includes(role)) return 403;
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

/** A valid request for the route, so that only permissions decide its answer. */
async function send(client: ApiClient, policy: Policy, unit: 'own' | 'other') {
  const [method, path] = policy.route.split(' ') as [string, string];
  const map = maps[unit];
  const url = path
    .replace(':id', policy.route.includes('/users/') ? target.id : map.id)
    .replace(':n', '1')
    .replace(':unit', encodeURIComponent(OWN_UNIT));
  const n = ++serial;
  const bodies: Record<string, () => Promise<unknown>> = {
    'POST /api/session/password': async () => ({ currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD }),
    'POST /api/maps': async () => ({ name: `Matriks ${n}`, kind: 'subproses', unit: OWN_UNIT }),
    'PATCH /api/maps/:id': async () => ({ name: `Nama ${n}` }),
    'POST /api/lint': async () => ({ xml: minimalBpmn(`Langkah ${n}`) }),
    'POST /api/maps/:id/revisions': async () => ({
      xml: minimalBpmn(`Langkah ${n}`),
      baseRevision: (await server.api(`/api/maps/${map.id}`)).body.map.currentRevision,
      message: `matriks ${n}`,
    }),
    'POST /api/users': async () => ({ username: `baru${n}`, password: TEST_PASSWORD, name: `Baru ${n}`, jabatan: '', unit: OWN_UNIT, roles: ['pembaca'] }),
    'PATCH /api/users/:id': async () => ({ jabatan: `Jabatan ${n}` }),
    'PUT /api/maps/:id/sop': async () => ({
      version: (await server.api(`/api/maps/${map.id}/sop`)).body.record?.version ?? 0,
      identity: { namaSop: `SOP matriks ${n}` },
    }),
    'PUT /api/units/:unit/letterhead': async () => ({ pemda: `Pemerintah Kota ${n}` }),
    'POST /api/maps/:id/sop/preview': async () => ({ identity: { namaSop: `Pratinjau ${n}` } }),
  };
  if (path.includes('sop-exports')) {
    const unitName = unit === 'own' ? OWN_UNIT : OTHER_UNIT;
    const start = (by: ApiClient) => by.api(`/api/units/${encodeURIComponent(unitName)}/sop-exports`, { method: 'POST', json: { format: 'zip' } });
    if (method === 'POST') return start(client);
    // Events and file of a job of the client's own unit, started by the client itself (anonymous asks for the admin's).
    const starter = client.csrfToken ? client : server.admin;
    const jobId = (await start(starter)).body.jobId as string;
    if (path.endsWith('/file')) await starter.api(`/api/sop-exports/${jobId}/events`); // the stream ends with the job
    return client.api(path.replace(':jobId', jobId));
  }
  if (policy.route === 'POST /api/import') {
    return client.api(`/api/import?unit=${encodeURIComponent(OWN_UNIT)}`, { method, headers: { 'content-type': 'application/xml' }, body: minimalBpmn() });
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
      if (BUREAU_ROLES.includes(role)) expect(listed).toContain(OTHER_UNIT);
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
    const app = createApp({
      maps,
      sop,
      sopExports: new SopExportJobs({ maps, sop, pdfPool: noPdf, letterhead: async () => undefined }),
      accounts: new AccountsService(store.accounts, store.audit),
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
  const api = ((app as unknown as { router: Router }).router.stack as unknown as RouteLayer[]).find((l) => l.handle.stack);
  return walk(api!.handle.stack!);
}
