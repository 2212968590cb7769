// The frame of the pages seen before signing in: the product name over one centred card.
import { h, type Child } from '../../ui/dom';

export function authShell(className: string, ...content: Child[]): HTMLElement {
  return h(
    'div',
    { class: `page page-auth ${className}` },
    h(
      'main',
      { class: 'auth-main' },
      h('p', { class: 'brand auth-brand' }, h('span', { class: 'brand-mark', 'aria-hidden': 'true' }), 'Petakerja'),
      h('div', { class: 'auth-card' }, content),
      h('p', { class: 'auth-footer' }, 'Peta proses bisnis dan mekanisme kerja perangkat daerah'),
    ),
  );
}
