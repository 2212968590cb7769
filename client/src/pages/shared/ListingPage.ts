// A page that lists what one request answers (the audit log, the inbox, the SOPs due for evaluation): heading with a
// lead and "Muat ulang", a count, and the table — or a loading, empty or error state. Only the newest request's
// answer is shown; leaving the page drops the one in flight.
import type { AppContext } from '../../context';
import type { Page } from '../../router';
import { h, replaceChildren } from '../../ui/dom';
import { errorStateView, loadingView } from '../../ui/states';
import { appHeader, pageShell } from './layout';

export interface Listing<T> {
  pageClass: string;
  title: string;
  lead: string;
  /** Filters shown before "Muat ulang". */
  controls?: HTMLElement[];
  /** The reload button's label, when "Muat ulang" does not say what it does. */
  reloadLabel?: string;
  loadingText: string;
  errorTitle: string;
  load(): Promise<T[]>;
  countText(items: T[]): string;
  table(items: T[]): HTMLElement;
  empty(): HTMLElement;
}

export class ListingPage<T> implements Page {
  readonly element: HTMLElement;
  private readonly results = h('div', { class: 'results' });
  private readonly count = h('p', { class: 'result-count', role: 'status' });
  private request = 0;

  constructor(
    context: AppContext,
    private readonly listing: Listing<T>,
  ) {
    this.element = pageShell(
      listing.pageClass,
      appHeader(context),
      h(
        'main',
        { class: 'list-main' },
        h(
          'div',
          { class: 'page-heading' },
          h('div', {}, h('h1', {}, listing.title), h('p', { class: 'lead' }, listing.lead)),
          h(
            'div',
            { class: 'page-actions' },
            listing.controls,
            h('button', { type: 'button', class: 'button button-secondary', onClick: () => void this.reload() }, listing.reloadLabel ?? 'Muat ulang'),
          ),
        ),
        this.count,
        this.results,
      ),
    );
    document.title = `${listing.title} — Petakerja`;
    void this.reload();
  }

  destroy(): void {
    this.request += 1;
  }

  async reload(): Promise<void> {
    const request = ++this.request;
    if (!this.results.firstChild) replaceChildren(this.results, loadingView(this.listing.loadingText));
    this.results.setAttribute('aria-busy', 'true');
    try {
      const items = await this.listing.load();
      if (request !== this.request) return;
      this.count.textContent = items.length > 0 ? this.listing.countText(items) : '';
      replaceChildren(this.results, items.length > 0 ? this.listing.table(items) : this.listing.empty());
    } catch (error) {
      if (request !== this.request) return;
      this.count.textContent = '';
      replaceChildren(this.results, errorStateView(this.listing.errorTitle, error, () => void this.reload()));
    } finally {
      if (request === this.request) this.results.removeAttribute('aria-busy');
    }
  }
}

/** The listing's table: a caption for screen readers, column headings, and the rows. */
export function dataTable(className: string, caption: string, headings: string[], rows: HTMLElement[]): HTMLElement {
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { class: `data-table ${className}` },
      h('caption', { class: 'visually-hidden' }, caption),
      h('thead', {}, h('tr', {}, headings.map((title) => h('th', { scope: 'col' }, title)))),
      h('tbody', {}, rows),
    ),
  );
}
