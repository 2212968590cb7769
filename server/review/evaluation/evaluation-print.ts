// The two SOP AP forms of SOP-FORMAT.md §3 as standalone HTML pages for printing: Monitoring Pelaksanaan SOP AP
// (Tabel 7) and Evaluasi Penerapan SOP AP, filled or blank (for filling by hand). Pure: no Node or DOM APIs. Inline
// CSS, no outside requests; fonts by family name (Liberation, embedded by Chromium when printing).
import { htmlPage } from '../../sop/render/html-page';
import { escapeHtml } from '../../sop/render/html-escape';
import { formatTanggal } from '../../sop/render/identity-part';

/** What the form says about the signed SOP it concerns. */
export interface FormHeader {
  /** Nama SOP and Nomor SOP as signed. */
  title: string;
  nomor: string;
  unit: string;
  tanggalEfektif: string;
  /** The signed SOP's verification code. */
  code: string;
}

export interface MonitoringSheet {
  /** Absent on a blank form: a line to write on. */
  tanggal?: string;
  penilai?: string;
  rows: Array<{ prosedur: string; berjalanBaik?: boolean; catatan?: string; tindakan?: string }>;
}

export interface EvaluationSheet {
  tanggal?: string;
  penilai?: string;
  answers: Array<{ text: string; ya?: boolean; catatan?: string }>;
  kesimpulan?: string;
}

/** Empty rows added under the prefilled procedure on a blank monitoring form. */
export const BLANK_EXTRA_ROWS = 3;
const CHECK = '√';
const LINE = '………………………………………';

const FORM_CSS = `
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; }
/* The inset keeps the tables' right border inside the printable area, which Chromium rounds down. */
body { padding: 0 0.6mm; font-family: 'Liberation Sans', Arial, Helvetica, sans-serif; color: #000; font-size: 3.1mm; line-height: 1.3;
  -webkit-print-color-adjust: exact; print-color-adjust: exact; }
h1 { font-size: 4.2mm; text-align: center; margin: 0 0 4mm; letter-spacing: 0.2mm; }
table { border-collapse: collapse; width: 100%; }
.header { margin-bottom: 4mm; width: auto; }
.header th { text-align: left; font-weight: normal; padding: 0.5mm 3mm 0.5mm 0; vertical-align: top; white-space: nowrap; }
.header td { padding: 0.5mm 0; vertical-align: top; }
.header td.sep { padding: 0.5mm 2mm 0.5mm 0; }
.form { table-layout: fixed; }
.form th, .form td { border: 0.3mm solid #000; padding: 1.4mm 1.8mm; vertical-align: top; overflow-wrap: anywhere; }
.form thead th { background: #e6e6e6; text-align: center; vertical-align: middle; font-weight: bold; }
.form thead { display: table-header-group; }
.form tr { break-inside: avoid; page-break-inside: avoid; }
.form td.no, .form td.mark { text-align: center; }
.form td.mark { font-size: 4mm; line-height: 1; vertical-align: middle; }
.form tbody tr { height: 9mm; }
.blank .form tbody tr { height: 10mm; }
.kesimpulan { margin-top: 4mm; }
.kesimpulan .box { border: 0.3mm solid #000; min-height: 18mm; padding: 1.6mm 1.8mm; white-space: pre-wrap; }
.sign { margin-top: 8mm; margin-left: auto; width: 70mm; text-align: center; break-inside: avoid; page-break-inside: avoid; }
.sign .space { height: 15mm; }
.sign .name { font-weight: bold; text-decoration: underline; }
.code { margin-top: 6mm; font-size: 2.6mm; color: #333; }
`;

function page(title: string, landscape: boolean, blank: boolean, body: string[]): string {
  const pageCss = `@page { size: A4 ${landscape ? 'landscape' : 'portrait'}; margin: 12mm 12mm 14mm 12mm; }`;
  return htmlPage({
    title,
    css: `${pageCss}${FORM_CSS}`,
    bodyAttributes: `class="${blank ? 'blank' : 'filled'}" data-orientation="${landscape ? 'landscape' : 'portrait'}"`,
    body,
  });
}

const text = (value: string | undefined): string => escapeHtml(value?.trim() ?? '');
const orLine = (value: string | undefined): string => (value?.trim() ? escapeHtml(value.trim()) : LINE);

function headerTable(header: FormHeader, sheet: { tanggal?: string; penilai?: string }, dateLabel: string): string {
  const rows: Array<[string, string]> = [
    ['Nama SOP', text(header.title)],
    ['Nomor SOP', text(header.nomor) || '-'],
    ['Unit Kerja', text(header.unit) || '-'],
    ['Tanggal Efektif', text(formatTanggal(header.tanggalEfektif))],
    [dateLabel, sheet.tanggal ? text(formatTanggal(sheet.tanggal)) : LINE],
    ['Penilai', orLine(sheet.penilai)],
  ];
  return `<table class="header">${rows.map(([label, value]) => `<tr><th>${label}</th><td class="sep">:</td><td>${value}</td></tr>`).join('')}</table>`;
}

