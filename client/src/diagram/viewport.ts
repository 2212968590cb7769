// Shows a freshly opened diagram whole and centred, never enlarged past 100 %.
import type BaseViewer from 'bpmn-js/lib/BaseViewer';
import type Canvas from 'diagram-js/lib/core/Canvas';

const MARGIN = 32;

/** `leftInset` keeps the diagram clear of what overlays the canvas's left edge (the modeller's palette). */
export function fitDiagram(viewer: BaseViewer, leftInset = MARGIN): void {
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
