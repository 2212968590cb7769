// The loading and failure states every page shows while it fetches its data.
import { h, type Child } from './dom';
import { errorDetails, errorMessage } from './errors';

export function loadingView(label = 'Memuat…'): HTMLElement {
  return h('div', { class: 'state state-loading', role: 'status', 'aria-live': 'polite' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), label);
}

export function errorStateView(title: string, error: unknown, onRetry: () => void, extra?: Child): HTMLElement {
  const details = errorDetails(error);
  return h(
    'div',
    { class: 'state state-error', role: 'alert' },
    h('h2', {}, title),
    h('p', {}, errorMessage(error)),
    details.length > 0 && h('ul', {}, details.map((line) => h('li', {}, line))),
    h('div', { class: 'state-actions' }, h('button', { type: 'button', class: 'button button-primary', onClick: onRetry }, 'Coba lagi'), extra),
  );
}
