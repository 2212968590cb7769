// The errors any MapStore implementation raises, with their stable codes and Indonesian messages.
import { AppError } from '../errors';

export const mapNotFound = (id: string) =>
  new AppError(404, 'MAP_NOT_FOUND', `Peta proses dengan id "${id}" tidak ditemukan.`);

export const revisionNotFound = (id: string, n: number) =>
  new AppError(404, 'REVISION_NOT_FOUND', `Revisi ${n} dari peta "${id}" tidak ditemukan.`);

export const originalNotFound = (id: string) =>
  new AppError(404, 'ORIGINAL_NOT_FOUND', `Peta "${id}" tidak diimpor dari berkas, jadi tidak ada berkas asli yang disimpan.`);

export const parentNotFound = (id: string) =>
  new AppError(400, 'PARENT_NOT_FOUND', `Peta induk dengan id "${id}" tidak ditemukan.`);

export const codeTaken = (code: string) =>
  new AppError(409, 'MAP_CODE_TAKEN', `Kode "${code}" sudah dipakai peta lain. Pilih kode lain.`);

export const revisionConflict = (base: number, current: number) =>
  new AppError(
    409,
    'REVISION_CONFLICT',
    `Peta ini sudah diubah orang lain: Anda menyunting revisi ${base}, sedangkan revisi terbaru adalah ${current}. ` +
      'Simpan salinan Anda, muat ulang revisi terbaru, lalu terapkan kembali perubahan Anda.',
    { currentRevision: current, baseRevision: base },
  );

export const sopConflict = (base: number, current: number) =>
  new AppError(
    409,
    'SOP_CONFLICT',
    `Identitas SOP ini sudah diubah orang lain: Anda menyunting versi ${base}, sedangkan versi terbaru adalah ${current}. ` +
      'Salin isian Anda, muat ulang versi terbaru, lalu terapkan kembali perubahan Anda.',
    { currentVersion: current, baseVersion: base },
  );

/** A body or file whose bytes do not hash to the sha256 its record names, refused on arrival (store-to-store transfer). */
export const importHashMismatch = (what: string, expected: string, actual: string) =>
  new AppError(
    422,
    'IMPORT_HASH_MISMATCH',
    `Isi ${what} tidak cocok dengan sha256 catatannya (tercatat ${expected.slice(0, 12)}…, isinya ${actual.slice(0, 12)}…); tidak disimpan.`,
    { expected, actual },
  );

/** A record an import would write already exists in the target (a transfer only fills an empty store). */
export const importExists = (what: string) =>
  new AppError(409, 'IMPORT_TARGET_NOT_EMPTY', `${what} sudah ada di penyimpanan tujuan; pemindahan hanya mengisi penyimpanan yang kosong.`);
