// "Impor": the file is read by the server without creating anything (POST /api/import/preview); the dialog shows the
// map as it would be stored, what changed on the way, and asks name, kind, unit and profile (and, for the lanes, which
// jabatan they are). "Impor" creates the map and opens it; "Batal" creates nothing (issue 14 item 3). An SOP document
// (PDF, Word, Excel; issue 17) is shown beside the map read from it, with what was read and the guesses to confirm first.
import type NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import { ApiError } from '../../api/client';
import type { ImportPreview, MapKind, Meta, Profile } from '../../api/types';
import type { AppContext } from '../../context';
import { href } from '../../router';
import { field, openFormDialog } from '../../ui/dialog';
import { h, replaceChildren } from '../../ui/dom';
import { errorView, UserFacingError } from '../../ui/errors';
import { baseName } from '../../ui/files';
import { formatBytes } from '../../ui/format';
import { loadingView } from '../../ui/states';
import { nameControl, selectControl, unitControl } from '../../pages/shared/mapFields';
import { showPreviewDiagram } from './importPreviewDiagram';
import { DocumentReadSection, originalDocumentView } from './DocumentReadSection';
import { ImportWarningsList } from './ImportWarningsList';
import { LaneMatchSection } from './LaneMatchSection';

/** The refusal as the server gave it: its message, details, and its stable code for support. */
function refusalView(error: unknown, title: string): HTMLElement {
  const view = errorView(error, title);
  if (error instanceof ApiError && error.code) view.append(h('p', { class: 'error-code', 'data-testid': 'import-error-code' }, `Kode galat: ${error.code}`));
  return view;
}

/** A control the preview may fill, unless the user has changed it already. */
function prefillable<T extends HTMLInputElement | HTMLSelectElement>(control: T): (value: string) => void {
  let touched = false;
  control.addEventListener('input', () => (touched = true));
  control.addEventListener('change', () => (touched = true));
  return (value) => {
    if (!touched && value) control.value = value;
  };
}

export function openImportDialog(context: AppContext, meta: Meta, file: File): void {
  const name = nameControl(baseName(file.name), { autofocus: true, 'data-testid': 'import-name' });
  const kind = selectControl(meta.kinds, meta.kinds[0]?.id ?? '', { name: 'kind', required: true, 'data-testid': 'import-kind' });
  const unit = unitControl(meta.units, '');
  unit.input.dataset.testid = 'import-unit';
  const profile = selectControl(meta.profiles, meta.defaultProfile, { name: 'profile', 'data-testid': 'import-profile' });
  const fill = { name: prefillable(name), kind: prefillable(kind), unit: prefillable(unit.input), profile: prefillable(profile) };

  const canvas = h('div', { class: 'import-preview-canvas', 'data-testid': 'import-preview' });
  const previewState = h('div', { class: 'import-preview-state', 'data-testid': 'import-preview-state' }, loadingView('Membaca berkas…'));
  const previewBox = h('div', { class: 'import-preview-box', role: 'img', 'aria-label': 'Pratinjau peta (baca saja)' }, canvas, previewState);
  const warnings = new ImportWarningsList();
  const lanes = new LaneMatchSection();
  const documentRead = new DocumentReadSection();
  let original: ReturnType<typeof originalDocumentView> | undefined;
  const refusal = h('div', { class: 'import-refusal', 'data-testid': 'import-refusal', 'aria-live': 'assertive' });

  const layout = h(
    'div',
    { class: 'import-layout' },
    h(
      'div',
      { class: 'import-fields' },
      field('Nama peta', name),
      field('Jenis peta', kind),
      field('Unit kerja (opsional)', unit.input, 'Unit kerja atau perangkat daerah pemilik peta.'),
      unit.datalist,
      field('Profil regulasi', profile, 'Menentukan peraturan yang dipakai saat memeriksa peta.'),
    ),
    previewBox,
  );

  let preview: ImportPreview | null = null;
  let viewer: NavigatedViewer | null = null;
  let closed = false;

  const handle = openFormDialog({
    title: `Impor berkas “${file.name}”`,
    submitLabel: 'Impor',
    busyLabel: 'Mengimpor…',
    submitTestId: 'import-submit',
    errorTestId: 'import-error',
    className: 'dialog-import',
    fields: [
      h('p', { class: 'field-hint import-file' }, `${file.name} · ${formatBytes(file.size)}`),
      layout,
      refusal,
      documentRead.element,
      warnings.element,
      lanes.element,
    ],
    onSubmit: async () => {
      if (!preview) throw new UserFacingError('Berkas belum selesai dibaca; tunggu pratinjaunya.');
      const unconfirmed = documentRead.unconfirmed();
      if (unconfirmed > 0) {
        documentRead.focusUnconfirmed();
        throw new UserFacingError(`Centang dulu ${unconfirmed} bagian yang ditebak, setelah membandingkannya dengan dokumen asli.`);
      }
      const { map } = await context.api.importMap(file, {
        name: name.value.trim(),
        kind: kind.value as MapKind,
        unit: unit.input.value.trim() || undefined,
        profile: profile.value as Profile,
        fileName: file.name,
        lanes: lanes.answers(),
      });
      context.router.navigate(href.map(map.id));
    },
  });

  const form = handle.element.querySelector('form')!;
  const submit = handle.element.querySelector<HTMLButtonElement>('[data-testid="import-submit"]')!;
  submit.disabled = true;
  form.setAttribute('aria-busy', 'true');
  handle.element.addEventListener('close', () => {
    closed = true;
    viewer?.destroy();
    original?.dispose();
  });

  const load = async () => {
    try {
      if (file.size > meta.limits.xmlBytes) {
        throw new UserFacingError(`Berkas melebihi batas ukuran ${formatBytes(meta.limits.xmlBytes)} (ukurannya ${formatBytes(file.size)}).`);
      }
      const answer = await context.api.previewImport(file);
      if (closed) return;
      preview = answer;
      fill.name(answer.suggested.name);
      fill.kind(answer.suggested.kind);
      fill.unit(answer.suggested.unit);
      fill.profile(answer.suggested.profile);
      warnings.show(answer.warnings);
      lanes.show(answer.lanes);
      if (answer.document) {
        // An SOP document: its original beside the map read from it, what was read, and what was guessed.
        documentRead.show(answer.document);
        original = originalDocumentView(file, answer.document);
        layout.classList.add('import-layout-document');
        const compare = h('div', { class: 'import-compare' });
        previewBox.replaceWith(compare);
        compare.append(original.element, previewBox);
      }
      submit.disabled = false;
      form.setAttribute('aria-busy', 'false');
      try {
        const shown = await showPreviewDiagram(canvas, answer.xml);
        if (closed) {
          shown.viewer.destroy();
          return;
        }
        viewer = shown.viewer;
        previewState.remove();
      } catch (error) {
        replaceChildren(previewState, errorView(error, 'Pratinjau tidak dapat digambar'));
      }
    } catch (error) {
      if (closed) return;
      form.setAttribute('aria-busy', 'false');
      // Nothing to choose for a file that cannot be imported: only why, and the way out.
      layout.remove();
      replaceChildren(refusal, refusalView(error, `Berkas “${file.name}” tidak dapat diimpor`));
      [...handle.element.querySelectorAll<HTMLButtonElement>('.dialog-actions button')].find((button) => !button.disabled)?.focus();
    }
  };
  void load();
}
