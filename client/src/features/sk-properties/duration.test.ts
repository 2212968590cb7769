import { describe, expect, it } from 'vitest';
import { durationWarning, joinDuration, splitDuration } from './duration';

describe('mutu baku waktu in the properties panel', () => {
  it('stores a number and a unit as the text the SOP prints', () => {
    expect(joinDuration('2', 'jam')).toBe('2 jam');
    expect(joinDuration('1.5', 'jam')).toBe('1,5 jam');
    expect(joinDuration('30', 'menit')).toBe('30 menit');
    expect(joinDuration('1', 'hari kerja')).toBe('1 hari kerja');
    expect(joinDuration('dua', 'jam')).toBeUndefined();
    expect(joinDuration('0', 'jam')).toBeUndefined();
  });

  it('shows stored times, ISO ones included, as a number and a unit', () => {
    expect(splitDuration('2 jam')).toEqual({ amount: '2', unit: 'jam' });
    expect(splitDuration('1,5 jam')).toEqual({ amount: '1,5', unit: 'jam' });
    expect(splitDuration('PT2H')).toEqual({ amount: '2', unit: 'jam' });
    expect(splitDuration('PT45M')).toEqual({ amount: '45', unit: 'menit' });
    expect(splitDuration('P1D')).toEqual({ amount: '1', unit: 'hari kerja' });
    expect(splitDuration('2 minggu')).toEqual({ amount: '2', unit: 'minggu kerja' });
    expect(splitDuration('1 hari 2 jam')).toBeUndefined();
    expect(splitDuration('segera')).toBeUndefined();
  });

  it('warns where the linter cannot read the time, and only there', () => {
    for (const readable of ['', '2 jam', 'PT2H', 'dua jam', '1 jam 30 menit', 'maks. 3 hari']) expect(durationWarning(readable), readable).toBeNull();
    for (const unreadable of ['segera', '1 bulan', 'dua jem', 'secepatnya']) expect(durationWarning(unreadable), unreadable).toContain('tidak terbaca sebagai lama waktu');
  });
});
