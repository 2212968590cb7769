// "Dasbor repositori" (#/dasbor): per unit or per map kind, the maps the user may see, their SOP states, lint errors
// and warnings and the SOPs due for evaluation — as a table (with totals) and as two bar charts drawn by svgChart.ts.
// While the server is still checking maps (`pending`), the page says so and asks again every few seconds.
import type { Dashboard, DashboardRow, ReviewState } from '../../api/types';
import type { AppContext } from '../../context';
import type { Page } from '../../router';
import { href } from '../../router';
import { h, replaceChildren } from '../../ui/dom';
import { errorStateView, loadingView } from '../../ui/states';
import { appHeader, pageShell } from '../../pages/shared/layout';
import { REVIEW_STATE_ORDER, STATE_COLORS } from './dashboardLabels';
import { STATE_LABELS } from '../review/reviewLabels';
import { barChart } from './svgChart';
import './dashboard.css';

/** How often the page asks again while maps are being checked. */
export const POLL_MS = 3000;

type Grouping = 'unit' | 'kind';

const GROUPINGS: Record<Grouping, { button: string; heading: string; noun: string }> = {
  unit: { button: 'Per unit', heading: 'Unit', noun: 'unit' },
  kind: { button: 'Per jenis peta', heading: 'Jenis peta', noun: 'jenis peta' },
};

const number = (n: number) => n.toLocaleString('id-ID');

export class DashboardPage implements Page {
  readonly element: HTMLElement;
  private readonly progress = h('p', { class: 'dashboard-progress', role: 'status', 'aria-live': 'polite' });
  private readonly results = h('div', { class: 'results' });
  private readonly switchButtons: Record<Grouping, HTMLButtonElement>;
  private grouping: Grouping = 'unit';
  private data: Dashboard | null = null;
  private request = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly context: AppContext) {
    this.switchButtons = {
      unit: this.switchButton('unit'),
      kind: this.switchButton('kind'),
    };
    this.element = pageShell(
      'page-dashboard',
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
            h('h1', {}, 'Dasbor repositori'),
            h('p', { class: 'lead' }, 'Jumlah peta, status SOP, galat dan peringatan linter (aturan peta dan pemeriksaan antarpeta repositori), serta SOP yang jatuh tempo evaluasi tahunannya, per unit atau per jenis peta.'),
          ),
          h(
            'div',
            { class: 'page-actions' },
            h('div', { class: 'segmented', role: 'group', 'aria-label': 'Kelompokkan menurut' }, this.switchButtons.unit, this.switchButtons.kind),
            h('button', { type: 'button', class: 'button button-secondary', onClick: () => void this.reload() }, 'Muat ulang'),
          ),
        ),
        this.progress,
        this.results,
      ),
    );
    document.title = 'Dasbor repositori — Petakerja';
    void this.reload();
  }

  destroy(): void {
    this.request += 1;
    clearTimeout(this.timer);
  }

  async reload(): Promise<void> {
    const request = ++this.request;
    clearTimeout(this.timer);
    if (!this.data) replaceChildren(this.results, loadingView('Memuat dasbor repositori…'));
    this.results.setAttribute('aria-busy', 'true');
    try {
      const data = await this.context.api.repositoryDashboard();
      if (request !== this.request) return;
      this.data = data;
      this.render();
      if (data.pending > 0) this.timer = setTimeout(() => void this.reload(), POLL_MS);
    } catch (error) {
      if (request !== this.request) return;
      this.data = null;
      this.progress.replaceChildren();
      replaceChildren(this.results, errorStateView('Dasbor repositori tidak dapat dimuat', error, () => void this.reload()));
    } finally {
      if (request === this.request) this.results.removeAttribute('aria-busy');
    }
  }

  private switchButton(grouping: Grouping): HTMLButtonElement {
    return h(
      'button',
      {
        type: 'button',
        class: 'segmented-option',
        'aria-pressed': String(grouping === this.grouping),
        'data-testid': `dashboard-group-${grouping}`,
        onClick: () => {
          this.grouping = grouping;
          for (const [key, button] of Object.entries(this.switchButtons)) button.setAttribute('aria-pressed', String(key === grouping));
          if (this.data) this.render();
        },
      },
      GROUPINGS[grouping].button,
    );
  }

  private render(): void {
    const data = this.data!;
    this.progress.replaceChildren(...progressContent(data));
    if (data.totals.maps === 0) {
      replaceChildren(this.results, emptyView());
      return;
    }
    const rows = this.grouping === 'unit' ? data.byUnit : data.byKind;
    const { noun } = GROUPINGS[this.grouping];
    replaceChildren(
      this.results,
      h(
        'div',
        { class: 'dashboard-charts' },
        barChart({
          title: `Status SOP per ${noun}`,
          description: `Batang bertumpuk: jumlah peta per ${noun} menurut status SOP-nya. Angka lengkapnya ada pada tabel di bawah.`,
          series: REVIEW_STATE_ORDER.map((state) => ({ key: state, label: STATE_LABELS[state], color: STATE_COLORS[state] })),
          rows: rows.map((row) => ({ label: row.label, values: row.sopStates })),
          className: 'chart-states',
          testId: 'dashboard-chart-states',
        }),
        barChart({
          title: `Galat linter per ${noun}`,
          description: `Jumlah galat linter pada revisi terkini peta per ${noun}, temuan antarpeta pemeriksaan repositori termasuk. Angka lengkapnya ada pada tabel di bawah.`,
          series: [{ key: 'errors', label: 'Galat', color: 'var(--pk-danger)' }],
          rows: rows.map((row) => ({ label: row.label, values: { errors: row.lint.errors } })),
          className: 'chart-errors',
          width: 480,
          testId: 'dashboard-chart-errors',
        }),
      ),
      dashboardTable(this.grouping, rows, data.totals),
    );
  }
}

