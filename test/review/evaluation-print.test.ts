// The printed SOP AP forms of SOP-FORMAT.md §3 as HTML: the columns each form has, the rows as filled, the blank form
// for filling by hand, and text escaped.
import { describe, expect, it } from 'vitest';
import { BLANK_EXTRA_ROWS, evaluationFormHtml, monitoringFormHtml, type FormHeader } from '../../server/review/evaluation/evaluation-print';
import { addMonths, monthsBetween } from '../../server/review/evaluation/calendar';

const HEADER: FormHeader = { title: 'Pelayanan <izin> & rekomendasi', nomor: '800/12/Org/2026', unit: 'Dinas Kesehatan', tanggalEfektif: '2026-01-05', code: 'ABCD-EFGH-JKMN' };

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
/** The text of an HTML fragment: tags dropped, entities read. */
const textOf = (html: string) => html.replace(/<[^>]*>/g, '').replace(/&(amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e]!).trim();
const between = (html: string, open: string, close: string) => html.slice(html.indexOf(open), html.indexOf(close, html.indexOf(open)) + close.length);
const rowsOf = (html: string) => [...html.matchAll(/<tr>(.*?)<\/tr>/gs)].map(([, row]) => [...row!.matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/gs)].map(([, cell]) => textOf(cell!)));

/** The form's table (class "form"): header rows and body rows as cell texts. */
function tableOf(html: string) {
  const table = between(html, '<table class="form', '</table>');
  return { head: rowsOf(between(table, '<thead>', '</thead>')), rows: rowsOf(between(table, '<tbody>', '</tbody>')) };
}
const headerText = (html: string) => textOf(between(html, '<table class="header">', '</table>'));

describe('Monitoring Pelaksanaan SOP AP (Tabel 7)', () => {
  const html = monitoringFormHtml(HEADER, {
    tanggal: '2026-07-01',
    penilai: 'Ni Luh Putu Ayu',
    rows: [
      { prosedur: 'Menerima berkas', berjalanBaik: true, catatan: '', tindakan: '' },
      { prosedur: 'Memeriksa kelengkapan', berjalanBaik: false, catatan: 'Sering terlambat', tindakan: 'Tambah petugas' },
    ],
  });

  it('has the columns of Tabel 7 with the two judgements under Penilaian Terhadap Penerapan', () => {
    const { head } = tableOf(html);
    expect(head[0]).toEqual(['No', 'Prosedur', 'Penilaian Terhadap Penerapan', 'Catatan Hasil Penilaian', 'Tindakan yang Harus Diambil', 'Paraf Penilai']);
    expect(head[1]).toEqual(['Berjalan dengan baik', 'Tidak berjalan dengan baik']);
  });

  it('prints every row with its judgement ticked in the right column, its note and action', () => {
    const { rows } = tableOf(html);
    expect(rows).toEqual([
      ['1', 'Menerima berkas', '√', '', '', '', ''],
      ['2', 'Memeriksa kelengkapan', '', '√', 'Sering terlambat', 'Tambah petugas', ''],
    ]);
  });

  it('heads the form with the SOP as signed, the date in words and the assessor, escaped', () => {
    expect(html).toContain('<h1>MONITORING PELAKSANAAN SOP AP</h1>');
    const header = headerText(html);
    expect(header).toContain('Pelayanan <izin> & rekomendasi');
    expect(html).toContain('Pelayanan &lt;izin&gt; &amp; rekomendasi');
    expect(header).toContain('800/12/Org/2026');
    expect(header).toContain('1 Juli 2026');
    expect(header).toContain('Ni Luh Putu Ayu');
    expect(html).toContain("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';");
    expect(html).toContain('size: A4 landscape');
  });

  it('as a blank form prints the procedure with nothing judged, room for more rows and lines to write on', () => {
    const blank = monitoringFormHtml(HEADER, { rows: [{ prosedur: 'Menerima berkas' }, { prosedur: 'Memeriksa kelengkapan' }] });
    const { rows } = tableOf(blank);
    expect(rows).toHaveLength(2 + BLANK_EXTRA_ROWS);
    expect(rows[0]).toEqual(['1', 'Menerima berkas', '', '', '', '', '']);
    expect(rows[2]).toEqual(['3', '', '', '', '', '', '']);
    expect(headerText(blank)).toMatch(/Tanggal Monitoring:…+/);
    expect(blank).toContain('<body class="blank"');
  });
});

describe('Evaluasi Penerapan SOP AP', () => {
  it('has the columns No, Penilaian terhadap penerapan, Ya, Tidak, Catatan/Tindakan and one row per question', () => {
    const html = evaluationFormHtml(HEADER, {
      tanggal: '2026-12-20',
      penilai: 'Kepala Bagian',
      answers: [
        { text: 'Mampu mendorong peningkatan kinerja', ya: true, catatan: '' },
        { text: 'Mudah dipahami', ya: false, catatan: 'Istilah teknis perlu dijelaskan' },
      ],
      kesimpulan: 'SOP perlu direvisi.',
    });
    const { head, rows } = tableOf(html);
    expect(head).toEqual([['No', 'Penilaian terhadap penerapan', 'Ya', 'Tidak', 'Catatan/Tindakan']]);
    expect(rows).toEqual([
      ['1', 'Mampu mendorong peningkatan kinerja', '√', '', ''],
      ['2', 'Mudah dipahami', '', '√', 'Istilah teknis perlu dijelaskan'],
    ]);
    expect(html).toContain('<h1>EVALUASI PENERAPAN SOP AP</h1>');
    expect(html).toContain('<div class="box">SOP perlu direvisi.</div>');
    expect(html).toContain('size: A4 portrait');
  });
});

describe('calendar of the yearly evaluation', () => {
  it('adds months clamping the day, and counts whole months', () => {
    expect(addMonths('2026-01-05', 12)).toBe('2027-01-05');
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(monthsBetween('2027-01-05', '2027-01-05')).toBe(0);
    expect(monthsBetween('2027-01-05', '2027-02-04')).toBe(0);
    expect(monthsBetween('2027-01-05', '2027-02-05')).toBe(1);
    expect(monthsBetween('2027-01-05', '2027-12-31')).toBe(11);
  });
});
