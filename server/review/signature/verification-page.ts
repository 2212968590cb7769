// The public verification page of a signed SOP (/verifikasi/<code>), opened from the QR code printed on it: title,
// unit, revision, the PDF's sha256 and whether the SOP is in force (berlaku) or not (dicabut). Anyone can check a PDF
// they hold against the recorded hash with a plain form (no page script: the page's Content-Security-Policy allows
// none) and the server answers with the same page and the result. Standalone HTML, inline CSS, no outside requests.
import { htmlPage } from '../../sop/render/html-page';
import { formatTanggal } from '../../sop/render/identity-part';
import { formatWaktuIn, type TimeZone } from '../../settings/time-zone';
import { escapeHtml } from '../../sop/render/html-escape';
import type { VerificationPageView, VerificationView } from './verification-view';
import type { PadesReport, PadesVerdict } from './pades/pades-report';
import type { ElectronicSignature } from '../review.schema';

/** The page's own policy, also sent as a header by the routes (where frame-ancestors applies). */
export const VERIFICATION_PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; base-uri 'none'";

/** The answer to "is my file the signed one?". */
export interface FileCheck {
  cocok: boolean;
  /** sha256 of the file sent. */
  sha256: string;
  /** The recorded sha256 of the signed PDF. */
  expected: string;
  filename: string;
  bytes: number;
  /** Our verifier's reading of the file's electronic signature (issue 19), when it has one or the SOP was e-signed. */
  electronic?: PadesReport;
}

export interface VerificationPageOptions {
  check?: FileCheck;
  /** A refusal to show above the forms (the file was missing, too large, …). */
  error?: string;
  /** The pemda's time zone, in which times are shown (settings; WIB when not given). */
  timeZone?: TimeZone;
}

const EXAMPLE_CODE = '7KQM-2XH9-RT4B';

