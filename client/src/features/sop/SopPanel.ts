// The modeller's SOP view: the identity form of the map's SOP record beside a preview of the SOP document (sop.html),
// with the PDF download. The preview shows the map's last saved revision; it is reloaded after each save.
import { ApiError, type Api } from '../../api/client';
import type { SopRecordView, SopVersion } from '../../api/types';
import { h, replaceChildren } from '../../ui/dom';
import { errorMessage } from '../../ui/errors';
import { LetterheadForm } from './letterheadForm';
import { SopForm } from './sopForm';
import { SopRowComments } from '../review/SopRowComments';
import type { MapState } from '../map-state/MapState';
import './sop.css';

/** Saves and map revisions in quick succession reload the preview once. */
const PREVIEW_DEBOUNCE_MS = 400;

export class SopPanel {
  readonly element: HTMLElement;
  /** The header's toggle between the diagram and this view. */
  readonly toggleButton: HTMLButtonElement;
  private readonly form: SopForm;
  private readonly letterhead: LetterheadForm;
  private readonly saveButton = h('button', { type: 'submit', class: 'button button-primary', 'data-testid': 'sop-save' }, 'Simpan SOP');
  private readonly status = h('span', { class: 'sop-status', role: 'status', 'data-testid': 'sop-status' });
  private readonly alert = h('div', { class: 'sop-alert', 'aria-live': 'assertive' });
  /**
   * Put in the page on the first opening of the view (`previewColumn`): an iframe in the page makes a document of its
   * own and fires `load` at once, whose fit forced a layout of the whole page before the map's first paint (issue 16).
   */
  private readonly frame = h('iframe', {
    class: 'sop-preview-frame',
    title: 'Pratinjau dokumen SOP',
    'data-testid': 'sop-preview',
    onLoad: () => this.previewLoaded(),
  });
  private readonly previewNote = h('span', { class: 'sop-preview-note' });
  private readonly previewColumn: HTMLElement;
  private readonly pdfLink: HTMLAnchorElement;
  private readonly appendixToggle: HTMLElement;
  /** Open review comments per SOP row, above the preview. */
  private readonly rowComments: SopRowComments;
  /** The version the form was loaded from or last saved as; 0 before the first save. */
  private version = 0;
  private loaded = false;
  private previewTimer: number | undefined;
  private draftTimer: number | undefined;
  /**
   * Counts what is put in the frame — live drafts and reloads of the saved SOP alike — so that an answer is shown
   * only while nothing newer was asked for: a draft that lands after a save or a reload is dropped.
   */
  private previewSeq = 0;
  /** The identity and settings as last loaded or saved: a draft equal to them is no unsaved draft. */
  private savedState = '';
  private previewStale = true;
  /** The map revision the preview shows, and the SOP version in force (null before the first save). */
  private mapRevision = 0;
  private current: SopVersion | null = null;

  constructor(
    private readonly api: Api,
    private readonly mapId: string,
    /** The map's store: told of each save here (the Reviu panel's readiness follows), and of saves elsewhere. */
    private readonly state?: MapState,
  ) {
    state?.onRemoteChange((event) => {
      if (event.kind !== 'sop' || !this.loaded) return;
      const record = state.snapshot.sop;
      if (!record || record.version === this.version) return;
      // Unsaved isian here are never replaced: the alert offers the newer version instead.
      if (this.formState() === this.savedState) void this.reloadRecord(false);
      else this.showAlert(`Identitas SOP diubah oleh ${event.by.name} (versi ${record.version}). Isian Anda belum disimpan dan tidak ditimpa.`, () => void this.reloadRecord(), 'Muat versi terbaru');
    });
    this.form = new SopForm(h('div', { class: 'sop-form-footer' }, this.saveButton, this.status), () => void this.save());
    this.letterhead = new LetterheadForm(api, () => this.schedulePreview());
    this.rowComments = new SopRowComments(api, mapId);
    // Live preview: what the form says now, before it is saved.
    for (const type of ['input', 'change']) this.form.element.addEventListener(type, () => this.scheduleDraftPreview());
    this.pdfLink = h('a', { class: 'button button-ghost', href: api.sopUrl(mapId, 'pdf'), download: '', 'data-testid': 'sop-pdf' }, 'Unduh PDF');
    const appendix = h('input', {
      type: 'checkbox',
      'data-testid': 'sop-appendix',
      onChange: () => (this.pdfLink.href = api.sopUrl(mapId, 'pdf', undefined, appendix.checked)),
    }) as HTMLInputElement;
    this.appendixToggle = h('label', { class: 'sop-appendix', title: 'Diagram BPMN peta sebagai halaman terakhir PDF' }, appendix, ' Lampirkan diagram');
    this.toggleButton = h(
      'button',
      { type: 'button', class: 'button button-ghost', 'aria-pressed': 'false', 'data-testid': 'sop-toggle', title: 'Identitas dan pratinjau SOP', onClick: () => this.setOpen(!this.isOpen()) },
      'SOP',
    );
    this.previewColumn = h(
      'div',
      { class: 'sop-preview-column' },
      h(
        'div',
        { class: 'sop-preview-toolbar' },
        h('h2', { class: 'sop-heading' }, 'Pratinjau'),
        this.previewNote,
        h('button', { type: 'button', class: 'button button-ghost', onClick: () => this.reloadPreview() }, 'Muat ulang'),
        this.appendixToggle,
        this.pdfLink,
        // An editable Word copy for offices that must amend the SOP in Word (issue 17); the PDF stays the one signed.
        h('a', { class: 'button button-ghost', href: api.sopUrl(mapId, 'docx'), download: '', 'data-testid': 'sop-docx', title: 'SOP sebagai dokumen Word yang dapat diubah (tabel dan bentuk Word)' }, 'Unduh Word'),
      ),
      this.rowComments.element,
    );
    this.element = h(
      'section',
      { class: 'sop-panel', hidden: true, 'aria-label': 'SOP', 'data-testid': 'sop-panel' },
      h('div', { class: 'sop-form-column' }, h('h2', { class: 'sop-heading' }, 'Identitas SOP'), this.alert, this.form.element, this.letterhead.element),
      this.previewColumn,
    );
  }

