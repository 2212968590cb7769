// VML shapes of a Word document (issue 17's package reader): what older Word versions write, alone or as the fallback
// of mc:AlternateContent — v:rect, v:roundrect, v:oval, v:shape with a flowchart type (o:spt), v:line and connectors
// (o:connectortype), arrowheads on v:stroke, text in v:textbox. Placed by their style (margin-left / margin-top /
// width / height, relative to page, margin or the cell they stand in).
import type { Box, DrawnShape, Point, SymbolKind } from './drawing-shapes';
import { outlineSymbol, shapeText } from './drawing-shapes';
import { child, type XmlNode } from './xml-node';

const EMU: Record<string, number> = { pt: 12700, in: 914400, cm: 360000, mm: 36000, px: 9525, emu: 1, '': 9525 };

/** A VML length ("12pt", "1.5in", "30mm") in EMU. */
export function vmlLength(value: string | undefined): number {
  const m = /^\s*(-?[\d.]+)\s*([a-z]*)\s*$/i.exec(value ?? '');
  return m ? Number(m[1]) * (EMU[m[2]!.toLowerCase()] ?? 9525) : 0;
}

const style = (node: XmlNode) => Object.fromEntries((node.attrs.style ?? '').split(';').map((d) => d.split(':').map((s) => s.trim())).filter((d) => d.length === 2)) as Record<string, string>;

/** Flowchart shape types (o:spt) and their symbols. */
const SPT: Record<string, SymbolKind> = { '1': 'process', '109': 'process', '112': 'process', '2': 'terminator', '116': 'terminator', '176': 'terminator', '3': 'terminator', '4': 'decision', '110': 'decision', '177': 'connector', '120': 'connector', '15': 'connector' };
const LINE_SPT = new Set(['20', '32', '33', '34', '35', '36', '37', '38', '39', '40']);

/**
 * A VML path (v:shape's path: m, l, c, t, r, v, x, e, nf, ns) as its sub-paths' points in the shape's coordsize units,
 * curves kept as their end points; undefined where it draws with formulas (@n) or commands this reader does not follow.
 */
export function vmlPath(path: string): Array<{ points: Point[]; closed: boolean }> | undefined {
  const tokens = path.match(/[a-z]+|-?\d+(?:\.\d+)?|@\d+|,/gi) ?? [];
  if (tokens.some((t) => t.startsWith('@'))) return undefined;
  const paths: Array<{ points: Point[]; closed: boolean }> = [];
  let command = '';
  let numbers: number[] = [];
  let at: Point = { x: 0, y: 0 };
  let current: { points: Point[]; closed: boolean } | undefined;
  const flush = () => {
    // Empty places between commas are zeros ("m,l21600," is m 0,0 l 21600,0).
    const relative = command === 't' || command === 'r' || command === 'v';
    const per = command === 'c' || command === 'v' ? 6 : 2;
    for (let i = 0; i + per - 1 < numbers.length; i += per) {
      const x = numbers[i + per - 2]!;
      const y = numbers[i + per - 1]!;
      at = relative ? { x: at.x + x, y: at.y + y } : { x, y };
      if (command === 'm' || command === 't') {
        current = { points: [at], closed: false };
        paths.push(current);
      } else current?.points.push(at);
    }
    numbers = [];
  };
  let pending: number | undefined;
  let sawComma = false;
  for (const token of tokens) {
    if (token === ',') {
      numbers.push(pending ?? 0);
      pending = undefined;
      sawComma = true;
      continue;
    }
    if (/^-?\d/.test(token)) {
      if (pending !== undefined) numbers.push(pending);
      pending = Number(token);
      sawComma = false;
      continue;
    }
    if (pending !== undefined || sawComma) numbers.push(pending ?? 0);
    pending = undefined;
    sawComma = false;
    flush();
    // nf / ns (no fill, no stroke) carry no points.
    for (const letter of token.toLowerCase().replace(/n[fs]/g, '')) {
      if (letter === 'x' && current) current.closed = true;
      else if (letter === 'e' || letter === 'x') continue;
      else if (!'mltrcv'.includes(letter)) return undefined;
      else command = letter;
    }
  }
  if (pending !== undefined || sawComma) numbers.push(pending ?? 0);
  flush();
  for (const p of paths) {
    const [first, last] = [p.points[0], p.points.at(-1)];
    if (p.points.length > 3 && first && last && first.x === last.x && first.y === last.y) p.closed = true;
  }
  return paths.filter((p) => p.points.length >= 2);
}

const arrow = (value: string | undefined) => !!value && value !== 'none';

interface Where {
  frame: { left: number; top: number };
  cellBox: Box | undefined;
  paragraphTop: number;
  /** Inside a v:group: the group's box in EMU and its children's space (coordorigin, coordsize). */
  group?: { box: Box; origin: [number, number]; size: [number, number] };
}

const pair = (value: string | undefined, fallback: [number, number]): [number, number] => {
  const [a, b] = (value ?? '').split(',').map((v) => Number(v.trim()));
  return [Number.isFinite(a) && value ? a! : fallback[0], Number.isFinite(b) && value ? b! : fallback[1]];
};

