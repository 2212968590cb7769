// The front matter of a unit's SOP book (SOP-FORMAT.md §0) as one standalone HTML page, A4 portrait: cover (halaman
// judul), the decree that sets the SOPs (a placeholder to complete), the table of contents (daftar isi) with the book's
// page numbers, and a short guide (the five symbols and how to read the procedure table). Pure; printed by the PdfPool.
import { htmlPage } from '../render/html-page';
import { escapeHtml } from '../render/html-escape';
import { formatNip } from '../render/identity-part';

export const BOOK_TITLE = 'BUKU SOP ADMINISTRASI PEMERINTAHAN';

export interface BookOfficial {
  jabatan?: string;
  nama?: string;
  pangkat?: string;
  nip?: string;
}

export interface BookTocEntry {
  title: string;
  nomor?: string;
  /** Not in force (printed only when asked for, marked DRAF): listed, but not set by the decree. */
  draft?: boolean;
  /** The book page the SOP starts on. */
  page: number;
}

export interface BookFrontMatterInput {
  pemda?: string;
  unit: string;
  logoDataUrl?: string;
  year: number;
  /** The head of the unit who signs the decree; "…" where unknown. */
  head: BookOfficial;
  entries: BookTocEntry[];
}

const EMPTY = '…';
const text = (value: string | undefined, fallback = EMPTY): string => escapeHtml(value?.trim() || fallback);

const CSS = `
@page { size: 210mm 297mm; margin: 20mm 20mm 16mm 25mm; }
* { box-sizing: border-box; }
body { margin: 0; font-family: 'Liberation Sans', Arial, sans-serif; font-size: 11pt; line-height: 1.45; color: #000; }
section { break-after: page; }
section:last-child { break-after: auto; }
h1, h2, h3 { margin: 0; font-weight: bold; }
.cover { text-align: center; padding-top: 25mm; }
.cover img { max-width: 40mm; max-height: 40mm; margin-bottom: 12mm; }
.cover .title { font-size: 20pt; letter-spacing: 0.5pt; margin: 10mm 0 8mm; }
.cover .pemda { font-size: 14pt; text-transform: uppercase; }
.cover .unit { font-size: 16pt; text-transform: uppercase; margin-top: 4mm; }
.cover .year { font-size: 14pt; margin-top: 60mm; }
.decree { text-align: justify; }
.decree .heading { text-align: center; margin-bottom: 8mm; }
.decree .heading p { margin: 1mm 0; }
.decree dl { display: grid; grid-template-columns: 30mm 1fr; gap: 2mm 3mm; margin: 0 0 4mm; }
.decree dt { font-weight: bold; }
.decree dd { margin: 0; }
.placeholder { color: #555; font-style: italic; }
.signature { margin: 10mm 0 0 auto; width: 75mm; }
.signature .space { height: 22mm; }
.signature .name { font-weight: bold; text-decoration: underline; }
.toc h2, .guide h2 { text-align: center; margin-bottom: 6mm; font-size: 13pt; }
.toc table { width: 100%; border-collapse: collapse; }
.toc th { text-align: left; border-bottom: 0.3mm solid #000; padding: 1mm; }
.toc td { padding: 1mm; vertical-align: top; }
.toc .no, .toc .page { width: 14mm; text-align: right; }
.toc .nomor { width: 45mm; }
.toc tr { break-inside: avoid; }
.toc .draft { color: #a01818; }
.guide h3 { font-size: 11pt; margin: 5mm 0 2mm; }
.guide table { width: 100%; border-collapse: collapse; }
.guide td, .guide th { border: 0.2mm solid #000; padding: 1.5mm; vertical-align: middle; text-align: left; }
.guide svg { display: block; margin: auto; }
.guide .symbol { width: 30mm; }
.guide ol { margin: 0; padding-left: 6mm; }
`;