  isOpen(): boolean {
    return !this.element.hidden;
  }

  setOpen(open: boolean): void {
    this.element.hidden = !open;
    this.toggleButton.setAttribute('aria-pressed', String(open));
    this.toggleButton.classList.toggle('is-active', open);
    // The diagram behind the view leaves the tab order while the view covers it.
    for (const sibling of this.element.parentElement?.children ?? []) if (sibling !== this.element) (sibling as HTMLElement).inert = open;
    if (!open) return;
    if (!this.frame.isConnected) this.previewColumn.append(this.frame);
    if (this.previewStale) this.reloadPreview();
    if (this.loaded) this.focusForm();
    else void this.load();
  }

  /** The map's unit, whose letterhead (kop) the view offers to edit. */
  setUnit(unit: string): void {
    this.letterhead.setUnit(unit);
  }

  /** Saves the form (Ctrl+S while the view is open). */
  submit(): void {
    if (!this.saveButton.disabled) void this.save();
  }

  /** The map was saved as a new revision: the preview shows it (debounced; at once only when visible). */
  mapSaved(revision: number): void {
    this.mapRevision = revision;
    this.showNote();
    this.schedulePreview();
  }

  /** `focus`: the first field takes the focus once loaded (not when someone else's save is brought in). */
  private async load(focus = true): Promise<void> {
    this.form.setDisabled(true);
    this.status.textContent = 'Memuat…';
    try {
      this.show(await this.api.getSop(this.mapId));
      this.loaded = true;
      this.status.textContent = '';
    } catch (error) {
      this.status.textContent = '';
      this.showAlert(errorMessage(error), () => void this.load(), 'Coba lagi');
    } finally {
      this.form.setDisabled(false);
    }
    if (focus && this.isOpen()) this.focusForm();
  }

  /** The first field of the form, so that typing can start at once. */
  private focusForm(): void {
    this.element.querySelector<HTMLElement>('.sop-form input')?.focus();
  }

  private show(view: SopRecordView): void {
    this.version = view.record?.version ?? 0;
    this.form.fill(view.record?.identity ?? {}, view.record?.settings ?? {});
    this.mapRevision = Math.max(this.mapRevision, view.mapRevision);
    this.current = view.record;
    this.savedState = this.formState();
    this.showNote();
  }

  private formState(): string {
    return JSON.stringify({ identity: this.form.identity(), settings: this.form.settings() });
  }

  private showNote(): void {
    const identity = this.current
      ? `identitas versi ${this.current.version} (disimpan ${this.current.savedBy})`
      : 'identitas SOP belum pernah disimpan';
    this.previewNote.textContent = `Revisi peta ${this.mapRevision} tersimpan, ${identity}.`;
  }

