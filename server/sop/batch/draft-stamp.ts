// Marks an unsigned SOP's PDF as a draft (issue 15, item 3): "DRAF" large and light across every page, and a line at
// the top of every page saying it is not in force, so no page of it can pass for a signed SOP.
import { degrees, PDFDocument, rgb, StandardFonts } from 'pdf-lib';

export const DRAFT_MARK = 'DRAF';
export const DRAFT_NOTE = 'DRAF - belum disahkan, tidak berlaku sebagai SOP';

export async function stampDraft(pdf: Uint8Array): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const red = rgb(0.75, 0.1, 0.1);
  for (const page of doc.getPages()) {
    const { width, height } = page.getSize();
    const size = Math.min(width, height) / 4;
    const markWidth = bold.widthOfTextAtSize(DRAFT_MARK, size);
    const angle = Math.atan2(height, width);
    // Centred on the page, along its diagonal.
    const x = width / 2 - (Math.cos(angle) * markWidth) / 2 + (Math.sin(angle) * size * 0.35);
    const y = height / 2 - (Math.sin(angle) * markWidth) / 2 - (Math.cos(angle) * size * 0.35);
    page.drawText(DRAFT_MARK, { x, y, size, font: bold, color: red, opacity: 0.18, rotate: degrees((angle * 180) / Math.PI) });
    const noteSize = 9;
    page.drawText(DRAFT_NOTE, { x: (width - bold.widthOfTextAtSize(DRAFT_NOTE, noteSize)) / 2, y: height - 4 * (72 / 25.4), size: noteSize, font: bold, color: red });
  }
  return doc.save();
}
