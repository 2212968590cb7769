// "Menunggu saya" (#/kotak-masuk): the maps whose review waits for the signed-in user — submit, fix, review, sign or
// answer a comment — oldest first as the server lists them, each linking to the map.
import type { InboxItem } from '../../api/types';
import type { AppContext } from '../../context';
import { href } from '../../router';
import { h } from '../../ui/dom';
import { formatDateTime } from '../../ui/format';
import { dataTable, ListingPage } from '../../pages/shared/ListingPage';
import { stateBadge } from './stateBadge';
import './review.css';

export class InboxPage extends ListingPage<InboxItem> {
  constructor(context: AppContext) {
    super(context, {
      pageClass: 'page-inbox',
      title: 'Menunggu saya',
      lead: 'SOP yang perlu Anda perbaiki, reviu atau sahkan, dan komentar yang perlu Anda tanggapi.',
      loadingText: 'Memuat…',
      errorTitle: 'Daftar tugas tidak dapat dimuat',
      load: () => context.api.reviewInbox(),
      countText: (items) => `${items.length} peta menunggu Anda`,
      table,
      empty,
    });
  }
}

function empty(): HTMLElement {
  return h(
    'div',
    { class: 'state state-empty', 'data-testid': 'inbox-empty' },
    h('h2', {}, 'Tidak ada yang menunggu Anda.'),
    h('p', {}, 'SOP yang diajukan, dikembalikan untuk diperbaiki, atau menunggu pengesahan akan muncul di sini sesuai peran Anda.'),
    h('div', { class: 'state-actions' }, h('a', { class: 'button button-primary', href: href.list() }, 'Ke daftar peta')),
  );
}

function table(items: InboxItem[]): HTMLElement {
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
  return dataTable('inbox-table', 'Yang menunggu Anda', ['Peta', 'Status', 'Yang perlu dilakukan', 'Sejak', 'Komentar terbuka'], rows);
}
