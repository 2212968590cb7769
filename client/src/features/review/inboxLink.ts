// The header's "Menunggu saya" link to the review inbox, with the number of items waiting (filled in once known).
import type { Api } from '../../api/client';
import { href, parseHash } from '../../router';
import { h } from '../../ui/dom';
import './review.css';

export function inboxLink(api: Api, className: 'nav-link' | 'menu-item'): HTMLAnchorElement {
  const count = h('span', { class: 'nav-count', 'data-testid': 'inbox-count' });
  const link = h(
    'a',
    {
      class: className,
      href: href.inbox(),
      'aria-current': parseHash(location.hash).name === 'inbox' ? 'page' : undefined,
      'data-testid': 'inbox-link',
    },
    'Menunggu saya',
    count,
  );
  const load = () =>
    api.reviewInbox().then(
      (items) => {
        count.textContent = items.length > 0 ? String(items.length) : '';
        link.setAttribute('aria-label', items.length > 0 ? `Menunggu saya: ${items.length}` : 'Menunggu saya');
      },
      () => undefined, // The count is a convenience: the inbox page itself reports failures.
    );
  if (className === 'nav-link') void load();
  else whenFirstShown(link, load);
  return link;
}

/**
 * In the user menu (the map pages' compact header) the count is asked for when the menu first shows it, not while
 * the map loads (issue 16).
 */
function whenFirstShown(element: HTMLElement, then: () => void): void {
  const observer = new IntersectionObserver((entries) => {
    if (!entries.some((entry) => entry.isIntersecting)) return;
    observer.disconnect();
    then();
  });
  observer.observe(element);
}
