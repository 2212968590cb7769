// The palette without a mouse (issue 15, item 8): every entry is a tab stop (a button to assistive technology), and
// Enter or Space on a "create" entry places the new element at once instead of starting a drag: appended after the
// selected flow node through bpmn-js's autoPlace (connected like the context pad's "append"), else in the middle of
// the view; then selected, with its label open for typing. Tool entries (hand, lasso, space, connect) act as on click.
import type { Element, Shape } from 'bpmn-js/lib/model/Types';
import { is } from 'bpmn-js/lib/util/ModelUtil';

interface EventBus {
  on(event: string, callback: (event: { container?: HTMLElement }) => void): void;
}
interface Palette {
  triggerEntry(entryId: string, action: 'click', event: Event): void;
}
interface Create {
  start(event: Event, elements: Shape | Shape[], context?: unknown): void;
}
interface Canvas {
  viewbox(): { x: number; y: number; width: number; height: number };
  getRootElement(): Element;
}
interface ElementRegistry {
  filter(predicate: (element: Element) => boolean): Element[];
}
interface Modeling {
  createShape(shape: Shape, position: { x: number; y: number }, parent: Element): Shape;
  createElements(elements: Shape[], position: { x: number; y: number }, parent: Element): Element[];
}

/** Types that may follow the selected element in the flow, connected to it (as the context pad appends them). */
const APPENDABLE = ['bpmn:FlowNode', 'bpmn:DataObjectReference', 'bpmn:DataStoreReference', 'bpmn:TextAnnotation'];

export default class PaletteKeyboard {
  static $inject = ['eventBus', 'palette', 'create', 'autoPlace', 'selection', 'canvas', 'elementRegistry', 'modeling', 'directEditing'];

  constructor(
    eventBus: EventBus,
    private readonly palette: Palette,
    private readonly create: Create,
    private readonly autoPlace: { append(source: Element, shape: Shape): Shape },
    private readonly selection: { get(): Element[]; select(element: Element): void },
    private readonly canvas: Canvas,
    private readonly elementRegistry: ElementRegistry,
    private readonly modeling: Modeling,
    private readonly directEditing: { activate(element: Element): void },
  ) {
    eventBus.on('palette.create', ({ container }) => container?.addEventListener('keydown', (event) => this.onKeyDown(event)));
    eventBus.on('palette.changed', () => this.makeFocusable());
  }

  private container(): HTMLElement | null {
    return document.querySelector<HTMLElement>('.djs-palette');
  }

  private makeFocusable(): void {
    for (const entry of Array.from(this.container()?.querySelectorAll<HTMLElement>('.entry[data-action]') ?? [])) {
      entry.tabIndex = 0;
      entry.setAttribute('role', 'button');
      // The title is the tooltip (and the name) mouse users see; keyboard users hear it.
      if (!entry.hasAttribute('aria-label') && entry.title) entry.setAttribute('aria-label', entry.title);
    }
  }

  private onKeyDown(event: KeyboardEvent): void {
    const entry = (event.target as HTMLElement | null)?.closest<HTMLElement>('.entry[data-action]');
    if (!entry || (event.key !== 'Enter' && event.key !== ' ')) return;
    event.preventDefault();
    event.stopPropagation();
    const entryId = entry.dataset.action!;
    const created = this.createdBy(entryId, event);
    if (created) this.place(created);
  }

  /** Runs the entry; a "create" entry hands its new elements to create.start, which is caught here instead. */
  private createdBy(entryId: string, event: Event): Shape[] | undefined {
    let caught: Shape[] | undefined;
    const start = this.create.start;
    this.create.start = (_event, elements) => {
      caught = Array.isArray(elements) ? elements : [elements];
    };
    try {
      this.palette.triggerEntry(entryId, 'click', event);
    } finally {
      this.create.start = start;
    }
    return caught;
  }

  private place(elements: Shape[]): void {
    const [shape] = elements;
    if (!shape) return;
    const source = this.selection.get().find((element) => APPENDABLE.some((type) => is(element, type)) && !('waypoints' in element));
    let placed: Shape;
    if (elements.length === 1 && source && APPENDABLE.some((type) => is(shape, type))) {
      placed = this.autoPlace.append(source, shape);
    } else {
      const box = this.canvas.viewbox();
      const centre = { x: Math.round(box.x + box.width / 2), y: Math.round(box.y + box.height / 2) };
      const parent = this.parentAt(centre, shape);
      placed = elements.length === 1 ? this.modeling.createShape(shape, centre, parent) : (this.modeling.createElements(elements, centre, parent)[0] as Shape);
    }
    this.selection.select(placed);
    if (is(placed, 'bpmn:FlowNode') || is(placed, 'bpmn:Participant') || is(placed, 'bpmn:TextAnnotation')) this.directEditing.activate(placed);
  }

  /** The pool under `point` for a flow element in a collaboration; the root otherwise. */
  private parentAt(point: { x: number; y: number }, shape: Shape): Element {
    const root = this.canvas.getRootElement();
    if (is(shape, 'bpmn:Participant') || !is(root, 'bpmn:Collaboration')) return root;
    const inside = (element: Element) => {
      const s = element as Shape;
      return point.x >= s.x && point.x <= s.x + s.width && point.y >= s.y && point.y <= s.y + s.height;
    };
    return this.elementRegistry.filter((element) => is(element, 'bpmn:Participant') && inside(element))[0] ?? this.elementRegistry.filter((element) => is(element, 'bpmn:Participant'))[0] ?? root;
  }
}
