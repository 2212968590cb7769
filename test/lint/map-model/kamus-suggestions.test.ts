// What the kamus suggests for lane names it cannot read (issue 14 item 4): suggestions only with evidence.
import { describe, expect, it } from 'vitest';
import { readTitle } from '../../../server/lint/map-model/kamus-jabatan';
import { isOutsidePartyName, suggestionsFor } from '../../../server/lint/map-model/kamus-suggestions';

const labels = (name: string) => suggestionsFor(name).map((s) => s.label);

describe('kamus suggestions', () => {
  it.each([
    // The nonsense of the old nearest-title suggestion (issue 14): no structural jabatan without evidence.
    ['Vendor 1', ['Bukan jabatan pemda']],
    ['Ruang Control', []],
    ['Accountant', []],
    // English job titles name no pemda jabatan.
    ['Manager', []],
    ['Clerk', []],
    ['Customer Service', []],
    // "Administration" is one edit from nothing Indonesian: an English word, not a misspelt "Administrator".
    ['Administration', []],
    ['HR Department', []],
    ['Hiring manager', []],
    // Outside parties.
    ['Customer', ['Bukan jabatan pemda']],
    ['Supplier', ['Bukan jabatan pemda']],
    ['Bank', ['Bukan jabatan pemda']],
    ['Masyarakat', ['Bukan jabatan pemda']],
    ['Pemohon', ['Bukan jabatan pemda']],
    ['Wajib Pajak', ['Bukan jabatan pemda']],
    ['Pasien', ['Bukan jabatan pemda']],
    // Common non-structural pemda titles: Pelaksana (ROLES.md §1).
    ['Kasir', ['Pelaksana']],
    ['Petugas Front Office', ['Pelaksana']],
    ['Petugas Pendaftaran', ['Pelaksana']],
    ['Bendahara', ['Pelaksana']],
    ['Verifikator', ['Pelaksana']],
    // Stop words alone are no evidence.
    ['Petugas', []],
    ['Kepala Ruang', []],
    ['Tim Hore', []],
    ['Lane 1', []],
    ['Bagian Umum', []],
    // Misspelt titles.
    ['Kepala Bidnag', ['Kepala Bidang']],
    ['Bupatti', ['Bupati']],
    ['Kepala Dinsa', ['Kepala Dinas']],
  ])('"%s" → %j', (name, expected) => {
    expect(readTitle(name).matched).toEqual([]);
    expect(labels(name)).toEqual(expected);
  });

  it.each(['Vendor 1', 'Ruang Control', 'Accountant', 'Customer', 'Kasir', 'Pemohon'])('"%s" never suggests Bupati, Asisten or Camat', (name) => {
    expect(labels(name)).not.toContain('Bupati');
    expect(labels(name)).not.toContain('Asisten');
    expect(labels(name)).not.toContain('Camat');
  });

  it('gives codes with the labels', () => {
    expect(suggestionsFor('Kasir')).toEqual([{ jabatan: 'PELAKSANA', label: 'Pelaksana' }]);
    expect(suggestionsFor('Pemohon')).toEqual([{ external: true, label: 'Bukan jabatan pemda' }]);
    expect(suggestionsFor('Kepala Bidnag')[0]).toEqual({ jabatan: 'ADMINISTRATOR', label: 'Kepala Bidang' });
  });

  it('reads outside parties from names, but not a pemda desk named after them', () => {
    expect(isOutsidePartyName('Wajib Pajak Orang Pribadi')).toBe(true);
    expect(isOutsidePartyName('Wajib Pajak Badan')).toBe(true);
    expect(isOutsidePartyName('Private Customer Account Manager')).toBe(false);
    expect(isOutsidePartyName('Petugas Layanan Pemohon')).toBe(false);
    expect(isOutsidePartyName('Customer Service')).toBe(false);
    expect(isOutsidePartyName('Kasir')).toBe(false);
  });
});