const SYMBOLS: Array<{ name: string; svg: string; meaning: string }> = [
  {
    name: 'Terminator (kapsul)',
    svg: '<rect x="2" y="6" width="56" height="18" rx="9" ry="9"/>',
    meaning: 'Awal dan akhir prosedur: kegiatan pertama dan kegiatan terakhir digambar sebagai kapsul.',
  },
  {
    name: 'Proses (kotak)',
    svg: '<rect x="6" y="4" width="48" height="22"/>',
    meaning: 'Satu kegiatan yang dilakukan oleh pelaksana di kolom tempat simbol berada.',
  },
  {
    name: 'Keputusan (belah ketupat)',
    svg: '<polygon points="30,2 56,15 30,28 4,15"/>',
    meaning: 'Pilihan dengan dua jawaban (Ya/Tidak, Lengkap/Tidak lengkap, Benar/Salah); setiap jawaban menuju kegiatan berikutnya.',
  },
  {
    name: 'Anak panah',
    svg: '<line x1="4" y1="15" x2="50" y2="15"/><polygon points="50,10 58,15 50,20" fill="#000"/>',
    meaning: 'Arah aliran dari satu kegiatan ke kegiatan berikutnya; garis putus-putus untuk pesan antarunit.',
  },
  {
    name: 'Penghubung antarhalaman (segi lima)',
    svg: '<polygon points="14,3 46,3 46,19 30,28 14,19"/><text x="30" y="16" font-size="9" text-anchor="middle" stroke="none" fill="#000">A</text>',
    meaning: 'Aliran berlanjut di halaman lain, pada penghubung dengan huruf yang sama di baris pertama atau terakhir halaman itu.',
  },
];

function cover(input: BookFrontMatterInput): string {
  return [
    '<section class="cover" data-part="sampul">',
    input.logoDataUrl ? `<img src="${escapeHtml(input.logoDataUrl)}" alt="">` : '',
    `<h1 class="title">${BOOK_TITLE}</h1>`,
    `<p class="pemda">${text(input.pemda, 'Pemerintah Daerah')}</p>`,
    `<p class="unit">${escapeHtml(input.unit)}</p>`,
    `<p class="year">TAHUN ${input.year}</p>`,
    '</section>',
  ].join('\n');
}

const inForce = (input: BookFrontMatterInput): number => input.entries.filter((entry) => !entry.draft).length;
const drafts = (input: BookFrontMatterInput): number => input.entries.filter((entry) => entry.draft).length;

function decree(input: BookFrontMatterInput): string {
  const jabatan = input.head.jabatan?.trim() || `Kepala ${input.unit}`;
  return [
    '<section class="decree" data-part="keputusan">',
    '<div class="heading">',
    `<h2>KEPUTUSAN ${escapeHtml(jabatan.toLocaleUpperCase('id'))}</h2>`,
    `<p>NOMOR ${EMPTY} TAHUN ${input.year}</p>`,
    '<p>TENTANG</p>',
    `<p><b>STANDAR OPERASIONAL PROSEDUR ADMINISTRASI PEMERINTAHAN DI LINGKUNGAN ${escapeHtml(input.unit.toLocaleUpperCase('id'))}</b></p>`,
    '</div>',
    '<dl>',
    `<dt>Menimbang</dt><dd class="placeholder">bahwa untuk meningkatkan kualitas penyelenggaraan pemerintahan, perlu menetapkan Keputusan ${escapeHtml(jabatan)} tentang Standar Operasional Prosedur Administrasi Pemerintahan; ${EMPTY}</dd>`,
    `<dt>Mengingat</dt><dd class="placeholder">1. Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 35 Tahun 2012 tentang Pedoman Penyusunan Standar Operasional Prosedur Administrasi Pemerintahan; 2. ${EMPTY}</dd>`,
    '</dl>',
    '<p style="text-align:center"><b>MEMUTUSKAN:</b></p>',
    '<dl>',
    `<dt>Menetapkan</dt><dd>Keputusan ${escapeHtml(jabatan)} tentang Standar Operasional Prosedur Administrasi Pemerintahan di Lingkungan ${escapeHtml(input.unit)}.</dd>`,
    `<dt>KESATU</dt><dd>Standar Operasional Prosedur Administrasi Pemerintahan di Lingkungan ${escapeHtml(input.unit)} sebanyak <span data-decree-count>${inForce(input)}</span> prosedur sebagaimana tercantum dalam Lampiran Keputusan ini${drafts(input) ? `; ${drafts(input)} draf yang dilampirkan dan ditandai DRAF belum ditetapkan` : ''}.</dd>`,
    '<dt>KEDUA</dt><dd>Standar Operasional Prosedur sebagaimana dimaksud dalam Diktum KESATU menjadi pedoman pelaksanaan tugas di lingkungan unit kerja.</dd>',
    '<dt>KETIGA</dt><dd>Keputusan ini mulai berlaku pada tanggal ditetapkan.</dd>',
    '</dl>',
    '<div class="signature">',
    `<p>Ditetapkan di ${EMPTY}<br>pada tanggal ${EMPTY} ${input.year}</p>`,
    `<p>${escapeHtml(jabatan.toLocaleUpperCase('id'))},</p>`,
    '<div class="space"></div>',
    `<p><span class="name">${text(input.head.nama)}</span><br>${text(input.head.pangkat)}<br>NIP. ${input.head.nip?.trim() ? escapeHtml(formatNip(input.head.nip)) : EMPTY}</p>`,
    '</div>',
    '</section>',
  ].join('\n');
}

