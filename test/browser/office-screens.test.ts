// The pages a bureau spends its day on, at the screens a pemda office has (issue 15 item 1): 1024×768 projectors,
// 1366×768 laptops and 1920×1080 monitors. Each page is measured in Chromium against the real server: the canvas
// keeps most of the width, nothing visible overlaps, the page never scrolls as a whole, and the zoom buttons zoom.
// PETAKERJA_OFFICE_SCREENSHOTS=1 keeps a picture of each page at each size in docs/screenshots/<page>-<width>.png.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { launchBrowser, openPage, useSession } from '../helpers/browser';
import { newSopMap, reviewStep } from '../helpers/review-cycle';
import { boxes, expectNoPageScroll, overlaps } from '../helpers/screen-layout';
import { type ApiClient, startTestServer } from '../helpers/server';
import { ORIGINAL_XML, revisedXml } from '../review/revised-map';

const server = await startTestServer();
const browser = await launchBrowser();
const byTestId = (id: string) => `[data-testid="${id}"]`;
const UNIT = 'Dinas Kesehatan';
const TASK = 'Activity_Menugaskan';
const SCREENSHOTS = process.env.PETAKERJA_OFFICE_SCREENSHOTS ? path.resolve('docs/screenshots') : null;
/** The least share of the window the diagram keeps, at each width (the issue asks 60 % at 1366; 1024 must be usable). */
const SIZES = [
  { width: 1024, height: 768, canvasShare: 0.6 },
  { width: 1366, height: 768, canvasShare: 0.6 },
  { width: 1920, height: 1080, canvasShare: 0.6 },
] as const;
type Size = (typeof SIZES)[number];

/** Canvas widths per page and window width, printed at the end (the closing note asks for them). */
const widths: Record<string, Record<number, number>> = {};

/** A page in a fresh browser context (no remembered panels), signed in as `client`, at `size`. */
async function pageAt(size: Size, client: ApiClient, errors: string[]): Promise<{ page: Page; close(): Promise<void> }> {
  const context = await browser.createBrowserContext();
  const page = await openPage(context as unknown as Browser, errors);
  await page.setViewport({ width: size.width, height: size.height });
  await useSession(page, server.url, client.sessionCookie);
  return { page, close: () => context.close() };
}

async function go(page: Page, hash: string): Promise<void> {
  await page.goto(`${server.url}/${hash}`, { waitUntil: 'networkidle0' });
}

