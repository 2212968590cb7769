// A Word package read straight from its parts (issue 17): each table of the body with the SOP's header is a page of
// the flowchart (a table over several pages repeats its header: w:tblHeader), its cells give Kegiatan, mutu baku and
// Keterangan (merged cells: w:gridSpan, w:vMerge); the shapes are DrawingML (wps:wsp, groups wpg:wgp, canvases wpc:wpc)
// or VML (v:shape, v:rect, v:roundrect, v:line, connectors; alone or as mc:AlternateContent's fallback), anchored in a
// cell (wp:inline / wp:anchor inside a w:tc) or floating over the table (wp:anchor relative to page, margin, column).
// The other tables (the identity part) are read as the identity.
import type { SopIdentityDraft } from '../../sop/identity.schema';
import { identityOfCells } from './identity-runs';
import { drawingShape, drawingShapes, type Box, type DrawnShape } from './drawing-shapes';
import type { PlacedTable } from './flowchart-table';
import type { PackageParts } from './package-parts';
import { vmlShape } from './vml-shapes';
import { at, child, children, descendants, num, type XmlNode } from './xml-node';
import { tableLayout, type MatrixCell } from './table-header';

const EMU_PER_TWIP = 635;

interface PageFrame {
  width: number;
  height: number;
  left: number;
  top: number;
  bottom: number;
}

interface WordTable {
  node: XmlNode;
  page: number;
  cells: MatrixCell[];
  /** The w:tc elements of each matrix cell (same order). */
  tcs: XmlNode[];
  colX: number[];
  rowY: number[];
}

const paragraphText = (p: XmlNode) => descendants(p, (n) => n.name === 'w:t' || n.name === 'w:tab', ['w:drawing', 'w:pict', 'mc:AlternateContent']).map((t) => (t.name === 'w:tab' ? ' ' : t.text)).join('');

/** The table's cells on its grid (gridSpan, vMerge), its column edges and row edges in EMU on the page. */
function wordTable(node: XmlNode, page: number, frame: PageFrame, flowTop: number): WordTable {
  const widths = children(child(node, 'w:tblGrid'), 'w:gridCol').map((g) => num(g.attrs['w:w']) * EMU_PER_TWIP);
  const tblPr = child(node, 'w:tblPr');
  const position = child(tblPr, 'w:tblpPr');
  const left = position
    ? (position.attrs['w:horzAnchor'] === 'page' ? 0 : frame.left) + num(position.attrs['w:tblpX']) * EMU_PER_TWIP
    : frame.left + num(child(tblPr, 'w:tblInd')?.attrs['w:w']) * EMU_PER_TWIP;
  const top = position ? (position.attrs['w:vertAnchor'] === 'page' ? 0 : frame.top) + num(position.attrs['w:tblpY']) * EMU_PER_TWIP : flowTop;
  const colX = [left];
  for (const w of widths) colX.push(colX.at(-1)! + w);
  const cells: MatrixCell[] = [];
  const tcs: XmlNode[] = [];
  const rowY = [top];
  children(node, 'w:tr').forEach((tr, row) => {
    const trPr = child(tr, 'w:trPr');
    let col = num(child(trPr, 'w:gridBefore')?.attrs['w:val']);
    let lines = 1;
    for (const tc of children(tr, 'w:tc')) {
      const tcPr = child(tc, 'w:tcPr');
      const span = num(child(tcPr, 'w:gridSpan')?.attrs['w:val'], 1);
      const vMerge = child(tcPr, 'w:vMerge');
      const paragraphs = descendants(tc, 'w:p', ['w:tbl', 'w:txbxContent']).map(paragraphText);
      lines = Math.max(lines, paragraphs.length);
      const above = vMerge && vMerge.attrs['w:val'] !== 'restart' ? cells.find((c) => c.col === col && c.row + c.rowSpan === row) : undefined;
      if (above) above.rowSpan += 1;
      else {
        cells.push({ row, col, colSpan: span, rowSpan: 1, paragraphs });
        tcs.push(tc);
      }
      col += span;
    }
    const height = child(trPr, 'w:trHeight');
    // Without an exact height, a row is as tall as its lines (12 pt each, with the cell's padding).
    const estimate = (lines * 276 + 60) * EMU_PER_TWIP;
    rowY.push(rowY.at(-1)! + (height && height.attrs['w:hRule'] === 'exact' ? num(height.attrs['w:val']) * EMU_PER_TWIP : Math.max(num(height?.attrs['w:val']) * EMU_PER_TWIP, estimate)));
  });
  return { node, page, cells, tcs, colX, rowY };
}

