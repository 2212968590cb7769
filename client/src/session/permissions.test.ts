import { describe, expect, it } from 'vitest';
import { canEditMaps, isAdmin, rolesText } from './permissions';

describe('permissions', () => {
  it('lets only drafters edit maps and only administrators manage accounts', () => {
    expect(canEditMaps({ roles: ['penyusun'] })).toBe(true);
    expect(canEditMaps({ roles: ['admin'] })).toBe(false);
    expect(canEditMaps({ roles: ['reviewer', 'pengesah', 'pembaca'] })).toBe(false);
    expect(isAdmin({ roles: ['admin', 'penyusun'] })).toBe(true);
    expect(isAdmin({ roles: ['penyusun'] })).toBe(false);
  });

  it('names roles in the app order, with given labels when there are', () => {
    expect(rolesText(['penyusun', 'admin'])).toBe('Administrator, Penyusun');
    expect(rolesText(['pembaca', 'reviewer'], (role) => role.toUpperCase())).toBe('REVIEWER, PEMBACA');
  });
});
