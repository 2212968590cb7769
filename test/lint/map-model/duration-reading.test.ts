// parseDuration remembers the texts it has read (maps repeat their times): each caller still gets its own reading.
import { describe, expect, it } from 'vitest';
import { parseDuration } from '../../../server/lint/map-model/mutu-baku';

describe('parseDuration, read again', () => {
  it('gives the same reading of a text read before, as a copy the caller may change', () => {
    const first = parseDuration('1 jam 30 menit')!;
    expect(first).toEqual({ minutes: 90, days: 0, weeks: 0 });
    first.minutes = 0;
    const second = parseDuration('1 jam 30 menit');
    expect(second).toEqual({ minutes: 90, days: 0, weeks: 0 });
    expect(second).not.toBe(first);
  });

  it('keeps reading texts right after many others have been read', () => {
    for (let n = 1; n <= 5000; n++) expect(parseDuration(`${n} menit`)).toEqual({ minutes: n, days: 0, weeks: 0 });
    expect(parseDuration('2 hari kerja')).toEqual({ minutes: 0, days: 2, weeks: 0 });
    expect(parseDuration('segera')).toBeUndefined();
    expect(parseDuration('segera')).toBeUndefined();
  });
});
