// A page that only says something: an address the app does not know, or one the user's roles do not open.
import type { AppContext } from '../context';
import type { Page } from '../router';
import { h } from '../ui/dom';
import { appHeader, pageShell } from './shared/layout';

export interface PageMessage {
  title: string;
  text: string;
  testId?: string;
}

export const NOT_FOUND: PageMessage = {
  title: 'Halaman tidak ditemukan',
  text: 'Alamat yang Anda buka tidak dikenal oleh Petakerja.',
  testId: 'not-found',
};

export const ADMIN_ONLY: PageMessage = {
  title: 'Halaman ini khusus administrator',
  text: 'Peran Anda tidak mengizinkan membuka halaman ini. Hubungi administrator Petakerja bila Anda memerlukannya.',
  testId: 'access-denied',
};

export class MessagePage implements Page {
  readonly element: HTMLElement;

  constructor(context: AppContext, message: PageMessage) {
    this.element = pageShell(
      'page-message',
      appHeader(context),
      h(
        'main',
        { class: 'state', 'data-testid': message.testId },
        h('h1', {}, message.title),
        h('p', {}, message.text),
        h('a', { class: 'button button-primary', href: '#/' }, 'Ke daftar peta proses'),
      ),
    );
    document.title = `${message.title} — Petakerja`;
  }
}
