// Small Word packages crafted for the package reader's tests (issue 17): an SOP table (merged "Pelaksana" and
// "Mutu Baku" headers, exact column widths and row heights, floating at the page's top left) and the drawing given.
import { strToU8, zipSync } from 'fflate';

export const TWIP = 635;
/** Grid columns (twips): No, Kegiatan, performers…, Kelengkapan, Waktu, Output, Keterangan. */
export const wordGrid = (performers: number) => [600, 2400, ...Array.from({ length: performers }, () => 1800), 1400, 900, 1400, 1600];
export const HEADER_HEIGHTS = [400, 400];
export const ROW_HEIGHT = 1200;

const NS =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" ' +
  'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" ' +
  'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

const BORDERS = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((side) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`).join('');
const p = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const tc = (text: string, extra = '', content = '') => `<w:tc><w:tcPr>${extra}</w:tcPr>${p(text)}${content}</w:tc>`;

/** A cell's box on the page in EMU: grid column `col`, body row `row` (from 0). */
export function cellBox(performers: number, col: number, row: number) {
  const grid = wordGrid(performers);
  const x = grid.slice(0, col).reduce((a, b) => a + b, 0) * TWIP;
  const y = (HEADER_HEIGHTS[0]! + HEADER_HEIGHTS[1]! + row * ROW_HEIGHT) * TWIP;
  return { x, y, width: grid[col]! * TWIP, height: ROW_HEIGHT * TWIP };
}

export interface WordRow {
  no?: number;
  kegiatan: string;
  waktu?: string;
  /** Drawing markup put inside the cell of this performer column (index), e.g. an inline shape. */
  inCell?: { column: number; xml: string };
}

/**
 * `inFlow`: the table in the text's flow (not floating) after the paragraph holding `drawing`, on a page with margins
 * of `inFlow.margin` twips: its top one line (276 twips) below the margin, its left at the margin.
 */
export function wordPackage(performers: string[], rows: WordRow[], drawing: string, inFlow?: { margin: number }): Uint8Array {
  const n = performers.length;
  const grid = wordGrid(n);
  const merged = (text: string) => tc(text, '<w:vMerge w:val="restart"/>');
  const cont = () => tc('', '<w:vMerge/>');
  const header1 = `<w:tr><w:trPr><w:tblHeader/><w:trHeight w:val="${HEADER_HEIGHTS[0]}" w:hRule="exact"/></w:trPr>${merged('No')}${merged('Kegiatan')}${tc('Pelaksana', `<w:gridSpan w:val="${n}"/>`)}${tc('Mutu Baku', '<w:gridSpan w:val="3"/>')}${merged('Keterangan')}</w:tr>`;
  const header2 = `<w:tr><w:trPr><w:tblHeader/><w:trHeight w:val="${HEADER_HEIGHTS[1]}" w:hRule="exact"/></w:trPr>${cont()}${cont()}${performers.map((name) => tc(name)).join('')}${tc('Kelengkapan')}${tc('Waktu')}${tc('Output')}${cont()}</w:tr>`;
  const body = rows
    .map((row) => {
      const cells = performers.map((_, i) => (row.inCell?.column === i ? tc('', '', `<w:p>${row.inCell.xml}</w:p>`) : tc('')));
      return `<w:tr><w:trPr><w:trHeight w:val="${ROW_HEIGHT}" w:hRule="exact"/></w:trPr>${tc(row.no ? String(row.no) : '')}${tc(row.kegiatan)}${cells.join('')}${tc('')}${tc(row.waktu ?? '')}${tc('')}${tc('')}</w:tr>`;
    })
    .join('');
  const table =
    `<w:tbl><w:tblPr>${inFlow ? '' : '<w:tblpPr w:vertAnchor="page" w:horzAnchor="page" w:tblpX="0" w:tblpY="0"/>'}<w:tblBorders>${BORDERS}</w:tblBorders><w:tblLayout w:type="fixed"/></w:tblPr>` +
    `<w:tblGrid>${grid.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>${header1}${header2}${body}</w:tbl>`;
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${NS}><w:body><w:p>${drawing}</w:p>${table}<w:p/><w:sectPr><w:pgSz w:w="16838" w:h="11906"/><w:pgMar w:top="${inFlow?.margin ?? 0}" w:left="${inFlow?.margin ?? 0}" w:right="0" w:bottom="0"/></w:sectPr></w:body></w:document>`;
  return zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'),
    '_rels/.rels': strToU8('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'),
    'word/document.xml': strToU8(document),
  });
}

let serial = 100;
interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
const anchorOpen = (box: Box, id: number, from: 'page' | 'paragraph' = 'page') =>
  `<w:r><w:drawing><wp:anchor simplePos="0" relativeHeight="1" behindDoc="0" locked="0" layoutInCell="0" allowOverlap="1"><wp:simplePos x="0" y="0"/>` +
  `<wp:positionH relativeFrom="${from === 'page' ? 'page' : 'column'}"><wp:posOffset>${Math.round(box.x)}</wp:posOffset></wp:positionH><wp:positionV relativeFrom="${from}"><wp:posOffset>${Math.round(box.y)}</wp:posOffset></wp:positionV>` +
  `<wp:extent cx="${Math.round(box.width)}" cy="${Math.round(box.height)}"/><wp:wrapNone/><wp:docPr id="${id}" name="s${id}"/><a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">`;
