// Words and colours of the review cycle as the client shows them, and small pure helpers over annotation threads.
import { IDENTITY_FIELDS } from '../../../../server/review/review-labels';
import type { Anchor, AnnotationView, ReviewState } from '../../api/types';

export { STATE_LABELS } from '../../../../server/review/review-labels';

/** The colour family of each state's badge (a class `review-state-<tone>` in review.css). */
export const STATE_TONES: Record<ReviewState, 'neutral' | 'info' | 'progress' | 'warning' | 'success' | 'final' | 'danger'> = {
  draf: 'neutral',
  diajukan: 'info',
  direviu: 'progress',
  'perlu-perbaikan': 'warning',
  disetujui: 'success',
  disahkan: 'final',
  dicabut: 'danger',
};

/** The identity fields a comment may point at, in the order of the SOP's header, with their printed labels. */
export const IDENTITY_FIELD_LABELS = IDENTITY_FIELDS;

export function identityFieldLabel(path: string): string {
  return IDENTITY_FIELD_LABELS.find((field) => field.path === path)?.label ?? path;
}

/** A fallback label for an anchor when the server's `anchorLabel` is not at hand (a thread being written). */
export function anchorText(anchor: Anchor, elementName?: string): string {
  if (anchor.kind === 'identitas') return identityFieldLabel(anchor.field);
  return elementName ? `Elemen “${elementName}”` : `Elemen ${anchor.elementId}`;
}

export interface ElementThreads {
  /** Open threads on the element. */
  open: number;
  /** Every thread on the element. */
  total: number;
  /** Some open thread on it was written on what has since changed. */
  usang: boolean;
}

/** Threads per BPMN element id, for the badges on the diagram; identity comments are left out. */
export function threadsByElement(items: readonly AnnotationView[]): Map<string, ElementThreads> {
  const byElement = new Map<string, ElementThreads>();
  for (const item of items) {
    if (item.anchor.kind !== 'elemen') continue;
    const entry = byElement.get(item.anchor.elementId) ?? { open: 0, total: 0, usang: false };
    entry.total += 1;
    if (item.status === 'terbuka') {
      entry.open += 1;
      entry.usang ||= item.usang;
    }
    byElement.set(item.anchor.elementId, entry);
  }
  return byElement;
}

/** Open threads per SOP row (rows counted from 1), ascending; threads on no row are left out. */
export function openThreadsBySopRow(items: readonly AnnotationView[]): Array<{ row: number; open: number }> {
  const rows = new Map<number, number>();
  for (const item of items) {
    if (item.status !== 'terbuka' || item.sopRow === null) continue;
    rows.set(item.sopRow, (rows.get(item.sopRow) ?? 0) + 1);
  }
  return [...rows.entries()].sort(([a], [b]) => a - b).map(([row, open]) => ({ row, open }));
}

export type ThreadFilter = 'terbuka' | 'semua';

/** The threads to list: open ones first (or only), each group newest first. */
export function visibleThreads(items: readonly AnnotationView[], filter: ThreadFilter): AnnotationView[] {
  const shown = filter === 'terbuka' ? items.filter((item) => item.status === 'terbuka') : [...items];
  return shown.sort((a, b) => Number(a.status === 'selesai') - Number(b.status === 'selesai') || b.at.localeCompare(a.at));
}

/** Today as YYYY-MM-DD in the user's time zone (the default Tanggal Efektif). */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** "2 Des 2026" for a YYYY-MM-DD date. */
export function formatSopDate(iso: string): string {
  const date = new Date(`${iso}T00:00:00`);
  return Number.isNaN(date.getTime()) ? iso : new Intl.DateTimeFormat('id-ID', { dateStyle: 'medium' }).format(date);
}

/** Who may write, answer and resolve comments (review:annotate) (the server decides; the client only hides the forms). */
export function canAnnotate(roles: readonly string[]): boolean {
  return roles.some((role) => role === 'admin' || role === 'penyusun' || role === 'reviewer' || role === 'pengesah');
}

/** A missing identity field as a line to fix; a label that is already a sentence ("Identitas SOP belum disimpan") stays. */
export function missingIdentityLine(label: string): string {
  return /^identitas sop\b|\bbelum\b/i.test(label) ? label : `Identitas SOP: ${label} belum diisi`;
}