function signature(sheet: { tanggal?: string; penilai?: string }): string {
  const date = sheet.tanggal ? escapeHtml(formatTanggal(sheet.tanggal)) : LINE;
  const name = sheet.penilai?.trim() ? `<div class="name">${escapeHtml(sheet.penilai.trim())}</div>` : `<div>(${LINE})</div>`;
  return `<div class="sign"><div>${date}</div><div>Penilai,</div><div class="space"></div>${name}</div>`;
}

const codeLine = (header: FormHeader): string => `<div class="code">Kode verifikasi SOP: ${escapeHtml(header.code)}</div>`;

const mark = (on: boolean | undefined): string => (on ? CHECK : '');

/** Monitoring Pelaksanaan SOP AP (Tabel 7): landscape A4, one row per procedure step. */
export function monitoringFormHtml(header: FormHeader, sheet: MonitoringSheet): string {
  const blank = sheet.tanggal === undefined;
  const rows: MonitoringSheet['rows'] = blank ? [...sheet.rows, ...Array.from({ length: BLANK_EXTRA_ROWS }, () => ({ prosedur: '' }))] : sheet.rows;
  const body = rows
    .map(
      (row, index) =>
        `<tr><td class="no">${index + 1}</td><td class="prosedur">${text(row.prosedur)}</td>` +
        `<td class="mark baik">${mark(row.berjalanBaik === true)}</td><td class="mark tidak">${mark(row.berjalanBaik === false)}</td>` +
        `<td class="catatan">${text(row.catatan)}</td><td class="tindakan">${text(row.tindakan)}</td><td class="paraf"></td></tr>`,
    )
    .join('\n');
  const table = [
    '<table class="form monitoring">',
    '<colgroup><col style="width:9mm"><col style="width:70mm"><col style="width:24mm"><col style="width:24mm"><col><col><col style="width:22mm"></colgroup>',
    '<thead>',
    '<tr><th rowspan="2">No</th><th rowspan="2">Prosedur</th><th colspan="2">Penilaian Terhadap Penerapan</th>' +
      '<th rowspan="2">Catatan Hasil Penilaian</th><th rowspan="2">Tindakan yang Harus Diambil</th><th rowspan="2">Paraf Penilai</th></tr>',
    '<tr><th>Berjalan dengan baik</th><th>Tidak berjalan dengan baik</th></tr>',
    '</thead>',
    `<tbody>${body}</tbody>`,
    '</table>',
  ].join('\n');
  return page(`Monitoring Pelaksanaan SOP ${header.title}`, true, blank, [
    '<h1>MONITORING PELAKSANAAN SOP AP</h1>',
    headerTable(header, sheet, 'Tanggal Monitoring'),
    table,
    signature(sheet),
    codeLine(header),
  ]);
}

/** Evaluasi Penerapan SOP AP: portrait A4, one yes/no question a row, then the conclusion. */
export function evaluationFormHtml(header: FormHeader, sheet: EvaluationSheet): string {
  const blank = sheet.tanggal === undefined;
  const body = sheet.answers
    .map(
      (answer, index) =>
        `<tr><td class="no">${index + 1}</td><td class="pertanyaan">${text(answer.text)}</td>` +
        `<td class="mark ya">${mark(answer.ya === true)}</td><td class="mark tidak">${mark(answer.ya === false)}</td>` +
        `<td class="catatan">${text(answer.catatan)}</td></tr>`,
    )
    .join('\n');
  const table = [
    '<table class="form evaluasi">',
    '<colgroup><col style="width:9mm"><col style="width:68mm"><col style="width:13mm"><col style="width:13mm"><col></colgroup>',
    '<thead><tr><th>No</th><th>Penilaian terhadap penerapan</th><th>Ya</th><th>Tidak</th><th>Catatan/Tindakan</th></tr></thead>',
    `<tbody>${body}</tbody>`,
    '</table>',
  ].join('\n');
  const kesimpulan = `<div class="kesimpulan"><div>Kesimpulan:</div><div class="box">${text(sheet.kesimpulan)}</div></div>`;
  return page(`Evaluasi Penerapan SOP ${header.title}`, false, blank, [
    '<h1>EVALUASI PENERAPAN SOP AP</h1>',
    headerTable(header, sheet, 'Tanggal Evaluasi'),
    table,
    kesimpulan,
    signature(sheet),
    codeLine(header),
  ]);
}
