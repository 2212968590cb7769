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
  // pipe: DevTools over the child's fds 3 and 4 instead of a WebSocket port. When the server dies, even by SIGKILL,
  // the kernel closes its ends; Chromium reads EOF and quits, and its renderers and zygotes go with it (a browser
  // with a port would keep running, ≈ 200 MB each). No port is opened either (docs/security.md, Chromium).
  return puppeteer.launch({ executablePath, headless: true, pipe: true, args: CHROMIUM_ARGS });
}
