// The modeller page: the current revision of one map in bpmn-js, with properties, history, save, import and export.
import type Modeler from 'bpmn-js/lib/Modeler';
import type { Meta, ProcessMap } from '../../api/types';
import type { AppContext } from '../../context';
import { downloadBpmn, downloadSvg, exportAction } from '../../diagram/diagramFiles';
import { fitBeforeFirstLayout, fitDiagram, paletteInset } from '../../diagram/viewport';
import { showOpenWarnings } from '../../diagram/OpenWarningsNotice';
import { addZoomControls } from '../../diagram/zoomControls';
import { loadPaletteFont } from '../../diagram/paletteFont';
import { CHANGE_TRACKER_EVENT, type ChangeTrackerEvent } from '../../features/change-tracking/ChangeTracker';
import { FindingsPanel } from '../../features/lint/FindingsPanel';
import type RepositoryFindings from '../../features/lint/RepositoryFindings';
import type LintScheduler from '../../features/lint/LintScheduler';
import { SopPanel } from '../../features/sop/SopPanel';
import { ReviewPanel } from '../../features/review/ReviewPanel';
import { evaluationButton } from '../../features/evaluation/EvaluationDialog';
import { relasiButton } from '../../features/relasi/RelasiDialog';
import { reviewLockedError, reviewLockedNotice } from '../../features/review/reviewLock';
import { href, type Page } from '../../router';
import { confirmDialog, errorDialog } from '../../ui/dialog';
import { h, replaceChildren } from '../../ui/dom';
import { afterNextPaint } from '../../ui/afterPaint';
import { errorView } from '../../ui/errors';
import { bpmnFileInput, readTextFile } from '../../ui/files';
import { loadingView } from '../../ui/states';
import { mapUnavailableView } from '../shared/mapUnavailable';
import { Toast } from '../../ui/toast';
import { appHeader, pageShell } from '../shared/layout';
import { skVocabulary } from '../shared/mapFields';
import type { SkVocabulary } from '../../features/sk-properties/vocabulary';
import { RevisionPanel } from '../shared/RevisionPanel';
import { dockablePanel, PanelDock } from '../shared/panelDock';
import { openConflictDialog } from './conflictDialog';
import { EditorHeader } from './EditorHeader';
import { EditorSession, type SaveOutcome } from './EditorSession';
import { openMetadataDialog } from './metadataDialog';
import { openSaveDialog } from './saveDialog';
import { MapBreadcrumb } from '../../features/hierarchy/mapBreadcrumb';
import { CallLinkLayer } from '../../features/hierarchy/CallLinkLayer';
import { openDetailMapDialog } from '../../features/hierarchy/detailMapDialog';
import { calledMapOptions } from '../../features/hierarchy/calledMapOptions';
import { MapState } from '../../features/map-state/MapState';
import type { MapEvent } from '../../api/types';
import { remoteChangeText } from './remoteChange';
import { loadDiagramCode, takeOpenedAhead } from './openAhead';
import { loadOtherPages } from '../otherPagesAhead';

declare global {
  interface Window {
    /** The open modeller, for browser tests and for support staff in the console. */
    petakerja?: { modeler: Modeler };
  }
}

export class MapEditorPage implements Page {
  readonly element: HTMLElement;
  private readonly headerSlot = h('div', { class: 'header-slot' });
  private readonly main = h('main', { class: 'editor-main' });
  private readonly toast = new Toast();
  private readonly revisionPanel: RevisionPanel;
  /** The SOP view (identity form and document preview), laid over the workspace while open. */
  private readonly sopPanel: SopPanel;
  /** The review cycle (state, comments, signing) beside the diagram; freezes Simpan while in review. */
  private readonly reviewPanel: ReviewPanel;
  private readonly lockBanner = h(
    'div',
    { class: 'review-lock-banner', role: 'status', hidden: true, 'data-testid': 'review-lock-banner' },
    h('strong', {}, 'Peta sedang dalam reviu.'),
    ' Peta dan identitas SOP dibekukan pada revisi yang diajukan; perubahan baru dapat disimpan setelah reviu meminta perbaikan atau pengajuan ditarik.',
  );
  /** Someone else changed the map while unsaved changes are open here: said, never overwritten. */
  private readonly remoteNotice = h('div', { class: 'review-lock-banner', role: 'status', hidden: true, 'data-testid': 'remote-change-notice' });
  /** What every panel of the map reads; refreshed by the answers to writes made here and by the map's events. */
  private readonly state: MapState;
  /** The ancestors of the map (the way back up after drilling into a child map). */
  private readonly breadcrumb: MapBreadcrumb;
  /** "Buka peta …" on call activities that stand for a child map; follows the saved revision. */
  private callLinks: CallLinkLayer | null = null;
  /** The side panels' tab strip; keeps the open ones within the room the window has. */
  private dock: PanelDock | null = null;
  /** Set once the map is open in the modeller. */
  private open: { session: EditorSession; header: EditorHeader; meta: Meta; canvas: HTMLElement } | null = null;
  private destroyed = false;

