// The list of process maps: search, filters, creating a map and importing a .bpmn file.
import type { MapFilter, MapPage, Meta, ProcessMap } from '../../api/types';
import type { AppContext } from '../../context';
import { href, type Page } from '../../router';
import { h, replaceChildren } from '../../ui/dom';
import { errorView } from '../../ui/errors';
import { droppedFiles } from '../../ui/droppedFiles';
import { bpmnFileInput } from '../../ui/files';
import { openBatchImportDialog } from '../../features/import/BatchImportDialog';
import { openImportDialog } from '../../features/import/ImportDialog';
import { formatCount, formatDateTime } from '../../ui/format';
import { errorStateView, loadingView } from '../../ui/states';
import { Pager, type PagerMove } from '../../ui/pager';
import { appHeader, pageShell } from '../shared/layout';
import { kindLabel, profileLabel, shortProfileLabel } from '../shared/mapFields';
import { openSopExportDialog } from '../../features/sop-export/SopExportDialog';
import { openCreateMapDialog } from './createMapDialog';
import { countText, MAP_LIST_PAGE_SIZE, pageFrom, pagesOf } from './mapListPaging';
import { MapTreeView } from '../../features/hierarchy/MapTreeView';
import { stateBadge } from '../../features/review/stateBadge';
import { STATE_LABELS } from '../../features/review/reviewLabels';
import { REVIEW_STATE_ORDER } from '../../features/dashboard/dashboardLabels';
import { openMoveMapDialog } from '../../features/hierarchy/moveMapDialog';

const SEARCH_DELAY_MS = 250;

/** URL query keys of the filters, in Indonesian like the rest of the address. */
const QUERY_KEYS = { q: 'q', kind: 'jenis', unit: 'unit', sopState: 'status' } as const;

/** URL query key of the table's page (1 is the first; left out on the first). */
const PAGE_KEY = 'halaman';

/** The list as a table ("Daftar") or as the tree of the hierarchy ("Hierarki"); the choice is remembered. */
type ListView = 'daftar' | 'hierarki';
const VIEW_KEY = 'petakerja.daftarPeta.tampilan';

export class MapListPage implements Page {
  readonly element: HTMLElement;
  private readonly filters = h('div', { class: 'filters' });
  private readonly notices = h('div', { class: 'notices' });
  private readonly results = h('div', { class: 'results' });
  private readonly count = h('p', { class: 'result-count', role: 'status' });
  private readonly importButton: HTMLButtonElement;
  private readonly importInput: HTMLInputElement;
  private filter: Required<MapFilter>;
  private view: ListView = localStorage.getItem(VIEW_KEY) === 'hierarki' ? 'hierarki' : 'daftar';
  private readonly viewSwitch = h('div', { class: 'view-switch', role: 'group', 'aria-label': 'Tampilan daftar peta' });
  private request = 0;
  private searchTimer: number | undefined;
  /** The table's page (1 is the first), kept in the address. */
  private page: number;
  /** The filtered listing's total as last shown: the pagers move within it until the next answer. */
  private total = 0;
  private meta: Meta | undefined;
  private readonly pagers = {
    above: new Pager('Halaman daftar peta', (page, move) => void this.goToPage(page, move, 'above'), 'pager'),
    below: new Pager('Halaman daftar peta (bawah)', (page, move) => void this.goToPage(page, move, 'below'), 'pager-below'),
  };

