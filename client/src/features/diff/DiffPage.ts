// The diff of two revisions of a map (#/peta/<id>/banding?dari=a&ke=b): the older revision's diagram left, the newer
// right, changes coloured on both; beside them the list of changes to elements, to the SOP identity and to SOP rows.
import type { Meta, ProcessMap, Revision, RevisionDiff } from '../../api/types';
import type { AppContext } from '../../context';
import { mapUnavailableView } from '../../pages/shared/mapUnavailable';
import { appHeader, pageShell } from '../../pages/shared/layout';
import { mapIdentity } from '../../pages/shared/mapIdentity';
import { href, type Page } from '../../router';
import { h, replaceChildren, uniqueId } from '../../ui/dom';
import { loadingView } from '../../ui/states';
import { changeList } from './changeList';
import type { DiffViewers } from './diffViewers';
import { LEGEND } from './diffText';
import './diff.css';

export class DiffPage implements Page {
  readonly element: HTMLElement;
  private readonly headerSlot = h('div', { class: 'header-slot' });
  private readonly main = h('main', { class: 'editor-main diff-main' });
  private viewers: DiffViewers | null = null;
  private list: HTMLElement | null = null;
  private destroyed = false;

  /** `dari` and `ke` as the address gives them; null: the map's current revision and the one before it. */
  constructor(
    private readonly context: AppContext,
    private readonly mapId: string,
    private readonly dari: number | null,
    private readonly ke: number | null,
  ) {
    this.element = pageShell('page-editor page-diff', appHeader(context, this.headerSlot), this.main);
    document.title = 'Memuat perbandingan — Petakerja';
    void this.load();
  }

  destroy(): void {
    this.destroyed = true;
    this.viewers?.destroy();
    this.viewers = null;
  }

  private async load(): Promise<void> {
    replaceChildren(this.main, loadingView('Memuat perbandingan revisi…'));
    this.viewers?.destroy();
    this.viewers = null;
    try {
      const [{ DiffViewers }, { elementTypeLabel }, meta, map, revisions] = await Promise.all([
        // bpmn-js comes with the page that needs it, not with the list page.
        import('./diffViewers'),
        import('../../pages/shared/elementFacts'),
        this.context.meta(),
        this.context.api.getMap(this.mapId),
        this.context.api.listRevisions(this.mapId),
      ]);
      const ke = this.ke ?? map.currentRevision;
      const dari = this.dari ?? Math.max(1, ke - 1);
      const [diff, oldXml, newXml] = await Promise.all([
        this.context.api.diff(this.mapId, dari, ke),
        this.context.api.revisionXml(this.mapId, dari),
        this.context.api.revisionXml(this.mapId, ke),
      ]);
      if (this.destroyed) return;
      const oldCanvas = h('div', { class: 'diagram-canvas diff-canvas', 'data-testid': 'diff-old-canvas' });
      const newCanvas = h('div', { class: 'diagram-canvas diff-canvas', 'data-testid': 'diff-new-canvas' });
      const viewers = new DiffViewers(oldCanvas, newCanvas);
      this.viewers = viewers;
      this.list = changeList(diff, { typeLabel: elementTypeLabel, onSelect: (id) => this.select(id) });
      replaceChildren(
        this.main,
        this.toolbar(revisions, diff, viewers),
        h(
          'div',
          { class: 'diff-workspace' },
          this.pane(`Revisi ${dari}`, 'lama', oldCanvas),
          this.pane(`Revisi ${ke}`, 'baru', newCanvas),
          h(
            'aside',
            { class: 'diff-list-panel', 'aria-labelledby': 'diff-list-title', 'data-testid': 'diff-list' },
            h('h2', { class: 'side-panel-title', id: 'diff-list-title' }, 'Daftar perubahan'),
            h('div', { class: 'diff-list-body' }, this.list),
          ),
        ),
      );
      await viewers.show(oldXml, newXml, diff.elements);
      if (this.destroyed) return;
      viewers.onElementClick((id) => {
        if (this.entriesOf(id).length > 0) this.select(id);
      });
      this.showHeader(map, meta, diff);
    } catch (error) {
      if (this.destroyed) return;
      this.viewers?.destroy();
      this.viewers = null;
      document.title = 'Perbandingan tidak dapat dibuka — Petakerja';
      replaceChildren(this.main, mapUnavailableView('Perbandingan revisi tidak dapat dibuka', error, () => void this.load(), { href: href.map(this.mapId), label: 'Ke peta' }));
    }
  }