function tableOfContents(input: BookFrontMatterInput): string {
  const rows = input.entries.map(
    (entry, index) =>
      `<tr data-toc-page="${entry.page}"><td class="no">${index + 1}.</td><td class="nomor">${text(entry.nomor, '-')}</td><td>${escapeHtml(entry.title)}${entry.draft ? ' <b class="draft">(DRAF)</b>' : ''}</td><td class="page">${entry.page}</td></tr>`,
  );
  return [
    '<section class="toc" data-part="daftar-isi">',
    '<h2>DAFTAR ISI</h2>',
    '<table><thead><tr><th class="no">No</th><th class="nomor">Nomor SOP</th><th>Nama SOP</th><th class="page">Hal.</th></tr></thead>',
    `<tbody>${rows.join('')}</tbody></table>`,
    '</section>',
  ].join('\n');
}

function guide(input: BookFrontMatterInput): string {
  const symbols = SYMBOLS.map(
    (symbol) =>
      `<tr><td class="symbol"><svg width="60" height="30" viewBox="0 0 60 30" fill="none" stroke="#000" stroke-width="1.5">${symbol.svg}</svg></td><td><b>${symbol.name}</b><br>${symbol.meaning}</td></tr>`,
  );
  return [
    '<section class="guide" data-part="penjelasan">',
    '<h2>PENJELASAN SINGKAT PENGGUNAAN</h2>',
    `<p>Buku ini memuat ${inForce(input)} Standar Operasional Prosedur Administrasi Pemerintahan (SOP AP) ${escapeHtml(input.unit)} yang disahkan dan berlaku${drafts(input) ? `, serta ${drafts(input)} draf yang belum disahkan (ditandai DRAF pada setiap halaman, tidak berlaku sebagai SOP)` : ''}, disusun menurut Peraturan Menteri PANRB Nomor 35 Tahun 2012. Setiap SOP terdiri atas bagian identitas (nomor, tanggal, pengesahan, dasar hukum, kualifikasi pelaksana, keterkaitan, peralatan, peringatan, pencatatan) dan bagian prosedur berupa diagram alir bercabang.</p>`,
    '<h3>Lima simbol diagram alir</h3>',
    `<table>${symbols.join('')}</table>`,
    '<h3>Cara membaca tabel prosedur</h3>',
    '<ol>',
    '<li><b>No</b> dan <b>Kegiatan</b>: kegiatan dibaca berurutan dari atas ke bawah, satu baris satu kegiatan.</li>',
    '<li><b>Pelaksana</b>: satu kolom untuk setiap jabatan; simbol kegiatan berada di kolom pelaksananya, dan anak panah menunjukkan kegiatan berikutnya.</li>',
    '<li><b>Mutu Baku</b>: <i>Kelengkapan</i> (dokumen dan bahan yang diperlukan), <i>Waktu</i> (lama kegiatan) dan <i>Output</i> (hasil kegiatan).</li>',
    '<li><b>Keterangan</b>: penjelasan tambahan, misalnya apa yang terjadi bila jawaban keputusan "Tidak".</li>',
    '</ol>',
    '<p>Nomor halaman buku tercetak di tengah bawah setiap halaman; nomor "Halaman i dari n" di kanan bawah adalah halaman di dalam SOP itu sendiri.</p>',
    '</section>',
  ].join('\n');
}

export function renderBookFrontMatter(input: BookFrontMatterInput): string {
  return htmlPage({ title: `${BOOK_TITLE} — ${input.unit}`, css: CSS, body: [cover(input), decree(input), tableOfContents(input), guide(input)] });
}