  constructor(
    private readonly context: AppContext,
    private readonly mapId: string,
  ) {
    this.revisionPanel = new RevisionPanel(mapId, null);
    this.breadcrumb = new MapBreadcrumb(context);
    this.state = new MapState(context.api, mapId);
    this.state.onRemoteChange((event) => void this.remoteChange(event));
    this.sopPanel = new SopPanel(context.api, mapId, this.state);
    this.reviewPanel = new ReviewPanel({
      context,
      mapId,
      revision: null,
      state: this.state,
      onChange: (view) => {
        this.lockBanner.hidden = !view.locked;
        this.open?.header.setLocked(view.locked);
      },
    });
    this.element = pageShell('page-editor', appHeader(context, this.headerSlot), this.main, this.toast.element);
    document.title = 'Memuat peta — Petakerja';
    document.addEventListener('keydown', this.onKeyDown);
    void this.load();
  }

  hasUnsavedChanges(): boolean {
    return this.open?.session.changeTracker.isDirty() ?? false;
  }

  destroy(): void {
    this.destroyed = true;
    this.toast.hide();
    this.sopPanel.destroy();
    this.reviewPanel.destroy();
    this.dock?.destroy();
    this.state.destroy();
    document.removeEventListener('keydown', this.onKeyDown);
    this.open?.session.modeler.destroy();
    this.open = null;
    delete window.petakerja;
  }

