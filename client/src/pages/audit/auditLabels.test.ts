import { describe, expect, it } from 'vitest';
import { auditDetail, auditEventLabel, isWarningEvent } from './auditLabels';

describe('audit labels', () => {
  it('names every event in Indonesian and keeps an unknown one as it is', () => {
    expect(auditEventLabel('login-failed')).toBe('Gagal masuk');
    expect(auditEventLabel('permission-denied')).toBe('Akses ditolak');
    expect(auditEventLabel('password-changed')).toBe('Kata sandi diganti');
    expect(auditEventLabel('toString')).toBe('toString');
    expect(auditEventLabel('baru')).toBe('baru');
    expect(isWarningEvent('login-failed')).toBe(true);
    expect(isWarningEvent('login')).toBe(false);
  });

  it('translates the changed fields and refusal codes the server writes in details', () => {
    expect(auditDetail('user-updated', 'budi: roles, disabled, kata sandi')).toBe('budi: peran, status aktif, kata sandi');
    expect(auditDetail('permission-denied', 'GET /api/maps/abc: FORBIDDEN_UNIT')).toBe('GET /api/maps/abc — peta unit lain');
    expect(auditDetail('permission-denied', 'POST /api/x: SOMETHING_NEW')).toBe('POST /api/x: SOMETHING_NEW');
    expect(auditDetail('user-created', 'ani (penyusun)')).toBe('ani (penyusun)');
    expect(auditDetail('login', undefined)).toBe('');
  });
});
