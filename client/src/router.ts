// Hash routes of the app, and the router that swaps pages, sends visitors where they may go and guards unsaved work.
import { confirmDialog } from './ui/dialog';

export type Route =
  | { name: 'list'; query: URLSearchParams }
  | { name: 'map'; id: string }
  | { name: 'revision'; id: string; n: number }
  /** Two revisions compared (`dari` older, `ke` newer); null lets the page choose (the latest two). */
  | { name: 'diff'; id: string; dari: number | null; ke: number | null }
  | { name: 'login'; returnTo: string | null }
  | { name: 'setup' }
  | { name: 'users' }
  | { name: 'audit' }
  /** "Menunggu saya": what waits for the signed-in user in the review cycle. */
  | { name: 'inbox' }
  /** "Evaluasi SOP": SOPs in force due for their yearly evaluation or marked for revision. */
  | { name: 'evaluations' }
  /** "Dasbor repositori": maps, SOP states, lint counts and evaluations due per unit and per map kind. */
  | { name: 'dashboard' }
  /** "Pemeriksaan repositori": findings of the repository-wide checks, grouped by map. */
  | { name: 'repository-lint' }
  | { name: 'not-found' };

/** The query key of the login page that holds where the user was going, e.g. `#/masuk?kembali=/peta/abc`. */
const RETURN_KEY = 'kembali';

export const href = {
  list: (query?: URLSearchParams): string => {
    const text = query?.toString();
    return text ? `#/?${text}` : '#/';
  },
  map: (id: string): string => `#/peta/${encodeURIComponent(id)}`,
  revision: (id: string, n: number): string => `#/peta/${encodeURIComponent(id)}/revisi/${n}`,
  diff: (id: string, dari?: number, ke?: number): string => {
    const query = new URLSearchParams();
    if (dari !== undefined) query.set('dari', String(dari));
    if (ke !== undefined) query.set('ke', String(ke));
    const text = query.toString();
    return `#/peta/${encodeURIComponent(id)}/banding${text ? `?${text}` : ''}`;
  },
  /** The login page; `returnTo` (an address of the app) is where signing in leads back to. */
  login: (returnTo?: string): string => {
    const target = returnTo ? safeReturnTo(returnTo) : null;
    return target && target !== href.list() ? `#/masuk?${new URLSearchParams({ [RETURN_KEY]: target.slice(1) })}` : '#/masuk';
  },
  setup: (): string => '#/penyiapan',
  users: (): string => '#/pengguna',
  audit: (): string => '#/audit',
  inbox: (): string => '#/kotak-masuk',
  evaluations: (): string => '#/evaluasi',
  dashboard: (): string => '#/dasbor',
  repositoryLint: (): string => '#/repositori/pemeriksaan',
};

/**
 * The address to return to after signing in, as a hash (`#/peta/abc`), or null for anything that is not a page
 * of the app worth returning to (the login and setup pages themselves, or text that is not an app address).
 */
export function safeReturnTo(value: string): string | null {
  const hash = value.startsWith('#') ? value : `#${value}`;
  if (!hash.startsWith('#/')) return null;
  const route = parseHash(hash);
  return route.name === 'login' || route.name === 'setup' || route.name === 'not-found' ? null : hash;
}