/**
 * A flowchart table taller than its page, as the word processor lays it out: body rows of fixed height fill a page,
 * the next page starts with the header rows repeated (w:tblHeader). One table per page, as Petakerja's export writes
 * them, so that the shapes anchored on a later page stand over its rows. A row is not split (rows of exact height).
 */
function pages(table: WordTable, frame: PageFrame): WordTable[] {
  const trs = children(table.node, 'w:tr');
  const header = trs.findIndex((tr) => !child(child(tr, 'w:trPr'), 'w:tblHeader'));
  const bottom = frame.height - frame.bottom;
  if (header <= 0 || table.rowY.at(-1)! <= bottom + EMU_PER_TWIP * 20) return [table];
  const headerHeight = table.rowY[header]! - table.rowY[0]!;
  const groups: number[][] = [[]];
  let y = table.rowY[header]!;
  for (let row = header; row < trs.length; row++) {
    const height = table.rowY[row + 1]! - table.rowY[row]!;
    if (groups.at(-1)!.length > 0 && y + height > bottom + EMU_PER_TWIP * 20) {
      groups.push([]);
      y = frame.top + headerHeight;
    }
    groups.at(-1)!.push(row);
    y += height;
  }
  return groups.map((rows, k) => {
    const top = k === 0 ? table.rowY[0]! : frame.top;
    const rowY = table.rowY.slice(0, header + 1).map((v) => v - table.rowY[0]! + top);
    for (const row of rows) rowY.push(rowY.at(-1)! + table.rowY[row + 1]! - table.rowY[row]!);
    const index = new Map<number, number>(rows.map((row, j) => [row, header + j]));
    const kept = table.cells.map((cell, i) => ({ cell, tc: table.tcs[i]! })).filter(({ cell }) => cell.row < header || index.has(cell.row));
    return {
      node: table.node,
      page: table.page + k,
      cells: kept.map(({ cell }) => (cell.row < header ? cell : { ...cell, row: index.get(cell.row)!, rowSpan: 1 })),
      // The header repeated on a later page is the word processor's: its cells' drawings are the first page's.
      tcs: kept.map(({ cell, tc }) => (k > 0 && cell.row < header ? { ...tc, children: children(tc, 'w:tcPr') } : tc)),
      colX: table.colX,
      rowY,
    };
  });
}

/** Where a wp:anchor puts its frame on the page (EMU), given what its position is relative to. */
function anchorBox(anchor: XmlNode, frame: PageFrame, cellBox: Box | undefined, paragraphTop: number): Box {
  const extent = child(anchor, 'wp:extent');
  const width = num(extent?.attrs.cx);
  const height = num(extent?.attrs.cy);
  if (anchor.name === 'wp:inline') return { x: (cellBox?.x ?? frame.left) + 1, y: (cellBox?.y ?? paragraphTop) + 1, width, height };
  const axis = (name: 'wp:positionH' | 'wp:positionV', size: number, pageSize: number, margin: number, cell: number | undefined, paragraph: number) => {
    const pos = child(anchor, name);
    const from = pos?.attrs.relativeFrom ?? 'column';
    const base = from === 'page' ? 0 : from === 'margin' ? margin : cell ?? (name === 'wp:positionH' ? margin : from === 'paragraph' || from === 'line' ? paragraph : margin);
    const offset = child(pos, 'wp:posOffset');
    if (offset) return base + num(offset.text);
    const align = child(pos, 'wp:align')?.text;
    const room = from === 'page' ? pageSize : pageSize - 2 * margin;
    return base + (align === 'center' ? (room - size) / 2 : align === 'right' || align === 'bottom' ? room - size : 0);
  };
  return {
    x: axis('wp:positionH', width, frame.width, frame.left, cellBox?.x, 0),
    y: axis('wp:positionV', height, frame.height, frame.top, cellBox?.y, paragraphTop),
    width,
    height,
  };
}

