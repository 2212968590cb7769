// DrawingML shapes (wps:wsp of Word, xdr:sp / xdr:cxnSp of Excel) as what an SOP's flowchart is made of (issue 17's
// package reader): a symbol (its preset or its drawn outline → kapsul, kotak, belah ketupat, off-page connector), a
// label (a text box without an outline: "Ya", "Tidak"), or a line (a connector, a straight or bent line, a drawn
// path) with its path in the route's space, its arrowheads and the shapes it is glued to.
import { at, child, children, descendants, num, type XmlNode } from './xml-node';

export interface Point {
  x: number;
  y: number;
}
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export type SymbolKind = 'terminator' | 'process' | 'decision' | 'connector';

export interface DrawnShape {
  /** The shape's id in its part (cNvPr / docPr / VML id), for connectors glued to it. */
  id?: string;
  /** Where it stands, in the route's space (EMU from the sheet's or the page's top left). */
  box: Box;
  role: 'symbol' | 'label' | 'line';
  symbol?: SymbolKind;
  text?: string;
  /** A line's path from its start to its end. */
  points?: Point[];
  /** Arrowheads at the line's start (DrawingML headEnd) and end (tailEnd). */
  heads?: { start: boolean; end: boolean };
  /** The shapes a connector's start and end are glued to (a:stCxn / a:endCxn), and at which of their sites (idx). */
  glue?: { start?: string; end?: string; startSite?: number; endSite?: number };
  /** The table cell the shape is anchored in, when its anchor says so (a drawing inside a Word table cell). */
  cell?: { table: number; row: number; column: number };
}

const PRESET_SYMBOLS: Record<string, SymbolKind> = {
  roundRect: 'terminator',
  flowChartTerminator: 'terminator',
  flowChartAlternateProcess: 'terminator',
  ellipse: 'terminator',
  rect: 'process',
  flowChartProcess: 'process',
  flowChartPredefinedProcess: 'process',
  flowChartDocument: 'process',
  diamond: 'decision',
  flowChartDecision: 'decision',
  flowChartOffpageConnector: 'connector',
  flowChartConnector: 'connector',
  homePlate: 'connector',
  pentagon: 'connector',
};

const LINE_PRESETS = /^(line|straightConnector1|bentConnector[2-5]|curvedConnector[2-5])$/;

/** The text of a shape: its paragraphs (a:p or w:p, in a txBody or a text box), one line each. */
export function shapeText(node: XmlNode): string {
  const paragraphs = descendants(node, (n) => n.name === 'a:p' || n.name === 'w:p');
  return paragraphs
    .map((p) => descendants(p, (n) => n.name === 'a:t' || n.name === 'w:t').map((t) => t.text).join('').replace(/[\u200B\u00AD]/g, ''))
    .map((line) => line.trim())
    .filter(Boolean)
    .join('\n');
}

const adjust = (geometry: XmlNode | undefined, name: string, fallback: number) => {
  const gd = children(child(geometry, 'a:avLst'), 'a:gd').find((g) => g.attrs.name === name);
  const value = /^val\s+(-?\d+)/.exec(gd?.attrs.fmla ?? '');
  return value ? Number(value[1]) / 100000 : fallback;
};

