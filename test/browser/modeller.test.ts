import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { elementIds, MIWG_DIR, miwgFiles, readText } from '../helpers/fixtures';
import { launchBrowser, openPage } from '../helpers/browser';
import { startTestServer } from '../helpers/server';

const server = await startTestServer();
const browser = await launchBrowser();

const byTestId = (id: string) => `[data-testid="${id}"]`;

async function openModeller(page: Page, url: string) {
  await page.goto(url, { waitUntil: 'networkidle0' });
  await page.waitForSelector(`${byTestId('modeler-canvas')} svg .djs-element`);
}

describe('the modeller in Chromium', () => {
  it('creates a map, adds a task, saves it with a message, and shows the task after a reload', async () => {
    const errors: string[] = [];
    const page = await openPage(browser, errors);
    await page.goto(server.url, { waitUntil: 'networkidle0' });

    await page.click(byTestId('new-map-button'));
    await page.waitForSelector(byTestId('new-map-name'), { visible: true });
    await page.type(byTestId('new-map-name'), 'Penerbitan izin praktik bidan');
    await page.select(byTestId('new-map-kind'), 'subproses');
    await page.click(byTestId('new-map-submit'));
    await page.waitForFunction(() => location.hash.startsWith('#/peta/'));
    await page.waitForSelector(`${byTestId('modeler-canvas')} svg .djs-element`);
    const mapId = await page.evaluate(() => location.hash.split('/')[2]);

    // Append a task to the start event through its context pad, as a user would, and name it.
    const startEvent = await page.$('.djs-element[data-element-id^="StartEvent"], .djs-element[data-element-id*="Start"]');
    expect(startEvent, 'the subproses template has a start event').not.toBeNull();
    await startEvent!.click();
    await page.waitForSelector('.djs-context-pad .entry[data-action="append.append-task"]', { visible: true });
    await page.click('.djs-context-pad .entry[data-action="append.append-task"]');
    await page.waitForSelector('.djs-direct-editing-parent', { visible: true });
    await page.keyboard.type('Memverifikasi dokumen');
    await page.click(byTestId('modeler-canvas'), { offset: { x: 5, y: 5 } });
    await page.waitForSelector(byTestId('dirty-indicator'), { visible: true });

    await page.click(byTestId('save-button'));
    await page.waitForSelector(byTestId('save-message'), { visible: true });
    await page.type(byTestId('save-message'), 'Menambah verifikasi dokumen');
    await page.click(byTestId('save-submit'));
    await page.waitForFunction(
      (selector) => document.querySelector(selector)?.textContent?.includes('revisi 2'),
      {},
      byTestId('save-status'),
    );

    await page.reload({ waitUntil: 'networkidle0' });
    await page.waitForSelector(`${byTestId('modeler-canvas')} svg .djs-element`);
    const labels = await page.$$eval('.djs-element text', (texts) => texts.map((t) => t.textContent).join(' '));
    expect(labels).toContain('Memverifikasi dokumen');

    const revisions = await server.api(`/api/maps/${mapId}/revisions`);
    expect(revisions.body.items.map((r: { message: string }) => r.message)).toEqual([
      expect.stringContaining('templat'),
      'Menambah verifikasi dokumen',
    ]);
    const xml = (await server.api(`/api/maps/${mapId}/revisions/2/xml`)).body as string;
    expect(xml).toContain('name="Memverifikasi dokumen"');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('exports every MIWG file back from bpmn-js with the same element ids', async () => {
    const errors: string[] = [];
    const page = await openPage(browser, errors);
    const created = await server.api('/api/maps', { method: 'POST', json: { name: 'Wadah korpus', kind: 'subproses' } });
    await openModeller(page, `${server.url}/#/peta/${created.body.map.id}`);
    const lost: string[] = [];
    for (const file of miwgFiles()) {
      const xml = readText(file);
      const exported = await page.evaluate(async (source: string) => {
        const { modeler } = (window as unknown as { petakerja: { modeler: any } }).petakerja;
        await modeler.importXML(source);
        return (await modeler.saveXML({ format: true })).xml as string;
      }, xml);
      const before = await elementIds(xml);
      const after = await elementIds(exported);
      const missing = [...before].filter((id) => !after.has(id));
      if (missing.length > 0) lost.push(`${path.relative(MIWG_DIR, file)}: ${missing.join(', ')}`);
    }
    expect(lost).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