/** A drawing of an element, with the VML that mc:AlternateContent gives as its fallback (LibreOffice writes both). */
interface Drawing {
  node: XmlNode;
  fallback?: XmlNode;
}

/** The drawings of an element (a paragraph, a cell): DrawingML, or VML where only VML is there. */
function drawings(node: XmlNode): Drawing[] {
  const found: Drawing[] = [];
  const walk = (n: XmlNode, fallback?: XmlNode) => {
    for (const c of n.children) {
      if (c.name === 'mc:AlternateContent') {
        const choice = children(c, 'mc:Choice').find((k) => descendants(k, 'w:drawing').length > 0);
        const vml = child(c, 'mc:Fallback');
        walk(choice ?? vml ?? c, choice ? vml : undefined);
      } else if (c.name === 'w:drawing' || c.name === 'w:pict' || c.name === 'w:object') found.push({ node: c, ...(fallback ? { fallback } : {}) });
      else if (c.name !== 'w:tbl' && c.name !== 'w:txbxContent') walk(c, fallback);
    }
  };
  walk(node);
  return found;
}

/**
 * A line whose anchor does not hold its size (LibreOffice Writer writes a glued connector with a 1 mm wp:extent, its
 * size only in a:xfrm, and offsets that are not its route) is placed on its VML fallback's bounds instead: the
 * DrawingML path, flipped and turned as a:xfrm says, over the box the fallback gives. A connector drawn along one
 * axis (no width or no height) is directed by the fallback's own flips: its DrawingML turn runs it the other way.
 */
function lineOnFallback(content: XmlNode, shape: DrawnShape, anchorBox: Box, fallback: XmlNode | undefined, where: Parameters<typeof vmlShape>[1]): DrawnShape {
  const xfrm = at(content, 'wps:spPr', 'a:xfrm');
  const ext = child(xfrm, 'a:ext');
  const size = Math.max(num(ext?.attrs.cx), num(ext?.attrs.cy));
  if (!fallback || size === 0 || Math.max(anchorBox.width, anchorBox.height) >= size * 0.5) return shape;
  const vml = fallback.children.flatMap((pict) => pict.children.flatMap((v) => vmlShape(v, where))).find((v) => v.role === 'line');
  if (!vml) return shape;
  const flat = Math.min(vml.box.width, vml.box.height) < 12700;
  if (flat) return { ...shape, box: vml.box, points: vml.points!, heads: shape.heads ?? vml.heads! };
  const placed = drawingShape(content, shape.id, { box: vml.box, frame: 'visual' });
  return placed ? { ...placed, glue: shape.glue ?? {} } : shape;
}

