// The signed-in user's name and roles in the header, opening a small menu: change password, sign out.
import type { AppContext } from '../../context';
import { href } from '../../router';
import { rolesText } from '../../session/permissions';
import { errorDialog } from '../../ui/dialog';
import { h, uniqueId } from '../../ui/dom';
import { popupBehaviour } from '../../ui/menuButton';
import { openChangePasswordDialog } from '../account/changePasswordDialog';

/** "AN" for "Ani Nuraini", "B" for "budi". */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  return words
    .slice(0, 2)
    .map((word) => Array.from(word)[0] ?? '')
    .join('')
    .toLocaleUpperCase('id');
}

async function signOut(context: AppContext): Promise<void> {
  // Ask before the session ends, not after: unsaved work in the modeller can still be saved.
  if (!(await context.router.confirmLeave())) return;
  try {
    await context.session.signOut();
  } catch (error) {
    errorDialog('Anda belum keluar', error);
    return;
  }
  context.router.navigate(href.login(), { force: true });
}

/**
 * `compact` shows only the initials on the button (the name and roles are in the menu); `links` (the
 * administrator's pages, where the header has no room for them) come first in the menu.
 */
export function userMenu(context: AppContext, { compact = false, links = [] }: { compact?: boolean; links?: HTMLElement[] } = {}): HTMLElement {
  const { user } = context.session;
  const roles = rolesText(user.roles);
  const popupId = uniqueId('user-menu');
  const button = h(
    'button',
    {
      type: 'button',
      class: compact ? 'user-menu-button is-compact' : 'user-menu-button',
      'aria-expanded': 'false',
      'aria-controls': popupId,
      'aria-label': compact ? `Akun Anda: ${user.name} (${roles})` : undefined,
      'data-testid': 'user-menu',
      title: compact ? `${user.name} — ${roles}` : 'Akun Anda',
    },
    h('span', { class: 'avatar', 'aria-hidden': 'true' }, initials(user.name)),
    h('span', { class: 'user-menu-text' }, h('span', { class: 'user-menu-name' }, user.name), h('span', { class: 'user-menu-roles' }, roles)),
    h('span', { class: 'chevron', 'aria-hidden': 'true' }),
  );
  const popup = h(
    'div',
    { class: 'user-menu-popup', id: popupId, hidden: true },
    h(
      'div',
      { class: 'user-menu-account' },
      h('strong', {}, user.name),
      h('span', {}, user.username),
      user.jabatan && h('span', {}, user.jabatan),
      h('span', {}, user.unit || 'Unit belum diisi'),
      h('span', { class: 'user-menu-roles' }, `Peran: ${roles}`),
    ),
    links.length > 0 && h('div', { class: 'user-menu-actions user-menu-links' }, links),
    h(
      'div',
      { class: 'user-menu-actions' },
      h('button', { type: 'button', class: 'menu-item', 'data-testid': 'change-password-button', onClick: () => { close(); openChangePasswordDialog(context); } }, 'Ganti kata sandi'),
      h('button', { type: 'button', class: 'menu-item', 'data-testid': 'logout-button', onClick: () => { close(); void signOut(context); } }, 'Keluar'),
    ),
  );
  const wrapper = h('div', { class: 'user-menu' }, button, popup);
  links.forEach((link) => link.addEventListener('click', () => close()));

  const { close } = popupBehaviour(wrapper, button, popup);
  return wrapper;
}
