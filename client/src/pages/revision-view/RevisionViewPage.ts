// A read-only view of one saved revision of a map, with a way back to the current one.
import type NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import type { Meta, ProcessMap, Revision } from '../../api/types';
import { UserFacingError } from '../../ui/errors';
import type { AppContext } from '../../context';
import { downloadBpmn, downloadSvg, exportAction, importDiagram } from '../../diagram/diagramFiles';
import { fitDiagram } from '../../diagram/viewport';
import { href, type Page } from '../../router';
import { h, replaceChildren } from '../../ui/dom';
import { formatDateTime } from '../../ui/format';
import { loadingView } from '../../ui/states';
import { mapUnavailableView } from '../shared/mapUnavailable';
import { appHeader, pageShell } from '../shared/layout';
import { skVocabulary } from '../shared/mapFields';
import { mapIdentity } from '../shared/mapIdentity';
import { RevisionPanel } from '../shared/RevisionPanel';

export class RevisionViewPage implements Page {
  readonly element: HTMLElement;
  private readonly headerSlot = h('div', { class: 'header-slot' });
  private readonly main = h('main', { class: 'editor-main' });
  private readonly revisionPanel: RevisionPanel;
  private viewer: NavigatedViewer | null = null;
  private destroyed = false;

  constructor(
    private readonly context: AppContext,
    private readonly mapId: string,
    private readonly n: number,
  ) {
    this.revisionPanel = new RevisionPanel(mapId, n);
    this.element = pageShell('page-editor page-revision', appHeader(context, this.headerSlot), this.main);
    document.title = `Revisi ${n} — Petakerja`;
    void this.load();
  }

  destroy(): void {
    this.destroyed = true;
    this.viewer?.destroy();
    this.viewer = null;
  }

  private async load(): Promise<void> {
    replaceChildren(this.main, loadingView(`Memuat revisi ${this.n}…`));
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
      const revision = revisions.find((candidate) => candidate.n === this.n);
      if (!revision) {
        throw new UserFacingError(`Peta ini tidak memiliki revisi ${this.n}; revisi terakhirnya adalah revisi ${map.currentRevision}.`);
      }
      const xml = await this.context.api.revisionXml(this.mapId, this.n);
      if (this.destroyed) return;
      const canvas = h('div', { class: 'diagram-canvas', 'data-testid': 'modeler-canvas' });
      const details = new ElementDetails(skVocabulary(meta));
      replaceChildren(
        this.main,
        this.banner(map, revision),
        h('div', { class: 'workspace workspace-readonly' }, this.revisionPanel.element, canvas, details.element),
      );
      this.revisionPanel.show(revisions, map.currentRevision);
      const viewer = createViewer(canvas);
      this.viewer = viewer;
      await importDiagram(viewer, xml);
      if (this.destroyed) return;
      fitDiagram(viewer);
      details.attach(viewer);
      this.showHeader(map, meta, viewer);
    } catch (error) {
      if (this.destroyed) return;
      this.viewer?.destroy();
      this.viewer = null;
      replaceChildren(
        this.main,
        mapUnavailableView(`Revisi ${this.n} tidak dapat dibuka`, error, () => void this.load(), { href: href.map(this.mapId), label: 'Ke revisi terkini' }),
      );
    }
  }

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
    replaceChildren(
      this.headerSlot,
      h(
        'div',
        { class: 'editor-header' },
        h('div', { class: 'header-identity' }, mapIdentity(map, meta, `Revisi ${this.n} dari ${map.currentRevision}`)),
        h(
          'div',
          { class: 'header-actions', role: 'toolbar', 'aria-label': 'Tindakan revisi' },
          this.revisionPanel.toggleButton,
          h('button', { type: 'button', class: 'button button-ghost', 'data-testid': 'export-bpmn', onClick: exportAction(() => downloadBpmn(viewer, map, this.n)) }, 'Ekspor .bpmn'),
          h('button', { type: 'button', class: 'button button-ghost', 'data-testid': 'export-svg', onClick: exportAction(() => downloadSvg(viewer, map, this.n)) }, 'Ekspor .svg'),
        ),
      ),
    );
    document.title = `${map.name}, revisi ${this.n} — Petakerja`;
  }
}