function shapesOf(drawing: Drawing, frame: PageFrame, cellBox: Box | undefined, paragraphTop: number): DrawnShape[] {
  if (drawing.node.name !== 'w:drawing') {
    return drawing.node.children.flatMap((v) => vmlShape(v, { frame, cellBox, paragraphTop }));
  }
  return drawing.node.children.flatMap((anchor) => {
    if (anchor.name !== 'wp:anchor' && anchor.name !== 'wp:inline') return [];
    const data = at(anchor, 'a:graphic', 'a:graphicData');
    const content = data?.children.find((c) => ['wps:wsp', 'wpg:wgp', 'wpc:wpc'].includes(c.name));
    if (!content) return [];
    const box = anchorBox(anchor, frame, cellBox, paragraphTop);
    const id = child(anchor, 'wp:docPr')?.attrs.id;
    const shapes = drawingShapes(content, { box, frame: 'frame' });
    // A shape on its own takes the anchor's id (wp:docPr), which Word's connectors name in their glue.
    if (content.name === 'wps:wsp' && shapes[0] && id) shapes[0].id = shapes[0].id ?? id;
    if (content.name === 'wps:wsp' && shapes[0]?.role === 'line') shapes[0] = lineOnFallback(content, shapes[0], box, drawing.fallback, { frame, cellBox, paragraphTop });
    return shapes;
  });
}

/**
 * How far a drawing's shapes move when their offsets, written relative to the paragraph and its column, are read as
 * the page's: LibreOffice Writer writes a connector anchored to the page into the paragraph at the page's top with
 * relativeFrom column / paragraph and its page position. Undefined for drawings placed relative to the page.
 */
function pageShift(drawing: Drawing, frame: PageFrame, left: number, top: number): { x: number; y: number } | undefined {
  const anchor = child(drawing.node, 'wp:anchor');
  if (!anchor) return undefined;
  const from = (name: string) => child(anchor, name)?.attrs.relativeFrom ?? '';
  const x = ['column', 'character'].includes(from('wp:positionH')) ? -left : from('wp:positionH') === 'margin' ? -frame.left : 0;
  const y = ['paragraph', 'line'].includes(from('wp:positionV')) ? -top : from('wp:positionV') === 'margin' ? -frame.top : 0;
  return x || y ? { x, y } : undefined;
}

/**
 * A paragraph's lines whose ends meet the symbols only when their offsets are read as the page's (see pageShift) are
 * moved there: all the paragraph's lines together, and only when more of their ends then touch a symbol.
 */
function atPagePositions(floating: Array<{ shape: DrawnShape; paragraph: string; toPage?: { x: number; y: number } }>, tables: PlacedTable[], placedOn: Map<DrawnShape, number>) {
  const groups = new Map<string, Array<{ shape: DrawnShape; toPage: { x: number; y: number } }>>();
  for (const { shape, paragraph, toPage } of floating) {
    if (!toPage || shape.role !== 'line' || !placedOn.has(shape)) continue;
    const key = `${paragraph}:${placedOn.get(shape)}:${toPage.x}:${toPage.y}`;
    groups.set(key, [...(groups.get(key) ?? []), { shape, toPage }]);
  }
  for (const group of groups.values()) {
    const symbols = tables[placedOn.get(group[0]!.shape)!]!.shapes.filter((s) => s.role === 'symbol');
    const { x: dx, y: dy } = group[0]!.toPage;
    const touches = (shift: number) =>
      group.flatMap(({ shape }) => [shape.points![0]!, shape.points!.at(-1)!]).filter((p) =>
        symbols.some(({ box }) => Math.hypot(Math.max(box.x - p.x - dx * shift, 0, p.x + dx * shift - box.x - box.width), Math.max(box.y - p.y - dy * shift, 0, p.y + dy * shift - box.y - box.height)) <= Math.min(box.width, box.height) / 5),
      ).length;
    if (touches(1) <= touches(0)) continue;
    for (const { shape } of group) {
      shape.box = { ...shape.box, x: shape.box.x + dx, y: shape.box.y + dy };
      shape.points = shape.points!.map((p) => ({ x: p.x + dx, y: p.y + dy }));
    }
  }
}

/** An end touches a symbol as flowchart-table.ts reads it: within a fifth of its smaller side, or `reach`. */
const touchesSymbol = (p: { x: number; y: number }, symbols: DrawnShape[], reach = 0) =>
  symbols.some(({ box }) => Math.hypot(Math.max(box.x - p.x, 0, p.x - box.x - box.width), Math.max(box.y - p.y, 0, p.y - box.y - box.height)) <= Math.max(reach, Math.min(box.width, box.height) / 5));

