// The two SOP AP forms filled on screen (SOP-FORMAT.md §3): Monitoring Pelaksanaan SOP AP, one row per procedure step
// prefilled from the signed SOP (judged Berjalan baik / Tidak, with note and action; rows may be added or removed), and
// Evaluasi Penerapan SOP AP, the yes/no questions with a note each. Dialog forms: Enter submits, Escape closes.
import type { Api } from '../../api/client';
import type { EvaluationTemplate, MonitoringTemplate } from '../../api/types';
import { field, openFormDialog } from '../../ui/dialog';
import { dateInput, isoDate } from '../../ui/dateInput';
import { h, uniqueId } from '../../ui/dom';
import './evaluation.css';

/** Today in the user's time zone, TTTT-BB-HH (the default date of a form). */
export function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

function dateAndAssessor(defaultName: string, dateLabel: string): { tanggal: HTMLInputElement; penilai: HTMLInputElement; fields: HTMLElement } {
  const tanggal = dateInput({ name: 'tanggal', required: true, value: today(), 'data-testid': 'form-tanggal' });
  const penilai = h('input', { type: 'text', name: 'penilai', required: true, maxlength: 200, value: defaultName, autocomplete: 'name', 'data-testid': 'form-penilai' });
  return { tanggal, penilai, fields: h('div', { class: 'field-row' }, field(dateLabel, tanggal), field('Penilai', penilai, 'Nama yang membubuhkan paraf pada formulir.')) };
}

/** Two radios in a fieldset; the first carries the group's "choose one" message until one is chosen. */
function choice(name: string, legend: string, options: [string, string], message: string, testId: string): { element: HTMLFieldSetElement; value(): boolean | undefined; first: HTMLInputElement } {
  const radios = options.map((_label, index) => h('input', { type: 'radio', name, value: index === 0 ? 'ya' : 'tidak', 'data-testid': `${testId}-${index === 0 ? 'ya' : 'tidak'}` }));
  const first = radios[0]!;
  const check = () => first.setCustomValidity(radios.some((radio) => radio.checked) ? '' : message);
  radios.forEach((radio) => radio.addEventListener('change', check));
  const element = h(
    'fieldset',
    { class: 'evaluation-judgement' },
    h('legend', {}, legend),
    radios.map((radio, index) => h('label', {}, radio, options[index])),
  );
  check();
  return { element, first, value: () => (radios[0]!.checked ? true : radios[1]!.checked ? false : undefined) };
}

interface RowControls {
  element: HTMLElement;
  prosedur: HTMLInputElement;
  judged: ReturnType<typeof choice>;
  catatan: HTMLInputElement;
  tindakan: HTMLInputElement;
}

/** Opens "Isi monitoring" for the SOP in force; resolves once saved (true) or closed (false). */
export function openMonitoringForm(api: Api, mapId: string, template: MonitoringTemplate, defaultName: string): Promise<boolean> {
  const { tanggal, penilai, fields } = dateAndAssessor(defaultName, 'Tanggal monitoring');
  const list = h('ol', { class: 'evaluation-form-rows', 'aria-label': 'Prosedur yang dinilai', 'data-testid': 'monitoring-rows' });
  const rows: RowControls[] = [];

  const renumber = () =>
    rows.forEach((row, index) => {
      row.element.querySelector('.evaluation-row-no')!.textContent = `${index + 1}.`;
      row.judged.first.setCustomValidity(row.judged.value() === undefined ? `Baris ${index + 1}: pilih “Berjalan baik” atau “Tidak berjalan baik”.` : '');
    });

  const addRow = (prosedur: string, focus = false) => {
    const name = uniqueId('penilaian');
    const prosedurInput = h('input', { type: 'text', name: 'prosedur', required: true, maxlength: 1000, value: prosedur, 'data-testid': 'row-prosedur' });
    const judged = choice(name, 'Penilaian:', ['Berjalan baik', 'Tidak berjalan baik'], 'Pilih “Berjalan baik” atau “Tidak berjalan baik”.', 'row-penilaian');
    const catatan = h('input', { type: 'text', name: 'catatan', maxlength: 2000, 'data-testid': 'row-catatan' });
    const tindakan = h('input', { type: 'text', name: 'tindakan', maxlength: 2000, 'data-testid': 'row-tindakan' });
    const remove = h('button', { type: 'button', class: 'button button-link button-small', 'data-testid': 'row-remove' }, 'Hapus');
    const element = h(
      'li',
      { class: 'evaluation-row', 'data-testid': 'monitoring-row' },
      h('span', { class: 'evaluation-row-no', 'aria-hidden': 'true' }),
      h(
        'div',
        { class: 'evaluation-row-main' },
        field('Prosedur', prosedurInput),
        judged.element,
        h('div', { class: 'evaluation-row-notes' }, field('Catatan hasil penilaian', catatan), field('Tindakan yang harus diambil', tindakan)),
      ),
      remove,
    );
    const row = { element, prosedur: prosedurInput, judged, catatan, tindakan };
    remove.addEventListener('click', () => {
      if (rows.length === 1) return;
      const index = rows.indexOf(row);
      rows.splice(index, 1);
      element.remove();
      renumber();
      (rows[Math.min(index, rows.length - 1)]?.prosedur ?? tanggal).focus();
    });
    element.addEventListener('change', renumber);
    rows.push(row);
    list.append(element);
    renumber();
    if (focus) prosedurInput.focus();
  };

  (template.rows.length > 0 ? template.rows.map((r) => r.prosedur) : ['']).forEach((prosedur) => addRow(prosedur));
  const add = h('button', { type: 'button', class: 'button button-secondary button-small', 'data-testid': 'row-add', onClick: () => addRow('', true) }, 'Tambah baris');

  return new Promise((resolve) => {
    let saved = false;
    const handle = openFormDialog({
      title: 'Isi monitoring pelaksanaan SOP',
      className: 'dialog-evaluation',
      submitLabel: 'Simpan monitoring',
      busyLabel: 'Menyimpan…',
      submitTestId: 'monitoring-submit',
      errorTestId: 'monitoring-error',
      fields: [
        h('p', { class: 'dialog-intro' }, `Nilai penerapan setiap prosedur SOP “${template.title}”. Monitoring dilakukan setiap 6 bulan; prosedur yang tidak berjalan dengan baik menandai SOP perlu direvisi.`),
        fields,
        list,
        h('div', {}, add),
      ],
      onSubmit: async () => {
        await api.addMonitoring(mapId, {
          code: template.code,
          tanggal: isoDate(tanggal) ?? '',
          penilai: penilai.value.trim(),
          rows: rows.map((row) => ({ prosedur: row.prosedur.value.trim(), berjalanBaik: row.judged.value()!, catatan: row.catatan.value.trim(), tindakan: row.tindakan.value.trim() })),
        });
        saved = true;
      },
    });
    handle.element.addEventListener('close', () => resolve(saved));
    handle.element.dataset.testid = 'monitoring-form';
    tanggal.focus();
  });
}

