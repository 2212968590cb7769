// The map hierarchy in Chromium: the tree view with its codes and keyboard, moving a map through the dialog, and
// drilling from a peta proses into the child map of a call activity and back by the breadcrumb and the browser.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { launchBrowser, openPage, useSession } from '../helpers/browser';
import { minimalBpmn } from '../helpers/fixtures';
import { prosesWithCalls } from '../helpers/proses-bpmn';
import { startTestServer } from '../helpers/server';

const server = await startTestServer();
const browser = await launchBrowser();
const byTestId = (id: string) => `[data-testid="${id}"]`;
/** Set PETAKERJA_SCREENSHOTS to a folder to keep pictures of the tree and the drill-down (docs/hierarchy-examples). */
const SHOTS = process.env.PETAKERJA_SCREENSHOTS;

/** Each map is drawn as one task: what matters here is the hierarchy, not the template of its kind. */
async function create(name: string, fields: Record<string, unknown> = {}) {
  const json = { name, kind: 'proses', unit: 'Bagian Organisasi', xml: minimalBpmn(name), ...fields };
  const { status, body } = await server.api('/api/maps', { method: 'POST', json });
  expect(status, JSON.stringify(body)).toBe(201);
  return body.map as { id: string; code: string; name: string };
}

const instansi = await create('Peta proses Pemerintah Kabupaten');
const perencanaan = await create('Perencanaan dan penganggaran', { parentId: instansi.id });
await create('Penyusunan Renstra', { parentId: perencanaan.id, kind: 'lintas-fungsi' });
// Pelayanan is itself a peta proses whose first step has its own map beneath it (found by name).
const pelayanan = await create('Pelayanan perizinan', {
  parentId: instansi.id,
  unit: 'DPMPTSP',
  xml: prosesWithCalls([{ id: 'Panggil_Perizinan', name: 'Perizinan berusaha' }, { id: 'Panggil_Pengaduan', name: 'Penanganan pengaduan' }], 'Pelayanan perizinan'),
});
await create('Perizinan berusaha', { parentId: pelayanan.id, kind: 'subproses', unit: 'DPMPTSP' });
const keuangan = await create('Pengelolaan keuangan', { parentId: instansi.id, unit: 'BPKAD' });
const saved = await server.api(`/api/maps/${instansi.id}/revisions`, {
  method: 'POST',
  json: {
    baseRevision: 1,
    message: 'Proses utama',
    xml: prosesWithCalls([
      { id: 'Panggil_Pelayanan', name: 'Melayani perizinan', calledMap: pelayanan.id },
      { id: 'Sub_Keuangan', name: 'Pengelolaan Keuangan', type: 'subProcess' },
      { id: 'Panggil_Hilang', name: 'Pengawasan internal' },
    ]),
  },
});
expect(saved.status, JSON.stringify(saved.body)).toBe(201);

async function signedInPage(errors: string[]): Promise<Page> {
  const page = await openPage(browser, errors);
  await useSession(page, server.url, server.admin.sessionCookie);
  return page;
}

const rowCodes = (page: Page) => page.$$eval(byTestId('tree-row'), (rows) => rows.map((r) => (r as HTMLElement).dataset.code));
const focusedCode = (page: Page) => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.code);

async function shot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  await mkdir(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, name) });
}

