// The setting every modeller benchmark starts from: the real server on a temp data dir, the built client, headless
// Chromium, an admin signed in and one empty map to draw into. `close()` takes it all down again.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { startServer } from '../server/server';

export const CHROMIUM = process.env.PETAKERJA_CHROMIUM ?? '/usr/bin/chromium';
export const PASSWORD = 'bench-kata-sandi-1';

export async function json(url: string, init: RequestInit & { cookie?: string; csrf?: string; body?: string } = {}): Promise<{ body: any; cookie: string }> {
  const headers = new Headers(init.headers);
  headers.set('content-type', 'application/json');
  if (init.cookie) headers.set('cookie', init.cookie);
  if (init.csrf) headers.set('x-csrf-token', init.csrf);
  const response = await fetch(url, { ...init, headers });
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${url} answered ${response.status}: ${JSON.stringify(body)}`);
  const cookie = response.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => !/=$/.test(c)) ?? init.cookie ?? '';
  return { body, cookie };
}

export interface BenchModeller {
  server: Awaited<ReturnType<typeof startServer>>;
  browser: Browser;
  session: { cookie: string; csrfToken: string };
  /** The id of the empty map made for the benchmark. */
  mapId: string;
  close(): Promise<void>;
}

/**
 * Opens the bench's map in the modeller in `page`, signed in, at 1440×900, and waits for the modeller to exist;
 * `timeoutMs` bounds every wait of the page from then on.
 */
export async function openBenchMap(page: Page, { server, session, mapId }: Pick<BenchModeller, 'server' | 'session' | 'mapId'>, timeoutMs: number): Promise<void> {
  await page.setViewport({ width: 1440, height: 900 });
  page.setDefaultTimeout(timeoutMs);
  const [name, value] = session.cookie.split('=') as [string, string];
  await page.setCookie({ name, value, url: server.url });
  await page.goto(`${server.url}/#/peta/${mapId}`, { waitUntil: 'networkidle0' });
  await page.waitForFunction(() => Boolean((window as any).petakerja?.modeler));
}

export async function startBenchModeller(name: string): Promise<BenchModeller> {
  // PETAKERJA_BENCH_CLIENT_DIR: another build of the client (e.g. of an earlier commit), for a before/after in one session.
  const clientDir = process.env.PETAKERJA_BENCH_CLIENT_DIR ? path.resolve(process.env.PETAKERJA_BENCH_CLIENT_DIR) : undefined;
  if (!existsSync(path.join(clientDir ?? path.resolve(import.meta.dirname, '../dist/client'), 'index.html'))) throw new Error('dist/client is missing: run `npm run build` first');
  const dataDir = await mkdtemp(path.join(os.tmpdir(), `petakerja-bench-${name}-`));
  const server = await startServer({ dataDir, port: 0, host: '127.0.0.1', log: () => undefined, ...(clientDir ? { clientDir } : {}) });
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  const close = async () => {
    await browser.close();
    await server.close();
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    const setup = await json(`${server.url}/api/setup`, {
      method: 'POST',
      body: JSON.stringify({ username: 'bench', password: PASSWORD, name: 'Bench', jabatan: 'Analis Organisasi', unit: 'Bagian Organisasi' }),
    });
    const signedIn = await json(`${server.url}/api/session`, { method: 'POST', body: JSON.stringify({ username: 'bench', password: PASSWORD }), cookie: setup.cookie });
    const session = { cookie: signedIn.cookie, csrfToken: signedIn.body.csrfToken as string };
    const created = await json(`${server.url}/api/maps`, {
      method: 'POST',
      cookie: session.cookie,
      csrf: session.csrfToken,
      body: JSON.stringify({ name: 'Peta besar', kind: 'lintas-fungsi', unit: 'Bagian Organisasi' }),
    });
    return { server, browser, session, mapId: created.body.map.id as string, close };
  } catch (error) {
    await close();
    throw error;
  }
}
