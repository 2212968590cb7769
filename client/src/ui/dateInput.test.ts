import { describe, expect, it } from 'vitest';
import { formatDmy, parseDmy } from './dateInput';

describe('dd/mm/yyyy date fields', () => {
  it('reads day/month/year, short forms included, into ISO dates of the calendar', () => {
    expect(parseDmy('17/08/2026')).toBe('2026-08-17');
    expect(parseDmy(' 7/8/2026 ')).toBe('2026-08-07');
    expect(parseDmy('29-02-2028')).toBe('2028-02-29');
    expect(parseDmy('17.08.2026')).toBe('2026-08-17');
    for (const bad of ['08/31/2026', '29/02/2026', '2026-08-17', '17/08/26', 'besok', '']) expect(parseDmy(bad), bad).toBeUndefined();
  });

  it('shows ISO dates as dd/mm/yyyy', () => {
    expect(formatDmy('2026-08-17')).toBe('17/08/2026');
    expect(formatDmy('')).toBe('');
  });
});
