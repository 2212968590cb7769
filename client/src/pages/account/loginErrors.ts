// What the login page says when signing in fails.
import { ApiError } from '../../api/client';

export function minutesToWait(seconds: number): number {
  return Math.max(1, Math.ceil(seconds / 60));
}

export function loginErrorMessage(error: unknown): string {
  if (!(error instanceof ApiError)) return 'Terjadi kesalahan yang tidak terduga. Coba lagi.';
  switch (error.code) {
    case 'LOGIN_FAILED':
      return 'Nama pengguna atau kata sandi salah. Periksa keduanya lalu coba lagi.';
    case 'ACCOUNT_DISABLED':
      return 'Akun Anda dinonaktifkan. Hubungi administrator Petakerja di instansi Anda.';
    case 'LOGIN_RATE_LIMITED': {
      const seconds = Number(error.details.retryAfterSeconds);
      const wait = Number.isFinite(seconds) && seconds > 0 ? `sekitar ${minutesToWait(seconds)} menit` : 'beberapa menit';
      return `Terlalu banyak percobaan masuk yang gagal. Tunggu ${wait}, lalu coba lagi.`;
    }
    case 'VALIDATION_FAILED':
      return 'Isi nama pengguna dan kata sandi.';
    default:
      return error.message;
  }
}