  constructor(
    private readonly context: AppContext,
    query: URLSearchParams,
  ) {
    this.filter = {
      q: query.get(QUERY_KEYS.q) ?? '',
      kind: query.get(QUERY_KEYS.kind) ?? '',
      unit: query.get(QUERY_KEYS.unit) ?? '',
      sopState: query.get(QUERY_KEYS.sopState) ?? '',
    };
    this.page = pageFrom(query.get(PAGE_KEY));
    this.pagers.below.element.classList.add('pager-below');
    this.importInput = bpmnFileInput('import-input', (file) => void this.importFile(file), { onFiles: (files) => void this.importFiles(files) });
    this.importButton = h(
      'button',
      { type: 'button', class: 'button button-secondary', 'data-testid': 'import-button', title: 'Impor peta BPMN dari modeller lain, atau dokumen SOP AP yang sudah ada (PDF, Word, Excel)', onClick: () => this.importInput.click() },
      'Impor .bpmn / dokumen SOP',
    );
    const { session } = context;
    // Only drafters create and import maps; the server refuses anyone else, so nobody else is offered it.
    // Everyone may export their unit's SOPs (the bureau picks the unit in the dialog) — but for a province role
    // reading a kabupaten/kota, whose server answers only reads there (an export is a job it would refuse).
    const exportSop = h('button', { type: 'button', class: 'button button-secondary', 'data-testid': 'sop-export-button', onClick: () => void this.openSopExport() }, 'Ekspor SOP unit');
    const actions = session.canEditMaps
      ? h(
          'div',
          { class: 'page-actions' },
          exportSop,
          this.importButton,
          this.importInput,
          h('button', { type: 'button', class: 'button button-primary', 'data-testid': 'new-map-button', onClick: () => void this.openCreate() }, 'Peta baru'),
        )
      : h('div', { class: 'page-actions' }, ...(session.readsOtherPemda ? [] : [exportSop]));
    const lead = session.allUnits
      ? 'Peta proses, subproses, relasi, lintas fungsi dan alur mekanisme kerja.'
      : `Peta proses unit ${session.user.unit || '(unit belum diisi)'}. Anda dapat membuka dan mengekspor peta; perubahan dilakukan oleh penyusun.`;
    this.element = pageShell(
      'page-list',
      appHeader(context),
      h(
        'main',
        { class: 'list-main' },
        h('div', { class: 'page-heading' }, h('div', {}, h('h1', {}, 'Peta proses'), h('p', { class: 'lead', 'data-testid': 'list-lead' }, lead)), actions),
        this.notices,
        this.filters,
        h('div', { class: 'list-bar' }, this.count, this.pagers.above.element, this.viewSwitch),
        this.results,
        this.pagers.below.element,
      ),
    );
    document.title = 'Peta proses — Petakerja';
    if (session.canEditMaps) this.acceptDrops(this.element.querySelector<HTMLElement>('.list-main')!);
    this.renderViewSwitch();
    void this.load();
  }

  private renderViewSwitch(): void {
    const option = (view: ListView, label: string) =>
      h('button', { type: 'button', 'aria-pressed': String(this.view === view), 'data-testid': `view-${view}`, onClick: () => this.setView(view) }, label);
    replaceChildren(this.viewSwitch, option('daftar', 'Daftar'), option('hierarki', 'Hierarki'));
  }

  private setView(view: ListView): void {
    if (view === this.view) return;
    this.view = view;
    localStorage.setItem(VIEW_KEY, view);
    this.renderViewSwitch();
    void this.load();
  }

  destroy(): void {
    window.clearTimeout(this.searchTimer);
    this.request += 1;
  }

  private async openSopExport(): Promise<void> {
    const { session } = this.context;
    const units = session.allUnits ? await this.context.meta().then((meta) => meta.units, () => []) : [];
    // The list's unit filter first, else the user's own unit when it has maps, else the first unit listed.
    const unit = this.filter.unit || (!session.allUnits || units.includes(session.user.unit) ? session.user.unit : (units[0] ?? ''));
    openSopExportDialog(this.context, { units, unit });
  }

  private async load(): Promise<void> {
    replaceChildren(this.results, loadingView());
    let meta: Meta;
    try {
      meta = await this.context.meta(true);
    } catch (error) {
      replaceChildren(this.results, errorStateView('Daftar peta tidak dapat dimuat', error, () => void this.load()));
      return;
    }
    this.meta = meta;
    replaceChildren(this.filters, this.filterControls(meta));
    await this.refresh(meta);
  }

