// One truth per map (issue 12 item 10), on the real server: a map's lint answer (GET /api/maps/:id/lint), its
// repository findings (GET /api/maps/:id/repository-lint), GET /api/repository/lint and the dashboard all count the
// map/* findings of the map — calls to no child map, found by name (inferred) and by sk:calledMap (declared) — and all
// drop them once the child maps exist.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { allElements, parseBpmn } from '../../server/bpmn/moddle';
import type { Dashboard, DashboardRow } from '../../server/repository/dashboard.schema';
import { processXml } from '../../scripts/repository/generate-repository';
import { startTestServer } from '../helpers/server';

const UNIT = 'Dinas Perpustakaan';
const server = await startTestServer();
const { api } = server;

interface Finding {
  rule: string;
  severity: string;
  element?: string;
  inferred: boolean;
  mapId?: string;
}

async function create(json: Record<string, unknown>) {
  const created = await api('/api/maps', { method: 'POST', json });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body.map as { id: string; currentRevision: number };
}

async function lintOf(id: string): Promise<{ revision: number; findings: Finding[] }> {
  const answer = await api(`/api/maps/${id}/lint`);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body;
}

const repositoryRules = (findings: Finding[]) => findings.filter((f) => f.rule.startsWith('map/'));
const errors = (findings: Finding[]) => findings.filter((f) => f.severity === 'error').length;

/** The call activities of the map's stored current revision, read with bpmn-moddle. */
async function callActivities(id: string, revision: number): Promise<Array<{ id: string; name: string }>> {
  const xml = (await api(`/api/maps/${id}/revisions/${revision}/xml`)).body as string;
  const { definitions } = await parseBpmn(xml);
  return [...allElements(definitions)].filter((e) => e.$type === 'bpmn:CallActivity').map((e) => ({ id: e.id as string, name: e.name as string }));
}

async function settled(): Promise<Dashboard> {
  for (let i = 0; i < 200; i += 1) {
    const answer = await api('/api/repository/dashboard');
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    if (answer.body.pending === 0) return answer.body;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the dashboard still has maps being checked');
}

const unitRow = (dashboard: Dashboard): DashboardRow => dashboard.byUnit.find((r) => r.key === UNIT)!;

describe('a map’s findings include the repository checks of that map', () => {
  it('counts calls to no child map in the map’s lint, its repository findings, the repository check and the dashboard, until the children exist', async () => {
    // The peta proses template: its call activities stand for child maps that do not exist yet (names only: inferred).
    const proses = await create({ name: 'Peta proses perpustakaan', kind: 'proses', unit: UNIT });
    const calls = await callActivities(proses.id, proses.currentRevision);
    expect(calls.length).toBeGreaterThan(1);

    const before = await lintOf(proses.id);
    expect(before.revision).toBe(proses.currentRevision);
    const unresolved = repositoryRules(before.findings);
    // One error per call activity (the repository check orders them by element id).
    expect(unresolved.map((f) => [f.rule, f.severity, f.element, f.inferred])).toEqual(
      calls.map((call) => ['map/call-resolves', 'error', call.id, true]).sort((a, b) => String(a[2]).localeCompare(String(b[2]))),
    );
    // The findings are plain lint findings in the map's answer (no map fields), with the same rule ids and messages
    // as the repository check gives.
    expect(unresolved.every((f) => f.mapId === undefined)).toBe(true);
    const repository = (await api('/api/repository/lint')).body.findings.filter((f: Finding) => f.mapId === proses.id);
    expect(unresolved.map((f) => JSON.stringify([f.rule, f.element, (f as { message?: string }).message]))).toEqual(
      repository.map((f: Finding & { message: string }) => JSON.stringify([f.rule, f.element, f.message])),
    );
    const own = await api(`/api/maps/${proses.id}/repository-lint`);
    expect(own.status).toBe(200);
    expect(own.body.revision).toBe(proses.currentRevision);
    expect(own.body.findings).toEqual(unresolved);

    const dashboard = await settled();
    expect(unitRow(dashboard).lint).toEqual({ errors: errors(before.findings), warnings: before.findings.filter((f) => f.severity === 'warning').length, mapsWithErrors: 1 });
    expect(unitRow(dashboard).lint.errors).toBeGreaterThanOrEqual(calls.length);

    // The child maps, named as the calls: resolved by name, the findings go away everywhere.
    const children: string[] = [];
    for (const call of calls) children.push((await create({ name: call.name, kind: 'subproses', unit: UNIT, parentId: proses.id })).id);
    const after = await lintOf(proses.id);
    expect(repositoryRules(after.findings)).toEqual([]);
    expect(after.findings).toEqual(before.findings.filter((f) => !f.rule.startsWith('map/')));
    expect((await api(`/api/maps/${proses.id}/repository-lint`)).body.findings).toEqual([]);
    let childErrors = 0;
    for (const id of children) childErrors += errors((await lintOf(id)).findings);
    const settledAfter = await settled();
    expect(unitRow(settledAfter).lint.errors).toBe(errors(after.findings) + childErrors);
    expect(unitRow(settledAfter).lint.errors).toBe(unitRow(dashboard).lint.errors - calls.length + childErrors);
  });

  it('reads a declared sk:calledMap: a missing id is a finding not inferred, an existing one resolves it', async () => {
    const target = await create({ name: 'Layanan keliling', kind: 'lintas-fungsi', unit: UNIT });
    const declared = await create({
      name: 'Peta proses layanan keliling',
      kind: 'proses',
      unit: UNIT,
      xml: processXml('proses', 'Layanan keliling', [{ id: 'Call_Keliling', name: 'Layanan keliling', calledMap: 'peta-yang-tidak-ada' }], 'declared'),
    });
    const missing = repositoryRules((await lintOf(declared.id)).findings);
    expect(missing.map((f) => [f.rule, f.element, f.inferred])).toEqual([['map/call-resolves', 'Call_Keliling', false]]);
    const before = unitRow(await settled()).lint;

    const fixed = await api(`/api/maps/${declared.id}/revisions`, {
      method: 'POST',
      json: { baseRevision: declared.currentRevision, message: 'Memanggil peta yang ada', xml: processXml('proses', 'Layanan keliling', [{ id: 'Call_Keliling', name: 'Layanan keliling', calledMap: target.id }], 'declared-2') },
    });
    expect(fixed.status, JSON.stringify(fixed.body)).toBe(201);
    const answer = await lintOf(declared.id);
    expect(answer.revision).toBe(declared.currentRevision + 1);
    expect(repositoryRules(answer.findings)).toEqual([]);
    const own = (await api(`/api/maps/${declared.id}/repository-lint`)).body;
    expect(own).toEqual({ revision: declared.currentRevision + 1, findings: [] });
    // The same diagram but for the attribute: the map's own findings are unchanged, the dashboard loses one error.
    expect(unitRow(await settled()).lint.errors).toBe(before.errors - 1);
  });

  it('answers the repository findings of a map only to users who see its unit', async () => {
    const map = (await api('/api/maps')).body.items[0].id as string;
    const outsider = await server.userWith(['pembaca'], 'Dinas Perhubungan');
    expect((await outsider.api(`/api/maps/${map}/repository-lint`)).status).toBe(403);
    expect((await server.anonymous().api(`/api/maps/${map}/repository-lint`)).status).toBe(401);
    expect((await api(`/api/maps/${randomUUID()}/repository-lint`)).status).toBe(404);
  });
});
