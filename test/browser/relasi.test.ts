// The "Peta relasi" dialog of a proses map in Chromium: the generated peta relasi in a viewer (one pool per unit, the
// message flows), the relations with the maps they come from, saving it as a new relasi map that then opens, and
// regenerating a drawn one with the way to the revision diff.
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { minimalBpmn, readText, ROOT } from '../helpers/fixtures';
import { launchBrowser, openPage, useSession } from '../helpers/browser';
import { startTestServer } from '../helpers/server';
import { tempDir } from '../helpers/temp-dir';

const server = await startTestServer();
const browser = await launchBrowser();
const byTestId = (id: string) => `[data-testid="${id}"]`;
const library = (id: string) => readText(path.join(ROOT, 'processes/library', `${id}.bpmn`));
const UNIT = 'Dinas Pemilik Kinerja';
/** The process maps are drawn from a one-task file: the dialog, not the drawing, is under test. */
const PROSES_XML = minimalBpmn('Menugaskan pejabat fungsional');

async function create(body: Record<string, unknown>): Promise<{ id: string }> {
  const created = await server.api('/api/maps', { method: 'POST', json: { unit: UNIT, ...body } });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body.map;
}

/** Opens the dialog from the modeller, or from the read-only view of revision `n`. */
async function openRelasi(page: Page, mapId: string, n?: number): Promise<void> {
  await page.goto(`${server.url}/#/peta/${mapId}${n === undefined ? '' : `/revisi/${n}`}`, { waitUntil: 'networkidle0' });
  await page.waitForSelector(`${byTestId('modeler-canvas')} svg .djs-element`);
  await page.click(byTestId('relasi-toggle'));
  await page.waitForSelector(byTestId('relasi-dialog'), { visible: true });
}

/** The pools and message flows the dialog's viewer draws, by their names. */
const drawnInViewer = (page: Page) =>
  page.$eval(byTestId('relasi-canvas'), (canvas) => {
    const named = (selector: string) =>
      [...canvas.querySelectorAll<SVGGElement>(selector)].map((g) => g.closest('.djs-element')!.getAttribute('data-element-id')!);
    const texts = (ids: string[]) =>
      ids.map((id) => (canvas.querySelector(`[data-element-id="${id}"] text`) ?? canvas.querySelector(`[data-element-id="${id}_label"] text`))?.textContent?.replace(/\s+/g, ' ').trim() ?? '');
    const pools = named('.djs-shape > .djs-visual').filter((id) => id.startsWith('Participant_'));
    const flows = named('.djs-connection > .djs-visual');
    return { pools: texts(pools), flows: flows.length, flowIds: flows };
  });

