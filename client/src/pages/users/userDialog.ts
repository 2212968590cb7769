// "Tambah pengguna" and "Ubah pengguna": an account's identity, unit, roles, password and status.
import type { Meta, Role, User } from '../../api/types';
import type { AppContext } from '../../context';
import { ROLE_DESCRIPTIONS, ROLE_ORDER } from '../../session/permissions';
import { confirmDialog, field, openFormDialog } from '../../ui/dialog';
import { h, uniqueId } from '../../ui/dom';
import { jabatanInput, nipInput, NIP_HINT, personNameInput, usernameInput, USERNAME_HINT } from '../account/accountFields';
import { PASSWORD_MIN_LENGTH, passwordInput } from '../account/changePasswordDialog';
import { unitControl } from '../shared/mapFields';
import { userPatch } from './userPatch';

const DEFAULT_ROLES: Role[] = ['pembaca'];

/** Checkboxes of the roles, labelled as the server names them; at least one must stay ticked. */
function roleChoices(meta: Meta, checked: readonly Role[]): { element: HTMLElement; value: () => Role[] } {
  const options = [...meta.roles].sort((a, b) => ROLE_ORDER.indexOf(a.id) - ROLE_ORDER.indexOf(b.id));
  const boxes = options.map((option) =>
    h('input', { type: 'checkbox', name: 'roles', value: option.id, checked: checked.includes(option.id), 'data-testid': `user-form-role-${option.id}` }),
  );
  const value = (): Role[] => boxes.filter((box) => box.checked).map((box) => box.value as Role);
  const check = (): void => {
    boxes[0]?.setCustomValidity(value().length === 0 ? 'Pilih setidaknya satu peran.' : '');
  };
  boxes.forEach((box) => box.addEventListener('change', check));
  check();
  const hintId = uniqueId('roles-hint');
  const element = h(
    'fieldset',
    { class: 'field choice-group', 'aria-describedby': hintId },
    h('legend', {}, 'Peran'),
    h('div', { class: 'choice-grid' }, options.map((option, index) => {
      const id = uniqueId('role');
      boxes[index].id = id;
      const description = ROLE_DESCRIPTIONS[option.id];
      return h(
        'div',
        { class: 'choice' },
        boxes[index],
        h('label', { for: id }, h('span', { class: 'choice-label' }, option.label), description && h('span', { class: 'choice-hint' }, description)),
      );
    })),
    h('p', { class: 'field-hint', id: hintId }, 'Administrator dan penyusun bekerja untuk semua unit; peran lain hanya melihat peta unit kerjanya sendiri.'),
  );
  return { element, value };
}

/** Opens the form for a new account (`user` absent) or for editing one; `onSaved` receives the server's record. */
export function openUserDialog(options: { context: AppContext; meta: Meta; units: string[]; user?: User; onSaved: (user: User) => void }): void {
  const { context, meta, user } = options;
  const self = user !== undefined && user.id === context.session.user.id;
  const username = usernameInput(
    user ? { value: user.username, readonly: true, required: false, pattern: null, 'data-testid': 'user-form-username' } : { autofocus: true, 'data-testid': 'user-form-username' },
  );
  const name = personNameInput(user?.name ?? '', { autofocus: user !== undefined, 'data-testid': 'user-form-name' });
  const nip = nipInput(user?.nip ?? '', { 'data-testid': 'user-form-nip' });
  const jabatan = jabatanInput(user?.jabatan ?? '', { 'data-testid': 'user-form-jabatan' });
  const unit = unitControl(options.units, user?.unit ?? '');
  unit.input.required = true;
  unit.input.dataset.testid = 'user-form-unit';
  const roles = roleChoices(meta, user?.roles ?? DEFAULT_ROLES);
  const password = passwordInput({
    name: 'password',
    required: user === undefined,
    minlength: PASSWORD_MIN_LENGTH,
    autocomplete: 'new-password',
    disabled: self,
    'data-testid': 'user-form-password',
  });
  const disabledId = uniqueId('disabled');
  const disabled = h('input', { type: 'checkbox', id: disabledId, name: 'disabled', checked: user?.disabled ?? false, disabled: self, 'data-testid': 'user-form-disabled' });

  const passwordField = user
    ? field(
        'Kata sandi baru (opsional)',
        password,
        self
          ? 'Ganti kata sandi Anda sendiri lewat menu akun (Ganti kata sandi).'
          : `Kosongkan bila tidak diganti. Minimal ${PASSWORD_MIN_LENGTH} karakter; kata sandi baru mengakhiri sesi pengguna ini.`,
      )
    : field('Kata sandi awal', password, `Minimal ${PASSWORD_MIN_LENGTH} karakter. Sampaikan langsung kepada pengguna; ia dapat menggantinya setelah masuk.`);

  const statusField =
    user &&
    h(
      'div',
      { class: 'field choice-group' },
      h(
        'div',
        { class: 'choice' },
        disabled,
        h(
          'label',
          { for: disabledId },
          h('span', { class: 'choice-label' }, 'Nonaktifkan akun'),
          h(
            'span',
            { class: 'choice-hint' },
            self ? 'Anda tidak dapat menonaktifkan akun Anda sendiri.' : 'Akun nonaktif tidak dapat masuk dan sesinya diakhiri; datanya tetap tersimpan.',
          ),
        ),
      ),
    );

  openFormDialog({
    title: user ? `Ubah pengguna ${user.username}` : 'Tambah pengguna',
    className: 'dialog-wide',
    submitLabel: user ? 'Simpan perubahan' : 'Tambah pengguna',
    busyLabel: 'Menyimpan…',
    submitTestId: 'user-form-submit',
    errorTestId: 'user-form-error',
    fields: [
      h('div', { class: 'field-row' }, field('Nama pengguna', username, user ? 'Nama pengguna tidak dapat diubah.' : USERNAME_HINT), field('Nama lengkap', name)),
      h('div', { class: 'field-row' }, field('NIP (opsional)', nip, NIP_HINT), field('Jabatan', jabatan)),
      field('Unit kerja', unit.input, 'Unit kerja atau perangkat daerah tempat pengguna bekerja.'),
      unit.datalist,
      roles.element,
      passwordField,
      statusField,
    ],
    onSubmit: async () => {
      const values = {
        name: name.value.trim(),
        nip: nip.value,
        jabatan: jabatan.value.trim(),
        unit: unit.input.value.trim(),
        roles: roles.value(),
        disabled: disabled.checked,
        password: password.value,
      };
      if (!user) {
        const { disabled: _disabled, ...fields } = values;
        options.onSaved(await context.api.createUser({ ...fields, username: username.value, nip: values.nip || undefined }));
        return;
      }
      const patch = userPatch(user, values);
      if (Object.keys(patch).length === 0) return;
      if (patch.disabled !== undefined && !(await confirmStatusChange(user, patch.disabled))) return false;
      options.onSaved(await context.api.updateUser(user.id, patch));
    },
  });
}

function confirmStatusChange(user: User, disable: boolean): Promise<boolean> {
  return disable
    ? confirmDialog({
        title: `Nonaktifkan akun ${user.username}?`,
        message: `${user.name} tidak dapat masuk lagi dan sesinya yang terbuka diakhiri. Akun dapat diaktifkan kembali kapan saja.`,
        confirmLabel: 'Nonaktifkan akun',
        danger: true,
      })
    : confirmDialog({
        title: `Aktifkan kembali akun ${user.username}?`,
        message: `${user.name} dapat masuk lagi dengan peran yang tercantum.`,
        confirmLabel: 'Aktifkan akun',
      });
}