  private readonly onKeyDown = (event: KeyboardEvent): void => {
    if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 's') {
      event.preventDefault();
      if (document.querySelector('dialog[open]')) return;
      // While the SOP view is open, Ctrl+S saves its form.
      if (this.sopPanel.isOpen()) this.sopPanel.submit();
      else this.save();
    }
  };

  private async load(): Promise<void> {
    replaceChildren(this.main, loadingView('Memuat peta…'));
    // The palette's icon font comes in while the map and the code do, not while the map's first frames are drawn.
    loadPaletteFont();
    let modeler: Modeler | null = null;
    try {
      // The map, its XML, meta and kamus, fetched ahead when the page was opened by its address, else asked for now.
      const ahead = takeOpenedAhead(this.mapId);
      const notAhead = Promise.reject(new Error('not fetched ahead'));
      notAhead.catch(() => undefined);
      const opened = (ahead?.opened ?? notAhead).catch(async () => {
        const map = await this.context.api.getMap(this.mapId);
        return { map, xml: await this.context.api.revisionXml(this.mapId, map.currentRevision) };
      });
      // bpmn-js comes in its own chunk, fetched while the map loads, so the list page stays light.
      const [{ createModeler }, meta, { map, xml }, kamus] = await Promise.all([
        loadDiagramCode(),
        (ahead?.meta ?? notAhead).catch(() => this.context.meta()),
        opened,
        // The repository's synonyms of the kamus jabatan for the live lint; without them lanes are read by the kamus alone.
        (ahead?.kamus ?? notAhead).catch(() => this.context.api.kamus()).catch(() => []),
      ]);
      if (this.destroyed) return;
      const canvas = h('div', { class: 'diagram-canvas', 'data-testid': 'modeler-canvas' });
      const properties = h('aside', { class: 'properties-panel', 'aria-label': 'Properti elemen' });
      const canvasColumn = h('div', { class: 'canvas-column' }, canvas);
      this.dock?.destroy();
      this.dock = new PanelDock(
        [
          { id: 'history', element: this.revisionPanel.element, toggleButton: this.revisionPanel.toggleButton, setOpen: (open, remember) => this.revisionPanel.setOpen(open, remember) },
          dockablePanel({ id: 'properties', element: properties, label: 'Properti', title: 'Properti elemen terpilih', openByDefault: true }),
          { id: 'review', element: this.reviewPanel.element, toggleButton: this.reviewPanel.toggleButton, setOpen: (open, remember) => this.reviewPanel.setOpen(open, remember) },
        ],
        ['review', 'properties', 'history'],
      );
      replaceChildren(
        this.main,
        this.breadcrumb.element,
        this.lockBanner,
        this.remoteNotice,
        h('div', { class: 'workspace' }, canvasColumn, this.revisionPanel.element, properties, this.reviewPanel.element, this.dock.strip, this.sopPanel.element),
      );
      // The choices of sk:calledMap (`maps`) come with the properties panel, after the first paint.
      const vocabulary: SkVocabulary = { ...skVocabulary(meta), kamus };
      modeler = createModeler({ canvas, propertiesPanel: properties, vocabulary });
      modeler.get<LintScheduler>('lintScheduler').setSynonyms(kamus);
      // Subscribes before the import, so the first lint (right after it) already fills the panel.
      canvasColumn.append(new FindingsPanel(modeler, { profiles: meta.profiles, mapProfile: map.profile }).element);
      const session = new EditorSession(modeler, this.context.api, map, xml);
      // Measured on the empty canvas: afterwards it would force one more layout of every shape before the first paint.
      const inset = paletteInset(modeler);
      fitBeforeFirstLayout(modeler, inset);
      const warnings = await session.open();
      if (this.destroyed) {
        modeler.destroy();
        return;
      }
      addZoomControls(modeler);
      fitDiagram(modeler, inset);
      showOpenWarnings(canvas, modeler, warnings);
      this.start(session, meta, canvas);
      // What the first sight of the map does not need comes once it is painted.
      await afterNextPaint();
      if (this.open?.session !== session) return;
      // The event stream (a worker and a connection) waits for the map too; a revision saved meanwhile is still said.
      this.state.connect(session.baseRevision);
      this.reviewPanel.attach(modeler);
      void this.breadcrumb.show(session.map);
      void this.loadCallLinks();
      void this.loadRepositoryFindings();
      void this.loadRevisions();
      void this.addPropertiesPanel(modeler, properties, vocabulary);
    } catch (error) {
      modeler?.destroy();
      if (this.destroyed) return;
      document.title = 'Peta tidak dapat dibuka — Petakerja';
      replaceChildren(
        this.main,
        mapUnavailableView('Peta tidak dapat dibuka', error, () => void this.load(), { href: '#/', label: 'Ke daftar peta' }),
      );
    }
  }

  private start(session: EditorSession, meta: Meta, canvas: HTMLElement): void {
    const header = new EditorHeader({
      sopToggle: this.sopPanel.toggleButton,
      evaluationButton: evaluationButton(this.context, this.mapId),
      relasiButton: relasiButton(this.context, session.map, this.state),
      importInput: bpmnFileInput('import-input', (file) => void this.importFile(file)),
      onEditMetadata: () => this.editMetadata(),
      onExportBpmn: exportAction(() => {
        session.finishEditing();
        return downloadBpmn(session.modeler, session.map);
      }),
      onExportSvg: exportAction(() => {
        session.finishEditing();
        return downloadSvg(session.modeler, session.map);
      }),
      onDiscard: () => void this.discard(),
      onSave: () => this.save(),
    });
    this.open = { session, header, meta, canvas };
    this.state.setMap(session.map);
    header.setLocked(this.reviewPanel.locked);
    this.showMap(session.map);
    replaceChildren(this.headerSlot, header.element);
    session.modeler.on<ChangeTrackerEvent>(CHANGE_TRACKER_EVENT, ({ dirty }) => header.setDirty(dirty));
    window.petakerja = { modeler: session.modeler };
    this.callLinks = new CallLinkLayer(session.modeler, (id) => this.context.router.navigate(href.map(id)), {
      createDetail: this.context.session.canEditMaps
        ? (link) => openDetailMapDialog(this.context, { map: session.map, link, baseRevision: session.baseRevision, dirty: session.changeTracker.isDirty() })
        : undefined,
    });
  }

  /**
   * The properties panel's code is fetched once the diagram is shown (diagram/lateProperties.ts), beside the listing
   * that gives its "Peta yang dirinci" (sk:calledMap) its choices: the biggest answer on the way to a map at 20,000
   * maps, so no longer awaited before the map is drawn (issue 16). Without the listing the field has no choices; the
   * rest of the panel works.
   */
  private async addPropertiesPanel(modeler: Modeler, aside: HTMLElement, vocabulary: SkVocabulary): Promise<void> {
    try {
      const [{ addPropertiesPanel }] = await Promise.all([
        import('../../diagram/lateProperties'),
        vocabulary.maps
          ? undefined
          : this.context.api.listMaps().then(
              (maps) => void (vocabulary.maps = calledMapOptions(maps, this.mapId)),
              () => void (vocabulary.maps = []),
            ),
      ]);
      if (this.open?.session.modeler !== modeler) return;
      replaceChildren(aside);
      addPropertiesPanel(modeler);
      // The other pages' code, when the browser is idle, so that leaving the modeller for them does not wait for it.
      requestIdleCallback(() => void loadOtherPages().catch(() => undefined), { timeout: 5000 });
    } catch (error) {
      if (this.open?.session.modeler !== modeler) return;
      replaceChildren(aside, errorView(error, 'Panel properti tidak dapat dimuat'), h('button', { type: 'button', class: 'button button-ghost', onClick: () => void this.addPropertiesPanel(modeler, aside, vocabulary) }, 'Coba lagi'));
    }
  }

  /** The repository checks' findings on the saved revision, shown in the findings panel beside the in-browser lint. */
  private async loadRepositoryFindings(): Promise<void> {
    const modeler = this.open?.session.modeler;
    if (!modeler) return;
    await modeler.get<RepositoryFindings>('lintRepository').load(() => this.context.api.mapRepositoryLint(this.mapId));
  }

  /** The child maps the saved revision's call activities open; without them the diagram simply has no links. */
  private async loadCallLinks(): Promise<void> {
    const open = this.open;
    try {
      const links = await this.context.api.mapLinks(this.mapId);
      if (this.open === open) this.callLinks?.show(links);
    } catch {
      // Drilling down is a convenience: the modeller works without it.
    }
  }

  private showMap(map: ProcessMap): void {
    if (!this.open) return;
    this.open.header.setMap(map, this.open.meta, this.open.session.baseRevision);
    this.sopPanel.setUnit(map.unit);
    document.title = `${map.name} — Petakerja`;
  }

  private async loadRevisions(): Promise<void> {
    const open = this.open;
    if (!open) return;
    this.revisionPanel.showLoading();
    try {
      const revisions = await this.context.api.listRevisions(this.mapId);
      if (this.open === open) this.revisionPanel.show(revisions, open.session.baseRevision);
    } catch (error) {
      if (this.open === open) this.revisionPanel.showError(error, () => void this.loadRevisions());
    }
  }

  private save(): void {
    const session = this.open?.session;
    if (!session) return;
    if (this.reviewPanel.locked) {
      errorDialog('Peta sedang dalam reviu', reviewLockedNotice());
      return;
    }
    session.finishEditing();
    let outcome: SaveOutcome | null = null;
    const dialog = openSaveDialog({
      baseRevision: session.baseRevision,
      unchanged: !session.changeTracker.isDirty(),
      authorName: this.context.session.user.name,
      onSave: async (message) => {
        try {
          outcome = await session.save(message);
        } catch (error) {
          const locked = reviewLockedError(error);
          if (locked) void this.reviewPanel.refresh();
          throw locked ?? error;
        }
      },
    });
    // Act once the dialog is gone, so a conflict notice does not open on top of it.
    dialog.element.addEventListener('close', () => {
      if (outcome && this.open?.session === session) this.afterSave(session, outcome);
    });
  }

  private afterSave(session: EditorSession, outcome: SaveOutcome): void {
    if (outcome.status === 'saved') {
      this.remoteNotice.hidden = true;
      this.state.setMap(session.map);
      this.showMap(session.map);
      this.open?.header.setStatus(`Tersimpan sebagai revisi ${outcome.revision.n}`);
      this.sopPanel.mapSaved(outcome.revision.n);
      void this.loadCallLinks();
      void this.loadRepositoryFindings();
      void this.reviewPanel.refresh();
      void this.loadRevisions();
      return;
    }
    openConflictDialog({
      baseRevision: outcome.baseRevision,
      currentRevision: outcome.currentRevision,
      onDownload: exportAction(() => downloadBpmn(session.modeler, session.map)),
      onReload: () => this.context.router.navigate(href.map(this.mapId)),
    });
  }

  /**
   * Someone else changed the map. A newer revision replaces the diagram only when nothing here is unsaved; otherwise
   * the notice says who changed it, and the unsaved work stays until the user saves (a conflict then offers the choices)
   * or discards it.
   */
  private async remoteChange(event: MapEvent): Promise<void> {
    const open = this.open;
    if (!open) return;
    const map = this.state.snapshot.map;
    if (event.kind === 'hierarchy' && map) void this.breadcrumb.show(map);
    const newer = (event.kind === 'revision' || event.kind === 'map') && map !== null && map.currentRevision > open.session.baseRevision;
    if (open.session.changeTracker.isDirty()) {
      this.remoteNotice.textContent = remoteChangeText(event, map, true);
      this.remoteNotice.hidden = false;
      // The history lists the newer revision, which can be compared before deciding what to do.
      if (newer) void this.loadRevisions();
      return;
    }
    if (newer && map) {
      try {
        const xml = await this.context.api.revisionXml(this.mapId, map.currentRevision);
        if (this.open !== open || open.session.changeTracker.isDirty()) return;
        showOpenWarnings(open.canvas, open.session.modeler, await open.session.adoptRevision(map, xml));
        this.showMap(map);
        this.sopPanel.mapSaved(map.currentRevision);
        void this.loadRevisions();
        void this.loadCallLinks();
        void this.loadRepositoryFindings();
      } catch (error) {
        errorDialog('Revisi terbaru tidak dapat dimuat', error);
        return;
      }
    }
    this.remoteNotice.hidden = true;
    this.toast.show(remoteChangeText(event, map, false));
  }

  private async importFile(file: File): Promise<void> {
    if (!this.open) return;
    const { session, meta, canvas } = this.open;
    if (
      session.changeTracker.isDirty() &&
      !(await confirmDialog({
        title: 'Ganti diagram dengan isi berkas?',
        message: `Perubahan yang belum disimpan akan diganti oleh isi berkas "${file.name}".`,
        confirmLabel: 'Ganti diagram',
        danger: true,
      }))
    ) {
      return;
    }
    try {
      const warnings = await session.replaceWith(await readTextFile(file, meta.limits.xmlBytes));
      fitDiagram(session.modeler);
      showOpenWarnings(canvas, session.modeler, warnings);
      const notes = warnings.length > 0 ? ` Ada ${warnings.length} peringatan saat membaca berkas (daftarnya di atas diagram); periksa diagram sebelum menyimpan.` : '';
      this.toast.show(`Diagram diganti dengan isi "${file.name}". Simpan untuk mencatatnya sebagai revisi baru.${notes}`);
    } catch (error) {
      errorDialog(`Berkas "${file.name}" tidak dapat diimpor`, error);
    }
  }

  private async discard(): Promise<void> {
    const session = this.open?.session;
    if (!session) return;
    const confirmed = await confirmDialog({
      title: 'Buang perubahan?',
      message: `Diagram dikembalikan ke revisi ${session.baseRevision}. Perubahan yang belum disimpan hilang.`,
      confirmLabel: 'Buang perubahan',
      danger: true,
    });
    if (!confirmed) return;
    try {
      let warnings = await session.discardChanges();
      // A newer revision saved elsewhere meanwhile (the notice said so) comes in now that nothing here is unsaved.
      const latest = this.state.snapshot.map;
      if (latest && latest.currentRevision > session.baseRevision) {
        warnings = await session.adoptRevision(latest, await this.context.api.revisionXml(this.mapId, latest.currentRevision));
        this.showMap(latest);
        void this.loadRevisions();
      }
      this.remoteNotice.hidden = true;
      fitDiagram(session.modeler);
      if (this.open) showOpenWarnings(this.open.canvas, session.modeler, warnings);
      this.toast.show(`Perubahan dibuang; diagram kembali ke revisi ${session.baseRevision}.`);
    } catch (error) {
      errorDialog('Perubahan tidak dapat dibuang', error);
    }
  }

  private editMetadata(): void {
    if (!this.open) return;
    const { session, meta } = this.open;
    openMetadataDialog({
      map: session.map,
      meta,
      onSubmit: async (patch) => {
        const map = await this.context.api.updateMap(this.mapId, patch);
        const diagramChanged = session.updateMap(map);
        this.state.setMap(map);
        this.showMap(map);
        void this.breadcrumb.show(map);
        void this.loadRepositoryFindings();
        this.toast.show(
          diagramChanged ? 'Data peta diperbarui. Unit dan profil pada diagram ikut disesuaikan; simpan untuk mencatatnya.' : 'Data peta diperbarui.',
        );
      },
    });
  }
}
