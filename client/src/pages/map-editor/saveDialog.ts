// Asks for the revision message and the author's name (remembered in this browser) before saving.
import { field, openFormDialog, type DialogHandle } from '../../ui/dialog';
import { h } from '../../ui/dom';

const AUTHOR_KEY = 'petakerja.author';

export function openSaveDialog(options: {
  baseRevision: number;
  /** Nothing changed since the base revision: saving still records a revision, say so. */
  unchanged: boolean;
  onSave: (message: string, author: string | undefined) => Promise<void>;
}): DialogHandle {
  const message = h('input', {
    type: 'text',
    name: 'message',
    required: true,
    maxlength: 2000,
    autocomplete: 'off',
    autofocus: true,
    placeholder: 'Mis. Menambahkan tahap evaluasi pada jalur Kepala Bidang',
    'data-testid': 'save-message',
  });
  const author = h('input', {
    type: 'text',
    name: 'author',
    maxlength: 200,
    autocomplete: 'name',
    value: localStorage.getItem(AUTHOR_KEY) ?? '',
  });

  return openFormDialog({
    title: 'Simpan revisi baru',
    submitLabel: 'Simpan revisi',
    busyLabel: 'Menyimpan…',
    submitTestId: 'save-submit',
    fields: [
      h(
        'p',
        { class: 'dialog-intro' },
        options.unchanged
          ? `Diagram belum berubah sejak revisi ${options.baseRevision}; menyimpan tetap mencatat revisi baru.`
          : `Perubahan disimpan sebagai revisi baru di atas revisi ${options.baseRevision}. Revisi sebelumnya tetap dapat dibuka.`,
      ),
      field('Pesan revisi', message, 'Jelaskan singkat apa yang berubah.'),
      field('Nama penyusun (opsional)', author, 'Diingat di peramban ini untuk penyimpanan berikutnya.'),
    ],
    onSubmit: async () => {
      const name = author.value.trim();
      if (name) {
        localStorage.setItem(AUTHOR_KEY, name);
      } else {
        localStorage.removeItem(AUTHOR_KEY);
      }
      await options.onSave(message.value.trim(), name || undefined);
    },
  });
}
