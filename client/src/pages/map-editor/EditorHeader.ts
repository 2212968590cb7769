// The editor's compact header: which map and revision, whether it is saved, and the actions on it.
import type { Meta, ProcessMap } from '../../api/types';
import { h, replaceChildren } from '../../ui/dom';
import { mapIdentity } from '../shared/mapIdentity';

export interface EditorActions {
  historyToggle: HTMLButtonElement;
  /** Opens the SOP view (identity form and preview). */
  sopToggle?: HTMLButtonElement;
  importInput: HTMLInputElement;
  onEditMetadata(): void;
  onExportBpmn(): void;
  onExportSvg(): void;
  onDiscard(): void;
  onSave(): void;
}

export class EditorHeader {
  readonly element: HTMLElement;
  private readonly identity = h('div', { class: 'header-identity' });
  private readonly dirtyIndicator = h('span', { class: 'dirty-indicator', 'data-testid': 'dirty-indicator', 'data-dirty': 'false', hidden: true }, 'Belum disimpan');
  private readonly discardButton: HTMLButtonElement;
  private readonly status = h('span', { class: 'save-status', role: 'status', 'data-testid': 'save-status' });

  constructor(actions: EditorActions) {
    this.discardButton = h('button', { type: 'button', class: 'button button-link', hidden: true, onClick: actions.onDiscard }, 'Buang perubahan');
    this.element = h(
      'div',
      { class: 'editor-header' },
      this.identity,
      h('div', { class: 'header-status' }, this.dirtyIndicator, this.discardButton, this.status),
      h(
        'div',
        { class: 'header-actions', role: 'toolbar', 'aria-label': 'Tindakan peta' },
        actions.historyToggle,
        actions.sopToggle,
        h('button', { type: 'button', class: 'button button-ghost', onClick: actions.onEditMetadata }, 'Data peta'),
        h('button', { type: 'button', class: 'button button-ghost', onClick: () => actions.importInput.click() }, 'Impor .bpmn'),
        actions.importInput,
        h('button', { type: 'button', class: 'button button-ghost', 'data-testid': 'export-bpmn', onClick: actions.onExportBpmn }, 'Ekspor .bpmn'),
        h('button', { type: 'button', class: 'button button-ghost', 'data-testid': 'export-svg', onClick: actions.onExportSvg }, 'Ekspor .svg'),
        h('button', { type: 'button', class: 'button button-primary', 'data-testid': 'save-button', title: 'Simpan (Ctrl+S)', onClick: actions.onSave }, 'Simpan'),
      ),
    );
  }

  setMap(map: ProcessMap, meta: Meta, baseRevision: number): void {
    replaceChildren(this.identity, mapIdentity(map, meta, `Revisi ${baseRevision}`));
  }

  setDirty(dirty: boolean): void {
    this.dirtyIndicator.hidden = !dirty;
    this.discardButton.hidden = !dirty;
    this.dirtyIndicator.dataset.dirty = String(dirty);
    // A "saved as revision N" note no longer holds once the diagram changes again.
    if (dirty) this.setStatus('');
  }

  setStatus(text: string): void {
    this.status.textContent = text;
  }
}
