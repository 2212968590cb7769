// The SOP as PDF through the warm Chromium pool (server/sop/pdf/pdf-pool.ts) on real maps: the PDF's text (pdftotext)
// holds every activity, performer and identity field and the page numbers; A4 and F4 sizes (pdfinfo); a killed
// browser is replaced; more requests than browsers all complete; browsers are not launched per request.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ModdleElement } from 'bpmn-moddle';
import { afterAll, describe, expect, it } from 'vitest';
import { allElements, parseBpmn } from '../../server/bpmn/moddle';
import type { SopIdentityDraft } from '../../server/sop/identity.schema';
import { PdfPool } from '../../server/sop/pdf/pdf-pool';
import { renderSop } from '../../server/sop/render/index';
import { namesOf } from '../helpers/bpmn-names';
import { readText, ROOT } from '../helpers/fixtures';
import { tempDir } from '../helpers/temp-dir';

const IDENTITY: SopIdentityDraft = {
  nomor: 'SOP/PEMB/B/01',
  tanggalPembuatan: '2026-03-09',
  tanggalEfektif: '2026-04-01',
  disahkanOleh: { jabatan: 'Kepala Badan Kepegawaian Daerah', nama: 'Ni Luh Contoh, S.H.', pangkat: 'Pembina (IV/a)', nip: '198005052005012002' },
  namaSop: 'Penunjukan Pejabat Fungsional',
  dasarHukum: ['Peraturan Menteri PANRB Nomor 35 Tahun 2012'],
  keterkaitan: ['SOP Penyusunan Rencana Kerja'],
  peringatan: 'Penugasan tertunda bila tidak dilaksanakan',
  kualifikasiPelaksana: ['Memahami manajemen kinerja'],
  peralatan: ['Komputer dan pencetak'],
  pencatatan: ['Register surat penugasan'],
};
const IDENTITY_TEXTS = [
  'SOP/PEMB/B/01',
  '9 Maret 2026',
  '1 April 2026',
  'Kepala Badan Kepegawaian Daerah',
  'Ni Luh Contoh, S.H.',
  'Pembina (IV/a)',
  'NIP. 19800505 200501 2 002',
  'Penunjukan Pejabat Fungsional',
  'Peraturan Menteri PANRB Nomor 35 Tahun 2012',
  'SOP Penyusunan Rencana Kerja',
  'Penugasan tertunda bila tidak dilaksanakan',
  'Memahami manajemen kinerja',
  'Komputer dan pencetak',
  'Register surat penugasan',
  'Nomor SOP',
  'Disahkan oleh',
  'Pencatatan dan Pendataan',
];
const MAPS = ['processes/templates/mekanisme-kerja.bpmn', 'processes/library/penunjukan-lintas-pd.bpmn', 'processes/library/mk-setda.bpmn'];

const pool = new PdfPool({ size: 2 });
afterAll(() => pool.close());

/** Text of the PDF with the line breaks of wrapped cells undone: no whitespace at all, no hyphen at a line's end. */
const squeeze = (text: string) => text.replace(/-\s*\n\s*/g, '-').replace(/\s+/g, '');

async function pdfOf(file: string, paper: 'A4' | 'F4' = 'A4', landscape = true): Promise<{ pdf: string; definitions: ModdleElement; pages: number }> {
  const { definitions } = await parseBpmn(readText(path.join(ROOT, file)));
  const { html, pageCount } = renderSop({ definitions, identity: IDENTITY, letterhead: { pemda: 'Pemerintah Kota Denpasar', unit: 'Badan Kepegawaian Daerah' }, settings: { paper, orientation: landscape ? 'landscape' : 'portrait' } });
  const bytes = await pool.pdf(html, { paper, landscape });
  expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
  const out = path.join(await tempDir('petakerja-sop-'), `${path.basename(file, '.bpmn')}-${paper}.pdf`);
  writeFileSync(out, bytes);
  return { pdf: out, definitions, pages: pageCount };
}


function pageSizeMm(pdf: string): { width: number; height: number; pages: number } {
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!;
  return { width: (Number(size[1]) / 72) * 25.4, height: (Number(size[2]) / 72) * 25.4, pages: Number(/Pages:\s+(\d+)/.exec(info)![1]) };
}