export function vmlShape(node: XmlNode, where: Where): DrawnShape[] {
  const local = node.name.startsWith('v:') ? node.name.slice(2) : '';
  if (!local || local === 'shapetype' || local === 'imagedata') return [];
  const css = style(node);
  if (local === 'group') {
    // The children stand in the group's own space (coordorigin, coordsize), mapped onto the group's box.
    const outer = { ...where, group: undefined };
    const box = vmlShape({ ...node, name: 'v:rect', children: [] }, outer)[0]?.box;
    if (!box) return [];
    const size = pair(node.attrs.coordsize, [1000, 1000]);
    return node.children.flatMap((c) => vmlShape(c, { ...where, group: { box, origin: pair(node.attrs.coordorigin, [0, 0]), size } }));
  }
  const base = (axis: 'horizontal' | 'vertical') => {
    const relative = css[`mso-position-${axis}-relative`] ?? (axis === 'horizontal' ? 'column' : 'paragraph');
    if (relative === 'page') return 0;
    if (where.cellBox && relative !== 'margin') return axis === 'horizontal' ? where.cellBox.x : where.cellBox.y;
    return axis === 'horizontal' ? where.frame.left : relative === 'margin' ? where.frame.top : where.paragraphTop;
  };
  const x0 = base('horizontal');
  const y0 = base('vertical');
  const id = node.attrs.id ?? node.attrs['o:spid'];
  const stroke = child(node, 'v:stroke');
  const heads = { start: arrow(stroke?.attrs.startarrow), end: arrow(stroke?.attrs.endarrow) };
  const spt = node.attrs['o:spt'] ?? /_x0000_t(\d+)/.exec(node.attrs.type ?? '')?.[1];
  if (local === 'line' || local === 'polyline' || node.attrs['o:connectortype'] || (spt && LINE_SPT.has(spt))) {
    let points;
    if (local === 'line') {
      const [fx, fy] = (node.attrs.from ?? '0,0').split(',').map(vmlLength);
      const [tx, ty] = (node.attrs.to ?? '0,0').split(',').map(vmlLength);
      points = [{ x: x0 + (fx ?? 0), y: y0 + (fy ?? 0) }, { x: x0 + (tx ?? 0), y: y0 + (ty ?? 0) }];
    } else if (local === 'polyline') {
      const values = (node.attrs.points ?? '').split(/[\s,]+/).filter(Boolean).map(vmlLength);
      points = [];
      for (let i = 0; i + 1 < values.length; i += 2) points.push({ x: x0 + values[i]!, y: y0 + values[i + 1]! });
    } else {
      const left = x0 + vmlLength(css['margin-left'] ?? css.left);
      const top = y0 + vmlLength(css['margin-top'] ?? css.top);
      const w = vmlLength(css.width);
      const h = vmlLength(css.height);
      const flip = css.flip ?? '';
      const [sx, ex] = flip.includes('x') ? [left + w, left] : [left, left + w];
      const [sy, ey] = flip.includes('y') ? [top + h, top] : [top, top + h];
      points = spt === '33' || spt === '34' ? [{ x: sx, y: sy }, { x: ex, y: sy }, { x: ex, y: ey }] : [{ x: sx, y: sy }, { x: ex, y: ey }];
    }
    if (points.length < 2) return [];
    const xs = points.map((p) => p.x);
    const ys = points.map((p) => p.y);
    const box = { x: Math.min(...xs), y: Math.min(...ys), width: Math.max(...xs) - Math.min(...xs), height: Math.max(...ys) - Math.min(...ys) };
    return [{ ...(id ? { id } : {}), box, role: 'line', points, heads, glue: {} }];
  }
  const g = where.group;
  const inGroup = (key: string) => Number.parseFloat(css[key] ?? '0') || 0;
  const box = g
    ? {
        x: g.box.x + ((inGroup('left') - g.origin[0]) * g.box.width) / (g.size[0] || 1),
        y: g.box.y + ((inGroup('top') - g.origin[1]) * g.box.height) / (g.size[1] || 1),
        width: (inGroup('width') * g.box.width) / (g.size[0] || 1),
        height: (inGroup('height') * g.box.height) / (g.size[1] || 1),
      }
    : { x: x0 + vmlLength(css['margin-left'] ?? css.left), y: y0 + vmlLength(css['margin-top'] ?? css.top), width: vmlLength(css.width), height: vmlLength(css.height) };
  const text = shapeText(node);
  const stroked = node.attrs.stroked !== 'f' && node.attrs.stroked !== 'false';
  let symbol: SymbolKind | undefined = local === 'rect' ? 'process' : local === 'roundrect' || local === 'oval' ? 'terminator' : spt ? SPT[spt] : undefined;
  // A v:shape drawn by its own path (LibreOffice Writer writes its decisions so): a closed outline is a symbol by its
  // corners (four on the mid-sides: belah ketupat); an open stroked path is a line through its points.
  const drawn = !symbol && local === 'shape' && node.attrs.path ? vmlPath(node.attrs.path) : undefined;
  if (drawn && drawn.length > 0) {
    const [cw, ch] = (node.attrs.coordsize ?? '21600,21600').split(',').map(Number);
    const sx = cw ? box.width / cw : 1;
    const sy = ch ? box.height / ch : 1;
    const scale = (p: Point) => ({ x: p.x * sx, y: p.y * sy });
    const outline = drawn.find((p) => p.closed);
    if (outline) symbol = outlineSymbol(outline.points.map(scale), box.width, box.height);
    else if (stroked) {
      const longest = [...drawn].sort((a, b) => b.points.length - a.points.length)[0]!;
      const flip = css.flip ?? '';
      const points = longest.points.map(scale).map((p) => ({ x: box.x + (flip.includes('x') ? box.width - p.x : p.x), y: box.y + (flip.includes('y') ? box.height - p.y : p.y) }));
      return [{ ...(id ? { id } : {}), box, role: 'line', points, heads, glue: {} }];
    }
  }
  if (!symbol || (!stroked && text)) return text ? [{ ...(id ? { id } : {}), box, role: 'label', text }] : [];
  return [{ ...(id ? { id } : {}), box, role: 'symbol', symbol, ...(text ? { text } : {}) }];
}
