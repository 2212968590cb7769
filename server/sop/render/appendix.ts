// The optional appendix page: the BPMN diagram as SVG (e.g. bpmn-js saveSVG), scaled to the page. The SVG is cleaned of
// what would run or fetch anything: prolog, doctype, scripts, foreignObject, event handlers and outside references,
// in links and in CSS (`url()` other than to a `#fragment` of the diagram itself, `@import`, `image-set()`), the CSP
// being a second wall, not the only one.
import { escapeHtml, mm } from './html-escape';

/** A CSS reference that is not to a fragment of the same document: `url(x)`, `url('x')`, `image-set(…)`. */
const OUTSIDE_CSS_REFERENCE = /url\(\s*(?!['"]?\s*#)[^)]*\)|image-set\s*\(|@import/i;

/** Decodes the character references an HTML parser would, so `u&#114;l(` is read as `url(`. */
function decodeReferences(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => safeFromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);?/g, (_, dec: string) => safeFromCodePoint(parseInt(dec, 10)))
    .replace(/&(lpar|rpar|lparen|rparen|colon|sol|bsol|quot|apos|num|amp);/gi, (_, name: string) =>
      ({ lpar: '(', rpar: ')', lparen: '(', rparen: ')', colon: ':', sol: '/', bsol: '\\', quot: '"', apos: "'", num: '#', amp: '&' })[name.toLowerCase()]!,
    );
}

function safeFromCodePoint(code: number): string {
  return Number.isInteger(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
}

/** CSS that may reach outside: an outside reference, or a CSS escape (`\75 rl(`) that could spell one. */
function cssReachesOut(css: string): boolean {
  const decoded = decodeReferences(css).replace(/\/\*[\s\S]*?\*\//g, '');
  return decoded.includes('\\') || OUTSIDE_CSS_REFERENCE.test(decoded);
}

export function cleanSvg(svg: string): string {
  return svg
    .replace(/<\?xml[^>]*\?>/gi, '')
    .replace(/<!DOCTYPE[^>]*>/gi, '')
    .replace(/<script[\s\S]*?<\/script\s*>/gi, '')
    .replace(/<foreignObject[\s\S]*?<\/foreignObject\s*>/gi, '')
    .replace(/<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi, (element, css: string) => (cssReachesOut(css) ? '' : element))
    .replace(/<style\b[^>]*\/>/gi, '')
    .replace(/\son[a-z]+\s*=\s*("[^"]*"|'[^']*')/gi, '')
    .replace(/\s(?:xlink:)?href\s*=\s*("(?!#|data:)[^"]*"|'(?!#|data:)[^']*')/gi, '')
    // Any attribute whose value, as the parser decodes it, holds an outside CSS reference: style="…", fill="url(…)",
    // filter, mask, clip-path, marker-*, and the like.
    .replace(/\s[A-Za-z_:][-A-Za-z0-9_:.]*\s*=\s*("[^"]*"|'[^']*')/g, (attribute, value: string) => (cssReachesOut(value.slice(1, -1)) ? '' : attribute))
    .replace(/@import[^;]*;/gi, '')
    .trim();
}

export function appendixPage(svg: string, width: number, heightMm: number, label: string): string {
  return [
    `<section class="page appendix" style="width:${mm(width)}mm;height:${mm(heightMm)}mm">`,
    '<h2>Lampiran: Diagram Proses (BPMN)</h2>',
    `<div class="diagram">${cleanSvg(svg)}</div>`,
    `<div class="page-label">${escapeHtml(label)}</div>`,
    '</section>',
  ].join('');
}
