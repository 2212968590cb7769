// An uploaded SOP AP document (issue 17) → its flowchart table, identity and the draft map built from the table.
// Which reader runs is decided by the file's first bytes, never by its name. Vector PDF is read today; Word and Excel
// files are recognised and refused with the way round (save or print them as PDF) until their readers land.
import { AppError } from '../errors';
import type { SopIdentityDraft } from '../sop/identity.schema';
import type { PageImage } from './pdf/read-sop-pdf';
import type { SopTable } from './sop-table.schema';
import { sniffDocument, type DocumentFormat } from './document-format';
import { tableToMap } from './table-to-map';

export interface DocumentRead {
  format: DocumentFormat;
  pages: number;
  table: SopTable;
  identity: SopIdentityDraft;
  /** The draft map built from the table. */
  xml: string;
  /** The first pages drawn as PNG, for the import dialog. */
  images: PageImage[];
}

/**
 * Reads the document and builds its draft map: one pool named `unit` (the unit the map is imported for), a lane per
 * Pelaksana column. PDF only for now; other documents are refused with DOCUMENT_FORMAT_NOT_READ_YET.
 */
export async function readSopDocument(bytes: Uint8Array, options: { unit: string; name: string; draw?: boolean }): Promise<DocumentRead> {
  const format = sniffDocument(bytes);
  if (format !== 'pdf') {
    throw new AppError(
      415,
      'DOCUMENT_FORMAT_NOT_READ_YET',
      'Dokumen Word atau Excel belum dapat dibaca langsung. Simpan atau cetak dokumen SOP itu sebagai PDF (Berkas › Simpan sebagai › PDF), lalu impor berkas PDF-nya.',
      { format },
    );
  }
  // pdfjs-dist loads only when a PDF is read.
  const { readSopPdf } = await import('./pdf/read-sop-pdf');
  const { table, identity, pages, images } = await readSopPdf(bytes, { draw: options.draw ?? false });
  const xml = await tableToMap(table, { unit: options.unit, name: table.name ?? options.name });
  return { format, pages, table, identity, xml, images };
}
