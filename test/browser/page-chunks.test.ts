// The pages' code in two chunks (issue 16): the entry carries the modeller and the sign-in pages; every other page is in
// one chunk of its own (client/src/pages/otherPages.ts), asked for at boot when the app opens at such a page, by the
// modeller once it is complete, and otherwise when one is first shown (the header usable meanwhile); a chunk that cannot be fetched is said, with a way to load the app again. And the
// shell's icon is a small raster image: an SVG icon is built as a document on the page's thread at the load event.
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { holdRequests, launchBrowser, openPage, useSession } from '../helpers/browser';
import { minimalBpmn } from '../helpers/fixtures';
import { startTestServer, type ApiClient } from '../helpers/server';

const server = await startTestServer();
const browser = await launchBrowser();
const UNIT = 'Dinas Kesehatan';
const penyusun = await server.userWith(['penyusun'], UNIT, 'chunk-penyusun');
const pembaca = await server.userWith(['pembaca'], UNIT, 'chunk-pembaca');
const created = await penyusun.api('/api/maps', { method: 'POST', json: { name: 'Peta terpisah', kind: 'lintas-fungsi', unit: UNIT, xml: minimalBpmn('Langkah terpisah') } });
const mapId = created.body.map.id as string;
const byTestId = (id: string) => `[data-testid="${id}"]`;
const isOtherPages = (url: string) => /\/assets\/otherPages-[^/]+\.js$/.test(new URL(url).pathname);

/** A signed-in page that records which of the other pages' chunk requests it makes. */
async function pageOf(client: ApiClient, errors: string[]): Promise<{ page: Page; asked: string[] }> {
  const page = await openPage(browser, errors);
  const asked: string[] = [];
  page.on('request', (request) => {
    if (isOtherPages(request.url())) asked.push(request.url());
  });
  await useSession(page, server.url, client.sessionCookie);
  return { page, asked };
}

describe('the pages in two chunks', () => {
  it("opens a drafter's map without the other pages' code, then fetches it once the modeller is complete", async () => {
    const errors: string[] = [];
    const { page, asked } = await pageOf(penyusun, errors);
    // The properties panel's chunk is held back: the modeller is then still being completed after the paint.
    const { release } = await holdRequests(page, /\/assets\/lateProperties-[^/]+\.js$/);
    await page.goto(`${server.url}/#/peta/${mapId}`, { waitUntil: 'domcontentloaded' });
    await page.waitForSelector('.djs-shape');
    await page.waitForFunction(() => document.querySelectorAll('link[href*="lateProperties-"]').length > 0);
    expect(asked).toEqual([]);
    const fetched = page.waitForRequest((request) => isOtherPages(request.url()));
    await release();
    await fetched;
    await page.waitForSelector('.bio-properties-panel');
    // Leaving the modeller for the list then waits for no code.
    await Promise.all([page.waitForSelector(byTestId('map-row')), page.click('a.brand')]);
    expect(asked).toHaveLength(1);
    expect(await page.$$eval(byTestId('map-row'), (rows) => rows.map((row) => row.querySelector('.cell-name')?.textContent))).toContain('Peta terpisah');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keeps the header usable while a page’s code is on its way', async () => {
    const errors: string[] = [];
    const { page } = await pageOf(penyusun, errors);
    const { held, release } = await holdRequests(page, /\/assets\/otherPages-[^/]+\.js$/);
    await page.goto(`${server.url}/#/`, { waitUntil: 'domcontentloaded' });
    await page.waitForFunction((selector) => document.querySelector(selector)?.textContent?.includes('Memuat halaman…'), {}, byTestId('page-loading'));
    expect(held).toHaveLength(1);
    await page.click(byTestId('evaluations-link'));
    await page.waitForFunction(() => location.hash === '#/evaluasi');
    await release();
    await page.waitForSelector(`${byTestId('evaluation-due-empty')}, ${byTestId('evaluation-due-row')}`);
    expect(await page.$(byTestId('page-loading'))).toBeNull();
    expect(errors).toEqual([]);
    await page.close();
  });

  it("opens a reader's map read-only, its page's code asked for at boot", async () => {
    const errors: string[] = [];
    const { page, asked } = await pageOf(pembaca, errors);
    await page.goto(`${server.url}/#/peta/${mapId}`, { waitUntil: 'networkidle0' });
    await page.waitForSelector('.djs-shape');
    expect(await page.$(byTestId('save-button'))).toBeNull();
    expect(asked).toHaveLength(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('names a 32-pixel PNG as the icon, served as such', async () => {
    const errors: string[] = [];
    const { page } = await pageOf(penyusun, errors);
    await page.goto(`${server.url}/#/peta/${mapId}`, { waitUntil: 'networkidle0' });
    const icons = await page.$$eval('link[rel~="icon"]', (links) => links.map((link) => [link.getAttribute('type'), link.getAttribute('sizes'), (link as HTMLLinkElement).href]));
    expect(icons).toHaveLength(1);
    const [type, sizes, href] = icons[0]!;
    expect([type, sizes]).toEqual(['image/png', '32x32']);
    const response = await fetch(href!);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.subarray(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG');
    // IHDR: width and height, big-endian, at bytes 16 and 20.
    const view = new DataView(bytes.buffer);
    expect([view.getUint32(16), view.getUint32(20)]).toEqual([32, 32]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('says so when a page’s code cannot be fetched, and "Coba lagi" loads the app again', async () => {
    const errors: string[] = [];
    const { page } = await pageOf(penyusun, errors);
    let refuse = true;
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      if (refuse && isOtherPages(request.url())) void request.abort('connectionrefused');
      else void request.continue();
    });
    await page.goto(`${server.url}/#/`, { waitUntil: 'domcontentloaded' });
    await page.waitForSelector('.state-error');
    // The app's header stays, with its way around.
    expect(await page.$(`.app-header ${byTestId('maps-link')}`)).not.toBeNull();
    expect(await page.$eval('.state-error h2', (title) => title.textContent)).toBe('Halaman tidak dapat dimuat');
    expect(await page.$eval('.state-error p', (text) => text.textContent)).toContain('tidak dapat diunduh');
    refuse = false;
    await Promise.all([page.waitForNavigation({ waitUntil: 'domcontentloaded' }), page.click('.state-error .button-primary')]);
    await page.waitForSelector(byTestId('map-row'));
    // The refused chunk logs its failure in the console, which is what this test asked for.
    expect(errors.filter((error) => !/otherPages|Failed to fetch dynamically imported module|ERR_CONNECTION_REFUSED/.test(error))).toEqual([]);
    await page.close();
  });
});
