// Issue 15 "Done when", at each office screen size (1024×768, 1366×768, 1920×1080): a short walk through what items
// 2, 3, 5, 6, 7 and 8 show — the skip link on the first Tab, the "Ekspor SOP unit" dialog's summary, the admin's audit
// row of a review step, the submit button held back with the readiness count, a date as dd/mm/yyyy in an English
// browser, and the diff's flow and renumbering entries. At each size the element that carries the item is shown whole
// (inside the window and its scrolling area, not covered by the top bar or a panel) and the page never scrolls as a
// whole. One server, one browser (--lang=en-US), one page per size; the data is made once through the API.
// PETAKERJA_OFFICE_SCREENSHOTS=1 keeps the export dialog and the audit page in docs/screenshots/<page>-<width>.png.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, useSession } from '../helpers/browser';
import { newSopMap, reviewStep, signSop } from '../helpers/review-cycle';
import { boxes, expectNoPageScroll, OFFICE_SCREENS, overlaps, shownWhole } from '../helpers/screen-layout';
import { startTestServer } from '../helpers/server';
import { SOP_IDENTITY } from '../helpers/sop-identity';
import { MK_RSUD_XML, withInsertedStep } from '../review/inserted-step';

const server = await startTestServer();
const browser = await launchBrowser(['--lang=en-US']);
const byTestId = (id: string) => `[data-testid="${id}"]`;
const SCREENSHOTS = process.env.PETAKERJA_OFFICE_SCREENSHOTS ? path.resolve('docs/screenshots') : null;
/** The unit of the export dialog and the audit row: one signed SOP, one sent back for repair. */
const EXPORT_UNIT = 'Dinas Sosial';
const SENT_BACK = 'Pendataan penerima bantuan';
const started = performance.now();

// The data, made once: a signed SOP and one sent back (export dialog, audit log), an SOP missing two identity fields
// (readiness, date field), a map with a step inserted between two revisions (diff).
const users = {
  bureau: server.admin,
  penyusun: await server.userWith(['penyusun'], EXPORT_UNIT, 'ukuran-penyusun'),
  reviewer: await server.userWith(['reviewer'], EXPORT_UNIT, 'ukuran-reviewer'),
  pengesah: await server.userWith(['pengesah'], EXPORT_UNIT, 'ukuran-pengesah'),
};
await signSop(users, await newSopMap(users.penyusun, EXPORT_UNIT, 'Penyaluran bantuan sosial'));
const sentBack = await newSopMap(users.penyusun, EXPORT_UNIT, SENT_BACK);
for (const [client, action, extra] of [
  [users.penyusun, 'ajukan', {}],
  [users.reviewer, 'mulai-reviu', {}],
  [users.reviewer, 'minta-perbaikan', { comment: 'Lengkapi mutu baku waktu' }],
] as const) {
  expect((await reviewStep(server.admin, client, sentBack, action, extra)).status).toBe(200);
}
const notReady = await newSopMap(server.admin, 'Dinas Kesehatan', 'Penunjukan tanpa nomor', { ...SOP_IDENTITY, namaSop: 'Penunjukan tanpa nomor', nomor: '', peringatan: '' });
const created = await server.api('/api/maps', { method: 'POST', json: { name: 'Mekanisme kerja RSUD', kind: 'mekanisme-kerja', unit: 'Dinas Kesehatan', xml: MK_RSUD_XML } });
expect(created.status).toBe(201);
const diffId = created.body.map.id as string;
expect((await server.api(`/api/maps/${diffId}/revisions`, { method: 'POST', json: { xml: withInsertedStep(MK_RSUD_XML), baseRevision: 1, message: 'Tambah pembahasan strategi' } })).status).toBe(201);

afterAll(() => console.log(`workspace-sizes: ${Math.round((performance.now() - started) / 1000)} s`));

/** A fresh load of `hash` (a new document each time, so the first Tab is the page's first). */
async function go(page: Page, hash: string): Promise<void> {
  await page.goto('about:blank');
  await page.goto(`${server.url}/${hash}`, { waitUntil: 'domcontentloaded' });
}

async function expectShownWhole(page: Page, selector: string, reveal = false): Promise<void> {
  expect(await shownWhole(page, selector, reveal)).toEqual([]);
}

const textOf = (page: Page, selector: string) => page.$eval(selector, (e) => (e.textContent ?? '').replace(/\s+/g, ' ').trim());

