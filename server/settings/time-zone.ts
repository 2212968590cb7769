// The pemda's time zone (issue 15, item 7): the times of the public verification page are shown in it, with the
// zone's Indonesian abbreviation. Indonesia has three: WIB, WITA, WIT. The default follows the repository's
// regulation profile (Bali's regencies are WITA, Gunung Mas in Kalimantan Tengah is WIB; the national core WIB);
// an administrator may change it (settings.json).
import { z } from 'zod';
import type { Profile } from '../domain/vocabulary';

export const TIME_ZONES = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'] as const;
export const TimeZone = z.enum(TIME_ZONES, { error: 'Zona waktu harus salah satu dari WIB (Asia/Jakarta), WITA (Asia/Makassar) atau WIT (Asia/Jayapura).' });
export type TimeZone = z.infer<typeof TimeZone>;

export const TIME_ZONE_ABBREVIATIONS: Record<TimeZone, 'WIB' | 'WITA' | 'WIT'> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
};

const PROFILE_TIME_ZONES: Record<Profile, TimeZone> = {
  nasional: 'Asia/Jakarta',
  jembrana: 'Asia/Makassar',
  klungkung: 'Asia/Makassar',
  badung: 'Asia/Makassar',
  denpasar: 'Asia/Makassar',
  'gunung-mas': 'Asia/Jakarta',
};

export function defaultTimeZone(profile: Profile | undefined): TimeZone {
  return PROFILE_TIME_ZONES[profile ?? 'nasional'];
}

const DATE_TIME_PARTS = new Map<TimeZone, Intl.DateTimeFormat>();

/** "2026-11-26T01:15:00.000Z" in Asia/Makassar → "26 November 2026 pukul 09.15 WITA"; an unreadable text is returned as is. */
export function formatWaktuIn(iso: string, zone: TimeZone): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return iso;
  let format = DATE_TIME_PARTS.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('id-ID', { timeZone: zone, day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    DATE_TIME_PARTS.set(zone, format);
  }
  const part = (type: Intl.DateTimeFormatPartTypes) => format.formatToParts(instant).find((candidate) => candidate.type === type)?.value ?? '';
  return `${part('day')} ${part('month')} ${part('year')} pukul ${part('hour')}.${part('minute')} ${TIME_ZONE_ABBREVIATIONS[zone]}`;
}

const DATES = new Map<TimeZone, Intl.DateTimeFormat>();

/** The calendar date (YYYY-MM-DD) of an instant in the pemda's zone: 21:30 UTC on 7 December is 8 December in WIB. */
export function dateIn(instant: Date, zone: TimeZone): string {
  let format = DATES.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
    DATES.set(zone, format);
  }
  return format.format(instant);
}
