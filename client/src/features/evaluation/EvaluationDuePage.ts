// "Evaluasi SOP" (#/evaluasi): the SOPs in force in the user's units whose yearly evaluation is due — none in the 12
// months since the last one or since the SOP took effect — or that a monitoring or evaluation finding marks for
// revision (SOP-FORMAT.md §3); most overdue first.
import type { DueItem } from '../../api/types';
import type { AppContext } from '../../context';
import { href, type Page } from '../../router';
import { h, replaceChildren } from '../../ui/dom';
import { formatDateTime } from '../../ui/format';
import { errorStateView, loadingView } from '../../ui/states';
import { appHeader, pageShell } from '../../pages/shared/layout';
import { formatTanggal } from '../../../../server/sop/render/identity-part';
import './evaluation.css';

/** "Terlambat 11 bulan", "Jatuh tempo bulan ini", or "Belum jatuh tempo (5 Januari 2027)". */
export function overdueText(item: Pick<DueItem, 'evaluationDue' | 'monthsOverdue' | 'dueSince'>): string {
  if (!item.evaluationDue) return `Belum jatuh tempo (${formatTanggal(item.dueSince)})`;
  return item.monthsOverdue === 0 ? 'Jatuh tempo bulan ini' : `Terlambat ${item.monthsOverdue} bulan`;
}

export class EvaluationDuePage implements Page {
  readonly element: HTMLElement;
  private readonly results = h('div', { class: 'results' });
  private readonly count = h('p', { class: 'result-count', role: 'status' });
  private request = 0;

  constructor(private readonly context: AppContext) {
    this.element = pageShell(
      'page-evaluation-due',
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
            h('h1', {}, 'Evaluasi SOP'),
            h(
              'p',
              { class: 'lead' },
              'SOP yang berlaku dievaluasi paling sedikit setahun sekali dan dimonitor setiap 6 bulan. Di sini tampil SOP yang belum dievaluasi dalam 12 bulan terakhir dan SOP yang perlu direvisi karena temuan monitoring atau evaluasi.',
            ),
          ),
          h('div', { class: 'page-actions' }, h('button', { type: 'button', class: 'button button-secondary', onClick: () => void this.load() }, 'Muat ulang')),
        ),
        this.count,
        this.results,
      ),
    );
    document.title = 'Evaluasi SOP — Petakerja';
    void this.load();
  }

  destroy(): void {
    this.request += 1;
  }

  private async load(): Promise<void> {
    const request = ++this.request;
    if (!this.results.firstChild) replaceChildren(this.results, loadingView('Memuat SOP yang perlu dievaluasi…'));
    this.results.setAttribute('aria-busy', 'true');
    try {
      const items = await this.context.api.evaluationsDue();
      if (request !== this.request) return;
      this.count.textContent = items.length > 0 ? `${items.length} SOP` : '';
      replaceChildren(this.results, items.length > 0 ? this.table(items) : this.empty());
    } catch (error) {
      if (request !== this.request) return;
      this.count.textContent = '';
      replaceChildren(this.results, errorStateView('Daftar evaluasi SOP tidak dapat dimuat', error, () => void this.load()));
    } finally {
      if (request === this.request) this.results.removeAttribute('aria-busy');
    }
  }

  private empty(): HTMLElement {
    return h(
      'div',
      { class: 'state state-empty', 'data-testid': 'evaluation-due-empty' },
      h('h2', {}, 'Tidak ada SOP yang perlu dievaluasi'),
      h('p', {}, 'Setiap SOP yang berlaku sudah dievaluasi dalam 12 bulan terakhir dan tidak ada temuan yang menandainya perlu direvisi.'),
      h('p', {}, 'Monitoring dan evaluasi diisi dari halaman peta, tombol “Monitoring & Evaluasi”.'),
      h('div', { class: 'state-actions' }, h('a', { class: 'button button-secondary', href: href.list() }, 'Ke daftar peta')),
    );
  }

  private table(items: DueItem[]): HTMLElement {
    const rows = items.map((item) =>
      h(
        'tr',
        { 'data-testid': 'evaluation-due-row', 'data-map-id': item.map.id },
        h('td', {}, item.map.unit || h('span', { class: 'muted' }, '—')),
        h('td', { class: 'cell-name' }, h('a', { href: href.map(item.map.id) }, item.title), h('div', { class: 'muted' }, `Peta ${item.map.code} · kode SOP ${item.code}`)),
        h('td', { class: 'cell-date' }, h('div', { title: formatDateTime(item.signedAt) }, formatTanggal(item.signedAt.slice(0, 10))), h('div', { class: 'muted' }, `berlaku ${formatTanggal(item.tanggalEfektif)}`)),
        h('td', { class: 'cell-date' }, item.lastEvaluation ? formatTanggal(item.lastEvaluation) : h('span', { class: 'muted' }, 'Belum pernah')),
        h(
          'td',
          {},
          h('span', { class: item.evaluationDue ? 'evaluation-overdue' : 'muted' }, overdueText(item)),
          item.evaluationDue && h('div', { class: 'muted' }, `jatuh tempo ${formatTanggal(item.dueSince)}`),
        ),
        h(
          'td',
          {},
          item.perluRevisi
            ? [h('span', { class: 'evaluation-badge' }, 'Perlu revisi'), h('ul', { class: 'evaluation-reasons' }, item.reasons.map((reason) => h('li', {}, reason.text)))]
            : h('span', { class: 'muted' }, 'Tidak'),
        ),
      ),
    );
    return h(
      'div',
      { class: 'table-wrap' },
      h(
        'table',
        { class: 'data-table evaluation-due-table' },
        h('caption', { class: 'visually-hidden' }, 'SOP yang perlu dievaluasi, yang paling lama terlambat di atas'),
        h('thead', {}, h('tr', {}, ['Unit', 'SOP', 'Disahkan', 'Evaluasi terakhir', 'Evaluasi', 'Perlu revisi'].map((title) => h('th', { scope: 'col' }, title)))),
        h('tbody', {}, rows),
      ),
    );
  }
}
