// "Log audit" (administrators): sign-ins, refusals, account changes and SOP review steps, newest first, a page at a time, filtered by
// days, user and event (the server reads only what a page needs: docs/api.md, GET /api/audit).
import type { AuditEvent, AuditEventKind, AuditFilter } from '../../api/types';
import type { AppContext } from '../../context';
import { dateInput, isoDate } from '../../ui/dateInput';
import { h } from '../../ui/dom';
import { formatDateTime } from '../../ui/format';
import { dataTable, ListingPage } from '../shared/ListingPage';
import { href } from '../../router';
import { AUDIT_EVENT_KINDS, auditDetail, auditEventLabel, isWarningEvent, reviewStepText } from './auditLabels';

const LIMITS = [50, 200, 1000];
const DEFAULT_LIMIT = 200;

export class AuditPage extends ListingPage<AuditEvent> {
  constructor(context: AppContext) {
    let limit = DEFAULT_LIMIT;
    /** Cursors of the pages shown before this one (the first page has none); `next` continues with older events. */
    const cursors: Array<string | undefined> = [undefined];
    let next: string | undefined;
    const select = h(
      'select',
      { 'aria-label': 'Jumlah peristiwa per halaman', class: 'select-auto' },
      LIMITS.map((value) => h('option', { value, selected: value === limit }, `${value} peristiwa per halaman`)),
    );
    const from = dateInput({ 'aria-label': 'Dari tanggal', 'data-testid': 'audit-from' });
    const to = dateInput({ 'aria-label': 'Sampai tanggal', 'data-testid': 'audit-to' });
    const user = h('input', { type: 'search', placeholder: 'Nama pengguna', 'aria-label': 'Nama pengguna', maxlength: 200, 'data-testid': 'audit-user' }) as HTMLInputElement;
    const event = h(
      'select',
      { 'aria-label': 'Peristiwa', class: 'select-auto', 'data-testid': 'audit-event' },
      h('option', { value: '' }, 'Semua peristiwa'),
      AUDIT_EVENT_KINDS.map((kind) => h('option', { value: kind }, auditEventLabel(kind))),
    ) as HTMLSelectElement;
    const newer = h('button', { type: 'button', class: 'button button-secondary', disabled: true, 'data-testid': 'audit-newer' }, 'Lebih baru');
    const older = h('button', { type: 'button', class: 'button button-secondary', disabled: true, 'data-testid': 'audit-older' }, 'Lebih lama');
    const filter = (): AuditFilter => ({
      ...(isoDate(from) ? { from: isoDate(from) } : {}),
      ...(isoDate(to) ? { to: isoDate(to) } : {}),
      ...(user.value.trim() ? { user: user.value.trim() } : {}),
      ...(event.value ? { event: event.value as AuditEventKind } : {}),
    });
    super(context, {
      pageClass: 'page-audit',
      title: 'Log audit',
      lead: 'Peristiwa masuk dan keluar, akses yang ditolak, perubahan akun, serta langkah reviu SOP (diajukan, dikembalikan, disetujui, disahkan, dicabut); yang terbaru di atas. Penolakan berulang dicatat sebagai satu baris dengan jumlahnya.',
      controls: [from, to, user, event, select, newer, older],
      loadingText: 'Memuat log audit…',
      errorTitle: 'Log audit tidak dapat dimuat',
      load: async () => {
        const before = cursors.at(-1);
        const page = await context.api.audit(limit, { ...filter(), ...(before ? { before } : {}) });
        next = page.nextCursor;
        older.disabled = !next;
        newer.disabled = cursors.length <= 1;
        return page.items;
      },
      countText: (events) => `${events.length} peristiwa${cursors.length > 1 ? ` (halaman ${cursors.length})` : ''}`,
      table,
      empty: () => h('div', { class: 'state state-empty' }, h('h2', {}, 'Tidak ada peristiwa'), h('p', {}, 'Tidak ada peristiwa yang cocok dengan saringan ini.')),
    });
    const restart = () => {
      cursors.splice(1);
      void this.reload();
    };
    for (const control of [select, from, to, event]) control.addEventListener('change', () => {
      limit = Number(select.value);
      restart();
    });
    user.addEventListener('change', restart);
    older.addEventListener('click', () => {
      if (!next) return;
      cursors.push(next);
      void this.reload();
    });
    newer.addEventListener('click', () => {
      if (cursors.length > 1) cursors.pop();
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
      event.review
        ? h(
            'td',
            { class: 'cell-detail', 'data-testid': 'audit-review' },
            h('a', { href: href.map(event.review.mapId) }, event.review.mapName),
            event.review.unit ? h('span', { class: 'muted' }, ` (${event.review.unit})`) : '',
            h('br'),
            reviewStepText(event.review),
          )
        : h('td', { class: 'cell-detail', title: event.detail }, auditDetail(event.event, event.detail) || h('span', { class: 'muted' }, '—')),
    ),
  );
  return dataTable('audit-table', 'Log audit, terbaru di atas', ['Waktu', 'Peristiwa', 'Pengguna', 'Alamat', 'Rincian'], rows);
}
