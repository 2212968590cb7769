import { describe, expect, it } from 'vitest';
import type { User } from '../../api/types';
import { userPatch, type UserFormValues } from './userPatch';

const before: User = {
  id: 'u1',
  username: 'dewi',
  name: 'Dewi Kartika',
  nip: '198203152006042003',
  jabatan: 'Kepala Seksi',
  unit: 'Dinas Kesehatan',
  roles: ['reviewer'],
  disabled: false,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};
const unchanged: UserFormValues = {
  name: before.name,
  nip: before.nip!,
  jabatan: before.jabatan,
  unit: before.unit,
  roles: ['reviewer'],
  disabled: false,
  password: '',
};

describe('userPatch', () => {
  it('is empty when nothing changed (roles in another order included)', () => {
    expect(userPatch(before, unchanged)).toEqual({});
    expect(userPatch({ ...before, roles: ['reviewer', 'pengesah'] }, { ...unchanged, roles: ['pengesah', 'reviewer'] })).toEqual({});
  });

  it('carries only what changed; an emptied NIP is cleared with null', () => {
    expect(userPatch(before, { ...unchanged, roles: ['pengesah'], disabled: true, nip: '' })).toEqual({
      roles: ['pengesah'],
      disabled: true,
      nip: null,
    });
    expect(userPatch({ ...before, nip: undefined }, { ...unchanged, nip: '' })).toEqual({});
  });

  it('sends a password only when one was typed', () => {
    expect(userPatch(before, { ...unchanged, password: 'sandi-rahasia-baru' })).toEqual({ password: 'sandi-rahasia-baru' });
  });
});