async function screenshot(page: Page, name: string, width: number): Promise<void> {
  if (!SCREENSHOTS) return;
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-${width}.png`) as `${string}.png` });
}

describe.each(OFFICE_SCREENS)('the everyday workspace at $width×$height', ({ width, height }) => {
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    page = await openPage(browser, errors);
    await page.setViewport({ width, height });
    await useSession(page, server.url, server.admin.sessionCookie);
  });
  afterAll(() => page.close());

  it('item 8: the first Tab reaches the skip link, shown whole', async () => {
    await go(page, '#/');
    await page.waitForSelector(byTestId('map-row'));
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('skip-link');
    expect(await textOf(page, byTestId('skip-link'))).toBe('Langsung ke konten');
    await expectShownWhole(page, byTestId('skip-link'));
    await expectNoPageScroll(page, `map list at ${width}`);
    expect(errors).toEqual([]);
  });

  it('item 3: the export dialog says what it will include, its buttons in reach', async () => {
    await page.click(byTestId('sop-export-button'));
    await page.waitForSelector(byTestId('sop-export-dialog'), { visible: true });
    await page.select(byTestId('sop-export-unit'), EXPORT_UNIT);
    const summary = '1 SOP disahkan disertakan, 1 draf tidak disertakan.';
    await page.waitForFunction((s, t) => document.querySelector(s)?.textContent === t, {}, byTestId('sop-export-count'), summary);
    for (const id of ['sop-export-dialog', 'sop-export-count', 'sop-export-signed-item', 'sop-export-include-drafts', 'sop-export-start', 'sop-export-close']) {
      await expectShownWhole(page, byTestId(id));
    }
    expect(await page.$eval(byTestId('sop-export-start'), (b) => (b as HTMLButtonElement).disabled)).toBe(false);
    // The measure bites: the list behind the modal dialog is reported covered.
    expect((await shownWhole(page, byTestId('map-row'))).join('\n')).toMatch(/covered at .* by dialog/);
    await expectNoPageScroll(page, `export dialog at ${width}`);
    await screenshot(page, 'export', width);
    await page.keyboard.press('Escape');
    await page.waitForSelector(byTestId('sop-export-dialog'), { hidden: true });
    expect(errors).toEqual([]);
  });

  it('item 6: the audit log shows the send-back step, its row in view', async () => {
    await go(page, '#/audit');
    await page.waitForSelector(`${byTestId('audit-row')}[data-event="sop-minta-perbaikan"]`);
    const row = `${byTestId('audit-row')}[data-event="sop-minta-perbaikan"]`;
    expect(await textOf(page, `${row} td:nth-child(2)`)).toBe('SOP dikembalikan untuk perbaikan');
    const detail = await page.$eval(`${row} ${byTestId('audit-review')}`, (e) => (e as HTMLElement).innerText.replace(/\s+/g, ' ').trim());
    expect(detail).toBe(`${SENT_BACK} (${EXPORT_UNIT}) Direviu → Perlu perbaikan — revisi 1 — “Lengkapi mutu baku waktu”`);
    await expectShownWhole(page, row, true);
    // The filters stand side by side: the two dd/mm/yyyy fields on one line, not a whole line each.
    for (const id of ['audit-from', 'audit-to', 'audit-user', 'audit-event']) await expectShownWhole(page, byTestId(id));
    const dates = await boxes(page, [byTestId('audit-from'), byTestId('audit-to')]);
    expect(dates.map((b) => Math.round(b.top)), `date filters on one line at ${width}`).toEqual([Math.round(dates[0]!.top), Math.round(dates[0]!.top)]);
    expect(overlaps(await boxes(page, ['.page-audit .page-actions > *']))).toEqual([]);
    // The list may scroll inside the page's area to reach the row; the window never does.
    await expectNoPageScroll(page, `audit at ${width}`, await page.$eval('.page', (p) => p.scrollTop > 0));
    await screenshot(page, 'audit', width);
    expect(errors).toEqual([]);
  });

  it('item 2: "Ajukan untuk direviu" is held back with the readiness count; item 7: the date reads dd/mm/yyyy', async () => {
    await go(page, `#/peta/${notReady}`);
    await page.waitForSelector(`${byTestId('modeler-canvas')} svg .djs-element`);
    await page.waitForSelector(byTestId('review-panel'));
    if (!(await page.$eval(byTestId('review-panel'), (p) => (p as HTMLElement).checkVisibility()))) await page.click(byTestId('review-toggle'));
    await page.waitForSelector(byTestId('readiness-findings'), { visible: true });
    const summary = 'SOP belum siap diajukan: 2 kesalahan (2 pada identitas SOP).';
    expect(await textOf(page, byTestId('readiness-summary'))).toBe(`${summary} Perbaiki dulu:`);
    expect(await page.$$eval(`${byTestId('readiness-findings')} li`, (items) => items.length)).toBe(2);
    const button = await page.$eval(byTestId('review-action-ajukan'), (b) => ({ disabled: (b as HTMLButtonElement).disabled, title: b.getAttribute('title') }));
    expect(button).toEqual({ disabled: true, title: summary });
    await expectShownWhole(page, byTestId('review-action-ajukan'), true);
    await expectShownWhole(page, byTestId('readiness-summary'), true);
    await expectNoPageScroll(page, `review panel at ${width}`);

    await page.click(byTestId('sop-toggle'));
    const date = '.sop-form [name="tanggalPembuatan"]';
    await page.waitForFunction((s) => (document.querySelector(s) as HTMLInputElement | null)?.value === '02/11/2026', {}, date);
    expect(await page.evaluate(() => navigator.language)).toBe('en-US');
    await expectShownWhole(page, date, true);
    await expectNoPageScroll(page, `SOP view at ${width}`);
    expect(errors).toEqual([]);
  });

  it('item 5: the diff names a flow by its ends and the renumbered rows in one entry', async () => {
    await go(page, `#/peta/${diffId}/banding?dari=1&ke=2`);
    await page.waitForSelector(`${byTestId('diff-new-canvas')} svg .djs-element`);
    await page.waitForSelector(byTestId('diff-row-renumbered'));
    const flow = `${byTestId('diff-element')}[data-element-id="Flow_15"]`;
    expect(await textOf(page, flow)).toContain('Alur Urutan: “Membahas strategi bersama Kepala Bidang” → “Menyusun rencana pelaksanaan kegiatan dan anggaran”');
    expect(await page.$$eval(byTestId('diff-row-renumbered'), (items) => items.map((e) => (e.textContent ?? '').replace(/\s+/g, ' ')))).toEqual([
      expect.stringContaining('Baris SOP dinomori ulang: 5–13'),
    ]);
    await expectShownWhole(page, flow, true);
    await expectShownWhole(page, byTestId('diff-row-renumbered'), true);
    for (const canvas of ['diff-old-canvas', 'diff-new-canvas']) await expectShownWhole(page, byTestId(canvas));
    await expectNoPageScroll(page, `diff at ${width}`);
    expect(errors).toEqual([]);
  });
});
