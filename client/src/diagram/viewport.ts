// Shows a diagram whole and centred, never enlarged past 100 %, clear of the palette that floats over the canvas.
import type BaseViewer from 'bpmn-js/lib/BaseViewer';
import type Canvas from 'diagram-js/lib/core/Canvas';
import type ElementRegistry from 'diagram-js/lib/core/ElementRegistry';
import type EventBus from 'diagram-js/lib/core/EventBus';
import type { Element } from 'diagram-js/lib/model/Types';
import type { Dimensions, Rect } from 'diagram-js/lib/util/Types';

const MARGIN = 32;
/** Before diagram-js's own root.set listeners (priority 1000), the first of which lays the whole diagram out. */
const BEFORE_FIRST_LAYOUT = 1500;

/**
 * How much of the canvas's left edge the modeller's palette covers, plus a margin; just the margin in a viewer.
 * The palette changes to two columns on short windows, so it is measured rather than assumed.
 */
export function paletteInset(viewer: BaseViewer): number {
  const container = viewer.get<Canvas>('canvas').getContainer();
  const palette = container.querySelector<HTMLElement>('.djs-palette');
  if (!palette || !palette.checkVisibility()) return MARGIN;
  return Math.max(MARGIN, palette.getBoundingClientRect().right - container.getBoundingClientRect().left + MARGIN / 2);
}

/**
 * What the shown diagram covers: the bounds of its shapes and labels and the waypoints of its connections, read from
 * the element registry. Unlike the SVG's bounding box this needs no layout of the drawing, so it can be known before
 * the browser first lays the diagram out (issue 16); text running past its shape is not counted.
 */
export function diagramBounds(viewer: BaseViewer): Rect {
  const root = viewer.get<Canvas>('canvas').getRootElement();
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  const add = (x: number, y: number, width = 0, height = 0) => {
    left = Math.min(left, x);
    top = Math.min(top, y);
    right = Math.max(right, x + width);
    bottom = Math.max(bottom, y + height);
  };
  for (const element of viewer.get<ElementRegistry>('elementRegistry').getAll() as Element[]) {
    if (element === root || element.hidden || rootOf(element) !== root) continue;
    if (Array.isArray(element.waypoints)) for (const point of element.waypoints as { x: number; y: number }[]) add(point.x, point.y);
    else if (typeof element.x === 'number') add(element.x, element.y as number, element.width as number, element.height as number);
  }
  return left === Infinity ? { x: 0, y: 0, width: 0, height: 0 } : { x: left, y: top, width: right - left, height: bottom - top };
}

function rootOf(element: Element): Element {
  let current = element;
  while (current.parent) current = current.parent;
  return current;
}

/** The viewbox that shows `inner` whole in a canvas of size `outer` minus the palette's strip (`leftInset`). */
function fittedViewbox(inner: Rect, outer: Dimensions, leftInset: number): Rect {
  const width = Math.max(outer.width - leftInset - MARGIN, 1);
  const height = Math.max(outer.height - 2 * MARGIN, 1);
  const scale = Math.min(1, width / Math.max(inner.width, 1), height / Math.max(inner.height, 1));
  const left = leftInset + (width - inner.width * scale) / 2;
  const top = MARGIN + (height - inner.height * scale) / 2;
  return { x: inner.x - left / scale, y: inner.y - top / scale, width: outer.width / scale, height: outer.height / scale };
}

/** Fits the whole diagram into the canvas minus the palette's strip; `leftInset` overrides the measured strip. */
export function fitDiagram(viewer: BaseViewer, leftInset = paletteInset(viewer)): void {
  const canvas = viewer.get<Canvas>('canvas');
  canvas.viewbox(fittedViewbox(diagramBounds(viewer), canvas.getSize(), leftInset));
}

/**
 * Gives the diagram the next import draws its fitted scale before the browser first lays it out. bpmn-js lays out
 * every shape and label right after drawing them (at the scale the canvas has then); changing the scale afterwards
 * lays out every label again (~0.1 s at 2,000 shapes). The transform set here is the one fitDiagram sets after the
 * import, which stays the call that decides the view (with its events); this only makes that call cheap. Call it on
 * the empty canvas, just before the import.
 */
export function fitBeforeFirstLayout(viewer: BaseViewer, leftInset: number): void {
  const canvas = viewer.get<Canvas>('canvas');
  const eventBus = viewer.get<EventBus>('eventBus');
  // The canvas's size now, while it is empty: measuring it once the shapes are in would lay them all out.
  const outer = canvas.getSize();
  const svg = canvas.getContainer().querySelector<SVGSVGElement>(':scope > svg');
  const viewport = svg?.querySelector<SVGGElement>(':scope > g.viewport');
  if (!svg || !viewport) return;
  // Each root shown while importing: only the last one has the diagram's elements; the earlier ones cost nothing.
  const onRootSet = () => {
    const box = fittedViewbox(diagramBounds(viewer), outer, leftInset);
    // What Canvas#viewbox(box) does, without its measuring of the canvas and its events.
    const scale = Math.min(outer.width / box.width, outer.height / box.height);
    const transforms = viewport.transform.baseVal;
    transforms.clear();
    transforms.appendItem(transforms.createSVGTransformFromMatrix(svg.createSVGMatrix().scale(scale).translate(-box.x, -box.y)));
  };
  eventBus.on('root.set', BEFORE_FIRST_LAYOUT, onRootSet);
  eventBus.once('import.done', () => eventBus.off('root.set', onRootSet));
}
