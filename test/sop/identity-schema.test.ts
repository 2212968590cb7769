// The SOP identity (SOP-FORMAT.md §1): a finished identity, a draft, and the required fields a draft still lacks.
import { describe, expect, it } from 'vitest';
import { IDENTITY_LIMITS, missingIdentityFields, REQUIRED_IDENTITY_FIELDS, SopIdentity, SopIdentityDraft } from '../../server/sop/identity.schema';

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

  it('refuses dates outside 2000–2099, such as a Tanggal Efektif of 1900-01-01, in a finished identity and in a draft', () => {
    for (const field of ['tanggalPembuatan', 'tanggalRevisi', 'tanggalEfektif'] as const) {
      for (const date of ['1900-01-01', '1999-12-31', '2100-01-01', '9999-12-31']) {
        const finished = SopIdentity.safeParse({ ...FINISHED, [field]: date });
        expect(finished.success, `${field} ${date}`).toBe(false);
        expect(finished.error?.issues[0]?.message).toMatch(/antara 2000-01-01 dan 2099-12-31/);
        expect(SopIdentityDraft.safeParse({ [field]: date }).success, `draft ${field} ${date}`).toBe(false);
      }
      for (const date of ['2000-01-01', '2026-12-01', '2099-12-31']) {
        expect(SopIdentity.safeParse({ ...FINISHED, [field]: date }).success, `${field} ${date}`).toBe(true);
        expect(SopIdentityDraft.safeParse({ [field]: date }).success).toBe(true);
      }
    }
  });

  it('bounds every text field and list of a finished identity and of a draft, with an Indonesian message', () => {
    const longest = { short: 'n'.repeat(IDENTITY_LIMITS.short), title: 'n'.repeat(IDENTITY_LIMITS.title), paragraph: 'n'.repeat(IDENTITY_LIMITS.paragraph) };
    const list = (length: number, chars: number = IDENTITY_LIMITS.item) => Array.from({ length }, () => 'd'.repeat(chars));
    const atLimit = {
      ...FINISHED,
      nomor: longest.short,
      namaSop: longest.title,
      peringatan: longest.paragraph,
      disahkanOleh: { jabatan: longest.short, nama: longest.short, pangkat: longest.short, nip: FINISHED.disahkanOleh.nip },
      dasarHukum: list(IDENTITY_LIMITS.items),
      keterkaitan: list(IDENTITY_LIMITS.items),
      kualifikasiPelaksana: list(IDENTITY_LIMITS.items),
      peralatan: list(IDENTITY_LIMITS.items),
      pencatatan: list(IDENTITY_LIMITS.items),
    };
    expect(SopIdentity.safeParse(atLimit).success).toBe(true);
    expect(SopIdentityDraft.safeParse(atLimit).success).toBe(true);
    const over: Array<[string, object]> = [
      ['nomor', { nomor: `${longest.short}x` }],
      ['namaSop', { namaSop: `${longest.title}x` }],
      ['peringatan', { peringatan: `${longest.paragraph}x` }],
      ['disahkanOleh.nama', { disahkanOleh: { ...FINISHED.disahkanOleh, nama: `${longest.short}x` } }],
      ['disahkanOleh.nip', { disahkanOleh: { ...FINISHED.disahkanOleh, nip: '1'.repeat(10_000) } }],
      ...(['dasarHukum', 'keterkaitan', 'kualifikasiPelaksana', 'peralatan', 'pencatatan'] as const).flatMap((field): Array<[string, object]> => [
        [`${field} item`, { [field]: list(1, IDENTITY_LIMITS.item + 1) }],
        [`${field} count`, { [field]: list(IDENTITY_LIMITS.items + 1, 1) }],
      ]),
    ];
    for (const [label, change] of over) {
      for (const schema of [SopIdentity, SopIdentityDraft]) {
        const parsed = schema.safeParse({ ...FINISHED, ...change });
        expect(parsed.success, label).toBe(false);
        expect(parsed.error?.issues[0]?.message, label).toMatch(/Paling banyak|NIP/);
      }
    }
  });

  it('lists every required field of an empty draft, in the order of the header, blank values counting as missing', () => {
    expect(missingIdentityFields({}).map((f) => f.path)).toEqual(REQUIRED_IDENTITY_FIELDS.map((f) => f.path));
    expect(missingIdentityFields({ ...FINISHED, namaSop: '  ', peralatan: ['', ' '] }).map((f) => f.label)).toEqual(['Nama SOP', 'Peralatan/Perlengkapan']);
  });
});
