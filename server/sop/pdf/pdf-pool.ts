// A warm, bounded pool of headless Chromium browsers printing HTML to PDF. Each slot holds one browser and one reused
// tab; browsers are launched when the pool is made, not per request. A request waits in a queue while every slot is
// busy. A browser that crashed or disconnected is replaced (and the request retried once on the new one). The page
// number "Halaman i dari n" is the document's own @page margin box (server/sop/render/index.ts), in the bottom margin.
import { AsyncLocalStorage } from 'node:async_hooks';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'puppeteer-core';
import { FOOTER_MM } from '../render/index';
import { launchChromium } from './launch-chromium';

export type PdfPaper = 'A4' | 'F4';

export interface PdfOptions {
  paper?: PdfPaper;
  landscape?: boolean;
}

const PAPER_MM: Record<PdfPaper, { width: number; height: number }> = { A4: { width: 210, height: 297 }, F4: { width: 215, height: 330 } };
const PRINT_TIMEOUT_MS = 60_000;

interface Slot {
  browser?: Browser;
  page?: Page;
  starting?: Promise<Browser>;
  busy: boolean;
}

export class PdfPoolClosedError extends Error {}

/** Set while batch work (SOP exports) runs: its prints wait behind interactive ones (issue 13, item 6). */
const batchWork = new AsyncLocalStorage<true>();

/** Runs `work` as batch work: every print and drawing it asks of any PdfPool queues behind interactive requests. */
export function asBatchWork<T>(work: () => Promise<T>): Promise<T> {
  return batchWork.run(true, work);
}

type Waiter = { resolve: (slot: Slot) => void; reject: (error: Error) => void };

let viewer: Promise<string> | undefined;
/** bpmn-js's viewer bundle, read once, injected into the page as inline script (the pool's pages make no requests). */
function viewerBundle(): Promise<string> {
  viewer ??= readFile(createRequire(import.meta.url).resolve('bpmn-js/dist/bpmn-viewer.production.min.js'), 'utf8');
  return viewer;
}

export class PdfPool {
  readonly size: number;
  private readonly executablePath?: string;
  private readonly slots: Slot[];
  /** Interactive requests (a single SOP's PDF), served first… */
  private readonly waiting: Waiter[] = [];
  /** …then batch work (asBatchWork). */
  private readonly waitingBatch: Waiter[] = [];
  private closed = false;

  constructor(options: { size?: number; executablePath?: string } = {}) {
    this.size = Math.max(1, Math.floor(options.size ?? 2));
    this.executablePath = options.executablePath;
    this.slots = Array.from({ length: this.size }, () => ({ busy: false }));
    // Warm up: launch every browser now; a failure is reported by the first request that needs the slot.
    for (const slot of this.slots) this.start(slot).catch(() => undefined);
  }

  /** Process ids of the live browsers (for monitoring, and for tests that kill one). */
  async browserPids(): Promise<number[]> {
    const browsers = await Promise.all(this.slots.map((slot) => (slot.browser?.connected ? slot.browser : slot.starting?.catch(() => undefined))));
    return browsers.flatMap((browser) => (browser?.connected && browser.process()?.pid ? [browser.process()!.pid!] : []));
  }

  async pdf(html: string, options: PdfOptions = {}): Promise<Uint8Array> {
    return this.withSlot((slot) => this.print(slot, html, options));
  }

  /** The BPMN diagram drawn as SVG by bpmn-js's viewer in one of the pool's browsers (for the SOP's appendix). */
  async diagramSvg(xml: string): Promise<string> {
    return this.withSlot((slot) => this.drawDiagram(slot, xml));
  }

  private async withSlot<T>(task: (slot: Slot) => Promise<T>): Promise<T> {
    const slot = await this.acquire();
    try {
      try {
        return await task(slot);
      } catch (error) {
        if (this.closed || slot.browser?.connected) throw error;
        // The browser died under the request: replace it and try once more.
        return await task(slot);
      }
    } finally {
      this.release(slot);
    }
  }

