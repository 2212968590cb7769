// The map list in pages of 100 (issue 16) in Chromium: "1–100 dari 205 peta", first/previous/next/last by keyboard,
// the page kept in the address through reload and back, a filter back to the first page, an address past the end
// showing the last page, and the hierarchy still showing every map. Real server, real store on a temp dir.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { launchBrowser, openPage, useSession } from '../helpers/browser';
import { startTestServer } from '../helpers/server';

const server = await startTestServer();
const browser = await launchBrowser();
const byTestId = (id: string) => `[data-testid="${id}"]`;
const TOTAL = 205;
const UNIT_A = 'Dinas Arsip';
const UNIT_B = 'Dinas Budaya';
/** Set PETAKERJA_SCREENSHOTS to a folder to keep the list's second page at 1024×768 and 1366×768 (top and bottom). */
const SHOTS = process.env.PETAKERJA_SCREENSHOTS;

for (let i = 1; i <= TOTAL; i++) {
  const created = await server.api('/api/maps', { method: 'POST', json: { name: `Layanan ${String(i).padStart(3, '0')}`, kind: 'proses', unit: i <= 150 ? UNIT_A : UNIT_B } });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
}
/** Every map's id in the listing's order, as the whole listing (GET /api/maps) gives it. */
const order = async (query = ''): Promise<string[]> => ((await server.api(`/api/maps${query}`)).body.items as Array<{ id: string }>).map((m) => m.id);

async function listPage(errors: string[], hash = ''): Promise<Page> {
  const page = await openPage(browser, errors);
  await useSession(page, server.url, server.admin.sessionCookie);
  await page.evaluateOnNewDocument(() => localStorage.setItem('petakerja.daftarPeta.tampilan', 'daftar'));
  await page.goto(`${server.url}/#/${hash}`, { waitUntil: 'networkidle0' });
  await page.waitForSelector(byTestId('map-row'));
  return page;
}

const countText = (page: Page) => page.$eval('.result-count', (e) => e.textContent);
const rowIds = (page: Page) => page.$$eval(byTestId('map-row'), (rows) => rows.map((r) => (r as HTMLElement).dataset.mapId));
/** Waits until the list shows `text` as its count, with no request in flight. */
const countIs = (page: Page, text: string) =>
  page.waitForFunction((t) => document.querySelector('.result-count')?.textContent === t && !document.querySelector('.results[aria-busy]'), {}, text);
const focused = (page: Page) =>
  page.evaluate(() => {
    const active = document.activeElement as HTMLElement | null;
    return `${active?.closest('nav')?.dataset.testid}/${active?.dataset.testid}`;
  });
const disabled = (page: Page, pager: string) =>
  page.$$eval(`${byTestId(pager)} button`, (buttons) => buttons.map((b) => `${b.dataset.testid}:${b.getAttribute('aria-disabled')}`));

