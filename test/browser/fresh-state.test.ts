// State that stays fresh in the modeller (issue 15, item 2): every panel of an open map reads one client store, which
// follows the server's answer to each write made on the page and the map's server-sent events for changes made by
// someone else. Each case was stale until a full reload; each wait here is on the DOM or the event stream.
import type { Browser, Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { launchBrowser, openPage, useSession } from '../helpers/browser';
import { type ApiClient, startTestServer } from '../helpers/server';
import { SOP_IDENTITY } from '../helpers/sop-identity';

const server = await startTestServer();
const browser = await launchBrowser();
const byTestId = (id: string) => `[data-testid="${id}"]`;
const UNIT = 'Dinas Kesehatan';

/** A page of its own browser context (its own cookies): one user per context. */
async function pageAs(browser: Browser, client: ApiClient, errors: string[]): Promise<Page> {
  const context = await browser.createBrowserContext();
  const page = await openPage(context as unknown as Browser, errors);
  await useSession(page, server.url, client.sessionCookie);
  return page;
}

/** Opens the modeller and waits until the map's event stream is open (changes made from then on reach the page). */
async function openEditor(page: Page, mapId: string): Promise<void> {
  await page.goto(`${server.url}/#/peta/${mapId}`);
  await page.waitForSelector(`${byTestId('modeler-canvas')} svg .djs-element`);
  await page.waitForSelector('html[data-map-events="connected"]');
}

async function openReviewPanel(page: Page): Promise<void> {
  await page.waitForSelector(byTestId('review-panel'));
  if (await page.$eval(byTestId('review-panel'), (panel) => (panel as HTMLElement).hidden)) await page.click(byTestId('review-toggle'));
  await page.waitForSelector(byTestId('review-panel'), { visible: true });
}

const newMap = async (client: ApiClient, name: string): Promise<string> => {
  const created = await client.api('/api/maps', { method: 'POST', json: { templateId: 'penunjukan-dalam-unit', name, unit: UNIT } });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body.map.id;
};

/** Renames the first task on the canvas through bpmn-js: an unsaved change. */
const editDiagram = (page: Page) =>
  page.evaluate(() => {
    const modeler = window.petakerja!.modeler;
    const task = modeler.get<{ filter(fn: (e: { type: string }) => boolean): unknown[] }>('elementRegistry').filter((e) => e.type === 'bpmn:Task' || e.type === 'bpmn:UserTask')[0];
    modeler.get<{ updateLabel(element: unknown, text: string): void }>('modeling').updateLabel(task, 'Diubah di sini, belum disimpan');
  });

describe('state that stays fresh in the modeller', () => {
  it('"Simpan SOP" updates the Reviu panel\'s readiness at once', async () => {
    const penyusun = await server.userWith(['penyusun'], UNIT, 'penyusun-sop');
    const mapId = await newMap(penyusun, 'Penunjukan tanpa nomor');
    // Saved once without Nomor and Peringatan: not ready, for those two fields.
    await penyusun.api(`/api/maps/${mapId}/sop`, { method: 'PUT', json: { version: 0, identity: { ...SOP_IDENTITY, nomor: '', peringatan: '' }, settings: {} } });
    const errors: string[] = [];
    const page = await pageAs(browser, penyusun, errors);
    await openEditor(page, mapId);
    await openReviewPanel(page);
    await page.waitForSelector(byTestId('readiness-findings'));
    expect(await page.$$eval(`${byTestId('readiness-findings')} li`, (items) => items.length)).toBe(2);
    expect(await page.$eval(byTestId('review-action-ajukan'), (b) => (b as HTMLButtonElement).disabled)).toBe(true);

    await page.click(byTestId('sop-toggle'));
    await page.waitForSelector('.sop-form input[name="nomor"]:not([disabled])');
    await page.type('.sop-form [name="nomor"]', SOP_IDENTITY.nomor);
    await page.type('.sop-form [name="peringatan"]', SOP_IDENTITY.peringatan);
    await page.click(byTestId('sop-save'));
    await page.waitForFunction((s) => document.querySelector(s)?.textContent === 'Tersimpan sebagai versi 2', {}, byTestId('sop-status'));
    await page.click(byTestId('sop-toggle'));
    // No reload: the panel reads the store, which the answer to "Simpan SOP" refreshed.
    await page.waitForSelector(byTestId('readiness-ok'), { visible: true });
    expect(await page.$eval(byTestId('readiness-ok'), (e) => e.textContent)).toContain('identitas SOP versi 2');
    expect(await page.$eval(byTestId('review-action-ajukan'), (b) => (b as HTMLButtonElement).disabled)).toBe(false);
    expect(errors).toEqual([]);
  });

  it('tells the open editor who changed the map, keeps its unsaved changes, and follows a clean one', async () => {
    const penyusun = await server.userWith(['penyusun'], UNIT, 'penyusun-satu');
    const lain = await server.userWith(['penyusun'], UNIT, 'penyusun-lain');
    const mapId = await newMap(penyusun, 'Penunjukan diubah berdua');
    const errors: string[] = [];
    const mine = await pageAs(browser, penyusun, errors);
    const theirs = await pageAs(browser, lain, errors);
    await openEditor(mine, mapId);
    await openEditor(theirs, mapId);

    // The other user saves a revision from their modeller while this one has unsaved changes.
    await editDiagram(mine);
    await mine.waitForSelector(`${byTestId('dirty-indicator')}[data-dirty="true"]`);
    await editDiagram(theirs);
    await theirs.click(byTestId('save-button'));
    await theirs.waitForSelector(byTestId('save-message'), { visible: true });
    await theirs.type(byTestId('save-message'), 'Mengganti nama tugas');
    await theirs.keyboard.press('Enter');
    await theirs.waitForFunction((s) => document.querySelector(s)?.textContent?.includes('revisi 2'), {}, byTestId('save-status'));

    await mine.waitForSelector(byTestId('remote-change-notice'), { visible: true });
    const notice = await mine.$eval(byTestId('remote-change-notice'), (e) => e.textContent);
    expect(notice).toContain('Peta ini diubah oleh Pengguna penyusun-lain');
    expect(notice).toContain('revisi 2');
    // Nothing is overwritten: the change is still there, still unsaved, on revision 1.
    expect(await mine.$eval(`${byTestId('dirty-indicator')}`, (e) => e.getAttribute('data-dirty'))).toBe('true');
    expect(await mine.$eval('.header-identity', (e) => e.textContent)).toContain('Revisi 1');
    // Discarding them brings in the newer revision the notice spoke of.
    await mine.$$eval('button', (buttons) => (buttons.find((b) => b.textContent?.trim() === 'Buang perubahan' && (b as HTMLElement).offsetParent) as HTMLElement).click());
    await mine.waitForSelector('dialog[open]');
    await mine.$$eval('dialog[open] button', (buttons) => (buttons.find((b) => b.textContent?.trim() === 'Buang perubahan') as HTMLElement).click());
    await mine.waitForFunction(() => document.querySelector('.header-identity')?.textContent?.includes('Revisi 2'));
    expect(await mine.$eval(byTestId('remote-change-notice'), (e) => (e as HTMLElement).hidden)).toBe(true);
    expect(await mine.$eval(byTestId('dirty-indicator'), (e) => e.getAttribute('data-dirty'))).toBe('false');

    // A review step by someone else reaches the other page's Reviu panel without a reload: its editor is clean, so the
    // newer revision it saved is simply shown, and the step is listed.
    await theirs.waitForSelector(`${byTestId('dirty-indicator')}[data-dirty="false"]`);
    await penyusun.api(`/api/maps/${mapId}/sop`, { method: 'PUT', json: { version: 0, identity: SOP_IDENTITY, settings: {} } });
    await openReviewPanel(theirs);
    await theirs.waitForSelector(byTestId('readiness-ok'), { visible: true });
    expect(await theirs.$eval(byTestId('readiness-ok'), (e) => e.textContent)).toContain('revisi 2');
    const seq = (await penyusun.api(`/api/maps/${mapId}/review`)).body.seq;
    expect((await penyusun.api(`/api/maps/${mapId}/review/transitions`, { method: 'POST', json: { action: 'ajukan', baseSeq: seq } })).status).toBe(200);
    await theirs.waitForSelector(`${byTestId('review-state')}[data-state="diajukan"]`);
    await theirs.waitForSelector(`${byTestId('review-lock-banner')}:not([hidden])`);
    expect(errors).toEqual([]);
  });

  it('brings in an SOP identity saved by someone else, and never over isian typed here', async () => {
    const penyusun = await server.userWith(['penyusun'], UNIT, 'penyusun-form');
    const lain = await server.userWith(['penyusun'], UNIT, 'penyusun-form-lain');
    const mapId = await newMap(penyusun, 'Identitas diubah berdua');
    await penyusun.api(`/api/maps/${mapId}/sop`, { method: 'PUT', json: { version: 0, identity: SOP_IDENTITY, settings: {} } });
    const errors: string[] = [];
    const page = await pageAs(browser, penyusun, errors);
    await openEditor(page, mapId);
    await page.click(byTestId('sop-toggle'));
    await page.waitForFunction((nomor) => (document.querySelector('.sop-form [name="nomor"]') as HTMLInputElement | null)?.value === nomor, {}, SOP_IDENTITY.nomor);

    // Clean form: the newer version fills it.
    expect((await lain.api(`/api/maps/${mapId}/sop`, { method: 'PUT', json: { version: 1, identity: { ...SOP_IDENTITY, nomor: '800/99/Org/2026' }, settings: {} } })).status).toBe(200);
    await page.waitForFunction(() => (document.querySelector('.sop-form [name="nomor"]') as HTMLInputElement).value === '800/99/Org/2026');

    // Typed here, not saved: kept, and the view says who saved what.
    await page.type('.sop-form [name="peringatan"]', ' — diketik di sini');
    expect((await lain.api(`/api/maps/${mapId}/sop`, { method: 'PUT', json: { version: 2, identity: { ...SOP_IDENTITY, nomor: '800/100/Org/2026' }, settings: {} } })).status).toBe(200);
    await page.waitForSelector(byTestId('sop-alert'), { visible: true });
    expect(await page.$eval(byTestId('sop-alert'), (e) => e.textContent)).toContain('Identitas SOP diubah oleh Pengguna penyusun-form-lain (versi 3)');
    expect(await page.$eval('.sop-form [name="peringatan"]', (e) => (e as HTMLTextAreaElement).value)).toContain('diketik di sini');
    expect(await page.$eval('.sop-form [name="nomor"]', (e) => (e as HTMLInputElement).value)).toBe('800/99/Org/2026');
    expect(errors).toEqual([]);
  });

  it('Peta relasi counts the lintas fungsi maps moved under the process while it is open', async () => {
    const penyusun = await server.userWith(['penyusun'], UNIT, 'penyusun-relasi');
    const proses = await penyusun.api('/api/maps', { method: 'POST', json: { name: 'Penugasan pegawai', kind: 'proses', unit: UNIT } });
    expect(proses.status, JSON.stringify(proses.body)).toBe(201);
    const processId: string = proses.body.map.id;
    const lintas = await newMap(penyusun, 'Penunjukan yang dipindah');
    const errors: string[] = [];
    const page = await pageAs(browser, penyusun, errors);
    await openEditor(page, processId);
    await page.click(byTestId('relasi-toggle'));
    await page.waitForSelector(byTestId('relasi-heading'));
    expect(await page.$eval(byTestId('relasi-heading'), (e) => e.textContent)).toContain('0 peta lintas fungsi');

    // Moved under the process from elsewhere (another page of the map list, say).
    const moved = await penyusun.api(`/api/maps/${lintas}/move`, { method: 'POST', json: { parentId: processId } });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    await page.waitForFunction((s) => document.querySelector(s)?.textContent?.includes('1 peta lintas fungsi'), {}, byTestId('relasi-heading'));
    expect(errors).toEqual([]);
  });
});
