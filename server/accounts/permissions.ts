// What each role may do, and which units' maps a user may see (docs/api.md, "Sessions and permissions").
import { AppError } from '../errors';
import type { PublicUser, Role } from './accounts.records';

export type Permission = 'maps:read' | 'maps:write' | 'users:manage' | 'audit:read' | 'review:annotate' | 'kamus:write';

const GRANTS: Record<Permission, readonly Role[]> = {
  'maps:read': ['admin', 'penyusun', 'reviewer', 'pengesah', 'pembaca', 'pembina'],
  'maps:write': ['penyusun'],
  'users:manage': ['admin'],
  'audit:read': ['admin'],
  /** Everyone taking part in the review cycle comments; readers (pembaca) only read. */
  'review:annotate': ['admin', 'penyusun', 'reviewer', 'pengesah'],
  /** The repository's synonyms of the kamus jabatan: the organisation bureau (admins and drafters) answers them. */
  'kamus:write': ['admin', 'penyusun'],
};

/**
 * The organisation bureau (admins and drafters) works on every unit's maps, and the province role reads every unit's
 * (of its pemda and the kabupaten/kota it reads); everyone else sees their own unit's.
 */
const ALL_UNIT_ROLES: readonly Role[] = ['admin', 'penyusun', 'pembina'];

export const can = (user: PublicUser, permission: Permission) => user.roles.some((r) => GRANTS[permission].includes(r));

export const seesAllUnits = (user: PublicUser) => user.roles.some((r) => ALL_UNIT_ROLES.includes(r));

/** The organisation bureau itself (admins and drafters): the unit letterheads are theirs. */
export const isBureau = (user: PublicUser) => user.roles.some((r) => r === 'admin' || r === 'penyusun');

export const sameUnit = (a: string, b: string) => a.trim().toLocaleLowerCase('id') === b.trim().toLocaleLowerCase('id');

export function canSeeUnit(user: PublicUser, unit: string): boolean {
  return seesAllUnits(user) || (unit !== '' && sameUnit(user.unit, unit));
}

export const forbidden = () => new AppError(403, 'FORBIDDEN', 'Peran Anda tidak mengizinkan tindakan ini.');

export const forbiddenUnit = (unit: string) =>
  new AppError(403, 'FORBIDDEN_UNIT', `Peta ini milik unit ${unit || '(tanpa unit)'}; Anda hanya dapat mengakses peta unit Anda sendiri.`);
