import { describe, expect, it } from 'vitest';
import { answerOf, EXTERNAL_VALUE, performerChange, performerDescription, performerOptions, performerValue, type PerformerOption } from './lanePerformer';

const values = (options: PerformerOption[]) => options.flatMap((o) => ('children' in o ? o.children.map((c) => c.value) : [o.value]));

describe('the lane choice "Jabatan / peran"', () => {
  it('offers the suggestions for the name first, then "Bukan jabatan pemda", the jabatan and the roles', () => {
    const options = performerOptions('Kasir', '');
    expect(options[1]).toEqual({ label: 'Saran dari nama jalur', children: [{ value: 'jabatan:PELAKSANA', label: 'Pelaksana' }] });
    expect(options[2]).toEqual({ value: EXTERNAL_VALUE, label: 'Bukan jabatan pemda (pihak luar)' });
    expect(values(options).filter((v) => v === 'jabatan:PELAKSANA')).toHaveLength(1);
    expect(values(options)).toContain('role:KETUA_TIM');
    expect(values(performerOptions('Pemohon', ''))).toEqual(expect.arrayContaining([EXTERNAL_VALUE]));
    // No suggestion without evidence, and none for a name the kamus reads.
    expect(performerOptions('Vendor 1', '')[1]).toEqual({ label: 'Saran dari nama jalur', children: [{ value: EXTERNAL_VALUE, label: 'Bukan jabatan pemda (pihak luar)' }] });
    expect(performerOptions('Ruang Control', '').some((o) => o.label === 'Saran dari nama jalur')).toBe(false);
    expect(performerOptions('Kepala Bidang', '').some((o) => o.label === 'Saran dari nama jalur')).toBe(false);
  });

  it('reads and writes the sk: attributes; an outside party holds no jabatan, role or level', () => {
    expect(performerValue({ external: true, jabatan: 'PELAKSANA' })).toBe(EXTERNAL_VALUE);
    expect(performerValue({ jabatan: 'PELAKSANA', role: 'KETUA_TIM' })).toBe('jabatan:PELAKSANA');
    expect(performerValue({ role: 'PENILAI_KINERJA PIMPINAN_UNIT' })).toBe('role:PENILAI_KINERJA');
    expect(performerChange(EXTERNAL_VALUE, {})).toEqual({ 'sk:external': true, 'sk:jabatan': undefined, 'sk:role': undefined, 'sk:level': undefined });
    expect(performerChange('jabatan:PELAKSANA', { external: true })).toEqual({ 'sk:jabatan': 'PELAKSANA', 'sk:external': undefined });
    expect(performerChange('role:KETUA_TIM', {})).toEqual({ 'sk:role': 'KETUA_TIM', 'sk:external': undefined });
    expect(performerChange('', { external: true })).toEqual({ 'sk:external': undefined });
    expect(performerChange('', { jabatan: 'PELAKSANA' })).toEqual({ 'sk:jabatan': undefined });
  });

  it('keeps an unknown declared code visible', () => {
    expect(performerOptions('Tim Hore', 'jabatan:KEPALA_GUDANG').at(-1)).toEqual({ value: 'jabatan:KEPALA_GUDANG', label: 'KEPALA_GUDANG (tidak dikenal)' });
  });

  it('says how the name was read, through the repository synonyms first', () => {
    expect(performerDescription('Kasir', {}, [{ name: 'kasir', jabatan: 'PELAKSANA' }])).toBe('Dibaca dari kamus repositori: Pelaksana.');
    expect(performerDescription('Kabid Pelayanan', {})).toBe('Dibaca dari nama jalur: Pejabat Administrator.');
    expect(performerDescription('Kasir', {})).toBe('Nama jalur tidak dikenali kamus jabatan; saran: Pelaksana.');
    expect(performerDescription('Kasir', { jabatan: 'PELAKSANA' })).toBe('Dinyatakan pada jalur ini (sk:).');
  });

  it('turns a choice into the import answer', () => {
    expect(answerOf('jabatan:PELAKSANA')).toEqual({ jabatan: 'PELAKSANA' });
    expect(answerOf('role:KETUA_TIM')).toEqual({ role: 'KETUA_TIM' });
    expect(answerOf(EXTERNAL_VALUE)).toEqual({ external: true });
    expect(answerOf('')).toBeUndefined();
    expect(performerOptions('Kasir', '', [], 'Nanti saja')[0]).toEqual({ value: '', label: 'Nanti saja' });
  });
});
