// An uploaded SOP AP document (issue 17) → its flowchart table, identity and the draft map built from the table.
// Which reader runs is decided by the file's first bytes, never by its name: a vector PDF is read as it is; a Word or
// Excel file (.docx, .xlsx, .doc, .xls) is checked as a package and drawn as PDF by LibreOffice first.
import { AppError } from '../errors';
import type { SopIdentityDraft } from '../sop/identity.schema';
import type { PageImage } from './pdf/read-sop-pdf';
import type { SopTable } from './sop-table.schema';
import { sniffDocument, type DocumentFormat } from './document-format';
import { tableToMap } from './table-to-map';

export interface DocumentRead {
  format: DocumentFormat;
  /** The file's kind as a user knows it: "PDF", "Excel .xlsx", "Word .doc", … */
  label: string;
  pages: number;
  table: SopTable;
  identity: SopIdentityDraft;
  /** The draft map built from the table. */
  xml: string;
  /** The first pages drawn as PNG, for the import dialog. */
  images: PageImage[];
  /** Which way the file was read: its package's shapes, or drawn as PDF by LibreOffice. */
  route: 'package' | 'pdf' | 'libreoffice-pdf';
}

/**
 * Reads the document and builds its draft map: one pool named `unit` (the unit the map is imported for), a lane per
 * Pelaksana column.
 */
export async function readSopDocument(
  bytes: Uint8Array,
  /** `viaPdf`: a .docx/.xlsx drawn by LibreOffice and read as PDF even when its package could be read (round-trip tests). */
  options: { unit: string; name: string; draw?: boolean; viaPdf?: boolean },
): Promise<DocumentRead> {
  const format = sniffDocument(bytes);
  if (!format) throw new AppError(415, 'DOCUMENT_FORMAT_UNKNOWN', 'Berkas ini bukan PDF, dokumen Word, atau lembar kerja Excel.');
  // Word and Excel files are checked as packages, then drawn as PDF by LibreOffice; every format is then read alike.
  let pdf = bytes;
  let label = 'PDF';
  if (format !== 'pdf') {
    const { officeKind } = await import('./office/office-package');
    const { officeToPdf } = await import('./office/convert-to-pdf');
    const kind = officeKind(bytes, format);
    label = `${kind.startsWith('doc') ? 'Word' : 'Excel'} .${kind}`;
    // A .docx/.xlsx holding the flowchart as shapes is read from its parts: connectors glued to their symbols give the
    // arrows exactly (LibreOffice routes them anew when it opens the file). The preview pages still come from the PDF.
    if ((kind === 'docx' || kind === 'xlsx') && !options.viaPdf) {
      const { readPackage } = await import('./ooxml/read-package');
      const read = readPackage(bytes, kind);
      if (read) {
        let pages = read.pages;
        let images: PageImage[] = [];
        let identity = read.identity;
        if (options.draw) {
          const { readSopPdf } = await import('./pdf/read-sop-pdf');
          const drawn = await readSopPdf(await officeToPdf(bytes, kind), { draw: true }).catch(() => undefined);
          if (drawn) ({ pages, images } = drawn);
          if (drawn && Object.keys(identity).length === 0) identity = drawn.identity;
        }
        const table = identity.namaSop && !read.table.name ? { ...read.table, name: identity.namaSop } : read.table;
        const xml = await tableToMap(table, { unit: options.unit, name: table.name ?? options.name });
        return { format, label, pages, table, identity, xml, images, route: 'package' };
      }
    }
    pdf = await officeToPdf(bytes, kind);
  }
  // pdfjs-dist loads only when a PDF is read.
  const { readSopPdf } = await import('./pdf/read-sop-pdf');
  const { table, identity, pages, images } = await readSopPdf(pdf, { draw: options.draw ?? false });
  const xml = await tableToMap(table, { unit: options.unit, name: table.name ?? options.name });
  return { format, label, pages, table, identity, xml, images, route: format === 'pdf' ? 'pdf' : 'libreoffice-pdf' };
}