describe('the Peta relasi dialog', () => {
  it('shows the generated peta relasi, saves it as a new relasi map and regenerates a drawn one', async () => {
    const errors: string[] = [];
    const page = await openPage(browser, errors);
    await useSession(page, server.url, server.admin.sessionCookie);
    const proses = await create({ name: 'Penugasan pejabat fungsional', kind: 'proses', xml: PROSES_XML });
    const lintasPd = await create({ name: 'Penunjukan lintas PD', kind: 'lintas-fungsi', parentId: proses.id, xml: library('penunjukan-lintas-pd') });
    // The volunteer comes from the process's own unit: its flows to the Bagian Dituju pass the Badan Dituju's pool.
    const sukarela = library('pengajuan-sukarela-lintas-unit').replaceAll('Bagian Asal', UNIT);
    await create({ name: 'Pengajuan sukarela lintas unit', kind: 'lintas-fungsi', parentId: proses.id, xml: sukarela });

    await openRelasi(page, proses.id);
    await page.waitForSelector(`${byTestId('relasi-canvas')} svg .djs-connection`);
    const viewer = await drawnInViewer(page);
    expect(viewer.pools).toEqual(['Dinas Pemilik Kinerja', 'Badan Dituju', 'Bagian Dituju']);
    expect(viewer.flows).toBe(4);
    const relations = await page.$$eval(byTestId('relasi-relation'), (items) => items.map((li) => li.textContent?.replace(/\s+/g, ' ').trim()));
    expect(relations).toHaveLength(4);
    expect(relations[0]).toBe('Dinas Pemilik Kinerja → Badan Dituju: Surat permohonan pelibatandari 1.1 Penunjukan lintas PD');
    const sourceHref = await page.$eval(`${byTestId('relasi-relation')} ${byTestId('relasi-source-link')}`, (a) => a.getAttribute('href'));
    expect(sourceHref).toBe(`#/peta/${lintasPd.id}`);
    expect(await page.$eval(byTestId('relasi-dialog'), (d) => d.textContent)).toContain('Belum ada peta relasi di bawah proses ini.');
    // The dialog as a user sees it (PETAKERJA_SHOT_DIR keeps the picture, e.g. for docs/hierarchy-examples/relasi.png).
    const shot = path.join(process.env.PETAKERJA_SHOT_DIR ?? (await tempDir('petakerja-relasi-')), 'relasi.png');
    await (await page.$('dialog.dialog-relasi'))!.screenshot({ path: shot });

    // Saved as a new relasi map, which opens in the modeller.
    await page.click(byTestId('relasi-save-new'));
    await page.waitForFunction((id) => location.hash.startsWith('#/peta/') && !location.hash.includes(id), {}, proses.id);
    const newId = await page.evaluate(() => location.hash.slice('#/peta/'.length));
    await page.waitForSelector(`${byTestId('modeler-canvas')} svg [data-element-id^="MessageFlow_"]`);
    const created = (await server.api(`/api/maps/${newId}`)).body.map;
    expect(created).toMatchObject({ kind: 'relasi', parentId: proses.id, name: 'Peta relasi Penugasan pejabat fungsional' });
    // The relasi map itself offers no peta relasi of its own.
    expect(await page.$(byTestId('relasi-toggle'))).toBeNull();

    // A lintas fungsi map changes; the dialog shows the difference and regenerates the drawn map.
    const changed = library('penunjukan-lintas-pd').replaceAll('Badan Dituju', 'Badan Kepegawaian');
    expect((await server.api(`/api/maps/${lintasPd.id}/revisions`, { method: 'POST', json: { xml: changed, baseRevision: 1, message: 'Unit diganti' } })).status).toBe(201);
    await openRelasi(page, proses.id);
    await page.waitForSelector(byTestId('relasi-drawn'));
    const statuses = await page.$$eval(byTestId('relasi-comparison'), (items) => items.map((li) => li.getAttribute('data-status')).sort());
    expect(statuses).toEqual(['belum', 'belum', 'sama', 'sama', 'tanpa', 'tanpa']);
    expect(await page.$eval(byTestId('relasi-drawn'), (s) => s.textContent)).toContain('Belum digambar');
    expect(await page.$eval(byTestId('relasi-drawn'), (s) => s.textContent)).toContain('Tidak ada serah terimanya');
    await page.click(byTestId('relasi-update'));
    await page.waitForSelector(byTestId('relasi-diff-link'));
    expect(await page.$eval(byTestId('relasi-saved'), (p) => p.textContent)).toContain('dibuat ulang sebagai revisi 2');
    await page.waitForFunction((s) => [...document.querySelectorAll(s)].every((li) => li.getAttribute('data-status') === 'sama'), {}, byTestId('relasi-comparison'));
    await page.click(byTestId('relasi-diff-link'));
    await page.waitForFunction((id) => location.hash === `#/peta/${id}/banding?dari=1&ke=2`, {}, newId);
    expect(errors).toEqual([]);

    // The generated XML imports into bpmn-js without warnings (in a modeller of its own, thrown away after).
    const other = await openPage(browser, errors);
    await useSession(other, server.url, server.admin.sessionCookie);
    await other.goto(`${server.url}/#/peta/${newId}`, { waitUntil: 'networkidle0' });
    await other.waitForSelector(`${byTestId('modeler-canvas')} svg .djs-element`);
    const xml = (await server.api(`/api/maps/${proses.id}/relasi`)).body.generated.xml as string;
    const warnings = await other.evaluate(async (text) => (await window.petakerja!.modeler.importXML(text)).warnings.map((w) => String(w)), xml);
    expect(warnings).toEqual([]);
    await other.close();
    expect(errors).toEqual([]);
  });

  it('says so, in the read-only view too, when the process has no lintas fungsi maps', async () => {
    const errors: string[] = [];
    const page = await openPage(browser, errors);
    await useSession(page, server.url, server.admin.sessionCookie);
    const proses = await create({ name: 'Proses kosong', kind: 'subproses', xml: PROSES_XML });
    await openRelasi(page, proses.id, 1);
    await page.waitForSelector(byTestId('relasi-empty'));
    expect(await page.$eval(byTestId('relasi-empty'), (e) => e.textContent)).toContain('Belum ada peta lintas fungsi di bawah proses ini.');
    expect(await page.$(byTestId('relasi-save-new'))).toBeNull();
    expect(errors).toEqual([]);
  });
});
