// Zod schemas of the accounts API's inputs.
import { z } from 'zod';
import { PublicUrl } from '../settings/settings.schema';
import { AUDIT_EVENTS, Nip, Role, UserId, Username } from './accounts.records';

export const Password = z.string().min(10, 'Kata sandi minimal 10 karakter.').max(200, 'Kata sandi maksimal 200 karakter.');
const Name = z.string().trim().min(1, 'Nama wajib diisi.').max(200);
const Text = z.string().trim().max(200);
const Roles = z
  .array(Role)
  .min(1, 'Pilih setidaknya satu peran.')
  .max(20, 'Paling banyak 20 peran.')
  .transform((roles) => [...new Set(roles)]);

export const LoginBody = z.strictObject({
  username: z.string().trim().toLowerCase().min(1, 'Nama pengguna wajib diisi.').max(100),
  password: z.string().min(1, 'Kata sandi wajib diisi.').max(200),
});

const AccountBody = z.strictObject({
  username: Username,
  password: Password,
  name: Name,
  nip: Nip.optional(),
  jabatan: Text.default(''),
  unit: Text.default(''),
});

/** First-run setup: the first administrator, and the public address they confirm (docs/security.md, Public address). */
export const SetupBody = AccountBody.extend({ publicUrl: PublicUrl.optional() });
export type SetupBody = z.infer<typeof SetupBody>;

export const CreateUserBody = AccountBody.extend({ roles: Roles });
export type CreateUserBody = z.infer<typeof CreateUserBody>;

export const PatchUserBody = z
  .strictObject({
    name: Name,
    nip: Nip.nullable(),
    jabatan: Text,
    unit: Text,
    roles: Roles,
    disabled: z.boolean(),
    password: Password,
  })
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, 'Tidak ada data yang diubah.');
export type PatchUserBody = z.infer<typeof PatchUserBody>;

export const PasswordChangeBody = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: Password,
});

export const UserParams = z.object({ id: UserId });
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Tanggal ditulis TTTT-BB-HH.');
/** GET /api/audit: a page of events, newest first, filtered by days, user and event (docs/api.md). */
export const AuditQuery = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(200),
  before: z.string().regex(/^\d{4}-\d{2}:\d{1,15}$/, 'Penanda halaman tidak sah.').optional(),
  from: Day.optional(),
  to: Day.optional(),
  user: z.string().trim().min(1).max(200).optional(),
  event: z.enum(AUDIT_EVENTS).optional(),
});
