// "Log audit" (administrators): the latest sign-ins, refusals and account changes, newest first.
import type { AuditEvent } from '../../api/types';
import type { AppContext } from '../../context';
import type { Page } from '../../router';
import { h, replaceChildren } from '../../ui/dom';
import { formatDateTime } from '../../ui/format';
import { errorStateView, loadingView } from '../../ui/states';
import { appHeader, pageShell } from '../shared/layout';
import { auditDetail, auditEventLabel, isWarningEvent } from './auditLabels';

const LIMITS = [50, 200, 1000];
const DEFAULT_LIMIT = 200;

export class AuditPage implements Page {
  readonly element: HTMLElement;
  private readonly results = h('div', { class: 'results' });
  private readonly count = h('p', { class: 'result-count', role: 'status' });
  private limit = DEFAULT_LIMIT;
  private request = 0;

  constructor(private readonly context: AppContext) {
    const limit = h(
      'select',
      { 'aria-label': 'Jumlah peristiwa yang ditampilkan', class: 'select-auto' },
      LIMITS.map((value) => h('option', { value, selected: value === this.limit }, `${value} peristiwa terakhir`)),
    );
    limit.addEventListener('change', () => {
      this.limit = Number(limit.value);
      void this.load();
    });
    this.element = pageShell(
      'page-audit',
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
            h('h1', {}, 'Log audit'),
            h('p', { class: 'lead' }, 'Peristiwa masuk dan keluar, akses yang ditolak, serta perubahan akun; yang terbaru di atas.'),
          ),
          h(
            'div',
            { class: 'page-actions' },
            limit,
            h('button', { type: 'button', class: 'button button-secondary', onClick: () => void this.load() }, 'Muat ulang'),
          ),
        ),
        this.count,
        this.results,
      ),
    );
    document.title = 'Log audit — Petakerja';
    void this.load();
  }

  destroy(): void {
    this.request += 1;
  }

  private async load(): Promise<void> {
    const request = ++this.request;
    if (!this.results.firstChild) replaceChildren(this.results, loadingView('Memuat log audit…'));
    this.results.setAttribute('aria-busy', 'true');
    try {
      const events = await this.context.api.audit(this.limit);
      if (request !== this.request) return;
      this.count.textContent = events.length > 0 ? `${events.length} peristiwa` : '';
      replaceChildren(
        this.results,
        events.length > 0 ? this.table(events) : h('div', { class: 'state state-empty' }, h('h2', {}, 'Belum ada peristiwa'), h('p', {}, 'Log audit masih kosong.')),
      );
    } catch (error) {
      if (request !== this.request) return;
      this.count.textContent = '';
      replaceChildren(this.results, errorStateView('Log audit tidak dapat dimuat', error, () => void this.load()));
    } finally {
      if (request === this.request) this.results.removeAttribute('aria-busy');
    }
  }

  private table(events: AuditEvent[]): HTMLElement {
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
    return h(
      'div',
      { class: 'table-wrap' },
      h(
        'table',
        { class: 'data-table audit-table' },
        h('caption', { class: 'visually-hidden' }, 'Log audit, terbaru di atas'),
        h('thead', {}, h('tr', {}, ['Waktu', 'Peristiwa', 'Pengguna', 'Alamat', 'Rincian'].map((title) => h('th', { scope: 'col' }, title)))),
        h('tbody', {}, rows),
      ),
    );
  }
}