export function parseHash(hash: string): Route {
  const [path, search = ''] = hash.replace(/^#/, '').split('?', 2);
  let segments: string[];
  try {
    segments = path.split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    return { name: 'not-found' };
  }
  if (segments.length === 0) return { name: 'list', query: new URLSearchParams(search) };
  if (segments.length === 1) {
    switch (segments[0]) {
      case 'masuk': {
        const returnTo = new URLSearchParams(search).get(RETURN_KEY);
        return { name: 'login', returnTo: returnTo ? safeReturnTo(returnTo) : null };
      }
      case 'penyiapan':
        return { name: 'setup' };
      case 'pengguna':
        return { name: 'users' };
      case 'audit':
        return { name: 'audit' };
      case 'kotak-masuk':
        return { name: 'inbox' };
      case 'evaluasi':
        return { name: 'evaluations' };
      case 'dasbor':
        return { name: 'dashboard' };
    }
  }
  if (segments.length === 2 && segments[0] === 'repositori' && segments[1] === 'pemeriksaan') return { name: 'repository-lint' };
  if (segments[0] === 'peta' && segments.length === 2) return { name: 'map', id: segments[1] };
  if (segments[0] === 'peta' && segments.length === 4 && segments[2] === 'revisi' && /^[1-9]\d*$/.test(segments[3])) {
    return { name: 'revision', id: segments[1], n: Number(segments[3]) };
  }
  if (segments[0] === 'peta' && segments.length === 3 && segments[2] === 'banding') {
    const query = new URLSearchParams(search);
    const revision = (key: string) => (/^[1-9]\d*$/.test(query.get(key) ?? '') ? Number(query.get(key)) : null);
    return { name: 'diff', id: segments[1], dari: revision('dari'), ke: revision('ke') };
  }
  return { name: 'not-found' };
}

export interface Page {
  element: HTMLElement;
  /** True while leaving would lose the user's work. */
  hasUnsavedChanges?(): boolean;
  /** Called once the page is in the document (to move focus, for example). */
  shown?(): void;
  destroy?(): void;
}

/** What the unsaved-changes question says; the default fits leaving a map with unsaved changes. */
export interface LeaveQuestion {
  title: string;
  message: string;
  confirmLabel: string;
  cancelLabel: string;
}

const LEAVE_MAP: LeaveQuestion = {
  title: 'Tinggalkan peta ini?',
  message: 'Ada perubahan yang belum disimpan. Bila Anda meninggalkan halaman ini, perubahan tersebut hilang.',
  confirmLabel: 'Tinggalkan tanpa menyimpan',
  cancelLabel: 'Tetap di sini',
};

export interface NavigateOptions {
  /** Asks this instead of the usual question when the page has unsaved changes. */
  question?: LeaveQuestion;
  /** Leaves without asking (the user has already agreed). */
  force?: boolean;
}

/** Decides, for the address about to be shown, whether another one must be shown instead (e.g. the login page). */
export type Redirect = (route: Route, hash: string) => string | null;

export class Router {
  private page: Page | null = null;
  private currentHash = '';
  private bypassGuard = false;
  private nextQuestion: LeaveQuestion | null = null;
  private asking = false;

  constructor(
    private readonly outlet: HTMLElement,
    private readonly render: (route: Route) => Page,
    private readonly redirect: Redirect = () => null,
  ) {}

  start(): void {
    window.addEventListener('hashchange', () => void this.onHashChange());
    window.addEventListener('beforeunload', (event) => {
      if (this.page?.hasUnsavedChanges?.()) event.preventDefault();
    });
    this.show();
  }

  /** True while the user is being asked whether to leave unsaved work. */
  get isAsking(): boolean {
    return this.asking;
  }

  navigate(hash: string, options: NavigateOptions = {}): void {
    if (location.hash === hash) {
      this.show();
      return;
    }
    this.bypassGuard = options.force ?? false;
    this.nextQuestion = options.question ?? null;
    location.hash = hash;
  }

  /** Replaces the address without leaving the page (a list's filters, for example). */
  replace(hash: string): void {
    history.replaceState(history.state, '', hash);
    this.currentHash = location.hash;
  }

  /** Shows the current address again, e.g. after the signed-in user changed. */
  reload(): void {
    this.show();
  }

  /** Resolves true when the current page may be left: nothing unsaved, or the user agrees to lose it. */
  async confirmLeave(question: LeaveQuestion = LEAVE_MAP): Promise<boolean> {
    if (!this.page?.hasUnsavedChanges?.()) return true;
    if (this.asking) return false;
    this.asking = true;
    try {
      return await confirmDialog({ ...question, danger: true });
    } finally {
      this.asking = false;
    }
  }

  private async onHashChange(): Promise<void> {
    if (location.hash === this.currentHash) return;
    const question = this.nextQuestion ?? LEAVE_MAP;
    this.nextQuestion = null;
    if (!this.bypassGuard && this.page?.hasUnsavedChanges?.()) {
      const target = location.hash;
      // Stay put while the user decides; the page is still the one they were working on.
      history.replaceState(history.state, '', this.currentHash || '#/');
      if (await this.confirmLeave(question)) {
        this.bypassGuard = true;
        location.hash = target;
      }
      return;
    }
    this.bypassGuard = false;
    this.show();
  }

  private show(): void {
    let route = parseHash(location.hash);
    // A redirect may lead to another (the login page sends a signed-in user on); a few steps settle it.
    for (let step = 0; step < 3; step += 1) {
      const target = this.redirect(route, location.hash);
      if (target === null || target === location.hash) break;
      history.replaceState(history.state, '', target);
      route = parseHash(location.hash);
    }
    this.page?.destroy?.();
    this.currentHash = location.hash;
    this.page = this.render(route);
    this.outlet.replaceChildren(this.page.element);
    window.scrollTo(0, 0);
    this.page.shown?.();
  }
}
