import { describe, expect, it } from 'vitest';
import { startServer } from '../../server/server';
import { launchBrowser, openPage, signInThroughPage, useSession } from '../helpers/browser';
import { minimalBpmn } from '../helpers/fixtures';
import { startTestServer, TEST_PASSWORD } from '../helpers/server';
import { tempDir } from '../helpers/temp-dir';

const browser = await launchBrowser();
const byTestId = (id: string) => `[data-testid="${id}"]`;
const HOSTILE = '<img src=x onerror=alert(1)>';

describe('accounts in the browser', () => {
  it('offers first-run setup on an empty repository, and signs the new admin in', async () => {
    const running = await startServer({ dataDir: await tempDir(), port: 0, host: '127.0.0.1', log: () => undefined });
    try {
      const errors: string[] = [];
      const page = await openPage(browser, errors);
      await page.goto(running.url, { waitUntil: 'networkidle0' });
      await page.waitForSelector(byTestId('setup-username'), { visible: true });
      expect(await page.evaluate(() => location.hash)).toBe('#/penyiapan');
      await page.type(byTestId('setup-username'), 'kabag');
      await page.type(byTestId('setup-name'), 'Kepala Bagian Organisasi');
      await page.type(byTestId('setup-jabatan'), 'Kepala Bagian');
      await page.type(byTestId('setup-unit'), 'Bagian Organisasi Setda');
      await page.type(byTestId('setup-password'), TEST_PASSWORD);
      await page.type(byTestId('setup-password-confirm'), TEST_PASSWORD);
      // The public address printed in signed SOPs' QR codes: proposed from the page's own address, confirmed here.
      expect(await page.$eval(byTestId('setup-public-url'), (input) => (input as HTMLInputElement).value)).toBe(running.url);
      await page.click(byTestId('setup-submit'));
      // The new admin lands on the accounts page, to add the bureau's drafters and the units' users next.
      await page.waitForSelector(`${byTestId('user-row')}[data-username="kabag"]`, { visible: true });
      await page.waitForSelector(byTestId('add-user-button'), { visible: true });
      expect(await page.$eval(byTestId('user-menu'), (el) => el.textContent)).toContain('Kepala Bagian Organisasi');
      // The accounts page shows the confirmed address and who confirmed it, and the proxy setting (off).
      await page.waitForSelector(byTestId('settings-public-url-input'), { visible: true });
      expect(await page.$eval(byTestId('settings-public-url-input'), (input) => (input as HTMLInputElement).value)).toBe(running.url);
      expect(await page.$eval(byTestId('settings-public-url-status'), (el) => el.textContent)).toBe('Dikonfirmasi oleh kabag.');
      expect(await page.$eval(byTestId('settings-trust-proxy'), (el) => el.textContent)).toContain('tidak ada');
      // Setup exists only while no account does: its address now leads elsewhere.
      await page.evaluate(() => {
        location.hash = '#/penyiapan';
      });
      await page.waitForFunction(() => location.hash !== '#/penyiapan');
      expect(await page.$(byTestId('setup-username'))).toBeNull();
      expect(errors).toEqual([]);
      await page.close();
    } finally {
      await running.close();
    }
  });

  it('shows a reader only their unit, without drafting controls, and the map read-only', async () => {
    const server = await startTestServer();
    const own = (await server.api('/api/maps', { method: 'POST', json: { name: 'Layanan imunisasi', kind: 'lintas-fungsi', unit: 'Dinas Kesehatan' } })).body.map;
    await server.api('/api/maps', { method: 'POST', json: { name: 'Penerimaan siswa baru', kind: 'lintas-fungsi', unit: 'Dinas Pendidikan' } });
    await server.userWith(['pembaca'], 'Dinas Kesehatan', 'rina');

    const errors: string[] = [];
    const page = await openPage(browser, errors);
    await signInThroughPage(page, server.url, 'rina', TEST_PASSWORD);
    await page.waitForSelector(byTestId('map-row'));
    const names = await page.$$eval(byTestId('map-row'), (rows) => rows.map((r) => r.textContent ?? ''));
    expect(names.join(' ')).toContain('Layanan imunisasi');
    expect(names.join(' ')).not.toContain('Penerimaan siswa baru');
    expect(await page.$(byTestId('new-map-button'))).toBeNull();

    await page.goto(`${server.url}/#/peta/${own.id}`, { waitUntil: 'networkidle0' });
    await page.waitForSelector(byTestId('readonly-notice'), { visible: true });
    expect(await page.$(byTestId('save-button'))).toBeNull();
    expect(await page.$('.djs-palette .entry')).toBeNull();

    await page.click(byTestId('user-menu'));
    await page.waitForSelector(byTestId('logout-button'), { visible: true });
    await page.click(byTestId('logout-button'));
    await page.waitForSelector(byTestId('login-username'), { visible: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('renders hostile names as text in the list and in the modeller', async () => {
    const server = await startTestServer();
    await server.api('/api/maps', { method: 'POST', json: { name: HOSTILE, kind: 'subproses', unit: HOSTILE } });
    const imported = await server.api(`/api/import?name=${encodeURIComponent(`Impor ${HOSTILE}`)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/xml' },
      body: minimalBpmn('&lt;img src=x onerror=alert(1)&gt;'),
    });
    expect(imported.status).toBe(201);

    const errors: string[] = [];
    const page = await openPage(browser, errors);
    await useSession(page, server.url, server.admin.sessionCookie);
    await page.goto(server.url, { waitUntil: 'networkidle0' });
    await page.waitForSelector(byTestId('map-row'));
    expect(await page.$$eval(byTestId('map-row'), (rows) => rows.map((r) => r.textContent).join(' '))).toContain(HOSTILE);

    await page.goto(`${server.url}/#/peta/${imported.body.map.id}`, { waitUntil: 'networkidle0' });
    await page.waitForSelector(`${byTestId('modeler-canvas')} svg .djs-element`);
    const labels = await page.$$eval('.djs-element text', (texts) => texts.map((t) => t.textContent).join(' '));
    expect(labels.replace(/\s+/g, '')).toContain('<imgsrc=xonerror=alert(1)>');
    await page.click('.djs-element[data-element-id="Task_1"]');
    await page.waitForSelector('.bio-properties-panel');

    expect(await page.$$('img[src="x"]')).toHaveLength(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
