// Zod schemas of stored account records: users, sessions and audit events.
import { z } from 'zod';
import { PemdaId } from '../store/pemda';

export const ROLES = ['admin', 'penyusun', 'reviewer', 'pengesah', 'pembaca', 'pembina'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Administrator',
  penyusun: 'Penyusun',
  reviewer: 'Reviewer',
  pengesah: 'Pengesah',
  pembaca: 'Pembaca',
  /** Of a provinsi: reads (only reads) the maps, SOPs, dashboard and checks of its kabupaten/kota (docs/security.md). */
  pembina: 'Pembina (provinsi)',
};

export const UserId = z.uuid();
export const Username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{3,40}$/, 'Nama pengguna 3–40 karakter: huruf kecil, angka, titik, garis bawah atau tanda hubung.');
export const Nip = z.string().regex(/^\d{18}$/, 'NIP terdiri atas 18 angka.');

/** What every reader of a user sees; the stored record adds the password hash. */
export const PublicUser = z.object({
  id: UserId,
  username: Username,
  name: z.string().trim().min(1).max(200),
  nip: Nip.optional(),
  jabatan: z.string().trim().max(200),
  unit: z.string().trim().max(200),
  roles: z.array(Role).min(1).max(20),
  disabled: z.boolean(),
  /** The pemda the account belongs to (docs/storage.md, Many pemda); absent: the default pemda (every embedded account). */
  pemda: PemdaId.optional(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type PublicUser = z.infer<typeof PublicUser>;

export const User = PublicUser.extend({ passwordHash: z.string().max(512).startsWith('scrypt$') });
export type User = z.infer<typeof User>;

export const Session = z.object({
  /** sha256 of the cookie's token: the token itself is never stored. */
  tokenHash: z.string().regex(/^[0-9a-f]{64}$/),
  userId: UserId,
  csrfToken: z.string().min(32).max(128),
  createdAt: z.iso.datetime(),
  lastSeenAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
});
export type Session = z.infer<typeof Session>;

export const AccountsDocument = z.object({
  format: z.literal('petakerja-accounts'),
  version: z.literal(1),
  users: z.array(User),
  sessions: z.array(Session),
});
export type AccountsDocument = z.infer<typeof AccountsDocument>;

/** The review cycle's steps a user takes (server/review/lifecycle.ts), one audit event each. */
export const REVIEW_AUDIT_EVENTS = ['sop-ajukan', 'sop-tarik', 'sop-mulai-reviu', 'sop-minta-perbaikan', 'sop-setujui', 'sop-sahkan', 'sop-cabut'] as const;
export const AUDIT_EVENTS = [
  'login',
  'login-failed',
  'logout',
  'permission-denied',
  'setup',
  'user-created',
  'user-updated',
  'password-changed',
  'password-change-failed',
  'settings-changed',
  ...REVIEW_AUDIT_EVENTS,
] as const;

/** What a review event concerns: the map, the SOP state before and after, and the comment given with the step. */
export const AuditReview = z.object({
  mapId: z.string().max(100),
  mapName: z.string().max(400),
  unit: z.string().max(200).optional(),
  revision: z.number().int().min(0).optional(),
  from: z.string().max(40),
  to: z.string().max(40),
  comment: z.string().max(1000).optional(),
  /** The verification code of the SOP signed or withdrawn. */
  code: z.string().max(40).optional(),
  /** Signed with a certificate (issue 19): its name and SHA-256 fingerprint — never the file nor the passphrase. */
  certificate: z.object({ commonName: z.string().max(400), fingerprint256: z.string().max(200), level: z.string().max(10) }).optional(),
});
export type AuditReview = z.infer<typeof AuditReview>;

export const AuditEvent = z.object({
  at: z.iso.datetime(),
  event: z.enum(AUDIT_EVENTS),
  username: z.string().max(200).optional(),
  ip: z.string().max(100),
  detail: z.string().max(1000).optional(),
  /** How many refusals one line stands for, when repeats were counted instead of written (RefusalTally). */
  count: z.number().int().min(1).optional(),
  /** Set on review events (sop-…). */
  review: AuditReview.optional(),
});
export type AuditEvent = z.infer<typeof AuditEvent>;