  private async refresh(meta: Meta): Promise<void> {
    const request = ++this.request;
    this.results.setAttribute('aria-busy', 'true');
    try {
      if (this.view === 'hierarki') {
        const [maps, all] = await Promise.all([
          this.context.api.listMaps(this.filter),
          // The tree needs every map to place the matches of a filter under their ancestors.
          this.hasFilter() ? this.context.api.listMaps() : null,
        ]);
        if (request !== this.request) return;
        this.count.textContent = maps.length > 0 ? `${formatCount(maps.length)} peta` : '';
        this.showPages(null);
        replaceChildren(this.results, maps.length > 0 ? this.tree(all ?? maps, all ? new Set(maps.map((m) => m.id)) : null, meta) : this.emptyState());
        return;
      }
      let page = await this.listPage();
      if (request !== this.request) return;
      if (page.items.length === 0 && page.total > 0) {
        // The maps changed since this page was chosen (or the address asks past the end): the last page instead.
        this.page = pagesOf(page.total);
        this.writeQuery();
        page = await this.listPage();
        if (request !== this.request) return;
      }
      this.total = page.total;
      this.count.textContent = countText(this.page, page.items.length, page.total);
      this.showPages(page.total > MAP_LIST_PAGE_SIZE ? { page: this.page, pages: pagesOf(page.total) } : null);
      replaceChildren(this.results, page.items.length > 0 ? this.table(page.items, meta) : this.emptyState());
    } catch (error) {
      if (request !== this.request) return;
      this.count.textContent = '';
      this.showPages(null);
      replaceChildren(this.results, errorStateView('Daftar peta tidak dapat dimuat', error, () => void this.refresh(meta)));
    } finally {
      if (request === this.request) this.results.removeAttribute('aria-busy');
    }
  }

  /** The table's current page of the filtered listing. */
  private listPage(): Promise<MapPage> {
    return this.context.api.listMapsPage(this.filter, { limit: MAP_LIST_PAGE_SIZE, offset: (this.page - 1) * MAP_LIST_PAGE_SIZE });
  }

  private showPages(state: { page: number; pages: number } | null): void {
    this.pagers.above.update(state);
    this.pagers.below.update(state);
  }

  /** Shows page `page` of the table; from the pager below the table, the focus goes up to the one above it. */
  private async goToPage(page: number, move: PagerMove, from: 'above' | 'below'): Promise<void> {
    if (!this.meta || page === this.page) return;
    this.page = page;
    this.showPages({ page, pages: pagesOf(this.total) });
    this.writeQuery();
    window.clearTimeout(this.searchTimer);
    await this.refresh(this.meta);
    if (from === 'below') this.pagers.above.focus(move);
  }

  /** The filters and the page into the address (replacing it: reload and back keep them). */
  private writeQuery(): void {
    const query = new URLSearchParams();
    for (const [key, name] of Object.entries(QUERY_KEYS) as [keyof MapFilter, string][]) {
      if (this.filter[key]) query.set(name, this.filter[key]);
    }
    if (this.page > 1) query.set(PAGE_KEY, String(this.page));
    this.context.router.replace(href.list(query));
  }

  private hasFilter(): boolean {
    return Boolean(this.filter.q || this.filter.kind || this.filter.unit || this.filter.sopState);
  }

  private setFilter(meta: Meta, change: Partial<MapFilter>, delay = 0): void {
    this.filter = { ...this.filter, ...change };
    // Another filter lists other maps: from its first page.
    this.page = 1;
    this.writeQuery();
    window.clearTimeout(this.searchTimer);
    this.searchTimer = window.setTimeout(() => void this.refresh(meta), delay);
  }

