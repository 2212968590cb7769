// Layout measures for browser tests at the office screen sizes (issue 15): element boxes, overlaps between them, a
// page that never scrolls as a whole, and one element shown whole — inside the window and every area that clips it,
// and not covered by the top bar, a panel or anything else drawn over it.
import type { Page } from 'puppeteer-core';
import { expect } from 'vitest';

/** 1024×768 projectors, 1366×768 laptops, 1920×1080 monitors. */
export const OFFICE_SCREENS = [
  { width: 1024, height: 768 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;

export interface Box {
  name: string;
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The boxes of the visible elements matching each selector, named by it (and their index when several match). */
export function boxes(page: Page, selectors: string[]): Promise<Box[]> {
  return page.evaluate((selectors: string[]) => {
    const found: Box[] = [];
    for (const selector of selectors) {
      const elements = [...document.querySelectorAll<HTMLElement>(selector)].filter((e) => e.checkVisibility() && e.getBoundingClientRect().width > 0);
      elements.forEach((element, index) => {
        const r = element.getBoundingClientRect();
        found.push({ name: elements.length > 1 ? `${selector}#${index}` : selector, left: r.left, top: r.top, right: r.right, bottom: r.bottom });
      });
    }
    return found;
  }, selectors);
}

/** Pairs of boxes that share more than a border line. */
export function overlaps(list: Box[]): string[] {
  const found: string[] = [];
  for (let i = 0; i < list.length; i++) {
    for (let j = i + 1; j < list.length; j++) {
      const a = list[i]!;
      const b = list[j]!;
      const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (x > 1 && y > 1) found.push(`${a.name} × ${b.name}`);
    }
  }
  return found;
}

/**
 * Nothing scrolls the page as a whole: the document fits the window and the top bar sits at its top; the page's own
 * area does not scroll either, unless `listScrolled` (a long list scrolls inside it, under the top bar).
 */
export async function expectNoPageScroll(page: Page, where: string, listScrolled = false): Promise<void> {
  const state = await page.evaluate(() => {
    const root = document.scrollingElement!;
    const header = document.querySelector('.app-header')!.getBoundingClientRect();
    return {
      scrollTop: root.scrollTop,
      overflowY: root.scrollHeight - root.clientHeight,
      overflowX: root.scrollWidth - root.clientWidth,
      headerTop: header.top,
      pageScrolled: document.querySelector('.page')!.scrollTop > 0,
    };
  });
  expect(state, where).toEqual({ scrollTop: 0, overflowY: 0, overflowX: 0, headerTop: 0, pageScrolled: listScrolled });
}

/**
 * What keeps the first element matching `selector` from being seen whole, in words ([] when nothing does): missing or
 * hidden, reaching out of the window or out of an ancestor that clips it (a scrolling list, a panel, a dialog), or
 * covered at its centre or near a corner by another element (the top bar, a docked panel, a control over the canvas).
 * With `reveal`, it is first scrolled into view inside its scrolling area, as a user would scroll to it.
 */
export function shownWhole(page: Page, selector: string, reveal = false): Promise<string[]> {
  return page.evaluate(
    (selector: string, reveal: boolean) => {
      const element = document.querySelector<HTMLElement>(selector);
      if (!element) return [`${selector}: not found`];
      if (!element.checkVisibility()) return [`${selector}: hidden`];
      if (reveal) element.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      const r = element.getBoundingClientRect();
      if (r.width < 1 || r.height < 1) return [`${selector}: empty box`];
      const problems: string[] = [];
      const px = (n: number) => Math.round(n);
      const describe = (e: Element) => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${e.className && typeof e.className === 'string' ? `.${e.className.trim().split(/\s+/).join('.')}` : ''}`;
      const outside = (a: DOMRect, b: { left: number; top: number; right: number; bottom: number }) =>
        a.left < b.left - 0.5 || a.top < b.top - 0.5 || a.right > b.right + 0.5 || a.bottom > b.bottom + 0.5;
      if (outside(r, { left: 0, top: 0, right: window.innerWidth, bottom: window.innerHeight })) {
        problems.push(`${selector}: [${px(r.left)}, ${px(r.top)}, ${px(r.right)}, ${px(r.bottom)}] outside the window ${window.innerWidth}×${window.innerHeight}`);
      }
      for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
        const style = getComputedStyle(parent);
        if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
        // The area the parent shows: its box within its borders, less the scrollbars.
        const p = parent.getBoundingClientRect();
        const area = { left: p.left + parent.clientLeft, top: p.top + parent.clientTop, right: p.left + parent.clientLeft + parent.clientWidth, bottom: p.top + parent.clientTop + parent.clientHeight };
        if (outside(r, area)) problems.push(`${selector}: clipped by ${describe(parent)}`);
      }
      // Hit-test the centre and points just inside each corner: the element, or something inside it, is on top.
      const inset = Math.min(4, r.width / 4, r.height / 4);
      const points: Array<[number, number]> = [
        [(r.left + r.right) / 2, (r.top + r.bottom) / 2],
        [r.left + inset, r.top + inset],
        [r.right - inset, r.top + inset],
        [r.left + inset, r.bottom - inset],
        [r.right - inset, r.bottom - inset],
      ];
      for (const [x, y] of points) {
        const top = document.elementFromPoint(x, y);
        if (top && top !== element && !element.contains(top)) problems.push(`${selector}: covered at (${px(x)}, ${px(y)}) by ${describe(top)}`);
      }
      return problems;
    },
    selector,
    reveal,
  );
}
