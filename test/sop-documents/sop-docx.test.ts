// "Unduh Word" (issue 17): the SOP as an editable .docx, and its round trip — the Word file, opened by LibreOffice and
// read back by the document reader, gives the same performers, rows (symbol, activity, performer, mutu baku), arrows
// with their answers and identity as the map's own SOP — on every map of processes/ and the MIWG reference files with
// lanes. The package is a valid Word document: its parts and content types, well-formed XML.
import { readdirSync, readFileSync } from 'node:fs';
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

const ROOT = path.resolve(import.meta.dirname, '../..');
const files = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.bpmn'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
const maps = [
  ...files(path.join(ROOT, 'processes')),
  ...files(path.resolve(ROOT, '../shared/corpus/miwg/reference')).filter((file) => /<([\w-]+:)?lane[\s>]/.test(readFileSync(file, 'utf8'))),
];

const IDENTITY: SopIdentityDraft = {
  nomor: '800/44/Org/2026',
  tanggalPembuatan: '2026-05-04',
  tanggalRevisi: '2026-11-02',
  tanggalEfektif: '2026-05-20',
  disahkanOleh: { jabatan: 'Kepala Bagian Organisasi', nama: 'Ni Made Contoh, S.H.', pangkat: 'Pembina (IV/a)', nip: '197805052005012004' },
  namaSop: 'Penyusunan Peta Proses Bisnis',
  dasarHukum: ['Peraturan Menteri PANRB Nomor 19 Tahun 2018', 'Peraturan Bupati Badung Nomor 35 Tahun 2023'],
  keterkaitan: ['SOP Reviu Peta Proses Bisnis'],
  peringatan: 'Peta proses tidak dapat ditetapkan',
  kualifikasiPelaksana: ['Memahami notasi BPMN'],
  peralatan: ['Komputer', 'Aplikasi Petakerja'],
  pencatatan: ['Daftar peta proses'],
};

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

  for (const file of maps) {
    it(`reads back as it was printed: ${path.relative(path.dirname(ROOT), file)}`, async () => {
      const { definitions } = await parseBpmn(readFileSync(file, 'utf8'));
      const expected = procedureToTable(readProcedure(definitions));
      if (expected.rows.length === 0) return;
      const docx = sopDocx({ definitions, identity: IDENTITY, settings: { paper: 'A4', orientation: 'landscape' } });
      const read = await readSopDocument(docx, { unit: 'Bagian Organisasi', name: 'Peta' });
      expect(read.label).toBe('Word .docx');
      expect(structure(read.table, { labels: false })).toEqual(structure(expected, { labels: false }));
      expect(read.identity).toEqual(IDENTITY);
    }, 60_000);
  }
});
