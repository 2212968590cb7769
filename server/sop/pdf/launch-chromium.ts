// Launches Debian's headless Chromium through puppeteer-core with the flags the tests use (test/helpers/browser.ts).
import { existsSync } from 'node:fs';
import puppeteer, { type Browser } from 'puppeteer-core';

export const DEFAULT_CHROMIUM = process.env.PETAKERJA_CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--font-render-hinting=none',
];

export class ChromiumMissingError extends Error {}

export async function launchChromium(executablePath = DEFAULT_CHROMIUM): Promise<Browser> {
  if (!existsSync(executablePath)) {
    throw new ChromiumMissingError(`Chromium tidak ditemukan di ${executablePath}: pasang paket chromium Debian (scripts/setup.sh) atau atur PETAKERJA_CHROMIUM.`);
  }
  return puppeteer.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
}
