// Indonesian formatting of dates and sizes. Each formatter is built on its first use, not when the app's code is
// evaluated: the page's first Intl formatter loads the locale's data, the largest single cost of evaluating index.js
// at boot (issue 16), which the map page does not need before its first paint.

/** A value made on the first call and kept. */
function once<T>(make: () => T): () => T {
  let made: T | undefined;
  return () => (made ??= make());
}

const dateTime = once(() => new Intl.DateTimeFormat('id-ID', { dateStyle: 'medium', timeStyle: 'short' }));
const dateTimeSeconds = once(() => new Intl.DateTimeFormat('id-ID', { dateStyle: 'medium', timeStyle: 'medium' }));

/** "24 Nov 2026, 11.36"; with `seconds`, "24 Nov 2026, 11.36.33" (for the audit log). */
export function formatDateTime(iso: string, seconds = false): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return (seconds ? dateTimeSeconds : dateTime)().format(date);
}

const decimal = once(() => new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 }));

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${decimal().format(bytes / (1024 * 1024))} MB`;
  if (bytes >= 1024) return `${decimal().format(bytes / 1024)} KB`;
  return `${decimal().format(bytes)} bita`;
}

const integer = once(() => new Intl.NumberFormat('id-ID'));

/** "1.234": a whole number with the thousands grouped. */
export function formatCount(n: number): string {
  return integer().format(n);
}
