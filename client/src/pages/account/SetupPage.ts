// First run: while no account exists, whoever installed Petakerja creates the first administrator here.
import { ApiError } from '../../api/client';
import type { AppContext } from '../../context';
import { href, type Page } from '../../router';
import { field } from '../../ui/dialog';
import { h, replaceChildren } from '../../ui/dom';
import { errorView } from '../../ui/errors';
import { checkForm, requireSamePassword } from '../../ui/forms';
import { unitControl } from '../shared/mapFields';
import { jabatanInput, nipInput, NIP_HINT, personNameInput, usernameInput, USERNAME_HINT } from './accountFields';
import { authShell } from './authLayout';
import { PASSWORD_MIN_LENGTH, passwordInput } from './changePasswordDialog';

export class SetupPage implements Page {
  readonly element: HTMLElement;
  private readonly username = usernameInput({ 'data-testid': 'setup-username' });
  private readonly submit = h('button', { type: 'submit', class: 'button button-primary button-block', 'data-testid': 'setup-submit' }, 'Buat administrator');
  private readonly errorArea = h('div', { class: 'form-error', 'aria-live': 'assertive', 'data-testid': 'setup-error' });
  private busy = false;

  constructor(private readonly context: AppContext) {
    const name = personNameInput('', { autocomplete: 'name', 'data-testid': 'setup-name' });
    const nip = nipInput('', { 'data-testid': 'setup-nip' });
    const jabatan = jabatanInput('', { 'data-testid': 'setup-jabatan', placeholder: 'Mis. Kepala Bagian Organisasi' });
    const unit = unitControl([], '');
    unit.input.required = true;
    unit.input.dataset.testid = 'setup-unit';
    const password = passwordInput({ name: 'password', required: true, minlength: PASSWORD_MIN_LENGTH, autocomplete: 'new-password', 'data-testid': 'setup-password' });
    const confirm = passwordInput({ name: 'confirmPassword', required: true, autocomplete: 'new-password', 'data-testid': 'setup-password-confirm' });
    requireSamePassword(password, confirm);
    // Prefilled from the address this page was opened at; the admin confirms it (docs/security.md, Public address).
    const publicUrl = h('input', { type: 'url', name: 'publicUrl', required: true, maxlength: 200, value: window.location.origin, 'data-testid': 'setup-public-url' }) as HTMLInputElement;

    const form = h(
      'form',
      { class: 'auth-form', novalidate: true },
      h(
        'fieldset',
        { class: 'form-section' },
        h('legend', {}, 'Administrator pertama'),
        field('Nama pengguna', this.username, USERNAME_HINT),
        field('Nama lengkap', name),
        field('NIP (opsional)', nip, NIP_HINT),
        h('div', { class: 'field-row' }, field('Jabatan', jabatan), field('Unit kerja', unit.input)),
      ),
      h(
        'fieldset',
        { class: 'form-section' },
        h('legend', {}, 'Kata sandi'),
        h('div', { class: 'field-row' }, field('Kata sandi', password, `Minimal ${PASSWORD_MIN_LENGTH} karakter.`), field('Ulangi kata sandi', confirm)),
      ),
      h(
        'fieldset',
        { class: 'form-section' },
        h('legend', {}, 'Alamat publik'),
        field(
          'Alamat Petakerja bagi pengguna',
          publicUrl,
          'Dicetak pada kode QR setiap SOP yang disahkan dan tidak dapat diubah sesudahnya. Periksa: alamat yang dibuka pengguna lain (bukan localhost atau 127.0.0.1), misalnya https://sop.pemda.go.id.',
        ),
      ),
      this.errorArea,
      this.submit,
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (this.busy || !checkForm(form, this.errorArea)) return;
      void this.create({
        username: this.username.value,
        password: password.value,
        name: name.value.trim(),
        nip: nip.value || undefined,
        jabatan: jabatan.value.trim(),
        unit: unit.input.value.trim(),
        publicUrl: publicUrl.value.trim(),
      });
    });

    this.element = authShell(
      'page-setup',
      h('h1', {}, 'Penyiapan Petakerja'),
      h(
        'div',
        { class: 'setup-intro' },
        h('p', {}, 'Petakerja ini belum memiliki akun. Buat akun administrator pertama; halaman ini hanya tersedia sampai akun tersebut dibuat.'),
        h('p', {}, 'Administrator mengelola akun pengguna lain dan membaca log audit. Akun ini juga berperan sebagai penyusun, yang membuat dan menyunting peta semua unit.'),
      ),
      form,
      unit.datalist,
    );
    document.title = 'Penyiapan — Petakerja';
  }

  shown(): void {
    this.username.focus();
  }

  private async create(input: Parameters<AppContext['session']['setup']>[0]): Promise<void> {
    this.busy = true;
    this.submit.disabled = true;
    this.submit.textContent = 'Membuat akun…';
    try {
      await this.context.session.setup(input);
      this.context.router.navigate(href.users(), { force: true });
    } catch (error) {
      this.busy = false;
      this.submit.disabled = false;
      this.submit.textContent = 'Buat administrator';
      if (error instanceof ApiError && error.code === 'SETUP_DONE') {
        // Someone else created the first account meanwhile: this page no longer exists.
        this.context.session.setupNeeded = false;
        replaceChildren(
          this.errorArea,
          h(
            'div',
            { class: 'notice notice-error', role: 'alert' },
            h('p', {}, error.message),
            h('a', { class: 'button button-secondary', href: href.login() }, 'Ke halaman masuk'),
          ),
        );
        return;
      }
      replaceChildren(this.errorArea, errorView(error));
    }
  }
}
