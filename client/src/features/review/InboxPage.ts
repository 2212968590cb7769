// "Menunggu saya" (#/kotak-masuk): the maps whose review waits for the signed-in user — submit, fix, review, sign or
// answer a comment — oldest first as the server lists them, each linking to the map.
import type { InboxItem } from '../../api/types';
import type { AppContext } from '../../context';
import { href, type Page } from '../../router';
import { h, replaceChildren } from '../../ui/dom';
import { formatDateTime } from '../../ui/format';
import { errorStateView, loadingView } from '../../ui/states';
import { appHeader, pageShell } from '../../pages/shared/layout';
import { stateBadge } from './stateBadge';
import './review.css';

export class InboxPage implements Page {
  readonly element: HTMLElement;
  private readonly results = h('div', { class: 'results' });
  private readonly count = h('p', { class: 'result-count', role: 'status' });
  private request = 0;

  constructor(private readonly context: AppContext) {
    this.element = pageShell(
      'page-inbox',
      appHeader(context),
      h(
        'main',
        { class: 'list-main' },
        h(
          'div',
          { class: 'page-heading' },
          h(
            'div',
            {},
            h('h1', {}, 'Menunggu saya'),
            h('p', { class: 'lead' }, 'SOP yang perlu Anda ajukan, perbaiki, reviu, sahkan, atau komentar yang perlu Anda tanggapi.'),
          ),
          h('div', { class: 'page-actions' }, h('button', { type: 'button', class: 'button button-secondary', onClick: () => void this.load() }, 'Muat ulang')),
        ),
        this.count,
        this.results,
      ),
    );
    document.title = 'Menunggu saya — Petakerja';
    void this.load();
  }

  destroy(): void {
    this.request += 1;
  }

  private async load(): Promise<void> {
    const request = ++this.request;
    if (!this.results.firstChild) replaceChildren(this.results, loadingView('Memuat…'));
    this.results.setAttribute('aria-busy', 'true');
    try {
      const items = await this.context.api.reviewInbox();
      if (request !== this.request) return;
      this.count.textContent = items.length > 0 ? `${items.length} peta menunggu Anda` : '';
      replaceChildren(this.results, items.length > 0 ? this.table(items) : this.empty());
    } catch (error) {
      if (request !== this.request) return;
      this.count.textContent = '';
      replaceChildren(this.results, errorStateView('Daftar tugas tidak dapat dimuat', error, () => void this.load()));
    } finally {
      if (request === this.request) this.results.removeAttribute('aria-busy');
    }
  }

  private empty(): HTMLElement {
    return h(
      'div',
      { class: 'state state-empty', 'data-testid': 'inbox-empty' },
      h('h2', {}, 'Tidak ada yang menunggu Anda.'),
      h('p', {}, 'SOP yang diajukan, dikembalikan untuk diperbaiki, atau menunggu pengesahan akan muncul di sini sesuai peran Anda.'),
      h('div', { class: 'state-actions' }, h('a', { class: 'button button-primary', href: href.list() }, 'Ke daftar peta')),
    );
  }

  private table(items: InboxItem[]): HTMLElement {
    const rows = items.map((item) =>
      h(
        'tr',
        { 'data-testid': 'inbox-row', 'data-map': item.map.id, 'data-task': item.task },
        h(
          'td',
          {},
          h('a', { class: 'inbox-map', href: href.map(item.map.id) }, item.map.name),
          h('span', { class: 'inbox-map-code muted' }, [item.map.code && `Kode ${item.map.code}`, item.map.unit].filter(Boolean).join(' · ')),
        ),
        h('td', {}, stateBadge(item.state)),
        h('td', {}, h('a', { href: href.map(item.map.id), class: 'inbox-task' }, item.label)),
        h('td', { class: 'cell-date' }, h('time', { datetime: item.since }, formatDateTime(item.since))),
        h('td', { class: 'cell-number' }, item.openAnnotations > 0 ? String(item.openAnnotations) : h('span', { class: 'muted' }, '—')),
      ),
    );
    return h(
      'div',
      { class: 'table-wrap' },
      h(
        'table',
        { class: 'data-table inbox-table' },
        h('caption', { class: 'visually-hidden' }, 'Yang menunggu Anda'),
        h('thead', {}, h('tr', {}, ['Peta', 'Status', 'Yang perlu dilakukan', 'Sejak', 'Komentar terbuka'].map((title) => h('th', { scope: 'col' }, title)))),
        h('tbody', {}, rows),
      ),
    );
  }
}
