// The frame every page shares: a compact top bar with the product name, then the page's own content.
import { h, type Child } from '../../ui/dom';

export function appHeader(...content: Child[]): HTMLElement {
  return h(
    'header',
    { class: 'app-header' },
    h('a', { class: 'brand', href: '#/', title: 'Daftar peta proses' }, h('span', { class: 'brand-mark', 'aria-hidden': 'true' }), 'Petakerja'),
    content,
  );
}

export function pageShell(className: string, header: HTMLElement, ...content: Child[]): HTMLElement {
  return h('div', { class: `page ${className}` }, header, content);
}