const anchorClose = '</a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>';

/** A flowchart symbol floating over the page at `box` (EMU), or at `box` from its paragraph's column and top. */
export function floatingSymbol(box: Box, preset: string, id = ++serial, from: 'page' | 'paragraph' = 'page'): string {
  return `${anchorOpen(box, id, from)}<wps:wsp><wps:cNvSpPr/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${Math.round(box.width)}" cy="${Math.round(box.height)}"/></a:xfrm><a:prstGeom prst="${preset}"><a:avLst/></a:prstGeom><a:ln w="6350"/></wps:spPr><wps:bodyPr/></wps:wsp>${anchorClose}`;
}

/** The same symbol inline in a cell's paragraph. */
export function inlineSymbol(width: number, height: number, preset: string, id = ++serial): string {
  return (
    `<w:r><w:drawing><wp:inline><wp:extent cx="${width}" cy="${height}"/><wp:docPr id="${id}" name="s${id}"/><a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">` +
    `<wps:wsp><wps:cNvSpPr/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${width}" cy="${height}"/></a:xfrm><a:prstGeom prst="${preset}"><a:avLst/></a:prstGeom><a:ln w="6350"/></wps:spPr><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`
  );
}

/** A connector from `start` to `end` (EMU), a preset line or elbow, glued when ids are given, arrowhead at its end. */
export function connector(start: { x: number; y: number }, end: { x: number; y: number }, options: { preset?: string; glue?: [number, number, number, number]; head?: boolean } = {}): string {
  const box = { x: Math.min(start.x, end.x), y: Math.min(start.y, end.y), width: Math.abs(end.x - start.x) || 1, height: Math.abs(end.y - start.y) || 1 };
  const flip = `${end.x < start.x ? ' flipH="1"' : ''}${end.y < start.y ? ' flipV="1"' : ''}`;
  const glue = options.glue ? `<a:stCxn id="${options.glue[0]}" idx="${options.glue[1]}"/><a:endCxn id="${options.glue[2]}" idx="${options.glue[3]}"/>` : '';
  return (
    `${anchorOpen(box, ++serial)}<wps:wsp><wps:cNvCnPr>${glue}</wps:cNvCnPr><wps:spPr><a:xfrm${flip}><a:off x="0" y="0"/><a:ext cx="${Math.round(box.width)}" cy="${Math.round(box.height)}"/></a:xfrm>` +
    `<a:prstGeom prst="${options.preset ?? 'straightConnector1'}"><a:avLst/></a:prstGeom><a:ln w="6350">${options.head === false ? '' : '<a:tailEnd type="triangle"/>'}</a:ln></wps:spPr><wps:bodyPr/></wps:wsp>${anchorClose}`
  );
}

/**
 * A connector as LibreOffice Writer writes one glued to shapes into .docx: its DrawingML anchor 1 mm wide with offsets
 * that are not its route (relative to the column and paragraph), the path's size and flips only in a:xfrm, no glue;
 * the VML fallback (mc:Fallback) holds its bounds on the page and its flips.
 */
export function writerConnector(start: { x: number; y: number }, end: { x: number; y: number }, preset = 'bentConnector3'): string {
  const box = { x: Math.min(start.x, end.x), y: Math.min(start.y, end.y), width: Math.abs(end.x - start.x), height: Math.abs(end.y - start.y) };
  const flip = `${end.x < start.x ? ' flipH="1"' : ''}${end.y < start.y ? ' flipV="1"' : ''}`;
  const vmlFlip = `${end.x < start.x ? 'x' : ''}${end.y < start.y ? 'y' : ''}`;
  const pt = (emu: number) => `${(emu / 12700).toFixed(2)}pt`;
  const id = ++serial;
  return (
    `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor simplePos="0" relativeHeight="1" behindDoc="1" locked="0" layoutInCell="0" allowOverlap="1"><wp:simplePos x="0" y="0"/>` +
    `<wp:positionH relativeFrom="column"><wp:posOffset>${Math.round(box.x) + 7_000_000}</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>${Math.round(box.y) + 9_000_000}</wp:posOffset></wp:positionV>` +
    `<wp:extent cx="36195" cy="36195"/><wp:wrapNone/><wp:docPr id="${id}" name="Shape${id}"/><a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">` +
    `<wps:wsp><wps:cNvCnPr/><wps:spPr><a:xfrm${flip}><a:off x="0" y="0"/><a:ext cx="${Math.round(box.width)}" cy="${Math.round(box.height)}"/></a:xfrm><a:prstGeom prst="${preset}"><a:avLst/></a:prstGeom>` +
    `<a:ln w="6480"><a:tailEnd type="triangle"/></a:ln></wps:spPr><wps:bodyPr/></wps:wsp>${anchorClose.replace('</w:r>', '')}</mc:Choice>` +
    `<mc:Fallback><w:pict><v:shape id="shape_${id}" type="_x0000_t32" style="position:absolute;margin-left:${pt(box.x)};margin-top:${pt(box.y)};width:${pt(box.width)};height:${pt(box.height)}${vmlFlip ? `;flip:${vmlFlip}` : ''}"><v:stroke endarrow="block"/></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>`
  );
}

