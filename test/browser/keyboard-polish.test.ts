// Issue 15, item 8 in Chromium at 1366×768: the skip link, the palette by keyboard (create an element without a
// mouse), the lasso, space and hand tools under the CSP without violations, and the properties panel's tooltips in
// Indonesian.
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { launchBrowser, openPage, useSession } from '../helpers/browser';
import { libraryMapMaker } from '../helpers/library-map';
import { startTestServer } from '../helpers/server';

const server = await startTestServer();
const browser = await launchBrowser();
const byTestId = (id: string) => `[data-testid="${id}"]`;
/** Set PETAKERJA_SCREENSHOTS to a directory to keep the pictures at 1366×768. */
const SCREENSHOTS = process.env.PETAKERJA_SCREENSHOTS;

const newMap = libraryMapMaker(server);

async function signedInPage(errors: string[]): Promise<Page> {
  const page = await openPage(browser, errors);
  // Every CSP violation, whatever the console shows of it.
  await page.exposeFunction('reportViolation', (text: string) => errors.push(text));
  await page.evaluateOnNewDocument(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { reportViolation(text: string): void }).reportViolation(`csp: ${event.violatedDirective} ${event.sourceFile}:${event.lineNumber}:${event.columnNumber} ${event.sample}`);
    });
  });
  await page.setViewport({ width: 1366, height: 768 });
  await useSession(page, server.url, server.admin.sessionCookie);
  return page;
}

async function openModeller(page: Page, mapId: string): Promise<void> {
  await page.goto(`${server.url}/#/peta/${mapId}`, { waitUntil: 'networkidle0' });
  await page.waitForSelector(`${byTestId('modeler-canvas')} svg .djs-element`);
}

