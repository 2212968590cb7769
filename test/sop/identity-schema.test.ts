// The SOP identity (SOP-FORMAT.md §1): a finished identity, a draft, and the required fields a draft still lacks.
import { describe, expect, it } from 'vitest';
import { missingIdentityFields, REQUIRED_IDENTITY_FIELDS, SopIdentity, SopIdentityDraft } from '../../server/sop/identity.schema';

const FINISHED = {
  nomor: '445.8/34-Sekret',
  tanggalPembuatan: '2026-11-02',
  tanggalRevisi: '2027-11-02',
  disahkanOleh: { jabatan: 'Kepala Dinas', nama: 'Ni Luh Putu Ayu', pangkat: 'Pembina (IV/a)', nip: '19800202 200501 2 003' },
  namaSop: 'Penerimaan surat masuk',
  dasarHukum: ['PermenPANRB Nomor 35 Tahun 2012'],
  keterkaitan: ['SOP Pengarsipan'],
  peringatan: 'Surat terlambat ditindaklanjuti',
  kualifikasiPelaksana: ['Memahami tata naskah dinas'],
  peralatan: ['Buku agenda'],
  pencatatan: ['Buku agenda surat masuk'],
};

describe('SOP identity', () => {
  it('accepts a finished identity and finds nothing missing in it', () => {
    expect(SopIdentity.parse(FINISHED)).toMatchObject({ nomor: '445.8/34-Sekret' });
    expect(missingIdentityFields(SopIdentityDraft.parse(FINISHED))).toEqual([]);
  });

  it('rejects malformed dates, NIPs, unknown fields and empty required lists', () => {
    expect(SopIdentity.safeParse({ ...FINISHED, tanggalPembuatan: '2026-02-30' }).success).toBe(false);
    expect(SopIdentity.safeParse({ ...FINISHED, disahkanOleh: { ...FINISHED.disahkanOleh, nip: '1980 0202' } }).success).toBe(false);
    expect(SopIdentity.safeParse({ ...FINISHED, judul: 'x' }).success).toBe(false);
    expect(SopIdentity.safeParse({ ...FINISHED, dasarHukum: [] }).success).toBe(false);
    expect(SopIdentity.safeParse({ ...FINISHED, keterkaitan: [] }).success).toBe(true);
    expect(SopIdentityDraft.safeParse({ tanggalEfektif: '1/1/2027' }).success).toBe(false);
  });

  it('lists every required field of an empty draft, in the order of the header, blank values counting as missing', () => {
    expect(missingIdentityFields({}).map((f) => f.path)).toEqual(REQUIRED_IDENTITY_FIELDS.map((f) => f.path));
    expect(missingIdentityFields({ ...FINISHED, namaSop: '  ', peralatan: ['', ' '] }).map((f) => f.label)).toEqual(['Nama SOP', 'Peralatan/Perlengkapan']);
  });
});
