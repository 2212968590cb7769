// Finding one's way (issue 15 item 4) in Chromium: the map list's "Status SOP" column and filter, the navigation each
// role's rights give, and the "!" of an unresolved call offering "Buat peta rincian" (by mouse and by keyboard).
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { launchBrowser, openPage, useSession } from '../helpers/browser';
import { prosesWithCalls } from '../helpers/proses-bpmn';
import { newSopMap, reviewStep, signSop } from '../helpers/review-cycle';
import { startTestServer, type ApiClient } from '../helpers/server';
import { SOP_IDENTITY } from '../helpers/sop-identity';

const server = await startTestServer();
const browser = await launchBrowser();
const byTestId = (id: string) => `[data-testid="${id}"]`;
/** Set PETAKERJA_SCREENSHOTS to a folder to keep the list with its state column at 1366×768 (docs/navigation-examples). */
const SHOTS = process.env.PETAKERJA_SCREENSHOTS;
const UNIT = 'Dinas Kesehatan';
const penyusun = await server.userWith(['penyusun'], UNIT, 'arah-penyusun');
const reviewer = await server.userWith(['reviewer'], UNIT, 'arah-reviewer');
const pengesah = await server.userWith(['pengesah'], UNIT, 'arah-pengesah');
const pembaca = await server.userWith(['pembaca'], UNIT, 'arah-pembaca');

const signed = await newSopMap(penyusun, UNIT, 'SOP pelayanan imunisasi');
await signSop({ bureau: server.admin, penyusun, reviewer, pengesah }, signed);
const submitted = await newSopMap(penyusun, UNIT, 'SOP pengadaan obat');
expect((await reviewStep(server.admin, penyusun, submitted, 'ajukan')).status).toBe(200);
const parent = (
  await penyusun.api('/api/maps', {
    method: 'POST',
    json: { name: 'Pelayanan kesehatan', kind: 'proses', unit: UNIT, xml: prosesWithCalls([{ id: 'Panggil_Rujukan', name: 'Merujuk pasien' }], 'Pelayanan kesehatan') },
  })
).body.map as { id: string; code: string };

async function pageAs(client: ApiClient, errors: string[], hash = ''): Promise<Page> {
  const page = await openPage(browser, errors);
  await useSession(page, server.url, client.sessionCookie);
  await page.goto(`${server.url}/#/${hash}`, { waitUntil: 'networkidle0' });
  return page;
}

const stateCells = (page: Page) =>
  page.$$eval(byTestId('map-row'), (rows) => rows.map((row) => `${row.querySelector('.cell-name')?.textContent} | ${row.querySelector('[data-testid="sop-state-cell"]')?.textContent}`).sort());

