// Checking a form before it is sent, with Indonesian messages (native validation bubbles follow the browser's language).
import { h, replaceChildren } from './dom';

export type FormControl = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

function fieldLabel(control: FormControl): string {
  return control.labels?.[0]?.textContent?.replace(/\s*\(opsional\)\s*$/, '').trim() || 'Isian';
}

/** The Indonesian reason a control is invalid, or null. */
function invalidReason(control: FormControl): string | null {
  const { validity } = control;
  if (validity.valid) return null;
  const label = fieldLabel(control);
  // A reason set in code (setCustomValidity) is already written for the user.
  if (validity.customError) return control.validationMessage;
  if (validity.valueMissing) return `${label} wajib diisi.`;
  if (validity.tooShort && 'minLength' in control) return `${label} paling sedikit ${control.minLength} karakter.`;
  if (validity.tooLong && 'maxLength' in control) return `${label} paling panjang ${control.maxLength} karakter.`;
  if (validity.patternMismatch) return control.dataset.patternMessage ?? `${label} tidak sesuai format.`;
  return `${label} tidak valid.`;
}

const NORMALIZERS: Record<string, (value: string) => string> = {
  /** Usernames are lower case without spaces; the server lowercases them too, so show what will be kept. */
  username: (value) => value.trim().toLowerCase(),
  /** NIPs are often written in groups ("19800101 200501 1 001"); the server wants the 18 digits only. */
  nip: (value) => value.replace(/[\s.-]/g, ''),
};

/** Tidies a control marked `data-normalize="username|nip"` before it is checked. */
function normalize(control: FormControl): void {
  const normalizer = control.dataset.normalize ? NORMALIZERS[control.dataset.normalize] : undefined;
  if (normalizer) control.value = normalizer(control.value);
}

/**
 * Marks the form's invalid controls and lists why in `errorArea`; focuses the first one.
 * Resolves true when the form may be sent.
 */
export function checkForm(form: HTMLFormElement, errorArea: HTMLElement): boolean {
  replaceChildren(errorArea);
  const controls = Array.from(form.elements).filter(
    (control): control is FormControl =>
      control instanceof HTMLInputElement || control instanceof HTMLSelectElement || control instanceof HTMLTextAreaElement,
  );
  controls.forEach(normalize);
  const problems = controls
    .map((control) => {
      const reason = invalidReason(control);
      control.setAttribute('aria-invalid', String(reason !== null));
      return reason ? { control, reason } : null;
    })
    .filter((problem) => problem !== null);
  if (problems.length === 0) return true;
  replaceChildren(
    errorArea,
    h('div', { class: 'notice notice-error', role: 'alert' }, h('ul', {}, problems.map(({ reason }) => h('li', {}, reason)))),
  );
  problems[0].control.focus();
  errorArea.scrollIntoView({ block: 'nearest' });
  return false;
}

/** Keeps `confirm` invalid ("… tidak sama") until it repeats `password`. */
export function requireSamePassword(password: HTMLInputElement, confirm: HTMLInputElement): void {
  const check = (): void => {
    confirm.setCustomValidity(confirm.value && confirm.value !== password.value ? 'Ulangan kata sandi tidak sama dengan kata sandi.' : '');
  };
  password.addEventListener('input', check);
  confirm.addEventListener('input', check);
}