  private async save(): Promise<void> {
    // What the form says is being saved: a draft asked for before must not land after the saved preview.
    this.cancelDraft();
    const state = this.formState();
    replaceChildren(this.alert);
    this.form.markInvalid([]);
    const invalidDate = this.form.invalidDate();
    if (invalidDate) {
      this.showAlert(invalidDate.message);
      invalidDate.control.focus();
      return;
    }
    this.saveButton.disabled = true;
    this.status.textContent = 'Menyimpan…';
    try {
      const { record, unchanged } = await this.api.saveSop(this.mapId, { version: this.version, identity: this.form.identity(), settings: this.form.settings() });
      this.version = record.version;
      this.status.textContent = unchanged ? `Tidak ada perubahan: tetap versi ${record.version}` : `Tersimpan sebagai versi ${record.version}`;
      this.current = record;
      this.savedState = state;
      this.showNote();
      this.schedulePreview();
      this.state?.setSop(record);
    } catch (error) {
      this.status.textContent = '';
      if (error instanceof ApiError && error.code === 'SOP_CONFLICT') {
        this.showAlert(error.message, () => void this.reloadRecord(), 'Muat versi terbaru');
      } else {
        if (error instanceof ApiError && Array.isArray(error.details.issues)) {
          this.form.markInvalid((error.details.issues as Array<{ path: string }>).map((issue) => issue.path));
        }
        this.showAlert(errorMessage(error));
      }
    } finally {
      this.saveButton.disabled = false;
    }
  }

  private async reloadRecord(focus = true): Promise<void> {
    replaceChildren(this.alert);
    await this.load(focus);
    this.reloadPreview();
  }

  private showAlert(message: string, action?: () => void, actionLabel?: string): void {
    replaceChildren(
      this.alert,
      h(
        'div',
        { class: 'notice notice-error', role: 'alert', 'data-testid': 'sop-alert' },
        h('p', {}, message),
        action ? h('button', { type: 'button', class: 'button button-ghost', onClick: action }, actionLabel ?? 'Coba lagi') : null,
      ),
    );
  }

  private scheduleDraftPreview(): void {
    if (!this.loaded) return;
    window.clearTimeout(this.draftTimer);
    this.draftTimer = window.setTimeout(() => void this.showDraft(), PREVIEW_DEBOUNCE_MS);
  }

  /** Drops the pending draft and any draft answer still on its way. */
  private cancelDraft(): void {
    window.clearTimeout(this.draftTimer);
    this.previewSeq++;
  }

  /** Renders the unsaved form on the current map revision into the frame, which holds a sop.html document. */
  private async showDraft(): Promise<void> {
    const state = this.formState();
    // The form says what is saved: the saved preview shows it (reloaded if a draft is in the frame).
    if (state === this.savedState) {
      if (this.frame.dataset.preview === 'draft') this.reloadPreview();
      return;
    }
    const request = ++this.previewSeq;
    let html: string;
    try {
      html = await this.api.previewSop(this.mapId, { identity: this.form.identity(), settings: this.form.settings() });
    } catch {
      // A field the server refuses (a half-typed date, say) leaves the last preview; saving names the field.
      return;
    }
    const frameDocument = this.frame.contentDocument;
    if (request !== this.previewSeq || !frameDocument) {
      this.element.dataset.droppedDrafts = String(Number(this.element.dataset.droppedDrafts ?? 0) + 1);
      return;
    }
    this.frame.dataset.preview = 'draft';
    // The frame's document came from sop.html: its policy (no script, inline styles only) stays through write().
    frameDocument.open();
    frameDocument.write(html);
    frameDocument.close();
    this.fitPreview();
    this.previewNote.textContent = `Revisi peta ${this.mapRevision}, dengan isian yang belum disimpan.`;
  }

  private schedulePreview(): void {
    this.previewStale = true;
    window.clearTimeout(this.previewTimer);
    if (!this.isOpen()) return;
    this.previewTimer = window.setTimeout(() => this.reloadPreview(), PREVIEW_DEBOUNCE_MS);
  }

  private reloadPreview(): void {
    window.clearTimeout(this.previewTimer);
    this.cancelDraft();
    this.previewStale = false;
    this.frame.dataset.preview = 'saved';
    this.showNote();
    void this.rowComments.refresh();
    // A new query each time makes the frame load the document again (the API answers are never cached).
    this.frame.src = `${this.api.sopUrl(this.mapId, 'html')}?t=${Date.now()}`;
  }

  /** The saved SOP is in the frame: unsaved changes in the form are drawn over it again. */
  private previewLoaded(): void {
    this.fitPreview();
    if (this.frame.dataset.preview === 'saved' && this.loaded && this.formState() !== this.savedState) this.scheduleDraftPreview();
  }

  /** Scales the document's pages down to the frame's width (the preview is same-origin), so no page is cut off. */
  private fitPreview(): void {
    const root = this.frame.contentDocument?.documentElement;
    if (!root) return;
    root.style.zoom = '';
    const scale = (this.frame.clientWidth - 8) / root.scrollWidth;
    if (scale < 1) root.style.zoom = String(Math.max(scale, 0.3));
  }

  destroy(): void {
    window.clearTimeout(this.previewTimer);
    window.clearTimeout(this.draftTimer);
  }
}