/**
 * A line of a Word table that runs over several pages stands on the one page where both its ends meet symbols:
 * LibreOffice Writer writes the shapes it anchored to a later page into the first page (the paragraph before the
 * table, the table's first cell) with their own page's position. Its own offsets are tried, and the page's (see
 * pageShift) where they are written relative to a paragraph or cell. A line that fits more than one page cannot be
 * placed: counted, and the file goes the LibreOffice way.
 */
function toTheirPage(tables: PlacedTable[], flow: WordTable[], shifts: Map<DrawnShape, { x: number; y: number }>): number {
  const symbolsOf = (t: PlacedTable) => t.shapes.filter((s) => s.role === 'symbol');
  // The typical reach of flowchart-table.ts: 12 % of the median symbol's smaller side.
  const sides = tables.flatMap(symbolsOf).map((s) => Math.min(s.box.width, s.box.height)).sort((a, b) => a - b);
  const reach = (sides[Math.floor(sides.length / 2)] ?? 0) * 0.12;
  let ambiguous = 0;
  for (const table of tables) {
    const pagesOfTable = tables.filter((t) => flow[t.index]!.node === flow[table.index]!.node);
    if (pagesOfTable.length < 2) continue;
    for (const line of table.shapes.filter((s) => s.role === 'line')) {
      const ends = [line.points![0]!, line.points!.at(-1)!];
      const shift = shifts.get(line);
      const offsets = shift ? [{ x: 0, y: 0 }, shift] : [{ x: 0, y: 0 }];
      const fits = pagesOfTable.flatMap((t) => offsets.filter((o) => ends.every((p) => touchesSymbol({ x: p.x + o.x, y: p.y + o.y }, symbolsOf(t), reach))).map((o) => ({ t, o })));
      if (fits.length > 1) ambiguous += 1;
      if (fits.length !== 1 || (fits[0]!.t === table && fits[0]!.o.x === 0 && fits[0]!.o.y === 0)) continue;
      const { t, o } = fits[0]!;
      table.shapes.splice(table.shapes.indexOf(line), 1);
      line.box = { ...line.box, x: line.box.x + o.x, y: line.box.y + o.y };
      line.points = line.points!.map((p) => ({ x: p.x + o.x, y: p.y + o.y }));
      t.shapes.push(line);
    }
  }
  return ambiguous;
}

