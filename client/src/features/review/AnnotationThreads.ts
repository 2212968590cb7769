// The comment threads of the Reviu panel: filter open/all, write a new comment on the selected BPMN element or on an
// identity field, reply, resolve and reopen; clicking a thread's anchor selects and centres its element.
import type { Api } from '../../api/client';
import type { Anchor, AnnotationList, AnnotationView, IdentityFieldPath } from '../../api/types';
import { h, replaceChildren, uniqueId } from '../../ui/dom';
import { UserFacingError, errorView } from '../../ui/errors';
import { formatDateTime } from '../../ui/format';
import { IDENTITY_FIELD_LABELS, anchorText, visibleThreads, type ThreadFilter } from './reviewLabels';

/** The element selected on the diagram, as the new-comment form names it. */
export interface SelectedElement {
  id: string;
  name: string;
}

export interface AnnotationThreadsOptions {
  api: Api;
  mapId: string;
  /** The signed-in user may write, reply and resolve (the server decides; this only hides the forms). */
  canAnnotate: boolean;
  /** Selects and centres an element on the diagram; false when it is not on it. */
  reveal(elementId: string): boolean;
  /** A thread was written, answered, resolved or reopened: the badges and counts follow. */
  changed(): void;
}

/** Whether the anchor's label already names the SOP row ("… (baris SOP 3)"), so that it is not said twice. */
export function mentionsRow(label: string, row: number): boolean {
  return new RegExp(`\\bbaris (sop )?${row}\\b`, 'i').test(label);
}

export class AnnotationThreads {
  readonly element: HTMLElement;
  private readonly list = h('div', { class: 'annotation-list', 'data-testid': 'annotation-list' });
  private readonly gone = h('div', { class: 'annotation-gone' });
  private readonly composer = h('div', { class: 'annotation-composer' });
  private readonly filterSelect: HTMLSelectElement;
  private data: AnnotationList | null = null;
  private filter: ThreadFilter = 'terbuka';
  private selected: SelectedElement | null = null;
  /** The element whose threads are brought forward (a badge was clicked). */
  private focused: string | null = null;
  /** What the composer points at: the selected element, or an identity field. */
  private target: 'elemen' | 'identitas' = 'elemen';
  private field: IdentityFieldPath = 'namaSop';
  private draft = '';

  constructor(private readonly options: AnnotationThreadsOptions) {
    const filterId = uniqueId('annotation-filter');
    this.filterSelect = h(
      'select',
      {
        id: filterId,
        'data-testid': 'annotation-filter',
        onChange: () => {
          this.filter = this.filterSelect.value as ThreadFilter;
          this.renderList();
        },
      },
      h('option', { value: 'terbuka' }, 'Terbuka'),
      h('option', { value: 'semua' }, 'Semua'),
    ) as HTMLSelectElement;
    this.element = h(
      'section',
      { class: 'review-section', 'aria-labelledby': `${filterId}-title`, 'data-testid': 'annotation-threads' },
      h(
        'div',
        { class: 'review-section-head' },
        h('h3', { id: `${filterId}-title` }, 'Komentar'),
        h('label', { class: 'annotation-filter', for: filterId }, 'Tampilkan ', this.filterSelect),
      ),
      this.composer,
      this.list,
      this.gone,
    );
    this.renderComposer();
  }

  show(data: AnnotationList): void {
    this.data = data;
    this.renderList();
  }

  /** Follows the diagram's selection: the composer offers to comment on it. */
  select(element: SelectedElement | null): void {
    this.selected = element;
    if (element) this.target = 'elemen';
    this.renderComposer();
  }

  /** Brings the element's threads forward (every one of them, resolved too) and scrolls to the first. */
  focusElement(elementId: string): void {
    this.focused = elementId;
    if (this.data?.items.some((item) => item.anchor.kind === 'elemen' && item.anchor.elementId === elementId && item.status === 'selesai')) {
      this.filter = 'semua';
      this.filterSelect.value = 'semua';
    }
    this.renderList();
    const first = this.list.querySelector<HTMLElement>('.annotation-thread.is-focused');
    first?.scrollIntoView({ block: 'nearest' });
    first?.focus();
  }