const CSS = `
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; font-family: 'Liberation Sans', Arial, Helvetica, sans-serif; color: #1b1f24; background: #eef1f4; line-height: 1.5; }
header.site { background: #123a5a; color: #fff; padding: 12px 20px; }
header.site .brand { font-weight: bold; letter-spacing: 0.02em; }
header.site .what { opacity: 0.85; font-size: 14px; }
main { max-width: 760px; margin: 0 auto; padding: 20px 16px 40px; }
.card { background: #fff; border: 1px solid #d5dbe1; border-radius: 8px; padding: 20px; margin-bottom: 16px; }
.card > p { margin: 0 0 14px; }
h1 { font-size: 22px; margin: 0 0 4px; line-height: 1.3; }
h2 { font-size: 17px; margin: 0 0 10px; }
.subtitle { color: #4a5561; margin: 0 0 16px; }
.status { border-radius: 8px; padding: 16px 20px; margin-bottom: 16px; color: #fff; }
.status .word { font-size: 28px; font-weight: bold; letter-spacing: 0.08em; }
.status p { margin: 4px 0 0; }
.status a { color: #fff; font-weight: bold; }
.status.berlaku { background: #1e7b34; }
.status.dicabut { background: #b3261e; }
.status.tidak-ditemukan { background: #6b4e00; }
dl.facts { display: grid; grid-template-columns: minmax(140px, 34%) 1fr; gap: 8px 16px; margin: 0; }
dl.facts dt { color: #4a5561; }
dl.facts dd { margin: 0; font-weight: bold; overflow-wrap: anywhere; }
.mono { font-family: 'Liberation Mono', 'Courier New', monospace; font-weight: normal; font-size: 14px; overflow-wrap: anywhere; }
.button, button { display: inline-block; background: #123a5a; color: #fff; border: 0; border-radius: 6px; padding: 10px 16px; font: inherit; font-weight: bold; text-decoration: none; cursor: pointer; }
.button.secondary { background: #fff; color: #123a5a; border: 1px solid #123a5a; }
.actions { margin-top: 18px; display: flex; flex-wrap: wrap; gap: 10px; }
form { margin: 0; }
form .row { display: flex; flex-wrap: wrap; gap: 10px; align-items: center; }
input[type="text"] { font: inherit; font-family: 'Liberation Mono', 'Courier New', monospace; text-transform: uppercase; padding: 9px 10px; border: 1px solid #8a96a3; border-radius: 6px; width: 16em; max-width: 100%; }
input[type="file"] { font: inherit; max-width: 100%; }
label { display: block; margin-bottom: 6px; }
.hint { color: #4a5561; font-size: 14px; margin: 10px 0 0; }
.result { border-radius: 8px; padding: 14px 16px; margin-bottom: 16px; border: 2px solid; }
.result.cocok { border-color: #1e7b34; background: #e9f6ec; }
.result.tidak-cocok { border-color: #b3261e; background: #fbeceb; }
.result.galat { border-color: #8a6100; background: #fff6df; }
.result .verdict { font-size: 18px; font-weight: bold; margin: 0 0 6px; }
.result dl.facts { grid-template-columns: minmax(120px, 30%) 1fr; }
.tte { border-left: 6px solid; padding: 4px 0 4px 12px; margin: 16px 0 0; }
.tte.sah { border-color: #1e7b34; }
.tte.diubah, .tte.tidak-sah, .tte.sertifikat-tidak-berlaku { border-color: #b3261e; }
.tte.tidak-tepercaya, .tte.tanpa-tanda-tangan { border-color: #8a6100; }
.tte .verdict { font-weight: bold; margin: 0 0 4px; }
details { margin-top: 10px; }
details summary { cursor: pointer; color: #123a5a; font-weight: bold; }
details ul { margin: 6px 0; padding-left: 20px; }
.skip-link { position: absolute; left: 8px; top: 8px; padding: 8px 14px; background: #fff; color: #123a5a; font-weight: bold; border-radius: 4px; transform: translateY(-200%); }
.skip-link:focus { transform: none; }
main:focus { outline: none; }
footer { color: #4a5561; font-size: 13px; max-width: 760px; margin: 0 auto; padding: 0 16px 30px; }
@media (max-width: 520px) { dl.facts, .result dl.facts { grid-template-columns: 1fr; gap: 2px; } dl.facts dd { margin-bottom: 8px; } }
`;

function page(title: string, body: string): string {
  return htmlPage({
    title,
    css: CSS,
    csp: VERIFICATION_PAGE_CSP,
    meta: ['<meta name="viewport" content="width=device-width, initial-scale=1">', '<meta name="referrer" content="no-referrer">', '<meta name="robots" content="noindex">'],
    body: [
      '<a class="skip-link" href="#isi">Langsung ke konten</a>',
      '<header class="site"><div class="brand">Petakerja</div><div class="what">Verifikasi keaslian dokumen SOP</div></header>',
      `<main id="isi" tabindex="-1">${body}</main>`,
      '<footer>Halaman ini menampilkan catatan pengesahan SOP yang tersimpan di Petakerja. Dokumen yang sah adalah PDF yang sidik SHA-256-nya sama dengan yang tercatat di sini.</footer>',
    ],
  });
}


const codeForm = (value = ''): string =>
  [
    '<form method="get" action="/verifikasi">',
    '<label for="kode">Kode verifikasi (tertera di bawah kode QR dan di kaki setiap halaman SOP)</label>',
    `<div class="row"><input type="text" id="kode" name="kode" value="${escapeHtml(value)}" placeholder="${EXAMPLE_CODE}" maxlength="40" autocomplete="off" spellcheck="false" required>`,
    '<button type="submit">Periksa kode</button></div>',
    '</form>',
  ].join('');

