// The map list, signed in as the administrator, at an office screen's size, ready to import (browser tests).
import type { Browser, Page } from 'puppeteer-core';
import { openPage, useSession } from './browser';

export async function openMapList(browser: Browser, server: { url: string; admin: { sessionCookie: string } }, errors: string[]): Promise<Page> {
  const page = await openPage(browser, errors);
  await page.setViewport({ width: 1366, height: 768 });
  await useSession(page, server.url, server.admin.sessionCookie);
  await page.goto(`${server.url}/#/`, { waitUntil: 'networkidle0' });
  await page.waitForSelector('[data-testid="import-button"]', { visible: true });
  return page;
}
