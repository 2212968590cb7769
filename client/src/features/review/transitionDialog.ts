// The dialog behind each lifecycle button: a comment (required where the other side must read a reason) and, for
// sahkan, the Tanggal Efektif with a summary of what will be signed.
import type { ReviewView, SopVersion } from '../../api/types';
import { field, openFormDialog, type DialogHandle } from '../../ui/dialog';
import { dateInput, isoDate } from '../../ui/dateInput';
import { h } from '../../ui/dom';
import { UserFacingError } from '../../ui/errors';
import { STATE_LABELS, todayIso } from './reviewLabels';
import type { CertificateUpload } from '../../../../server/review/review.api.schema';

export type ReviewActionOption = ReviewView['actions'][number];

export interface TransitionInput {
  comment: string;
  tanggalEfektif?: string;
  /** Signing with a certificate (issue 19): the PKCS#12 file as base64 and its passphrase, sent once. */
  certificate?: CertificateUpload;
}

/** The server refuses larger files (review.api.schema.ts, MAX_P12_BASE64). */
const MAX_P12_BYTES = 64 * 1024;

async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** "Tanda tangani dengan sertifikat elektronik": a checkbox that shows the file and passphrase fields. */
function certificateFields(): { element: HTMLElement; read(): Promise<TransitionInput['certificate']> } {
  const use = h('input', { type: 'checkbox', 'data-testid': 'sign-with-certificate' }) as HTMLInputElement;
  const file = h('input', { type: 'file', accept: '.p12,.pfx,application/x-pkcs12', 'data-testid': 'certificate-file' }) as HTMLInputElement;
  const passphrase = h('input', { type: 'password', autocomplete: 'off', maxlength: 500, 'data-testid': 'certificate-passphrase' }) as HTMLInputElement;
  const details = h(
    'div',
    { class: 'certificate-fields', hidden: true },
    field('Berkas sertifikat (.p12 atau .pfx)', file, 'Sertifikat elektronik Anda beserta kuncinya; hanya dipakai untuk penandatanganan ini dan tidak disimpan.'),
    field('Kata sandi sertifikat', passphrase),
  );
  use.addEventListener('change', () => {
    details.hidden = !use.checked;
    file.required = use.checked;
    passphrase.required = use.checked;
    if (use.checked) file.focus();
  });
  const label = h('label', { class: 'checkbox-field' }, use, ' Tanda tangani dengan sertifikat elektronik');
  return {
    element: h('div', { class: 'field', 'data-testid': 'certificate-section' }, label, details),
    async read() {
      if (!use.checked) return undefined;
      const chosen = file.files?.[0];
      if (!chosen) {
        file.focus();
        throw new UserFacingError('Pilih berkas sertifikat (.p12 atau .pfx).');
      }
      if (chosen.size > MAX_P12_BYTES) {
        file.focus();
        throw new UserFacingError('Berkas sertifikat terlalu besar (paling besar 64 KB). Pilih berkas .p12/.pfx sertifikat tanda tangan Anda.');
      }
      const value = { p12Base64: await base64Of(chosen), passphrase: passphrase.value };
      return value;
    },
  };
}

/** What the signatory reads before signing: the revision, Nama SOP and who signs, as the SOP identity says. */
export function signingSummary(view: ReviewView, identity: SopVersion['identity'] | null): Array<[string, string]> {
  const revision = view.submitted?.revision ?? view.mapRevision;
  const official = identity?.disahkanOleh;
  return [
    ['Revisi peta', `Revisi ${revision}${view.submitted ? `, identitas SOP versi ${view.submitted.sopVersion}` : ''}`],
    ['Nama SOP', identity?.namaSop || '(belum diisi)'],
    ['Nomor SOP', identity?.nomor || '(belum diisi)'],
    ['Ditandatangani oleh', official ? [official.jabatan, official.nama, official.nip && `NIP ${official.nip}`].filter(Boolean).join(' — ') : '(belum diisi)'],
  ];
}

export function openTransitionDialog(options: {
  action: ReviewActionOption;
  view: ReviewView;
  /** The SOP identity in force, for the signing summary (sahkan only). */
  identity?: SopVersion['identity'] | null;
  /** The confirmed public address printed in the QR code (sahkan only); null while none is, undefined when unknown. */
  publicUrl?: string | null;
  onSubmit(input: TransitionInput): Promise<void>;
}): DialogHandle {
  const { action } = options;
  const comment = h('textarea', {
    name: 'comment',
    rows: 4,
    maxlength: 4000,
    required: action.commentRequired,
    autofocus: true,
    'data-testid': 'transition-comment',
  }) as HTMLTextAreaElement;
  const signing = action.action === 'sahkan';
  const date = dateInput({ name: 'tanggalEfektif', required: true, value: todayIso(), 'data-testid': 'transition-date' });
  const danger = action.action === 'cabut';
  const certificate = signing ? certificateFields() : undefined;
  return openFormDialog({
    title: action.label,
    submitLabel: action.label,
    busyLabel: 'Memproses…',
    submitTestId: 'transition-submit',
    errorTestId: 'transition-error',
    className: danger ? 'review-dialog is-danger' : 'review-dialog',
    fields: [
      h('p', { class: 'dialog-intro' }, `Status berubah dari “${STATE_LABELS[options.view.state]}” menjadi “${STATE_LABELS[action.to]}”.`),
      signing &&
        h(
          'dl',
          { class: 'review-summary', 'data-testid': 'signing-summary' },
          signingSummary(options.view, options.identity ?? null).map(([term, value]) => [h('dt', {}, term), h('dd', {}, value)]),
        ),
      signing &&
        (options.publicUrl
          ? h('p', { class: 'dialog-note', 'data-testid': 'signing-public-url' }, 'Alamat pada kode QR verifikasi: ', h('strong', {}, options.publicUrl))
          : options.publicUrl === null &&
            h(
              'p',
              { class: 'notice notice-error', role: 'alert', 'data-testid': 'signing-public-url' },
              'Alamat publik Petakerja belum dikonfirmasi administrator; SOP belum dapat disahkan. Minta administrator mengisinya di halaman Pengguna.',
            )),
      certificate?.element,
      signing && field('Tanggal Efektif', date, 'Tanggal berlakunya SOP (hh/bb/tttt); dicetak pada dokumen yang ditandatangani.'),
      field(
        action.commentRequired ? 'Alasan' : 'Komentar (opsional)',
        comment,
        action.commentRequired ? 'Wajib diisi: pihak lain membaca alasan ini.' : 'Dicatat pada riwayat reviu.',
      ),
      signing && h('p', { class: 'dialog-note' }, 'PDF final dibuat sekali, diberi kode verifikasi dan kode QR, dan tidak dapat diubah lagi.'),
    ],
    onSubmit: async () => {
      const cert = await certificate?.read();
      return options.onSubmit({ comment: comment.value.trim(), tanggalEfektif: signing ? isoDate(date) : undefined, ...(cert ? { certificate: cert } : {}) });
    },
  });
}
