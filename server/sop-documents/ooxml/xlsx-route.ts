// An Excel package read straight from its parts (issue 17): the sheet's cells (shared strings, merged cells) give
// the table, the sheet's drawing part gives the flowchart — shapes anchored to cells (twoCellAnchor, oneCellAnchor,
// absoluteAnchor), connectors glued between them, lines with arrowheads, text boxes as labels.
import { drawingShapes, type Box, type DrawnShape } from './drawing-shapes';
import type { PlacedTable } from './flowchart-table';
import type { PackageParts } from './package-parts';
import { at, child, children, descendants, num, type XmlNode } from './xml-node';
import { tableLayout, type MatrixCell } from './table-header';
import { identityOfCells } from './identity-runs';
import type { SopIdentityDraft } from '../../sop/identity.schema';

const EMU_PER_PX = 9525;
const EMU_PER_PT = 12700;

/** "C12" → zero-based column and row. */
function cellRef(ref: string): { col: number; row: number } | undefined {
  const m = /^([A-Z]+)(\d+)$/.exec(ref.toUpperCase());
  if (!m) return undefined;
  const col = [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return { col, row: Number(m[2]) - 1 };
}

const richText = (si: XmlNode) => descendants(si, 's:t').map((t) => t.text).join('');

/** Column edges (EMU) from the sheet's column widths in characters (Excel: 7 px a character and 5 px padding). */
function columnEdges(sheet: XmlNode, count: number): number[] {
  const format = child(sheet, 's:sheetFormatPr');
  const fallback = num(format?.attrs.defaultColWidth, num(format?.attrs.baseColWidth, 8) + 0.43);
  const widths = Array.from({ length: count }, () => fallback);
  for (const col of children(child(sheet, 's:cols'), 's:col')) {
    for (let i = num(col.attrs.min, 1) - 1; i < Math.min(count, num(col.attrs.max, 1)); i++) widths[i] = num(col.attrs.width, fallback);
  }
  const edges = [0];
  for (const width of widths) edges.push(edges.at(-1)! + Math.round(width * 7 + 5) * EMU_PER_PX);
  return edges;
}

function rowEdges(sheet: XmlNode, count: number): number[] {
  const fallback = num(child(sheet, 's:sheetFormatPr')?.attrs.defaultRowHeight, 15);
  const heights = Array.from({ length: count }, () => fallback);
  for (const row of children(child(sheet, 's:sheetData'), 's:row')) {
    const r = num(row.attrs.r) - 1;
    if (r >= 0 && r < count && row.attrs.ht) heights[r] = num(row.attrs.ht, fallback);
  }
  const edges = [0];
  for (const height of heights) edges.push(edges.at(-1)! + height * EMU_PER_PT);
  return edges;
}

/** The sheet's cells as a grid of merged cells with their texts. */
function sheetCells(sheet: XmlNode, strings: string[]): MatrixCell[] {
  const merges = children(child(sheet, 's:mergeCells'), 's:mergeCell').flatMap((m) => {
    const [a, b] = (m.attrs.ref ?? '').split(':').map(cellRef);
    return a && b ? [{ col: a.col, row: a.row, colSpan: b.col - a.col + 1, rowSpan: b.row - a.row + 1 }] : [];
  });
  const covered = (col: number, row: number) => merges.some((m) => col >= m.col && col < m.col + m.colSpan && row >= m.row && row < m.row + m.rowSpan && (col !== m.col || row !== m.row));
  const cells: MatrixCell[] = [];
  for (const row of children(child(sheet, 's:sheetData'), 's:row')) {
    for (const c of children(row, 's:c')) {
      const ref = cellRef(c.attrs.r ?? '');
      if (!ref || covered(ref.col, ref.row)) continue;
      const v = child(c, 's:v')?.text ?? '';
      const text = c.attrs.t === 's' ? (strings[Number(v)] ?? '') : c.attrs.t === 'inlineStr' ? richText(child(c, 's:is') ?? c) : v;
      const merge = merges.find((m) => m.col === ref.col && m.row === ref.row);
      cells.push({ row: ref.row, col: ref.col, colSpan: merge?.colSpan ?? 1, rowSpan: merge?.rowSpan ?? 1, paragraphs: text.split(/\r?\n/) });
    }
  }
  return cells.sort((a, b) => a.row - b.row || a.col - b.col);
}

/** An anchor's box in EMU from the sheet's top left. */
function anchorBox(anchor: XmlNode, colX: number[], rowY: number[]): Box | undefined {
  const point = (node: XmlNode | undefined) => {
    if (!node) return undefined;
    const col = num(child(node, 'xdr:col')?.text);
    const row = num(child(node, 'xdr:row')?.text);
    const x = (colX[Math.min(col, colX.length - 1)] ?? 0) + num(child(node, 'xdr:colOff')?.text);
    const y = (rowY[Math.min(row, rowY.length - 1)] ?? 0) + num(child(node, 'xdr:rowOff')?.text);
    return { x, y };
  };
  const from = point(child(anchor, 'xdr:from'));
  const ext = child(anchor, 'xdr:ext');
  if (anchor.name === 'xdr:twoCellAnchor') {
    const to = point(child(anchor, 'xdr:to'));
    return from && to ? { x: from.x, y: from.y, width: to.x - from.x, height: to.y - from.y } : undefined;
  }
  if (anchor.name === 'xdr:oneCellAnchor') return from && ext ? { ...from, width: num(ext.attrs.cx), height: num(ext.attrs.cy) } : undefined;
  const pos = child(anchor, 'xdr:pos');
  return pos && ext ? { x: num(pos.attrs.x), y: num(pos.attrs.y), width: num(ext.attrs.cx), height: num(ext.attrs.cy) } : undefined;
}

interface Frame {
  /** The unrotated frame (a:off, a:ext). */
  box: Box;
  /** What it covers turned (rot): the bounds an anchor holds. */
  bounds: Box;
}

/** A shape's frame from its a:xfrm, in the drawing's EMU. */
function frameOf(xfrm: XmlNode | undefined): Frame | undefined {
  const off = child(xfrm, 'a:off');
  const ext = child(xfrm, 'a:ext');
  if (!off || !ext) return undefined;
  const box = { x: num(off.attrs.x), y: num(off.attrs.y), width: num(ext.attrs.cx), height: num(ext.attrs.cy) };
  const quarter = Math.round(num(xfrm!.attrs.rot) / 5400000) % 2 !== 0;
  const bounds = quarter ? { x: box.x + (box.width - box.height) / 2, y: box.y + (box.height - box.width) / 2, width: box.height, height: box.width } : box;
  return { box, bounds };
}

/** Edges of the grid a shape's anchor and frame say: [index, position] for its from and to cells (shapes only). */
function edgeEstimates(anchor: XmlNode, frame: Frame, axis: 'col' | 'row'): Array<[number, number]> {
  // A connector's anchor may hold its route's bounds rather than its frame's: only shapes calibrate.
  if (!anchor.children.some((c) => c.name === 'xdr:sp') || anchor.name === 'xdr:absoluteAnchor') return [];
  const read = (point: XmlNode | undefined, edge: number): Array<[number, number]> => {
    if (!point) return [];
    const index = num(child(point, `xdr:${axis}`)?.text);
    const offset = num(child(point, axis === 'col' ? 'xdr:colOff' : 'xdr:rowOff')?.text);
    return [[index, edge - offset]];
  };
  const { bounds } = frame;
  const start = axis === 'col' ? bounds.x : bounds.y;
  const end = axis === 'col' ? bounds.x + bounds.width : bounds.y + bounds.height;
  return [...read(child(anchor, 'xdr:from'), start), ...(anchor.name === 'xdr:twoCellAnchor' ? read(child(anchor, 'xdr:to'), end) : [])];
}

/** Grid edges from the sizes, moved to where the shapes say they are; edges in between keep their sizes. */
function calibrated(edges: number[], estimates: Array<[number, number]>): number[] {
  const said = new Map<number, number[]>();
  for (const [index, position] of estimates) if (index < edges.length) said.set(index, [...(said.get(index) ?? []), position]);
  const known = new Map([...said].map(([index, values]) => [index, values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!]));
  if (known.size === 0) return edges;
  const sizes = edges.slice(1).map((e, i) => e - edges[i]!);
  const result = [...edges];
  const first = Math.min(...known.keys());
  result[first] = known.get(first)!;
  for (let i = first + 1; i < edges.length; i++) result[i] = known.get(i) ?? result[i - 1]! + sizes[i - 1]!;
  for (let i = first - 1; i >= 0; i--) result[i] = result[i + 1]! - sizes[i]!;
  return result;
}

/** The flowchart tables of a workbook: each sheet with the SOP table in its cells, with its drawing's shapes. */
export function xlsxTables(parts: PackageParts): { tables: PlacedTable[]; identity: SopIdentityDraft } {
  const workbook = 'xl/workbook.xml';
  const rels = parts.relationships(workbook);
  const sharedPart = [...rels.values()].find((r) => r.type.endsWith('/sharedStrings'))?.target;
  const strings = children(sharedPart ? parts.xml(sharedPart) : undefined, 's:si').map(richText);
  const tables: PlacedTable[] = [];
  /** Cells of the identity part: above a sheet's flowchart table, or a sheet of their own. */
  const identityCells: Array<{ cells: MatrixCell[]; colX: number[] }> = [];
  for (const sheetEntry of children(child(parts.xml(workbook), 's:sheets'), 's:sheet')) {
    const target = rels.get(sheetEntry.attrs['r:id'] ?? '')?.target;
    const sheet = target ? parts.xml(target) : undefined;
    if (!target || !sheet) continue;
    const cells = sheetCells(sheet, strings);
    const layout = tableLayout(cells);
    if (!layout) {
      identityCells.push({ cells, colX: columnEdges(sheet, Math.max(0, ...cells.map((c) => c.col + c.colSpan)) + 1) });
      continue;
    }
    const drawingId = child(sheet, 's:drawing')?.attrs['r:id'];
    const drawingPart = drawingId ? parts.relationships(target).get(drawingId)?.target : undefined;
    const drawing = drawingPart ? parts.xml(drawingPart) : undefined;
    const anchors = drawing?.children.filter((c) => /^xdr:(twoCellAnchor|oneCellAnchor|absoluteAnchor)$/.test(c.name)) ?? [];
    const lastRow = Math.max(...cells.map((c) => c.row + c.rowSpan), ...anchors.map((a) => num(at(a, 'xdr:to', 'xdr:row')?.text, num(at(a, 'xdr:from', 'xdr:row')?.text)) + 1));
    const lastCol = Math.max(...cells.map((c) => c.col + c.colSpan), ...anchors.map((a) => num(at(a, 'xdr:to', 'xdr:col')?.text, num(at(a, 'xdr:from', 'xdr:col')?.text)) + 1));
    const shapesXfrm = anchors.map((anchor) => {
      const content = anchor.children.find((c) => /^xdr:(sp|cxnSp|grpSp)$/.test(c.name));
      const props = content?.children.find((c) => c.name === 'xdr:spPr' || c.name === 'xdr:grpSpPr');
      return { anchor, content, frame: frameOf(at(props, 'a:xfrm')) };
    });
    // The sheet's grid in the drawing's own units: where a shape's frame (a:xfrm, what Excel and LibreOffice draw from)
    // and its anchor's cell offsets agree on a column's or a row's edge; column widths and row heights elsewhere.
    const colX = calibrated(columnEdges(sheet, lastCol + 1), shapesXfrm.flatMap(({ anchor, frame }) => (frame ? edgeEstimates(anchor, frame, 'col') : [])));
    const rowY = calibrated(rowEdges(sheet, lastRow + 1), shapesXfrm.flatMap(({ anchor, frame }) => (frame ? edgeEstimates(anchor, frame, 'row') : [])));
    const shapes: DrawnShape[] = shapesXfrm.flatMap(({ anchor, content, frame }) => {
      if (!content) return [];
      if (frame) return drawingShapes(content, { box: frame.box, frame: 'frame' });
      const box = anchorBox(anchor, colX, rowY);
      return box ? drawingShapes(content, { box, frame: 'visual' }) : [];
    });
    tables.push({ layout, colX, rowY, shapes, index: tables.length });
    const above = cells.filter((c) => c.row + c.rowSpan <= layout.headerRow);
    if (above.length > 0) identityCells.unshift({ cells: above, colX });
  }
  return { tables, identity: tables.length > 0 ? identityOfCells(identityCells) : {} };
}
