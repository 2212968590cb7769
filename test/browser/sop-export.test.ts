// "Ekspor SOP unit" on the map list in Chromium: the bureau picks the unit and the format, the dialog says what will be
// included (SOPs in force, drafts only when ticked), the progress bar follows the server's events to the end, the
// download link serves the file; a unit without SOP maps shows the Indonesian reason; someone outside the bureau
// exports their own unit; Escape closes the dialog.
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { launchBrowser, openPage, useSession } from '../helpers/browser';
import { newSopMap, signSop } from '../helpers/review-cycle';
import { startTestServer } from '../helpers/server';

const server = await startTestServer();
const browser = await launchBrowser();
const byTestId = (id: string) => `[data-testid="${id}"]`;
const UNIT = 'Dinas Kesehatan';

for (const [templateId, name] of [
  ['penunjukan-dalam-unit', 'Penunjukan pelaksana tugas'],
  ['pengajuan-sukarela-dalam-unit', 'Pengajuan sukarela'],
]) {
  const created = await server.api('/api/maps', { method: 'POST', json: { templateId, name, unit: UNIT } });
  expect(created.status).toBe(201);
}
// A unit with enough SOPs that its book is still printing when "Batalkan ekspor" is pressed.
const BIG_UNIT = 'Dinas Perizinan';
for (const templateId of ['penunjukan-dalam-unit', 'pengajuan-sukarela-dalam-unit', 'mk-dinas-badan', 'penunjukan-lintas-unit', 'mk-setda', 'mk-rsud', 'mk-kecamatan', 'penunjukan-lintas-instansi']) {
  expect((await server.api('/api/maps', { method: 'POST', json: { templateId, name: templateId, unit: BIG_UNIT } })).status).toBe(201);
}
// A unit the bureau sees (it has a map) but without any SOP map.
expect((await server.api('/api/maps', { method: 'POST', json: { name: 'Subproses saja', kind: 'subproses', unit: 'Dinas Tanpa SOP' } })).status).toBe(201);

const summaryIs = (page: Page, text: string) =>
  page.waitForFunction((selector, expected) => document.querySelector(selector)?.textContent === expected, {}, byTestId('sop-export-count'), text);
const startDisabled = (page: Page) => page.$eval(byTestId('sop-export-start'), (button) => (button as HTMLButtonElement).disabled);

async function openExport(page: Page, cookie: string): Promise<void> {
  await useSession(page, server.url, cookie);
  await page.goto(`${server.url}/#/`, { waitUntil: 'networkidle0' });
  await page.waitForSelector(byTestId('map-row'));
  await page.click(byTestId('sop-export-button'));
  await page.waitForSelector(byTestId('sop-export-dialog'), { visible: true });
}

