// Buttons that move through the pages of a long list: first, previous, "Halaman 3 dari 200", next, last. The buttons
// stay in place between pages and are never `disabled` (only `aria-disabled`), so the keyboard focus stays on the
// button just used, as it moves page after page.
import { h } from './dom';
import { formatCount } from './format';
import './pager.css';

export type PagerMove = 'first' | 'previous' | 'next' | 'last';

const BUTTONS: Record<PagerMove, { text: string; label: string }> = {
  first: { text: '«', label: 'Halaman pertama' },
  previous: { text: '‹ Sebelumnya', label: 'Halaman sebelumnya' },
  next: { text: 'Berikutnya ›', label: 'Halaman berikutnya' },
  last: { text: '»', label: 'Halaman terakhir' },
};

/** Page `page` (1 is the first) of `pages`. */
export interface PagerState {
  page: number;
  pages: number;
}

export class Pager {
  readonly element: HTMLElement;
  private readonly position = h('span', { class: 'pager-position' });
  private readonly buttons = {} as Record<PagerMove, HTMLButtonElement>;
  private state: PagerState = { page: 1, pages: 1 };

  /** `label`: what the navigation is called (aria-label); `go` is called with the page asked for and the button used. */
  constructor(
    label: string,
    private readonly go: (page: number, move: PagerMove) => void,
    testId = 'pager',
  ) {
    for (const move of Object.keys(BUTTONS) as PagerMove[]) {
      const { text, label: buttonLabel } = BUTTONS[move];
      this.buttons[move] = h(
        'button',
        { type: 'button', class: 'button button-secondary button-small', 'aria-label': buttonLabel, title: buttonLabel, 'data-testid': `page-${move}`, onClick: () => this.move(move) },
        text,
      );
    }
    const { first, previous, next, last } = this.buttons;
    this.element = h('nav', { class: 'pager', 'aria-label': label, 'data-testid': testId, hidden: true }, first, previous, this.position, next, last);
  }

  /** Shows the pager at `state`, or hides it (`null`: a single page, or nothing listed). */
  update(state: PagerState | null): void {
    this.element.hidden = state === null;
    if (!state) return;
    this.state = state;
    this.position.textContent = `Halaman ${formatCount(state.page)} dari ${formatCount(state.pages)}`;
    const atStart = state.page <= 1;
    const atEnd = state.page >= state.pages;
    for (const [move, unusable] of [['first', atStart], ['previous', atStart], ['next', atEnd], ['last', atEnd]] as const) {
      this.buttons[move].setAttribute('aria-disabled', String(unusable));
    }
  }

  /** Moves the focus to one of the buttons (when the list moved on from another pager). */
  focus(move: PagerMove): void {
    this.buttons[move].focus();
  }

  private move(move: PagerMove): void {
    if (this.buttons[move].getAttribute('aria-disabled') === 'true') return;
    const { page, pages } = this.state;
    const target = { first: 1, previous: page - 1, next: page + 1, last: pages }[move];
    this.go(Math.min(Math.max(target, 1), pages), move);
  }
}
