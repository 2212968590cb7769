// `petakerja sop` as a user runs it: a map to PDF and HTML, the identity from --meta, and exit 2 with a message in
// Bahasa Indonesia for an invalid identity file, an unreadable BPMN file or a bad command line.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli';
import { ROOT } from '../helpers/fixtures';
import { tempDir } from '../helpers/temp-dir';

const MAP = path.join(ROOT, 'processes/templates/mekanisme-kerja.bpmn');
const META = {
  nomor: '800/17/Setda/2026',
  tanggalPembuatan: '2026-02-10',
  disahkanOleh: { jabatan: 'Sekretaris Daerah', nama: 'Drs. Contoh Sekda', pangkat: 'Pembina Utama Madya (IV/d)', nip: '196801011990031003' },
  namaSop: 'Pencapaian Target Kinerja',
  dasarHukum: ['Peraturan Menteri PANRB Nomor 35 Tahun 2012'],
};

describe('petakerja sop', () => {
  it('writes the SOP as a PDF on F4 paper with the identity of --meta', async () => {
    const dir = await tempDir();
    const meta = path.join(dir, 'meta.json');
    writeFileSync(meta, JSON.stringify(META));
    const out = path.join(dir, 'sop.pdf');
    const run = await runCli(['sop', MAP, '--meta', meta, '--paper', 'F4', '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [out], { encoding: 'utf8' }))![1]);
    expect(run.stdout.trim()).toBe(`SOP "Pencapaian Target Kinerja" ditulis sebagai PDF: ${pages} halaman (F4 lanskap), ${out}`);
    const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(execFileSync('pdfinfo', [out], { encoding: 'utf8' }))!;
    expect((Number(size[1]) / 72) * 25.4).toBeCloseTo(330, 0);
    const text = execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' });
    for (const value of ['800/17/Setda/2026', '10 Februari 2026', 'Sekretaris Daerah', 'Drs. Contoh Sekda', '19680101 199003 1 003', 'Menyusun dan menetapkan', `Halaman ${pages} dari ${pages}`]) {
      expect(text).toContain(value);
    }
  });

  it('writes HTML, portrait, without --meta', async () => {
    const out = path.join(await tempDir(), 'sop.html');
    const run = await runCli(['sop', MAP, '--portrait', '--out', out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/ditulis sebagai HTML: \d+ halaman \(A4 tegak\)/);
    const html = readFileSync(out, 'utf8');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('@page { size: 210mm 297mm;');
    expect(html).toContain('Menyusun dan menetapkan perjanjian kinerja');
  });

  it('adds the BPMN diagram as the last page with --lampiran', async () => {
    const out = path.join(await tempDir(), 'sop.html');
    const run = await runCli(['sop', MAP, '--lampiran', '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('Lampiran: Diagram Proses (BPMN)');
    // bpmn-js drew the map: its SVG carries the diagram's shapes with their labels.
    const appendix = html.slice(html.indexOf('Lampiran: Diagram Proses'));
    expect(appendix).toContain('<svg');
    expect(appendix).toMatch(/<tspan[^>]*>Menyusun/);
  });

  it('exits 2 with a message in Bahasa Indonesia for an invalid identity file', async () => {
    const dir = await tempDir();
    const meta = path.join(dir, 'meta.json');
    writeFileSync(meta, JSON.stringify({ ...META, disahkanOleh: { ...META.disahkanOleh, nip: '123' }, tanggalPembuatan: '10-02-2026' }));
    const out = path.join(dir, 'sop.pdf');
    const run = await runCli(['sop', MAP, '--meta', meta, '--out', out]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`Identitas SOP di ${meta} tidak sah`);
    expect(run.stderr).toContain('NIP terdiri atas 18 angka');
    expect(run.stderr).toContain('Tanggal ditulis TTTT-BB-HH');
    expect(existsSync(out)).toBe(false);
  });

  it('exits 2 for a BPMN file that cannot be read, and for a bad command line', async () => {
    const dir = await tempDir();
    const broken = path.join(dir, 'rusak.bpmn');
    writeFileSync(broken, '<definitions><unclosed');
    const out = path.join(dir, 'sop.html');
    const unreadable = await runCli(['sop', broken, '--out', out]);
    expect(unreadable.code).toBe(2);
    expect(unreadable.stderr).toContain(`Berkas BPMN tidak dapat dibaca: ${broken}`);
    const missing = await runCli(['sop', path.join(dir, 'tidak-ada.bpmn'), '--out', out]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Berkas BPMN tidak dapat dibaca');
    const noOut = await runCli(['sop', MAP]);
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toContain('--out');
    const badPaper = await runCli(['sop', MAP, '--paper', 'A3', '--out', out]);
    expect(badPaper.code).toBe(2);
    expect(badPaper.stderr).toContain('--paper harus A4 atau F4');
    expect(existsSync(out)).toBe(false);
  });
});
