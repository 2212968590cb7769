// "Ganti kata sandi": the signed-in user sets a new password; their sessions elsewhere end.
import type { AppContext } from '../../context';
import { field, openDialog, openFormDialog } from '../../ui/dialog';
import { h } from '../../ui/dom';
import { requireSamePassword } from '../../ui/forms';

export const PASSWORD_MIN_LENGTH = 10;

export function passwordInput(attrs: Record<string, string | number | boolean>): HTMLInputElement {
  return h('input', { type: 'password', maxlength: 200, spellcheck: 'false', autocapitalize: 'none', ...attrs });
}

export function openChangePasswordDialog(context: AppContext): void {
  const current = passwordInput({ name: 'currentPassword', required: true, autocomplete: 'current-password', autofocus: true, 'data-testid': 'password-current' });
  const next = passwordInput({ name: 'newPassword', required: true, minlength: PASSWORD_MIN_LENGTH, autocomplete: 'new-password', 'data-testid': 'password-new' });
  const confirm = passwordInput({ name: 'confirmPassword', required: true, autocomplete: 'new-password', 'data-testid': 'password-confirm' });
  requireSamePassword(next, confirm);
  const checkDifferent = (): void => {
    next.setCustomValidity(next.value && next.value === current.value ? 'Kata sandi baru harus berbeda dari kata sandi saat ini.' : '');
  };
  current.addEventListener('input', checkDifferent);
  next.addEventListener('input', checkDifferent);

  openFormDialog({
    title: 'Ganti kata sandi',
    submitLabel: 'Ganti kata sandi',
    busyLabel: 'Mengganti…',
    submitTestId: 'password-submit',
    errorTestId: 'password-error',
    fields: [
      field('Kata sandi saat ini', current),
      field('Kata sandi baru', next, `Minimal ${PASSWORD_MIN_LENGTH} karakter. Gunakan kalimat pendek yang mudah Anda ingat tetapi sulit ditebak orang lain.`),
      field('Ulangi kata sandi baru', confirm),
    ],
    onSubmit: async () => {
      await context.api.changePassword(current.value, next.value);
      const done = openDialog({
        title: 'Kata sandi diganti',
        body: h('p', {}, 'Kata sandi Anda telah diganti. Sesi Anda di perangkat atau peramban lain telah diakhiri; masuk di sana dengan kata sandi baru.'),
        actions: [{ label: 'Tutup', variant: 'primary', onClick: () => done.close() }],
      });
    },
  });
}
