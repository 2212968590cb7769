// Hash routes of the app, and the router that swaps pages and guards unsaved work.
import { confirmDialog } from './ui/dialog';

export type Route =
  | { name: 'list'; query: URLSearchParams }
  | { name: 'map'; id: string }
  | { name: 'revision'; id: string; n: number }
  | { name: 'not-found' };

export const href = {
  list: (query?: URLSearchParams): string => {
    const text = query?.toString();
    return text ? `#/?${text}` : '#/';
  },
  map: (id: string): string => `#/peta/${encodeURIComponent(id)}`,
  revision: (id: string, n: number): string => `#/peta/${encodeURIComponent(id)}/revisi/${n}`,
};

export function parseHash(hash: string): Route {
  const [path, search = ''] = hash.replace(/^#/, '').split('?', 2);
  const segments = path.split('/').filter(Boolean).map(decodeURIComponent);
  if (segments.length === 0) return { name: 'list', query: new URLSearchParams(search) };
  if (segments[0] === 'peta' && segments.length === 2) return { name: 'map', id: segments[1] };
  if (segments[0] === 'peta' && segments.length === 4 && segments[2] === 'revisi' && /^[1-9]\d*$/.test(segments[3])) {
    return { name: 'revision', id: segments[1], n: Number(segments[3]) };
  }
  return { name: 'not-found' };
}

export interface Page {
  element: HTMLElement;
  /** True while leaving would lose the user's work. */
  hasUnsavedChanges?(): boolean;
  destroy?(): void;
}

export class Router {
  private page: Page | null = null;
  private currentHash = '';
  private bypassGuard = false;

  constructor(
    private readonly outlet: HTMLElement,
    private readonly render: (route: Route) => Page,
  ) {}

  start(): void {
    window.addEventListener('hashchange', () => void this.onHashChange());
    window.addEventListener('beforeunload', (event) => {
      if (this.page?.hasUnsavedChanges?.()) event.preventDefault();
    });
    this.show();
  }

  navigate(hash: string): void {
    if (location.hash === hash) {
      this.show();
    } else {
      location.hash = hash;
    }
  }

  /** Replaces the address without leaving the page (a list's filters, for example). */
  replace(hash: string): void {
    history.replaceState(history.state, '', hash);
    this.currentHash = location.hash;
  }

  private async onHashChange(): Promise<void> {
    if (location.hash === this.currentHash) return;
    if (!this.bypassGuard && this.page?.hasUnsavedChanges?.()) {
      const target = location.hash;
      // Stay put while the user decides; the page is still the one they were working on.
      history.replaceState(history.state, '', this.currentHash || '#/');
      const leave = await confirmDialog({
        title: 'Tinggalkan peta ini?',
        message: 'Ada perubahan yang belum disimpan. Bila Anda meninggalkan halaman ini, perubahan tersebut hilang.',
        confirmLabel: 'Tinggalkan tanpa menyimpan',
        cancelLabel: 'Tetap di sini',
        danger: true,
      });
      if (leave) {
        this.bypassGuard = true;
        location.hash = target;
      }
      return;
    }
    this.bypassGuard = false;
    this.show();
  }

  private show(): void {
    this.page?.destroy?.();
    this.currentHash = location.hash;
    this.page = this.render(parseHash(location.hash));
    this.outlet.replaceChildren(this.page.element);
    window.scrollTo(0, 0);
  }
}