describe('PdfPool', () => {
  it.each(MAPS)('%s: searchable text with every activity, performer, identity field and the page numbers', async (file) => {
    const { pdf, definitions, pages } = await pdfOf(file);
    const raw = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
    const text = squeeze(raw);
    const { activities, lanes } = namesOf(definitions);
    expect(activities.length).toBeGreaterThan(3);
    for (const name of activities) expect(text, `activity "${name}"`).toContain(squeeze(name));
    for (const name of lanes) expect(text, `performer "${name}"`).toContain(squeeze(name));
    for (const value of IDENTITY_TEXTS) expect(text, `identity "${value}"`).toContain(squeeze(value));
    expect(raw).toContain('Halaman 1 dari');
    expect(raw).toContain(`Halaman ${pages} dari ${pages}`);
    expect(pageSizeMm(pdf).pages).toBe(pages);
    const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' });
    expect(fonts, 'Liberation Sans embedded').toMatch(/LiberationSans\s.*\byes\b/);
  });

  it('prints the SOP as PermenPANRB 35/2012 draws it: no Mulai/Selesai rows, "-" for a first issue, "Ya"/"Tidak", the "Tidak" branch in Keterangan (issue 12)', async () => {
    const { definitions } = await parseBpmn(readText(path.join(ROOT, 'processes/templates/mekanisme-kerja.bpmn')));
    const { tanggalRevisi: _none, namaSop: _name, ...firstIssue } = { ...IDENTITY, tanggalRevisi: undefined };
    const { html, document } = renderSop({ definitions, mapName: 'Pencapaian Target Kinerja Dinas', identity: firstIssue });
    const out = path.join(await tempDir('petakerja-sop-'), 'issue12.pdf');
    writeFileSync(out, await pool.pdf(html, { paper: 'A4' }));
    const raw = execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' });
    const plain = squeeze(execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' }));
    expect(raw).toMatch(/Tanggal Revisi\s+:\s+-\s/);
    expect(raw).toMatch(/Nama SOP\s+:\s+Pencapaian Target Kinerja Dinas/);
    // The start and end events are not rows: ten numbered rows, the first the first activity.
    expect(document.procedure.rows.map((row) => row.no)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(raw).not.toContain('Tahun anggaran dimulai');
    // Row 1 in No, beside its activity (the number stands level with the middle of its row's text).
    expect(plain).toContain(squeeze('Menyusun dan menetapkan perjanjian kinerja'));
    expect(raw).toMatch(/Menyusun dan menetapkan[^\n]*\n {0,3}1\s/);
    expect(plain).toContain(squeeze('Meninjau dan menerima hasil pelaksanaan kegiatan'));
    const numbers = raw.split(/\s+/).filter((word) => /^\d+$/.test(word)).map(Number);
    expect(numbers).toContain(10);
    expect(numbers).not.toContain(11);
    expect(plain).toContain(squeeze('Bila tidak, kembali ke No. 5.'));
    const words = raw.split(/[^\p{L}]+/u);
    expect(words).toContain('Ya');
    expect(words).toContain('Tidak');
    expect(words.filter((word) => /^(ya|YA|TIDAK)$/.test(word))).toEqual([]);
  });

  it('prints the message labels of a two-pool map whole, wrapped in their cells (issue 12)', async () => {
    const { pdf, definitions } = await pdfOf(MAPS[1]!);
    const text = squeeze(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }));
    const labels = [...allElements(definitions)].filter((element) => element.$instanceOf('bpmn:MessageFlow') && typeof element.name === 'string' && element.name.trim());
    expect(labels.length).toBeGreaterThan(0);
    for (const flow of labels) expect(text, `label "${flow.name}"`).toContain(squeeze(flow.name!));
  });

  it('prints A4 and F4 (215 × 330 mm), landscape by default and portrait on request', async () => {
    const a4 = pageSizeMm((await pdfOf(MAPS[0]!, 'A4')).pdf);
    expect(a4.width).toBeCloseTo(297, 0);
    expect(a4.height).toBeCloseTo(210, 0);
    const f4 = pageSizeMm((await pdfOf(MAPS[0]!, 'F4')).pdf);
    expect(f4.width).toBeCloseTo(330, 0);
    expect(f4.height).toBeCloseTo(215, 0);
    const portrait = pageSizeMm((await pdfOf(MAPS[0]!, 'F4', false)).pdf);
    expect(portrait.width).toBeCloseTo(215, 0);
    expect(portrait.height).toBeCloseTo(330, 0);
  });

  it('keeps its browsers warm: the same processes serve request after request', async () => {
    const before = await pool.browserPids();
    expect(before).toHaveLength(2);
    await Promise.all([pdfOf(MAPS[0]!), pdfOf(MAPS[1]!), pdfOf(MAPS[2]!)]);
    expect((await pool.browserPids()).sort()).toEqual([...before].sort());
  });

  it('completes every request when more come at once than it has browsers', async () => {
    const { definitions } = await parseBpmn(readText(path.join(ROOT, MAPS[0]!)));
    const { html } = renderSop({ definitions, identity: IDENTITY });
    const results = await Promise.all(Array.from({ length: 7 }, () => pool.pdf(html, { paper: 'A4' })));
    for (const bytes of results) {
      expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
      expect(bytes.length).toBeGreaterThan(10_000);
    }
  });

  it('replaces a browser that was killed, and the next requests succeed', async () => {
    const [victim, survivor] = await pool.browserPids();
    expect(victim).toBeGreaterThan(0);
    process.kill(victim!, 'SIGKILL');
    // Both slots are used at once, so the request that lands on the dead browser's slot must get a new one.
    const results = await Promise.all([pdfOf(MAPS[0]!), pdfOf(MAPS[1]!)]);
    for (const { pdf } of results) expect(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' })).toContain('Halaman 1 dari');
    const after = await pool.browserPids();
    expect(after).toHaveLength(2);
    expect(after).toContain(survivor);
    expect(after).not.toContain(victim);
  });

  it('refuses requests once closed', async () => {
    const closed = new PdfPool({ size: 1 });
    await closed.close();
    await expect(closed.pdf('<p>x</p>')).rejects.toThrow(/ditutup/);
    expect(await closed.browserPids()).toEqual([]);
  });
});
