// The SOP identity form (SOP-FORMAT.md §1) in Bahasa Indonesia: its controls, and the conversion between the form and
// the record the server keeps. List fields are textareas with one item per line.
import type { SopIdentityDraft, SopSettings } from '../../api/types';
import { field } from '../../ui/dialog';
import { dateInput, isoDate, setIsoDate } from '../../ui/dateInput';
import { h } from '../../ui/dom';

type TextKey = 'nomor' | 'namaSop' | 'peringatan';
type DateKey = 'tanggalPembuatan' | 'tanggalRevisi' | 'tanggalEfektif';
type ListKey = 'dasarHukum' | 'keterkaitan' | 'kualifikasiPelaksana' | 'peralatan' | 'pencatatan';
type OfficialKey = 'jabatan' | 'nama' | 'pangkat' | 'nip';

const LISTS: ReadonlyArray<{ key: ListKey; label: string; hint: string }> = [
  { key: 'dasarHukum', label: 'Dasar Hukum', hint: 'Satu peraturan per baris, berurutan.' },
  { key: 'keterkaitan', label: 'Keterkaitan', hint: 'SOP lain yang terkait, satu per baris; boleh kosong.' },
  { key: 'kualifikasiPelaksana', label: 'Kualifikasi Pelaksana', hint: 'Kompetensi yang diperlukan pelaksana, satu per baris.' },
  { key: 'peralatan', label: 'Peralatan/Perlengkapan', hint: 'Satu per baris.' },
  { key: 'pencatatan', label: 'Pencatatan dan Pendataan', hint: 'Apa yang dicatat setiap pelaksana, satu per baris.' },
];

const DATES: ReadonlyArray<{ key: DateKey; label: string; hint?: string }> = [
  { key: 'tanggalPembuatan', label: 'Tanggal Pembuatan' },
  { key: 'tanggalRevisi', label: 'Tanggal Revisi', hint: 'Kosong pada terbitan pertama.' },
  { key: 'tanggalEfektif', label: 'Tanggal Efektif', hint: 'Tanggal pengesahan; kosong sampai disahkan.' },
];

const OFFICIAL: ReadonlyArray<{ key: OfficialKey; label: string; hint?: string }> = [
  { key: 'jabatan', label: 'Jabatan' },
  { key: 'nama', label: 'Nama' },
  { key: 'pangkat', label: 'Pangkat/Golongan' },
  { key: 'nip', label: 'NIP', hint: '18 angka; spasi boleh.' },
];

const input = (name: string, attrs: Record<string, string> = {}) => h('input', { type: 'text', name, class: 'input', autocomplete: 'off', ...attrs });
const textarea = (name: string, rows = 3) => h('textarea', { name, class: 'input', rows });

export class SopForm {
  readonly element: HTMLFormElement;
  private readonly texts = new Map<TextKey, HTMLInputElement | HTMLTextAreaElement>();
  private readonly dates = new Map<DateKey, HTMLInputElement>();
  private readonly lists = new Map<ListKey, HTMLTextAreaElement>();
  private readonly official = new Map<OfficialKey, HTMLInputElement>();
  private readonly paper = h('select', { name: 'paper', class: 'input' }, h('option', { value: 'A4' }, 'A4'), h('option', { value: 'F4' }, 'F4 (Folio)'));
  private readonly orientation = h(
    'select',
    { name: 'orientation', class: 'input' },
    h('option', { value: 'landscape' }, 'Lanskap'),
    h('option', { value: 'portrait' }, 'Potret'),
  );
  private readonly rows = input('maxRowsPerPage', { type: 'number', min: '1', max: '100', inputmode: 'numeric', placeholder: '12' });

