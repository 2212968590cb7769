// A map for those who may only read it (reviewers, signatories, readers): the current revision in a viewer,
// with its history, the facts of each element and exports, but nothing that changes it.
import type NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import type { Meta, ProcessMap } from '../../api/types';
import type { AppContext } from '../../context';
import { downloadBpmn, downloadSvg, exportAction, importDiagram } from '../../diagram/diagramFiles';
import { fitDiagram } from '../../diagram/viewport';
import type { Page } from '../../router';
import { rolesText } from '../../session/permissions';
import { h, replaceChildren } from '../../ui/dom';
import { loadingView } from '../../ui/states';
import { mapUnavailableView } from '../shared/mapUnavailable';
import { appHeader, pageShell } from '../shared/layout';
import { skVocabulary } from '../shared/mapFields';
import { mapIdentity } from '../shared/mapIdentity';
import { RevisionPanel } from '../shared/RevisionPanel';

export class MapViewerPage implements Page {
  readonly element: HTMLElement;
  private readonly headerSlot = h('div', { class: 'header-slot' });
  private readonly main = h('main', { class: 'editor-main' });
  private readonly revisionPanel: RevisionPanel;
  private viewer: NavigatedViewer | null = null;
  private destroyed = false;

  constructor(
    private readonly context: AppContext,
    private readonly mapId: string,
  ) {
    this.revisionPanel = new RevisionPanel(mapId, null);
    this.element = pageShell('page-editor page-viewer', appHeader(context, this.headerSlot), this.main);
    document.title = 'Memuat peta — Petakerja';
    void this.load();
  }

  destroy(): void {
    this.destroyed = true;
    this.viewer?.destroy();
    this.viewer = null;
  }

  private async load(): Promise<void> {
    replaceChildren(this.main, loadingView('Memuat peta…'));
    this.viewer?.destroy();
    this.viewer = null;
    try {
      const [{ createViewer }, { ElementDetails }, meta, map] = await Promise.all([
        import('../../diagram/createDiagram'),
        // The element facts share bpmn-js's dictionary and helpers: they come with it, not with the list page.
        import('../shared/ElementDetails'),
        this.context.meta(),
        this.context.api.getMap(this.mapId),
      ]);
      const xml = await this.context.api.revisionXml(this.mapId, map.currentRevision);
      if (this.destroyed) return;
      const canvas = h('div', { class: 'diagram-canvas', 'data-testid': 'modeler-canvas' });
      const details = new ElementDetails(skVocabulary(meta));
      replaceChildren(this.main, this.notice(), h('div', { class: 'workspace workspace-readonly' }, this.revisionPanel.element, canvas, details.element));
      const viewer = createViewer(canvas);
      this.viewer = viewer;
      await importDiagram(viewer, xml);
      if (this.destroyed) return;
      fitDiagram(viewer);
      details.attach(viewer);
      this.showHeader(map, meta, viewer);
      void this.loadRevisions(map);
    } catch (error) {
      if (this.destroyed) return;
      this.viewer?.destroy();
      this.viewer = null;
      document.title = 'Peta tidak dapat dibuka — Petakerja';
      replaceChildren(
        this.main,
        mapUnavailableView('Peta tidak dapat dibuka', error, () => void this.load(), { href: '#/', label: 'Ke daftar peta' }),
      );
    }
  }

  private notice(): HTMLElement {
    const roles = rolesText(this.context.session.user.roles);
    return h(
      'div',
      { class: 'readonly-banner readonly-banner-info', role: 'region', 'aria-label': 'Mode baca saja', 'data-testid': 'readonly-notice' },
      h(
        'div',
        { class: 'readonly-text' },
        h('strong', {}, 'Anda hanya dapat melihat peta ini'),
        h('span', { class: 'readonly-detail' }, `Peran Anda (${roles}) tidak mengizinkan perubahan. Pilih elemen untuk melihat rinciannya; peta dapat diekspor sebagai .bpmn atau .svg.`),
      ),
    );
  }

  private async loadRevisions(map: ProcessMap): Promise<void> {
    this.revisionPanel.showLoading();
    try {
      const revisions = await this.context.api.listRevisions(this.mapId);
      if (!this.destroyed) this.revisionPanel.show(revisions, map.currentRevision);
    } catch (error) {
      if (!this.destroyed) this.revisionPanel.showError(error, () => void this.loadRevisions(map));
    }
  }

  private showHeader(map: ProcessMap, meta: Meta, viewer: NavigatedViewer): void {
    replaceChildren(
      this.headerSlot,
      h(
        'div',
        { class: 'editor-header' },
        h('div', { class: 'header-identity' }, mapIdentity(map, meta, `Revisi ${map.currentRevision}`)),
        h(
          'div',
          { class: 'header-actions', role: 'toolbar', 'aria-label': 'Tindakan peta' },
          this.revisionPanel.toggleButton,
          h('button', { type: 'button', class: 'button button-ghost', 'data-testid': 'export-bpmn', onClick: exportAction(() => downloadBpmn(viewer, map)) }, 'Ekspor .bpmn'),
          h('button', { type: 'button', class: 'button button-ghost', 'data-testid': 'export-svg', onClick: exportAction(() => downloadSvg(viewer, map)) }, 'Ekspor .svg'),
        ),
      ),
    );
    document.title = `${map.name} — Petakerja`;
  }
}
