// Every SOP Petakerja prints, read back from its PDF (issue 17): the same performers, activities in order, symbols,
// decisions with their answers, mutu baku and arrows as the map's own SOP table — on every map of processes/ and the
// MIWG files with lanes. And what is not a vector SOP is refused with a message that says why.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { parseBpmn } from '../../server/bpmn/moddle';
import type { SopIdentityDraft } from '../../server/sop/identity.schema';
import { readProcedure } from '../../server/sop/layout/procedure';
import { PdfPool } from '../../server/sop/pdf/pdf-pool';
import { renderSop } from '../../server/sop/render/index';
import { readSopPdf } from '../../server/sop-documents/pdf/read-sop-pdf';
import { procedureToTable } from '../../server/sop-documents/procedure-to-table';
import { structure } from '../../server/sop-documents/table-structure';
import { sopRoundTripMaps } from '../helpers/fixtures';
import { FULL_SOP_IDENTITY } from '../helpers/sop-identity';

const ROOT = path.resolve(import.meta.dirname, '../..');
const IDENTITY: SopIdentityDraft = FULL_SOP_IDENTITY;
const pool = new PdfPool({ size: 1 });
afterAll(() => pool.close());

const maps = sopRoundTripMaps();

describe('an SOP PDF Petakerja printed, read back', () => {
  for (const file of maps) {
    it(path.relative(path.dirname(ROOT), file), async () => {
      const { definitions } = await parseBpmn(readFileSync(file, 'utf8'));
      const expected = procedureToTable(readProcedure(definitions));
      if (expected.rows.length === 0) return;
      const rendered = renderSop({ definitions, settings: { paper: 'A4', orientation: 'landscape' } });
      const pdf = await pool.pdf(rendered.html, { paper: 'A4', landscape: true });
      const { table } = await readSopPdf(new Uint8Array(pdf));
      expect(structure(table, { labels: false })).toEqual(structure(expected, { labels: false }));
    });
  }
});

/**
 * The same SOP with its table's borders drawn another way, as Word, Excel and LibreOffice write them to PDF: each cell's
 * four edges as separate lines, or as thin filled bars; header backgrounds as fills of their own.
 */
function bordersRedrawn(html: string, as: 'lines' | 'bars'): string {
  return html.replace(/<g class="grid" stroke="#000" stroke-width="([\d.]+)">([\s\S]*?)<\/g>/g, (_all, width: string, body: string) => {
    const w = Number(width);
    const cells = body.replace(/<rect x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)" fill="([^"]+)"\/>/g, (_cell, ...values: string[]) => {
      const [x, y, width, height] = values.slice(0, 4).map(Number) as [number, number, number, number];
      const fill = values[4]!;
      const background = fill === 'none' ? '' : `<rect x="${x}" y="${y}" width="${width}" height="${height}" fill="${fill}" stroke="none"/>`;
      const edges: Array<[number, number, number, number]> = [[x, y, x + width, y], [x + width, y, x + width, y + height], [x, y + height, x + width, y + height], [x, y, x, y + height]];
      return (
        background +
        edges
          .map(([x1, y1, x2, y2]) =>
            as === 'lines'
              ? `<line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}"/>`
              : `<rect x="${Math.min(x1, x2) - w / 2}" y="${Math.min(y1, y2) - w / 2}" width="${Math.abs(x2 - x1) + w}" height="${Math.abs(y2 - y1) + w}" fill="#000" stroke="none"/>`,
          )
          .join('')
      );
    });
    return `<g class="grid" stroke="#000" stroke-width="${width}">${cells}</g>`;
  });
}

describe('an SOP whose table borders are drawn as separate lines or bars, read back', () => {
  const some = maps.filter((file) => /penunjukan-lintas-pd|mk-setda|lintas-fungsi|subproses|C\.1\.0/.test(file));
  for (const as of ['lines', 'bars'] as const) {
    for (const file of some) {
      it(`${as}: ${path.basename(file)}`, async () => {
        const { definitions } = await parseBpmn(readFileSync(file, 'utf8'));
        const expected = procedureToTable(readProcedure(definitions));
        const rendered = renderSop({ definitions, settings: { paper: 'A4', orientation: 'landscape' } });
        const html = bordersRedrawn(rendered.html, as);
        expect(html).not.toBe(rendered.html);
        const { table } = await readSopPdf(new Uint8Array(await pool.pdf(html, { paper: 'A4', landscape: true })));
        expect(structure(table, { labels: false })).toEqual(structure(expected, { labels: false }));
      });
    }
  }
});

describe('the identity part read back', () => {
  it('gives every field as it was filled in, dates and NIP in their stored forms', async () => {
    const { definitions } = await parseBpmn(readFileSync(path.join(ROOT, 'processes/library/penunjukan-lintas-unit.bpmn'), 'utf8'));
    const rendered = renderSop({ definitions, identity: IDENTITY, settings: { paper: 'A4', orientation: 'landscape' } });
    const { identity, table } = await readSopPdf(new Uint8Array(await pool.pdf(rendered.html, { paper: 'A4', landscape: true })));
    expect(identity).toEqual(IDENTITY);
    expect(table.name).toBe(IDENTITY.namaSop);
  });

  it('leaves out what a blank identity shows as placeholders', async () => {
    const { definitions } = await parseBpmn(readFileSync(path.join(ROOT, 'processes/templates/lintas-fungsi.bpmn'), 'utf8'));
    const rendered = renderSop({ definitions, mapName: 'Peta uji', settings: { paper: 'A4', orientation: 'landscape' } });
    const { identity } = await readSopPdf(new Uint8Array(await pool.pdf(rendered.html, { paper: 'A4', landscape: true })));
    expect(identity).toEqual({ namaSop: 'Peta uji' });
  });
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
