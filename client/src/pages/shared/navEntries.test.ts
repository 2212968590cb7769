import { describe, expect, it } from 'vitest';
import { navEntries } from './navEntries';

const labels = (...args: Parameters<typeof navEntries>) => navEntries(...args).map((entry) => `${entry.group}:${entry.label}`);

describe('navigation entries per role', () => {
  it('gives every role "Peta proses", the bureau the repository pages and administrators theirs', () => {
    expect(labels({ roles: ['admin'] }, true)).toEqual(['kerja:Peta proses', 'kerja:Evaluasi SOP', 'kerja:Dasbor', 'kerja:Pemeriksaan repositori', 'admin:Pengguna', 'admin:Log audit']);
    expect(labels({ roles: ['penyusun'] }, true)).toEqual(['kerja:Peta proses', 'kerja:Evaluasi SOP', 'kerja:Dasbor', 'kerja:Pemeriksaan repositori']);
    for (const role of ['reviewer', 'pengesah', 'pembaca'] as const) {
      expect(labels({ roles: [role] }, false)).toEqual(['kerja:Peta proses', 'kerja:Evaluasi SOP']);
    }
    // The province role reads every unit of the pemda it reads.
    expect(labels({ roles: ['pembina'] }, true)).toEqual(['kerja:Peta proses', 'kerja:Evaluasi SOP', 'kerja:Dasbor', 'kerja:Pemeriksaan repositori']);
  });
});
