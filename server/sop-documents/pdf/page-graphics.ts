// What a vector PDF page draws, as plain geometry in page units from the top-left corner: the positioned text runs
// and the painted paths (their points, whether stroked or filled, dashed or not), read with pdfjs-dist from the
// page's drawing operations. The SOP readers work on this, never on pdfjs objects.
import { AppError } from '../../errors';
import { getDocument, OPS, type PDFDocumentProxy, type PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface Point {
  x: number;
  y: number;
}

export interface TextRun {
  text: string;
  /** Left end of the baseline. */
  x: number;
  y: number;
  width: number;
  /** The font size in page units. */
  size: number;
  /** The font's name as embedded, without a subset prefix ("LiberationSans-BoldItalic"), when known. */
  font?: string;
}

export interface PaintedPath {
  /** Sub-paths: each a run of points (curves flattened to their end points and control points' hull). */
  parts: Point[][];
  /** Whether each sub-path was closed. */
  closed: boolean[];
  stroked: boolean;
  filled: boolean;
  dashed: boolean;
  /** Whether any segment was a curve (a rounded rectangle, an ellipse). */
  curved: boolean;
}

export interface PageGraphics {
  number: number;
  width: number;
  height: number;
  texts: TextRun[];
  paths: PaintedPath[];
  /** The page drawn as PNG, when asked for (the import dialog shows the original beside the map). */
  png?: Uint8Array;
}

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];

const PAINT = new Map<number, { stroked: boolean; filled: boolean }>([
  [OPS.stroke, { stroked: true, filled: false }],
  [OPS.closeStroke, { stroked: true, filled: false }],
  [OPS.fill, { stroked: false, filled: true }],
  [OPS.eoFill, { stroked: false, filled: true }],
  [OPS.fillStroke, { stroked: true, filled: true }],
  [OPS.eoFillStroke, { stroked: true, filled: true }],
  [OPS.closeFillStroke, { stroked: true, filled: true }],
  [OPS.closeEOFillStroke, { stroked: true, filled: true }],
]);

/** pdfjs-dist's path operators inside a constructPath's data (its DrawOPS). */
const MOVE = 0;
const LINE = 1;
const CURVE = 2;
const QUADRATIC = 3;
const CLOSE = 4;

function readPath(data: ArrayLike<number>, at: (x: number, y: number) => Point): Omit<PaintedPath, 'stroked' | 'filled' | 'dashed'> {
  const parts: Point[][] = [];
  const closed: boolean[] = [];
  let curved = false;
  let current: Point[] | undefined;
  for (let i = 0; i < data.length; ) {
    const op = data[i++];
    if (op === MOVE) {
      current = [at(data[i]!, data[i + 1]!)];
      parts.push(current);
      closed.push(false);
      i += 2;
    } else if (op === LINE) {
      current?.push(at(data[i]!, data[i + 1]!));
      i += 2;
    } else if (op === CURVE) {
      curved = true;
      current?.push(at(data[i + 4]!, data[i + 5]!));
      i += 6;
    } else if (op === QUADRATIC) {
      curved = true;
      current?.push(at(data[i + 2]!, data[i + 3]!));
      i += 4;
    } else if (op === CLOSE) {
      if (current) closed[closed.length - 1] = true;
    } else {
      break;
    }
  }
  return { parts, closed, curved };
}

