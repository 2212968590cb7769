import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client';
import { loginErrorMessage, minutesToWait } from './loginErrors';

describe('loginErrorMessage', () => {
  it('says how many minutes to wait after too many failed attempts', () => {
    const limited = new ApiError(429, 'LOGIN_RATE_LIMITED', 'x', { retryAfterSeconds: 601 });
    expect(loginErrorMessage(limited)).toBe('Terlalu banyak percobaan masuk yang gagal. Tunggu sekitar 11 menit, lalu coba lagi.');
    expect(loginErrorMessage(new ApiError(429, 'LOGIN_RATE_LIMITED', 'x'))).toContain('beberapa menit');
    expect(minutesToWait(5)).toBe(1);
  });

  it('explains a wrong password and a disabled account plainly', () => {
    expect(loginErrorMessage(new ApiError(401, 'LOGIN_FAILED', 'x'))).toMatch(/^Nama pengguna atau kata sandi salah/);
    expect(loginErrorMessage(new ApiError(403, 'ACCOUNT_DISABLED', 'x'))).toMatch(/dinonaktifkan/);
    expect(loginErrorMessage(new ApiError(0, 'NETWORK', 'Tidak dapat menghubungi server.'))).toBe('Tidak dapat menghubungi server.');
  });
});
