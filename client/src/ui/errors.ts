// Turns any failure (API, bpmn-js import, browser) into text a user can act on.
import { ApiError } from '../api/client';
import { h } from './dom';

const FIELD_LABELS: Record<string, string> = {
  name: 'Nama',
  kind: 'Jenis peta',
  unit: 'Unit kerja',
  profile: 'Profil regulasi',
  code: 'Kode',
  parentId: 'Peta induk',
  message: 'Pesan revisi',
  xml: 'Diagram',
  baseRevision: 'Revisi dasar',
  username: 'Nama pengguna',
  password: 'Kata sandi',
  currentPassword: 'Kata sandi saat ini',
  newPassword: 'Kata sandi baru',
  nip: 'NIP',
  jabatan: 'Jabatan',
  roles: 'Peran',
  disabled: 'Status akun',
};

/** A failure whose message is already written for the user, with optional lines of detail. */
export class UserFacingError extends Error {
  constructor(
    message: string,
    readonly details: string[] = [],
  ) {
    super(message);
    this.name = 'UserFacingError';
  }
}

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError || error instanceof UserFacingError) return error.message;
  if (error instanceof Error && error.message) return `Terjadi kesalahan: ${error.message}`;
  return 'Terjadi kesalahan yang tidak terduga. Coba lagi.';
}

function issueText(issue: unknown): string | null {
  if (typeof issue !== 'object' || issue === null) return null;
  const { path, message } = issue as { path?: unknown; message?: unknown };
  if (typeof message !== 'string') return null;
  const field = Array.isArray(path) ? path[0] : path;
  const label = typeof field === 'string' ? FIELD_LABELS[field] : undefined;
  return label ? `${label}: ${message}` : message;
}

/** Extra lines worth showing under the message: validation issues, or where the XML broke. */
export function errorDetails(error: unknown): string[] {
  if (error instanceof UserFacingError) return error.details;
  if (!(error instanceof ApiError)) return [];
  const { issues, line, column } = error.details;
  const lines: string[] = [];
  if (Array.isArray(issues)) {
    for (const issue of issues) {
      const text = issueText(issue);
      if (text) lines.push(text);
    }
  }
  if (typeof line === 'number') {
    lines.push(typeof column === 'number' ? `Letak kesalahan: baris ${line}, kolom ${column}.` : `Letak kesalahan: baris ${line}.`);
  }
  return lines;
}

/** An alert box with the message (under an optional title) and its details. */
export function errorView(error: unknown, title?: string): HTMLElement {
  const details = errorDetails(error);
  return h(
    'div',
    { class: 'notice notice-error', role: 'alert' },
    title && h('p', { class: 'notice-title' }, title),
    h('p', {}, errorMessage(error)),
    details.length > 0 && h('ul', {}, details.map((line) => h('li', {}, line))),
  );
}
