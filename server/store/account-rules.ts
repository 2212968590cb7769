// What every AccountStore (embedded, PostgreSQL) holds to alike: the session limit, the public view of a user, who
// counts as an active administrator, and the refusals a store gives.
import { AppError } from '../errors';
import type { PublicUser, User } from '../accounts/accounts.records';
import { DEFAULT_PEMDA } from './pemda';

/** Live sessions a user may hold at once (browsers, devices); signing in once more ends the least recently used. */
export const MAX_SESSIONS_PER_USER = 20;

export const toPublicUser = ({ passwordHash: _hash, ...user }: User): PublicUser => user;

/** The pemda of an account: an account without one (every embedded account) belongs to the default pemda. */
export const pemdaOfUser = (user: Pick<PublicUser, 'pemda'>): string => user.pemda ?? DEFAULT_PEMDA;

/** `user` placed in `pemda`: the default pemda is written as no field, as the embedded store keeps every account. */
export function withPemda<T extends Pick<PublicUser, 'pemda'>>(user: T, pemda: string): T {
  const { pemda: _old, ...rest } = user;
  return (pemda === DEFAULT_PEMDA ? rest : { ...rest, pemda }) as T;
}

export const isActiveAdmin = (u: User) => !u.disabled && u.roles.includes('admin');

export const userNotFound = (id: string) => new AppError(404, 'USER_NOT_FOUND', `Pengguna dengan id "${id}" tidak ditemukan.`);
export const usernameTaken = (username: string) =>
  new AppError(409, 'USERNAME_TAKEN', `Nama pengguna "${username}" sudah dipakai. Pilih nama pengguna lain.`);
export const setupDone = () =>
  new AppError(409, 'SETUP_DONE', 'Penyiapan awal sudah dilakukan: akun administrator pertama sudah ada. Silakan masuk.');
export const lastAdmin = () =>
  new AppError(409, 'LAST_ADMIN', 'Perubahan ini akan meninggalkan Petakerja tanpa administrator aktif. Tetapkan administrator lain terlebih dahulu.');
