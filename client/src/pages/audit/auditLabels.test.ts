import { describe, expect, it } from 'vitest';
import { auditDetail, auditEventLabel, isWarningEvent, reviewStepText } from './auditLabels';

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

describe('review steps in the audit log', () => {
  it('names each step and says the states before and after in Indonesian', () => {
    expect(auditEventLabel('sop-ajukan')).toBe('SOP diajukan');
    expect(auditEventLabel('sop-minta-perbaikan')).toBe('SOP dikembalikan untuk perbaikan');
    expect(auditEventLabel('sop-sahkan')).toBe('SOP disahkan');
    expect(isWarningEvent('sop-cabut')).toBe(true);
    expect(reviewStepText({ mapId: 'm', mapName: 'Izin', from: 'direviu', to: 'perlu-perbaikan', revision: 2, comment: 'Lengkapi dasar hukum' })).toBe(
      'Direviu → Perlu perbaikan — revisi 2 — “Lengkapi dasar hukum”',
    );
    expect(reviewStepText({ mapId: 'm', mapName: 'Izin', from: 'disetujui', to: 'disahkan', code: 'ABCD-1234' })).toBe('Disetujui → Disahkan — kode ABCD-1234');
  });
});
