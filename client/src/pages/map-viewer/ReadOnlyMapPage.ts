// A map read-only in a viewer: its current revision for those who may not change it (reviewers, signatories,
// readers), or one saved revision for anyone; with the history, the facts of each element and exports.
import type NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import type { Meta, ProcessMap, Revision } from '../../api/types';
import type { AppContext } from '../../context';
import { downloadBpmn, downloadSvg, exportAction, importDiagram } from '../../diagram/diagramFiles';
import { fitBeforeFirstLayout, fitDiagram, paletteInset } from '../../diagram/viewport';
import { showOpenWarnings } from '../../diagram/OpenWarningsNotice';
import { addZoomControls } from '../../diagram/zoomControls';
import { href, type Page } from '../../router';
import { rolesText } from '../../session/permissions';
import { h, replaceChildren } from '../../ui/dom';
import { menuButton } from '../../ui/menuButton';
import { UserFacingError } from '../../ui/errors';
import { formatDateTime } from '../../ui/format';
import { loadingView } from '../../ui/states';
import { mapUnavailableView } from '../shared/mapUnavailable';
import { appHeader, pageShell } from '../shared/layout';
import { skVocabulary } from '../shared/mapFields';
import { mapIdentity } from '../shared/mapIdentity';
import { RevisionPanel } from '../shared/RevisionPanel';
import { dockablePanel, PanelDock } from '../shared/panelDock';
import { ReviewPanel } from '../../features/review/ReviewPanel';
import { MapState } from '../../features/map-state/MapState';
import { evaluationButton } from '../../features/evaluation/EvaluationDialog';
import { relasiButton } from '../../features/relasi/RelasiDialog';
import { MapBreadcrumb } from '../../features/hierarchy/mapBreadcrumb';
import { CallLinkLayer } from '../../features/hierarchy/CallLinkLayer';

export class ReadOnlyMapPage implements Page {
  readonly element: HTMLElement;
  private readonly headerSlot = h('div', { class: 'header-slot' });
  private readonly main = h('main', { class: 'editor-main' });
  private readonly revisionPanel: RevisionPanel;
  /** The review cycle: state, comments on this revision, the actions open to the reader, signing. */
  private readonly reviewPanel: ReviewPanel;
  private viewer: NavigatedViewer | null = null;
  /** The side panels' tab strip; keeps the open ones within the room the window has. */
  private dock: PanelDock | null = null;
  /** The ancestors of the map, the way back up after drilling into a child map. */
  private readonly breadcrumb: MapBreadcrumb;
  private destroyed = false;
  /** The current revision's page follows the map's changes (issue 15, item 2); an old revision never changes. */
  private readonly state: MapState | null;

  /** `n` is the revision to show; null shows the current one to a user who may not change the map. */
  constructor(
    private readonly context: AppContext,
    private readonly mapId: string,
    private readonly n: number | null,
  ) {
    this.revisionPanel = new RevisionPanel(mapId, n);
    this.state = n === null ? new MapState(context.api, mapId) : null;
    this.reviewPanel = new ReviewPanel({ context, mapId, revision: n, ...(this.state ? { state: this.state } : {}) });
    // Nothing is edited here: a newer revision saved elsewhere is simply shown.
    this.state?.onRemoteChange((event) => {
      if (event.kind === 'revision' && !this.destroyed) void this.load();
    });
    this.state?.connect();
    this.breadcrumb = new MapBreadcrumb(context);
    this.element = pageShell(`page-editor ${n === null ? 'page-viewer' : 'page-revision'}`, appHeader(context, this.headerSlot), this.main);
    document.title = n === null ? 'Memuat peta — Petakerja' : `Revisi ${n} — Petakerja`;
    void this.load();
  }

  destroy(): void {
    this.destroyed = true;
    this.reviewPanel.destroy();
    this.dock?.destroy();
    this.state?.destroy();
    this.viewer?.destroy();
    this.viewer = null;
  }

