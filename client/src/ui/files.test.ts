import { describe, expect, it } from 'vitest';
import { baseName, exportFileName } from './files';

describe('exportFileName', () => {
  it('builds the name from the map code and a plain-letter slug of its name', () => {
    expect(exportFileName({ code: '1.2', name: 'Pelayanan Perizinan Berusaha' }, 'bpmn')).toBe('1.2-pelayanan-perizinan-berusaha.bpmn');
  });

  it('marks an old revision and drops characters file systems dislike', () => {
    expect(exportFileName({ code: '3', name: 'Évaluasi: SAKIP / LKjIP?' }, 'svg', 4)).toBe('3-evaluasi-sakip-lkjip-revisi-4.svg');
  });
});

describe('baseName', () => {
  it('names an imported map after its file without the extension', () => {
    expect(baseName('Peta Relasi.bpmn')).toBe('Peta Relasi');
    expect(baseName('alur.BPMN2')).toBe('alur');
    expect(baseName('ekspor.xml')).toBe('ekspor');
  });
});