describe('the map list in pages', () => {
  it('moves through the pages by keyboard, with the count, the page in the address and the rows of the listing', async () => {
    const errors: string[] = [];
    const page = await listPage(errors);
    const all = await order();
    expect(all).toHaveLength(TOTAL);
    expect(await countText(page)).toBe('1–100 dari 205 peta');
    expect(await rowIds(page)).toEqual(all.slice(0, 100));
    expect(await page.$eval(`${byTestId('pager')} .pager-position`, (e) => e.textContent)).toBe('Halaman 1 dari 3');
    expect(await disabled(page, 'pager')).toEqual(['page-first:true', 'page-previous:true', 'page-next:false', 'page-last:false']);

    // Tab to "Berikutnya" and press Enter, then Space: the focus stays on the button as the pages change.
    await page.focus(`${byTestId('pager')} ${byTestId('page-previous')}`);
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('pager/page-next');
    await page.keyboard.press('Enter');
    await countIs(page, '101–200 dari 205 peta');
    expect(await rowIds(page)).toEqual(all.slice(100, 200));
    expect(await page.evaluate(() => location.hash)).toBe('#/?halaman=2');
    expect(await focused(page)).toBe('pager/page-next');
    await page.keyboard.press('Space');
    await countIs(page, '201–205 dari 205 peta');
    expect(await rowIds(page)).toEqual(all.slice(200));
    expect(await disabled(page, 'pager')).toEqual(['page-first:false', 'page-previous:false', 'page-next:true', 'page-last:true']);
    // Past the last page "Berikutnya" does nothing.
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => location.hash)).toBe('#/?halaman=3');
    expect(await countText(page)).toBe('201–205 dari 205 peta');

    // "Sebelumnya" by keyboard, then reload: the address keeps page 2.
    await page.keyboard.down('Shift');
    await page.keyboard.press('Tab');
    await page.keyboard.up('Shift');
    expect(await focused(page)).toBe('pager/page-previous');
    await page.keyboard.press('Enter');
    await countIs(page, '101–200 dari 205 peta');
    await page.reload({ waitUntil: 'networkidle0' });
    await countIs(page, '101–200 dari 205 peta');
    expect(await rowIds(page)).toEqual(all.slice(100, 200));
    // At the narrowest office screen the pager fits beside the count and the view switch: no sideways scrolling.
    await page.setViewport({ width: 1024, height: 768 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    if (SHOTS) {
      await mkdir(SHOTS, { recursive: true });
      await page.screenshot({ path: path.join(SHOTS, 'daftar-peta-halaman-1024.png') });
      await page.setViewport({ width: 1366, height: 768 });
      await page.screenshot({ path: path.join(SHOTS, 'daftar-peta-halaman-1366.png') });
      await page.$eval(byTestId('pager-below'), (e) => e.scrollIntoView({ block: 'end' }));
      await page.screenshot({ path: path.join(SHOTS, 'daftar-peta-halaman-bawah-1366.png') });
    }
    await page.setViewport({ width: 1440, height: 900 });

    // To another page of the app and back: still page 2.
    await page.evaluate(() => (location.hash = '#/audit'));
    await page.waitForFunction(() => !document.querySelector('[data-testid="map-row"]'));
    await page.goBack();
    await countIs(page, '101–200 dari 205 peta');
    expect(await page.evaluate(() => location.hash)).toBe('#/?halaman=2');

    // The pager below the table: "Terakhir", then the focus is on the pager above, at the top of the list.
    await page.focus(`${byTestId('pager-below')} ${byTestId('page-last')}`);
    await page.keyboard.press('Enter');
    await countIs(page, '201–205 dari 205 peta');
    expect(await focused(page)).toBe('pager/page-last');
    await page.focus(`${byTestId('pager')} ${byTestId('page-first')}`);
    await page.keyboard.press('Enter');
    await countIs(page, '1–100 dari 205 peta');
    expect(await page.evaluate(() => location.hash)).toBe('#/');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('goes back to the first page when a filter changes, and shows a single page without pager', async () => {
    const errors: string[] = [];
    const page = await listPage(errors, '?halaman=2');
    await countIs(page, '101–200 dari 205 peta');
    await page.select('select[aria-label="Saring menurut unit kerja"]', UNIT_A);
    await countIs(page, '1–100 dari 150 peta');
    expect(await rowIds(page)).toEqual((await order(`?unit=${encodeURIComponent(UNIT_A)}`)).slice(0, 100));
    expect(await page.evaluate(() => location.hash)).toBe(`#/?unit=${encodeURIComponent(UNIT_A).replace(/%20/g, '+')}`);
    await page.click(`${byTestId('pager')} ${byTestId('page-next')}`);
    await countIs(page, '101–150 dari 150 peta');
    expect(await page.evaluate(() => location.hash)).toContain('halaman=2');

    await page.select('select[aria-label="Saring menurut unit kerja"]', UNIT_B);
    await countIs(page, '55 peta');
    expect(await page.$eval(byTestId('pager'), (e) => (e as HTMLElement).hidden)).toBe(true);
    expect(await page.$eval(byTestId('pager-below'), (e) => (e as HTMLElement).hidden)).toBe(true);
    expect(await page.evaluate(() => location.hash)).not.toContain('halaman');

    // No match: the empty state as before, no pager.
    await page.type(byTestId('search-input'), 'tidak ada yang cocok');
    await page.waitForSelector('.state-empty');
    expect(await page.$eval(byTestId('pager'), (e) => (e as HTMLElement).hidden)).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the last page for an address past the end, and every map in the hierarchy', async () => {
    const errors: string[] = [];
    const page = await listPage(errors, '?halaman=9');
    await countIs(page, '201–205 dari 205 peta');
    expect(await page.evaluate(() => location.hash)).toBe('#/?halaman=3');

    await page.click(byTestId('view-hierarki'));
    await page.waitForSelector(byTestId('map-tree'));
    await countIs(page, '205 peta');
    expect(await page.$$eval(byTestId('tree-row'), (rows) => rows.length)).toBe(TOTAL);
    expect(await page.$eval(byTestId('pager'), (e) => (e as HTMLElement).hidden)).toBe(true);
    await page.click(byTestId('view-daftar'));
    await countIs(page, '201–205 dari 205 peta');
    expect(errors).toEqual([]);
    await page.close();
  });
});
