// Audit events in Indonesian words.
import type { AuditEvent, AuditEventKind, ReviewState } from '../../api/types';
import { STATE_LABELS } from '../../features/review/reviewLabels';

const EVENT_LABELS: Record<AuditEventKind, string> = {
  login: 'Masuk',
  'login-failed': 'Gagal masuk',
  logout: 'Keluar',
  'permission-denied': 'Akses ditolak',
  setup: 'Penyiapan administrator pertama',
  'user-created': 'Pengguna ditambahkan',
  'user-updated': 'Pengguna diubah',
  'password-changed': 'Kata sandi diganti',
  'password-change-failed': 'Gagal mengganti kata sandi',
  'settings-changed': 'Pengaturan diubah',
  'sop-ajukan': 'SOP diajukan',
  'sop-tarik': 'Pengajuan SOP ditarik',
  'sop-mulai-reviu': 'Reviu SOP dimulai',
  'sop-minta-perbaikan': 'SOP dikembalikan untuk perbaikan',
  'sop-setujui': 'SOP disetujui',
  'sop-sahkan': 'SOP disahkan',
  'sop-cabut': 'SOP dicabut',
};

/** Every event kind, in the order the filter lists them. */
export const AUDIT_EVENT_KINDS = Object.keys(EVENT_LABELS) as AuditEventKind[];

/** Events worth a second look, shown in a warning colour. */
const WARNING_EVENTS: ReadonlySet<string> = new Set(['login-failed', 'password-change-failed', 'permission-denied', 'sop-cabut']);

/** Steps of the SOP review cycle: their detail names the map and the state before and after. */
export const isReviewEvent = (event: string): boolean => event.startsWith('sop-');

export function auditEventLabel(event: string): string {
  return Object.hasOwn(EVENT_LABELS, event) ? EVENT_LABELS[event as AuditEventKind] : event;
}

export function isWarningEvent(event: string): boolean {
  return WARNING_EVENTS.has(event);
}

/** The server names changed account fields by their API keys ("budi: roles, disabled"); say them in Indonesian. */
const FIELD_WORDS: Record<string, string> = {
  name: 'nama',
  nip: 'NIP',
  jabatan: 'jabatan',
  unit: 'unit kerja',
  roles: 'peran',
  disabled: 'status aktif',
};

/** Refusal codes at the end of a permission-denied detail ("GET /api/maps/…: FORBIDDEN_UNIT"). */
const DENIAL_WORDS: Record<string, string> = {
  FORBIDDEN: 'peran tidak mengizinkan',
  FORBIDDEN_UNIT: 'peta unit lain',
  CSRF_INVALID: 'token keamanan (CSRF) tidak cocok',
};

export function auditDetail(event: string, detail: string | undefined): string {
  if (!detail) return '';
  if (event === 'user-updated') {
    const match = /^(.*): ([a-z ,]+)$/i.exec(detail);
    if (match) {
      const fields = match[2].split(', ').map((field) => FIELD_WORDS[field] ?? field);
      return `${match[1]}: ${fields.join(', ')}`;
    }
  }
  if (event === 'permission-denied') {
    const match = /^(.*): ([A-Z_]+)$/.exec(detail);
    if (match && Object.hasOwn(DENIAL_WORDS, match[2])) return `${match[1]} — ${DENIAL_WORDS[match[2]]}`;
  }
  return detail;
}

/** "Draf → Diajukan — revisi 1 — “Mohon direviu”": the review step of a review event, in words. */
export function reviewStepText(review: NonNullable<AuditEvent['review']>): string {
  const state = (value: string) => (Object.hasOwn(STATE_LABELS, value) ? STATE_LABELS[value as ReviewState] : value);
  return [
    `${state(review.from)} → ${state(review.to)}`,
    review.revision ? `revisi ${review.revision}` : '',
    review.code ? `kode ${review.code}` : '',
    review.certificate ? `sertifikat elektronik “${review.certificate.commonName}” (PAdES ${review.certificate.level})` : '',
    review.comment ? `“${review.comment}”` : '',
  ]
    .filter(Boolean)
    .join(' — ');
}