describe('Status SOP in the map list', () => {
  it('shows each map’s SOP state and filters by it, the filter kept in the address', async () => {
    const errors: string[] = [];
    const page = await pageAs(penyusun, errors);
    await page.setViewport({ width: 1366, height: 768 });
    await page.waitForSelector(byTestId('map-row'));
    expect(await page.$$eval('.data-table th', (ths) => ths.map((th) => th.textContent))).toContain('Status SOP');
    expect(await stateCells(page)).toEqual(['Pelayanan kesehatan | Draf', 'SOP pelayanan imunisasi | Disahkan', 'SOP pengadaan obat | Diajukan']);
    if (SHOTS) {
      await mkdir(SHOTS, { recursive: true });
      await page.screenshot({ path: path.join(SHOTS, 'daftar-peta-status-sop-1366.png') });
    }

    await page.select(byTestId('sop-state-filter'), 'disahkan');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="map-row"]').length === 1);
    expect(await stateCells(page)).toEqual(['SOP pelayanan imunisasi | Disahkan']);
    expect(await page.evaluate(() => location.hash)).toBe('#/?status=disahkan');

    // The address alone brings the filter back, and a state without maps says so.
    await page.goto(`${server.url}/#/?status=dicabut`, { waitUntil: 'networkidle0' });
    await page.reload({ waitUntil: 'networkidle0' });
    await page.waitForSelector('.state-empty');
    expect(await page.$eval(byTestId('sop-state-filter'), (s) => (s as HTMLSelectElement).value)).toBe('dicabut');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('navigation per role', () => {
  const cases: Array<[string, ApiClient, string[]]> = [
    ['admin', server.admin, ['maps-link', 'inbox-link', 'evaluations-link', 'dashboard-link', 'repository-lint-link', 'users-link', 'audit-link']],
    ['penyusun', penyusun, ['maps-link', 'inbox-link', 'evaluations-link', 'dashboard-link', 'repository-lint-link']],
    ['reviewer', reviewer, ['maps-link', 'inbox-link', 'evaluations-link']],
    ['pengesah', pengesah, ['maps-link', 'inbox-link', 'evaluations-link']],
    ['pembaca', pembaca, ['maps-link', 'inbox-link', 'evaluations-link']],
  ];
  it.each(cases)('gives the %s the entries its rights allow, "Peta proses" first', async (_role, client, expected) => {
    const errors: string[] = [];
    const page = await pageAs(client, errors, 'evaluasi');
    await page.waitForSelector(byTestId('maps-link'));
    expect(await page.$$eval('.app-nav > [data-testid]', (links) => links.map((l) => (l as HTMLElement).dataset.testid))).toEqual(expected);
    expect(await page.$eval(byTestId('maps-link'), (l) => [l.textContent, l.getAttribute('aria-current')])).toEqual(['Peta proses', null]);
    await Promise.all([page.waitForSelector(byTestId('map-row')), page.click(byTestId('maps-link'))]);
    expect(await page.$eval(byTestId('maps-link'), (l) => l.getAttribute('aria-current'))).toBe('page');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the user menu of the map pages', () => {
  it('asks for the inbox count when the menu first shows it, not while the map loads', async () => {
    const errors: string[] = [];
    const asked: string[] = [];
    const page = await openPage(browser, errors);
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/api/review/inbox') asked.push(request.url());
    });
    await useSession(page, server.url, reviewer.sessionCookie);
    await page.goto(`${server.url}/#/peta/${submitted}`, { waitUntil: 'networkidle0' });
    await page.waitForSelector('.djs-shape');
    expect(asked).toEqual([]);
    await page.click(byTestId('user-menu'));
    // The reviewer has the submitted SOP waiting.
    await page.waitForFunction((selector) => document.querySelector(selector)?.textContent === '1', {}, byTestId('inbox-count'));
    expect(asked).toHaveLength(1);
    expect(await page.$eval(byTestId('inbox-link'), (link) => link.getAttribute('aria-label'))).toBe('Menunggu saya: 1');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('"!" on an unresolved call: Buat peta rincian', () => {
  const missing = `${byTestId('call-link-missing')}[data-element="Panggil_Rujukan"]`;

  it('creates the child map under its parent, linked from the activity, opens it, and the "!" is gone', async () => {
    const errors: string[] = [];
    const page = await pageAs(penyusun, errors, `peta/${parent.id}`);
    await page.waitForSelector(missing);
    // By keyboard: the "!" is a button; Enter opens the dialog.
    await page.focus(missing);
    await page.keyboard.press('Enter');
    await page.waitForSelector(byTestId('detail-map-intro'));
    expect(await page.$eval(byTestId('detail-map-intro'), (p) => p.textContent)).toContain('Aktivitas "Merujuk pasien" belum punya peta');
    expect(await page.$eval(byTestId('detail-map-name'), (i) => (i as HTMLInputElement).value)).toBe('Merujuk pasien');
    await Promise.all([page.waitForFunction((id) => !location.hash.endsWith(id), {}, parent.id), page.click(byTestId('detail-map-submit'))]);

    const children = (await server.api(`/api/maps/${parent.id}/children`)).body.items;
    expect(children).toHaveLength(1);
    expect(children[0]).toMatchObject({ name: 'Merujuk pasien', kind: 'subproses', unit: UNIT, code: `${parent.code}.1` });
    expect(await page.evaluate(() => location.hash)).toBe(`#/peta/${children[0].id}`);
    const links = (await server.api(`/api/maps/${parent.id}/links`)).body.items;
    expect(links[0]).toMatchObject({ elementId: 'Panggil_Rujukan', basis: 'sk:calledMap', target: { id: children[0].id } });

    // Back on the parent: a link to the new map where the "!" was.
    await page.goto(`${server.url}/#/peta/${parent.id}`, { waitUntil: 'networkidle0' });
    await page.waitForSelector(`${byTestId('call-link')}[data-element="Panggil_Rujukan"]`);
    expect(await page.$(missing)).toBeNull();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('says clearly why nothing is created when the map changed meanwhile', async () => {
    const other = (
      await penyusun.api('/api/maps', {
        method: 'POST',
        json: { name: 'Proses berubah', kind: 'proses', unit: UNIT, xml: prosesWithCalls([{ id: 'Panggil_Rujukan', name: 'Merujuk pasien' }], 'Proses berubah') },
      })
    ).body.map.id as string;
    const errors: string[] = [];
    const page = await pageAs(penyusun, errors, `peta/${other}`);
    await page.waitForSelector(missing);
    // Someone else saves a revision while the request is on its way — after the page took its base revision, so that
    // the map's event stream (which would bring the newer revision into an unchanged modeller) cannot come first.
    const xml = prosesWithCalls([{ id: 'Panggil_Rujukan', name: 'Merujuk pasien' }], 'Proses berubah lagi');
    let saved: Promise<number> | null = null;
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      if (request.method() !== 'POST' || !request.url().endsWith('/rincian')) return void request.continue();
      saved = penyusun.api(`/api/maps/${other}/revisions`, { method: 'POST', json: { xml, baseRevision: 1, message: 'Dari tempat lain' } }).then((r) => r.status);
      void saved.then(() => request.continue());
    });
    const before = (await server.api('/api/maps')).body.items.length;
    await page.click(missing);
    await page.waitForSelector(byTestId('detail-map-submit'));
    await page.click(byTestId('detail-map-submit'));
    await page.waitForSelector(`${byTestId('detail-map-error')} .notice-error`);
    expect(await page.$eval(byTestId('detail-map-error'), (e) => e.textContent)).toContain('Peta rincian tidak dibuat: peta ini sudah disimpan orang lain');
    expect(await saved).toBe(201);
    expect((await server.api('/api/maps')).body.items.length).toBe(before);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('says clearly why nothing is created while the map’s SOP is in review (409 REVIEW_LOCKED)', async () => {
    const locked = (
      await penyusun.api('/api/maps', {
        method: 'POST',
        json: { name: 'Proses diajukan', kind: 'proses', unit: UNIT, xml: prosesWithCalls([{ id: 'Panggil_Rujukan', name: 'Merujuk pasien' }], 'Proses diajukan') },
      })
    ).body.map.id as string;
    expect((await penyusun.api(`/api/maps/${locked}/sop`, { method: 'PUT', json: { version: 0, identity: SOP_IDENTITY } })).status).toBe(200);
    const errors: string[] = [];
    const page = await pageAs(penyusun, errors, `peta/${locked}`);
    await page.waitForSelector(missing);
    // Submitted for review after the page was opened: the server's refusal is what the user reads.
    expect((await reviewStep(server.admin, penyusun, locked, 'ajukan')).status).toBe(200);
    const before = (await server.api('/api/maps')).body.items.length;
    await page.click(missing);
    await page.waitForSelector(byTestId('detail-map-submit'));
    await page.click(byTestId('detail-map-submit'));
    await page.waitForSelector(`${byTestId('detail-map-error')} .notice-error`);
    expect(await page.$eval(byTestId('detail-map-error'), (e) => e.textContent)).toContain('Peta rincian tidak dibuat: SOP peta ini berstatus diajukan');
    expect((await server.api('/api/maps')).body.items.length).toBe(before);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('asks to save first when the modeller has unsaved changes, and creates nothing', async () => {
    const dirty = (
      await penyusun.api('/api/maps', {
        method: 'POST',
        json: { name: 'Proses belum disimpan', kind: 'proses', unit: UNIT, xml: prosesWithCalls([{ id: 'Panggil_Rujukan', name: 'Merujuk pasien' }], 'Proses belum disimpan') },
      })
    ).body.map.id as string;
    const errors: string[] = [];
    const page = await pageAs(penyusun, errors, `peta/${dirty}`);
    await page.waitForSelector(missing);
    await page.evaluate(() => {
      const modeler = window.petakerja!.modeler;
      const element = modeler.get<{ get(id: string): unknown }>('elementRegistry').get('Mulai');
      modeler.get<{ updateLabel(element: unknown, text: string): void }>('modeling').updateLabel(element, 'Permohonan masuk');
    });
    const before = (await server.api('/api/maps')).body.items.length;
    await page.click(missing);
    await page.waitForSelector(byTestId('detail-map-unsaved'));
    expect(await page.$eval(byTestId('detail-map-unsaved'), (p) => p.textContent)).toContain('Simpan revisinya dulu');
    expect(await page.$(byTestId('detail-map-submit'))).toBeNull();
    expect((await server.api('/api/maps')).body.items.length).toBe(before);
    expect(errors).toEqual([]);
    await page.close();
  });
});
