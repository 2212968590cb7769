// Opening a map in the modeller, cold cache, against bare bpmn-js on the same XML from the same server
// (`npm run bench -- --only open`). The real server on a temp data dir, one drafter, one generated map per size;
// headless Chromium with a fresh incognito context per run. Ours: navigation to #/peta/<id>. Anchor: a page of only
// bpmn-js's Modeler (bench/bare-modeler, built here with Vite) that fetches the same revision XML and imports it,
// served by the same HTTP server through a bench-only route. Both are timed from navigation start to the first
// moment after paint at which every BPMNShape and BPMNEdge of the map is in the canvas.
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import helmet from 'helmet';
import puppeteer, { type Browser } from 'puppeteer-core';
import { build } from 'vite';
import { startServer } from '../server/server';
import { generateBpmn } from './bpmn-generator';

const CHROMIUM = process.env.PETAKERJA_CHROMIUM ?? '/usr/bin/chromium';
const PASSWORD = 'bench-kata-sandi-1';
/** The generator writes ~950 bytes per node (element, flow, shape, edge). */
const BYTES_PER_NODE = 950;
const AIM_RATIO = 1.2;
const BARE_PREFIX = '/__bench/bare/';
const BARE_SOURCE = path.resolve(import.meta.dirname, 'bare-modeler');
const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.eot': 'application/vnd.ms-fontobject',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

export interface OpenRun {
  oursMs: number;
  bareMs: number;
  /** JavaScript and CSS bytes our page fetched before the map was shown. */
  oursCodeKb: number;
  bareCodeKb: number;
}

export interface OpenSize {
  nodes: number;
  shapes: number;
  edges: number;
  kilobytes: number;
  runs: OpenRun[];
}

export interface OpenResults {
  sizes: OpenSize[];
  loadBefore: string;
  loadAfter: string;
}

