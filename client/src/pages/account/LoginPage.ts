// "Masuk": username and password; afterwards the user goes on to the page they were heading for.
import { ApiError } from '../../api/client';
import type { AppContext } from '../../context';
import type { Page } from '../../router';
import { field } from '../../ui/dialog';
import { h, replaceChildren } from '../../ui/dom';
import { checkForm } from '../../ui/forms';
import { authShell } from './authLayout';
import { passwordInput } from './changePasswordDialog';
import { loginErrorMessage } from './loginErrors';

export class LoginPage implements Page {
  readonly element: HTMLElement;
  private readonly username = h('input', {
    type: 'text',
    name: 'username',
    required: true,
    maxlength: 100,
    autocomplete: 'username',
    autocapitalize: 'none',
    spellcheck: 'false',
    'data-normalize': 'username',
    'data-testid': 'login-username',
  });
  private readonly password = passwordInput({ name: 'password', required: true, autocomplete: 'current-password', 'data-testid': 'login-password' });
  private readonly submit = h('button', { type: 'submit', class: 'button button-primary button-block', 'data-testid': 'login-submit' }, 'Masuk');
  private readonly errorArea = h('div', { class: 'form-error', 'aria-live': 'assertive', 'data-testid': 'login-error' });
  private busy = false;

  constructor(private readonly context: AppContext) {
    const notice = context.session.takeNotice();
    const form = h(
      'form',
      { class: 'auth-form', novalidate: true },
      field('Nama pengguna', this.username),
      field('Kata sandi', this.password),
      this.errorArea,
      this.submit,
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.signIn(form);
    });
    this.element = authShell(
      'page-login',
      h('h1', {}, 'Masuk ke Petakerja'),
      h('p', { class: 'lead' }, 'Gunakan akun yang diberikan administrator Petakerja di instansi Anda.'),
      notice && h('div', { class: 'notice notice-info', role: 'status', 'data-testid': 'login-notice' }, notice),
      form,
      h('p', { class: 'auth-help' }, 'Lupa kata sandi atau akun dinonaktifkan? Hubungi administrator Petakerja di instansi Anda.'),
    );
    document.title = 'Masuk — Petakerja';
  }

  shown(): void {
    this.username.focus();
  }

  private async signIn(form: HTMLFormElement): Promise<void> {
    if (this.busy || !checkForm(form, this.errorArea)) return;
    this.setBusy(true);
    try {
      await this.context.session.signIn(this.username.value, this.password.value);
    } catch (error) {
      this.setBusy(false);
      replaceChildren(this.errorArea, h('div', { class: 'notice notice-error', role: 'alert' }, loginErrorMessage(error)));
      if (error instanceof ApiError && error.code === 'LOGIN_FAILED') {
        this.password.value = '';
        this.password.focus();
      }
      return;
    }
    // The password is not kept anywhere: the field goes with this page.
    this.password.value = '';
    // The login address now sends a signed-in user on to where they were going.
    this.context.router.reload();
  }

  private setBusy(busy: boolean): void {
    this.busy = busy;
    this.submit.disabled = busy;
    this.submit.textContent = busy ? 'Memeriksa…' : 'Masuk';
    this.username.readOnly = busy;
    this.password.readOnly = busy;
  }
}
