// Explains a save refused because someone else saved first, and offers ways out that lose nothing.
import { openDialog } from '../../ui/dialog';
import { h } from '../../ui/dom';

export function openConflictDialog(options: {
  baseRevision: number;
  currentRevision: number | null;
  onDownload: () => void;
  onReload: () => void;
}): void {
  const newer = options.currentRevision === null ? 'revisi yang lebih baru' : `revisi ${options.currentRevision}`;
  const handle = openDialog({
    title: 'Peta sudah disimpan orang lain',
    className: 'dialog-warning',
    body: [
      h('p', {}, `Sejak Anda membuka revisi ${options.baseRevision}, orang lain telah menyimpan peta ini sebagai ${newer}. Perubahan Anda belum disimpan dan tidak menimpa revisi tersebut.`),
      h('p', {}, 'Unduh versi Anda sebagai berkas .bpmn agar tidak hilang, lalu muat revisi terbaru dan terapkan kembali perubahan Anda di atasnya.'),
    ],
    actions: [
      { label: 'Lanjut menyunting', onClick: () => handle.close() },
      { label: 'Unduh versi saya', onClick: options.onDownload },
      {
        label: 'Muat revisi terbaru',
        variant: 'danger',
        onClick: () => {
          handle.close();
          options.onReload();
        },
      },
    ],
  });
}
