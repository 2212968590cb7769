// The PATCH body for an edited account: only what changed, so the audit log names just that.
import type { Role, User, UserPatch } from '../../api/types';

export interface UserFormValues {
  name: string;
  /** "" for no NIP. */
  nip: string;
  jabatan: string;
  unit: string;
  roles: Role[];
  disabled: boolean;
  /** "" keeps the current password. */
  password: string;
}

const sameRoles = (a: readonly Role[], b: readonly Role[]): boolean => a.length === b.length && a.every((role) => b.includes(role));

export function userPatch(before: User, values: UserFormValues): UserPatch {
  const patch: UserPatch = {};
  if (values.name !== before.name) patch.name = values.name;
  if (values.nip !== (before.nip ?? '')) patch.nip = values.nip === '' ? null : values.nip;
  if (values.jabatan !== before.jabatan) patch.jabatan = values.jabatan;
  if (values.unit !== before.unit) patch.unit = values.unit;
  if (!sameRoles(values.roles, before.roles)) patch.roles = values.roles;
  if (values.disabled !== before.disabled) patch.disabled = values.disabled;
  if (values.password !== '') patch.password = values.password;
  return patch;
}
