// "Evaluasi SOP" (#/evaluasi): the SOPs in force in the user's units whose yearly evaluation is due — none in the 12
// months since the last one or since the SOP took effect — or that a monitoring or evaluation finding marks for
// revision (SOP-FORMAT.md §3); most overdue first.
import type { DueItem } from '../../api/types';
import type { AppContext } from '../../context';
import { href } from '../../router';
import { h } from '../../ui/dom';
import { formatDateTime } from '../../ui/format';
import { dataTable, ListingPage } from '../../pages/shared/ListingPage';
import { formatTanggal } from '../../../../server/sop/render/identity-part';
import './evaluation.css';

/** "Terlambat 11 bulan", "Jatuh tempo bulan ini", or "Belum jatuh tempo (5 Januari 2027)". */
export function overdueText(item: Pick<DueItem, 'evaluationDue' | 'monthsOverdue' | 'dueSince'>): string {
  if (!item.evaluationDue) return `Belum jatuh tempo (${formatTanggal(item.dueSince)})`;
  return item.monthsOverdue === 0 ? 'Jatuh tempo bulan ini' : `Terlambat ${item.monthsOverdue} bulan`;
}

export class EvaluationDuePage extends ListingPage<DueItem> {
  constructor(context: AppContext) {
    super(context, {
      pageClass: 'page-evaluation-due',
      title: 'Evaluasi SOP',
      lead: 'SOP yang berlaku dievaluasi paling sedikit setahun sekali dan dimonitor setiap 6 bulan. Di sini tampil SOP yang belum dievaluasi dalam 12 bulan terakhir dan SOP yang perlu direvisi karena temuan monitoring atau evaluasi.',
      loadingText: 'Memuat SOP yang perlu dievaluasi…',
      errorTitle: 'Daftar evaluasi SOP tidak dapat dimuat',
      load: () => context.api.evaluationsDue(),
      countText: (items) => `${items.length} SOP`,
      table,
      empty,
    });
  }
}

function empty(): HTMLElement {
  return h(
    'div',
    { class: 'state state-empty', 'data-testid': 'evaluation-due-empty' },
    h('h2', {}, 'Tidak ada SOP yang perlu dievaluasi'),
    h('p', {}, 'Setiap SOP yang berlaku sudah dievaluasi dalam 12 bulan terakhir dan tidak ada temuan yang menandainya perlu direvisi.'),
    h('p', {}, 'Monitoring dan evaluasi diisi dari halaman peta, tombol “Monitoring & Evaluasi”.'),
    h('div', { class: 'state-actions' }, h('a', { class: 'button button-secondary', href: href.list() }, 'Ke daftar peta')),
  );
}

function table(items: DueItem[]): HTMLElement {
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
  return dataTable('evaluation-due-table', 'SOP yang perlu dievaluasi, yang paling lama terlambat di atas', ['Unit', 'SOP', 'Disahkan', 'Evaluasi terakhir', 'Evaluasi', 'Perlu revisi'], rows);
}