  private async drawDiagram(slot: Slot, xml: string): Promise<string> {
    // A tab of its own: the printing tab keeps the SOP document's Content-Security-Policy (no scripts) across
    // setContent, and the viewer must run a script. It makes no requests either (the bundle is inlined).
    const page = await (await this.browserOf(slot)).newPage();
    await page.setRequestInterception(true);
    page.on('request', (request) => void (request.url().startsWith('data:') || request.url() === 'about:blank' ? request.continue() : request.abort('blockedbyclient')));
    try {
      await page.setContent('<!doctype html><html><body><div id="canvas" style="width:1600px;height:1000px"></div></body></html>', { waitUntil: 'load' });
      await page.addScriptTag({ content: await viewerBundle() });
      const drawn = await page.evaluate(async (diagram: string) => {
        const Viewer = (window as unknown as { BpmnJS: new (options: { container: string }) => { importXML(xml: string): Promise<unknown>; saveSVG(): Promise<{ svg: string }> } }).BpmnJS;
        const viewer = new Viewer({ container: '#canvas' });
        try {
          await viewer.importXML(diagram);
          return { svg: (await viewer.saveSVG()).svg };
        } catch (error) {
          return { error: String(error) };
        }
      }, xml);
      if ('error' in drawn) throw new Error(`Diagram tidak dapat digambar: ${drawn.error}`);
      return drawn.svg;
    } finally {
      await page.close().catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const waiter of [...this.waiting.splice(0), ...this.waitingBatch.splice(0)]) waiter.reject(new PdfPoolClosedError('Pencetak PDF sudah ditutup.'));
    await Promise.all(
      this.slots.map(async (slot) => {
        const browser = slot.browser ?? (await slot.starting?.catch(() => undefined));
        slot.browser = undefined;
        slot.page = undefined;
        await browser?.close().catch(() => undefined);
      }),
    );
  }

  private start(slot: Slot): Promise<Browser> {
    if (slot.starting) return slot.starting;
    slot.starting = launchChromium(this.executablePath)
      .then(async (browser) => {
        if (this.closed) {
          await browser.close().catch(() => undefined);
          throw new PdfPoolClosedError('Pencetak PDF sudah ditutup.');
        }
        browser.on('disconnected', () => {
          if (slot.browser === browser) {
            slot.browser = undefined;
            slot.page = undefined;
          }
        });
        slot.browser = browser;
        slot.page = undefined;
        return browser;
      })
      .finally(() => {
        slot.starting = undefined;
      });
    return slot.starting;
  }

  private async browserOf(slot: Slot): Promise<Browser> {
    if (slot.browser?.connected) return slot.browser;
    if (slot.browser) {
      // Disconnected but not yet noticed: make sure the process is gone before replacing it.
      const dead = slot.browser;
      slot.browser = undefined;
      slot.page = undefined;
      dead.process()?.kill('SIGKILL');
    }
    return this.start(slot);
  }

  private async pageOf(slot: Slot): Promise<Page> {
    const browser = await this.browserOf(slot);
    if (slot.page && !slot.page.isClosed()) return slot.page;
    const page = await browser.newPage();
    page.setDefaultTimeout(PRINT_TIMEOUT_MS);
    // The document is standalone: refuse every request that would leave it (data: URLs are not requests).
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      const url = request.url();
      if (url.startsWith('data:') || url === 'about:blank') void request.continue();
      else void request.abort('blockedbyclient');
    });
    slot.page = page;
    return page;
  }

  private async print(slot: Slot, html: string, options: PdfOptions): Promise<Uint8Array> {
    const page = await this.pageOf(slot);
    try {
      await page.setContent(html, { waitUntil: 'load', timeout: PRINT_TIMEOUT_MS });
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      const size = options.paper ? PAPER_MM[options.paper] : undefined;
      const [width, height] = size ? (options.landscape === false ? [size.width, size.height] : [size.height, size.width]) : [];
      const pdf = await page.pdf({
        ...(width && height ? { width: `${width}mm`, height: `${height}mm` } : { preferCSSPageSize: true }),
        printBackground: true,
        margin: { top: '0', right: '0', bottom: `${FOOTER_MM}mm`, left: '0' },
        timeout: PRINT_TIMEOUT_MS,
      });
      return new Uint8Array(pdf);
    } catch (error) {
      // A page in an unknown state is not reused.
      slot.page = undefined;
      await page.close().catch(() => undefined);
      throw error;
    }
  }

  private acquire(): Promise<Slot> {
    if (this.closed) return Promise.reject(new PdfPoolClosedError('Pencetak PDF sudah ditutup.'));
    const free = this.slots.find((slot) => !slot.busy);
    if (free) {
      free.busy = true;
      return Promise.resolve(free);
    }
    const queue = batchWork.getStore() ? this.waitingBatch : this.waiting;
    return new Promise((resolve, reject) => queue.push({ resolve, reject }));
  }

  private release(slot: Slot): void {
    const next = this.waiting.shift() ?? this.waitingBatch.shift();
    if (next) next.resolve(slot);
    else slot.busy = false;
  }
}
