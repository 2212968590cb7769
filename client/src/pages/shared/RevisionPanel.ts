// The collapsible "Riwayat revisi" side panel: newest revision first, each opening its read-only view.
import { api } from '../../api/client';
import type { Revision } from '../../api/types';
import { href } from '../../router';
import { h, replaceChildren, uniqueId } from '../../ui/dom';
import { formatBytes, formatDateTime } from '../../ui/format';
import { errorStateView, loadingView } from '../../ui/states';
import '../../features/diff/revision-compare.css';

const OPEN_KEY = 'petakerja.historyOpen';

export class RevisionPanel {
  readonly element: HTMLElement;
  readonly toggleButton: HTMLButtonElement;
  private readonly body = h('div', { class: 'side-panel-body' });
  private open = true;

  constructor(
    private readonly mapId: string,
    private readonly activeRevision: number | null,
  ) {
    const id = uniqueId('revision-panel');
    this.element = h(
      'aside',
      { class: 'side-panel revision-panel', id, 'aria-labelledby': `${id}-title` },
      h('h2', { class: 'side-panel-title', id: `${id}-title` }, 'Riwayat revisi'),
      this.body,
    );
    this.toggleButton = h('button', { type: 'button', class: 'button button-ghost', 'aria-controls': id, onClick: () => this.setOpen(!this.open) }, 'Riwayat');
    this.setOpen(localStorage.getItem(OPEN_KEY) !== 'false');
  }

  setOpen(open: boolean): void {
    this.open = open;
    this.element.hidden = !open;
    this.toggleButton.setAttribute('aria-expanded', String(open));
    localStorage.setItem(OPEN_KEY, String(open));
  }

  showLoading(): void {
    replaceChildren(this.body, loadingView('Memuat riwayat…'));
  }

  showError(error: unknown, onRetry: () => void): void {
    replaceChildren(this.body, errorStateView('Riwayat tidak dapat dimuat', error, onRetry));
  }

  /** Shows revisions given oldest first, as the API lists them. */
  show(revisions: Revision[], currentRevision: number): void {
    const items = [...revisions].reverse().map((revision) => {
      const active = revision.n === this.activeRevision;
      return h(
        'li',
        {},
        h(
          'a',
          {
            class: active ? 'revision-item is-active' : 'revision-item',
            href: href.revision(this.mapId, revision.n),
            'aria-current': active ? 'page' : undefined,
            'data-testid': 'revision-item',
            'data-revision': revision.n,
          },
          h(
            'span',
            { class: 'revision-heading' },
            h('span', { class: 'revision-number' }, `Revisi ${revision.n}`),
            revision.n === currentRevision && h('span', { class: 'badge' }, 'Terkini'),
          ),
          h('span', { class: 'revision-message' }, revision.message),
          h(
            'span',
            { class: 'revision-meta' },
            revision.author,
            ' · ',
            h('time', { datetime: revision.createdAt }, formatDateTime(revision.createdAt)),
          ),
        ),
        // The diff with the revision before (docs/diff.md); a sibling of the item's link, links do not nest.
        revision.n > 1 &&
          h(
            'a',
            { class: 'revision-compare', href: href.diff(this.mapId, revision.n - 1, revision.n), 'data-testid': 'revision-compare', 'data-revision': revision.n },
            'Bandingkan dengan sebelumnya',
          ),
        // The file exactly as uploaded, kept beside revision 1 of an imported map (issue 14): the user's evidence.
        revision.original &&
          h(
            'a',
            {
              class: 'revision-compare revision-original',
              href: api.originalUrl(this.mapId),
              download: revision.original.fileName,
              title: `${revision.original.fileName} · ${formatBytes(revision.original.bytes)} · sha256 ${revision.original.sha256}`,
              'data-testid': 'revision-original',
            },
            'Unduh berkas asli',
          ),
      );
    });
    replaceChildren(this.body, h('ol', { class: 'revision-list' }, items));
  }
}
