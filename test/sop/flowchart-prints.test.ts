// The SOP flowchart page as printed (issue 15 item 9), read back from the PDF with pdftotext -bbox: answers spelt
// "Ya"/"Tidak", each arrow label inside its performer cell with no grid line through it, off-page connectors level with
// the symbols of their rows, and no last page of one row.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseBpmn } from '../../server/bpmn/moddle';
import { PdfPool } from '../../server/sop/pdf/pdf-pool';
import { renderSop } from '../../server/sop/render/index';
import { MIWG_DIR, readText, ROOT } from '../helpers/fixtures';
import { tempDir } from '../helpers/temp-dir';
import { wordsOf } from '../helpers/pdf-words';

const pool = new PdfPool({ size: 1 });
afterAll(() => pool.close());




async function printed(file: string, orientation: 'landscape' | 'portrait' = 'landscape') {
  const { definitions } = await parseBpmn(readText(file));
  const rendered = renderSop({ definitions, settings: { paper: 'A4', orientation } });
  const out = path.join(await tempDir('petakerja-flowchart-prints-'), `${path.basename(file, '.bpmn')}.pdf`);
  writeFileSync(out, await pool.pdf(rendered.html, { paper: 'A4', landscape: orientation === 'landscape' }));
  return { document: rendered.document, words: wordsOf(out) };
}

describe('the SOP flowchart page as printed', () => {
  it.each([
    ['MIWG C.2.0', path.join(MIWG_DIR, 'reference/C.2.0.bpmn'), 'landscape'],
    ['MIWG C.4.0', path.join(MIWG_DIR, 'reference/C.4.0.bpmn'), 'portrait'],
    ['penunjukan-lintas-pd', path.join(ROOT, 'processes/library/penunjukan-lintas-pd.bpmn'), 'landscape'],
  ] as const)('%s: answers, labels, connectors and the last page', async (_name, file, orientation) => {
    const { document, words } = await printed(file, orientation);
    const procedureWords = words.filter((word) => word.page >= 2 && word.page <= document.pages.length + 1);

    // One spelling of the answers: no "Yes"/"No" answer, no lower-case "ya" anywhere on the procedure pages.
    expect(procedureWords.filter((word) => /^(Yes|yes|ya|YA)$/.test(word.text)).map((word) => `${word.text} p${word.page}`)).toEqual([]);

    for (const page of document.pages) {
      const onPage = procedureWords.filter((word) => word.page === page.number + 1);
      const rowLines = [document.table.y + document.table.headerHeight, ...page.bands.map((band) => band.y + band.height)];
      const columnLines = [...new Set(document.table.columns.flatMap((column) => [column.x, column.x + column.width]))];
      // Each label's words lie inside the label's cell, and no grid line runs through them.
      for (const arrow of page.arrows.filter((candidate) => candidate.label)) {
        const { box, lines } = arrow.label!;
        const cell = document.table.columns.find((column) => column.key === 'pelaksana' && box.x >= column.x - 0.01 && box.x + box.width <= column.x + column.width + 0.01)!;
        const band = page.bands.find((candidate) => box.y >= candidate.y - 0.01 && box.y + box.height <= candidate.y + candidate.height + 0.01)!;
        expect(cell, `${arrow.id} in one performer cell`).toBeDefined();
        const expected = lines.join(' ').split(/\s+/).filter(Boolean);
        const found = onPage.filter((word) => word.xMin >= box.x - 1 && word.xMax <= box.x + box.width + 1 && word.yMin >= box.y - 1 && word.yMax <= box.y + box.height + 1);
        for (const part of expected) {
          const word = found.find((candidate) => candidate.text === part);
          expect(word, `"${part}" of ${arrow.id} printed in its box`).toBeDefined();
          expect(word!.xMin, `"${part}" inside its cell`).toBeGreaterThanOrEqual(cell.x);
          expect(word!.xMax, `"${part}" inside its cell`).toBeLessThanOrEqual(cell.x + cell.width);
          expect(word!.yMin, `"${part}" inside its row`).toBeGreaterThanOrEqual(band.y);
          expect(word!.yMax, `"${part}" inside its row`).toBeLessThanOrEqual(band.y + band.height);
          for (const x of columnLines) expect(word!.xMin < x && word!.xMax > x, `a column line through "${part}"`).toBe(false);
          for (const y of rowLines) expect(word!.yMin < y && word!.yMax > y, `a row line through "${part}"`).toBe(false);
        }
      }
      // An off-page connector's letter is printed level with the symbol of the row it stands in, beside it.
      for (const connector of page.symbols.filter((symbol) => symbol.kind === 'off-page-connector')) {
        const pair = document.connectors.find((known) => known.label === connector.text)!;
        const row = connector.connector!.direction === 'in' ? pair.toRow : pair.fromRow;
        const symbol = page.symbols.find((candidate) => candidate.id === `row-${row}`)!;
        const letter = onPage.find((word) => word.text === connector.text && word.xMin >= connector.x - 0.5 && word.xMax <= connector.x + connector.width + 0.5 && word.yMin >= connector.y - 0.5 && word.yMax <= connector.y + connector.height + 0.5);
        expect(letter, `connector ${connector.text} printed`).toBeDefined();
        if (connector.performer !== symbol.performer) {
          expect(Math.abs(connector.y + connector.height / 2 - (symbol.y + symbol.height / 2)), `connector ${connector.text} level with its row`).toBeLessThan(0.01);
        }
      }
    }
    // The connectors that stand beside their rows' symbols are most of them.
    const connectors = document.pages.flatMap((page) => page.symbols.filter((symbol) => symbol.kind === 'off-page-connector').map((symbol) => ({ symbol, page })));
    const beside = connectors.filter(({ symbol, page }) => {
      const pair = document.connectors.find((known) => known.label === symbol.text)!;
      const row = page.symbols.find((candidate) => candidate.id === `row-${symbol.connector!.direction === 'in' ? pair.toRow : pair.fromRow}`)!;
      return row.performer !== symbol.performer;
    });
    expect(beside.length).toBeGreaterThanOrEqual(connectors.length / 2);

    // The last procedure page prints two rows or more: its row numbers in No.
    if (document.pages.length > 1) {
      const last = document.pages.at(-1)!;
      const noColumn = document.table.columns[0]!;
      const numbers = procedureWords.filter((word) => word.page === last.number + 1 && /^\d+$/.test(word.text) && word.xMax <= noColumn.x + noColumn.width && word.yMin > document.table.y + document.table.headerHeight);
      expect(numbers.length + last.rows.filter((index) => document.procedure.rows[index]!.no === undefined).length).toBeGreaterThanOrEqual(2);
    }
  });
});
