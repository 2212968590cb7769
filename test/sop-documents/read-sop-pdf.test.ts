// Every SOP Petakerja prints, read back from its PDF (issue 17): the same performers, activities in order, symbols,
// decisions with their answers, mutu baku and arrows as the map's own SOP table — on every map of processes/ and the
// MIWG files with lanes. And what is not a vector SOP is refused with a message that says why.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { parseBpmn } from '../../server/bpmn/moddle';
import { readProcedure } from '../../server/sop/layout/procedure';
import { PdfPool } from '../../server/sop/pdf/pdf-pool';
import { renderSop } from '../../server/sop/render/index';
import { readSopPdf } from '../../server/sop-documents/pdf/read-sop-pdf';
import { procedureToTable } from '../../server/sop-documents/procedure-to-table';
import { structure } from '../helpers/sop-table-structure';

const ROOT = path.resolve(import.meta.dirname, '../..');
const pool = new PdfPool({ size: 1 });
afterAll(() => pool.close());

const files = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.bpmn'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();

const maps = [
  ...files(path.join(ROOT, 'processes')),
  ...files(path.resolve(ROOT, '../shared/corpus/miwg/reference')).filter((file) => /<([\w-]+:)?lane[\s>]/.test(readFileSync(file, 'utf8'))),
];

describe('an SOP PDF Petakerja printed, read back', () => {
  for (const file of maps) {
    it(path.relative(path.dirname(ROOT), file), async () => {
      const { definitions } = await parseBpmn(readFileSync(file, 'utf8'));
      const expected = procedureToTable(readProcedure(definitions));
      if (expected.rows.length === 0) return;
      const rendered = renderSop({ definitions, settings: { paper: 'A4', orientation: 'landscape' } });
      const pdf = await pool.pdf(rendered.html, { paper: 'A4', landscape: true });
      const read = await readSopPdf(new Uint8Array(pdf));
      expect(structure(read, { labels: false })).toEqual(structure(expected, { labels: false }));
    });
  }
});

describe('a PDF that is not a vector SOP', () => {
  it('is refused as scanned when it has no text layer, and as not an SOP when it has no flowchart table', async () => {
    const blank = await PDFDocument.create();
    blank.addPage();
    await expect(readSopPdf(await blank.save())).rejects.toMatchObject({ code: 'PDF_SCANNED' });
    const letter = await PDFDocument.create();
    const page = letter.addPage();
    page.drawText('Surat undangan rapat', { font: await letter.embedFont(StandardFonts.Helvetica), x: 50, y: 700 });
    await expect(readSopPdf(await letter.save())).rejects.toMatchObject({ code: 'SOP_TABLE_NOT_FOUND' });
  });
});
