// Asks for the revision message before saving; the server records the signed-in user as the author.
import { field, openFormDialog, type DialogHandle } from '../../ui/dialog';
import { h } from '../../ui/dom';

export function openSaveDialog(options: {
  baseRevision: number;
  /** Nothing changed since the base revision: saving still records a revision, say so. */
  unchanged: boolean;
  /** The signed-in user's name, under which the revision is recorded. */
  authorName: string;
  onSave: (message: string) => Promise<void>;
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
      h('p', { class: 'dialog-note', 'data-testid': 'save-author' }, 'Revisi dicatat atas nama ', h('strong', {}, options.authorName), '.'),
    ],
    onSubmit: () => options.onSave(message.value.trim()),
  });
}