describe('SOP export dialog', () => {
  it('exports the chosen unit as an SOP book with a progress bar and a download link, and explains an empty unit', async () => {
    const errors: string[] = [];
    const page = await openPage(browser, errors);
    await openExport(page, server.admin.sessionCookie);

    // The admin's own unit has no map: the first unit with maps is proposed.
    expect(await page.$eval(byTestId('sop-export-unit'), (select) => (select as HTMLSelectElement).value)).toBe(UNIT);
    await page.select(byTestId('sop-export-unit'), 'Dinas Tanpa SOP');
    await summaryIs(page, 'Unit Dinas Tanpa SOP belum memiliki peta lintas fungsi atau alur mekanisme kerja; tidak ada SOP untuk diekspor.');
    expect(await startDisabled(page)).toBe(true);

    // Nothing signed in this unit: only its drafts could go, and only when asked for.
    await page.select(byTestId('sop-export-unit'), UNIT);
    await summaryIs(page, 'Belum ada SOP yang disahkan, 2 draf tidak disertakan.');
    expect(await startDisabled(page)).toBe(true);
    await page.click(byTestId('sop-export-include-drafts'));
    await summaryIs(page, 'Belum ada SOP yang disahkan, 2 draf disertakan (ditandai DRAF di setiap halaman).');
    expect(await startDisabled(page)).toBe(false);
    await page.click(byTestId('sop-export-format-buku'));
    await page.click(byTestId('sop-export-start'));
    const link = await page.waitForSelector(byTestId('sop-export-download'), { visible: true, timeout: 60_000 });
    expect(await page.$eval(byTestId('sop-export-error'), (element) => element.textContent)).toBe('');
    const progress = await page.$eval(byTestId('sop-export-progress'), (element) => ({ value: (element as HTMLProgressElement).value, max: (element as HTMLProgressElement).max }));
    expect(progress).toEqual({ value: 2, max: 2 });
    expect(await page.$eval(byTestId('sop-export-status'), (element) => element.textContent)).toMatch(/^Selesai: 0 SOP disahkan dan 2 draf, \d+ halaman\.$/);
    // Focus moves to the link, so the keyboard reaches the file at once.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('sop-export-download');
    const href = await link!.evaluate((a) => (a as HTMLAnchorElement).href);
    expect(await link!.evaluate((a) => a.getAttribute('download'))).toMatch(/^Buku-SOP-Dinas-Kesehatan-\d{4}\.pdf$/);
    const file = await page.evaluate(async (url) => {
      const response = await fetch(url);
      const bytes = new Uint8Array(await response.arrayBuffer());
      return { status: response.status, type: response.headers.get('content-type'), head: String.fromCharCode(...bytes.slice(0, 5)) };
    }, href);
    expect(file).toEqual({ status: 200, type: 'application/pdf', head: '%PDF-' });

    await page.keyboard.press('Escape');
    await page.waitForSelector(byTestId('sop-export-dialog'), { hidden: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('lets a reader outside the bureau export their own unit only, as a ZIP', async () => {
    const reader = await server.userWith(['pembaca'], UNIT);
    const errors: string[] = [];
    const page = await openPage(browser, errors);
    await openExport(page, reader.sessionCookie);
    expect(await page.$(byTestId('sop-export-unit'))).toBeNull();
    expect(await page.$eval(byTestId('sop-export-dialog'), (element) => element.textContent)).toContain(`Unit kerja: ${UNIT}`);
    await summaryIs(page, 'Belum ada SOP yang disahkan, 2 draf tidak disertakan.');
    await page.click(byTestId('sop-export-include-drafts'));
    await page.click(byTestId('sop-export-start'));
    const link = await page.waitForSelector(byTestId('sop-export-download'), { visible: true, timeout: 60_000 });
    expect(await link!.evaluate((a) => a.getAttribute('download'))).toMatch(/^SOP-Dinas-Kesehatan-\d{8}\.zip$/);
    await page.click(byTestId('sop-export-close'));
    await page.waitForSelector(byTestId('sop-export-dialog'), { hidden: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('cancels a running export with "Batalkan ekspor", which frees the user to start another', async () => {
    const errors: string[] = [];
    const page = await openPage(browser, errors);
    await openExport(page, server.admin.sessionCookie);
    expect(await page.$eval(byTestId('sop-export-cancel'), (button) => (button as HTMLButtonElement).hidden)).toBe(true);
    await page.select(byTestId('sop-export-unit'), BIG_UNIT);
    await summaryIs(page, 'Belum ada SOP yang disahkan, 8 draf tidak disertakan.');
    await page.click(byTestId('sop-export-include-drafts'));
    await page.click(byTestId('sop-export-format-buku'));
    await page.click(byTestId('sop-export-start'));
    await page.waitForSelector(byTestId('sop-export-cancel'), { visible: true });
    await page.click(byTestId('sop-export-cancel'));
    await page.waitForFunction((selector) => document.querySelector(selector)?.textContent === 'Ekspor dibatalkan.', {}, byTestId('sop-export-status'));
    expect(await page.$(byTestId('sop-export-download'))).toBeNull();
    expect(await page.$eval(byTestId('sop-export-cancel'), (button) => (button as HTMLButtonElement).hidden)).toBe(true);
    expect(await page.$eval(byTestId('sop-export-start'), (button) => (button as HTMLButtonElement).disabled)).toBe(false);
    // The cancelled job no longer counts against the user's share: two more start at once.
    const starts = await Promise.all([1, 2].map(() => server.api(`/api/units/${encodeURIComponent(BIG_UNIT)}/sop-exports`, { method: 'POST', json: { format: 'zip', includeDrafts: true } })));
    expect(starts.map((r) => r.status)).toEqual([202, 202]);
    await Promise.all(starts.map((r) => server.api(`/api/sop-exports/${r.body.jobId}`, { method: 'DELETE' })));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('says what will be included before export: the signed SOPs listed, drafts counted and left out until ticked', async () => {
    const unit = 'Dinas Sosial';
    const users = {
      bureau: server.admin,
      penyusun: await server.userWith(['penyusun'], unit, 'ekspor-penyusun'),
      reviewer: await server.userWith(['reviewer'], unit, 'ekspor-reviewer'),
      pengesah: await server.userWith(['pengesah'], unit, 'ekspor-pengesah'),
    };
    const signed = await newSopMap(users.penyusun, unit, 'Penyaluran bantuan sosial');
    await signSop(users, signed, '2026-12-01');
    const code = (await server.api(`/api/maps/${signed}/review`)).body.signatures[0].code as string;
    await newSopMap(users.penyusun, unit, 'Pendataan penerima bantuan');

    const errors: string[] = [];
    const page = await openPage(browser, errors);
    await page.setViewport({ width: 1366, height: 768 });
    await openExport(page, server.admin.sessionCookie);
    await page.select(byTestId('sop-export-unit'), unit);
    await summaryIs(page, '1 SOP disahkan disertakan, 1 draf tidak disertakan.');
    expect(await page.$$eval(byTestId('sop-export-signed-item'), (items) => items.map((li) => li.textContent))).toEqual([
      `800/12/Org/2026 — Penyaluran bantuan sosial (revisi 1, kode ${code})`,
    ]);
    expect(await page.$$eval(byTestId('sop-export-draft-item'), (items) => items.map((li) => [li.textContent, li.className]))).toEqual([
      ['Pendataan penerima bantuan (draf, revisi 1)', 'sop-export-excluded'],
    ]);
    expect(await startDisabled(page)).toBe(false);
    if (process.env.PETAKERJA_SCREENSHOTS) await page.screenshot({ path: `${process.env.PETAKERJA_SCREENSHOTS}/ekspor-sop-ringkasan.png` });
    await page.click(byTestId('sop-export-include-drafts'));
    await summaryIs(page, '1 SOP disahkan disertakan, 1 draf disertakan (ditandai DRAF di setiap halaman).');
    expect(await page.$eval(byTestId('sop-export-draft-item'), (li) => li.className)).toBe('');

    // The default export: the signed SOP only.
    await page.click(byTestId('sop-export-include-drafts'));
    await summaryIs(page, '1 SOP disahkan disertakan, 1 draf tidak disertakan.');
    await page.click(byTestId('sop-export-start'));
    await page.waitForSelector(byTestId('sop-export-download'), { visible: true, timeout: 60_000 });
    expect(await page.$eval(byTestId('sop-export-status'), (element) => element.textContent)).toBe('Selesai: 1 SOP disahkan.');
    expect(errors).toEqual([]);
    await page.close();
  });
});