function statusBox(view: VerificationView, timeZone: TimeZone): string {
  if (view.status === 'berlaku') {
    return '<section class="status berlaku" data-status="berlaku"><div class="word">BERLAKU</div><p>SOP ini telah disahkan dan masih berlaku.</p></section>';
  }
  const withdrawn = view.withdrawn;
  const when = withdrawn ? ` pada ${escapeHtml(formatWaktuIn(withdrawn.at, timeZone))}` : '';
  const why =
    withdrawn?.reason === 'diganti'
      ? withdrawn.replacedBy
        ? `SOP ini telah diganti oleh SOP berkode <a href="/verifikasi/${escapeHtml(withdrawn.replacedBy)}">${escapeHtml(withdrawn.replacedBy)}</a>${when} dan tidak berlaku lagi.`
        : `SOP ini telah diganti oleh revisi yang lebih baru${when} dan tidak berlaku lagi.`
      : `SOP ini telah dicabut${when} dan tidak berlaku lagi.`;
  return `<section class="status dicabut" data-status="dicabut"><div class="word">DICABUT</div><p>${why}</p></section>`;
}

const fact = (label: string, value: string, className = ''): string => `<dt>${label}</dt><dd${className ? ` class="${className}"` : ''}>${value}</dd>`;

function facts(view: VerificationView, timeZone: TimeZone): string {
  return [
    '<dl class="facts">',
    fact('Nomor SOP', view.nomor.trim() ? escapeHtml(view.nomor) : '–'),
    fact('Unit kerja', view.unit.trim() ? escapeHtml(view.unit) : '–'),
    view.pemda ? fact('Pemerintah daerah', escapeHtml(view.pemda)) : '',
    fact('Revisi', `Revisi ${view.revision}`),
    fact('Tanggal Efektif', escapeHtml(formatTanggal(view.tanggalEfektif))),
    fact('Disahkan oleh', `${escapeHtml(view.signatory.jabatan)}<br>${escapeHtml(view.signatory.nama)}`),
    fact('Waktu pengesahan', escapeHtml(formatWaktuIn(view.signedAt, timeZone))),
    fact('Kode verifikasi', escapeHtml(view.code), 'mono'),
    fact('Sidik SHA-256 PDF', escapeHtml(view.sha256), 'mono sha256'),
    '</dl>',
  ].join('');
}

const VERDICTS: Record<PadesVerdict, string> = {
  sah: 'Tanda tangan elektronik sah: dokumen tidak berubah sejak ditandatangani.',
  diubah: 'Dokumen diubah setelah ditandatangani: tanda tangan elektronik tidak berlaku untuk isi berkas ini.',
  'tidak-sah': 'Tanda tangan elektronik tidak sah: tanda tangan tidak cocok dengan sertifikat penanda tangan.',
  'sertifikat-tidak-berlaku': 'Tanda tangan elektronik tidak sah: sertifikat penanda tangan tidak berlaku pada waktu penandatanganan.',
  'tidak-tepercaya': 'Dokumen tidak berubah sejak ditandatangani, tetapi sertifikat penanda tangan tidak diterbitkan oleh penerbit yang ditetapkan tepercaya oleh administrator.',
  'tanpa-tanda-tangan': 'Berkas ini tidak memuat tanda tangan elektronik.',
};

const yesNo = (value: boolean) => (value ? 'ya' : '<strong>tidak</strong>');