  private renderComposer(): void {
    if (!this.options.canAnnotate) {
      replaceChildren(this.composer);
      return;
    }
    const bodyId = uniqueId('annotation-body');
    const body = h('textarea', { id: bodyId, rows: 3, maxlength: 4000, required: true, 'data-testid': 'annotation-body', placeholder: 'Tulis komentar…' }) as HTMLTextAreaElement;
    body.value = this.draft;
    body.addEventListener('input', () => (this.draft = body.value));
    const error = h('div', { 'aria-live': 'assertive' });
    const fieldSelect = h(
      'select',
      { 'aria-label': 'Isian identitas SOP', 'data-testid': 'annotation-field', onChange: () => (this.field = fieldSelect.value as IdentityFieldPath) },
      IDENTITY_FIELD_LABELS.map(({ path, label }) => h('option', { value: path, selected: path === this.field }, label)),
    ) as HTMLSelectElement;
    const name = `annotation-target-${bodyId}`;
    const radio = (value: 'elemen' | 'identitas', disabled: boolean) =>
      h('input', {
        type: 'radio',
        name,
        value,
        checked: this.target === value,
        disabled,
        'data-testid': `annotation-target-${value}`,
        onChange: () => {
          this.target = value;
          this.renderComposer();
        },
      });
    if (!this.selected && this.target === 'elemen') this.target = 'identitas';
    const submit = h('button', { type: 'submit', class: 'button button-primary', 'data-testid': 'annotation-submit' }, 'Tambah komentar');
    const form = h(
      'form',
      {
        class: 'annotation-form',
        novalidate: true,
        onSubmit: (event: Event) => {
          event.preventDefault();
          void this.add(body, submit, error, fieldSelect.value as IdentityFieldPath);
        },
      },
      h(
        'fieldset',
        { class: 'annotation-target' },
        h('legend', {}, 'Komentar pada'),
        h(
          'label',
          { class: 'annotation-target-option' },
          radio('elemen', !this.selected),
          this.selected ? ` Elemen terpilih: “${this.selected.name || this.selected.id}”` : ' Elemen terpilih (pilih elemen pada diagram)',
        ),
        h('label', { class: 'annotation-target-option' }, radio('identitas', false), ' Isian identitas SOP'),
        this.target === 'identitas' && fieldSelect,
      ),
      h('label', { for: bodyId, class: 'visually-hidden' }, 'Komentar'),
      body,
      error,
      h('div', { class: 'annotation-form-actions' }, submit),
    );
    replaceChildren(this.composer, form);
  }

  private async add(body: HTMLTextAreaElement, submit: HTMLButtonElement, error: HTMLElement, field: IdentityFieldPath): Promise<void> {
    const text = body.value.trim();
    if (!text) {
      replaceChildren(error, errorView(new UserFacingError('Komentar wajib diisi.')));
      body.focus();
      return;
    }
    const anchor: Anchor = this.target === 'elemen' && this.selected ? { kind: 'elemen', elementId: this.selected.id } : { kind: 'identitas', field };
    submit.disabled = true;
    try {
      await this.options.api.addAnnotation(this.options.mapId, { anchor, body: text, revision: this.data?.revision });
      this.draft = '';
      this.renderComposer();
      this.options.changed();
    } catch (failure) {
      submit.disabled = false;
      replaceChildren(error, errorView(failure, 'Komentar belum tersimpan'));
    }
  }

  private renderList(): void {
    const data = this.data;
    if (!data) return;
    const items = visibleThreads(data.items, this.filter);
    const hiddenCount = data.items.length - items.length;
    replaceChildren(
      this.list,
      items.length === 0
        ? h('p', { class: 'muted' }, data.items.length === 0 ? 'Belum ada komentar.' : 'Tidak ada komentar terbuka.')
        : items.map((item) => this.thread(item)),
      hiddenCount > 0 && this.filter === 'terbuka' && h('p', { class: 'field-hint' }, `${hiddenCount} komentar selesai disembunyikan; pilih “Semua” untuk melihatnya.`),
    );
    replaceChildren(
      this.gone,
      data.notCarried.length > 0 &&
        h(
          'details',
          { class: 'annotation-not-carried', 'data-testid': 'annotation-not-carried' },
          h('summary', {}, `Komentar pada elemen yang sudah dihapus (${data.notCarried.length})`),
          data.notCarried.map((item) => this.thread(item, false)),
        ),
    );
  }