/** A line preset's path in a w × h box (ECMA-376 presetShapeDefinitions, curves drawn as their bends). */
function presetPath(preset: string, geometry: XmlNode | undefined, w: number, h: number): Point[] {
  const a1 = adjust(geometry, 'adj1', 0.5) * w;
  if (preset === 'bentConnector2' || preset === 'curvedConnector2') return [{ x: 0, y: 0 }, { x: w, y: 0 }, { x: w, y: h }];
  if (preset === 'bentConnector3' || preset === 'curvedConnector3') return [{ x: 0, y: 0 }, { x: a1, y: 0 }, { x: a1, y: h }, { x: w, y: h }];
  if (preset === 'bentConnector4' || preset === 'curvedConnector4') {
    const y2 = adjust(geometry, 'adj2', 0.5) * h;
    return [{ x: 0, y: 0 }, { x: a1, y: 0 }, { x: a1, y: y2 }, { x: w, y: y2 }, { x: w, y: h }];
  }
  if (preset === 'bentConnector5' || preset === 'curvedConnector5') {
    const y2 = adjust(geometry, 'adj2', 0.5) * h;
    const x3 = adjust(geometry, 'adj3', 0.5) * w;
    return [{ x: 0, y: 0 }, { x: a1, y: 0 }, { x: a1, y: y2 }, { x: x3, y: y2 }, { x: x3, y: h }, { x: w, y: h }];
  }
  return [{ x: 0, y: 0 }, { x: w, y: h }];
}

/** A drawn path (a:custGeom): its sub-paths' points in a w × h box, and whether each is closed. */
function customPaths(geometry: XmlNode, w: number, h: number): Array<{ points: Point[]; closed: boolean }> {
  return children(child(geometry, 'a:pathLst'), 'a:path').map((path) => {
    const sx = num(path.attrs.w, w) ? w / num(path.attrs.w, w) : 1;
    const sy = num(path.attrs.h, h) ? h / num(path.attrs.h, h) : 1;
    const points: Point[] = [];
    let closed = false;
    for (const step of path.children) {
      if (step.name === 'a:close') closed = true;
      const pts = children(step, 'a:pt');
      const last = pts.at(-1);
      if (last) points.push({ x: num(last.attrs.x) * sx, y: num(last.attrs.y) * sy });
    }
    // An outline drawn back to where it started is closed, with or without a:close.
    const [first, last] = [points[0], points.at(-1)];
    const back = points.length > 3 && !!first && !!last && Math.hypot(first.x - last.x, first.y - last.y) <= Math.max(w, h) * 0.01;
    return { points, closed: closed || back };
  });
}

/** A closed outline's symbol: four corners on the box's mid-sides is a belah ketupat, four on its corners a kotak. */
export function outlineSymbol(points: Point[], w: number, h: number): SymbolKind | undefined {
  const distinct = points.filter((p, i) => i === 0 || Math.hypot(p.x - points[0]!.x, p.y - points[0]!.y) > Math.max(w, h) * 0.01).slice(0, 8);
  const near = (p: Point, q: Point) => Math.abs(p.x - q.x) <= w * 0.08 && Math.abs(p.y - q.y) <= h * 0.08;
  const has = (q: Point) => distinct.some((p) => near(p, q));
  if (distinct.length === 4 && [{ x: w / 2, y: 0 }, { x: w, y: h / 2 }, { x: w / 2, y: h }, { x: 0, y: h / 2 }].every(has)) return 'decision';
  if (distinct.length === 4 && [{ x: 0, y: 0 }, { x: w, y: 0 }, { x: w, y: h }, { x: 0, y: h }].every(has)) return 'process';
  if (distinct.length === 5) return 'connector';
  return undefined;
}

export interface Placement {
  box: Box;
  /** 'visual': the box holds the shape as drawn, rotation included (an Excel anchor); 'frame': the unrotated frame (Word). */
  frame: 'visual' | 'frame';
}

