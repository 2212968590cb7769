// The letterhead of a unit's SOPs (kop): pemda, unit and sub-unit names and the logo, kept per unit by the bureau.
// Shown folded under the SOP identity form; saved on its own, since it is shared by every SOP of the unit.
import type { Api } from '../../api/client';
import type { Letterhead } from '../../api/types';
import { field } from '../../ui/dialog';
import { h, replaceChildren } from '../../ui/dom';
import { errorMessage } from '../../ui/errors';

/** As the server allows (server/sop/letterhead.schema.ts). */
const MAX_LOGO_BYTES = 200 * 1024;
const LOGO_TYPES = ['image/png', 'image/jpeg', 'image/svg+xml'];

const text = (name: string, placeholder: string) => h('input', { type: 'text', name, maxlength: 200, autocomplete: 'off', placeholder });

export class LetterheadForm {
  readonly element: HTMLDetailsElement;
  private readonly title = h('span', {}, 'Kop unit');
  private readonly pemda = text('pemda', 'mis. Pemerintah Kota Denpasar');
  private readonly unitName = text('unit', 'mis. Dinas Kesehatan');
  private readonly subUnit = text('subUnit', 'mis. Bidang Pelayanan Kesehatan');
  private readonly logoInput = h('input', { type: 'file', accept: LOGO_TYPES.join(','), class: 'sop-logo-input', 'data-testid': 'letterhead-logo' });
  private readonly logoPreview = h('span', { class: 'sop-logo-preview' });
  private readonly status = h('span', { class: 'sop-status', role: 'status', 'data-testid': 'letterhead-status' });
  private readonly alert = h('div', { 'aria-live': 'assertive' });
  private logo: string | undefined;
  private unit = '';
  private loaded = false;

  constructor(
    private readonly api: Api,
    /** The letterhead changed: the preview should show it. */
    private readonly onSaved: () => void,
  ) {
    this.logoInput.addEventListener('change', () => void this.readLogo());
    const form = h(
      'form',
      { class: 'sop-letterhead-form', novalidate: true, onSubmit: (event: Event) => (event.preventDefault(), void this.save()) },
      h('p', { class: 'field-hint' }, 'Kop dipakai semua SOP unit ini.'),
      this.alert,
      field('Nama pemerintah daerah', this.pemda),
      field('Nama perangkat daerah / unit', this.unitName),
      field('Sub-unit (opsional)', this.subUnit),
      field('Logo (PNG, JPEG atau SVG, paling besar 200 KB)', this.logoInput),
      h('div', { class: 'sop-logo-row' }, this.logoPreview, h('button', { type: 'button', class: 'button button-link', onClick: () => this.setLogo(undefined) }, 'Hapus logo')),
      h('div', { class: 'sop-letterhead-actions' }, h('button', { type: 'submit', class: 'button button-ghost', 'data-testid': 'letterhead-save' }, 'Simpan kop'), this.status),
    );
    this.element = h('details', { class: 'sop-fieldset sop-letterhead', onToggle: () => this.element.open && void this.load() }, h('summary', {}, this.title), form);
  }

  /** The unit whose letterhead this is (the map's unit); reloaded when it changes. */
  setUnit(unit: string): void {
    if (unit === this.unit) return;
    this.unit = unit;
    this.loaded = false;
    this.title.textContent = unit ? `Kop unit ${unit}` : 'Kop unit (peta tanpa unit)';
    this.element.hidden = unit.trim() === '';
    if (this.element.open) void this.load();
  }

  private async load(): Promise<void> {
    if (this.loaded || !this.unit) return;
    replaceChildren(this.alert);
    try {
      const stored = await this.api.getLetterhead(this.unit);
      this.pemda.value = stored?.letterhead.pemda ?? '';
      this.unitName.value = stored?.letterhead.unit ?? this.unit;
      this.subUnit.value = stored?.letterhead.subUnit ?? '';
      this.setLogo(stored?.letterhead.logoDataUrl);
      this.loaded = true;
    } catch (error) {
      this.showError(errorMessage(error));
    }
  }

  private async readLogo(): Promise<void> {
    const file = this.logoInput.files?.[0];
    this.logoInput.value = '';
    if (!file) return;
    replaceChildren(this.alert);
    if (!LOGO_TYPES.includes(file.type)) return this.showError('Logo harus berupa gambar PNG, JPEG atau SVG.');
    if (file.size > MAX_LOGO_BYTES) return this.showError(`Logo terlalu besar (${Math.ceil(file.size / 1024)} KB); paling besar 200 KB.`);
    const url = await new Promise<string>((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.onerror = () => reject(reader.error ?? new Error('Berkas logo tidak dapat dibaca.'));
      reader.readAsDataURL(file);
    });
    this.setLogo(url);
  }

  private setLogo(url: string | undefined): void {
    this.logo = url;
    replaceChildren(this.logoPreview, url ? h('img', { src: url, alt: 'Logo unit' }) : h('span', { class: 'field-hint' }, 'Belum ada logo.'));
  }

  private async save(): Promise<void> {
    replaceChildren(this.alert);
    this.status.textContent = 'Menyimpan…';
    const letterhead: Letterhead = {};
    if (this.pemda.value.trim()) letterhead.pemda = this.pemda.value.trim();
    if (this.unitName.value.trim()) letterhead.unit = this.unitName.value.trim();
    if (this.subUnit.value.trim()) letterhead.subUnit = this.subUnit.value.trim();
    if (this.logo) letterhead.logoDataUrl = this.logo;
    try {
      await this.api.saveLetterhead(this.unit, letterhead);
      this.status.textContent = 'Kop tersimpan';
      this.onSaved();
    } catch (error) {
      this.status.textContent = '';
      this.showError(errorMessage(error));
    }
  }

  private showError(message: string): void {
    replaceChildren(this.alert, h('div', { class: 'notice notice-error', role: 'alert' }, message));
  }
}
