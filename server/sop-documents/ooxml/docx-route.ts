// A Word package read straight from its parts (issue 17): each table of the body with the SOP's header is a page of
// the flowchart (a table over several pages repeats its header: w:tblHeader), its cells give Kegiatan, mutu baku and
// Keterangan (merged cells: w:gridSpan, w:vMerge); the shapes are DrawingML (wps:wsp, groups wpg:wgp, canvases wpc:wpc)
// or VML (v:shape, v:rect, v:roundrect, v:line, connectors; alone or as mc:AlternateContent's fallback), anchored in a
// cell (wp:inline / wp:anchor inside a w:tc) or floating over the table (wp:anchor relative to page, margin, column).
// The other tables (the identity part) are read as the identity.
import type { SopIdentityDraft } from '../../sop/identity.schema';
import { identityOfCells } from './identity-runs';
import { drawingShapes, type Box, type DrawnShape } from './drawing-shapes';
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

/** The drawings of an element (a paragraph, a cell): DrawingML, or VML where only VML is there. */
function drawings(node: XmlNode): XmlNode[] {
  const found: XmlNode[] = [];
  const walk = (n: XmlNode) => {
    for (const c of n.children) {
      if (c.name === 'mc:AlternateContent') {
        const choice = children(c, 'mc:Choice').find((k) => descendants(k, 'w:drawing').length > 0);
        walk(choice ?? child(c, 'mc:Fallback') ?? c);
      } else if (c.name === 'w:drawing' || c.name === 'w:pict' || c.name === 'w:object') found.push(c);
      else if (c.name !== 'w:tbl' && c.name !== 'w:txbxContent') walk(c);
    }
  };
  walk(node);
  return found;
}

function shapesOf(drawing: XmlNode, frame: PageFrame, cellBox: Box | undefined, paragraphTop: number): DrawnShape[] {
  if (drawing.name !== 'w:drawing') {
    return drawing.children.flatMap((v) => vmlShape(v, { frame, cellBox, paragraphTop }));
  }
  return drawing.children.flatMap((anchor) => {
    if (anchor.name !== 'wp:anchor' && anchor.name !== 'wp:inline') return [];
    const data = at(anchor, 'a:graphic', 'a:graphicData');
    const content = data?.children.find((c) => ['wps:wsp', 'wpg:wgp', 'wpc:wpc'].includes(c.name));
    if (!content) return [];
    const box = anchorBox(anchor, frame, cellBox, paragraphTop);
    const id = child(anchor, 'wp:docPr')?.attrs.id;
    const shapes = drawingShapes(content, { box, frame: 'frame' });
    // A shape on its own takes the anchor's id (wp:docPr), which Word's connectors name in their glue.
    if (content.name === 'wps:wsp' && shapes[0] && id) shapes[0].id = shapes[0].id ?? id;
    return shapes;
  });
}

export function docxTables(parts: PackageParts): { tables: PlacedTable[]; identity: SopIdentityDraft } {
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
  };
  let page = 1;
  let flowTop = frame.top;
  const flow: WordTable[] = [];
  const others: WordTable[] = [];
  const floating: Array<{ shape: DrawnShape; page: number }> = [];
  const blocks = body.children.flatMap((c) => (c.name === 'w:sdt' ? children(child(c, 'w:sdtContent'), 'w:p').concat(children(child(c, 'w:sdtContent'), 'w:tbl')) : [c]));
  for (const block of blocks) {
    if (block.name === 'w:p') {
      if (at(block, 'w:pPr', 'w:pageBreakBefore') && at(block, 'w:pPr', 'w:pageBreakBefore')?.attrs['w:val'] !== '0') {
        page += 1;
        flowTop = frame.top;
      }
      for (const drawing of drawings(block)) for (const shape of shapesOf(drawing, frame, undefined, flowTop)) floating.push({ shape, page });
      if (descendants(block, 'w:br').some((br) => br.attrs['w:type'] === 'page')) {
        page += 1;
        flowTop = frame.top;
      } else flowTop += 276 * EMU_PER_TWIP;
      continue;
    }
    if (block.name !== 'w:tbl') continue;
    const table = wordTable(block, page, frame, flowTop);
    if (!child(child(block, 'w:tblPr'), 'w:tblpPr')) flowTop = table.rowY.at(-1)!;
    (tableLayout(table.cells) ? flow : others).push(table);
  }
  const tables: PlacedTable[] = flow.map((table, index) => {
    const layout = tableLayout(table.cells)!;
    // Shapes inside the table's cells: they stand in that cell whatever their offsets say.
    const inCells = table.cells.flatMap((cell, i) => {
      const cellBox: Box = { x: table.colX[cell.col]!, y: table.rowY[cell.row]!, width: table.colX[cell.col + cell.colSpan]! - table.colX[cell.col]!, height: table.rowY[cell.row + cell.rowSpan]! - table.rowY[cell.row]! };
      return drawings(table.tcs[i]!).flatMap((drawing) =>
        shapesOf(drawing, frame, cellBox, cellBox.y).map((shape) => (shape.role === 'symbol' ? { ...shape, cell: { table: index, row: cell.row, column: cell.col } } : shape)),
      );
    });
    return { layout, colX: table.colX, rowY: table.rowY, shapes: inCells, index };
  });
  // Floating shapes: to the table of their page they stand over (or nearest to).
  for (const { shape, page: on } of floating) {
    const candidates = flow.map((table, index) => ({ table, index })).filter(({ table }) => table.page === on);
    const centre = { x: shape.box.x + shape.box.width / 2, y: shape.box.y + shape.box.height / 2 };
    const distance = (t: WordTable) => Math.max(0, t.rowY[0]! - centre.y, centre.y - t.rowY.at(-1)!) + Math.max(0, t.colX[0]! - centre.x, centre.x - t.colX.at(-1)!);
    const best = candidates.sort((a, b) => distance(a.table) - distance(b.table))[0] ?? (flow.length === 1 ? { index: 0 } : undefined);
    if (best) tables[best.index]!.shapes.push(shape);
  }
  const identity = identityOfCells(others);
  return { tables, identity };
}