describe('map hierarchy in the browser', () => {
  it('shows the tree by code, expands with the keyboard, and moves a map with its subtree through the dialog', async () => {
    const errors: string[] = [];
    const page = await signedInPage(errors);
    await page.goto(`${server.url}/#/`, { waitUntil: 'networkidle0' });
    await page.click(byTestId('view-hierarki'));
    await page.waitForSelector(byTestId('tree-row'));
    // Top-level maps start open: their children show, deeper levels wait.
    expect(await rowCodes(page)).toEqual(['1', '1.1', '1.2', '1.3']);

    await page.focus(`${byTestId('tree-row')}[data-code="1"]`);
    await page.keyboard.press('ArrowDown');
    expect(await focusedCode(page)).toBe('1.1');
    await page.keyboard.press('ArrowRight');
    await page.waitForSelector(`${byTestId('tree-row')}[data-code="1.1.1"]`);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowRight');
    expect(await rowCodes(page)).toEqual(['1', '1.1', '1.1.1', '1.2', '1.2.1', '1.3']);
    expect(await page.$eval(`${byTestId('tree-row')}[data-code="1.2.1"]`, (row) => [row.getAttribute('aria-level'), row.textContent])).toEqual([
      '3',
      expect.stringContaining('DPMPTSP'),
    ]);
    await shot(page, 'tree.png');

    // The view is remembered.
    await page.reload({ waitUntil: 'networkidle0' });
    await page.waitForSelector(byTestId('tree-row'));
    expect(await page.$eval(byTestId('view-hierarki'), (b) => b.getAttribute('aria-pressed'))).toBe('true');

    // Move "Perencanaan" (1.1, with 1.1.1 beneath it) under "Pelayanan perizinan" (1.2).
    await page.click(`${byTestId('tree-row')}[data-code="1.1"] .tree-code`);
    await page.click(`${byTestId('tree-row')}[data-code="1.1"] ${byTestId('tree-move')}`);
    await page.waitForSelector(byTestId('move-search'), { visible: true });
    await page.type(byTestId('move-search'), 'perizinan');
    await page.keyboard.press('Enter');
    await page.waitForSelector(byTestId('move-change'));
    const changes = await page.$$eval(byTestId('move-change'), (rows) => rows.map((r) => r.querySelector('.code-change')?.textContent));
    expect(changes).toEqual(['1.1 → 1.2.2', '1.1.1 → 1.2.2.1']);
    await shot(page, 'move-dialog.png');
    await page.click(byTestId('move-submit'));
    await page.waitForSelector(byTestId('move-notice'));
    expect(await page.$eval(byTestId('move-notice'), (n) => n.textContent)).toContain('1.2.2');
    await page.waitForFunction(() => !document.querySelector('[data-testid="tree-row"][data-code="1.1"]'));
    expect(await rowCodes(page)).toContain('1.2.2');
    expect((await server.api(`/api/maps/${perencanaan.id}`)).body.map).toMatchObject({ code: '1.2.2', level: 2, parentId: pelayanan.id });

    // A search shows the matches under their ancestors, greyed, with the way to them open.
    await page.type(byTestId('search-input'), 'renstra');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="tree-row"]').length === 4);
    expect(await rowCodes(page)).toEqual(['1', '1.2', '1.2.2', '1.2.2.1']);
    expect(await page.$$eval(`${byTestId('tree-row')}.is-context`, (rows) => rows.map((r) => (r as HTMLElement).dataset.code))).toEqual(['1', '1.2', '1.2.2']);
    expect(errors).toEqual([]);
  });

  it('drills from a call activity into its child map and back, by the breadcrumb and the browser, guarding unsaved work', async () => {
    const errors: string[] = [];
    const page = await signedInPage(errors);
    await page.goto(`${server.url}/#/peta/${instansi.id}`, { waitUntil: 'networkidle0' });
    for (const element of ['Panggil_Pelayanan', 'Sub_Keuangan']) await page.waitForSelector(`${byTestId('call-link')}[data-element="${element}"]`);
    await page.waitForSelector(byTestId('call-link-missing'));
    const links = await page.$$eval(byTestId('call-link'), (items) => items.map((i) => `${(i as HTMLElement).dataset.element} ${i.textContent}`));
    expect(links.sort()).toEqual(['Panggil_Pelayanan ↘ Buka peta 1.2', 'Sub_Keuangan ↘ Buka peta 1.3']);
    expect(await page.$eval(byTestId('call-link-missing'), (m) => [(m as HTMLElement).dataset.element, m.getAttribute('title')])).toEqual([
      'Panggil_Hilang',
      // A drafter is offered to create it ("Buat peta rincian", test/browser/finding-way.test.ts).
      'Peta anak tidak ditemukan — buat peta rincian',
    ]);
    // A top-level map has no breadcrumb.
    expect(await page.$eval(byTestId('map-breadcrumb'), (n) => (n as HTMLElement).hidden)).toBe(true);

    // The properties panel offers the child maps for sk:calledMap, and shows the one set.
    await page.click('.djs-element[data-element-id="Panggil_Pelayanan"]');
    const select = await page.waitForSelector('[data-entry-id="sk-calledMap"] select');
    expect(await select!.evaluate((s) => (s as HTMLSelectElement).value)).toBe(pelayanan.id);
    const options = await select!.evaluate((s) => [...(s as HTMLSelectElement).options].slice(1).map((o) => o.textContent ?? ''));
    expect(options).toContain('1.2 Pelayanan perizinan (peta anak)');
    expect(options).toContain('1.3 Pengelolaan keuangan (peta anak)');
    expect(options).toContain('1.2.1 Perizinan berusaha');
    const children = options.filter((o) => o.endsWith('(peta anak)')).length;
    expect(options.slice(0, children).every((o) => o.endsWith('(peta anak)'))).toBe(true);
    expect(options.some((o) => o.includes('Peta proses Pemerintah Kabupaten'))).toBe(false);
    await page.click(byTestId('modeler-canvas'), { offset: { x: 400, y: 480 } });
    await shot(page, 'drilldown.png');

    // Unsaved work: drilling in asks first; staying keeps the map open.
    await page.evaluate(() => {
      const modeler = window.petakerja!.modeler;
      const element = modeler.get<{ get(id: string): unknown }>('elementRegistry').get('Panggil_Hilang');
      modeler.get<{ updateLabel(e: unknown, text: string): void }>('modeling').updateLabel(element, 'Pengawasan intern');
    });
    await page.waitForSelector(byTestId('dirty-indicator'), { visible: true });
    await page.click(`${byTestId('call-link')}[data-element="Panggil_Pelayanan"]`);
    await page.waitForSelector('dialog[open]');
    await clickDialogButton(page, 'Tetap di sini');
    await page.waitForFunction(() => !document.querySelector('dialog[open]'));
    expect(await page.evaluate(() => location.hash)).toBe(`#/peta/${instansi.id}`);
    await clickButtonByText(page, 'Buang perubahan');
    await page.waitForSelector('dialog[open]');
    await clickDialogButton(page, 'Buang perubahan');
    await page.waitForSelector(byTestId('dirty-indicator'), { hidden: true });

    // Drill in: the child map opens with the breadcrumb of its ancestors.
    await page.click(`${byTestId('call-link')}[data-element="Panggil_Pelayanan"]`);
    await page.waitForFunction((id) => location.hash === `#/peta/${id}`, {}, pelayanan.id);
    await page.waitForSelector(`${byTestId('map-breadcrumb')}:not([hidden]) ${byTestId('breadcrumb-link')}`);
    expect(await page.$eval(byTestId('map-breadcrumb'), (n) => n.textContent)).toBe('1Peta proses Pemerintah Kabupaten1.2Pelayanan perizinan');
    // The child is a peta proses too: its own step leads one level further down.
    await page.waitForSelector(`${byTestId('call-link')}[data-element="Panggil_Perizinan"]`);
    expect(await page.$eval(`${byTestId('call-link')}[data-element="Panggil_Perizinan"]`, (b) => b.textContent)).toBe('↘ Buka peta 1.2.1');
    await shot(page, 'breadcrumb.png');

    // Back up by the breadcrumb.
    await page.click(`${byTestId('breadcrumb-link')}[data-map-id="${instansi.id}"]`);
    await page.waitForFunction((id) => location.hash === `#/peta/${id}`, {}, instansi.id);
    // The link the next step clicks, not any call link: the child's links may still be on the page, and the parent's
    // come after its first paint one by one (failed a full run: clicked before Sub_Keuangan's link was drawn).
    await page.waitForSelector(`${byTestId('call-link')}[data-element="Sub_Keuangan"]`);

    // In again by the collapsed sub-process (found by name), then back with the browser.
    await page.click(`${byTestId('call-link')}[data-element="Sub_Keuangan"]`);
    await page.waitForFunction((id) => location.hash === `#/peta/${id}`, {}, keuangan.id);
    await page.waitForSelector(`${byTestId('modeler-canvas')} svg .djs-element`);
    await page.goBack();
    await page.waitForFunction((id) => location.hash === `#/peta/${id}`, {}, instansi.id);
    await page.waitForSelector(byTestId('call-link'));
    expect(errors).toEqual([]);
  });

  it('lets a reader drill in by double-clicking the call activity in the read-only view', async () => {
    const reader = await server.userWith(['pembaca'], 'Bagian Organisasi');
    const errors: string[] = [];
    const page = await openPage(browser, errors);
    await useSession(page, server.url, reader.sessionCookie);
    await page.goto(`${server.url}/#/peta/${instansi.id}`, { waitUntil: 'networkidle0' });
    await page.waitForSelector(byTestId('readonly-notice'));
    // Pelayanan belongs to another unit: the reader learns that, not which map.
    await page.waitForSelector(`${byTestId('call-link-missing')}[data-element="Panggil_Pelayanan"]`);
    expect(await page.$eval(`${byTestId('call-link-missing')}[data-element="Panggil_Pelayanan"]`, (m) => m.getAttribute('title'))).toContain('unit lain');
    // Keuangan is BPKAD's too; make a map of the reader's own unit the link target instead.
    const own = await create('Pengelolaan arsip', { parentId: instansi.id });
    await server.api(`/api/maps/${instansi.id}/revisions`, {
      method: 'POST',
      json: { baseRevision: 2, message: 'Arsip', xml: prosesWithCalls([{ id: 'Panggil_Arsip', name: 'Mengelola arsip', calledElement: own.code }]) },
    });
    await page.reload({ waitUntil: 'networkidle0' });
    await page.waitForSelector(`${byTestId('call-link')}[data-element="Panggil_Arsip"]`);
    const box = await (await page.$('.djs-element[data-element-id="Panggil_Arsip"]'))!.boundingBox();
    await page.mouse.click(box!.x + box!.width / 2, box!.y + box!.height / 3, { clickCount: 2 });
    await page.waitForFunction((id) => location.hash === `#/peta/${id}`, {}, own.id);
    await page.waitForSelector(`${byTestId('breadcrumb-link')}[data-map-id="${instansi.id}"]`);
    expect(errors).toEqual([]);
  });
});

async function clickButtonByText(page: Page, text: string): Promise<void> {
  await page.$$eval('button', (buttons, label) => (buttons.find((b) => b.textContent?.trim() === label && (b as HTMLElement).offsetParent) as HTMLElement | undefined)?.click(), text);
}

async function clickDialogButton(page: Page, text: string): Promise<void> {
  await page.$$eval('dialog[open] button', (buttons, label) => (buttons.find((b) => b.textContent?.trim() === label) as HTMLElement | undefined)?.click(), text);
}
