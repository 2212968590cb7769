// The frame every page shares: a compact top bar with the product name, the page's own header content,
// the administrator's links and the signed-in user's menu; then the page's own content.
import type { AppContext } from '../../context';
import { href, parseHash } from '../../router';
import { h, type Child } from '../../ui/dom';
import { userMenu } from './userMenu';
import { pemdaSelector } from './pemdaSelector';
import { inboxLink } from '../../features/review/inboxLink';
import { navEntries, type NavEntry } from './navEntries';

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
  const entries = session.signedIn ? navEntries(session.user, session.allUnits) : [];
  const admin = entries.filter((e) => e.group === 'admin');
  return h(
    'header',
    { class: 'app-header' },
    h('a', { class: 'brand', href: '#/', title: 'Daftar peta proses' }, h('span', { class: 'brand-mark', 'aria-hidden': 'true' }), 'Petakerja'),
    content,
    session.signedIn &&
      h(
        'div',
        { class: 'header-end' },
        !compact && h('nav', { class: 'app-nav', 'aria-label': 'Navigasi utama' }, entries.filter((e) => e.group === 'kerja').map((e, i) => [navLink(e.label, e.href, e.testId), i === 0 && inboxLink(context.api, 'nav-link')])),
        !compact && admin.length > 0 && h('nav', { class: 'app-nav', 'aria-label': 'Administrasi' }, admin.map((e) => navLink(e.label, e.href, e.testId))),
        pemdaSelector(context),
        userMenu(context, { compact, links: compact ? [inboxLink(context.api, 'menu-item'), ...entries.map(menuLink)] : [] }),
      ),
  );
}

/** A page of the navigation as an entry of the user menu (the modeller's header has no room for the bar). */
function menuLink(entry: NavEntry): HTMLAnchorElement {
  return h('a', { class: 'menu-item', href: entry.href, 'data-testid': entry.testId }, entry.label);
}

export function pageShell(className: string, header: HTMLElement, ...content: Child[]): HTMLElement {
  return h('div', { class: `page ${className}` }, header, content);
}