/** The electronic signature in plain words, and the details for an auditor folded below. */
function electronicBox(report: PadesReport, timeZone: TimeZone, recorded?: ElectronicSignature): string {
  const signer = report.signer;
  const who = signer
    ? `<p>Ditandatangani oleh <strong>${escapeHtml(signer.commonName || signer.subject)}</strong>${report.signingTime ? ` pada ${escapeHtml(formatWaktuIn(report.signingTime, timeZone))}` : ''}, sertifikat diterbitkan oleh ${escapeHtml(signer.issuer)}.</p>`
    : '';
  const mismatch = recorded && !recorded.nameMatches
    ? '<p>Catatan: nama pada sertifikat tidak sama dengan nama akun pengesah saat ditandatangani (diizinkan oleh pengaturan administrator).</p>'
    : '';
  const certificateFacts = (cert: NonNullable<PadesReport['signer']>) =>
    [
      fact('Subjek', escapeHtml(cert.subject), 'mono'),
      fact('Penerbit', escapeHtml(cert.issuer), 'mono'),
      fact('Nomor seri', escapeHtml(cert.serialNumber), 'mono'),
      fact('Masa berlaku', `${escapeHtml(formatWaktuIn(cert.validFrom, timeZone))} – ${escapeHtml(formatWaktuIn(cert.validTo, timeZone))}`),
      fact('Sidik SHA-256 sertifikat', escapeHtml(cert.fingerprint256), 'mono'),
    ].join('');
  const details = report.verdict === 'tanpa-tanda-tangan'
    ? ''
    : [
        '<details><summary>Rincian teknis untuk auditor</summary>',
        '<dl class="facts">',
        fact('Jenis', `PAdES${recorded ? ` ${recorded.level}` : ''} (${escapeHtml(report.subFilter ?? 'tidak diketahui')})`),
        report.signingTime ? fact('Waktu penandatanganan', escapeHtml(formatWaktuIn(report.signingTime, timeZone))) : '',
        report.timestamp
          ? fact(
              'Cap waktu (TSA, RFC 3161)',
              `${escapeHtml(formatWaktuIn(report.timestamp.time, timeZone))}${report.timestamp.authority ? ` oleh ${escapeHtml(report.timestamp.authority.subject)}` : ''}; sah: ${yesNo(report.timestamp.imprintMatches && report.timestamp.signatureValid)}`,
            )
          : '',
        fact('Rentang tertanda tangan mencakup seluruh berkas', yesNo(report.coversWholeFile)),
        fact('Sidik isi cocok dengan yang ditandatangani', yesNo(report.digestMatches)),
        fact('Tanda tangan kriptografis valid', yesNo(report.signatureValid)),
        fact('Berantai ke sertifikat tepercaya', yesNo(report.trusted)),
        fact('Sertifikat berlaku saat ditandatangani', yesNo(report.validAtSigning)),
        signer ? certificateFacts(signer) : '',
        report.chain.length > 1 ? fact('Rantai sertifikat', `<ul>${report.chain.map((cert) => `<li>${escapeHtml(cert.subject)}</li>`).join('')}</ul>`) : '',
        '</dl>',
        report.problems.length > 0 ? `<ul>${report.problems.map((problem) => `<li>${escapeHtml(problem)}</li>`).join('')}</ul>` : '',
        '</details>',
      ].join('');
  return [
    `<section class="tte ${report.verdict}" data-tte="${report.verdict}">`,
    '<h2>Tanda tangan elektronik</h2>',
    `<p class="verdict">${VERDICTS[report.verdict]}</p>`,
    who,
    mismatch,
    details,
    '</section>',
  ].join('');
}

function checkResult(check: FileCheck, view: VerificationView, timeZone: TimeZone): string {
  const verdict = check.cocok
    ? view.status === 'berlaku'
      ? 'Cocok: berkas Anda sama persis dengan PDF SOP yang disahkan.'
      : 'Cocok: berkas Anda sama persis dengan PDF SOP yang disahkan, tetapi SOP ini sudah tidak berlaku.'
    : 'Tidak cocok: berkas Anda berbeda dengan PDF SOP yang disahkan.';
  const note = check.cocok
    ? ''
    : '<p class="hint">Perbedaan sekecil apa pun (satu bita) mengubah sidik. Berkas hasil pindaian (scan) atau cetak ulang tidak akan pernah cocok; bandingkan isinya dengan PDF resmi yang dapat diunduh di halaman ini.</p>';
  return [
    `<section class="result ${check.cocok ? 'cocok' : 'tidak-cocok'}" data-result="${check.cocok ? 'cocok' : 'tidak-cocok'}" role="status">`,
    `<p class="verdict">${verdict}</p>`,
    '<dl class="facts">',
    fact('Berkas diperiksa', `${escapeHtml(check.filename || '(tanpa nama)')} (${check.bytes.toLocaleString('id-ID')} bita)`),
    fact('Sidik berkas Anda', escapeHtml(check.sha256), 'mono'),
    fact('Sidik yang tercatat', escapeHtml(check.expected), 'mono'),
    '</dl>',
    note,
    check.electronic ? electronicBox(check.electronic, timeZone, view.electronic?.recorded) : '',
    '</section>',
  ].join('');
}

