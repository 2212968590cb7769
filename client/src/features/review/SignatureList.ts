// The signed SOPs of a map in the Reviu panel: verification code, in force or withdrawn, Tanggal Efektif, the final
// PDF, the public verification page, and the wet-signed or e-signed scans uploaded back.
import type { Api } from '../../api/client';
import type { SignatureView } from '../../api/types';
import { h, replaceChildren } from '../../ui/dom';
import { UserFacingError, errorView } from '../../ui/errors';
import { formatBytes, formatDateTime } from '../../ui/format';
import { formatSopDate } from './reviewLabels';

const SCAN_TYPES: Record<string, string> = { pdf: 'application/pdf', png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg' };

/** The content type to send a scan with: the browser's, or from the file's extension; null for other kinds. */
export function scanContentType(file: Pick<File, 'name' | 'type'>): string | null {
  if (Object.values(SCAN_TYPES).includes(file.type)) return file.type;
  const extension = file.name.toLowerCase().split('.').pop() ?? '';
  return SCAN_TYPES[extension] ?? null;
}

export function withdrawnText(signature: SignatureView): string | null {
  const withdrawn = signature.withdrawn;
  if (!withdrawn) return null;
  const when = formatDateTime(withdrawn.at);
  return withdrawn.reason === 'diganti'
    ? `Diganti${withdrawn.replacedBy ? ` oleh ${withdrawn.replacedBy}` : ''} (${when})`
    : `Dicabut oleh ${withdrawn.by.name} (${when})${withdrawn.comment ? `: ${withdrawn.comment}` : ''}`;
}

export class SignatureList {
  readonly element = h('div', { class: 'signature-list', 'data-testid': 'signature-list' });

  constructor(
    private readonly api: Api,
    private readonly mapId: string,
    /** A scan was uploaded: the review is loaded again. */
    private readonly changed: () => void,
  ) {}

  show(signatures: readonly SignatureView[], canUpload: boolean): void {
    replaceChildren(
      this.element,
      signatures.length === 0
        ? h('p', { class: 'muted' }, 'Belum ada SOP yang disahkan.')
        : signatures.map((signature) => this.item(signature, canUpload)),
    );
  }

  private item(signature: SignatureView, canUpload: boolean): HTMLElement {
    const inForce = signature.status === 'berlaku';
    const error = h('div', { 'aria-live': 'assertive' });
    const input = h('input', { type: 'file', accept: '.pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg', class: 'visually-hidden', tabindex: -1, 'data-testid': 'scan-input' }) as HTMLInputElement;
    const upload = h('button', { type: 'button', class: 'button button-ghost', 'data-testid': 'scan-upload', onClick: () => input.click() }, 'Unggah pindaian');
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      input.value = '';
      if (file) void this.upload(signature, file, upload, error);
    });
    return h(
      'article',
      { class: `signature-item${inForce ? '' : ' is-withdrawn'}`, 'data-testid': 'signature', 'data-code': signature.code },
      h(
        'header',
        { class: 'signature-head' },
        h('code', { class: 'signature-code', 'data-testid': 'signature-code' }, signature.code),
        h('span', { class: `tag ${inForce ? 'tag-in-force' : 'tag-withdrawn'}` }, inForce ? 'berlaku' : 'dicabut'),
      ),
      h(
        'dl',
        { class: 'signature-facts' },
        h('dt', {}, 'Nama SOP'),
        h('dd', {}, signature.title),
        h('dt', {}, 'Tanggal Efektif'),
        h('dd', {}, formatSopDate(signature.tanggalEfektif)),
        h('dt', {}, 'Revisi'),
        h('dd', {}, `Revisi ${signature.revision}, identitas versi ${signature.sopVersion}`),
        h('dt', {}, 'Disahkan'),
        h('dd', {}, `${signature.signatory.nama} — ${formatDateTime(signature.signedAt)}`),
        signature.withdrawn && [h('dt', {}, 'Status'), h('dd', {}, withdrawnText(signature))],
      ),
      h(
        'div',
        { class: 'signature-links' },
        h('a', { class: 'button button-primary', href: signature.pdfUrl || this.api.signaturePdfUrl(this.mapId, signature.code), download: '', 'data-testid': 'signature-pdf' }, 'Unduh PDF bertanda tangan'),
        h('a', { class: 'button button-ghost', href: signature.verifyUrl, target: '_blank', rel: 'noopener', 'data-testid': 'signature-verify' }, 'Halaman verifikasi'),
        canUpload && [upload, input],
      ),
      signature.scans.length > 0 &&
        h(
          'ul',
          { class: 'signature-scans', 'aria-label': 'Pindaian yang diunggah' },
          signature.scans.map((scan) =>
            h(
              'li',
              {},
              h('a', { href: this.api.signatureScanUrl(this.mapId, signature.code, scan.sha256), download: scan.name || '', 'data-testid': 'signature-scan' }, scan.name || 'Pindaian'),
              h('span', { class: 'muted' }, ` ${formatBytes(scan.bytes)} · ${scan.by.name}, ${formatDateTime(scan.at)}`),
            ),
          ),
        ),
      error,
    );
  }

  private async upload(signature: SignatureView, file: File, button: HTMLButtonElement, error: HTMLElement): Promise<void> {
    replaceChildren(error);
    const type = scanContentType(file);
    if (!type) {
      replaceChildren(error, errorView(new UserFacingError(`Berkas “${file.name}” bukan PDF, PNG atau JPG.`)));
      return;
    }
    button.disabled = true;
    button.textContent = 'Mengunggah…';
    try {
      await this.api.uploadSignatureScan(this.mapId, signature.code, new File([file], file.name, { type }));
      this.changed();
    } catch (failure) {
      replaceChildren(error, errorView(failure, 'Pindaian belum terunggah'));
    } finally {
      button.disabled = false;
      button.textContent = 'Unggah pindaian';
    }
  }
}
