// Speech-bubble badges on the diagram for the elements that carry annotation threads: the count of open threads,
// amber when one of them was written on what has since changed (usang). Clicking a badge opens the element's threads.
import type BaseViewer from 'bpmn-js/lib/BaseViewer';
import type Canvas from 'diagram-js/lib/core/Canvas';
import type ElementRegistry from 'diagram-js/lib/core/ElementRegistry';
import type EventBus from 'diagram-js/lib/core/EventBus';
import type Overlays from 'diagram-js/lib/features/overlays/Overlays';
import type Selection from 'diagram-js/lib/features/selection/Selection';
import type { AnnotationView } from '../../api/types';
import { h } from '../../ui/dom';
import { threadsByElement, type ElementThreads } from './reviewLabels';
import './review.css';

const OVERLAY_TYPE = 'petakerja-annotation';

export function badgeTitle(threads: ElementThreads): string {
  const open = threads.open > 0 ? `${threads.open} komentar terbuka` : 'Semua komentar selesai';
  const closed = threads.total - threads.open;
  return [open, closed > 0 ? `${closed} selesai` : '', threads.usang ? 'ada yang usang (elemen berubah)' : ''].filter(Boolean).join(', ');
}

export class AnnotationLayer {
  private items: readonly AnnotationView[] = [];

  constructor(
    private readonly diagram: BaseViewer,
    private readonly onOpen: (elementId: string) => void,
  ) {
    // The modeller imports again when changes are discarded or a file is imported: the badges come back on it.
    diagram.get<EventBus>('eventBus').on('import.done', () => this.render());
  }

  show(items: readonly AnnotationView[]): void {
    this.items = items;
    this.render();
  }

  /** Selects the element and brings it into the middle of the view. */
  reveal(elementId: string): boolean {
    const element = this.diagram.get<ElementRegistry>('elementRegistry').get(elementId);
    if (!element) return false;
    const canvas = this.diagram.get<Canvas>('canvas');
    try {
      this.diagram.get<Selection>('selection').select(element);
    } catch {
      // A viewer without the selection module still centres the element.
    }
    const box = canvas.viewbox();
    const shape = element as { x?: number; y?: number; width?: number; height?: number; waypoints?: Array<{ x: number; y: number }> };
    const x = shape.x ?? shape.waypoints?.[0]?.x ?? 0;
    const y = shape.y ?? shape.waypoints?.[0]?.y ?? 0;
    const cx = x + (shape.width ?? 0) / 2;
    const cy = y + (shape.height ?? 0) / 2;
    canvas.viewbox({ x: cx - box.width / 2, y: cy - box.height / 2, width: box.width, height: box.height });
    return true;
  }

  private render(): void {
    const overlays = this.diagram.get<Overlays>('overlays');
    const registry = this.diagram.get<ElementRegistry>('elementRegistry');
    overlays.remove({ type: OVERLAY_TYPE });
    for (const [elementId, threads] of threadsByElement(this.items)) {
      const element = registry.get(elementId);
      if (!element) continue;
      const badge = h(
        'button',
        {
          type: 'button',
          class: `annotation-badge${threads.usang ? ' is-usang' : ''}${threads.open === 0 ? ' is-resolved' : ''}`,
          title: badgeTitle(threads),
          'aria-label': `Komentar pada elemen ini: ${badgeTitle(threads)}`,
          'data-testid': 'annotation-badge',
          'data-element': elementId,
          'data-open': threads.open,
          onClick: (event: Event) => {
            event.stopPropagation();
            this.onOpen(elementId);
          },
        },
        String(threads.open > 0 ? threads.open : '✓'),
      );
      overlays.add(elementId, OVERLAY_TYPE, { position: { top: -12, left: -8 }, html: badge, scale: { min: 1 } });
    }
  }
}