function progressContent(data: Dashboard): Array<Node | string> {
  if (data.pending === 0) return [];
  const checked = data.totals.maps - data.pending;
  const bar = h('progress', { max: data.totals.maps, value: checked, 'aria-hidden': 'true' });
  return [
    h('span', { class: 'spinner', 'aria-hidden': 'true' }),
    `Memeriksa ${number(data.pending)} dari ${number(data.totals.maps)} peta… Angka galat dan peringatan belum mencakup peta yang sedang diperiksa.`,
    bar,
  ];
}

function emptyView(): HTMLElement {
  return h(
    'div',
    { class: 'state state-empty', 'data-testid': 'dashboard-empty' },
    h('h2', {}, 'Belum ada peta'),
    h('p', {}, 'Repositori belum berisi peta proses yang dapat Anda lihat. Dasbor terisi begitu peta dibuat atau diimpor.'),
    h('div', { class: 'state-actions' }, h('a', { class: 'button button-secondary', href: href.list() }, 'Ke daftar peta')),
  );
}

/** The map list filtered to the row's unit or kind. */
function rowLink(grouping: Grouping, row: DashboardRow): string {
  return href.list(new URLSearchParams(grouping === 'unit' ? { unit: row.key } : { jenis: row.key }));
}

function cells(row: DashboardRow): HTMLElement[] {
  const cell = (value: number, className = '') => h('td', { class: `cell-number ${className}`.trim() }, value === 0 ? h('span', { class: 'muted' }, '0') : number(value));
  return [
    cell(row.maps),
    ...REVIEW_STATE_ORDER.map((state: ReviewState) => cell(row.sopStates[state])),
    cell(row.lint.errors, row.lint.errors > 0 ? 'cell-errors' : ''),
    cell(row.lint.warnings, row.lint.warnings > 0 ? 'cell-warnings' : ''),
    cell(row.lint.mapsWithErrors),
    cell(row.evaluationDue, row.evaluationDue > 0 ? 'cell-due' : ''),
  ];
}

function dashboardTable(grouping: Grouping, rows: DashboardRow[], totals: DashboardRow): HTMLElement {
  const headings = [GROUPINGS[grouping].heading, 'Peta', ...REVIEW_STATE_ORDER.map((state) => STATE_LABELS[state]), 'Galat', 'Peringatan', 'Peta bergalat', 'Evaluasi jatuh tempo'];
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { class: 'data-table dashboard-table', 'data-testid': 'dashboard-table' },
      h('caption', { class: 'visually-hidden' }, `Rekap repositori per ${GROUPINGS[grouping].noun}: peta, status SOP, galat dan peringatan linter, evaluasi jatuh tempo`),
      h(
        'thead',
        {},
        h('tr', { class: 'dashboard-group-heads' }, h('td', { colspan: 2 }), h('th', { scope: 'colgroup', colspan: REVIEW_STATE_ORDER.length }, 'Status SOP'), h('th', { scope: 'colgroup', colspan: 3 }, 'Linter'), h('td', {})),
        h('tr', {}, headings.map((title) => h('th', { scope: 'col' }, title))),
      ),
      h(
        'tbody',
        {},
        rows.map((row) => h('tr', { 'data-testid': 'dashboard-row', 'data-key': row.key }, h('th', { scope: 'row' }, h('a', { href: rowLink(grouping, row) }, row.label)), cells(row))),
      ),
      h('tfoot', {}, h('tr', { 'data-testid': 'dashboard-totals' }, h('th', { scope: 'row' }, 'Jumlah'), cells(totals))),
    ),
  );
}
