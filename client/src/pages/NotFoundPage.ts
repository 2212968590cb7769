// Shown for an address the app does not know.
import type { Page } from '../router';
import { h } from '../ui/dom';
import { appHeader, pageShell } from './shared/layout';

export class NotFoundPage implements Page {
  readonly element = pageShell(
    'page-message',
    appHeader(),
    h(
      'main',
      { class: 'state' },
      h('h1', {}, 'Halaman tidak ditemukan'),
      h('p', {}, 'Alamat yang Anda buka tidak dikenal oleh Petakerja.'),
      h('a', { class: 'button button-primary', href: '#/' }, 'Ke daftar peta proses'),
    ),
  );

  constructor() {
    document.title = 'Halaman tidak ditemukan — Petakerja';
  }
}