  private async load(): Promise<void> {
    replaceChildren(this.main, loadingView(this.n === null ? 'Memuat peta…' : `Memuat revisi ${this.n}…`));
    this.viewer?.destroy();
    this.viewer = null;
    try {
      const [{ createViewer }, { ElementDetails }, meta, map, revisions] = await Promise.all([
        import('../../diagram/createDiagram'),
        // The element facts share bpmn-js's dictionary and helpers: they come with it, not with the list page.
        import('../shared/ElementDetails'),
        this.context.meta(),
        this.context.api.getMap(this.mapId),
        this.context.api.listRevisions(this.mapId),
      ]);
      const n = this.n ?? map.currentRevision;
      const revision = revisions.find((candidate) => candidate.n === n);
      if (!revision) {
        throw new UserFacingError(`Peta ini tidak memiliki revisi ${n}; revisi terakhirnya adalah revisi ${map.currentRevision}.`);
      }
      const xml = await this.context.api.revisionXml(this.mapId, n);
      if (this.destroyed) return;
      const canvas = h('div', { class: 'diagram-canvas', 'data-testid': 'modeler-canvas' });
      const details = new ElementDetails(skVocabulary(meta));
      const banner = this.n === null ? this.notice() : this.banner(map, revision);
      this.dock?.destroy();
      const review = { id: 'review', element: this.reviewPanel.element, toggleButton: this.reviewPanel.toggleButton, setOpen: (open: boolean, remember?: boolean) => this.reviewPanel.setOpen(open, remember) };
      const facts = dockablePanel({ id: 'details', element: details.element, label: 'Rincian', title: 'Rincian elemen terpilih', openByDefault: true });
      const history = { id: 'history', element: this.revisionPanel.element, toggleButton: this.revisionPanel.toggleButton, setOpen: (open: boolean, remember?: boolean) => this.revisionPanel.setOpen(open, remember) };
      // A saved revision is reached from the history: there it keeps its place first.
      this.dock = new PanelDock([history, facts, review], this.n === null ? ['review', 'details', 'history'] : ['history', 'review', 'details']);
      replaceChildren(
        this.main,
        this.breadcrumb.element,
        banner,
        h('div', { class: 'workspace workspace-readonly' }, canvas, this.revisionPanel.element, details.element, this.reviewPanel.element, this.dock.strip),
      );
      this.revisionPanel.show(revisions, map.currentRevision);
      const viewer = createViewer(canvas);
      this.viewer = viewer;
      // The fitted scale before the first layout of the drawing (diagram/viewport.ts): one layout of every label, not two.
      fitBeforeFirstLayout(viewer, paletteInset(viewer));
      const warnings = await importDiagram(viewer, xml);
      if (this.destroyed) return;
      addZoomControls(viewer);
      fitDiagram(viewer);
      showOpenWarnings(canvas, viewer, warnings);
      details.attach(viewer);
      this.reviewPanel.attach(viewer);
      this.showHeader(map, meta, viewer);
      void this.breadcrumb.show(map);
      void this.showCallLinks(viewer, n);
    } catch (error) {
      if (this.destroyed) return;
      this.viewer?.destroy();
      this.viewer = null;
      const title = this.n === null ? 'Peta tidak dapat dibuka' : `Revisi ${this.n} tidak dapat dibuka`;
      document.title = `${title} — Petakerja`;
      const way = this.n === null ? { href: '#/', label: 'Ke daftar peta' } : { href: href.map(this.mapId), label: 'Ke revisi terkini' };
      replaceChildren(this.main, mapUnavailableView(title, error, () => void this.load(), way));
    }
  }

  /** "Buka peta …" on the call activities of this revision that stand for a child map; double-click drills in too. */
  private async showCallLinks(viewer: NavigatedViewer, n: number): Promise<void> {
    const layer = new CallLinkLayer(viewer, (id) => this.context.router.navigate(href.map(id)), { doubleClick: true });
    try {
      const links = await this.context.api.mapLinks(this.mapId, n);
      if (this.viewer === viewer) layer.show(links);
    } catch {
      // Drilling down is a convenience: the map reads the same without it.
    }
  }

