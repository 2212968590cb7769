// What an SOP AP document gave the import (issue 17): the original beside the map preview, what was read (rows,
// performers, arrows, the identity's fields) and every piece the reader guessed, each to be confirmed before the map
// is created.
import type { ImportedDocument } from '../../../../server/bpmn/import/import-pipeline';
import { h, replaceChildren } from '../../ui/dom';
import './document-import.css';

const IDENTITY_LABELS: Record<string, string> = {
  nomor: 'Nomor SOP',
  tanggalPembuatan: 'Tanggal Pembuatan',
  tanggalRevisi: 'Tanggal Revisi',
  tanggalEfektif: 'Tanggal Efektif',
  disahkanOleh: 'Disahkan oleh',
  namaSop: 'Nama SOP',
  dasarHukum: 'Dasar Hukum',
  keterkaitan: 'Keterkaitan',
  peringatan: 'Peringatan',
  kualifikasiPelaksana: 'Kualifikasi Pelaksana',
  peralatan: 'Peralatan/Perlengkapan',
  pencatatan: 'Pencatatan dan Pendataan',
};

/**
 * The original's first pages as the server drew them, each guessed piece marked on them with its number in the list
 * below; and a link to the whole file. Positions are set through the CSSOM (the CSP allows no style attributes).
 */
export function originalDocumentView(file: File, document: ImportedDocument): { element: HTMLElement; dispose(): void } {
  const url = URL.createObjectURL(file);
  const pages = document.images.map((image) => {
    const img = h('img', { src: `data:image/png;base64,${image.png}`, alt: `Halaman ${image.page} dokumen asli`, class: 'import-page-image' });
    const markers = document.guesses.flatMap((guess, index) => {
      if (guess.where?.page !== image.page) return [];
      const marker = h('span', { class: 'import-guess-marker', 'data-testid': 'import-guess-marker', title: guess.message }, String(index + 1));
      const box = h('span', { class: 'import-guess-box' });
      const { x, y, width, height } = guess.where;
      for (const [element, left, top] of [[box, x, y], [marker, x + width, y]] as const) {
        element.style.left = `${(left / image.width) * 100}%`;
        element.style.top = `${(top / image.height) * 100}%`;
      }
      box.style.width = `${(Math.max(width, 4) / image.width) * 100}%`;
      box.style.height = `${(Math.max(height, 4) / image.height) * 100}%`;
      return [box, marker];
    });
    return h('figure', { class: 'import-page', 'data-testid': 'import-page' }, h('div', { class: 'import-page-sheet' }, img, markers), h('figcaption', {}, `Halaman ${image.page}`));
  });
  const more = document.pages > document.images.length ? ` (${document.images.length} dari ${document.pages} halaman ditampilkan)` : '';
  const link = h('a', { href: url, target: '_blank', rel: 'noopener', 'data-testid': 'import-original-link' }, 'Buka dokumen asli di tab baru');
  const element = h(
    'section',
    { class: 'import-original', 'data-testid': 'import-original', 'aria-label': 'Dokumen asli' },
    h('h3', { class: 'import-section-title' }, `Dokumen asli${more}`),
    pages.length > 0 ? h('div', { class: 'import-pages', tabIndex: 0, 'aria-label': 'Halaman dokumen asli' }, pages) : h('p', { class: 'field-hint' }, 'Halaman dokumen tidak dapat digambar di sini.'),
    h('p', { class: 'field-hint' }, link),
  );
  return { element, dispose: () => URL.revokeObjectURL(url) };
}

export class DocumentReadSection {
  readonly element = h('section', { class: 'import-document', 'data-testid': 'import-document', hidden: true, 'aria-label': 'Yang dibaca dari dokumen SOP' });
  private confirmations: HTMLInputElement[] = [];

  show(document: ImportedDocument): void {
    this.element.hidden = false;
    const identity = Object.keys(document.identity).filter((key) => key in IDENTITY_LABELS);
    const read = h(
      'p',
      { class: 'field-hint', 'data-testid': 'import-document-summary' },
      `Dibaca dari ${document.label}, ${document.pages} halaman: ${document.rows} kegiatan, ${document.columns.length} pelaksana, ${document.links} panah. `,
      identity.length > 0
        ? `Identitas SOP (${identity.map((key) => IDENTITY_LABELS[key]).join(', ')}) disimpan sebagai identitas SOP peta ini.`
        : 'Bagian identitas SOP tidak terbaca; isi identitasnya di tab SOP setelah impor.',
    );
    this.confirmations = document.guesses.map((_guess, index) =>
      h('input', { type: 'checkbox', id: `import-guess-${index}`, 'data-testid': 'import-guess-confirm' }),
    );
    const guesses =
      document.guesses.length === 0
        ? h('p', { class: 'field-hint', 'data-testid': 'import-guesses-none' }, 'Semua simbol dan panah terbaca pasti; tidak ada yang ditebak.')
        : h(
            'div',
            {},
            h('h4', { class: 'import-section-subtitle' }, `Perlu diperiksa (${document.guesses.length})`),
            h('p', { class: 'field-hint' }, 'Bagian ini ditebak pembaca dokumen dan ditandai bernomor pada dokumen asli. Bandingkan, lalu centang yang sudah diperiksa; perbaiki petanya setelah impor bila tebakannya keliru.'),
            h(
              'ul',
              { class: 'import-guess-list' },
              document.guesses.map((guess, index) =>
                h(
                  'li',
                  { class: 'import-guess', 'data-testid': 'import-guess', 'data-kind': guess.kind },
                  this.confirmations[index]!,
                  h('span', { class: 'import-guess-number', 'aria-hidden': 'true' }, String(index + 1)),
                  h('label', { for: `import-guess-${index}` }, guess.where ? `${guess.message} (tertanda ${index + 1} di halaman ${guess.where.page})` : guess.message),
                ),
              ),
            ),
          );
    replaceChildren(this.element, h('h3', { class: 'import-section-title' }, 'Dokumen SOP'), read, guesses);
  }

  /** How many guesses are not confirmed yet. */
  unconfirmed(): number {
    return this.confirmations.filter((box) => !box.checked).length;
  }

  /** Moves focus to the first guess not confirmed yet. */
  focusUnconfirmed(): void {
    this.confirmations.find((box) => !box.checked)?.focus();
  }
}
