// Debian's Chromium driven by puppeteer-core: one headless browser per test file, closed after it.
import { existsSync } from 'node:fs';
import { CHROMIUM_ARGS } from '../../server/sop/pdf/launch-chromium';
import puppeteer, { type Browser, type HTTPRequest, type Page } from 'puppeteer-core';
import { afterAll } from 'vitest';

export const CHROMIUM = process.env.PETAKERJA_CHROMIUM ?? '/usr/bin/chromium';

/** `extraArgs`: more Chromium switches, e.g. `--lang=en-US` to check the UI does not follow the browser's locale. */
export async function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: run scripts/setup.sh (installs Debian's chromium package)`);
  }
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_ARGS, ...extraArgs],
  });
  afterAll(() => browser.close());
  return browser;
}

/**
 * Chromium logs every 4xx answer as a console error; the app asks for the session before anyone signs in (401)
 * and shows refusals to the user. Those are expected; any other console error fails the test.
 */
const EXPECTED_NETWORK_LOG = /^Failed to load resource: the server responded with a status of 4\d\d/;

/** How long one wait of a browser test may take before it fails naming what it waited for. */
export const WAIT_TIMEOUT_MS = 45_000;

/** A page that records uncaught script errors, console errors and CSP violations, and any alert() dialog. */
export async function openPage(browser: Browser, errors: string[]): Promise<Page> {
  const page = await browser.newPage();
  await page.setViewport({ width: 1440, height: 900 });
  // A wait that hangs fails naming what it waited for, within the test's own timeout (120 s): long enough for a
  // machine whose cores are all busy (scripts/browser-under-load.sh), where one navigation alone took over 10 s.
  page.setDefaultTimeout(WAIT_TIMEOUT_MS);
  page.on('pageerror', (error) => errors.push(`pageerror: ${(error as Error).message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !EXPECTED_NETWORK_LOG.test(message.text())) errors.push(`console: ${message.text()}`);
  });
  page.on('dialog', (dialog) => {
    errors.push(`dialog: ${dialog.type()} ${dialog.message()}`);
    void dialog.dismiss();
  });
  return page;
}

/** Signs in through the login page, as a user would. */
export async function signInThroughPage(page: Page, baseUrl: string, username: string, password: string): Promise<void> {
  await page.goto(baseUrl, { waitUntil: 'networkidle0' });
  await page.waitForSelector('[data-testid="login-username"]', { visible: true });
  await page.type('[data-testid="login-username"]', username);
  await page.type('[data-testid="login-password"]', password);
  await Promise.all([page.waitForFunction(() => !location.hash.startsWith('#/masuk')), page.click('[data-testid="login-submit"]')]);
}

/** Gives the page the session of a client signed in through the API. */
export async function useSession(page: Page, baseUrl: string, sessionCookie: string): Promise<void> {
  const [name, value] = sessionCookie.split('=') as [string, string];
  await page.setCookie({ name, value, url: baseUrl });
}

/**
 * Holds back the page's requests whose URL matches `pattern` (request interception on; every other request goes on)
 * until `release`, which lets the held ones go and no longer holds any.
 */
export async function holdRequests(page: Page, pattern: RegExp): Promise<{ held: HTTPRequest[]; release: () => Promise<void> }> {
  const held: HTTPRequest[] = [];
  let holding = true;
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    if (holding && pattern.test(request.url())) held.push(request);
    else void request.continue();
  });
  return {
    held,
    release: async () => {
      holding = false;
      for (const request of held.splice(0)) await request.continue();
    },
  };
}
