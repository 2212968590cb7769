// What the signed-in user's roles allow, mirroring the server's rules (docs/api.md, "Sessions and permissions").
// The server decides; the client only hides what would be refused.
import type { Role, User } from '../api/types';

type WithRoles = Pick<User, 'roles'>;

/** Drafting: creating and importing maps, editing their data, saving revisions. */
export const canEditMaps = (user: WithRoles): boolean => user.roles.includes('penyusun');

/** Managing accounts and reading the audit log. */
export const isAdmin = (user: WithRoles): boolean => user.roles.includes('admin');

/** Roles in the order the app lists them. */
export const ROLE_ORDER: readonly Role[] = ['admin', 'penyusun', 'reviewer', 'pengesah', 'pembaca', 'pembina'];

/** Labels for places that cannot wait for /api/meta (the header); forms use the server's labels. */
const ROLE_LABELS: Record<Role, string> = {
  admin: 'Administrator',
  penyusun: 'Penyusun',
  reviewer: 'Reviewer',
  pengesah: 'Pengesah',
  pembaca: 'Pembaca',
  pembina: 'Pembina (provinsi)',
};

/** What each role may do, as the user form explains it. */
export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  admin: 'Mengelola akun pengguna dan membaca log audit.',
  penyusun: 'Membuat, mengimpor dan menyunting peta semua unit.',
  reviewer: 'Membaca peta unitnya sendiri untuk direviu.',
  pengesah: 'Membaca peta unitnya sendiri untuk disahkan.',
  pembaca: 'Hanya membaca peta unitnya sendiri.',
  pembina: 'Di pemda provinsi: membaca (hanya membaca) peta, SOP, dasbor dan pemeriksaan kabupaten/kota di provinsinya.',
};

export function roleLabel(role: Role): string {
  return ROLE_LABELS[role] ?? role;
}

/** "Administrator, Penyusun", in the app's order of roles. */
export function rolesText(roles: readonly Role[], label: (role: Role) => string = roleLabel): string {
  return [...roles]
    .sort((a, b) => ROLE_ORDER.indexOf(a) - ROLE_ORDER.indexOf(b))
    .map(label)
    .join(', ');
}
