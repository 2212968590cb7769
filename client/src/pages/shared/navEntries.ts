// The pages each user's navigation offers, from what their roles allow (server/accounts/permissions.ts): every role
// reads maps, so everyone gets "Peta proses"; the bureau (all units) the repository pages; administrators theirs.
import type { Role } from '../../api/types';
import { href } from '../../router';

export interface NavEntry {
  label: string;
  href: string;
  testId: string;
  /** `kerja`: the daily work (maps, review, repository); `admin`: accounts and the audit log. */
  group: 'kerja' | 'admin';
}

/** Roles granted `maps:read` on the server: all of them today, kept explicit so a new role must be placed. */
const MAP_READERS: readonly Role[] = ['admin', 'penyusun', 'reviewer', 'pengesah', 'pembaca', 'pembina'];

/** The entries for a user with `roles`; `allUnits` is the session's (the bureau: admin or penyusun). */
export function navEntries(user: { roles: readonly Role[] }, allUnits: boolean): NavEntry[] {
  const entries: NavEntry[] = [];
  if (user.roles.some((role) => MAP_READERS.includes(role))) entries.push({ label: 'Peta proses', href: href.list(), testId: 'maps-link', group: 'kerja' });
  entries.push({ label: 'Evaluasi SOP', href: href.evaluations(), testId: 'evaluations-link', group: 'kerja' });
  if (allUnits) {
    entries.push({ label: 'Dasbor', href: href.dashboard(), testId: 'dashboard-link', group: 'kerja' });
    entries.push({ label: 'Pemeriksaan repositori', href: href.repositoryLint(), testId: 'repository-lint-link', group: 'kerja' });
  }
  if (user.roles.includes('admin')) {
    entries.push({ label: 'Pengguna', href: href.users(), testId: 'users-link', group: 'admin' });
    entries.push({ label: 'Log audit', href: href.audit(), testId: 'audit-link', group: 'admin' });
  }
  return entries;
}