async function readPage(page: PDFPageProxy): Promise<PageGraphics> {
  const [, , width, height] = page.view as [number, number, number, number];
  // PDF space has its origin at the bottom left; ours at the top left.
  const flip = (m: Matrix) => (x: number, y: number): Point => ({ x: m[0] * x + m[2] * y + m[4], y: height - (m[1] * x + m[3] * y + m[5]) });
  const operators = await page.getOperatorList();
  const paths: PaintedPath[] = [];
  const stack: Array<{ ctm: Matrix; dashed: boolean }> = [];
  let ctm = IDENTITY;
  let dashed = false;
  for (let i = 0; i < operators.fnArray.length; i++) {
    const fn = operators.fnArray[i];
    const args = operators.argsArray[i] as unknown[];
    if (fn === OPS.save) stack.push({ ctm, dashed });
    else if (fn === OPS.restore) ({ ctm, dashed } = stack.pop() ?? { ctm: IDENTITY, dashed: false });
    else if (fn === OPS.transform) ctm = multiply(ctm, args as Matrix);
    else if (fn === OPS.setDash) dashed = Array.isArray(args[0]) && (args[0] as number[]).some((length) => length > 0);
    else if (fn === OPS.constructPath) {
      const paint = PAINT.get(args[0] as number);
      if (!paint) continue;
      const data = (args[1] as ArrayLike<number>[]).flatMap((part) => Array.from(part));
      paths.push({ ...readPath(data, flip(ctm)), ...paint, dashed: dashed && paint.stroked });
    }
  }
  const content = await page.getTextContent();
  const texts: TextRun[] = [];
  // The fonts the operator list loaded, by their id in the text content.
  const fontName = (id: string): string | undefined => {
    const font = page.commonObjs.has(id) ? (page.commonObjs.get(id) as { name?: unknown } | undefined) : undefined;
    return typeof font?.name === 'string' ? font.name.replace(/^[A-Z]{6}\+/, '') : undefined;
  };
  for (const item of content.items) {
    if (!('str' in item) || item.str.trim() === '') continue;
    const [a, b, , , e, f] = item.transform as Matrix;
    const font = fontName(item.fontName);
    texts.push({ text: item.str, x: e, y: height - f, width: item.width, size: Math.hypot(a, b), ...(font ? { font } : {}) });
  }
  return { number: page.pageNumber, width, height, texts, paths };
}

/** An SOP AP document runs to a few pages; a unit's book of SOPs is imported as one file per SOP. */
export const MAX_PDF_PAGES = 60;

async function open(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  try {
    // A copy: pdfjs takes the buffer over.
    return await getDocument({ data: bytes.slice(), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  } catch (error) {
    const name = (error as { name?: string }).name;
    if (name === 'PasswordException') {
      throw new AppError(422, 'DOCUMENT_ENCRYPTED', 'PDF ini dilindungi kata sandi. Buka dengan kata sandinya lalu simpan tanpa kata sandi sebelum diimpor.');
    }
    throw new AppError(422, 'DOCUMENT_UNREADABLE', 'Berkas ini tidak dapat dibaca sebagai PDF: mungkin rusak atau terpotong saat diunggah.', {
      reason: (error as Error).message?.split('\n')[0] ?? String(error),
    });
  }
}

/** The page drawn as a PNG at `scale` (1 = 72 dpi); undefined where no canvas is installed (@napi-rs/canvas is optional). */
async function drawPage(page: PDFPageProxy, scale: number): Promise<Uint8Array | undefined> {
  let canvasModule: typeof import('@napi-rs/canvas');
  try {
    canvasModule = await import('@napi-rs/canvas');
  } catch {
    return undefined;
  }
  const viewport = page.getViewport({ scale });
  const canvas = canvasModule.createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
  const context = canvas.getContext('2d');
  context.fillStyle = '#fff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  await page.render({ canvasContext: context as unknown as CanvasRenderingContext2D, viewport, canvas: canvas as unknown as HTMLCanvasElement }).promise;
  return new Uint8Array(await canvas.encode('png'));
}

export interface ReadPdfOptions {
  maxPages?: number;
  /** Draw the first this many pages as PNG. */
  drawPages?: number;
  /** Their scale (1 = 72 dpi). */
  drawScale?: number;
}

/** Opens a PDF (no scripts run, no fonts installed) and reads its pages' geometry; too many pages are refused first. */
export async function readPdfGraphics(bytes: Uint8Array, { maxPages = MAX_PDF_PAGES, drawPages = 0, drawScale = 1.25 }: ReadPdfOptions = {}): Promise<{ pages: PageGraphics[]; pageCount: number }> {
  const document = await open(bytes);
  try {
    if (document.numPages > maxPages) {
      throw new AppError(413, 'DOCUMENT_TOO_MANY_PAGES', `PDF ini ${document.numPages} halaman; dokumen SOP yang dapat diimpor paling banyak ${maxPages} halaman. Impor satu SOP per berkas.`, {
        pages: document.numPages,
        limit: maxPages,
      });
    }
    const pages: PageGraphics[] = [];
    for (let n = 1; n <= document.numPages; n++) {
      const page = await document.getPage(n);
      const graphics = await readPage(page);
      const png = n <= drawPages ? await drawPage(page, drawScale) : undefined;
      pages.push(png ? { ...graphics, png } : graphics);
    }
    return { pages, pageCount: document.numPages };
  } finally {
    await document.destroy();
  }
}
