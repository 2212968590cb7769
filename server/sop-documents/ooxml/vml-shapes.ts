// VML shapes of a Word document (issue 17's package reader): what older Word versions write, alone or as the fallback
// of mc:AlternateContent — v:rect, v:roundrect, v:oval, v:shape with a flowchart type (o:spt), v:line and connectors
// (o:connectortype), arrowheads on v:stroke, text in v:textbox. Placed by their style (margin-left / margin-top /
// width / height, relative to page, margin or the cell they stand in).
import type { Box, DrawnShape, SymbolKind } from './drawing-shapes';
import { shapeText } from './drawing-shapes';
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

const arrow = (value: string | undefined) => !!value && value !== 'none';

interface Where {
  frame: { left: number; top: number };
  cellBox: Box | undefined;
  paragraphTop: number;
}

export function vmlShape(node: XmlNode, where: Where): DrawnShape[] {
  const local = node.name.startsWith('v:') ? node.name.slice(2) : '';
  if (!local || local === 'shapetype' || local === 'imagedata') return [];
  if (local === 'group') return node.children.flatMap((c) => vmlShape(c, where));
  const css = style(node);
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
  const box = { x: x0 + vmlLength(css['margin-left'] ?? css.left), y: y0 + vmlLength(css['margin-top'] ?? css.top), width: vmlLength(css.width), height: vmlLength(css.height) };
  const text = shapeText(node);
  const stroked = node.attrs.stroked !== 'f' && node.attrs.stroked !== 'false';
  const symbol: SymbolKind | undefined = local === 'rect' ? 'process' : local === 'roundrect' || local === 'oval' ? 'terminator' : spt ? SPT[spt] : undefined;
  if (!symbol || (!stroked && text)) return text ? [{ ...(id ? { id } : {}), box, role: 'label', text }] : [];
  return [{ ...(id ? { id } : {}), box, role: 'symbol', symbol, ...(text ? { text } : {}) }];
}
