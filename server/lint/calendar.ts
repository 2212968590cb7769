// Working calendars per profile (ROLES.md §6): working minutes per weekday, used to turn the durations of an SOP's
// mutu baku into working hours and working days. Data with its grounds; pure code (it also runs in the browser).
import type { Profile } from '../domain/vocabulary';
import type { WorkingDuration } from './map-model/mutu-baku';

export interface WorkingCalendar {
  /** How messages name the calendar: "kalender Perwali Denpasar 69/2023 Pasal 16–17". */
  label: string;
  /** Working minutes of each working day, Monday first, breaks excluded. */
  workingMinutesPerDay: readonly number[];
  /** True when a regulation of the profile sets it; false for the national default the profile falls back on. */
  regional: boolean;
  /** Articles (or, for the default, the national rule) the figures come from. */
  grounds: string[];
}

/**
 * DPS Ps 16: five working days, Monday–Friday. Ps 17(1): 37 h 30 min a week without breaks — Monday to Thursday
 * 8 h each (07.30–16.30 WITA, break 12.00–13.00), Friday 5 h 30 min (07.30–14.30 WITA, break 11.30–13.00).
 */
const DENPASAR: WorkingCalendar = {
  label: 'kalender Perwali Denpasar 69/2023 Pasal 16–17',
  workingMinutesPerDay: [480, 480, 480, 480, 330],
  regional: true,
  grounds: ['Perwali Denpasar 69/2023 Pasal 16 ayat (1)–(2)', 'Perwali Denpasar 69/2023 Pasal 17 ayat (1)–(2)'],
};

/**
 * The default where a profile's regulation is silent (JBR, KLK, BDG, GMS and the national core say nothing of working
 * days or hours): five days of 7 h 30 min, i.e. the 37 h 30 min a week in five working days, Monday–Friday, that
 * Perpres 21/2023 sets for every government office (Pasal 3–4, as quoted by JDIH and press reports; its text is not
 * in the repository's regulations, so findings do not cite it). The even split over five days is ours: the Perpres
 * leaves the daily hours to each office.
 */
const NATIONAL_DEFAULT: WorkingCalendar = {
  label: 'kalender kerja bawaan 5 hari × 7,5 jam',
  workingMinutesPerDay: [450, 450, 450, 450, 450],
  regional: false,
  grounds: ['Perpres 21/2023 Pasal 3–4 (37 jam 30 menit dalam 5 hari kerja seminggu), dibagi rata per hari'],
};

const CALENDARS: Record<Profile, WorkingCalendar> = {
  nasional: NATIONAL_DEFAULT,
  jembrana: NATIONAL_DEFAULT,
  klungkung: NATIONAL_DEFAULT,
  badung: NATIONAL_DEFAULT,
  'gunung-mas': NATIONAL_DEFAULT,
  denpasar: DENPASAR,
};

export function calendarOf(profile: Profile): WorkingCalendar {
  return CALENDARS[profile];
}

export const workingDaysPerWeek = (calendar: WorkingCalendar) => calendar.workingMinutesPerDay.length;
export const workingMinutesPerWeek = (calendar: WorkingCalendar) => calendar.workingMinutesPerDay.reduce((sum, m) => sum + m, 0);
/** The average working day: an SOP's "1 hari" does not say which weekday it falls on. */
export const workingMinutesPerDay = (calendar: WorkingCalendar) => workingMinutesPerWeek(calendar) / workingDaysPerWeek(calendar);

/** A duration in working minutes under the calendar (a day is the average working day, a week the working week). */
export function toWorkingMinutes(duration: WorkingDuration, calendar: WorkingCalendar): number {
  return duration.minutes + duration.days * workingMinutesPerDay(calendar) + duration.weeks * workingMinutesPerWeek(calendar);
}

/** Working minutes as working hours and working days of the calendar. */
export function inWorkingTime(minutes: number, calendar: WorkingCalendar): { hours: number; days: number } {
  return { hours: minutes / 60, days: minutes / workingMinutesPerDay(calendar) };
}