describe('keyboard and polish', () => {
  it('uses the lasso, space and hand tools without a CSP violation', async () => {
    const errors: string[] = [];
    const page = await signedInPage(errors);
    await openModeller(page, await newMap('Alat kanvas'));
    const canvas = (await (await page.$(byTestId('modeler-canvas')))!.boundingBox())!;
    // Across the diagram: the lasso takes elements, the space tool moves them, the hand moves the view.
    const drag = async (tool: string, from: [number, number], to: [number, number]) => {
      await page.click(`.djs-palette .entry[data-action="${tool}"]`);
      await page.mouse.move(canvas.x + from[0] * canvas.width, canvas.y + from[1] * canvas.height);
      await page.mouse.down();
      await page.mouse.move(canvas.x + to[0] * canvas.width, canvas.y + to[1] * canvas.height, { steps: 8 });
      await page.mouse.up();
    };
    await drag('lasso-tool', [0.3, 0.2], [0.9, 0.9]);
    await drag('space-tool', [0.5, 0.5], [0.6, 0.5]);
    await drag('hand-tool', [0.5, 0.5], [0.4, 0.45]);
    // And the lasso's selection moved by the mouse.
    await drag('lasso-tool', [0.3, 0.2], [0.9, 0.9]);
    await page.waitForSelector('.djs-element.selected');
    const selected = (await (await page.$('.djs-element.selected'))!.boundingBox())!;
    await page.mouse.move(selected.x + selected.width / 2, selected.y + selected.height / 2);
    await page.mouse.down();
    await page.mouse.move(selected.x + selected.width / 2 + 30, selected.y + selected.height / 2 + 10, { steps: 8 });
    if (SCREENSHOTS) await page.screenshot({ path: path.join(SCREENSHOTS, 'move-preview-1366.png') });
    // The preview of the dragged shapes keeps their look (strokes and fills set through the CSSOM).
    expect(await page.$$eval('.djs-dragger', (nodes) => nodes.length)).toBeGreaterThan(0);
    await page.mouse.up();
    expect(errors).toEqual([]);
  });

  it('has a skip link as the first tab stop of a page, which moves the focus to the content', async () => {
    const errors: string[] = [];
    const page = await signedInPage(errors);
    for (const route of ['#/', '#/pengguna']) {
      await page.goto(`${server.url}/${route}`, { waitUntil: 'networkidle0' });
      await page.waitForSelector('main');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Langsung ke konten');
      const box = await (await page.$(byTestId('skip-link')))!.boundingBox();
      expect(box!.y, 'visible once focused').toBeGreaterThanOrEqual(0);
      if (SCREENSHOTS && route === '#/') await page.screenshot({ path: path.join(SCREENSHOTS, 'skip-link-1366.png') });
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('MAIN');
      expect(await page.evaluate(() => location.hash)).toBe(route === '#/' ? '#/' : route);
    }
    expect(errors).toEqual([]);
  });

  it('creates elements from the palette with the keyboard alone, placed by autoPlace', async () => {
    const errors: string[] = [];
    const page = await signedInPage(errors);
    await openModeller(page, await newMap('Palet papan ketik'));
    const taskCount = () => page.evaluate(() => window.petakerja!.modeler.get<{ filter(fn: (e: { type: string }) => boolean): unknown[] }>('elementRegistry').filter((e) => e.type === 'bpmn:Task').length);
    const before = await taskCount();
    // Select the start event, then reach the palette with Tab.
    const startId = await page.evaluate(() => {
      const modeler = window.petakerja!.modeler;
      const start = modeler.get<{ filter(fn: (e: { type: string }) => boolean): Array<{ id: string }> }>('elementRegistry').filter((e) => e.type === 'bpmn:StartEvent')[0]!;
      modeler.get<{ select(e: unknown): void }>('selection').select(start);
      return start.id;
    });
    await page.focus(byTestId('modeler-canvas'));
    const focusedAction = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.closest('.djs-palette .entry')?.getAttribute('data-action') ?? null);
    for (let presses = 0; presses < 200 && (await focusedAction()) !== 'create.task'; presses++) await page.keyboard.press('Tab');
    expect(await focusedAction()).toBe('create.task');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('button');
    if (SCREENSHOTS) await page.screenshot({ path: path.join(SCREENSHOTS, 'palette-focus-1366.png') });

    await page.keyboard.press('Enter');
    await page.waitForSelector('.djs-direct-editing-parent', { visible: true });
    await page.keyboard.type('Memeriksa berkas');
    await page.keyboard.press('Enter');
    expect(await taskCount()).toBe(before + 1);
    const appended = await page.evaluate((start) => {
      const registry = window.petakerja!.modeler.get<{ filter(fn: (e: { type: string; businessObject: { name?: string } }) => boolean): Array<{ id: string; incoming: Array<{ source: { id: string } }> }> }>('elementRegistry');
      const task = registry.filter((e) => e.type === 'bpmn:Task' && e.businessObject.name === 'Memeriksa berkas')[0];
      return task ? task.incoming.map((flow) => flow.source.id).includes(start) : false;
    }, startId);
    expect(appended, 'the new task follows the selected start event').toBe(true);

    // With nothing selected, the element lands in the middle of the view.
    await page.evaluate(() => window.petakerja!.modeler.get<{ select(e: unknown[]): void }>('selection').select([]));
    await page.focus('.djs-palette .entry[data-action="create.exclusive-gateway"]');
    await page.keyboard.press(' ');
    await page.waitForFunction(() => window.petakerja!.modeler.get<{ get(): Array<{ type: string }> }>('selection').get()[0]?.type === 'bpmn:ExclusiveGateway');
    if (SCREENSHOTS) await page.screenshot({ path: path.join(SCREENSHOTS, 'palette-created-1366.png') });
    expect(errors).toEqual([]);
  });

  it('shows the properties panel tooltips in Indonesian', async () => {
    const errors: string[] = [];
    const page = await signedInPage(errors);
    await openModeller(page, await newMap('Tooltip panel'));
    await page.evaluate(() => {
      const modeler = window.petakerja!.modeler;
      const task = modeler.get<{ filter(fn: (e: { type: string }) => boolean): unknown[] }>('elementRegistry').filter((e) => e.type === 'bpmn:Task' || e.type === 'bpmn:UserTask')[0];
      modeler.get<{ select(e: unknown): void }>('selection').select(task);
    });
    await page.waitForSelector('.bio-properties-panel-group-header-button[title]');
    const titles = await page.$$eval('.properties-panel [title]', (nodes) => [...new Set(nodes.map((n) => n.getAttribute('title')))]);
    expect(titles).toContain('Buka/tutup bagian');
    expect(titles).toContain('Buka penyunting sembulan');
    expect(titles.filter((title) => /Toggle section|Open pop-up editor/.test(title ?? ''))).toEqual([]);
    expect(errors).toEqual([]);
  });
});
