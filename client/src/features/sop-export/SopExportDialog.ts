// "Ekspor SOP unit": every SOP of a unit as one ZIP of PDFs or as the unit's SOP book, with a progress bar fed by the
// server (Server-Sent Events) and a download link at the end. A native <dialog>: focus stays inside, Escape or "Tutup"
// closes it and stops following the job.
import type { AppContext } from '../../context';
import { h, replaceChildren, uniqueId } from '../../ui/dom';
import { errorMessage } from '../../ui/errors';
import { cancelExport, followExport, startExport, type ExportFormat } from './exportJob';
import './sop-export.css';

export interface SopExportDialogOptions {
  /** The units the user may choose from (the bureau); others export their own unit. */
  units: string[];
  /** The unit chosen at first (the list's filter, else the user's own). */
  unit: string;
}

const FORMATS: Array<{ id: ExportFormat; label: string; hint: string }> = [
  { id: 'zip', label: 'ZIP berisi PDF', hint: 'Satu berkas PDF untuk setiap SOP.' },
  { id: 'buku', label: 'Buku SOP (satu PDF)', hint: 'Sampul, keputusan, daftar isi, penjelasan singkat, lalu semua SOP bernomor halaman.' },
];

export function openSopExportDialog(context: AppContext, options: SopExportDialogOptions): HTMLDialogElement {
  const titleId = uniqueId('dialog-title');
  const allUnits = context.session.allUnits;
  const units = allUnits ? [...new Set([...options.units, options.unit].filter(Boolean))] : [context.session.user.unit];
  const unitSelect = h(
    'select',
    { name: 'unit', required: true, 'data-testid': 'sop-export-unit' },
    units.map((unit) => h('option', { value: unit, selected: unit === options.unit }, unit)),
  );
  const unitField = allUnits
    ? h('label', { class: 'field' }, h('span', { class: 'field-label' }, 'Unit kerja'), unitSelect)
    : h('p', {}, 'Unit kerja: ', h('strong', {}, context.session.user.unit || '(unit belum diisi)'));
  const formats = h(
    'fieldset',
    { class: 'sop-export-formats' },
    h('legend', {}, 'Format'),
    FORMATS.map((format, index) =>
      h(
        'label',
        {},
        h('input', { type: 'radio', name: 'format', value: format.id, checked: index === 0, 'data-testid': `sop-export-format-${format.id}` }),
        h('span', {}, format.label, ' ', h('span', { class: 'sop-export-hint' }, format.hint)),
      ),
    ),
  );
  const progress = h('progress', { class: 'sop-export-progress', max: 1, value: 0, hidden: true, 'aria-label': 'Kemajuan ekspor SOP', 'data-testid': 'sop-export-progress' });
  const status = h('p', { class: 'sop-export-status', role: 'status', 'aria-live': 'polite', 'data-testid': 'sop-export-status' });
  const errorArea = h('div', { class: 'dialog-error', role: 'alert', 'data-testid': 'sop-export-error' });
  const result = h('div', {});
  const submit = h('button', { type: 'submit', class: 'button button-primary', 'data-testid': 'sop-export-start' }, 'Mulai ekspor');
  const close = h('button', { type: 'button', class: 'button button-secondary', 'data-testid': 'sop-export-close' }, 'Tutup');
  // Shown while a job runs: stops it on the server, which frees the user's share of exports (docs/api.md).
  const cancel = h('button', { type: 'button', class: 'button button-secondary', hidden: true, 'data-testid': 'sop-export-cancel' }, 'Batalkan ekspor');
  const form = h(
    'form',
    { class: 'dialog-content' },
    h('div', { class: 'dialog-body' }, h('p', { class: 'dialog-intro' }, 'Semua SOP peta lintas fungsi dan alur mekanisme kerja unit, pada revisi terakhir.'), unitField, formats, progress, status, result, errorArea),
    h('div', { class: 'dialog-actions' }, close, cancel, submit),
  );
  const dialog = h('dialog', { class: 'dialog', 'aria-labelledby': titleId, 'data-testid': 'sop-export-dialog' }, h('h2', { class: 'dialog-title', id: titleId }, 'Ekspor SOP unit'), form);

  let stop = (): void => undefined;
  let jobId: string | undefined;
  const setRunning = (running: boolean) => {
    submit.disabled = running;
    cancel.hidden = !running;
    cancel.disabled = false;
    unitSelect.disabled = running;
    for (const input of formats.querySelectorAll('input')) input.disabled = running;
    form.setAttribute('aria-busy', String(running));
  };

  close.addEventListener('click', () => dialog.close());
  cancel.addEventListener('click', () => {
    if (!jobId) return;
    cancel.disabled = true;
    status.textContent = 'Membatalkan ekspor…';
    stop();
    cancelExport(jobId, context.session.csrfToken).then(
      () => {
        jobId = undefined;
        setRunning(false);
        progress.hidden = true;
        status.textContent = 'Ekspor dibatalkan.';
      },
      (error: unknown) => {
        cancel.disabled = false;
        replaceChildren(errorArea, errorMessage(error));
      },
    );
  });
  dialog.addEventListener('close', () => {
    stop();
    dialog.remove();
  });

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const unit = allUnits ? unitSelect.value : context.session.user.unit;
    if (!unit) {
      replaceChildren(errorArea, 'Pilih unit kerja yang SOP-nya akan diekspor.');
      return;
    }
    const format = (new FormData(form).get('format') as ExportFormat | null) ?? 'zip';
    replaceChildren(errorArea);
    replaceChildren(result);
    setRunning(true);
    progress.hidden = false;
    progress.removeAttribute('value'); // indeterminate until the server counts
    status.textContent = 'Memulai ekspor…';
    startExport(unit, format, context.session.csrfToken).then(
      (started) => {
        jobId = started.jobId;
        stop = followExport(started.eventsUrl, {
          progress({ done, total, current }) {
            progress.max = total;
            progress.value = done;
            status.textContent = done === 0 ? `Menyiapkan ${total} SOP…` : `${done} dari ${total} SOP selesai${current ? ` — ${current}` : ''}`;
            if (done === total) status.textContent += format === 'buku' ? '. Menyusun buku…' : '. Menyusun ZIP…';
          },
          done({ downloadUrl, fileName, count, pages }) {
            setRunning(false);
            progress.value = progress.max;
            status.textContent = `Selesai: ${count} SOP${pages ? `, ${pages} halaman` : ''}.`;
            submit.textContent = 'Ekspor lagi';
            const link = h('a', { class: 'sop-export-download', href: downloadUrl, download: fileName, 'data-testid': 'sop-export-download' }, `Unduh ${fileName}`);
            replaceChildren(result, link);
            link.focus();
          },
          failed(message) {
            setRunning(false);
            progress.hidden = true;
            status.textContent = '';
            replaceChildren(errorArea, message);
          },
        });
      },
      (error: unknown) => {
        setRunning(false);
        progress.hidden = true;
        status.textContent = '';
        replaceChildren(errorArea, errorMessage(error));
      },
    );
  });

  document.body.appendChild(dialog);
  dialog.showModal();
  return dialog;
}