/** Points in the shape's own w × h frame → the route's space: flipped, turned about the centre, then placed. */
export function placePoints(points: Point[], xfrm: XmlNode | undefined, w: number, h: number, placement: Placement): Point[] {
  const flipH = xfrm?.attrs.flipH === '1' || xfrm?.attrs.flipH === 'true';
  const flipV = xfrm?.attrs.flipV === '1' || xfrm?.attrs.flipV === 'true';
  const angle = (num(xfrm?.attrs.rot) / 60000 / 180) * Math.PI;
  const turn = (p: Point): Point => {
    const x = (flipH ? w - p.x : p.x) - w / 2;
    const y = (flipV ? h - p.y : p.y) - h / 2;
    return { x: x * Math.cos(angle) - y * Math.sin(angle) + w / 2, y: x * Math.sin(angle) + y * Math.cos(angle) + h / 2 };
  };
  const turned = points.map(turn);
  const { box } = placement;
  if (placement.frame === 'frame') {
    const sx = w ? box.width / w : 1;
    const sy = h ? box.height / h : 1;
    return turned.map((p) => ({ x: box.x + p.x * sx, y: box.y + p.y * sy }));
  }
  // The box is what the turned frame covers: map the turned frame's bounds onto it.
  const corners = [{ x: 0, y: 0 }, { x: w, y: 0 }, { x: w, y: h }, { x: 0, y: h }].map(turn);
  const minX = Math.min(...corners.map((c) => c.x));
  const minY = Math.min(...corners.map((c) => c.y));
  const spanX = Math.max(...corners.map((c) => c.x)) - minX;
  const spanY = Math.max(...corners.map((c) => c.y)) - minY;
  return turned.map((p) => ({ x: box.x + (spanX ? ((p.x - minX) / spanX) * box.width : 0), y: box.y + (spanY ? ((p.y - minY) / spanY) * box.height : 0) }));
}

const hasOutline = (spPr: XmlNode | undefined) => {
  const ln = child(spPr, 'a:ln');
  return !child(ln, 'a:noFill');
};

const arrowhead = (end: XmlNode | undefined) => !!end && (end.attrs.type ?? 'none') !== 'none';

/**
 * One DrawingML shape (the element holding nvSpPr/spPr: wps:wsp, xdr:sp, xdr:cxnSp) at its placement; undefined for
 * what is none of a symbol, a label or a line (a picture, an empty frame).
 */
export function drawingShape(shape: XmlNode, id: string | undefined, placement: Placement): DrawnShape | undefined {
  const spPr = shape.children.find((c) => c.name.endsWith(':spPr'));
  const xfrm = child(spPr, 'a:xfrm');
  const ext = child(xfrm, 'a:ext');
  const w = num(ext?.attrs.cx, placement.box.width) || placement.box.width || 1;
  const h = num(ext?.attrs.cy, placement.box.height) || placement.box.height || 1;
  const preset = child(spPr, 'a:prstGeom');
  const custom = child(spPr, 'a:custGeom');
  const text = shapeText(shape);
  const nv = shape.children.find((c) => /:nv(Cxn)?SpPr$/.test(c.name)) ?? shape;
  const isCNv = (c: XmlNode) => /:cNv(Cxn)?SpPr$|:cNvCnPr$/.test(c.name);
  const cNv = nv.children.find(isCNv) ?? shape.children.find(isCNv);
  const textBox = cNv?.attrs.txBox === '1' || cNv?.attrs.txBox === 'true' || shape.attrs.txBox === '1';
  const box = placement.box;
  const ln = child(spPr, 'a:ln');
  const heads = { start: arrowhead(child(ln, 'a:headEnd')), end: arrowhead(child(ln, 'a:tailEnd')) };
  const prst = preset?.attrs.prst ?? '';
  const connector = shape.name.endsWith(':cxnSp') || !!cNv?.name.endsWith(':cNvCnPr') || LINE_PRESETS.test(prst);
  if (connector) {
    const points = placePoints(presetPath(prst, preset, w, h), xfrm, w, h, placement);
    const st = at(cNv, 'a:stCxn');
    const en = at(cNv, 'a:endCxn');
    const glue = {
      ...(st?.attrs.id ? { start: st.attrs.id, startSite: num(st.attrs.idx) } : {}),
      ...(en?.attrs.id ? { end: en.attrs.id, endSite: num(en.attrs.idx) } : {}),
    };
    return { ...(id ? { id } : {}), box, role: 'line', points, heads, glue };
  }
  if (textBox || (text && !hasOutline(spPr))) return text ? { ...(id ? { id } : {}), box, role: 'label', text } : undefined;
  if (custom) {
    const paths = customPaths(custom, w, h);
    const open = paths.filter((p) => !p.closed && p.points.length >= 2);
    if (open.length > 0 && paths.every((p) => !p.closed)) {
      const longest = [...open].sort((a, b) => b.points.length - a.points.length)[0]!;
      return { ...(id ? { id } : {}), box, role: 'line', points: placePoints(longest.points, xfrm, w, h, placement), heads, glue: {} };
    }
    const outline = paths.find((p) => p.closed) ?? paths[0];
    const symbol = outline ? outlineSymbol(outline.points, w, h) : undefined;
    return symbol ? { ...(id ? { id } : {}), box, role: 'symbol', symbol, ...(text ? { text } : {}) } : undefined;
  }
  const symbol = PRESET_SYMBOLS[prst];
  if (!symbol) return text ? { ...(id ? { id } : {}), box, role: 'label', text } : undefined;
  return { ...(id ? { id } : {}), box, role: 'symbol', symbol, ...(text ? { text } : {}) };
}