async function json(url: string, init: { method?: string; cookie?: string; csrf?: string; body?: string } = {}): Promise<{ body: any; cookie: string }> {
  const headers = new Headers({ 'content-type': 'application/json' });
  if (init.cookie) headers.set('cookie', init.cookie);
  if (init.csrf) headers.set('x-csrf-token', init.csrf);
  const response = await fetch(url, { method: init.method, body: init.body, headers });
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${url} answered ${response.status}: ${JSON.stringify(body)}`);
  const cookie = response.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => !/=$/.test(c)) ?? init.cookie ?? '';
  return { body, cookie };
}

/**
 * Injected before any page script. Polls on animation frames until the canvas holds every shape and edge of the map,
 * then waits one more frame and a task (so the frame with them has been painted) and records the time since
 * navigation start in `window.__openedAt`, with the code bytes fetched so far.
 */
const SIGNAL = `(shapes, edges) => {
  const shapeList = document.getElementsByClassName('djs-shape');
  const edgeList = document.getElementsByClassName('djs-connection');
  const done = () => {
    const code = performance.getEntriesByType('resource').filter((entry) => /\\.(js|css)(\\?|$)/.test(entry.name));
    window.__openedAt = { ms: performance.now(), codeKb: code.reduce((sum, entry) => sum + (entry.decodedBodySize || 0), 0) / 1024 };
  };
  const check = () => {
    if (shapeList.length >= shapes && edgeList.length >= edges) {
      requestAnimationFrame(() => { const channel = new MessageChannel(); channel.port1.onmessage = done; channel.port2.postMessage(0); });
      return;
    }
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}`;

/**
 * The response headers every page of the app gets (server/app.ts: helmet's defaults), but for the
 * Content-Security-Policy, which would refuse the anchor's inline style. Among them Cross-Origin-Opener-Policy: a
 * page that sends it cannot stay in the renderer of the new tab's about:blank, so Chromium starts the navigation in a
 * new one (~11 ms before the first request in traces); the anchor served without it skipped that cost of the server,
 * not of the page (docs/performance.md, eighth pass).
 */
const appResponseHeaders = helmet({ contentSecurityPolicy: false, strictTransportSecurity: false });

/** Serves the built bare page under BARE_PREFIX in front of the app's own request handler (this process only). */
function addBareRoute(server: import('node:http').Server, dir: string): void {
  const app = server.listeners('request') as ((req: IncomingMessage, res: ServerResponse) => void)[];
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://bench');
    if (!url.pathname.startsWith(BARE_PREFIX)) {
      for (const listener of app) listener.call(server, req, res);
      return;
    }
    const file = path.join(dir, path.normalize(url.pathname.slice(BARE_PREFIX.length) || 'index.html'));
    if (!file.startsWith(dir) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    appResponseHeaders(req, res, () => {
      res.writeHead(200, { 'content-type': MIME[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'public, max-age=3600' });
      res.end(readFileSync(file));
    });
  });
}

async function timeOpen(browser: Browser, url: string, cookie: { name: string; value: string; url: string }, shapes: number, edges: number): Promise<{ ms: number; codeKb: number }> {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    await page.setViewport({ width: 1440, height: 900 });
    page.setDefaultTimeout(120_000);
    await page.setCookie(cookie);
    await page.evaluateOnNewDocument(`(${SIGNAL})(${shapes}, ${edges})`);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    const handle = await page.waitForFunction(() => (window as any).__openedAt, { polling: 100 }).catch((error: unknown) => {
      throw new Error(`${url} never showed ${shapes} shapes and ${edges} edges${errors.length ? ` (page errors: ${errors.join('; ')})` : ''}: ${String(error)}`);
    });
    return (await handle.jsonValue()) as { ms: number; codeKb: number };
  } finally {
    await context.close();
  }
}

export async function runOpenBench({ sizes = [200, 800, 2000], runs = 9 } = {}): Promise<OpenResults> {
  // PETAKERJA_BENCH_CLIENT_DIR: another build of the client (e.g. of an earlier commit), for a before/after in one go.
  const clientDir = process.env.PETAKERJA_BENCH_CLIENT_DIR ? path.resolve(process.env.PETAKERJA_BENCH_CLIENT_DIR) : undefined;
  if (!existsSync(path.join(clientDir ?? path.resolve(import.meta.dirname, '../dist/client'), 'index.html'))) throw new Error('dist/client is missing: run `npm run build` first');
  const loadBefore = readFileSync('/proc/loadavg', 'utf8').trim();
  const bareDir = await mkdtemp(path.join(os.tmpdir(), 'petakerja-bench-bare-'));
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'petakerja-bench-open-'));
  await build({
    configFile: false,
    root: BARE_SOURCE,
    base: BARE_PREFIX,
    logLevel: 'warn',
    build: { outDir: bareDir, emptyOutDir: true, chunkSizeWarningLimit: 4000 },
  });
  const server = await startServer({ dataDir, port: 0, host: '127.0.0.1', log: () => undefined, ...(clientDir ? { clientDir } : {}) });
  addBareRoute(server.server, bareDir);
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
      // Each incognito context would load Chrome's own omnibox popups (WebUI pages: ~0.4 s of CPU, ~0.2 s without
      // WebUIOmniboxPopup and ~0.1 s without WebUIOmniboxAimPopup too, measured per new context) on the same cores as
      // both pages measured: neither ours nor bare's, it only adds noise (docs/performance.md, seventh and eighth pass).
      '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup,PreloadTopChromeWebUI'],
  });
  try {
    const setup = await json(`${server.url}/api/setup`, {
      method: 'POST',
      body: JSON.stringify({ username: 'bench', password: PASSWORD, name: 'Bench', jabatan: 'Analis Organisasi', unit: 'Bagian Organisasi' }),
    });
    const session = await json(`${server.url}/api/session`, { method: 'POST', body: JSON.stringify({ username: 'bench', password: PASSWORD }), cookie: setup.cookie });
    const [name, value] = session.cookie.split('=') as [string, string];
    const cookie = { name, value, url: server.url };
    const results: OpenSize[] = [];
    for (const nodes of sizes) {
      const created = await json(`${server.url}/api/maps`, {
        method: 'POST',
        cookie: session.cookie,
        csrf: session.body.csrfToken,
        body: JSON.stringify({ name: `Peta ${nodes}`, kind: 'lintas-fungsi', unit: 'Bagian Organisasi' }),
      });
      const id = created.body.map.id as string;
      const xml = generateBpmn({ map: nodes, revision: 1, targetBytes: nodes * BYTES_PER_NODE + 3500 });
      const saved = await json(`${server.url}/api/maps/${id}/revisions`, {
        method: 'POST',
        cookie: session.cookie,
        csrf: session.body.csrfToken,
        body: JSON.stringify({ xml, baseRevision: created.body.map.currentRevision, message: 'Peta bangkitan bench' }),
      });
      const n = saved.body.revision.n as number;
      const stored = await (await fetch(`${server.url}/api/maps/${id}/revisions/${n}/xml`, { headers: { cookie: session.cookie } })).text();
      const shapes = (stored.match(/<bpmndi:BPMNShape\b/g) ?? []).length;
      const edges = (stored.match(/<bpmndi:BPMNEdge\b/g) ?? []).length;
      const size: OpenSize = { nodes, shapes, edges, kilobytes: Buffer.byteLength(stored) / 1024, runs: [] };
      const oursUrl = `${server.url}/#/peta/${id}`;
      const bareUrl = `${server.url}${BARE_PREFIX}index.html?xml=${encodeURIComponent(`/api/maps/${id}/revisions/${n}/xml`)}`;
      // One untimed pair first (the server's first answers, Chromium's first process of each kind).
      await timeOpen(browser, oursUrl, cookie, shapes, edges);
      await timeOpen(browser, bareUrl, cookie, shapes, edges);
      for (let run = 0; run < runs; run++) {
        // Alternating which goes first, so a drift in the machine's load falls on both alike.
        const first = run % 2 === 0;
        const a = await timeOpen(browser, first ? oursUrl : bareUrl, cookie, shapes, edges);
        const b = await timeOpen(browser, first ? bareUrl : oursUrl, cookie, shapes, edges);
        const [ours, bare] = first ? [a, b] : [b, a];
        size.runs.push({ oursMs: ours.ms, bareMs: bare.ms, oursCodeKb: ours.codeKb, bareCodeKb: bare.codeKb });
      }
      results.push(size);
    }
    return { sizes: results, loadBefore, loadAfter: readFileSync('/proc/loadavg', 'utf8').trim() };
  } finally {
    await browser.close();
    await server.close();
    await rm(dataDir, { recursive: true, force: true });
    await rm(bareDir, { recursive: true, force: true });
  }
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/** log(t3/t1) / log(n3/n1) over the first and last size. */
function growth(sizes: OpenSize[], pick: (run: OpenRun) => number): number {
  const first = sizes[0]!;
  const last = sizes.at(-1)!;
  return Math.log(median(last.runs.map(pick)) / median(first.runs.map(pick))) / Math.log(last.shapes / first.shapes);
}