  private thread(item: AnnotationView, onDiagram = true): HTMLElement {
    const elementId = item.anchor.kind === 'elemen' ? item.anchor.elementId : null;
    const label = item.anchorLabel || anchorText(item.anchor);
    const focused = elementId !== null && elementId === this.focused;
    const open = item.status === 'terbuka';
    return h(
      'article',
      {
        class: `annotation-thread${focused ? ' is-focused' : ''}${open ? '' : ' is-resolved'}${item.usang ? ' is-usang' : ''}`,
        tabindex: -1,
        'data-testid': 'annotation-thread',
        'data-id': item.id,
        'data-element': elementId ?? undefined,
      },
      h(
        'header',
        { class: 'annotation-head' },
        elementId && onDiagram
          ? h('button', { type: 'button', class: 'annotation-anchor link-button', title: 'Tunjukkan pada diagram', onClick: () => this.reveal(elementId) }, label)
          : h('span', { class: 'annotation-anchor' }, label),
        h(
          'span',
          { class: 'annotation-badges' },
          item.sopRow !== null && !mentionsRow(label, item.sopRow) && h('span', { class: 'tag' }, `Baris SOP ${item.sopRow}`),
          item.usang && h('span', { class: 'tag tag-usang', title: 'Yang dikomentari telah berubah sejak komentar ditulis' }, 'usang'),
          item.carried && h('span', { class: 'tag' }, `dari revisi ${item.revision}`),
          !open && h('span', { class: 'tag tag-done' }, 'selesai'),
        ),
      ),
      this.message(item.by.name, item.at, item.body),
      item.replies.length > 0 && h('ol', { class: 'annotation-replies' }, item.replies.map((reply) => h('li', {}, this.message(reply.by.name, reply.at, reply.body)))),
      this.options.canAnnotate && this.actions(item),
    );
  }

  private message(author: string, at: string, body: string): HTMLElement {
    return h(
      'div',
      { class: 'annotation-message' },
      h('p', { class: 'annotation-meta' }, h('strong', {}, author), ' · ', h('time', { datetime: at }, formatDateTime(at))),
      h('p', { class: 'annotation-body' }, body),
    );
  }

  private actions(item: AnnotationView): HTMLElement {
    const replyId = uniqueId('annotation-reply');
    const reply = h('textarea', { id: replyId, rows: 2, maxlength: 4000, placeholder: 'Balas…', 'data-testid': 'annotation-reply' }) as HTMLTextAreaElement;
    const error = h('div', { 'aria-live': 'assertive' });
    const send = h('button', { type: 'submit', class: 'button button-ghost', 'data-testid': 'annotation-reply-submit' }, 'Balas');
    const open = item.status === 'terbuka';
    const toggle = h(
      'button',
      { type: 'button', class: 'button button-ghost', 'data-testid': open ? 'annotation-resolve' : 'annotation-reopen', onClick: () => void this.setStatus(item, toggle, error) },
      open ? 'Selesaikan' : 'Buka kembali',
    );
    return h(
      'form',
      {
        class: 'annotation-reply-form',
        novalidate: true,
        onSubmit: (event: Event) => {
          event.preventDefault();
          void this.reply(item, reply, send, error);
        },
      },
      h('label', { for: replyId, class: 'visually-hidden' }, 'Balasan'),
      reply,
      error,
      h('div', { class: 'annotation-form-actions' }, toggle, send),
    );
  }

  private async reply(item: AnnotationView, reply: HTMLTextAreaElement, send: HTMLButtonElement, error: HTMLElement): Promise<void> {
    const text = reply.value.trim();
    if (!text) {
      reply.focus();
      return;
    }
    send.disabled = true;
    try {
      await this.options.api.replyAnnotation(this.options.mapId, item.id, text);
      this.options.changed();
    } catch (failure) {
      send.disabled = false;
      replaceChildren(error, errorView(failure, 'Balasan belum tersimpan'));
    }
  }

  private async setStatus(item: AnnotationView, button: HTMLButtonElement, error: HTMLElement): Promise<void> {
    button.disabled = true;
    try {
      await this.options.api.setAnnotationStatus(this.options.mapId, item.id, item.status === 'terbuka' ? 'selesai' : 'terbuka');
      this.options.changed();
    } catch (failure) {
      button.disabled = false;
      replaceChildren(error, errorView(failure));
    }
  }

  private reveal(elementId: string): void {
    this.focused = elementId;
    this.options.reveal(elementId);
  }
}