function fileForm(view: VerificationView): string {
  return [
    '<section class="card">',
    '<h2>Periksa berkas PDF yang Anda pegang</h2>',
    `<form method="post" enctype="multipart/form-data" action="${escapeHtml(view.checkUrl)}">`,
    '<label for="berkas">Pilih berkas PDF SOP (paling besar 20 MB). Berkas hanya dihitung sidiknya dan tidak disimpan.</label>',
    '<div class="row"><input type="file" id="berkas" name="berkas" accept="application/pdf,.pdf" required>',
    '<button type="submit">Periksa berkas</button></div>',
    '</form>',
    `<p class="hint">Atau hitung sendiri: <span class="mono">sha256sum berkas.pdf</span> (Linux), <span class="mono">certutil -hashfile berkas.pdf SHA256</span> (Windows) atau <span class="mono">shasum -a 256 berkas.pdf</span> (macOS), lalu bandingkan dengan sidik di atas.</p>`,
    '</section>',
  ].join('');
}

const errorBox = (message: string): string => `<section class="result galat" role="alert"><p class="verdict">Berkas tidak dapat diperiksa</p><p>${escapeHtml(message)}</p></section>`;

/** The page of a code: the signed SOP and its status, or "Kode tidak ditemukan" with a form to type another. */
export function renderVerificationPage(view: VerificationPageView, options: VerificationPageOptions = {}): string {
  if (!view.found) {
    const body = [
      '<section class="status tidak-ditemukan" data-status="tidak-ditemukan"><div class="word">KODE TIDAK DITEMUKAN</div>',
      `<p>Tidak ada SOP yang disahkan dengan kode <span class="mono">${escapeHtml(view.code.slice(0, 60)) || '(kosong)'}</span>.</p></section>`,
      '<section class="card">',
      `<p>Periksa kembali kode yang Anda ketik. Kode verifikasi terdiri atas 12 huruf dan angka, misalnya <span class="mono">${EXAMPLE_CODE}</span>; huruf I, L, O dan angka 0, 1 tidak dipakai. Tanda hubung dan huruf kecil boleh diabaikan.</p>`,
      codeForm(view.code.slice(0, 40)),
      '</section>',
    ].join('');
    return page('Kode verifikasi tidak ditemukan — Petakerja', body);
  }
  const timeZone = options.timeZone ?? 'Asia/Jakarta';
  const body = [
    statusBox(view, timeZone),
    options.check ? checkResult(options.check, view, timeZone) : '',
    options.error ? errorBox(options.error) : '',
    '<section class="card">',
    `<h1>${escapeHtml(view.title)}</h1>`,
    `<p class="subtitle">Standar Operasional Prosedur${view.unit.trim() ? ` — ${escapeHtml(view.unit)}` : ''}</p>`,
    facts(view, timeZone),
    view.electronic ? electronicBox(view.electronic.check, timeZone, view.electronic.recorded) : '',
    '<div class="actions">',
    `<a class="button" href="${escapeHtml(view.pdfUrl)}">Lihat PDF yang disahkan</a>`,
    '</div>',
    '</section>',
    fileForm(view),
    '<section class="card"><h2>Periksa SOP lain</h2>',
    codeForm(),
    '</section>',
  ].join('');
  return page(`Verifikasi SOP ${view.code} — ${view.title}`, body);
}

/** The page of /verifikasi without a code: a form to type one. */
export function renderVerificationIndex(): string {
  const body = [
    '<section class="card">',
    '<h1>Verifikasi SOP</h1>',
    '<p class="subtitle">Periksa apakah dokumen SOP yang Anda pegang telah disahkan dan masih berlaku. Pindai kode QR pada SOP, atau ketik kode verifikasinya.</p>',
    codeForm(),
    '</section>',
  ].join('');
  return page('Verifikasi SOP — Petakerja', body);
}
