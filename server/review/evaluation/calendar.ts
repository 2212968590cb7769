// Calendar arithmetic on dates written TTTT-BB-HH (no time of day, no time zone).

const parse = (date: string): [number, number, number] => {
  const [y, m, d] = date.split('-').map(Number);
  return [y!, m!, d!];
};

const daysIn = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

const format = (y: number, m: number, d: number): string => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** `date` plus `months` calendar months; the day is clamped to the month's last (2027-01-31 + 1 → 2027-02-28). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = parse(date);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return format(year, month, Math.min(d, daysIn(year, month)));
}

/** Whole calendar months from `from` to `to`: 0 while `to` is less than a month after `from`. */
export function monthsBetween(from: string, to: string): number {
  const [fy, fm] = parse(from);
  const [ty, tm] = parse(to);
  const months = (ty - fy) * 12 + (tm - fm);
  return addMonths(from, months) > to ? months - 1 : months;
}

/** Today's date (UTC) as TTTT-BB-HH. */
export const todayIso = (): string => new Date().toISOString().slice(0, 10);
