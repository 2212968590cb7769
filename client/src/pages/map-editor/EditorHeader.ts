// The editor's compact header: which map and revision, whether it is saved, and the actions on it.
import type { Meta, ProcessMap } from '../../api/types';
import { h, replaceChildren } from '../../ui/dom';
import { menuButton } from '../../ui/menuButton';
import { mapIdentity } from '../shared/mapIdentity';

export interface EditorActions {
  /** Opens the SOP view (identity form and preview). The side panels' toggles live in their tab strip (panelDock.ts). */
  sopToggle?: HTMLButtonElement;
  /** Opens Monitoring & Evaluasi of the SOP in force (docs/evaluation.md). */
  evaluationButton?: HTMLButtonElement;
  /** Opens the peta relasi of a proses/subproses map (docs/relasi.md). */
  relasiButton?: HTMLButtonElement | null;
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
        actions.sopToggle,
        actions.evaluationButton,
        actions.relasiButton,
        // The map's data and file actions share one menu: the toolbar keeps room for the views and Simpan.
        menuButton(
          'Berkas',
          [
            { label: 'Data peta…', testId: 'edit-metadata', onSelect: actions.onEditMetadata },
            { label: 'Impor .bpmn…', testId: 'import-bpmn', onSelect: () => actions.importInput.click() },
            { label: 'Ekspor .bpmn', testId: 'export-bpmn', onSelect: actions.onExportBpmn },
            { label: 'Ekspor .svg', testId: 'export-svg', onSelect: actions.onExportSvg },
          ],
          { testId: 'file-menu' },
        ),
        actions.importInput,
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

  /** While the map is frozen under review, Simpan is disabled (the server refuses saves with REVIEW_LOCKED anyway). */
  setLocked(locked: boolean): void {
    const save = this.element.querySelector<HTMLButtonElement>('[data-testid="save-button"]');
    if (!save) return;
    save.disabled = locked;
    save.title = locked ? 'Peta dibekukan selama reviu; tidak dapat disimpan' : 'Simpan (Ctrl+S)';
  }

  setStatus(text: string): void {
    this.status.textContent = text;
  }
}
