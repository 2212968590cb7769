// "Dasbor repositori" in Chromium: the empty state, then per unit a table row and stacked bars whose titles carry the
// counts, the lint error chart, the progress line while a new revision is being checked, and the switch to per kind.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { launchBrowser, openPage, useSession, WAIT_TIMEOUT_MS } from '../helpers/browser';
import { newSopMap, signSop } from '../helpers/review-cycle';
import { startTestServer } from '../helpers/server';

const UNIT_A = 'Dinas Kesehatan';
const UNIT_B = 'Dinas Pendidikan';
const server = await startTestServer();
const browser = await launchBrowser();
const byTestId = (id: string) => `[data-testid="${id}"]`;
const penyusun = await server.userWith(['penyusun'], UNIT_A, 'dasbor-penyusun');
const reviewer = await server.userWith(['reviewer'], UNIT_A, 'dasbor-reviewer');
const pengesah = await server.userWith(['pengesah'], UNIT_A, 'dasbor-pengesah');

const library = readFileSync(new URL('../../processes/library/penunjukan-dalam-unit.bpmn', import.meta.url), 'utf8');
const withErrors = library.replace(/(<bpmn:task[^>]*?) name="[^"]*"/, '$1');

async function settledDashboard() {
  for (let i = 0; i < 200; i += 1) {
    const { body } = await server.api('/api/repository/dashboard');
    if (body.pending === 0) return body;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('maps still being checked');
}

async function errorCount(id: string): Promise<number> {
  return (await server.api(`/api/maps/${id}/lint`)).body.findings.filter((f: { severity: string }) => f.severity === 'error').length;
}

const rowTexts = (page: import('puppeteer-core').Page) =>
  page.$$eval('[data-testid="dashboard-row"]', (rows) => rows.map((row) => Array.from(row.children, (cell) => cell.textContent?.trim() ?? '')));
const barTitles = (page: import('puppeteer-core').Page, chart: string) =>
  page.$$eval(`[data-testid="${chart}"] rect.chart-bar`, (rects) => rects.map((rect) => rect.querySelector('title')?.textContent ?? '').sort());

describe('Dasbor repositori', () => {
  it('shows the empty state for an empty repository', async () => {
    const errors: string[] = [];
    const page = await openPage(browser, errors);
    await useSession(page, server.url, server.admin.sessionCookie);
    await page.goto(`${server.url}/#/dasbor`, { waitUntil: 'networkidle0' });
    await page.waitForSelector(byTestId('dashboard-empty'));
    expect(await page.$eval(byTestId('dashboard-empty'), (e) => e.textContent)).toContain('Belum ada peta');
    expect(await page.$(byTestId('dashboard-table'))).toBeNull();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('tabulates and charts per unit, shows the check in progress, and switches to per kind', async () => {
    const signed = await newSopMap(penyusun, UNIT_A, 'SOP penunjukan pelaksana');
    await signSop({ bureau: server.admin, penyusun, reviewer, pengesah }, signed, '2025-06-02');
    const draft = (await penyusun.api('/api/maps', { method: 'POST', json: { name: 'Peta proses pelayanan', kind: 'proses', unit: UNIT_A } })).body.map.id;
    const broken = [];
    for (const name of ['Peta bergalat 1', 'Peta bergalat 2']) {
      broken.push((await penyusun.api('/api/maps', { method: 'POST', json: { name, kind: 'lintas-fungsi', unit: UNIT_B, profile: 'nasional', xml: withErrors } })).body.map.id);
    }
    await settledDashboard();
    // A new revision nobody has linted yet: the page says it is being checked, then settles by itself.
    const current = (await server.api(`/api/maps/${draft}`)).body.map.currentRevision;
    expect((await penyusun.api(`/api/maps/${draft}/revisions`, { method: 'POST', json: { xml: withErrors, baseRevision: current, message: 'Tugas tanpa nama' } })).status).toBe(201);

    const errors: string[] = [];
    const page = await openPage(browser, errors);
    await useSession(page, server.url, server.admin.sessionCookie);
    await page.goto(`${server.url}/#/dasbor`, { waitUntil: 'networkidle0' });
    await page.waitForSelector(byTestId('dashboard-table'));
    expect(await page.$eval('.dashboard-progress', (e) => e.textContent)).toContain('Memeriksa 1 dari 4 peta…');
    await page.waitForFunction(() => document.querySelector('.dashboard-progress')?.textContent === '', { timeout: WAIT_TIMEOUT_MS });
    expect(await page.$eval(byTestId('dashboard-link'), (e) => e.getAttribute('aria-current'))).toBe('page');

    const errorsA = (await errorCount(signed)) + (await errorCount(draft));
    const errorsB = (await errorCount(broken[0])) + (await errorCount(broken[1]));
    expect(errorsA).toBeGreaterThan(0);
    // Unit, maps, 7 states (draf … dicabut), errors, warnings, maps with errors, evaluations due.
    expect(await rowTexts(page)).toEqual([
      [UNIT_A, '2', '1', '0', '0', '0', '0', '1', '0', String(errorsA), '0', '1', '1'],
      [UNIT_B, '2', '2', '0', '0', '0', '0', '0', '0', String(errorsB), '0', '2', '0'],
    ]);
    expect(await page.$eval(byTestId('dashboard-totals'), (row) => Array.from(row.children, (c) => c.textContent))).toEqual(
      ['Jumlah', '4', '3', '0', '0', '0', '0', '1', '0', String(errorsA + errorsB), '0', '3', '1'],
    );
    expect(await barTitles(page, 'dashboard-chart-states')).toEqual([`${UNIT_A} — Disahkan: 1`, `${UNIT_A} — Draf: 1`, `${UNIT_B} — Draf: 2`].sort());
    expect(await barTitles(page, 'dashboard-chart-errors')).toEqual([`${UNIT_A} — Galat: ${errorsA}`, `${UNIT_B} — Galat: ${errorsB}`]);
    // The chart is an image named by its title and description; the legend names every state.
    expect(await page.$eval(`${byTestId('dashboard-chart-states')} svg`, (svg) => [svg.getAttribute('role'), svg.querySelector('title')?.textContent])).toEqual(['img', 'Status SOP per unit']);
    expect(await page.$$eval(`${byTestId('dashboard-chart-states')} .chart-legend li`, (items) => items.map((i) => i.textContent))).toEqual(
      ['Draf', 'Diajukan', 'Direviu', 'Perlu perbaikan', 'Disetujui', 'Disahkan', 'Dicabut'],
    );

    await page.click(byTestId('dashboard-group-kind'));
    expect(await page.$eval(byTestId('dashboard-group-kind'), (e) => e.getAttribute('aria-pressed'))).toBe('true');
    const kindOfSigned = (await server.api(`/api/maps/${signed}`)).body.map.kind;
    expect(kindOfSigned).toBe('lintas-fungsi');
    expect((await rowTexts(page)).map((cells) => cells.slice(0, 3))).toEqual([
      ['Peta proses', '1', '1'],
      ['Peta lintas fungsi', '3', '2'],
    ]);
    expect(await barTitles(page, 'dashboard-chart-states')).toEqual(['Peta lintas fungsi — Disahkan: 1', 'Peta lintas fungsi — Draf: 2', 'Peta proses — Draf: 1'].sort());
    expect(await page.$eval(`${byTestId('dashboard-chart-states')} svg title`, (t) => t.textContent)).toBe('Status SOP per jenis peta');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('offers the link only to users who see every unit', async () => {
    const page = await openPage(browser, []);
    await useSession(page, server.url, reviewer.sessionCookie);
    await page.goto(`${server.url}/#/`, { waitUntil: 'networkidle0' });
    await page.waitForSelector(byTestId('evaluations-link'));
    expect(await page.$(byTestId('dashboard-link'))).toBeNull();
    await page.close();
  });
});
