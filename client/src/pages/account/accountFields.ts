// Form controls for an account's fields, shared by the first-run page and the user dialogs.
import { h, type Attrs } from '../../ui/dom';

export const USERNAME_HINT = '3–40 karakter: huruf kecil, angka, titik, garis bawah atau tanda hubung. Dipakai untuk masuk.';
export const NIP_HINT = 'Nomor Induk Pegawai, 18 angka.';

export function usernameInput(attrs: Attrs = {}): HTMLInputElement {
  return h('input', {
    type: 'text',
    name: 'username',
    required: true,
    maxlength: 40,
    pattern: '[a-z0-9._\\-]{3,40}',
    'data-pattern-message': 'Nama pengguna 3–40 karakter: huruf kecil, angka, titik, garis bawah atau tanda hubung.',
    'data-normalize': 'username',
    autocomplete: 'off',
    autocapitalize: 'none',
    spellcheck: 'false',
    ...attrs,
  });
}

export function personNameInput(value: string, attrs: Attrs = {}): HTMLInputElement {
  return h('input', { type: 'text', name: 'name', required: true, maxlength: 200, autocomplete: 'off', value, ...attrs });
}

export function nipInput(value: string, attrs: Attrs = {}): HTMLInputElement {
  return h('input', {
    type: 'text',
    name: 'nip',
    inputmode: 'numeric',
    maxlength: 30,
    pattern: '[0-9]{18}',
    'data-pattern-message': 'NIP terdiri atas 18 angka.',
    'data-normalize': 'nip',
    autocomplete: 'off',
    value,
    ...attrs,
  });
}

export function jabatanInput(value: string, attrs: Attrs = {}): HTMLInputElement {
  return h('input', { type: 'text', name: 'jabatan', required: true, maxlength: 200, autocomplete: 'off', value, placeholder: 'Mis. Analis Kebijakan Ahli Muda', ...attrs });
}