/** Opens "Isi evaluasi" for the SOP in force; resolves once saved (true) or closed (false). */
export function openEvaluationForm(api: Api, mapId: string, template: EvaluationTemplate, defaultName: string): Promise<boolean> {
  const { tanggal, penilai, fields } = dateAndAssessor(defaultName, 'Tanggal evaluasi');
  const questions = template.questions.map((question, index) => {
    const judged = choice(uniqueId('jawaban'), 'Jawaban:', ['Ya', 'Tidak'], `Pertanyaan ${index + 1}: pilih “Ya” atau “Tidak”.`, `jawaban-${question.key}`);
    // An optional question (sinergi) may be left unanswered.
    if (question.optional) judged.first.setCustomValidity('');
    const catatan = h('input', { type: 'text', name: `catatan-${question.key}`, maxlength: 2000, 'data-testid': `catatan-${question.key}` });
    const element = h(
      'li',
      { class: 'evaluation-row', 'data-testid': 'evaluation-question' },
      h('span', { class: 'evaluation-row-no', 'aria-hidden': 'true' }, `${index + 1}.`),
      h(
        'div',
        { class: 'evaluation-row-main' },
        h('div', { class: 'evaluation-question-text' }, question.text, question.optional ? h('span', { class: 'muted' }, ' (opsional)') : null),
        judged.element,
        field('Catatan/tindakan', catatan),
      ),
      h('span'),
    );
    // Name the fieldset by its question for screen readers.
    judged.element.setAttribute('aria-label', question.text);
    return { question, judged, catatan, element };
  });
  const kesimpulan = h('textarea', { name: 'kesimpulan', rows: 3, maxlength: 4000, 'data-testid': 'evaluation-kesimpulan' });

  return new Promise((resolve) => {
    let saved = false;
    const handle = openFormDialog({
      title: 'Isi evaluasi penerapan SOP',
      className: 'dialog-evaluation',
      submitLabel: 'Simpan evaluasi',
      busyLabel: 'Menyimpan…',
      submitTestId: 'evaluation-submit',
      errorTestId: 'evaluation-error',
      fields: [
        h('p', { class: 'dialog-intro' }, `Evaluasi penerapan SOP “${template.title}” dilakukan paling sedikit setahun sekali; jawaban “Tidak” menandai SOP perlu direvisi.`),
        fields,
        h('ol', { class: 'evaluation-form-rows', 'aria-label': 'Pertanyaan evaluasi' }, questions.map((q) => q.element)),
        field('Kesimpulan', kesimpulan),
      ],
      onSubmit: async () => {
        await api.addEvaluation(mapId, {
          code: template.code,
          tanggal: isoDate(tanggal) ?? '',
          penilai: penilai.value.trim(),
          answers: questions.flatMap(({ question, judged, catatan }) => {
            const ya = judged.value();
            return ya === undefined ? [] : [{ key: question.key, ya, catatan: catatan.value.trim() }];
          }),
          kesimpulan: kesimpulan.value.trim(),
        });
        saved = true;
      },
    });
    handle.element.addEventListener('close', () => resolve(saved));
    handle.element.dataset.testid = 'evaluation-form';
    tanggal.focus();
  });
}
