// GET /api/repository/dashboard through the real server (docs/dashboard.md): maps in two units and of two kinds, one
// SOP taken through the review cycle to disahkan over HTTP; counts per unit and kind, lint counts equal to the sum of
// GET /api/maps/:id/lint, the units a user sees, and `pending` falling to 0 as the background check goes on.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Dashboard, DashboardRow } from '../../server/repository/dashboard.schema';
import { newSopMap, signSop } from '../helpers/review-cycle';
import { startTestServer, type ApiClient } from '../helpers/server';

const UNIT_A = 'Dinas Kesehatan';
const UNIT_B = 'Dinas Pendidikan';
const server = await startTestServer();
const penyusun = await server.userWith(['penyusun'], UNIT_A, 'dasbor-penyusun');
const reviewer = await server.userWith(['reviewer'], UNIT_A, 'dasbor-reviewer');
const pengesah = await server.userWith(['pengesah'], UNIT_A, 'dasbor-pengesah');

const library = readFileSync(new URL('../../processes/library/penunjukan-dalam-unit.bpmn', import.meta.url), 'utf8');
/** A task without a name: errors. A task whose name does not start with a verb: a warning. */
const withErrors = library.replace(/(<bpmn:task[^>]*?) name="[^"]*"/, '$1');
const withWarning = library.replace(/(<bpmn:task[^>]*?) name="[^"]*"/, '$1 name="Surat tugas tim"');

async function create(json: Record<string, unknown>): Promise<string> {
  const created = await penyusun.api('/api/maps', { method: 'POST', json });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body.map.id;
}

// Unit A: an SOP signed (lintas-fungsi, from the library) and a plain process map; unit B: two lintas-fungsi maps with findings.
const signed = await newSopMap(penyusun, UNIT_A, 'SOP penunjukan pelaksana');
await signSop({ bureau: server.admin, penyusun, reviewer, pengesah }, signed, '2026-01-05');
const draft = await create({ name: 'Peta proses pelayanan', kind: 'proses', unit: UNIT_A });
const errors = await create({ name: 'Peta bergalat', kind: 'lintas-fungsi', unit: UNIT_B, profile: 'nasional', xml: withErrors });
const warning = await create({ name: 'Peta berperingatan', kind: 'lintas-fungsi', unit: UNIT_B, profile: 'nasional', xml: withWarning });

