// Opening a map fits it before the browser first lays the drawing out (client/src/diagram/viewport.ts, issue 16): every
// layout the page forces while the diagram is on the canvas happens at the fitted scale, and the view is the one the
// Fit button gives, which covers what is drawn.
import type { Browser } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { launchBrowser, openPage, useSession } from '../helpers/browser';
import { startTestServer } from '../helpers/server';

const server = await startTestServer();
const browser = await launchBrowser();

const UNIT = 'Sekretariat Daerah';
const byTestId = (id: string) => `[data-testid="${id}"]`;

/**
 * Injected before the page's scripts: each read that makes the browser lay the page out (an element's clientWidth or
 * clientHeight, an SVG element's getBBox) while the canvas holds shapes records the diagram's scale at that moment.
 */
const RECORD_LAYOUT_SCALES = `(() => {
  window.__layoutScales = [];
  const scale = () => {
    const viewport = document.querySelector('[data-testid="modeler-canvas"] svg > g.viewport');
    if (!viewport || !viewport.querySelector('.djs-shape')) return;
    const transform = viewport.transform.baseVal.consolidate();
    window.__layoutScales.push(transform ? transform.matrix.a : 1);
  };
  for (const [proto, name] of [[Element.prototype, 'clientWidth'], [Element.prototype, 'clientHeight']]) {
    const { get } = Object.getOwnPropertyDescriptor(proto, name);
    Object.defineProperty(proto, name, { configurable: true, get() { scale(); return get.call(this); } });
  }
  const getBBox = SVGGraphicsElement.prototype.getBBox;
  SVGGraphicsElement.prototype.getBBox = function (...args) { scale(); return getBBox.apply(this, args); };
})()`;

describe('opening a map', () => {
  it('lays the diagram out at its fitted scale only, in the view the Fit button gives, covering all that is drawn', async () => {
    const penyusun = await server.userWith(['penyusun'], UNIT, 'penyusun');
    const created = await server.admin.api('/api/maps', { method: 'POST', json: { name: 'Mekanisme kerja Setda', templateId: 'mk-setda', unit: UNIT } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const errors: string[] = [];
    const context = await browser.createBrowserContext();
    const page = await openPage(context as unknown as Browser, errors);
    await useSession(page, server.url, penyusun.sessionCookie);
    await page.evaluateOnNewDocument(RECORD_LAYOUT_SCALES);
    await page.goto(`${server.url}/#/peta/${created.body.map.id as string}`);
    await page.waitForSelector(`${byTestId('modeler-canvas')} svg .djs-shape`);
    await page.waitForSelector(byTestId('zoom-fit'));

    const transform = () => page.$eval(`${byTestId('modeler-canvas')} svg > g.viewport`, (g) => g.getAttribute('transform'));
    const opened = await page.evaluate(() => {
      const canvas = window.petakerja!.modeler.get<import('diagram-js/lib/core/Canvas').default>('canvas');
      const viewport = canvas.getContainer().querySelector<SVGGElement>('svg > g.viewport')!;
      return { scale: viewport.transform.baseVal.consolidate()!.matrix.a, scales: (window as unknown as { __layoutScales: number[] }).__layoutScales };
    });
    // bpmn-js itself measures the canvas once the shapes are in (its overlays, on root.set): so this is never empty.
    expect(opened.scales.length).toBeGreaterThan(0);
    expect(opened.scale).toBeLessThan(1);
    expect(new Set(opened.scales)).toEqual(new Set([opened.scale]));

    // The Fit button gives the same view.
    const fitted = await transform();
    await page.click(byTestId('zoom-in'));
    expect(await transform()).not.toBe(fitted);
    await page.click(byTestId('zoom-fit'));
    expect(await transform()).toBe(fitted);

    // On a library map the elements' bounds the fit reads (shapes, labels, waypoints) are what the SVG covers.
    const extents = await page.evaluate(() => {
      const modeler = window.petakerja!.modeler;
      const canvas = modeler.get<import('diagram-js/lib/core/Canvas').default>('canvas');
      const root = canvas.getRootElement();
      const rootOf = (element: import('diagram-js/lib/model/Types').Element) => {
        while (element.parent) element = element.parent;
        return element;
      };
      const xs: number[] = [];
      const ys: number[] = [];
      for (const element of modeler.get<import('diagram-js/lib/core/ElementRegistry').default>('elementRegistry').getAll() as import('diagram-js/lib/model/Types').Element[]) {
        if (element === root || rootOf(element) !== root) continue;
        for (const point of (element.waypoints as { x: number; y: number }[] | undefined) ?? [{ x: element.x, y: element.y }, { x: element.x + element.width, y: element.y + element.height }]) {
          xs.push(point.x);
          ys.push(point.y);
        }
      }
      const box = (canvas.getActiveLayer() as unknown as SVGGraphicsElement).getBBox();
      return {
        svg: [box.x, box.y, box.width, box.height].map(Math.round),
        elements: [Math.min(...xs), Math.min(...ys), Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys)].map(Math.round),
      };
    });
    expect(extents.elements).toEqual(extents.svg);
    expect(errors).toEqual([]);
    await context.close();
  });
});