export function docxTables(parts: PackageParts): { tables: PlacedTable[]; identity: SopIdentityDraft; ambiguous?: number } {
  const root = parts.xml('word/document.xml');
  const body = child(root, 'w:body');
  if (!body) return { tables: [], identity: {} };
  const section = descendants(body, 'w:sectPr').at(-1);
  const size = child(section, 'w:pgSz');
  const margins = child(section, 'w:pgMar');
  const frame: PageFrame = {
    width: num(size?.attrs['w:w'], 11906) * EMU_PER_TWIP,
    height: num(size?.attrs['w:h'], 16838) * EMU_PER_TWIP,
    left: num(margins?.attrs['w:left'], 1440) * EMU_PER_TWIP,
    top: num(margins?.attrs['w:top'], 1440) * EMU_PER_TWIP,
    bottom: num(margins?.attrs['w:bottom'], 1440) * EMU_PER_TWIP,
  };
  let page = 1;
  let flowTop = frame.top;
  const flow: WordTable[] = [];
  const others: WordTable[] = [];
  const floating: Array<{ shape: DrawnShape; page: number; paragraph: string; toPage?: { x: number; y: number } }> = [];
  const blocks = body.children.flatMap((c) => (c.name === 'w:sdt' ? children(child(c, 'w:sdtContent'), 'w:p').concat(children(child(c, 'w:sdtContent'), 'w:tbl')) : [c]));
  for (const block of blocks) {
    if (block.name === 'w:p') {
      if (at(block, 'w:pPr', 'w:pageBreakBefore') && at(block, 'w:pPr', 'w:pageBreakBefore')?.attrs['w:val'] !== '0') {
        page += 1;
        flowTop = frame.top;
      }
      for (const drawing of drawings(block)) {
        const toPage = pageShift(drawing, frame, frame.left, flowTop);
        for (const shape of shapesOf(drawing, frame, undefined, flowTop)) floating.push({ shape, page, paragraph: `p${blocks.indexOf(block)}`, ...(toPage ? { toPage } : {}) });
      }
      if (descendants(block, 'w:br').some((br) => br.attrs['w:type'] === 'page')) {
        page += 1;
        flowTop = frame.top;
      } else flowTop += 276 * EMU_PER_TWIP;
      continue;
    }
    if (block.name !== 'w:tbl') continue;
    const table = wordTable(block, page, frame, flowTop);
    if (!child(child(block, 'w:tblPr'), 'w:tblpPr')) flowTop = table.rowY.at(-1)!;
    if (tableLayout(table.cells)) flow.push(...pages(table, frame));
    else others.push(table);
  }
  const inCellLines: typeof floating = [];
  const tables: PlacedTable[] = flow.map((table, index) => {
    const layout = tableLayout(table.cells)!;
    // Shapes inside the table's cells: they stand in that cell whatever their offsets say.
    const inCells = table.cells.flatMap((cell, i) => {
      const cellBox: Box = { x: table.colX[cell.col]!, y: table.rowY[cell.row]!, width: table.colX[cell.col + cell.colSpan]! - table.colX[cell.col]!, height: table.rowY[cell.row + cell.rowSpan]! - table.rowY[cell.row]! };
      return drawings(table.tcs[i]!).flatMap((drawing) => {
        const shapes = shapesOf(drawing, frame, cellBox, cellBox.y).map((shape) => (shape.role === 'symbol' ? { ...shape, cell: { table: index, row: cell.row, column: cell.col } } : shape));
        const toPage = pageShift(drawing, frame, cellBox.x, cellBox.y);
        for (const shape of shapes) inCellLines.push({ shape, page: table.page, paragraph: `t${index}:${i}`, ...(toPage ? { toPage } : {}) });
        return shapes;
      });
    });
    return { layout, colX: table.colX, rowY: table.rowY, shapes: inCells, index };
  });
  // Floating shapes: to the table of their page they stand over (or nearest to).
  const placedOn = new Map<DrawnShape, number>();
  for (const { shape, page: on } of floating) {
    const candidates = flow.map((table, index) => ({ table, index })).filter(({ table }) => table.page === on);
    const centre = { x: shape.box.x + shape.box.width / 2, y: shape.box.y + shape.box.height / 2 };
    const distance = (t: WordTable) => Math.max(0, t.rowY[0]! - centre.y, centre.y - t.rowY.at(-1)!) + Math.max(0, t.colX[0]! - centre.x, centre.x - t.colX.at(-1)!);
    const best = candidates.sort((a, b) => distance(a.table) - distance(b.table))[0] ?? (flow.length === 1 ? { index: 0 } : undefined);
    if (best) {
      tables[best.index]!.shapes.push(shape);
      placedOn.set(shape, best.index);
    }
  }
  for (const { shape } of inCellLines) if (shape.role === 'line') placedOn.set(shape, tables.findIndex((t) => t.shapes.includes(shape)));
  atPagePositions([...floating, ...inCellLines], tables, placedOn);
  const shifts = new Map([...floating, ...inCellLines].flatMap(({ shape, toPage }) => (toPage && shape.role === 'line' ? [[shape, toPage] as const] : [])));
  const ambiguous = toTheirPage(tables, flow, shifts);
  const identity = identityOfCells(others);
  return { tables, identity, ambiguous };
}
