// "Pengaturan" on the Pengguna page (administrators): the public address printed in the QR code of every signed SOP,
// shown and confirmed here (unless the server was started with --public-url), the pemda's time zone (times on the
// public verification page), and the trust proxy setting, shown with what it means (docs/security.md, Public
// address; Reverse proxy).
import type { AppContext } from '../../context';
import type { Settings, SignatureSetting, TimeZone } from '../../api/types';
import { field } from '../../ui/dialog';
import { h, replaceChildren } from '../../ui/dom';
import { errorMessage } from '../../ui/errors';

export function settingsPanel(context: AppContext): HTMLElement {
  const body = h('div', {}, h('p', { class: 'muted' }, 'Memuat pengaturan…'));
  const panel = h('section', { class: 'settings-panel', 'aria-labelledby': 'settings-title', 'data-testid': 'settings-panel' }, h('h2', { id: 'settings-title' }, 'Pengaturan'), body);
  const render = (settings: Settings) =>
    replaceChildren(body, publicUrlForm(context, settings, render), timeZoneForm(context, settings, render), signatureForm(context), trustProxyNote(settings));
  context.api.settings().then(render, (error: unknown) => replaceChildren(body, h('p', { class: 'notice notice-error' }, errorMessage(error))));
  return panel;
}

function publicUrlForm(context: AppContext, settings: Settings, render: (settings: Settings) => void): HTMLElement {
  const current = settings.publicUrl;
  if (current?.source === 'cli') {
    return h('p', { 'data-testid': 'settings-public-url' }, 'Alamat publik (kode QR SOP yang disahkan): ', h('strong', {}, current.url), ' — ditetapkan saat server dijalankan (--public-url atau PETAKERJA_PUBLIC_URL).');
  }
  const input = h('input', { type: 'url', required: true, maxlength: 200, value: current?.url ?? window.location.origin, 'data-testid': 'settings-public-url-input' }) as HTMLInputElement;
  const status = h('p', { role: 'status', 'data-testid': 'settings-public-url-status' },
    current ? `Dikonfirmasi oleh ${current.confirmedBy ?? 'administrator'}.` : 'Belum dikonfirmasi: SOP belum dapat disahkan sampai alamat ini disimpan.');
  const save = h('button', { type: 'submit', class: 'button button-secondary', 'data-testid': 'settings-public-url-save' }, current ? 'Simpan alamat' : 'Konfirmasi alamat');
  const form = h('form', { class: 'settings-form', 'data-testid': 'settings-public-url' },
    field('Alamat publik Petakerja', input, 'Dicetak pada kode QR setiap SOP yang disahkan; SOP yang sudah disahkan tidak berubah.'), save, status);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    save.disabled = true;
    context.api.setPublicUrl(input.value.trim()).then(
      (publicUrl) => render({ ...settings, publicUrl }),
      (error: unknown) => {
        save.disabled = false;
        status.textContent = errorMessage(error);
      },
    );
  });
  return form;
}

const TIME_ZONE_OPTIONS: Array<[TimeZone, string]> = [
  ['Asia/Jakarta', 'WIB — Waktu Indonesia Barat (Asia/Jakarta)'],
  ['Asia/Makassar', 'WITA — Waktu Indonesia Tengah (Asia/Makassar)'],
  ['Asia/Jayapura', 'WIT — Waktu Indonesia Timur (Asia/Jayapura)'],
];

function timeZoneForm(context: AppContext, settings: Settings, render: (settings: Settings) => void): HTMLElement {
  const current = settings.timeZone;
  const select = h('select', { 'data-testid': 'settings-time-zone-select' },
    ...TIME_ZONE_OPTIONS.map(([zone, label]) => h('option', { value: zone, ...(zone === current.zone ? { selected: true } : {}) }, label))) as HTMLSelectElement;
  const status = h('p', { role: 'status', 'data-testid': 'settings-time-zone-status' },
    current.source === 'admin' ? `Dipilih oleh ${current.changedBy ?? 'administrator'}.` : 'Bawaan menurut profil peraturan repositori.');
  const save = h('button', { type: 'submit', class: 'button button-secondary', 'data-testid': 'settings-time-zone-save' }, 'Simpan zona waktu');
  const form = h('form', { class: 'settings-form', 'data-testid': 'settings-time-zone' },
    field('Zona waktu pemerintah daerah', select, 'Waktu pengesahan dan pencabutan pada halaman verifikasi publik ditampilkan dalam zona ini.'), save, status);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    save.disabled = true;
    context.api.setTimeZone(select.value as TimeZone).then(
      (timeZone) => render({ ...settings, timeZone }),
      (error: unknown) => {
        save.disabled = false;
        status.textContent = errorMessage(error);
      },
    );
  });
  return form;
}