/** A group's children placed in the group's box: their offsets are in the group's child space (chOff / chExt). */
export function groupChildPlacement(group: XmlNode, groupBox: Box, childXfrm: XmlNode | undefined): Box | undefined {
  const xfrm = child(group.children.find((c) => c.name.endsWith(':grpSpPr')), 'a:xfrm');
  const off = child(childXfrm, 'a:off');
  const ext = child(childXfrm, 'a:ext');
  if (!off || !ext) return undefined;
  const chOff = child(xfrm, 'a:chOff');
  const chExt = child(xfrm, 'a:chExt');
  const sx = chExt && num(chExt.attrs.cx) ? groupBox.width / num(chExt.attrs.cx) : 1;
  const sy = chExt && num(chExt.attrs.cy) ? groupBox.height / num(chExt.attrs.cy) : 1;
  return {
    x: groupBox.x + (num(off.attrs.x) - num(chOff?.attrs.x)) * sx,
    y: groupBox.y + (num(off.attrs.y) - num(chOff?.attrs.y)) * sy,
    width: num(ext.attrs.cx) * sx,
    height: num(ext.attrs.cy) * sy,
  };
}

/** The shapes of a DrawingML element (a shape, or a group of them, nested), each at its place in the route's space. */
export function drawingShapes(node: XmlNode, placement: Placement): DrawnShape[] {
  const local = node.name.split(':').pop()!;
  if (local === 'grpSp' || local === 'wgp' || local === 'wpc') {
    return node.children.flatMap((c) => {
      const name = c.name.split(':').pop()!;
      if (!['sp', 'cxnSp', 'grpSp', 'wsp', 'wgp', 'grpSpPr'].includes(name) || name === 'grpSpPr') return [];
      const spPr = c.children.find((k) => k.name.endsWith(':spPr') || k.name.endsWith(':grpSpPr'));
      const box = groupChildPlacement(node, placement.box, child(spPr, 'a:xfrm'));
      return box ? drawingShapes(c, { box, frame: 'frame' }) : [];
    });
  }
  if (!['sp', 'cxnSp', 'wsp'].includes(local)) return [];
  const nv = node.children.find((c) => /:nv(Cxn)?SpPr$/.test(c.name));
  const id = child(nv, node.name.replace(/:.*$/, ':cNvPr'))?.attrs.id ?? nv?.children.find((c) => c.name.endsWith(':cNvPr'))?.attrs.id;
  const shape = drawingShape(node, id, placement);
  return shape ? [shape] : [];
}

/** A symbol's connection site by index, as the flowchart presets number them: top, left, bottom, right. */
export function connectionSite(box: Box, site: number): Point {
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  return [{ x: cx, y: box.y }, { x: box.x, y: cy }, { x: cx, y: box.y + box.height }, { x: box.x + box.width, y: cy }][((site % 4) + 4) % 4]!;
}
