// Working calendars per profile (ROLES.md §6; DPS Ps 16–17) and the conversion of durations into working time.
import { describe, expect, it } from 'vitest';
import { PROFILES } from '../../server/domain/vocabulary';
import { calendarOf, inWorkingTime, toWorkingMinutes, workingDaysPerWeek, workingMinutesPerDay, workingMinutesPerWeek } from '../../server/lint/calendar';
import { parseDuration } from '../../server/lint/map-model/mutu-baku';

describe('working calendars', () => {
  it('holds Denpasar to its Perwali: Mon–Thu 8 h, Fri 5 h 30 min, 37 h 30 min over five days', () => {
    const dps = calendarOf('denpasar');
    expect(dps.workingMinutesPerDay).toEqual([480, 480, 480, 480, 330]);
    expect(workingDaysPerWeek(dps)).toBe(5);
    expect(workingMinutesPerWeek(dps)).toBe(37.5 * 60);
    expect(dps.regional).toBe(true);
    expect(dps.label).toContain('Perwali Denpasar 69/2023 Pasal 16–17');
    expect(dps.grounds.join(' ')).toMatch(/Pasal 16.*Pasal 17/);
  });

  it('gives the profiles whose regulation is silent the national default of five 7 h 30 min days', () => {
    for (const profile of PROFILES.filter((p) => p !== 'denpasar')) {
      const calendar = calendarOf(profile);
      expect(calendar.regional, profile).toBe(false);
      expect(calendar.workingMinutesPerDay).toEqual([450, 450, 450, 450, 450]);
      expect(calendar.label).toContain('bawaan');
    }
  });

  it('turns durations into working minutes, hours and days', () => {
    const dps = calendarOf('denpasar');
    expect(workingMinutesPerDay(dps)).toBe(450);
    expect(toWorkingMinutes(parseDuration('1 hari 2 jam')!, dps)).toBe(450 + 120);
    expect(toWorkingMinutes(parseDuration('1 minggu')!, dps)).toBe(2250);
    expect(toWorkingMinutes(parseDuration('30 detik')!, dps)).toBe(0.5);
    expect(inWorkingTime(22 * 60, dps)).toEqual({ hours: 22, days: (22 * 60) / 450 });
    expect(inWorkingTime(2250, calendarOf('nasional'))).toEqual({ hours: 37.5, days: 5 });
  });
});
