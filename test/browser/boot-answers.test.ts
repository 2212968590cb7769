// The setup state and the session come in the page the server serves (server/http/app-shell.ts): a signed-in user's
// map opens without asking /api/setup or /api/session, with the session's CSRF token working; a visitor without a
// session gets the login page without those requests either (issue 16).
import type { Browser, Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { launchBrowser, openPage, useSession } from '../helpers/browser';
import { startTestServer, TEST_PASSWORD } from '../helpers/server';

const server = await startTestServer();
const browser = await launchBrowser();

const UNIT = 'Sekretariat Daerah';
const byTestId = (id: string) => `[data-testid="${id}"]`;

/** The API requests the page sends, as "METHOD /path". */
function recordApiRequests(page: Page): string[] {
  const sent: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/api/')) sent.push(`${request.method()} ${url.pathname}`);
  });
  return sent;
}

describe('the first answers in the page', () => {
  it("opens a signed-in drafter's map without asking for the setup state or the session", async () => {
    const penyusun = await server.userWith(['penyusun'], UNIT, 'penyusun');
    const created = await server.admin.api('/api/maps', { method: 'POST', json: { name: 'Mekanisme kerja Setda', templateId: 'mk-setda', unit: UNIT } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const errors: string[] = [];
    const context = await browser.createBrowserContext();
    const page = await openPage(context as unknown as Browser, errors);
    await useSession(page, server.url, penyusun.sessionCookie);
    const sent = recordApiRequests(page);
    await page.goto(`${server.url}/#/peta/${created.body.map.id as string}`);
    await page.waitForSelector(`${byTestId('modeler-canvas')} svg .djs-shape`);
    await page.waitForSelector(byTestId('user-menu'));
    expect(await page.$eval(byTestId('user-menu'), (button) => button.textContent)).toContain('Pengguna penyusun');
    expect(sent.filter((request) => /^GET \/api\/(setup|session)$/.test(request))).toEqual([]);
    // The map's own requests went out: the recording saw the page's traffic.
    expect(sent).toContain(`GET /api/maps/${created.body.map.id as string}`);

    // The CSRF token in the page is the session's: signing out (a DELETE that needs it) succeeds.
    await page.click(byTestId('user-menu'));
    await page.click(byTestId('logout-button'));
    await page.waitForSelector(byTestId('login-username'), { visible: true });
    expect(sent).toContain('DELETE /api/session');
    expect((await penyusun.api('/api/session')).status).toBe(401);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows a visitor without a session the login page without asking, and signs them in', async () => {
    const errors: string[] = [];
    const context = await browser.createBrowserContext();
    const page = await openPage(context as unknown as Browser, errors);
    const sent = recordApiRequests(page);
    await page.goto(`${server.url}/#/peta`);
    await page.waitForSelector(byTestId('login-username'), { visible: true });
    expect(sent).toEqual([]);

    await page.type(byTestId('login-username'), 'admin');
    await page.type(byTestId('login-password'), TEST_PASSWORD);
    await Promise.all([page.waitForFunction(() => !location.hash.startsWith('#/masuk')), page.click(byTestId('login-submit'))]);
    await page.waitForSelector(byTestId('user-menu'));
    expect(sent[0]).toBe('POST /api/session');
    expect(errors).toEqual([]);
    await context.close();
  });
});