/** A text box without an outline: an arrow's label. */
export function labelBox(box: Box, text: string): string {
  return (
    `${anchorOpen(box, ++serial)}<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${Math.round(box.width)}" cy="${Math.round(box.height)}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/><a:ln><a:noFill/></a:ln></wps:spPr>` +
    `<wps:txbx><w:txbxContent><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp>${anchorClose}`
  );
}

// ----------------------------------------------------------------------------------------------------- spreadsheets

/** Sheet columns are 20 characters wide (145 px as Excel draws them), body rows 40 pt tall, the others 15 pt. */
export const SHEET_COLUMN = 145 * 9525;
export const SHEET_ROW = { body: 40 * 12700, other: 15 * 12700 };

export interface SheetCell {
  ref: string;
  text: string;
}

/**
 * A workbook of one sheet: the cells given (inline strings), merged ranges, rows from `bodyFrom` (zero-based) 40 pt
 * tall, and a drawing part with the anchors given (xdr:twoCellAnchor / oneCellAnchor markup).
 */
export function sheetPackage(cells: SheetCell[], merges: string[], bodyFrom: number, anchors: string): Uint8Array {
  const byRow = new Map<number, SheetCell[]>();
  for (const cell of cells) {
    const row = Number(/\d+/.exec(cell.ref)![0]);
    byRow.set(row, [...(byRow.get(row) ?? []), cell]);
  }
  const lastRow = Math.max(...byRow.keys());
  const rows = Array.from({ length: lastRow }, (_, i) => i + 1)
    .map((r) => `<row r="${r}" ht="${r - 1 >= bodyFrom ? 40 : 15}" customHeight="1">${(byRow.get(r) ?? []).map((c) => `<c r="${c.ref}" t="inlineStr"><is><t>${c.text}</t></is></c>`).join('')}</row>`)
    .join('');
  const sheet =
    `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
    `<sheetFormatPr defaultRowHeight="15"/><cols><col min="1" max="20" width="20" customWidth="1"/></cols><sheetData>${rows}</sheetData>` +
    `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells><drawing r:id="rIdD"/></worksheet>`;
  const drawing = `<?xml version="1.0" encoding="UTF-8"?><xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">${anchors}</xdr:wsDr>`;
  const rel = (id: string, type: string, target: string) => `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/>`;
  const rels = (body: string) => strToU8(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${body}</Relationships>`);
  return zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>'),
    '_rels/.rels': rels(rel('rId1', 'officeDocument', 'xl/workbook.xml')),
    'xl/workbook.xml': strToU8('<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="SOP" sheetId="1" r:id="rIdS"/></sheets></workbook>'),
    'xl/_rels/workbook.xml.rels': rels(rel('rIdS', 'worksheet', 'worksheets/sheet1.xml')),
    'xl/worksheets/sheet1.xml': strToU8(sheet),
    'xl/worksheets/_rels/sheet1.xml.rels': rels(rel('rIdD', 'drawing', '../drawings/drawing1.xml')),
    'xl/drawings/drawing1.xml': strToU8(drawing),
  });
}

/** A sheet point (EMU) as an anchor's cell and offset, given the rows' edges. */
export function sheetPoint(x: number, y: number, rowEdges: number[]): string {
  const col = Math.floor(x / SHEET_COLUMN);
  const row = Math.max(0, rowEdges.findIndex((edge, i) => y >= edge && y < (rowEdges[i + 1] ?? Infinity)));
  return `<xdr:col>${col}</xdr:col><xdr:colOff>${Math.round(x - col * SHEET_COLUMN)}</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>${Math.round(y - rowEdges[row]!)}</xdr:rowOff>`;
}

/** A shape or connector anchored to the cells it covers, its frame (a:xfrm) where it is drawn. */
export function sheetAnchor(box: { x: number; y: number; width: number; height: number }, rowEdges: number[], body: (xfrm: (flip?: string) => string) => string): string {
  const xfrm = (flip = '') => `<a:xfrm${flip}><a:off x="${Math.round(box.x)}" y="${Math.round(box.y)}"/><a:ext cx="${Math.round(box.width)}" cy="${Math.round(box.height)}"/></a:xfrm>`;
  return `<xdr:twoCellAnchor><xdr:from>${sheetPoint(box.x, box.y, rowEdges)}</xdr:from><xdr:to>${sheetPoint(box.x + box.width, box.y + box.height, rowEdges)}</xdr:to>${body(xfrm)}<xdr:clientData/></xdr:twoCellAnchor>`;
}
