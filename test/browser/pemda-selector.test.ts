// The pemda in the header (docs/storage.md, Many pemda), in Chromium on PostgreSQL: a province role (pembina) of a
// provinsi switches with the keyboard between its provinsi and a kabupaten it reads, and the app reloads on that
// pemda's maps; a kabupaten's user sees its pemda's name.
// PETAKERJA_OFFICE_SCREENSHOTS=1 keeps its picture in docs/screenshots/ (a plain run writes nothing in the tree).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../server/accounts/password';
import { openPostgresStore } from '../../server/store/postgres/open-postgres-store';
import { launchBrowser, openPage, signInThroughPage, useSession } from '../helpers/browser';
import { startTestServer, TEST_PASSWORD } from '../helpers/server';

const server = await startTestServer({ postgres: true });
const browser = await launchBrowser();
afterAll(() => browser.close());
const store = await openPostgresStore(server.databaseUrl!);
afterAll(() => store.close());
await store.pemdas.add({ id: 'jateng', name: 'Provinsi Jawa Tengah', kind: 'provinsi', province: null });
await store.pemdas.add({ id: 'kab-b', name: 'Kabupaten B', kind: 'kabupaten', province: 'jateng' });
const passwordHash = await hashPassword(TEST_PASSWORD);
const account = (username: string, roles: ('admin' | 'penyusun' | 'pembina')[]) => ({ username, name: `Pengguna ${username}`, jabatan: 'Staf', unit: 'Biro Organisasi', roles, disabled: false, passwordHash });
await store.forPemda('kab-b').accounts.createUser(account('admin-b', ['admin', 'penyusun']));
await store.forPemda('jateng').accounts.createUser(account('pembina-jateng', ['pembina']));
const adminB = server.anonymous();
await adminB.signIn('admin-b', TEST_PASSWORD);
expect((await adminB.api('/api/maps', { method: 'POST', json: { name: 'Peta milik Kabupaten B', kind: 'subproses', unit: 'Dinas Kesehatan' } })).status).toBe(201);
expect((await server.api('/api/maps', { method: 'POST', json: { name: 'Peta milik pemda bawaan', kind: 'subproses', unit: 'Dinas Kesehatan' } })).status).toBe(201);

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const byTestId = (id: string) => `[data-testid="${id}"]`;
const rowNames = (page: import('puppeteer-core').Page) => page.$$eval(byTestId('map-row'), (rows) => rows.map((row) => row.textContent ?? ''));

describe('pemda in the header', () => {
  it('lets a province role switch to a kabupaten with the keyboard, and the app reads that pemda', async () => {
    const errors: string[] = [];
    const page = await openPage(browser, errors);
    await signInThroughPage(page, server.url, 'pembina-jateng', TEST_PASSWORD);
    const select = await page.waitForSelector(byTestId('pemda-select'), { visible: true });
    expect(await page.$eval(byTestId('pemda-select'), (el) => [...(el as HTMLSelectElement).options].map((o) => o.textContent))).toEqual(['Provinsi Jawa Tengah', 'Kabupaten B']);
    expect(await page.$eval(byTestId('pemda-select'), (el) => (el as HTMLSelectElement).labels[0]?.textContent)).toBe('Pemda:');
    // The provinsi has no map of its own.
    await page.waitForSelector('.state-empty', { visible: true });
    expect(await rowNames(page)).toEqual([]);
    // With the keyboard: an arrow press only selects (nothing reloads), the button opens the chosen pemda.
    await select!.focus();
    await page.keyboard.press('ArrowDown');
    expect(await page.$eval(byTestId('pemda-open'), (el) => (el as HTMLButtonElement).disabled)).toBe(false);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('pemda-open');
    await Promise.all([page.waitForNavigation({ waitUntil: 'networkidle0' }), page.keyboard.press('Enter')]);
    await page.waitForSelector(byTestId('map-row'));
    const names = await rowNames(page);
    expect(names.some((n) => n.includes('Peta milik Kabupaten B'))).toBe(true);
    expect(names.some((n) => n.includes('pemda bawaan'))).toBe(false);
    expect(await page.$eval(byTestId('pemda-select'), (el) => (el as HTMLSelectElement).value)).toBe('kab-b');
    // Read only: no button to create a map.
    expect(await page.$(byTestId('new-map-button'))).toBeNull();
    expect(await page.$(byTestId('sop-export-button'))).toBeNull();
    if (process.env.PETAKERJA_OFFICE_SCREENSHOTS) await page.screenshot({ path: path.join(ROOT, 'docs/screenshots/pemda-selector.png') });
    // Its navigation reads there too: the map list, and the SOPs due for evaluation answer (no refusal on the page).
    expect(await page.$(byTestId('maps-link'))).not.toBeNull();
    await page.click(byTestId('evaluations-link'));
    await page.waitForSelector(byTestId('evaluation-due-empty'), { visible: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('names no pemda in the header of the default pemda, which has only the placeholder name', async () => {
    const errors: string[] = [];
    const page = await openPage(browser, errors);
    await useSession(page, server.url, server.admin.sessionCookie);
    await page.goto(`${server.url}/#/`, { waitUntil: 'networkidle0' });
    await page.waitForSelector(byTestId('map-row'));
    expect(await page.$(byTestId('pemda-name'))).toBeNull();
    expect(errors).toEqual([]);
    await page.close();
  });

  it("shows a kabupaten's user the name of its pemda", async () => {
    const errors: string[] = [];
    const page = await openPage(browser, errors);
    await useSession(page, server.url, adminB.sessionCookie);
    await page.goto(`${server.url}/#/`, { waitUntil: 'networkidle0' });
    await page.waitForSelector(byTestId('pemda-name'), { visible: true });
    expect(await page.$eval(byTestId('pemda-name'), (el) => el.textContent)).toBe('Kabupaten B');
    expect(await page.$(byTestId('pemda-select'))).toBeNull();
    expect(errors).toEqual([]);
    await page.close();
  });
});
