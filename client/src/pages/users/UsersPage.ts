// "Pengguna" (administrators): every account with its unit, roles and status; adding and editing accounts.
import type { Meta, User } from '../../api/types';
import type { AppContext } from '../../context';
import type { Page } from '../../router';
import { rolesText } from '../../session/permissions';
import { h, replaceChildren } from '../../ui/dom';
import { errorStateView, loadingView } from '../../ui/states';
import { Toast } from '../../ui/toast';
import { appHeader, pageShell } from '../shared/layout';
import { openUserDialog } from './userDialog';
import { settingsPanel } from './settingsPanel';

const byUsername = (a: User, b: User): number => a.username.localeCompare(b.username, 'id');

export class UsersPage implements Page {
  readonly element: HTMLElement;
  private readonly results = h('div', { class: 'results' });
  private readonly count = h('p', { class: 'result-count', role: 'status' });
  private readonly hint = h('div', { class: 'notices' });
  private readonly toast = new Toast();
  private readonly addButton: HTMLButtonElement;
  private users: User[] = [];
  private meta: Meta | null = null;
  private destroyed = false;

  constructor(private readonly context: AppContext) {
    this.addButton = h(
      'button',
      { type: 'button', class: 'button button-primary', disabled: true, 'data-testid': 'add-user-button', onClick: () => this.openDialog() },
      'Tambah pengguna',
    );
    this.element = pageShell(
      'page-users',
      appHeader(context),
      h(
        'main',
        { class: 'list-main' },
        h(
          'div',
          { class: 'page-heading' },
          h(
            'div',
            {},
            h('h1', {}, 'Pengguna'),
            h('p', { class: 'lead' }, 'Akun yang dapat masuk ke Petakerja, dengan unit kerja dan perannya.'),
          ),
          h('div', { class: 'page-actions' }, this.addButton),
        ),
        settingsPanel(context),
        this.hint,
        this.count,
        this.results,
      ),
      this.toast.element,
    );
    document.title = 'Pengguna — Petakerja';
    void this.load();
  }

  destroy(): void {
    this.destroyed = true;
    this.toast.hide();
  }

  private async load(): Promise<void> {
    replaceChildren(this.results, loadingView('Memuat daftar pengguna…'));
    try {
      const [meta, users] = await Promise.all([this.context.meta(true), this.context.api.listUsers()]);
      if (this.destroyed) return;
      this.meta = meta;
      this.users = users.sort(byUsername);
      this.addButton.disabled = false;
      this.render();
    } catch (error) {
      if (this.destroyed) return;
      replaceChildren(this.results, errorStateView('Daftar pengguna tidak dapat dimuat', error, () => void this.load()));
    }
  }

  /** Units already in use by maps or accounts, as suggestions for the unit field. */
  private knownUnits(): string[] {
    const units = new Set([...(this.meta?.units ?? []), ...this.users.map((user) => user.unit)].filter(Boolean));
    return [...units].sort((a, b) => a.localeCompare(b, 'id'));
  }

  private openDialog(user?: User): void {
    if (!this.meta) return;
    openUserDialog({
      context: this.context,
      meta: this.meta,
      units: this.knownUnits(),
      user,
      onSaved: (saved) => void this.saved(saved, user === undefined),
    });
  }

  private async saved(user: User, added: boolean): Promise<void> {
    this.users = [...this.users.filter((other) => other.id !== user.id), user].sort(byUsername);
    this.render();
    this.toast.show(added ? `Pengguna ${user.username} ditambahkan.` : `Perubahan pada pengguna ${user.username} disimpan.`);
    if (user.id === this.context.session.user.id) {
      // The administrator changed their own account: the header (and what they may open) follows.
      await this.context.session.refresh();
      if (!this.destroyed) this.context.router.reload();
    }
  }

  private render(): void {
    const active = this.users.filter((user) => !user.disabled).length;
    // Right after the first-run setup the administrator is alone: say what comes next.
    replaceChildren(
      this.hint,
      this.users.length === 1 &&
        h(
          'div',
          { class: 'notice notice-info' },
          'Baru ada akun Anda. Tambahkan akun untuk penyusun di Bagian Organisasi, serta reviewer, pengesah dan pembaca di setiap unit kerja.',
        ),
    );
    this.count.textContent = `${this.users.length} pengguna, ${active} aktif`;
    const labels = new Map(this.meta?.roles.map((role) => [role.id, role.label]));
    const rows = this.users.map((user) => {
      const row = h(
        'tr',
        { 'data-testid': 'user-row', 'data-username': user.username, class: user.disabled ? 'is-disabled' : undefined },
        h('td', { class: 'cell-code' }, user.username),
        h('td', { class: 'cell-name' }, user.name),
        h('td', { class: 'cell-code' }, user.nip || h('span', { class: 'muted' }, '—')),
        h('td', {}, user.jabatan || h('span', { class: 'muted' }, '—')),
        h('td', {}, user.unit || h('span', { class: 'muted' }, '—')),
        h('td', {}, rolesText(user.roles, (role) => labels.get(role) ?? role)),
        h(
          'td',
          {},
          h('span', { class: user.disabled ? 'status status-off' : 'status status-on', 'data-testid': 'user-status' }, user.disabled ? 'Nonaktif' : 'Aktif'),
        ),
        h(
          'td',
          { class: 'cell-actions' },
          h('button', { type: 'button', class: 'button button-ghost button-small', 'aria-label': `Ubah pengguna ${user.username}`, 'data-testid': 'edit-user-button', onClick: () => this.openDialog(user) }, 'Ubah'),
        ),
      );
      // The whole row opens the account; the button keeps it reachable by keyboard.
      row.addEventListener('click', (event) => {
        if (!(event.target instanceof Element && event.target.closest('button'))) this.openDialog(user);
      });
      return row;
    });
    replaceChildren(
      this.results,
      h(
        'div',
        { class: 'table-wrap' },
        h(
          'table',
          { class: 'data-table users-table' },
          h('caption', { class: 'visually-hidden' }, 'Daftar pengguna'),
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              ['Nama pengguna', 'Nama', 'NIP', 'Jabatan', 'Unit kerja', 'Peran', 'Status'].map((title) => h('th', { scope: 'col' }, title)),
              h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Tindakan')),
            ),
          ),
          h('tbody', {}, rows),
        ),
      ),
    );
  }
}
