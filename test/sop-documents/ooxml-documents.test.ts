// The package reader on documents drawn by other programs (issue 17): the Calc spreadsheets of the fixtures (.xlsx,
// connectors glued between shapes anchored to cells) read exactly — performers, rows, arrows with their answers and
// labels — and Petakerja's own Word export of every map of processes/ and the MIWG files with lanes read back through
// the package route, without LibreOffice, as sop-docx.test.ts reads it through LibreOffice.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBpmn } from '../../server/bpmn/moddle';
import { sopDocx } from '../../server/sop/docx/sop-docx';
import { readProcedure } from '../../server/sop/layout/procedure';
import { procedureToTable } from '../../server/sop-documents/procedure-to-table';
import { readSopDocument } from '../../server/sop-documents/read-document';
import { SopTable } from '../../server/sop-documents/sop-table.schema';
import { structure } from '../../server/sop-documents/table-structure';
import { sopRoundTripMaps } from '../helpers/fixtures';
import { FULL_SOP_IDENTITY } from '../helpers/sop-identity';

const DIR = path.resolve(import.meta.dirname, '../fixtures/sop-documents');
const sheets = readdirSync(path.join(DIR, 'specs')).filter((f) => f.endsWith('.json') && !f.startsWith('word-')).sort();

describe('Calc spreadsheets (.xlsx) read from their package', () => {
  it('has its documents', () => expect(sheets.length).toBeGreaterThanOrEqual(4));
  for (const spec of sheets) {
    const name = spec.replace('.json', '');
    it(`${name}.xlsx`, async () => {
      const { connector: _c, rowHeights: _r, ...want } = JSON.parse(readFileSync(path.join(DIR, 'specs', spec), 'utf8'));
      const read = await readSopDocument(new Uint8Array(readFileSync(path.join(DIR, 'office', `${name}.xlsx`))), { unit: 'Dinas Uji', name: 'Peta' });
      expect(read.route).toBe('package');
      expect(structure(read.table)).toEqual(structure(SopTable.parse(want)));
      // Every connector glued or touching its symbols: nothing guessed.
      expect(read.table.guesses).toEqual([]);
    });
  }
});

describe("Petakerja's Word export read from its package", () => {
  for (const file of sopRoundTripMaps()) {
    it(path.basename(file), async () => {
      const { definitions } = await parseBpmn(readFileSync(file, 'utf8'));
      const expected = procedureToTable(readProcedure(definitions));
      if (expected.rows.length === 0) return;
      const docx = sopDocx({ definitions, identity: FULL_SOP_IDENTITY, settings: { paper: 'A4', orientation: 'landscape' } });
      const read = await readSopDocument(docx, { unit: 'Bagian Organisasi', name: 'Peta' });
      expect(read.route).toBe('package');
      expect(structure(read.table, { labels: false })).toEqual(structure(expected, { labels: false }));
      expect(read.identity).toEqual(FULL_SOP_IDENTITY);
    });
  }
});