  constructor(footer: HTMLElement, onSubmit: () => void) {
    const nomor = input('nomor', { placeholder: 'mis. 800/12/Org/2026' });
    const namaSop = input('namaSop');
    const peringatan = textarea('peringatan', 2);
    this.texts.set('nomor', nomor).set('namaSop', namaSop).set('peringatan', peringatan);
    for (const { key } of DATES) this.dates.set(key, dateInput({ name: key, class: 'input' }));
    for (const { key } of LISTS) this.lists.set(key, textarea(key, 3));
    for (const { key } of OFFICIAL) this.official.set(key, input(`disahkanOleh.${key}`, key === 'nip' ? { inputmode: 'numeric' } : {}));

    const listField = (key: ListKey) => {
      const list = LISTS.find((l) => l.key === key)!;
      return field(list.label, this.lists.get(key)!, list.hint);
    };
    this.element = h(
      'form',
      { class: 'sop-form', 'aria-label': 'Identitas SOP', novalidate: true, onSubmit: (event: Event) => (event.preventDefault(), onSubmit()) },
      h('fieldset', { class: 'sop-fieldset' }, h('legend', {}, 'Identitas'),
        field('Nama SOP', namaSop),
        field('Nomor SOP', nomor, 'Menurut tata naskah dinas unit.'),
        h('div', { class: 'sop-row' }, DATES.map(({ key, label, hint }) => field(label, this.dates.get(key)!, hint))),
      ),
      h('fieldset', { class: 'sop-fieldset' }, h('legend', {}, 'Disahkan oleh'),
        h('div', { class: 'sop-row' }, OFFICIAL.map(({ key, label, hint }) => field(label, this.official.get(key)!, hint))),
      ),
      h('fieldset', { class: 'sop-fieldset' }, h('legend', {}, 'Bagian identitas'),
        listField('dasarHukum'),
        listField('keterkaitan'),
        field('Peringatan', peringatan, 'Akibat bila SOP tidak dilaksanakan.'),
        listField('kualifikasiPelaksana'),
        listField('peralatan'),
        listField('pencatatan'),
      ),
      h('fieldset', { class: 'sop-fieldset' }, h('legend', {}, 'Pengaturan cetak'),
        h('div', { class: 'sop-row' }, field('Ukuran kertas', this.paper), field('Orientasi', this.orientation), field('Baris per halaman', this.rows, 'Bawaan 12.')),
      ),
      footer,
    );
  }

  fill(identity: SopIdentityDraft, settings: SopSettings): void {
    for (const [key, control] of this.texts) control.value = identity[key] ?? '';
    for (const [key, control] of this.dates) setIsoDate(control, identity[key] ?? '');
    for (const [key, control] of this.lists) control.value = (identity[key] ?? []).join('\n');
    for (const [key, control] of this.official) control.value = identity.disahkanOleh?.[key] ?? '';
    this.paper.value = settings.paper ?? 'A4';
    this.orientation.value = settings.orientation ?? 'landscape';
    this.rows.value = settings.maxRowsPerPage === undefined ? '' : String(settings.maxRowsPerPage);
  }

  /** The first date field whose text is not a date (with the Indonesian reason it shows), if any. */
  invalidDate(): { control: HTMLInputElement; message: string } | undefined {
    for (const control of this.dates.values()) {
      if (isoDate(control) === undefined) return { control, message: control.validationMessage };
    }
    return undefined;
  }

  /** The form's content as the record's identity: blank fields left out, list lines trimmed and blank lines dropped. */
  identity(): SopIdentityDraft {
    const identity: SopIdentityDraft = {};
    for (const [key, control] of this.texts) if (control.value.trim()) identity[key] = control.value.trim();
    // A date that is not one is sent as typed: the server refuses it naming the field (the field says why, too).
    for (const [key, control] of this.dates) if (control.value.trim()) identity[key] = isoDate(control) || control.value.trim();
    for (const [key, control] of this.lists) {
      const items = control.value.split('\n').map((line) => line.trim()).filter(Boolean);
      if (items.length > 0) identity[key] = items;
    }
    const official: NonNullable<SopIdentityDraft['disahkanOleh']> = {};
    for (const [key, control] of this.official) if (control.value.trim()) official[key] = control.value.trim();
    if (Object.keys(official).length > 0) identity.disahkanOleh = official;
    return identity;
  }

  settings(): SopSettings {
    const rows = Number.parseInt(this.rows.value, 10);
    return {
      paper: this.paper.value === 'F4' ? 'F4' : 'A4',
      orientation: this.orientation.value === 'portrait' ? 'portrait' : 'landscape',
      ...(Number.isFinite(rows) ? { maxRowsPerPage: rows } : {}),
    };
  }

  /** Marks the controls the server named in a VALIDATION_FAILED answer (paths like "identity.nomor"). */
  markInvalid(paths: readonly string[]): void {
    for (const control of this.element.querySelectorAll<HTMLElement>('input, select, textarea')) {
      const name = control.getAttribute('name') ?? '';
      const invalid = paths.some((p) => p === `identity.${name}` || p.startsWith(`identity.${name}.`) || p === `settings.${name}`);
      control.setAttribute('aria-invalid', String(invalid));
    }
  }

  setDisabled(disabled: boolean): void {
    for (const control of this.element.querySelectorAll<HTMLInputElement>('input, select, textarea, button')) control.disabled = disabled;
  }
}
