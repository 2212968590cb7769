// The optional appendix page: the BPMN diagram as SVG (e.g. bpmn-js saveSVG), scaled to the page. The SVG is cleaned of
// what would run or fetch anything: prolog, doctype, scripts, foreignObject, event handlers and outside references.
import { escapeHtml, mm } from './html-escape';

export function cleanSvg(svg: string): string {
  return svg
    .replace(/<\?xml[^>]*\?>/gi, '')
    .replace(/<!DOCTYPE[^>]*>/gi, '')
    .replace(/<script[\s\S]*?<\/script\s*>/gi, '')
    .replace(/<foreignObject[\s\S]*?<\/foreignObject\s*>/gi, '')
    .replace(/\son[a-z]+\s*=\s*("[^"]*"|'[^']*')/gi, '')
    .replace(/\s(?:xlink:)?href\s*=\s*("(?!#|data:)[^"]*"|'(?!#|data:)[^']*')/gi, '')
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
