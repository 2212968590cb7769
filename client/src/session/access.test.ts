import { describe, expect, it } from 'vitest';
import { parseHash } from '../router';
import { redirectFor } from './access';

const at = (hash: string, state: { setupNeeded?: boolean; signedIn?: boolean }) =>
  redirectFor(parseHash(hash), hash, { setupNeeded: false, signedIn: false, ...state });

describe('redirectFor', () => {
  it('sends everyone to the first-run page while no account exists, and keeps them there', () => {
    expect(at('#/', { setupNeeded: true })).toBe('#/penyiapan');
    expect(at('#/masuk', { setupNeeded: true })).toBe('#/penyiapan');
    expect(at('#/penyiapan', { setupNeeded: true })).toBeNull();
  });

  it('has no first-run page once an account exists', () => {
    expect(at('#/penyiapan', {})).toBe('#/masuk');
    expect(at('#/penyiapan', { signedIn: true })).toBe('#/');
  });

  it('lets nobody past the login page without a session, remembering where they were going', () => {
    expect(at('#/peta/abc', {})).toBe('#/masuk?kembali=%2Fpeta%2Fabc');
    expect(at('#/pengguna', {})).toBe('#/masuk?kembali=%2Fpengguna');
    expect(at('#/', {})).toBe('#/masuk');
    expect(at('', {})).toBe('#/masuk');
    expect(at('#/masuk', {})).toBeNull();
  });

  it('sends a signed-in user from the login page on to where they were going', () => {
    expect(at('#/masuk?kembali=%2Fpeta%2Fabc', { signedIn: true })).toBe('#/peta/abc');
    expect(at('#/masuk', { signedIn: true })).toBe('#/');
    expect(at('#/peta/abc', { signedIn: true })).toBeNull();
  });
});
