// Issue 15, item 8 in Chromium at 1366×768: the skip link, the palette by keyboard (create an element without a
// mouse), the lasso, space and hand tools under the CSP without violations, and the properties panel's tooltips in
// Indonesian.
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { readText, ROOT } from '../helpers/fixtures';
import { launchBrowser, openPage, useSession } from '../helpers/browser';
import { startTestServer } from '../helpers/server';

const server = await startTestServer();
const browser = await launchBrowser();
const byTestId = (id: string) => `[data-testid="${id}"]`;
const XML = readText(path.join(ROOT, 'processes/library/penunjukan-dalam-unit.bpmn'));
/** Set PETAKERJA_SCREENSHOTS to a directory to keep the pictures at 1366×768. */
const SCREENSHOTS = process.env.PETAKERJA_SCREENSHOTS;

async function newMap(name: string): Promise<string> {
  const created = await server.api('/api/maps', { method: 'POST', json: { name, kind: 'mekanisme-kerja', unit: 'Dinas Kesehatan', xml: XML } });
  expect(created.status).toBe(201);
  return created.body.map.id;
}

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
});
