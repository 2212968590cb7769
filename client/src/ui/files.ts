// Reading .bpmn files picked by the user and offering diagrams for download.
import type { ProcessMap } from '../api/types';
import { UserFacingError } from './errors';
import { formatBytes } from './format';

export async function readTextFile(file: File, limitBytes: number): Promise<string> {
  if (file.size > limitBytes) {
    throw new UserFacingError(`Berkas melebihi batas ukuran ${formatBytes(limitBytes)} (ukurannya ${formatBytes(file.size)}).`);
  }
  return file.text();
}

/** The file name without its extension, as the default name of an imported map. */
export function baseName(fileName: string): string {
  return fileName.replace(/\.(bpmn2?|xml)$/i, '').trim() || fileName;
}

function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** "1.2-pelayanan-perizinan.bpmn", or "…-revisi-3.svg" for an old revision. */
export function exportFileName(map: Pick<ProcessMap, 'code' | 'name'>, extension: 'bpmn' | 'svg', revision?: number): string {
  const parts = [slug(map.code), slug(map.name)];
  if (revision !== undefined) parts.push(`revisi-${revision}`);
  return `${parts.filter(Boolean).join('-') || 'peta-proses'}.${extension}`;
}

export function downloadText(fileName: string, content: string, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A hidden file input for .bpmn files; a visible button opens it with click(). */
/**
 * BPMN files; with `onFiles`, SOP AP documents too (PDF, Word, Excel; issue 17), several at once or a ZIP of them:
 * one file goes to `onFile`, several (or a ZIP) to `onFiles`.
 */
export function bpmnFileInput(testId: string, onFile: (file: File) => void, { onFiles }: { onFiles?: (files: File[]) => void } = {}): HTMLInputElement {
  const input = document.createElement('input');
  input.type = 'file';
  input.accept = `.bpmn,.bpmn2,.xml,application/xml,text/xml${onFiles ? ',.pdf,application/pdf,.docx,.doc,.xlsx,.xls,.zip' : ''}`;
  input.multiple = onFiles !== undefined;
  input.className = 'visually-hidden';
  input.tabIndex = -1;
  input.setAttribute('aria-hidden', 'true');
  input.dataset.testid = testId;
  input.addEventListener('change', () => {
    const files = [...(input.files ?? [])];
    input.value = '';
    if (files.length === 1 && !/\.zip$/i.test(files[0]!.name)) onFile(files[0]!);
    else if (files.length > 0) onFiles?.(files);
  });
  return input;
}
