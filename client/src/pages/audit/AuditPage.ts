// "Log audit" (administrators): the latest sign-ins, refusals and account changes, newest first.
import type { AuditEvent } from '../../api/types';
import type { AppContext } from '../../context';
import { h } from '../../ui/dom';
import { formatDateTime } from '../../ui/format';
import { dataTable, ListingPage } from '../shared/ListingPage';
import { auditDetail, auditEventLabel, isWarningEvent } from './auditLabels';

const LIMITS = [50, 200, 1000];
const DEFAULT_LIMIT = 200;

export class AuditPage extends ListingPage<AuditEvent> {
  constructor(context: AppContext) {
    let limit = DEFAULT_LIMIT;
    const select = h(
      'select',
      { 'aria-label': 'Jumlah peristiwa yang ditampilkan', class: 'select-auto' },
      LIMITS.map((value) => h('option', { value, selected: value === limit }, `${value} peristiwa terakhir`)),
    );
    super(context, {
      pageClass: 'page-audit',
      title: 'Log audit',
      lead: 'Peristiwa masuk dan keluar, akses yang ditolak, serta perubahan akun; yang terbaru di atas.',
      controls: [select],
      loadingText: 'Memuat log audit…',
      errorTitle: 'Log audit tidak dapat dimuat',
      load: () => context.api.audit(limit),
      countText: (events) => `${events.length} peristiwa`,
      table,
      empty: () => h('div', { class: 'state state-empty' }, h('h2', {}, 'Belum ada peristiwa'), h('p', {}, 'Log audit masih kosong.')),
    });
    select.addEventListener('change', () => {
      limit = Number(select.value);
      void this.reload();
    });
  }
}

function table(events: AuditEvent[]): HTMLElement {
  const rows = events.map((event) =>
    h(
      'tr',
      { 'data-testid': 'audit-row', 'data-event': event.event },
      h('td', { class: 'cell-date' }, h('time', { datetime: event.at }, formatDateTime(event.at, true))),
      h('td', {}, h('span', { class: isWarningEvent(event.event) ? 'event event-warning' : 'event' }, auditEventLabel(event.event))),
      h('td', { class: 'cell-code' }, event.username || h('span', { class: 'muted' }, '—')),
      h('td', { class: 'cell-code' }, event.ip || h('span', { class: 'muted' }, '—')),
      h('td', { class: 'cell-detail', title: event.detail }, auditDetail(event.event, event.detail) || h('span', { class: 'muted' }, '—')),
    ),
  );
  return dataTable('audit-table', 'Log audit, terbaru di atas', ['Waktu', 'Peristiwa', 'Pengguna', 'Alamat', 'Rincian'], rows);
}