  private filterControls(meta: Meta): HTMLElement {
    const search = h('input', {
      type: 'search',
      class: 'search-input',
      'aria-label': 'Cari peta menurut nama atau kode',
      placeholder: 'Cari nama atau kode…',
      value: this.filter.q,
      'data-testid': 'search-input',
    });
    search.addEventListener('input', () => this.setFilter(meta, { q: search.value.trim() }, SEARCH_DELAY_MS));

    const kind = h(
      'select',
      { 'aria-label': 'Saring menurut jenis peta' },
      h('option', { value: '' }, 'Semua jenis'),
      meta.kinds.map((option) => h('option', { value: option.id, selected: option.id === this.filter.kind }, option.label)),
    );
    kind.addEventListener('change', () => this.setFilter(meta, { kind: kind.value }));

    const units = meta.units.includes(this.filter.unit) || !this.filter.unit ? meta.units : [...meta.units, this.filter.unit];
    const unit = h(
      'select',
      { 'aria-label': 'Saring menurut unit kerja' },
      h('option', { value: '' }, 'Semua unit'),
      units.map((name) => h('option', { value: name, selected: name === this.filter.unit }, name)),
    );
    unit.addEventListener('change', () => this.setFilter(meta, { unit: unit.value }));

    const sopState = h(
      'select',
      { 'aria-label': 'Saring menurut status SOP', 'data-testid': 'sop-state-filter' },
      h('option', { value: '' }, 'Semua status SOP'),
      REVIEW_STATE_ORDER.map((state) => h('option', { value: state, selected: state === this.filter.sopState }, STATE_LABELS[state])),
    );
    sopState.addEventListener('change', () => this.setFilter(meta, { sopState: sopState.value }));

    // Someone who sees only their own unit has nothing to choose between.
    const showUnits = this.context.session.allUnits || units.length > 1;
    return h('form', { class: 'filter-bar', role: 'search', onSubmit: (event: Event) => event.preventDefault() }, search, kind, showUnits && unit, sopState);
  }