  /** Shown on the current revision to a user whose roles may not change the map. */
  private notice(): HTMLElement {
    const roles = rolesText(this.context.session.user.roles);
    return h(
      'div',
      { class: 'readonly-banner readonly-banner-info', role: 'region', 'aria-label': 'Mode baca saja', 'data-testid': 'readonly-notice' },
      h(
        'div',
        { class: 'readonly-text' },
        h('strong', {}, 'Anda hanya dapat melihat peta ini'),
        h(
          'span',
          { class: 'readonly-detail' },
          `Peran Anda (${roles}) tidak mengizinkan perubahan diagram. Pilih elemen untuk melihat rinciannya` +
            (this.context.session.user.roles.some((role) => role !== 'pembaca')
              ? ', lalu beri komentar atau lanjutkan reviu di panel Reviu.'
              : '; peta dapat diekspor dari menu Berkas.'),
        ),
      ),
    );
  }

  /** Shown on a saved revision asked for by number, with the way back to the current one. */
  private banner(map: ProcessMap, revision: Revision): HTMLElement {
    const current = revision.n === map.currentRevision;
    return h(
      'div',
      { class: 'readonly-banner', role: 'region', 'aria-label': 'Mode baca saja', 'data-testid': 'readonly-banner' },
      h(
        'div',
        { class: 'readonly-text' },
        h('strong', {}, `Anda melihat revisi ${revision.n} (baca saja)`),
        h(
          'span',
          { class: 'readonly-detail' },
          current ? 'Ini revisi terkini. ' : '',
          `“${revision.message}” — ${revision.author}, ${formatDateTime(revision.createdAt)}`,
        ),
      ),
      h(
        'a',
        { class: 'button button-primary', href: href.map(this.mapId) },
        current ? (this.context.session.canEditMaps ? 'Sunting revisi ini' : 'Buka revisi terkini') : `Kembali ke revisi terkini (${map.currentRevision})`,
      ),
    );
  }

  private showHeader(map: ProcessMap, meta: Meta, viewer: NavigatedViewer): void {
    const n = this.n ?? undefined;
    replaceChildren(
      this.headerSlot,
      h(
        'div',
        { class: 'editor-header' },
        h('div', { class: 'header-identity' }, mapIdentity(map, meta, n === undefined ? `Revisi ${map.currentRevision}` : `Revisi ${n} dari ${map.currentRevision}`)),
        h(
          'div',
          { class: 'header-actions', role: 'toolbar', 'aria-label': n === undefined ? 'Tindakan peta' : 'Tindakan revisi' },
          evaluationButton(this.context, map.id),
          relasiButton(this.context, map, this.state ?? undefined),
          menuButton(
            'Berkas',
            [
              { label: 'Ekspor .bpmn', testId: 'export-bpmn', onSelect: exportAction(() => downloadBpmn(viewer, map, n)) },
              { label: 'Ekspor .svg', testId: 'export-svg', onSelect: exportAction(() => downloadSvg(viewer, map, n)) },
            ],
            { testId: 'file-menu' },
          ),
          // The SOP document of this revision, with the identity in force at it (docs/api.md, "SOP documents").
          h('a', { class: 'button button-ghost', 'data-testid': 'sop-preview-link', href: this.context.api.sopUrl(map.id, 'html', n), target: '_blank', rel: 'noopener' }, 'Pratinjau SOP'),
          h('a', { class: 'button button-ghost', 'data-testid': 'sop-pdf', href: this.context.api.sopUrl(map.id, 'pdf', n), download: '' }, 'Unduh PDF'),
        ),
      ),
    );
    document.title = n === undefined ? `${map.name} — Petakerja` : `${map.name}, revisi ${n} — Petakerja`;
  }
}
