// The frame every page shares: a compact top bar with the product name, the page's own header content,
// the administrator's links and the signed-in user's menu; then the page's own content.
import type { AppContext } from '../../context';
import { href, parseHash } from '../../router';
import { h, type Child } from '../../ui/dom';
import { userMenu } from './userMenu';
import { inboxLink } from '../../features/review/inboxLink';

function navLink(label: string, target: string, testId: string): HTMLAnchorElement {
  const current = target === href.list() ? parseHash(location.hash).name === 'list' : location.hash === target;
  return h('a', { class: 'nav-link', href: target, 'aria-current': current ? 'page' : undefined, 'data-testid': testId }, label);
}

/**
 * Pages with their own header content (the modeller's toolbar) need the room: there the user menu shows only
 * the initials and the administrator's links move into it.
 */
export function appHeader(context: AppContext, ...content: Child[]): HTMLElement {
  const { session } = context;
  const compact = content.length > 0;
  return h(
    'header',
    { class: 'app-header' },
    h('a', { class: 'brand', href: '#/', title: 'Daftar peta proses' }, h('span', { class: 'brand-mark', 'aria-hidden': 'true' }), 'Petakerja'),
    content,
    session.signedIn &&
      h(
        'div',
        { class: 'header-end' },
        !compact && h('nav', { class: 'app-nav', 'aria-label': 'Tugas reviu' }, inboxLink(context.api, 'nav-link'), navLink('Evaluasi SOP', href.evaluations(), 'evaluations-link'), session.allUnits && navLink('Dasbor', href.dashboard(), 'dashboard-link'), session.allUnits && navLink('Pemeriksaan repositori', href.repositoryLint(), 'repository-lint-link')),
        session.isAdmin &&
          !compact &&
          h(
            'nav',
            { class: 'app-nav', 'aria-label': 'Administrasi' },
            navLink('Peta proses', href.list(), 'maps-link'),
            navLink('Pengguna', href.users(), 'users-link'),
            navLink('Log audit', href.audit(), 'audit-link'),
          ),
        userMenu(context, { compact, links: compact ? [inboxLink(context.api, 'menu-item'), ...reviewLinks(session.allUnits), ...(session.isAdmin ? adminLinks() : [])] : [] }),
      ),
  );
}

/** The review and repository pages, as entries of the user menu (the modeller's header has no room for them). */
function reviewLinks(allUnits: boolean): HTMLAnchorElement[] {
  return [
    h('a', { class: 'menu-item', href: href.evaluations(), 'data-testid': 'evaluations-link' }, 'Evaluasi SOP'),
    ...(allUnits
      ? [
          h('a', { class: 'menu-item', href: href.dashboard(), 'data-testid': 'dashboard-link' }, 'Dasbor'),
          h('a', { class: 'menu-item', href: href.repositoryLint(), 'data-testid': 'repository-lint-link' }, 'Pemeriksaan repositori'),
        ]
      : []),
  ];
}

/** The administrator's pages, as entries of the user menu. */
function adminLinks(): HTMLAnchorElement[] {
  return [
    h('a', { class: 'menu-item', href: href.users(), 'data-testid': 'users-link' }, 'Pengguna'),
    h('a', { class: 'menu-item', href: href.audit(), 'data-testid': 'audit-link' }, 'Log audit'),
  ];
}

export function pageShell(className: string, header: HTMLElement, ...content: Child[]): HTMLElement {
  return h('div', { class: `page ${className}` }, header, content);
}
