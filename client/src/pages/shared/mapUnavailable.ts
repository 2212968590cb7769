// What a map page shows when its map cannot be opened: the unit's refusal, or the error with a retry.
import { h, type Child } from '../../ui/dom';
import { accessDeniedView, errorStateView, isAccessDenied } from '../../ui/states';

export function mapUnavailableView(title: string, error: unknown, retry: () => void, way: { href: string; label: string }): HTMLElement {
  const link: Child = h('a', { class: 'button button-secondary', href: way.href }, way.label);
  return isAccessDenied(error) ? accessDeniedView(error) : errorStateView(title, error, retry, link);
}