const NAME_MISMATCH_OPTIONS: Array<[SignatureSetting['nameMismatch'], string]> = [
  ['peringatan', 'Izinkan, dengan catatan pada halaman verifikasi'],
  ['tolak', 'Tolak pengesahan'],
];

/**
 * Certified electronic signatures (issue 19): the trust list — PEM certificates of the issuers (CA) whose certificates
 * the verification page calls trusted — and what happens when a certificate's name is not the pengesah's.
 */
function signatureForm(context: AppContext): HTMLElement {
  const pem = h('textarea', { rows: 6, spellcheck: false, class: 'mono', 'data-testid': 'settings-trust-list',
    placeholder: '-----BEGIN CERTIFICATE-----\n…\n-----END CERTIFICATE-----' }) as HTMLTextAreaElement;
  const policy = h('select', { 'data-testid': 'settings-name-mismatch' },
    ...NAME_MISMATCH_OPTIONS.map(([value, label]) => h('option', { value }, label))) as HTMLSelectElement;
  const tsa = h('input', { type: 'url', maxlength: 300, 'data-testid': 'settings-tsa-url', placeholder: 'https://tsa.example.go.id/tsr' }) as HTMLInputElement;
  const list = h('ul', { class: 'trust-list', 'data-testid': 'settings-trust-list-items' });
  const status = h('p', { role: 'status', 'data-testid': 'settings-signature-status' }, 'Memuat…');
  const save = h('button', { type: 'submit', class: 'button button-secondary', 'data-testid': 'settings-signature-save' }, 'Simpan pengaturan tanda tangan');
  const show = (setting: SignatureSetting, message: string) => {
    pem.value = setting.trustListPem;
    policy.value = setting.nameMismatch;
    tsa.value = setting.tsaUrl ?? '';
    replaceChildren(list, ...setting.certificates.map((cert) => h('li', {}, h('strong', {}, cert.commonName || cert.subject), ` — berlaku sampai ${cert.validTo.slice(0, 10)}`)));
    status.textContent = message;
  };
  context.api.signatureSettings().then(
    (setting) => show(setting, setting.certificates.length === 0 ? 'Belum ada sertifikat tepercaya: tanda tangan elektronik akan ditampilkan “tidak tepercaya”.' : `${setting.certificates.length} sertifikat tepercaya.`),
    (error: unknown) => (status.textContent = errorMessage(error)),
  );
  const form = h('form', { class: 'settings-form', 'data-testid': 'settings-signature' },
    h('h3', {}, 'Tanda tangan elektronik'),
    field('Sertifikat penerbit tepercaya (PEM)', pem, 'Tempel sertifikat CA berformat PEM, satu atau lebih. Halaman verifikasi menyatakan tanda tangan tepercaya bila sertifikat penanda tangan berantai ke salah satunya.'),
    list,
    field('Bila nama pada sertifikat berbeda dengan nama akun pengesah', policy),
    field('Alamat layanan cap waktu (TSA, RFC 3161)', tsa, 'Opsional. Bila diisi, setiap tanda tangan diberi cap waktu dari layanan ini (PAdES B-T); bila layanan tidak dapat dihubungi, pengesahan ditolak.'),
    save,
    status);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    save.disabled = true;
    context.api.setSignatureSettings({ trustListPem: pem.value, nameMismatch: policy.value as SignatureSetting['nameMismatch'], tsaUrl: tsa.value.trim() }).then(
      (setting) => {
        save.disabled = false;
        show(setting, `Tersimpan: ${setting.certificates.length} sertifikat tepercaya.`);
      },
      (error: unknown) => {
        save.disabled = false;
        status.textContent = errorMessage(error);
      },
    );
  });
  return form;
}

function trustProxyNote(settings: Settings): HTMLElement | false {
  if (settings.trustProxy === undefined) return false;
  const off = settings.trustProxy === 'false';
  return h(
    'p',
    { 'data-testid': 'settings-trust-proxy' },
    'Proksi tepercaya (--trust-proxy): ',
    h('strong', {}, off ? 'tidak ada' : settings.trustProxy),
    off
      ? ' — alamat pengguna diambil langsung dari sambungan.'
      : ' — alamat pengguna (untuk batas percobaan masuk dan log audit) diambil dari X-Forwarded-For. Bila tidak ada proksi di depan server, siapa pun dapat memalsukannya: matikan pengaturan ini.',
  );
}
