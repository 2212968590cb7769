// lowerCaseId stands for toLocaleLowerCase('id') in the rules (it is several times faster): it must give the same text.
import { describe, expect, it } from 'vitest';
import { lowerCaseId } from '../../server/lint/lower-case';

describe('lowerCaseId', () => {
  // Planes 0 and 1 hold every cased letter of Unicode (the planes above: ideographs, private use, unassigned).
  it('lower-cases every code point of planes 0 and 1 as Indonesian does', () => {
    const differing: string[] = [];
    for (let code = 0; code <= 0x1ffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const text = String.fromCodePoint(code);
      if (lowerCaseId(text) !== text.toLocaleLowerCase('id')) differing.push(code.toString(16));
    }
    expect(differing).toEqual([]);
  });

  it.each(['Memverifikasi Berkas PERMOHONAN', 'İSTANBUL ıI', 'ΟΔΟΣ ΣΑΣ.', 'Kepala Sub Bagian Umum & Kepegawaian', 'I\u0307 J\u0301'])(
    'lower-cases "%s" as toLocaleLowerCase("id")',
    (text) => {
      expect(lowerCaseId(text)).toBe(text.toLocaleLowerCase('id'));
    },
  );
});
