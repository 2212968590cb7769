// The import's warnings (element, what, why), with their count in the heading: what the file loses or had changed.
import type { ImportWarning } from '../../api/types';
import { h, replaceChildren } from '../../ui/dom';

export class ImportWarningsList {
  readonly element = h('section', { class: 'import-warnings', 'data-testid': 'import-warnings', hidden: true, 'aria-label': 'Peringatan impor' });

  show(warnings: readonly ImportWarning[]): void {
    this.element.hidden = false;
    const title = h('h3', { class: 'import-section-title', 'data-testid': 'import-warnings-title' }, warnings.length === 0 ? 'Tidak ada peringatan' : `Peringatan impor (${warnings.length})`);
    if (warnings.length === 0) {
      replaceChildren(this.element, title, h('p', { class: 'field-hint' }, 'Isi berkas terbaca utuh; tidak ada yang diubah atau dilewati.'));
      return;
    }
    replaceChildren(
      this.element,
      title,
      h('p', { class: 'field-hint' }, 'Periksa sebelum mengimpor: berkas asli tetap disimpan dan dapat diunduh dari riwayat revisi.'),
      h(
        'ul',
        { class: 'import-warning-list' },
        warnings.map((warning) =>
          h(
            'li',
            { class: 'import-warning', 'data-testid': 'import-warning', 'data-code': warning.code },
            h('span', { class: 'import-warning-element' }, warning.element ?? 'Berkas'),
            h('span', { class: 'import-warning-what' }, warning.what),
            h('span', { class: 'import-warning-why' }, warning.why),
          ),
        ),
      ),
    );
  }
}
