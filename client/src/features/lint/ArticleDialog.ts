// A non-modal dialog above the findings panel with the text of the articles a finding cites; Esc or Tutup closes it.
import { h, replaceChildren, uniqueId } from '../../ui/dom';
import { resolveCitations, textParts } from './articleTexts';
import './lint-articles.css';

export class ArticleDialog {
  readonly element: HTMLElement;
  private readonly titleId = uniqueId('lint-articles-title');
  private readonly heading = h('h3', { class: 'lint-articles-title', tabindex: '-1' }, 'Teks peraturan');
  private readonly content = h('div', { class: 'lint-articles-content' });
  /** Where focus goes back to when the dialog closes. */
  private returnFocus: (() => HTMLElement | null) | null = null;
  private request = 0;

  constructor() {
    this.heading.id = this.titleId;
    this.element = h(
      'section',
      {
        class: 'lint-articles',
        role: 'dialog',
        'aria-modal': 'false',
        'aria-labelledby': this.titleId,
        'data-testid': 'lint-articles',
        hidden: true,
        onKeydown: (event: Event) => {
          if ((event as KeyboardEvent).key === 'Escape') {
            event.stopPropagation();
            this.close();
          }
        },
      },
      h(
        'div',
        { class: 'lint-articles-header' },
        this.heading,
        h('button', { type: 'button', class: 'button button-ghost lint-articles-close', 'data-testid': 'lint-articles-close', onClick: () => this.close() }, 'Tutup'),
      ),
      this.content,
    );
  }

  isOpen(): boolean {
    return !this.element.hidden;
  }

  /** Shows the articles of the citations and moves focus into the dialog; `returnFocus` finds the opener again later. */
  async open(rule: string, citations: readonly string[], returnFocus: () => HTMLElement | null): Promise<void> {
    const request = ++this.request;
    this.returnFocus = returnFocus;
    this.heading.textContent = 'Teks peraturan';
    replaceChildren(this.content, h('p', { class: 'lint-articles-note' }, 'Memuat teks peraturan…'));
    this.element.hidden = false;
    this.heading.focus();
    let resolved: Awaited<ReturnType<typeof resolveCitations>>;
    try {
      resolved = await resolveCitations(citations);
    } catch {
      if (request === this.request) replaceChildren(this.content, h('p', { class: 'lint-articles-note' }, 'Teks peraturan tidak dapat dimuat. Coba lagi.'));
      return;
    }
    if (request !== this.request) return;
    this.heading.textContent = `Teks peraturan · ${rule}`;
    replaceChildren(
      this.content,
      resolved.length === 0 ? h('p', { class: 'lint-articles-note' }, 'Aturan ini tidak merujuk peraturan tertentu.') : null,
      resolved.flatMap(({ references }) =>
        references.map((reference) =>
          h(
            'article',
            { class: 'lint-article', 'data-testid': 'lint-article' },
            h('p', { class: 'lint-article-regulation' }, reference.title),
            h('h4', { class: 'lint-article-heading' }, reference.heading),
            !reference.shipped
              ? h('p', { class: 'lint-articles-note' }, 'Teks tidak disertakan: peraturan ini tidak dimuat dalam aplikasi.')
              : reference.text === ''
                ? h('p', { class: 'lint-articles-note' }, 'Bagian yang dirujuk tidak ditemukan dalam teks peraturan.')
                : h(
                    'div',
                    { class: 'lint-article-text', 'data-testid': 'lint-article-text' },
                    textParts(reference).map((part) => (part.marked ? h('mark', { class: 'lint-article-cited' }, part.text) : part.text)),
                  ),
          ),
        ),
      ),
    );
    this.content.querySelector('mark')?.scrollIntoView({ block: 'nearest' });
  }

  close(): void {
    if (!this.isOpen()) return;
    this.request++;
    const hadFocus = this.element.contains(document.activeElement);
    this.element.hidden = true;
    const target = this.returnFocus?.();
    this.returnFocus = null;
    if (hadFocus) target?.focus();
  }
}
