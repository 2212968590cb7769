// A procedure page of the SOP (SOP-FORMAT.md §2) drawn from the layout model (server/sop/layout/): the table's grid,
// the symbols and the arrows as one SVG in page millimetres, the texts of the header and the rows as positioned HTML
// boxes above it (real text that wraps, in the layout's typography).
import type { Arrow, FlowSymbol, Page, SopDocument, TextCell } from '../layout/document.schema';
import { EM_SHARE, FRAME_RULE_MM } from '../layout/page-geometry';
import { escapeHtml, mm } from './html-escape';

const LINE = 0.25;
const SYMBOL_LINE = 0.35;
const ARROW_LINE = 0.3;
const FRAME_RULE_LINE = 0.3;

/** Text with break opportunities after slashes ("Fungsional/Pelaksana"), which no hyphenation finds. */
const breakable = (text: string): string => escapeHtml(text).replace(/\//g, '/<wbr>');

const LEAST_SCALE = 0.7;
export const HEADER_PADDING_X_MM = 0.6;

/**
 * The font scale at which the longest word of a cell fits its width. The layout estimates heights with a mean letter
 * width, so a long word in a narrow column (a performer "Fungsional/Pelaksana" on portrait paper) would otherwise be
 * broken inside a word and overflow the cell's height; such a cell prints its text smaller instead.
 */
export function fitScale(text: string, width: number, bold: boolean, paddingMm: number, document: SopDocument): number {
  const { fontSizeMm } = document.typography;
  const room = width - 2 * paddingMm;
  const longest = Math.max(0, ...text.split(/[\s/]+/).map((word) => word.length + 1));
  const needed = longest * fontSizeMm * (bold ? EM_SHARE.bold : EM_SHARE.regular);
  return needed <= room ? 1 : Math.max(LEAST_SCALE, room / needed);
}

function cellBox(cell: TextCell, className: string, document: SopDocument): string {
  const { paddingMm, fontSizeMm, lineHeightMm } = document.typography;
  // Rules of the sub-processes the row lies in take the left of the cell; the text stands right of them.
  const ruled = (cell.depth ?? 0) * FRAME_RULE_MM;
  // A header's centred name takes the cell's width less a narrow margin: a performer's one long word ("Verifikator")
  // in a narrow column then prints at full size or nearly.
  const padX = className === 'header' ? Math.min(paddingMm, HEADER_PADDING_X_MM) : paddingMm;
  const scale = fitScale(cell.text, cell.width - ruled, cell.bold, padX, document);
  const font = scale < 1 ? `;font-size:${mm(fontSizeMm * scale)}mm;line-height:${mm(lineHeightMm * scale)}mm` : '';
  const style = `left:${mm(cell.x)}mm;top:${mm(cell.y)}mm;width:${mm(cell.width)}mm;height:${mm(cell.height)}mm;padding:${mm(Math.min(paddingMm, cell.height / 4))}mm ${mm(padX)}mm${ruled > 0 ? `;padding-left:${mm(padX + ruled)}mm` : ''}${font}`;
  const text = cell.heading ? `<div class="frame-heading">${breakable(cell.heading)}</div><div>${breakable(cell.text)}</div>` : breakable(cell.text);
  return `<div class="cell ${className} ${cell.align}${cell.bold ? ' bold' : ''}" style="${style}">${text}</div>`;
}

/** The rules of the sub-processes down the left of Kegiatan cells: joined across rows, they bracket each sub-process. */
function frameRules(page: Page): string {
  const lines = page.cells.flatMap((cell) =>
    Array.from({ length: cell.depth ?? 0 }, (_, level) => {
      const x = cell.x + FRAME_RULE_MM * (level + 0.6);
      return `<line x1="${mm(x)}" y1="${mm(cell.y)}" x2="${mm(x)}" y2="${mm(cell.y + cell.height)}"/>`;
    }),
  );
  return lines.length > 0 ? `<g class="frame-rules" stroke="#777" stroke-width="${FRAME_RULE_LINE}">${lines.join('')}</g>` : '';
}

const rect = (x: number, y: number, width: number, height: number, extra = ''): string =>
  `<rect x="${mm(x)}" y="${mm(y)}" width="${mm(width)}" height="${mm(height)}"${extra}/>`;

/** The grid: every header cell, and every column of every band of the body. */
function grid(page: Page, document: SopDocument): string {
  const parts = page.header.map((cell) => rect(cell.x, cell.y, cell.width, cell.height, ' fill="#e6e6e6"'));
  for (const band of page.bands) {
    for (const column of document.table.columns) parts.push(rect(column.x, band.y, column.width, band.height, ' fill="none"'));
  }
  return `<g class="grid" stroke="#000" stroke-width="${LINE}">${parts.join('')}</g>`;
}

/** One of the four SOP AP symbols with a box (the fifth is the arrow). */
export function symbolSvg(symbol: FlowSymbol): string {
  const { x, y, width: w, height: h } = symbol;
  const data = `data-kind="${symbol.kind}"${symbol.row === undefined ? '' : ` data-row="${symbol.row}"`}`;
  switch (symbol.kind) {
    case 'terminator':
      return `<rect class="symbol" ${data} x="${mm(x)}" y="${mm(y)}" width="${mm(w)}" height="${mm(h)}" rx="${mm(h / 2)}" ry="${mm(h / 2)}"/>`;
    case 'process':
      return `<rect class="symbol" ${data} x="${mm(x)}" y="${mm(y)}" width="${mm(w)}" height="${mm(h)}"/>`;
    case 'decision': {
      const points = [[x + w / 2, y], [x + w, y + h / 2], [x + w / 2, y + h], [x, y + h / 2]];
      return `<polygon class="symbol" ${data} points="${points.map(([px, py]) => `${mm(px!)},${mm(py!)}`).join(' ')}"/>`;
    }
    case 'off-page-connector': {
      // The pentagon pointing down (segilima), its letter inside.
      const points = [[x, y], [x + w, y], [x + w, y + h * 0.62], [x + w / 2, y + h], [x, y + h * 0.62]];
      const size = Math.min(h * 0.42, w * 0.5, 3.4);
      return [
        `<g class="symbol" ${data} data-connector="${escapeHtml(symbol.connector?.direction ?? '')}">`,
        `<polygon points="${points.map(([px, py]) => `${mm(px!)},${mm(py!)}`).join(' ')}"/>`,
        `<text x="${mm(x + w / 2)}" y="${mm(y + h * 0.36 + size * 0.36)}" font-size="${mm(size)}" font-weight="bold" text-anchor="middle" fill="#000" stroke="none">${escapeHtml(symbol.text)}</text>`,
        '</g>',
      ].join('');
    }
  }
}

function arrowSvg(arrow: Arrow, marker: string): string {
  const points = arrow.points.map((p) => `${mm(p.x)},${mm(p.y)}`).join(' ');
  const dash = arrow.message ? ` stroke-dasharray="1.2 0.8"` : '';
  const line = `<polyline class="arrow" data-from="${escapeHtml(arrow.from)}" data-to="${escapeHtml(arrow.to)}" points="${points}" fill="none" stroke="#000" stroke-width="${ARROW_LINE}"${dash} marker-end="url(#${marker})"/>`;
  const label = arrow.label;
  if (!label) return line;
  // The layout placed the label in a box of one cell, clear of every line; a white ground keeps the grid's texture
  // off it. Not a stroked halo, which Chromium prints as a second copy of the text (pdftotext would read it twice).
  const { box } = label;
  const ground = rect(box.x, box.y, box.width, box.height, ' fill="#fff" stroke="none"');
  const lines = label.lines
    .map((text, i) => `<tspan x="${mm(label.x)}" y="${mm(label.y + i * label.lineHeightMm)}">${escapeHtml(text)}</tspan>`)
    .join('');
  const text = `<text class="arrow-label" data-box="${mm(box.x)} ${mm(box.y)} ${mm(box.width)} ${mm(box.height)}" font-size="${mm(label.fontSizeMm)}" font-style="italic" fill="#000">${lines}</text>`;
  return line + ground + text;
}

export interface PageFrame {
  /** Height of the printed area of the page (the paper less the footer's band). */
  heightMm: number;
  label: string;
  title: string;
}

export function procedurePage(page: Page, document: SopDocument, frame: PageFrame): string {
  const { width, height } = document.paper;
  const { fontSizeMm, lineHeightMm } = document.typography;
  const marker = `arrowhead-${page.number}`;
  const svg = [
    `<svg class="frame" xmlns="http://www.w3.org/2000/svg" width="${mm(width)}mm" height="${mm(height)}mm" viewBox="0 0 ${mm(width)} ${mm(height)}">`,
    `<defs><marker id="${marker}" viewBox="0 0 6 6" refX="6" refY="3" markerWidth="2.2" markerHeight="2.2" markerUnits="userSpaceOnUse" orient="auto"><path d="M0,0 L6,3 L0,6 z" fill="#000"/></marker></defs>`,
    grid(page, document),
    frameRules(page),
    `<g class="arrows">${page.arrows.map((arrow) => arrowSvg(arrow, marker)).join('')}</g>`,
    `<g class="symbols" fill="#fff" stroke="#000" stroke-width="${SYMBOL_LINE}">${page.symbols.map(symbolSvg).join('')}</g>`,
    '</svg>',
  ].join('');
  const titleTop = Math.max(1, document.table.y - 6);
  const title = `<div class="title" style="left:${mm(document.table.x)}mm;top:${mm(titleTop)}mm;width:${mm(document.table.width)}mm">${escapeHtml(frame.title)}</div>`;
  const cells = [...page.header.map((cell) => cellBox(cell, 'header', document)), ...page.cells.map((cell) => cellBox(cell, 'body', document))].join('');
  const style = `width:${mm(width)}mm;height:${mm(frame.heightMm)}mm;font-size:${mm(fontSizeMm)}mm;line-height:${mm(lineHeightMm)}mm`;
  return `<section class="page procedure" data-page="${page.number}" style="${style}">${svg}${document.table.y >= 7 ? title : ''}${cells}<div class="page-label">${escapeHtml(frame.label)}</div></section>`;
}
