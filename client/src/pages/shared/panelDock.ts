// The side panels beside a diagram (history, properties or element facts, review) docked at the right edge, with a
// tab strip that opens and collapses each. Each panel remembers whether its user left it open (localStorage, per
// panel). So the diagram keeps most of the window, only so many panels stay open at once: one below 1600 px (1024 and
// 1366 px office screens), two up to 2400 px; opening another collapses the one opened longest ago, without
// forgetting that the user had it open (it comes back on a wider screen).
import { h } from '../../ui/dom';

export interface DockedPanel {
  /** Names the panel in the strip's order record. */
  readonly id: string;
  readonly element: HTMLElement;
  /** Opens and collapses the panel; it shows in the tab strip. */
  readonly toggleButton: HTMLButtonElement;
  /** `remember: false` collapses it for want of room, keeping the user's choice for later. */
  setOpen(open: boolean, remember?: boolean): void;
}

const ORDER_KEY = 'petakerja.panels.order';

/** How many side panels fit beside a usable diagram in a window this wide. */
export function panelRoom(windowWidth: number): number {
  if (windowWidth < 1600) return 1;
  if (windowWidth < 2400) return 2;
  return 3;
}

function readOrder(): string[] {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(ORDER_KEY) ?? '[]');
    return Array.isArray(stored) ? stored.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    return [];
  }
}

export class PanelDock {
  /** The tab strip: one toggle per panel, along the right edge of the workspace. */
  readonly strip: HTMLElement;
  /** Panel ids, the most recently opened last. */
  private order: string[];
  private readonly observer: MutationObserver;

  /**
   * `panels` in the order they show, left to right (their tabs follow it, top to bottom); `priority` lists their ids,
   * the one that stays open when nothing says otherwise first.
   */
  constructor(
    private readonly panels: DockedPanel[],
    priority: string[],
  ) {
    this.strip = h(
      'nav',
      { class: 'panel-strip', 'aria-label': 'Panel samping', 'data-testid': 'panel-strip' },
      panels.map((panel) => {
        panel.toggleButton.classList.add('panel-tab');
        return panel.toggleButton;
      }),
    );
    const stored = readOrder();
    const ids = [...priority, ...panels.map((panel) => panel.id).filter((id) => !priority.includes(id))];
    this.order = [...[...ids].reverse().filter((id) => !stored.includes(id)), ...stored.filter((id) => ids.includes(id))];
    // However a panel opens (its tab, a comment badge on the diagram), the others make room.
    this.observer = new MutationObserver((records) => {
      for (const record of records) {
        const panel = this.panels.find((candidate) => candidate.element === record.target);
        if (panel && !panel.element.hidden && record.oldValue !== null) this.opened(panel);
      }
    });
    for (const panel of panels) this.observer.observe(panel.element, { attributes: true, attributeFilter: ['hidden'], attributeOldValue: true });
    window.addEventListener('resize', this.fit);
    this.fit();
  }

  destroy(): void {
    this.observer.disconnect();
    window.removeEventListener('resize', this.fit);
  }

  private opened(panel: DockedPanel): void {
    this.order = [...this.order.filter((id) => id !== panel.id), panel.id];
    localStorage.setItem(ORDER_KEY, JSON.stringify(this.order));
    this.fit();
  }

  /** Collapses the panels opened longest ago until the open ones fit the window. */
  private readonly fit = (): void => {
    const open = this.panels.filter((panel) => !panel.element.hidden).sort((a, b) => this.order.indexOf(a.id) - this.order.indexOf(b.id));
    const excess = open.length - panelRoom(window.innerWidth);
    for (const panel of open.slice(0, Math.max(excess, 0))) panel.setOpen(false, false);
  };
}

/** A panel with no toggle of its own (the properties panel, the element facts): the dock's tab opens it. */
export function dockablePanel(options: { id: string; element: HTMLElement; label: string; title: string; openByDefault: boolean }): DockedPanel {
  const key = `petakerja.panel.${options.id}`;
  const { element } = options;
  element.id ||= `panel-${options.id}`;
  const toggleButton = h(
    'button',
    { type: 'button', class: 'button button-ghost', 'aria-controls': element.id, title: options.title, 'data-testid': `${options.id}-toggle` },
    options.label,
  );
  const setOpen = (open: boolean, remember = true): void => {
    element.hidden = !open;
    toggleButton.setAttribute('aria-expanded', String(open));
    if (remember) localStorage.setItem(key, String(open));
  };
  toggleButton.addEventListener('click', () => setOpen(element.hidden !== false));
  const stored = localStorage.getItem(key);
  setOpen(stored === null ? options.openByDefault : stored === 'true', false);
  return { id: options.id, element, toggleButton, setOpen };
}