export function formatOpenBench(results: OpenResults): string {
  const rows = results.sizes.map((size) => {
    const ours = median(size.runs.map((run) => run.oursMs));
    const bare = median(size.runs.map((run) => run.bareMs));
    const ratio = median(size.runs.map((run) => run.oursMs / run.bareMs));
    return `| ${size.shapes} shapes + ${size.edges} edges (${size.kilobytes.toFixed(0)} KB) | ${ours.toFixed(0)} ms | ${bare.toFixed(0)} ms | ${ratio.toFixed(2)}× | ≤ ${AIM_RATIO}× | ${ratio <= AIM_RATIO ? 'met' : 'not met'} | ${size.runs.map((run) => `${run.oursMs.toFixed(0)}/${run.bareMs.toFixed(0)}`).join(', ')} | ${median(size.runs.map((run) => run.oursCodeKb)).toFixed(0)} KB / ${median(size.runs.map((run) => run.bareCodeKb)).toFixed(0)} KB |`;
  });
  return [
    `Load average at start: \`${results.loadBefore}\``,
    '',
    '| size | ours (median) | bare bpmn-js (median) | ratio (median of pairs) | aim | met | runs ours/bare | JS+CSS fetched ours / bare |',
    '|---|---|---|---|---|---|---|---|',
    ...rows,
    '',
    `Growth exponent (log(t3/t1)/log(n3/n1), shapes): ours ${growth(results.sizes, (run) => run.oursMs).toFixed(2)}, bare bpmn-js ${growth(results.sizes, (run) => run.bareMs).toFixed(2)}.`,
    '',
    `Load average at end: \`${results.loadAfter}\``,
    '',
    'Method: cold cache (a new incognito browser context per page load), viewport 1440×900, headless Chromium. Time from ' +
      'navigation start to the first task after the frame in which the canvas holds every BPMNShape and BPMNEdge of the ' +
      'stored revision (counted as `.djs-shape` / `.djs-connection`, polled per animation frame). Ours: the map editor ' +
      'route `#/peta/<id>` of the built client, signed in as a drafter. Anchor: `bench/bare-modeler` (bpmn-js `Modeler` ' +
      'and its CSS only, built by Vite in the bench) fetching the same `/api/maps/<id>/revisions/<n>/xml` and importing it, ' +
      'served by the same server. One untimed pair per size, then pairs in alternating order; the ratio is the median ' +
      'of the per-pair ratios.',
  ].join('\n');
}
