// Assembles a unit's SOP book as one PDF: the front matter (book-front-matter.ts) printed once its table of contents
// knows where each SOP starts, then every SOP's own PDF, each page stamped with the book's page number at the bottom
// centre (the SOP's own "Halaman i dari n" stays at the bottom right). The cover is counted but not stamped.
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import type { PdfPool } from '../pdf/pdf-pool';
import { renderBookFrontMatter, type BookFrontMatterInput } from './book-front-matter';

export interface BookSop {
  title: string;
  nomor?: string;
  /** Not in force: listed as a draft, not counted by the decree. */
  draft?: boolean;
  pdf: Uint8Array;
  pageCount: number;
}

export async function pdfPageCount(pdf: Uint8Array): Promise<number> {
  return (await PDFDocument.load(pdf, { updateMetadata: false })).getPageCount();
}

/**
 * Prints the front matter until its own length is stable (the table of contents may need more than one page, which
 * moves every SOP), then merges. At most three prints; in practice two.
 */
export async function buildSopBook(pool: PdfPool, front: Omit<BookFrontMatterInput, 'entries'>, sops: BookSop[]): Promise<{ pdf: Uint8Array; pages: number }> {
  let frontPages = 4; // cover, decree, one page of contents, guide
  let frontPdf: Uint8Array | undefined;
  for (let attempt = 0; attempt < 3; attempt++) {
    let page = frontPages + 1;
    const entries = sops.map((sop) => {
      const entry = { title: sop.title, ...(sop.nomor ? { nomor: sop.nomor } : {}), ...(sop.draft ? { draft: true } : {}), page };
      page += sop.pageCount;
      return entry;
    });
    frontPdf = await pool.pdf(renderBookFrontMatter({ ...front, entries }), { paper: 'A4', landscape: false });
    const printed = await pdfPageCount(frontPdf);
    if (printed === frontPages) break;
    frontPages = printed;
  }

  const book = await PDFDocument.create({ updateMetadata: false });
  book.setTitle(`Buku SOP ${front.unit} ${front.year}`);
  book.setCreator('Petakerja');
  book.setProducer('Petakerja');
  for (const part of [frontPdf!, ...sops.map((sop) => sop.pdf)]) {
    const source = await PDFDocument.load(part, { updateMetadata: false });
    for (const copied of await book.copyPages(source, source.getPageIndices())) book.addPage(copied);
  }

  const font = await book.embedFont(StandardFonts.Helvetica);
  const size = 8;
  book.getPages().forEach((page, index) => {
    if (index === 0) return;
    const label = String(index + 1);
    const { width } = page.getSize();
    page.drawText(label, { x: (width - font.widthOfTextAtSize(label, size)) / 2, y: 3.5 * (72 / 25.4), size, font, color: rgb(0, 0, 0) });
  });
  const pdf = await book.save();
  return { pdf, pages: book.getPageCount() };
}
