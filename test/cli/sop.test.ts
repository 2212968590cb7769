// `petakerja sop` as a user runs it: a map to PDF and HTML, the identity from --meta, the kop from --letterhead, and
// exit 2 with a message in Bahasa Indonesia for an invalid identity or kop file, an unreadable BPMN file or a bad
// command line.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
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

  it('prints the kop of --letterhead, its logo read from a file beside it, on the identity page of the PDF', async () => {
    const dir = await tempDir();
    writeFileSync(path.join(dir, 'logo.png'), Buffer.from(PNG_8PX, 'base64'));
    const kop = path.join(dir, 'kop.json');
    writeFileSync(kop, JSON.stringify({ pemda: 'Pemerintah Kabupaten Gunung Mas', unit: 'Sekretariat Daerah', subUnit: 'Bagian Organisasi', logo: 'logo.png' }));
    const out = path.join(dir, 'sop.pdf');
    const run = await runCli(['sop', MAP, '--letterhead', kop, '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const first = execFileSync('pdftotext', ['-f', '1', '-l', '1', out, '-'], { encoding: 'utf8' });
    for (const value of ['PEMERINTAH KABUPATEN GUNUNG MAS', 'SEKRETARIAT DAERAH', 'Bagian Organisasi']) expect(first).toContain(value);
    // The logo is an image on page 1.
    const images = execFileSync('pdfimages', ['-list', '-f', '1', '-l', '1', out], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(images.length).toBeGreaterThanOrEqual(1);
  });

  it('takes the logo of --letterhead as a data: URL too', async () => {
    const dir = await tempDir();
    const kop = path.join(dir, 'kop.json');
    const logo = `data:image/png;base64,${PNG_8PX}`;
    writeFileSync(kop, JSON.stringify({ pemda: 'Pemerintah Kota Denpasar', logo }));
    const out = path.join(dir, 'sop.html');
    const run = await runCli(['sop', MAP, '--letterhead', kop, '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain(`<img src="${logo}" alt="Logo">`);
    expect(html).toContain('Pemerintah Kota Denpasar');
  });

  it('exits 2 with a message in Bahasa Indonesia for a kop file that is not valid', async () => {
    const dir = await tempDir();
    const out = path.join(dir, 'sop.html');
    const write = (name: string, content: string) => {
      writeFileSync(path.join(dir, name), content);
      return path.join(dir, name);
    };
    writeFileSync(path.join(dir, 'bukan-gambar.png'), 'ini bukan gambar');
    writeFileSync(path.join(dir, 'besar.png'), Buffer.concat([Buffer.from(PNG_8PX, 'base64'), Buffer.alloc(210 * 1024)]));
    const cases: Array<[string, string]> = [
      [write('rusak.json', '{"pemda": '), 'Berkas kop SOP bukan JSON yang sah'],
      [write('larik.json', '["Pemerintah"]'), 'harus berupa objek JSON'],
      [write('kunci.json', JSON.stringify({ pemda: 'Pemerintah Kota Denpasar', warna: 'merah' })), 'kunci tidak dikenal: warna (yang dikenal: pemda, unit, subUnit, logo)'],
      [write('angka.json', JSON.stringify({ unit: 12 })), 'unit: harus berupa teks'],
      [write('tanpa-logo.json', JSON.stringify({ logo: 'tidak-ada.png' })), `Berkas logo pada kop ${path.join(dir, 'tanpa-logo.json')} tidak dapat dibaca: ${path.join(dir, 'tidak-ada.png')}`],
      [write('bukan.json', JSON.stringify({ logo: 'bukan-gambar.png' })), 'bukan gambar PNG, JPEG atau SVG'],
      [write('besar.json', JSON.stringify({ logo: 'besar.png' })), 'terlalu besar'],
      [write('palsu.json', JSON.stringify({ logo: 'data:image/png;base64,aGFsbw==' })), 'Isi logo bukan gambar PNG yang sah'],
      [path.join(dir, 'tidak-ada.json'), `Berkas kop SOP tidak dapat dibaca: ${path.join(dir, 'tidak-ada.json')}`],
    ];
    for (const [kop, message] of cases) {
      const run = await runCli(['sop', MAP, '--letterhead', kop, '--out', out]);
      expect(run.code, kop).toBe(2);
      expect(run.stderr, kop).toContain(message);
      expect(existsSync(out)).toBe(false);
    }
  });

  it('names the SOP after the map, never after its pool, until --meta gives a Nama SOP', async () => {
    const dir = await tempDir();
    // The library map's pool is "Sekretariat Daerah"; the file names the map, and so does a name in the model.
    const file = path.join(dir, 'Penyusunan Target Kinerja.bpmn');
    copyFileSync(path.join(ROOT, 'processes/library/mk-setda.bpmn'), file);
    const out = path.join(dir, 'sop.html');
    const run = await runCli(['sop', file, '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('SOP "Penyusunan Target Kinerja" ditulis sebagai HTML');
    expect(readFileSync(out, 'utf8')).toMatch(/<span class="nama-sop">Penyusunan Target Kinerja<\/span>/);
    const named = path.join(dir, 'peta.bpmn');
    writeFileSync(named, readFileSync(file, 'utf8').replace('id="Definitions_MkSetda"', 'id="Definitions_MkSetda" name="Mekanisme Kerja Sekretariat Daerah"'));
    const again = await runCli(['sop', named, '--out', out]);
    expect(again.stdout).toContain('SOP "Mekanisme Kerja Sekretariat Daerah" ditulis sebagai HTML');
    expect(readFileSync(out, 'utf8')).not.toMatch(/<span class="nama-sop">Sekretariat Daerah<\/span>/);
  });
});

/** An 8 × 8 px PNG (a red square). */
const PNG_8PX = 'iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAEklEQVR4nGP4z8CAFWEXHbQSACj/P8Fu7N9hAAAAAElFTkSuQmCC';