  private table(maps: ProcessMap[], meta: Meta): HTMLElement {
    const rows = maps.map((map) => {
      const row = h(
        'tr',
        { 'data-testid': 'map-row', 'data-map-id': map.id },
        h('td', { class: 'cell-code' }, map.code),
        h('td', { class: 'cell-name' }, h('a', { href: href.map(map.id) }, map.name)),
        h('td', {}, kindLabel(meta, map.kind)),
        h('td', {}, map.unit || h('span', { class: 'muted' }, '—')),
        h('td', { title: profileLabel(meta, map.profile) }, shortProfileLabel(meta, map.profile)),
        h('td', { class: 'cell-sop-state', 'data-testid': 'sop-state-cell' }, map.sopState ? stateBadge(map.sopState) : h('span', { class: 'muted' }, '—')),
        h('td', { class: 'cell-number' }, map.currentRevision),
        h('td', { class: 'cell-date' }, h('time', { datetime: map.updatedAt }, formatDateTime(map.updatedAt))),
      );
      // The whole row opens the map; the link in the name cell keeps it reachable by keyboard.
      row.addEventListener('click', (event) => {
        if (!(event.target instanceof Element && event.target.closest('a'))) this.context.router.navigate(href.map(map.id));
      });
      return row;
    });
    return h(
      'div',
      { class: 'table-wrap' },
      h(
        'table',
        { class: 'data-table map-table' },
        h('caption', { class: 'visually-hidden' }, 'Daftar peta proses'),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            ['Kode', 'Nama', 'Jenis', 'Unit', 'Profil', 'Status SOP', 'Revisi', 'Diubah'].map((title) => h('th', { scope: 'col' }, title)),
          ),
        ),
        h('tbody', {}, rows),
      ),
    );
  }

  private tree(maps: ProcessMap[], matches: Set<string> | null, meta: Meta): HTMLElement {
    return new MapTreeView({
      maps,
      matches,
      meta,
      canMove: this.context.session.canEditMaps,
      onOpen: (map) => this.context.router.navigate(href.map(map.id)),
      onMove: (map) =>
        openMoveMapDialog(this.context, {
          map,
          maps,
          onMoved: ({ map: moved }) => {
            replaceChildren(this.notices, h('p', { class: 'notice notice-info', role: 'status', 'data-testid': 'move-notice' }, `Peta "${moved.name}" dipindahkan; kodenya sekarang ${moved.code}.`));
            void this.refresh(meta);
          },
        }),
    }).element;
  }

  private emptyState(): HTMLElement {
    if (this.hasFilter()) {
      return h(
        'div',
        { class: 'state state-empty' },
        h('h2', {}, 'Tidak ada peta yang cocok'),
        h('p', {}, 'Ubah kata pencarian atau saringan, atau tampilkan semua peta.'),
        h('button', { type: 'button', class: 'button button-secondary', onClick: () => this.clearFilters() }, 'Tampilkan semua peta'),
      );
    }
    if (!this.context.session.canEditMaps) {
      return h(
        'div',
        { class: 'state state-empty' },
        h('h2', {}, 'Belum ada peta proses'),
        h('p', {}, this.context.session.allUnits ? 'Belum ada peta proses yang disusun.' : 'Belum ada peta proses untuk unit Anda. Peta disusun oleh penyusun di Bagian Organisasi.'),
      );
    }
    return h(
      'div',
      { class: 'state state-empty' },
      h('h2', {}, 'Belum ada peta proses'),
      h('p', {}, 'Belum ada peta proses. Buat peta pertama, impor berkas .bpmn, atau impor dokumen SOP yang sudah ada (PDF, Word, Excel).'),
      h(
        'div',
        { class: 'state-actions' },
        h('button', { type: 'button', class: 'button button-primary', onClick: () => void this.openCreate() }, 'Buat peta pertama'),
        h('button', { type: 'button', class: 'button button-secondary', onClick: () => this.importInput.click() }, 'Impor berkas .bpmn atau dokumen SOP'),
      ),
    );
  }

  private clearFilters(): void {
    this.filter = { q: '', kind: '', unit: '', sopState: '' };
    this.page = 1;
    this.context.router.replace(href.list());
    void this.load();
  }

  private async openCreate(): Promise<void> {
    replaceChildren(this.notices);
    try {
      openCreateMapDialog(this.context, await this.context.meta());
    } catch (error) {
      replaceChildren(this.notices, errorView(error, 'Formulir peta baru tidak dapat dibuka.'));
    }
  }

  /** Opens the import dialog for a chosen or dropped file; nothing is created until the user confirms there. */
  private async importFile(file: File): Promise<void> {
    replaceChildren(this.notices);
    try {
      openImportDialog(this.context, await this.context.meta(), file);
    } catch (error) {
      replaceChildren(this.notices, errorView(error, `Berkas "${file.name}" tidak dapat diimpor.`));
    }
  }

  /** Several files, or a ZIP of a unit's SOPs: imported in turn with progress (issue 17). */
  private async importFiles(files: File[]): Promise<void> {
    replaceChildren(this.notices);
    try {
      await openBatchImportDialog(this.context, await this.context.meta(), files);
    } catch (error) {
      replaceChildren(this.notices, errorView(error, 'Berkas-berkas itu tidak dapat diimpor.'));
    }
  }

  /**
   * A .bpmn file or an SOP document dragged from the desktop onto the list opens the import dialog, as the import button
   * does; several files, a ZIP or a folder (a unit's folder of SOPs) open the import of several documents.
   */
  private acceptDrops(target: HTMLElement): void {
    const hasFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') === true;
    let depth = 0;
    target.addEventListener('dragenter', (event) => {
      if (!hasFiles(event)) return;
      depth++;
      target.classList.add('is-drop-target');
    });
    target.addEventListener('dragleave', (event) => {
      if (!hasFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) target.classList.remove('is-drop-target');
    });
    target.addEventListener('dragover', (event) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    });
    target.addEventListener('drop', (event) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      depth = 0;
      target.classList.remove('is-drop-target');
      if (!event.dataTransfer) return;
      // The entries are read at once: the drop's data is gone once this handler returns.
      void droppedFiles(event.dataTransfer).then(({ files, folder }) => {
        if (files.length === 1 && !folder && !/\.zip$/i.test(files[0]!.name)) void this.importFile(files[0]!);
        else if (files.length > 0) void this.importFiles(files);
      });
    });
  }

}
