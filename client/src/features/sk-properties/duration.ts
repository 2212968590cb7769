// The mutu baku waktu (sk:time) as the properties panel offers it: a number and a unit, stored as the text the SOP
// prints ("2 jam", "30 menit", "1 hari kerja"), which BPMN-CONVENTIONS.md allows beside ISO durations (PT2H, P1D).
// Readability is judged by the linter's own parser, so the panel warns exactly where sop/quality-standard does.
import { parseDuration } from '../../../../server/lint/map-model/mutu-baku';

export const DURATION_UNITS = ['menit', 'jam', 'hari kerja', 'minggu kerja'] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];

const AMOUNT = /^\s*(\d+(?:[.,]\d+)?)\s*$/;

/** "1.5" or "1,5" → "1,5" (Indonesian decimal comma); undefined when not a positive number. */
export function normaliseAmount(text: string): string | undefined {
  const match = AMOUNT.exec(text);
  if (!match || Number(match[1]!.replace(',', '.')) <= 0) return undefined;
  return match[1]!.replace('.', ',');
}

/** The text stored for an amount and a unit: "2 jam". */
export function joinDuration(amount: string, unit: DurationUnit): string | undefined {
  const normalised = normaliseAmount(amount);
  return normalised === undefined ? undefined : `${normalised} ${unit}`;
}

const formatAmount = (value: number): string => String(Math.round(value * 100) / 100).replace('.', ',');

/**
 * The number and unit that show a stored time: "2 jam" → 2 jam, "PT30M" → 30 menit, "dua jam" → 2 jam, "P1D" → 1
 * hari kerja; undefined when the text is not a duration, or mixes days with hours ("1 hari 2 jam").
 */
export function splitDuration(text: string): { amount: string; unit: DurationUnit } | undefined {
  const duration = parseDuration(text);
  if (!duration) return undefined;
  const { minutes, days, weeks } = duration;
  const kinds = [minutes, days, weeks].filter((value) => value > 0).length;
  if (kinds !== 1) return undefined;
  if (weeks > 0) return { amount: formatAmount(weeks), unit: 'minggu kerja' };
  if (days > 0) return { amount: formatAmount(days), unit: 'hari kerja' };
  if (minutes >= 60 && minutes % 30 === 0) return { amount: formatAmount(minutes / 60), unit: 'jam' };
  return { amount: formatAmount(minutes), unit: 'menit' };
}

/** The warning for a stored time the linter cannot read (as sop/quality-standard words it), or null. */
export function durationWarning(text: string): string | null {
  if (text.trim() === '' || parseDuration(text)) return null;
  return `Waktu "${text.trim()}" tidak terbaca sebagai lama waktu; isi angka dan satuannya, mis. 30 menit, 2 jam atau 1 hari kerja.`;
}
