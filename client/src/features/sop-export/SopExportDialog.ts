// "Ekspor SOP unit": the SOPs of a unit in force (as signed; drafts only when asked) as one ZIP of PDFs or as the unit's SOP book, with a progress bar fed by the
// server (Server-Sent Events) and a download link at the end. A native <dialog>: focus stays inside, Escape or "Tutup"
// closes it and stops following the job.
import type { AppContext } from '../../context';
import { h, replaceChildren, uniqueId } from '../../ui/dom';
import { errorMessage } from '../../ui/errors';
import { includedCount, renderSummary } from './exportContents';
import { cancelExport, followExport, startExport, type ExportFormat, type ExportSummary } from './exportJob';
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
  const includeDrafts = h('input', { type: 'checkbox', name: 'includeDrafts', 'data-testid': 'sop-export-include-drafts' }) as HTMLInputElement;
  const draftsField = h(
    'label',
    { class: 'sop-export-drafts' },
    includeDrafts,
    h('span', {}, 'Sertakan draf ', h('span', { class: 'sop-export-hint' }, 'SOP yang belum disahkan, dicetak dari revisi terakhir, setiap halamannya ditandai DRAF dan tidak dihitung pada keputusan.')),
  );
  const contents = h('div', { class: 'sop-export-contents', role: 'status', 'aria-live': 'polite', 'data-testid': 'sop-export-summary' }, 'Memuat daftar SOP…');
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
    h('div', { class: 'dialog-body' }, h('p', { class: 'dialog-intro' }, 'SOP peta lintas fungsi dan alur mekanisme kerja unit yang disahkan dan berlaku, persis seperti PDF yang ditandatangani (dengan Tanggal Efektif dan kode QR).'), unitField, formats, contents, draftsField, progress, status, result, errorArea),
    h('div', { class: 'dialog-actions' }, close, cancel, submit),
  );
  const dialog = h('dialog', { class: 'dialog', 'aria-labelledby': titleId, 'data-testid': 'sop-export-dialog' }, h('h2', { class: 'dialog-title', id: titleId }, 'Ekspor SOP unit'), form);

  let stop = (): void => undefined;
  let jobId: string | undefined;
  let summary: ExportSummary | undefined;
  let running = false;
  /** Nothing to export (no SOP in force, drafts not asked for) or the summary not read yet: no start. */
  const updateSubmit = () => {
    submit.disabled = running || !summary || includedCount(summary, includeDrafts.checked) === 0;
  };
  const showSummary = () => {
    if (summary) renderSummary(contents, summary, includeDrafts.checked);
    updateSubmit();
  };
  let asked = 0;
  const loadSummary = () => {
    const unit = allUnits ? unitSelect.value : context.session.user.unit;
    const ask = ++asked;
    summary = undefined;
    updateSubmit();
    if (!unit) return void replaceChildren(contents, '');
    replaceChildren(contents, 'Memuat daftar SOP…');
    context.api.sopExportSummary(unit).then(
      (answer) => {
        if (ask !== asked) return;
        summary = answer;
        showSummary();
      },
      (error: unknown) => {
        if (ask !== asked) return;
        replaceChildren(contents, h('span', { class: 'dialog-error' }, errorMessage(error)));
      },
    );
  };
  unitSelect.addEventListener('change', loadSummary);
  includeDrafts.addEventListener('change', showSummary);
  const setRunning = (isRunning: boolean) => {
    running = isRunning;
    submit.disabled = isRunning;
    cancel.hidden = !isRunning;
    cancel.disabled = false;
    unitSelect.disabled = isRunning;
    includeDrafts.disabled = isRunning;
    for (const input of formats.querySelectorAll('input')) input.disabled = isRunning;
    form.setAttribute('aria-busy', String(isRunning));
    if (!isRunning) updateSubmit();
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
    startExport(unit, format, includeDrafts.checked, context.session.csrfToken).then(
      (started) => {
        jobId = started.jobId;
        stop = followExport(started.eventsUrl, {
          progress({ done, total, current }) {
            progress.max = total;
            progress.value = done;
            status.textContent = done === 0 ? `Menyiapkan ${total} SOP…` : `${done} dari ${total} SOP selesai${current ? ` — ${current}` : ''}`;
            if (done === total) status.textContent += format === 'buku' ? '. Menyusun buku…' : '. Menyusun ZIP…';
          },
          done({ downloadUrl, fileName, signed, drafts, pages }) {
            setRunning(false);
            progress.value = progress.max;
            status.textContent = `Selesai: ${signed} SOP disahkan${drafts ? ` dan ${drafts} draf` : ''}${pages ? `, ${pages} halaman` : ''}.`;
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
  loadSummary();
  return dialog;
}
