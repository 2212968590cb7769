// The identity part of the SOP (SOP-FORMAT.md §1): letterhead with logo and names on the left, Nomor SOP, the dates,
// Disahkan oleh (jabatan, space for the signature, nama, pangkat, NIP) and Nama SOP on the right; then the six boxes.
// A field not yet filled prints as "…" so a draft renders whole.
import type { SopIdentityDraft } from '../identity.schema';
import { escapeHtml } from './html-escape';

export interface Letterhead {
  pemda?: string;
  unit?: string;
  subUnit?: string;
  /** An image as a data: URL (the document makes no outside requests; other URLs are ignored). */
  logoDataUrl?: string;
}

export const EMPTY_FIELD = '…';
/** Tanggal Revisi of an SOP not yet revised. */
export const NO_REVISION = '-';

export const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];

/** "2026-01-02" → "2 Januari 2026"; anything else is printed as it is. */
export function formatTanggal(value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!match) return value;
  const month = MONTHS[Number(match[2]) - 1];
  return month ? `${Number(match[3])} ${month} ${match[1]}` : value;
}

/** A NIP of 18 digits grouped as printed: "19700101 199503 1 001". */
export function formatNip(value: string): string {
  const digits = value.replace(/\s+/g, '');
  return /^\d{18}$/.test(digits) ? `${digits.slice(0, 8)} ${digits.slice(8, 14)} ${digits.slice(14, 15)} ${digits.slice(15)}` : value;
}

const filled = (value: string | undefined): value is string => value !== undefined && value.trim() !== '';
const text = (value: string | undefined): string => (filled(value) ? escapeHtml(value.trim()) : `<span class="empty">${EMPTY_FIELD}</span>`);
const date = (value: string | undefined): string => (filled(value) ? escapeHtml(formatTanggal(value)) : `<span class="empty">${EMPTY_FIELD}</span>`);

function list(items: string[] | undefined): string {
  const present = (items ?? []).filter(filled);
  if (present.length === 0) return `<div><span class="empty">${EMPTY_FIELD}</span></div>`;
  if (present.length === 1) return `<div>${escapeHtml(present[0]!.trim())}</div>`;
  return `<ol>${present.map((item) => `<li>${escapeHtml(item.trim())}</li>`).join('')}</ol>`;
}

const field = (label: string, value: string, className = ''): string =>
  `<tr${className ? ` class="${className}"` : ''}><td class="label">${label}</td><td class="colon">:</td><td>${value}</td></tr>`;

function letterheadCell(letterhead: Letterhead): string {
  const logo = letterhead.logoDataUrl && /^data:image\/(png|jpeg|gif|webp|svg\+xml)[;,]/i.test(letterhead.logoDataUrl) ? `<img src="${escapeHtml(letterhead.logoDataUrl)}" alt="Logo">` : '';
  return [
    '<td class="letterhead">',
    logo,
    `<div class="pemda">${text(letterhead.pemda)}</div>`,
    `<div class="unit">${text(letterhead.unit)}</div>`,
    filled(letterhead.subUnit) ? `<div class="sub-unit">${escapeHtml(letterhead.subUnit.trim())}</div>` : '',
    '</td>',
  ].join('');
}

/**
 * What a signed SOP prints beside its signature (issue 6): the QR code of its public verification page, the code and
 * the revision. `qrSvg` is our own QR (server/review/signature/qr.ts), inserted as it is.
 */
export interface IdentityVerification {
  code: string;
  url: string;
  revision: number;
  qrSvg: string;
  /**
   * Signed with a certificate (issue 19): the room for the wet signature becomes the electronic signature's box, a
   * link to `<url>#tte` whose rectangle the signer reads from the printed PDF to place the visible signature there.
   */
  electronic?: boolean;
}

/** The fragment that marks the electronic signature's box in the printed PDF (server/review/signature/pades/). */
export const ELECTRONIC_SIGNATURE_ANCHOR = '#tte';

/** An address that may wrap after a slash but never inside its last part (the code). */
function breakableUrl(url: string): string {
  const cut = url.lastIndexOf('/') + 1;
  const head = escapeHtml(url.slice(0, cut)).replace(/\/(?!\/)/g, '/<wbr>');
  return `${head}<span class="nowrap">${escapeHtml(url.slice(cut))}</span>`;
}

function signature(identity: SopIdentityDraft, verification?: IdentityVerification): string {
  const official = identity.disahkanOleh ?? {};
  const space = verification?.electronic
    ? `<a class="space tte" href="${escapeHtml(verification.url + ELECTRONIC_SIGNATURE_ANCHOR)}" aria-label="Tanda tangan elektronik"></a>`
    : '<div class="space"></div>';
  const signatory = [
    `<div class="jabatan">${text(official.jabatan)}</div>`,
    space,
    `<div class="nama">${text(official.nama)}</div>`,
    `<div class="pangkat">${text(official.pangkat)}</div>`,
    `<div class="nip">NIP. ${filled(official.nip) ? escapeHtml(formatNip(official.nip)) : `<span class="empty">${EMPTY_FIELD}</span>`}</div>`,
  ].join('');
  if (!verification) return signatory;
  return [
    `<div class="signed"><div class="signatory">${signatory}</div>`,
    `<div class="verification" data-code="${escapeHtml(verification.code)}"><div class="qr">${verification.qrSvg}</div>`,
    `<div class="code">${escapeHtml(verification.code)}</div><div class="revision">Revisi ${verification.revision}</div></div></div>`,
    `<div class="verify-url">Pindai untuk memeriksa keaslian: <span class="url">${breakableUrl(verification.url)}</span></div>`,
  ].join('');
}

const box = (title: string, body: string): string => `<td><div class="box-title">${title}:</div>${body}</td>`;

/** The identity table as HTML (the content of the identity page). */
export function identityTable(identity: SopIdentityDraft, letterhead: Letterhead, title: string, verification?: IdentityVerification): string {
  const namaSop = filled(identity.namaSop) ? identity.namaSop : title;
  const fields = [
    field('Nomor SOP', text(identity.nomor)),
    field('Tanggal Pembuatan', date(identity.tanggalPembuatan)),
    // A first issue has no revision date: the form prints "-" (SOP-FORMAT.md §1), not a field left to fill.
    field('Tanggal Revisi', filled(identity.tanggalRevisi) ? date(identity.tanggalRevisi) : NO_REVISION),
    field('Tanggal Efektif', date(identity.tanggalEfektif)),
    field('Disahkan oleh', signature(identity, verification), 'signature'),
    field('Nama SOP', `<span class="nama-sop">${text(namaSop)}</span>`),
  ].join('');
  return [
    '<table class="identity-table">',
    `<tr>${letterheadCell(letterhead)}<td class="fields"><table>${fields}</table></td></tr>`,
    `<tr>${box('Dasar Hukum', list(identity.dasarHukum))}${box('Kualifikasi Pelaksana', list(identity.kualifikasiPelaksana))}</tr>`,
    `<tr>${box('Keterkaitan', list(identity.keterkaitan))}${box('Peralatan/Perlengkapan', list(identity.peralatan))}</tr>`,
    `<tr>${box('Peringatan', list(identity.peringatan === undefined ? [] : [identity.peringatan]))}${box('Pencatatan dan Pendataan', list(identity.pencatatan))}</tr>`,
    '</table>',
  ].join('');
}
