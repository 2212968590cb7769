// The identity reader (issue 17): a block label centred over its list ("Dasar Hukum:" centred in its cell, the list
// starting at the cell's left) keeps its list, and the list beside it stays with its own label.
import { describe, expect, it } from 'vitest';
import type { TextRun } from '../../server/sop-documents/pdf/page-graphics';
import { readIdentity } from '../../server/sop-documents/read-identity';

/** A run of 10 pt text at (x, y), about 5 units a letter. */
const run = (text: string, x: number, y: number): TextRun => ({ text, x, y, width: text.length * 5, size: 10 });

/** Two cells 300 units wide side by side; their labels placed by `align`, their lists at the cells' left. */
function page(align: 'left' | 'centre'): TextRun[] {
  const label = (text: string, cell: number) => run(text, cell * 300 + (align === 'left' ? 4 : (300 - text.length * 5) / 2), 100);
  return [
    run('Nomor SOP', 4, 40),
    run('800/1/SOP/2026', 150, 40),
    label('Dasar Hukum:', 0),
    label('Kualifikasi Pelaksana:', 1),
    run('1. Peraturan Menteri PANRB Nomor 35 Tahun 2012', 4, 114),
    run('2. Peraturan Bupati Nomor 12 Tahun 2025', 4, 128),
    run('1. Memahami tugas dan fungsi unit', 304, 114),
    run('2. Mampu mengoperasikan komputer', 304, 128),
  ];
}

describe('the identity read from positioned text', () => {
  for (const align of ['left', 'centre'] as const) {
    it(`block labels ${align === 'left' ? 'at the left of' : 'centred over'} their lists keep their own lists`, () => {
      const identity = readIdentity(page(align));
      expect(identity.nomor).toBe('800/1/SOP/2026');
      expect(identity.dasarHukum).toEqual(['Peraturan Menteri PANRB Nomor 35 Tahun 2012', 'Peraturan Bupati Nomor 12 Tahun 2025']);
      expect(identity.kualifikasiPelaksana).toEqual(['Memahami tugas dan fungsi unit', 'Mampu mengoperasikan komputer']);
    });
  }

  it('a label centred alone over its list (one column) keeps the list that starts left of it', () => {
    const identity = readIdentity([run('Dasar Hukum:', 250, 100), run('1. Undang-Undang Nomor 23 Tahun 2014', 4, 114), run('2. Peraturan Daerah Nomor 5 Tahun 2020', 4, 128)]);
    expect(identity.dasarHukum).toEqual(['Undang-Undang Nomor 23 Tahun 2014', 'Peraturan Daerah Nomor 5 Tahun 2020']);
  });
});
