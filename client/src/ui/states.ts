// The loading and failure states every page shows while it fetches its data.
import { ApiError } from '../api/client';
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

/** True for a refusal that trying again will not change: another unit's map, or an action the role does not allow. */
export function isAccessDenied(error: unknown): error is ApiError {
  return error instanceof ApiError && error.status === 403 && (error.code === 'FORBIDDEN_UNIT' || error.code === 'FORBIDDEN');
}

/** Explains a refusal (403) without offering to try again. */
export function accessDeniedView(error: ApiError, extra?: Child): HTMLElement {
  const title = error.code === 'FORBIDDEN_UNIT' ? 'Peta ini milik unit lain' : 'Anda tidak memiliki izin';
  return h(
    'div',
    { class: 'state state-error state-denied', role: 'alert', 'data-testid': 'access-denied', 'data-code': error.code },
    h('h2', {}, title),
    h('p', {}, error.message),
    error.code === 'FORBIDDEN_UNIT' && h('p', {}, 'Bila Anda memerlukan peta ini, hubungi penyusun di Bagian Organisasi atau administrator Petakerja.'),
    h('div', { class: 'state-actions' }, h('a', { class: 'button button-primary', href: '#/' }, 'Ke daftar peta'), extra),
  );
}
