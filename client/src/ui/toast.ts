// Short-lived notes ("Perubahan dibuang") shown at the bottom of the screen and read out by screen readers.
import { h } from './dom';

const SHOW_MS = 7000;

export class Toast {
  readonly element = h('div', { class: 'toast', role: 'status', 'aria-live': 'polite' });
  private timer: number | undefined;

  show(text: string): void {
    window.clearTimeout(this.timer);
    this.element.textContent = text;
    this.element.classList.add('is-visible');
    this.timer = window.setTimeout(() => this.hide(), SHOW_MS);
  }

  hide(): void {
    window.clearTimeout(this.timer);
    this.element.classList.remove('is-visible');
  }
}