async function screenshot(page: Page, name: string, size: Size): Promise<void> {
  if (!SCREENSHOTS) return;
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-${size.width}.png`) as `${string}.png` });
}

function record(name: string, size: Size, width: number): void {
  (widths[name] ??= {})[size.width] = Math.round(width);
}

async function canvasWidth(page: Page, testId = 'modeler-canvas'): Promise<number> {
  return page.$eval(byTestId(testId), (e) => e.getBoundingClientRect().width);
}

/** The modeller's layout checks: canvas share, no overlap, pool and lane headers clear of the palette and zoom buttons. */
async function checkModellerLayout(page: Page, size: Size, name: string): Promise<void> {
  const width = await canvasWidth(page);
  record(name, size, width);
  expect(width / size.width, `${name} canvas share at ${size.width}`).toBeGreaterThanOrEqual(size.canvasShare);
  // The frame: top bar, canvas, the open panels, the tab strip and the findings panel side by side.
  const frame = await boxes(page, ['.app-header', byTestId('modeler-canvas'), '.workspace > aside', byTestId('panel-strip'), byTestId('lint-panel')]);
  expect(overlaps(frame), `${name} at ${size.width}`).toEqual([]);
  // The tab strip closes the row at the window's right edge.
  const strip = frame.find((b) => b.name === byTestId('panel-strip'))!;
  expect(Math.round(strip.right)).toBe(size.width);
  // Over the canvas: the palette and the zoom buttons, apart from each other and from the pools' and lanes' headers.
  const controls = await boxes(page, ['.djs-palette', byTestId('zoom-controls')]);
  expect(controls.map((b) => b.name)).toEqual(['.djs-palette', byTestId('zoom-controls')]);
  const headers = await page.evaluate(() => {
    const registry = window.petakerja!.modeler.get<import('diagram-js/lib/core/ElementRegistry').default>('elementRegistry');
    const scale = window.petakerja!.modeler.get<import('diagram-js/lib/core/Canvas').default>('canvas').zoom();
    return registry
      .filter((e) => e.type === 'bpmn:Participant' || e.type === 'bpmn:Lane')
      .map((e) => {
        const r = registry.getGraphics(e).querySelector('.djs-visual')!.getBoundingClientRect();
        // bpmn-js draws a pool's and a lane's name in a 30 px band along its left edge.
        return { name: `header ${e.id}`, left: r.left, top: r.top, right: r.left + 30 * scale, bottom: r.bottom };
      });
  });
  expect(headers.length).toBeGreaterThan(0);
  for (const header of headers) expect(overlaps([...controls, header]), `${name} at ${size.width}`).toEqual([]);
  const canvas = (await boxes(page, [byTestId('modeler-canvas')]))[0]!;
  for (const header of headers) expect(header.left, `${header.name} inside the canvas`).toBeGreaterThanOrEqual(canvas.left);
}

/** Each zoom button changes the diagram's scale as its label says. */
async function checkZoomButtons(page: Page): Promise<void> {
  const zoom = () => page.evaluate(() => window.petakerja!.modeler.get<import('diagram-js/lib/core/Canvas').default>('canvas').zoom());
  const fitted = await zoom();
  await page.click(byTestId('zoom-in'));
  expect(await zoom()).toBeGreaterThan(fitted);
  await page.click(byTestId('zoom-in'));
  const larger = await zoom();
  await page.click(byTestId('zoom-out'));
  expect(await zoom()).toBeLessThan(larger);
  await page.click(byTestId('zoom-reset'));
  expect(await zoom()).toBe(1);
  await page.click(byTestId('zoom-fit'));
  expect(await zoom()).toBeCloseTo(fitted, 3);
  // The keyboard: Ctrl+plus and Ctrl+0 on the canvas (the browser's page zoom stays untouched).
  await page.click(byTestId('modeler-canvas'), { offset: { x: 5, y: 5 } });
  await page.keyboard.down('Control');
  await page.keyboard.press('Equal');
  await page.keyboard.up('Control');
  expect(await zoom()).toBeGreaterThan(fitted);
  await page.keyboard.down('Control');
  await page.keyboard.press('Digit0');
  await page.keyboard.up('Control');
  expect(await zoom()).toBeCloseTo(fitted, 3);
}

describe('the everyday pages at office screen sizes', () => {
  it('keep the canvas wide, nothing overlapping, no page scroll, working zoom — list, modeller, SOP view, review, diff', async () => {
    const penyusun = await server.userWith(['penyusun'], UNIT, 'penyusun');
    const reviewer = await server.userWith(['reviewer'], UNIT, 'reviewer');
    // A library map with many lanes, for the modeller.
    const setda = await server.admin.api('/api/maps', { method: 'POST', json: { name: 'Mekanisme kerja Setda', templateId: 'mk-setda', unit: 'Sekretariat Daerah' } });
    expect(setda.status, JSON.stringify(setda.body)).toBe(201);
    const setdaId = setda.body.map.id as string;
    // A map sent back by the reviewer with a comment on a task: the drafter answers in the Reviu panel.
    const reviewId = await newSopMap(penyusun, UNIT, 'Penunjukan pelaksana tugas');
    expect((await reviewStep(server.admin, penyusun, reviewId, 'ajukan')).status).toBe(200);
    expect((await reviewStep(server.admin, reviewer, reviewId, 'mulai-reviu')).status).toBe(200);
    const note = await reviewer.api(`/api/maps/${reviewId}/annotations`, { method: 'POST', json: { anchor: { kind: 'elemen', elementId: TASK }, body: 'Nama kegiatan kurang jelas.' } });
    expect(note.status).toBe(201);
    expect((await reviewStep(server.admin, reviewer, reviewId, 'minta-perbaikan', { comment: 'Perjelas nama kegiatan.' })).status).toBe(200);
    // Two revisions to compare.
    const created = await server.api('/api/maps', { method: 'POST', json: { name: 'Penunjukan dalam unit', kind: 'mekanisme-kerja', unit: UNIT, xml: ORIGINAL_XML } });
    const diffId = created.body.map.id as string;
    expect((await server.api(`/api/maps/${diffId}/revisions`, { method: 'POST', json: { xml: revisedXml(), baseRevision: 1, message: 'Tambah pemeriksaan berkas' } })).status).toBe(201);
    // A list longer than any window.
    for (let i = 1; i <= 24; i++) {
      expect((await server.api('/api/maps', { method: 'POST', json: { name: `Peta proses ${i}`, kind: 'proses', unit: UNIT } })).status).toBe(201);
    }

    const errors: string[] = [];
    for (const size of SIZES) {
      // The map list.
      {
        const { page, close } = await pageAt(size, server.admin, errors);
        await go(page, '#/');
        await page.waitForSelector(byTestId('map-row'));
        await expectNoPageScroll(page, `list at ${size.width}`);
        await screenshot(page, 'list', size);
        // The last row, brought into view: the list's area scrolls, the top bar stays.
        await page.$$eval(byTestId('map-row'), (rows) => rows.at(-1)!.scrollIntoView());
        await expectNoPageScroll(page, `list scrolled to its end at ${size.width}`, true);
        await close();
      }
      // The modeller with its default panels, then the SOP view over it.
      {
        const { page, close } = await pageAt(size, server.admin, errors);
        await go(page, `#/peta/${setdaId}`);
        await page.waitForSelector(`${byTestId('modeler-canvas')} svg .djs-element`);
        await page.waitForSelector(byTestId('lint-panel'));
        await checkModellerLayout(page, size, 'modeller');
        await expectNoPageScroll(page, `modeller at ${size.width}`);
        await screenshot(page, 'modeller', size);
        await checkZoomButtons(page);
        await expectNoPageScroll(page, `modeller after zoom at ${size.width}`);

        await page.click(byTestId('sop-toggle'));
        await page.waitForSelector(byTestId('sop-panel'), { visible: true });
        await page.waitForSelector(`${byTestId('sop-panel')} iframe`);
        expect(overlaps(await boxes(page, ['.app-header', byTestId('sop-panel')]))).toEqual([]);
        await expectNoPageScroll(page, `SOP view at ${size.width}`);
        await screenshot(page, 'sop', size);
        await close();
      }
      // The drafter answering a comment in the Reviu panel: the reply box takes focus, the top bar stays.
      {
        const { page, close } = await pageAt(size, penyusun, errors);
        await go(page, `#/peta/${reviewId}`);
        await page.waitForSelector(`${byTestId('modeler-canvas')} svg .djs-element[data-element-id="${TASK}"]`);
        await page.waitForSelector(byTestId('review-state'));
        if (!(await page.$eval(byTestId('review-panel'), (p) => (p as HTMLElement).checkVisibility()))) await page.click(byTestId('review-toggle'));
        await page.waitForSelector(byTestId('annotation-reply'), { visible: true });
        await checkModellerLayout(page, size, 'review');
        await page.focus(byTestId('annotation-reply'));
        await page.keyboard.type('Sudah diperjelas.');
        await expectNoPageScroll(page, `review panel at ${size.width}`);
        const reply = await page.$eval(byTestId('annotation-reply'), (e) => e.getBoundingClientRect().bottom);
        expect(reply).toBeLessThanOrEqual(size.height);
        await screenshot(page, 'review', size);
        await close();
      }
      // The reviewer's read-only view of the same map: docked panels, zoom buttons.
      {
        const { page, close } = await pageAt(size, reviewer, errors);
        await go(page, `#/peta/${reviewId}`);
        await page.waitForSelector(`${byTestId('modeler-canvas')} svg .djs-element[data-element-id="${TASK}"]`);
        await page.waitForSelector(byTestId('review-panel'), { visible: true });
        const width = await canvasWidth(page);
        record('viewer', size, width);
        expect(width / size.width, `viewer canvas share at ${size.width}`).toBeGreaterThanOrEqual(size.canvasShare);
        const frame = await boxes(page, ['.app-header', byTestId('modeler-canvas'), '.workspace > aside', byTestId('panel-strip'), byTestId('zoom-controls')]);
        expect(overlaps(frame.filter((b) => b.name !== byTestId('modeler-canvas'))), `viewer at ${size.width}`).toEqual([]);
        const transform = () => page.$eval(`${byTestId('modeler-canvas')} svg .viewport`, (g) => g.getAttribute('transform'));
        const before = await transform();
        await page.click(byTestId('zoom-in'));
        expect(await transform()).not.toBe(before);
        await page.click(byTestId('zoom-fit'));
        expect(await transform()).toBe(before);
        await expectNoPageScroll(page, `viewer at ${size.width}`);
        await screenshot(page, 'viewer', size);
        await close();
      }
      // The diff of two revisions: both diagrams side by side.
      {
        const { page, close } = await pageAt(size, server.admin, errors);
        await go(page, `#/peta/${diffId}/banding?dari=1&ke=2`);
        await page.waitForSelector(`${byTestId('diff-new-canvas')} svg .djs-element`);
        await page.waitForSelector(`${byTestId('diff-old-canvas')} svg .djs-element`);
        record('diff (both diagrams)', size, (await canvasWidth(page, 'diff-old-canvas')) + (await canvasWidth(page, 'diff-new-canvas')));
        expect(overlaps(await boxes(page, ['.app-header', byTestId('diff-old-canvas'), byTestId('diff-new-canvas')]))).toEqual([]);
        await expectNoPageScroll(page, `diff at ${size.width}`);
        await screenshot(page, 'diff', size);
        await close();
      }
    }
    console.log(`canvas widths (px): ${JSON.stringify(widths)}`);
    expect(errors).toEqual([]);
  }, 240_000);

  it('collapse side panels to the tab strip, remember them, make room for the one opened; zoom keys leave fields alone', async () => {
    const created = await server.admin.api('/api/maps', { method: 'POST', json: { name: 'Mekanisme kerja Setda (panel)', templateId: 'mk-setda', unit: 'Sekretariat Daerah' } });
    const id = created.body.map.id as string;
    const errors: string[] = [];
    const { page, close } = await pageAt(SIZES[1], server.admin, errors);
    const open = () =>
      page.$$eval(`${byTestId('panel-strip')} button`, (tabs) => Object.fromEntries(tabs.map((t) => [t.getAttribute('data-testid'), t.getAttribute('aria-expanded') === 'true'])));
    const visible = () => page.$$eval('.workspace > aside', (panels) => panels.filter((p) => p.checkVisibility()).length);
    const load = async () => {
      if (page.url().includes(id)) await page.reload({ waitUntil: 'networkidle0' });
      else await go(page, `#/peta/${id}`);
      await page.waitForSelector(`${byTestId('modeler-canvas')} svg .djs-element`);
    };
    await load();
    // At 1366 px one panel fits: the properties, by default.
    expect(await open()).toEqual({ 'history-toggle': false, 'properties-toggle': true, 'review-toggle': false });
    expect(await visible()).toBe(1);
    // The tabs follow the panels, left to right.
    expect(Object.keys(await open())).toEqual(['history-toggle', 'properties-toggle', 'review-toggle']);
    await page.click(byTestId('history-toggle'));
    await page.waitForSelector('.revision-panel', { visible: true });
    expect(await open()).toEqual({ 'history-toggle': true, 'properties-toggle': false, 'review-toggle': false });
    expect(await visible()).toBe(1);
    // A reload keeps the choice.
    await load();
    expect(await open()).toEqual({ 'history-toggle': true, 'properties-toggle': false, 'review-toggle': false });
    await page.click(byTestId('history-toggle'));
    expect(await visible()).toBe(0);
    await load();
    expect(await open()).toEqual({ 'history-toggle': false, 'properties-toggle': true, 'review-toggle': false });
    // On a wide monitor two fit: the properties stay when the history opens.
    await page.setViewport({ width: 1920, height: 1080 });
    await page.click(byTestId('history-toggle'));
    expect(await open()).toEqual({ 'history-toggle': true, 'properties-toggle': true, 'review-toggle': false });
    expect(await visible()).toBe(2);
    // Back on the laptop, the one opened last stays.
    await page.setViewport({ width: 1366, height: 768 });
    await page.waitForFunction(() => [...document.querySelectorAll('.workspace > aside')].filter((p) => p.checkVisibility()).length === 1);
    expect(await open()).toEqual({ 'history-toggle': true, 'properties-toggle': false, 'review-toggle': false });

    // Ctrl+plus while typing in a field is the field's business; elsewhere on the page it zooms the diagram.
    const zoom = () => page.evaluate(() => window.petakerja!.modeler.get<import('diagram-js/lib/core/Canvas').default>('canvas').zoom());
    await page.click(byTestId('properties-toggle'));
    await page.waitForSelector('#bio-properties-panel-id', { visible: true });
    const fitted = await zoom();
    await page.focus('#bio-properties-panel-id');
    await page.keyboard.down('Control');
    await page.keyboard.press('Equal');
    await page.keyboard.up('Control');
    expect(await zoom()).toBe(fitted);
    await page.evaluate(() => (document.activeElement as HTMLElement).blur());
    await page.keyboard.down('Control');
    await page.keyboard.press('Equal');
    await page.keyboard.up('Control');
    expect(await zoom()).toBeGreaterThan(fitted);
    await page.keyboard.down('Control');
    await page.keyboard.press('Minus');
    await page.keyboard.press('Minus');
    await page.keyboard.up('Control');
    expect(await zoom()).toBeLessThan(fitted + 1e-9);
    expect(await page.$eval(byTestId('zoom-fit'), (b) => b.getAttribute('title'))).toBe('Tampilkan seluruh diagram (Ctrl + 0)');
    expect(errors).toEqual([]);
    await close();
  }, 120_000);
});
