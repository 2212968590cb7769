// Shows a diagram whole and centred, never enlarged past 100 %, clear of the palette that floats over the canvas.
import type BaseViewer from 'bpmn-js/lib/BaseViewer';
import type Canvas from 'diagram-js/lib/core/Canvas';

const MARGIN = 32;

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

/** Fits the whole diagram into the canvas minus the palette's strip; `leftInset` overrides the measured strip. */
export function fitDiagram(viewer: BaseViewer, leftInset = paletteInset(viewer)): void {
  const canvas = viewer.get<Canvas>('canvas');
  const { inner, outer } = canvas.viewbox();
  const width = Math.max(outer.width - leftInset - MARGIN, 1);
  const height = Math.max(outer.height - 2 * MARGIN, 1);
  const scale = Math.min(1, width / Math.max(inner.width, 1), height / Math.max(inner.height, 1));
  const left = leftInset + (width - inner.width * scale) / 2;
  const top = MARGIN + (height - inner.height * scale) / 2;
  canvas.viewbox({
    x: inner.x - left / scale,
    y: inner.y - top / scale,
    width: outer.width / scale,
    height: outer.height / scale,
  });
}