  private pane(title: string, age: 'lama' | 'baru', canvas: HTMLElement): HTMLElement {
    return h(
      'section',
      { class: `diff-pane diff-pane-${age === 'lama' ? 'old' : 'new'}`, 'aria-label': `${title} (${age})` },
      h('h2', { class: 'diff-pane-title' }, title, h('span', { class: 'diff-pane-age' }, age)),
      canvas,
    );
  }

  private toolbar(revisions: Revision[], diff: RevisionDiff, viewers: DiffViewers): HTMLElement {
    const picker = (label: string, testId: string, value: number, onPick: (n: number) => void) => {
      const id = uniqueId(testId);
      const select = h(
        'select',
        { id, 'data-testid': testId, onChange: (event: Event) => onPick(Number((event.target as HTMLSelectElement).value)) },
        [...revisions].reverse().map((revision) => h('option', { value: revision.n, selected: revision.n === value }, `Revisi ${revision.n} — ${shorten(revision.message)}`)),
      );
      return h('div', { class: 'diff-picker' }, h('label', { for: id }, label), select);
    };
    const go = (dari: number, ke: number) => this.context.router.navigate(href.diff(this.mapId, dari, ke));
    const sync = h('input', {
      type: 'checkbox',
      checked: true,
      'data-testid': 'diff-sync',
      onChange: (event: Event) => viewers.setSynchronised((event.target as HTMLInputElement).checked),
    });
    return h(
      'div',
      { class: 'diff-toolbar', role: 'region', 'aria-label': 'Revisi yang dibandingkan' },
      picker('Revisi lama', 'diff-dari', diff.dari, (n) => go(n, diff.ke)),
      h('span', { class: 'diff-arrow', 'aria-hidden': 'true' }, '→'),
      picker('Revisi baru', 'diff-ke', diff.ke, (n) => go(diff.dari, n)),
      h('label', { class: 'diff-sync' }, sync, 'Selaraskan geser dan zum'),
      h(
        'ul',
        { class: 'diff-legend', 'aria-label': 'Keterangan warna', 'data-testid': 'diff-legend' },
        LEGEND.map(({ kind, label }) => h('li', {}, h('span', { class: `diff-swatch diff-swatch-${kind}`, 'aria-hidden': 'true' }), label)),
      ),
    );
  }

  private entriesOf(elementId: string): HTMLElement[] {
    return [...(this.list?.querySelectorAll<HTMLElement>('.diff-entry[data-element-id]') ?? [])].filter((entry) => entry.dataset.elementId === elementId);
  }

  /** Selects and centres the element in both diagrams and marks its entries in the list. */
  private select(elementId: string): void {
    this.viewers?.focus(elementId);
    for (const entry of this.list?.querySelectorAll('.diff-entry.is-active') ?? []) entry.classList.remove('is-active');
    const entries = this.entriesOf(elementId);
    for (const entry of entries) entry.classList.add('is-active');
    entries[0]?.scrollIntoView({ block: 'nearest' });
  }

  private showHeader(map: ProcessMap, meta: Meta, diff: RevisionDiff): void {
    replaceChildren(
      this.headerSlot,
      h(
        'div',
        { class: 'editor-header' },
        h('div', { class: 'header-identity' }, mapIdentity(map, meta, `Perbandingan revisi ${diff.dari} → ${diff.ke}`)),
        h(
          'div',
          { class: 'header-actions', role: 'toolbar', 'aria-label': 'Tindakan perbandingan' },
          h('a', { class: 'button button-ghost', href: href.revision(map.id, diff.dari) }, `Buka revisi ${diff.dari}`),
          h('a', { class: 'button button-ghost', href: href.revision(map.id, diff.ke) }, `Buka revisi ${diff.ke}`),
          h('a', { class: 'button button-primary', href: href.map(map.id) }, 'Ke peta'),
        ),
      ),
    );
    document.title = `${map.name}, revisi ${diff.dari} → ${diff.ke} — Petakerja`;
  }
}

function shorten(text: string): string {
  return text.length > 48 ? `${text.slice(0, 47)}…` : text;
}
