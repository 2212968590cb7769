// The visible electronic signature (issue 19): the lines drawn in the Disahkan box of a signed SOP, as the widget's
// appearance stream (Helvetica, WinAnsi: characters it cannot show are transliterated or dropped).
import {
  beginText,
  endText,
  PDFDocument,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  rgb,
  setFillingColor,
  setFontAndSize,
  setLineWidth,
  setStrokingColor,
  showText,
  StandardFonts,
  stroke,
  setTextMatrix,
  type PDFOperator,
} from 'pdf-lib';

export interface AppearanceLines {
  /** "Ditandatangani secara elektronik oleh" — first, small. */
  heading: string;
  /** The signer's name, bold. */
  name: string;
  details: string[];
}

/** Only what Helvetica's WinAnsi encoding can show: accents kept when Latin-1, others dropped. */
export const winAnsi = (text: string): string =>
  text
    .normalize('NFC')
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[–—]/g, '-')
    .split('')
    .map((c) => (c.charCodeAt(0) <= 0xff ? c : c.normalize('NFD').replace(/[^\x20-\xff]/g, '')))
    .join('')
    .replace(/[\x00-\x1f\x7f]/g, ' ');

/** Draws the lines in a `width`×`height` box and returns the form XObject's reference for the widget's /AP /N. */
export async function appearanceStream(doc: PDFDocument, width: number, height: number, lines: AppearanceLines) {
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const rows = [
    { font: bold, key: 'F2', text: winAnsi(lines.heading), scale: 0.9 },
    { font: bold, key: 'F2', text: winAnsi(lines.name), scale: 1.1 },
    ...lines.details.map((text) => ({ font: regular, key: 'F1', text: winAnsi(text), scale: 0.9 })),
  ];
  const pad = 2;
  const unit = Math.min(8, (height - 2 * pad) / rows.reduce((sum, row) => sum + row.scale * 1.18, 0));
  const widest = Math.max(...rows.map((row) => row.font.widthOfTextAtSize(row.text, unit * row.scale)));
  const size = widest > width - 2 * pad ? (unit * (width - 2 * pad)) / widest : unit;
  const ops: PDFOperator[] = [
    pushGraphicsState(),
    setStrokingColor(rgb(0.07, 0.23, 0.35)),
    setLineWidth(0.6),
    rectangle(0.3, 0.3, width - 0.6, height - 0.6),
    stroke(),
    setFillingColor(rgb(0.07, 0.23, 0.35)),
    beginText(),
  ];
  let y = height - pad;
  for (const row of rows) {
    const fontSize = size * row.scale;
    y -= fontSize * 1.18;
    ops.push(setFontAndSize(row.key, fontSize), setTextMatrix(1, 0, 0, 1, pad + 1, y + fontSize * 0.22), showText(row.font.encodeText(row.text)));
  }
  ops.push(endText(), popGraphicsState());
  const stream = doc.context.formXObject(ops, {
    BBox: [0, 0, width, height],
    Resources: { Font: { F1: regular.ref, F2: bold.ref } },
  });
  return doc.context.register(stream);
}
