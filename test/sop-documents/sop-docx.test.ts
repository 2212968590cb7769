// "Unduh Word" (issue 17): the SOP as an editable .docx, and its round trip — the Word file, opened by LibreOffice and
// read back by the document reader, gives the same performers, rows (symbol, activity, performer, mutu baku), arrows
// with their answers and identity as the map's own SOP — on every map of processes/ and the MIWG reference files with
// lanes. The package is a valid Word document: its parts and content types, well-formed XML.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { parseBpmn } from '../../server/bpmn/moddle';
import type { SopIdentityDraft } from '../../server/sop/identity.schema';
import { sopDocx } from '../../server/sop/docx/sop-docx';
import { readProcedure } from '../../server/sop/layout/procedure';
import { procedureToTable } from '../../server/sop-documents/procedure-to-table';
import { readSopDocument } from '../../server/sop-documents/read-document';
import { structure } from '../../server/sop-documents/table-structure';
import { ROOT, sopRoundTripMaps } from '../helpers/fixtures';
import { FULL_SOP_IDENTITY } from '../helpers/sop-identity';

const maps = sopRoundTripMaps();

const IDENTITY: SopIdentityDraft = FULL_SOP_IDENTITY;

describe('the SOP as a Word document', () => {
  it('is a package Word opens: content types, the document part, well-formed XML', async () => {
    const { definitions } = await parseBpmn(readFileSync(path.join(ROOT, 'processes/templates/lintas-fungsi.bpmn'), 'utf8'));
    const parts = unzipSync(sopDocx({ definitions, identity: IDENTITY, settings: { paper: 'A4', orientation: 'landscape' } }));
    expect(Object.keys(parts).sort()).toEqual(['[Content_Types].xml', '_rels/.rels', 'word/_rels/document.xml.rels', 'word/document.xml']);
    for (const [name, data] of Object.entries(parts)) {
      const parser = new SaxesParser({ xmlns: true });
      expect(() => parser.write(strFromU8(data)).close(), name).not.toThrow();
    }
    const document = strFromU8(parts['word/document.xml']!);
    // Shapes, not pictures: each symbol a preset flowchart shape the user can edit.
    for (const preset of ['flowChartTerminator', 'rect', 'flowChartDecision']) expect(document).toContain(`prst="${preset}"`);
    expect(document).toContain('<a:tailEnd type="triangle"');
  });

  it('carries the letterhead: pemda, unit, sub-unit and a PNG logo as a picture of the package', async () => {
    const { definitions } = await parseBpmn(readFileSync(path.join(ROOT, 'processes/templates/lintas-fungsi.bpmn'), 'utf8'));
    // A 2×1 PNG: the picture keeps its proportions (20 mm tall, 40 mm wide).
    const png = 'iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAYAAAD0In+KAAAAEUlEQVR4nGNgYPj/n4GBgQEAE/sC/6Xk2RIAAAAASUVORK5CYII=';
    const letterhead = { pemda: 'Pemerintah Kabupaten Badung', unit: 'Sekretariat Daerah', subUnit: 'Bagian Organisasi', logoDataUrl: `data:image/png;base64,${png}` };
    const docx = sopDocx({ definitions, identity: IDENTITY, letterhead, settings: { paper: 'A4', orientation: 'landscape' } });
    const parts = unzipSync(docx);
    expect(Buffer.from(parts['word/media/logo.png']!).toString('base64')).toBe(png);
    expect(strFromU8(parts['word/_rels/document.xml.rels']!)).toContain('Target="media/logo.png"');
    expect(strFromU8(parts['[Content_Types].xml']!)).toContain('Extension="png" ContentType="image/png"');
    const document = strFromU8(parts['word/document.xml']!);
    for (const text of Object.values(letterhead).slice(0, 3)) expect(document).toContain(text);
    expect(document).toContain('<wp:extent cx="1440000" cy="720000"/>');
    // Opened by LibreOffice and read back, the identity is still the document's.
    expect((await readSopDocument(docx, { unit: 'U', name: 'N', viaPdf: true })).identity).toEqual(IDENTITY);
    // Read from its package, the identity is the same (the letterhead beside it is not a field).
    expect((await readSopDocument(docx, { unit: 'U', name: 'N' })).identity).toEqual(IDENTITY);
  }, 60_000);

  for (const file of maps) {
    it(`reads back as it was printed: ${path.relative(path.dirname(ROOT), file)}`, async () => {
      const { definitions } = await parseBpmn(readFileSync(file, 'utf8'));
      const expected = procedureToTable(readProcedure(definitions));
      if (expected.rows.length === 0) return;
      const docx = sopDocx({ definitions, identity: IDENTITY, settings: { paper: 'A4', orientation: 'landscape' } });
      // Through LibreOffice: the package route reads the same file in ooxml-documents.test.ts.
      const read = await readSopDocument(docx, { unit: 'Bagian Organisasi', name: 'Peta', viaPdf: true });
      expect(read.label).toBe('Word .docx');
      expect(read.route).toBe('libreoffice-pdf');
      expect(structure(read.table, { labels: false })).toEqual(structure(expected, { labels: false }));
      expect(read.identity).toEqual(IDENTITY);
    }, 60_000);
  }
});
