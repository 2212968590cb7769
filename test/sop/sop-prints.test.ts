// What the SOP PDF prints (issue 14 item 7), read back from the PDF with pdftotext: the names of expanded
// sub-processes; two-digit row numbers at the size of one-digit ones; a long pool name wrapped inside its header cell
// at the header's size. And the layout's warnings name an unnamed element by kind and position, never by its id.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseBpmn } from '../../server/bpmn/moddle';
import { readProcedure } from '../../server/sop/layout/procedure';
import { numberColumnWidth, textHeight } from '../../server/sop/layout/page-geometry';
import { PdfPool } from '../../server/sop/pdf/pdf-pool';
import { renderSop } from '../../server/sop/render/index';
import { readText, ROOT } from '../helpers/fixtures';
import { tempDir } from '../helpers/temp-dir';
import { wordsOf, type Word } from '../helpers/pdf-words';

const pool = new PdfPool({ size: 1 });
afterAll(() => pool.close());

const squeeze = (text: string) => text.replace(/-\s*\n\s*/g, '-').replace(/\s+/g, '');



async function printed(fixture: string, portrait = false) {
  const { definitions } = await parseBpmn(readText(path.join(ROOT, 'test/sop/fixtures', fixture)));
  const rendered = renderSop({ definitions, settings: { paper: 'A4', orientation: portrait ? 'portrait' : 'landscape' } });
  const out = path.join(await tempDir('petakerja-sop-prints-'), fixture.replace('.bpmn', '.pdf'));
  writeFileSync(out, await pool.pdf(rendered.html, { paper: 'A4', landscape: !portrait }));
  return { ...rendered, pdf: out };
}

describe('what the SOP prints', () => {
  it('prints the names of expanded sub-processes, nested ones as a path, above their first rows', async () => {
    const { pdf } = await printed('subprocess-frames.bpmn');
    const text = squeeze(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }));
    expect(text).toContain(squeeze('Subproses: Verifikasi Permohonan'));
    expect(text).toContain(squeeze('Subproses: Verifikasi Permohonan › Peninjauan Lapangan'));
    // The heading stands above the row's own Kegiatan, in the same cell.
    expect(text).toContain(squeeze('Subproses: Verifikasi Permohonan Memeriksa dokumen teknis'));
    for (const name of ['Memeriksa dokumen teknis', 'Meninjau lokasi usaha', 'Menyusun berita acara peninjauan', 'Hasil verifikasi sesuai?']) expect(text).toContain(squeeze(name));
  });

  it('prints two-digit row numbers at full size and a long pool name wrapped inside its header cell (A4 portrait, five performers)', async () => {
    const { pdf, document } = await printed('long-pool-name.bpmn', true);
    const words = wordsOf(pdf);
    const numbers = words.filter((word) => word.page === 2 && /^\d+$/.test(word.text) && word.xMin < document.table.x + document.table.columns[0]!.width);
    expect(numbers.map((word) => word.text)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12']);
    const height = (word: Word) => word.yMax - word.yMin;
    for (const word of numbers) expect(height(word), `row number ${word.text}`).toBeCloseTo(height(numbers[0]!), 1);
    expect(document.table.columns[0]!.width).toBeGreaterThanOrEqual(numberColumnWidth(2));

    // The pool's header cell holds its whole name, every word inside it, at the size of the other header texts.
    const poolName = 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Kabupaten Gunung Mas';
    const page = document.pages[0]!;
    const cell = page.header.find((header) => header.text === poolName)!;
    expect(cell.height).toBeGreaterThanOrEqual(textHeight(poolName, cell.width) - 0.01);
    const headerWords = words.filter((word) => word.page === 2 && word.yMax <= document.table.y + document.table.headerHeight + 0.5);
    const kegiatan = headerWords.find((word) => word.text === 'Kegiatan')!;
    for (const part of poolName.split(' ')) {
      const word = headerWords.find((candidate) => candidate.text === part && candidate.xMin >= cell.x - 0.5 && candidate.xMax <= cell.x + cell.width + 0.5);
      expect(word, `"${part}" in the pool's cell`).toBeDefined();
      expect(word!.yMin, `"${part}" below the cell's top`).toBeGreaterThanOrEqual(cell.y - 0.3);
      expect(word!.yMax, `"${part}" above the cell's bottom`).toBeLessThanOrEqual(cell.y + cell.height + 0.3);
      expect(height(word!), `"${part}" at the header's size`).toBeCloseTo(height(kegiatan), 1);
    }
    // A performer's one long word in a narrow column takes the cell's width with a narrow margin: it prints at 80 % of
    // the header's size or more (it printed at 72 % with the body's margins).
    for (const name of ['Verifikator', 'Perizinan', 'Pendapatan']) {
      const word = headerWords.find((candidate) => candidate.text === name)!;
      expect(height(word) / height(kegiatan), name).toBeGreaterThanOrEqual(0.8);
    }
  });

  it('names an element outside every lane by its kind and position in the warning, never by its id', async () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D" targetNamespace="x">
  <bpmn:process id="P"><bpmn:laneSet id="LS"><bpmn:lane id="L1" name="Kasir"><bpmn:flowNodeRef>S</bpmn:flowNodeRef><bpmn:flowNodeRef>A</bpmn:flowNodeRef></bpmn:lane></bpmn:laneSet>
    <bpmn:startEvent id="S" /><bpmn:task id="A" name="Menerima pembayaran" /><bpmn:task id="sid-8EFE706F-1C2B-4D3E-9F00-ABCDEF012345" /><bpmn:endEvent id="E" />
    <bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="A" /><bpmn:sequenceFlow id="F2" sourceRef="A" targetRef="sid-8EFE706F-1C2B-4D3E-9F00-ABCDEF012345" />
    <bpmn:sequenceFlow id="F3" sourceRef="sid-8EFE706F-1C2B-4D3E-9F00-ABCDEF012345" targetRef="E" />
  </bpmn:process>
</bpmn:definitions>`;
    const { warnings } = readProcedure((await parseBpmn(xml)).definitions);
    const unplaced = warnings.filter((warning) => warning.includes('tidak berada di lajur mana pun'));
    expect(unplaced).toEqual(['Tugas tanpa nama ke-1 tidak berada di lajur mana pun; ditempatkan pada kolom pelaksana pertama kolamnya.']);
    expect(warnings.join(' ')).not.toContain('sid-8EFE706F');
  });
});
