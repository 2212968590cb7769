// Date fields that show and take dd/mm/yyyy whatever the browser's locale (issue 15, item 7): a text field with a
// validated pattern instead of <input type=date>, whose display follows the browser (mm/dd/yyyy in an English one).
// The server still exchanges dates as ISO YYYY-MM-DD; isoDate() and setIsoDate() convert at the field.
import { h, type Attrs } from './dom';

export const DATE_FORMAT_HINT = 'hh/bb/tttt';
const INVALID = 'Tanggal ditulis hh/bb/tttt (hari/bulan/tahun), misalnya 17/08/2026.';
const DMY = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/;

/** "17/08/2026" → "2026-08-17"; undefined when the text is not a date of the calendar (31/02/2026 is not). */
export function parseDmy(text: string): string | undefined {
  const match = DMY.exec(text);
  if (!match) return undefined;
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${match[3]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** "2026-08-17" → "17/08/2026"; other text is returned unchanged. */
export function formatDmy(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : iso;
}

/** Marks the field invalid (the browser's own validation then shows the Indonesian message) unless empty or a date. */
function validate(input: HTMLInputElement): void {
  const bad = input.value.trim() !== '' && parseDmy(input.value) === undefined;
  const label = input.labels?.[0]?.textContent?.trim() || input.getAttribute('aria-label');
  input.setCustomValidity(bad ? (label ? `${label}: ${INVALID.charAt(0).toLowerCase()}${INVALID.slice(1)}` : INVALID) : '');
  if (bad) input.setAttribute('aria-invalid', 'true');
  else input.removeAttribute('aria-invalid');
}

/** A date field: `value` (ISO) is shown as dd/mm/yyyy; `attrs` as for h() (name, required, data-testid, aria-label…). */
export function dateInput(attrs: Attrs & { value?: string } = {}): HTMLInputElement {
  const { value, ...rest } = attrs;
  const input = h('input', {
    type: 'text',
    inputmode: 'numeric',
    autocomplete: 'off',
    maxlength: 10,
    placeholder: DATE_FORMAT_HINT,
    title: `Tanggal (${DATE_FORMAT_HINT})`,
    'data-date-input': true,
    ...rest,
    value: typeof value === 'string' ? formatDmy(value) : undefined,
  });
  input.addEventListener('input', () => validate(input));
  input.addEventListener('change', () => {
    // "1/8/2026" becomes "01/08/2026" once the user leaves the field.
    const iso = parseDmy(input.value);
    if (iso) input.value = formatDmy(iso);
    validate(input);
  });
  return input;
}

/** The field's date as YYYY-MM-DD, '' when empty, undefined when the text is not a date. */
export function isoDate(input: HTMLInputElement): string | undefined {
  return input.value.trim() === '' ? '' : parseDmy(input.value);
}

export function setIsoDate(input: HTMLInputElement, iso: string): void {
  input.value = formatDmy(iso);
  validate(input);
}
