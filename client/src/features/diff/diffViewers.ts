// The two diagrams of a revision diff side by side — the older revision left, the newer right — with the changes
// coloured by canvas markers, viewports that follow each other, and an element chosen in the list selected and
// centred in both.
import type NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import type { Element } from 'bpmn-js/lib/model/Types';
import type Canvas from 'diagram-js/lib/core/Canvas';
import type ElementRegistry from 'diagram-js/lib/core/ElementRegistry';
import type Selection from 'diagram-js/lib/features/selection/Selection';
import { getBBox } from 'diagram-js/lib/util/Elements';
import type { ElementChange, ElementChangeKind } from '../../api/types';
import { createViewer } from '../../diagram/createDiagram';
import { importDiagram } from '../../diagram/diagramFiles';
import { fitDiagram } from '../../diagram/viewport';

/** The marker (CSS class) of each kind of change; diff.css colours them. */
export const MARKERS: Record<ElementChangeKind, string> = {
  added: 'diff-added',
  removed: 'diff-removed',
  changed: 'diff-changed',
  moved: 'diff-moved',
};

/** The older revision shows what was removed, the newer what was added; both show changes and moves. */
const SHOWN_ON: Record<'old' | 'new', ReadonlySet<ElementChangeKind>> = {
  old: new Set(['removed', 'changed', 'moved']),
  new: new Set(['added', 'changed', 'moved']),
};

export class DiffViewers {
  private readonly viewers: { old: NavigatedViewer; new: NavigatedViewer };
  private syncing = false;
  private sync = true;

  constructor(oldCanvas: HTMLElement, newCanvas: HTMLElement) {
    this.viewers = { old: createViewer(oldCanvas), new: createViewer(newCanvas) };
  }

  async show(oldXml: string, newXml: string, changes: readonly ElementChange[]): Promise<void> {
    await importDiagram(this.viewers.old, oldXml);
    await importDiagram(this.viewers.new, newXml);
    for (const side of ['old', 'new'] as const) {
      const canvas = this.viewers[side].get<Canvas>('canvas');
      const registry = this.viewers[side].get<ElementRegistry>('elementRegistry');
      for (const change of changes) {
        if (SHOWN_ON[side].has(change.change) && registry.get(change.elementId)) canvas.addMarker(change.elementId, MARKERS[change.change]);
      }
    }
    fitDiagram(this.viewers.new);
    this.follow('new', 'old');
    for (const [from, to] of [['old', 'new'], ['new', 'old']] as const) {
      this.viewers[from].on('canvas.viewbox.changed', () => this.follow(from, to));
    }
  }

  /** Whether the two viewports move together (on by default). */
  setSynchronised(on: boolean): void {
    this.sync = on;
    if (on) this.follow('new', 'old');
  }

  /** Calls `listener` with the id of an element the reader clicks in either diagram. */
  onElementClick(listener: (elementId: string) => void): void {
    for (const viewer of Object.values(this.viewers)) {
      viewer.on<{ element: Element }>('element.click', ({ element }) => listener(element.id));
    }
  }

  /** Selects the element in each diagram that has it and centres it there; false when neither has it. */
  focus(elementId: string): boolean {
    let found = false;
    const wasSync = this.sync;
    this.sync = false;
    try {
      for (const viewer of Object.values(this.viewers)) {
        const element = viewer.get<ElementRegistry>('elementRegistry').get(elementId) as Element | undefined;
        const selection = viewer.get<Selection>('selection');
        if (!element) {
          selection.select(null);
          continue;
        }
        found = true;
        selection.select(element);
        centre(viewer.get<Canvas>('canvas'), element);
      }
    } finally {
      this.sync = wasSync;
    }
    return found;
  }

  destroy(): void {
    this.viewers.old.destroy();
    this.viewers.new.destroy();
  }

  /** Gives `to` the viewport of `from`: the same diagram coordinates at the same scale. */
  private follow(from: 'old' | 'new', to: 'old' | 'new'): void {
    if (!this.sync || this.syncing) return;
    this.syncing = true;
    try {
      const source = this.viewers[from].get<Canvas>('canvas').viewbox();
      const target = this.viewers[to].get<Canvas>('canvas');
      const { outer } = target.viewbox();
      target.viewbox({ x: source.x, y: source.y, width: outer.width / source.scale, height: outer.height / source.scale });
    } finally {
      this.syncing = false;
    }
  }
}

function centre(canvas: Canvas, element: Element): void {
  const box = getBBox(element);
  const viewbox = canvas.viewbox();
  canvas.viewbox({
    x: box.x + box.width / 2 - viewbox.width / 2,
    y: box.y + box.height / 2 - viewbox.height / 2,
    width: viewbox.width,
    height: viewbox.height,
  });
}
