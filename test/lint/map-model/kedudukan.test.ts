import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { jenjangFromName, kedudukanOf, KEDUDUKAN_TABLES } from '../../../server/lint/map-model/kedudukan';
import { ROOT } from '../../helpers/fixtures';

const JBR = KEDUDUKAN_TABLES.jembrana;
const GMS = KEDUDUKAN_TABLES['gunung-mas'];

describe('jenjang from lane names', () => {
  it.each([
    ['Analis Kebijakan Ahli Utama', 'ahli-utama'],
    ['Analis Kebijakan Ahli Madya', 'ahli-madya'],
    ['Pranata Komputer Ahli Muda', 'ahli-muda'],
    ['Perencana Ahli Pertama', 'ahli-pertama'],
    ['Pranata Komputer Terampil', 'keterampilan'],
    ['Arsiparis Penyelia', 'keterampilan'],
    ['Pranata Komputer', undefined],
    ['Pelaksana', undefined],
  ])('%s → %s', (name, jenjang) => {
    expect(jenjangFromName(name)).toBe(jenjang);
  });
});

describe('the kedudukan table of Jembrana (Pasal 8)', () => {
  it('places Ahli Utama and Ahli Madya of a dinas, badan, setda or setwan under the head (huruf a)', () => {
    for (const orgType of ['dinas', 'badan', 'setda', 'setwan'] as const) {
      expect(kedudukanOf(JBR, orgType, 'FUNGSIONAL', 'ahli-madya')).toMatchObject({ underHead: true, rows: [{ citation: 'Perbup Jembrana 35/2023 Pasal 8 huruf a' }] });
      expect(kedudukanOf(JBR, orgType, 'FUNGSIONAL', 'ahli-utama').underHead).toBe(true);
    }
  });

  it('places Ahli Muda, Ahli Pertama and Keterampilan there under a Pejabat Administrator (huruf b)', () => {
    expect(kedudukanOf(JBR, 'dinas', 'FUNGSIONAL', 'ahli-muda')).toMatchObject({ underHead: false, rows: [{ citation: 'Perbup Jembrana 35/2023 Pasal 8 huruf b' }] });
    expect(kedudukanOf(JBR, 'setda', 'FUNGSIONAL', 'keterampilan').underHead).toBe(false);
  });

  it('cannot tell for a JF of a dinas whose jenjang the name does not say', () => {
    expect(kedudukanOf(JBR, 'dinas', 'FUNGSIONAL').underHead).toBeUndefined();
  });

  it('places every JF of DPMPTSP, BRIDA, the Inspektorat and the kecamatan-like units under the head (huruf c–e)', () => {
    expect(kedudukanOf(JBR, 'dpmptsp', 'FUNGSIONAL', 'ahli-muda')).toMatchObject({ underHead: true, rows: [{ citation: 'Perbup Jembrana 35/2023 Pasal 8 huruf c' }] });
    expect(kedudukanOf(JBR, 'brida', 'FUNGSIONAL').underHead).toBe(true);
    expect(kedudukanOf(JBR, 'inspektorat', 'FUNGSIONAL').rows.map((r) => r.citation)).toEqual(['Perbup Jembrana 35/2023 Pasal 8 huruf e']);
    expect(kedudukanOf(JBR, 'kecamatan', 'FUNGSIONAL', 'ahli-pertama').rows[0]?.citation).toBe('Perbup Jembrana 35/2023 Pasal 8 huruf d');
  });

  it('places a Pelaksana under a Pejabat Administrator or Pengawas everywhere (huruf f)', () => {
    expect(kedudukanOf(JBR, 'dinas', 'PELAKSANA')).toMatchObject({ underHead: false, rows: [{ citation: 'Perbup Jembrana 35/2023 Pasal 8 huruf f' }] });
    expect(kedudukanOf(JBR, 'inspektorat', 'PELAKSANA').underHead).toBe(false);
  });
});

describe('the kedudukan table of Gunung Mas (Pasal 27, 30, 33, 36)', () => {
  it('places JF and Pelaksana of Setda and Setwan under the Kepala Bagian', () => {
    expect(kedudukanOf(GMS, 'setda', 'FUNGSIONAL', 'ahli-madya')).toMatchObject({ underHead: false, rows: [{ citation: 'Perbup Gunung Mas 18/2024 Pasal 27 ayat (2)' }] });
    expect(kedudukanOf(GMS, 'setwan', 'PELAKSANA').rows[0]?.citation).toBe('Perbup Gunung Mas 18/2024 Pasal 30 ayat (2)');
  });

  it('places JF and Pelaksana of the Inspektorat and of a Dinas/Badan under the head', () => {
    expect(kedudukanOf(GMS, 'inspektorat', 'FUNGSIONAL', 'ahli-pertama')).toMatchObject({ underHead: true, rows: [{ under: 'Inspektur' }] });
    expect(kedudukanOf(GMS, 'dinas', 'PELAKSANA')).toMatchObject({ underHead: true, rows: [{ citation: 'Perbup Gunung Mas 18/2024 Pasal 36 ayat (2)' }] });
    expect(kedudukanOf(GMS, 'badan', 'FUNGSIONAL', 'keterampilan').underHead).toBe(true);
  });

  it('does not stretch the articles to an Ahli Utama they do not name, nor to organisation types they do not list', () => {
    expect(kedudukanOf(GMS, 'dinas', 'FUNGSIONAL', 'ahli-utama')).toEqual({ underHead: false, rows: [] });
    expect(kedudukanOf(GMS, 'dinas', 'FUNGSIONAL').underHead).toBeUndefined();
    expect(kedudukanOf(GMS, 'kecamatan', 'FUNGSIONAL', 'ahli-muda')).toEqual({ underHead: false, rows: [] });
  });

  it('cites articles whose text names the jenjang and the superior the row gives', () => {
    const text = readFileSync(path.resolve(ROOT, '../shared/regulations/perbup-gunung-mas-18-2024.txt'), 'utf8');
    for (const row of GMS.rows) {
      const pasal = /Pasal (\d+)/.exec(row.citation)![1];
      const article = text.split(/\nPasal /).find((part) => part.startsWith(`${pasal}\n`)) ?? '';
      expect(article, row.citation).toContain('Pejabat Fungsional Ahli Madya, Pejabat Fungsional Ahli Muda, Pejabat Fungsional Ahli Pertama, Pejabat Fungsional Keterampilan dan Pelaksana');
      expect(article, row.citation).toContain(row.under === 'Kepala Dinas/Badan' ? 'Kepala Dinas/Badan' : row.under);
    }
  });
});
