// What every AccountStore (embedded, PostgreSQL) holds to alike: the session limit, the public view of a user, who
// counts as an active administrator, and the refusals a store gives.
import { AppError } from '../errors';
import type { PublicUser, User } from '../accounts/accounts.records';

/** Live sessions a user may hold at once (browsers, devices); signing in once more ends the least recently used. */
export const MAX_SESSIONS_PER_USER = 20;

export const toPublicUser = ({ passwordHash: _hash, ...user }: User): PublicUser => user;

export const isActiveAdmin = (u: User) => !u.disabled && u.roles.includes('admin');

export const userNotFound = (id: string) => new AppError(404, 'USER_NOT_FOUND', `Pengguna dengan id "${id}" tidak ditemukan.`);
export const usernameTaken = (username: string) =>
  new AppError(409, 'USERNAME_TAKEN', `Nama pengguna "${username}" sudah dipakai. Pilih nama pengguna lain.`);
export const setupDone = () =>
  new AppError(409, 'SETUP_DONE', 'Penyiapan awal sudah dilakukan: akun administrator pertama sudah ada. Silakan masuk.');
export const lastAdmin = () =>
  new AppError(409, 'LAST_ADMIN', 'Perubahan ini akan meninggalkan Petakerja tanpa administrator aktif. Tetapkan administrator lain terlebih dahulu.');