/** The dashboard once every map is checked (the background warm-up runs from server start). */
async function settled(client: ApiClient, query = ''): Promise<Dashboard> {
  for (let i = 0; i < 200; i += 1) {
    const answer = await client.api(`/api/repository/dashboard${query}`);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    if (answer.body.pending === 0) return answer.body;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the dashboard still has maps being checked');
}

/** Errors and warnings of the maps, summed from GET /api/maps/:id/lint. */
async function lintOf(ids: string[]) {
  const sum = { errors: 0, warnings: 0, mapsWithErrors: 0 };
  for (const id of ids) {
    const { body } = await server.api(`/api/maps/${id}/lint`);
    const errors = body.findings.filter((f: { severity: string }) => f.severity === 'error').length;
    sum.errors += errors;
    sum.warnings += body.findings.filter((f: { severity: string }) => f.severity === 'warning').length;
    if (errors > 0) sum.mapsWithErrors += 1;
  }
  return sum;
}

const row = (rows: DashboardRow[], key: string) => {
  const found = rows.find((r) => r.key === key);
  if (!found) throw new Error(`no row ${key} in ${rows.map((r) => r.key).join(', ')}`);
  return found;
};

describe('GET /api/repository/dashboard', () => {
  it('counts maps and SOP states per unit and per kind for the bureau', async () => {
    const dashboard = await settled(server.admin, '?per=2026-06-01');
    expect(dashboard.pending).toBe(0);
    expect(Date.parse(dashboard.generatedAt)).not.toBeNaN();
    expect(dashboard.byUnit.map((r) => r.key)).toEqual([UNIT_A, UNIT_B]);
    const a = row(dashboard.byUnit, UNIT_A);
    expect(a.maps).toBe(2);
    expect(a.sopStates).toEqual({ draf: 1, diajukan: 0, direviu: 0, 'perlu-perbaikan': 0, disetujui: 0, disahkan: 1, dicabut: 0 });
    const b = row(dashboard.byUnit, UNIT_B);
    expect(b.maps).toBe(2);
    expect(b.sopStates.draf).toBe(2);
    expect(dashboard.totals.maps).toBe(4);
    expect(dashboard.totals.sopStates.disahkan).toBe(1);
    expect(dashboard.totals.sopStates.draf).toBe(3);

    const kinds = Object.fromEntries(dashboard.byKind.map((r) => [r.key, r.maps]));
    const kindOf = async (id: string) => (await server.api(`/api/maps/${id}`)).body.map.kind as string;
    const expectedKinds: Record<string, number> = {};
    for (const id of [signed, draft, errors, warning]) expectedKinds[await kindOf(id)] = (expectedKinds[await kindOf(id)] ?? 0) + 1;
    expect(kinds).toEqual(expectedKinds);
    expect(row(dashboard.byKind, 'proses').label).toBe('Peta proses');
    expect(row(dashboard.byKind, await kindOf(signed)).sopStates.disahkan).toBe(1);
  });

  it('sums the lint errors and warnings that GET /api/maps/:id/lint gives, per unit, per kind and in total', async () => {
    const dashboard = await settled(server.admin);
    const a = await lintOf([signed, draft]);
    const b = await lintOf([errors, warning]);
    expect(row(dashboard.byUnit, UNIT_A).lint).toEqual(a);
    expect(row(dashboard.byUnit, UNIT_B).lint).toEqual(b);
    expect(b.errors).toBeGreaterThan(0);
    expect(b.warnings).toBeGreaterThan(0);
    expect(b.mapsWithErrors).toBe(1);
    expect(dashboard.totals.lint).toEqual({ errors: a.errors + b.errors, warnings: a.warnings + b.warnings, mapsWithErrors: a.mapsWithErrors + b.mapsWithErrors });
    expect(row(dashboard.byKind, 'proses').lint).toEqual(await lintOf([draft]));
  });

  it('counts the signed SOP due for evaluation 12 months after it took effect', async () => {
    expect(row((await settled(server.admin, '?per=2026-06-01')).byUnit, UNIT_A).evaluationDue).toBe(0);
    const due = await settled(server.admin, '?per=2027-01-05');
    expect(row(due.byUnit, UNIT_A).evaluationDue).toBe(1);
    expect(row(due.byUnit, UNIT_B).evaluationDue).toBe(0);
    expect(due.totals.evaluationDue).toBe(1);
    expect((await server.api('/api/repository/dashboard?per=kemarin')).status).toBe(400);
  });

  it('shows a reviewer only the own unit', async () => {
    const dashboard = await settled(reviewer);
    expect(dashboard.byUnit.map((r) => r.key)).toEqual([UNIT_A]);
    expect(dashboard.totals.maps).toBe(2);
    expect(dashboard.totals.lint).toEqual(await lintOf([signed, draft]));
    const otherUnit = await server.userWith(['pembaca'], 'Dinas Perhubungan', 'dasbor-lain');
    const empty = await settled(otherUnit);
    expect(empty.totals.maps).toBe(0);
    expect(empty.byUnit).toEqual([]);
    expect(empty.byKind).toEqual([]);
    expect((await server.anonymous().api('/api/repository/dashboard')).status).toBe(401);
  });

  it('counts a new revision as pending until it is checked, then with its own findings', async () => {
    const before = await settled(server.admin);
    const map = (await server.api(`/api/maps/${draft}`)).body.map;
    const saved = await penyusun.api(`/api/maps/${draft}/revisions`, { method: 'POST', json: { xml: withErrors, baseRevision: map.currentRevision, message: 'Tugas tanpa nama' } });
    expect(saved.status, JSON.stringify(saved.body)).toBe(201);
    const right = await server.api('/api/repository/dashboard');
    // Nothing has linted the new revision yet (the warm-up had ended): it is pending and its counts are left out.
    expect(right.body.pending).toBe(1);
    expect(row(right.body.byUnit, UNIT_A).lint).toEqual(await lintOf([signed]));
    expect(row(right.body.byUnit, UNIT_A).maps).toBe(row(before.byUnit, UNIT_A).maps);
    const after = await settled(server.admin);
    expect(row(after.byUnit, UNIT_A).lint).toEqual(await lintOf([signed, draft]));
    expect(row(after.byUnit, UNIT_A).lint.mapsWithErrors).toBe(1);
  });
});
