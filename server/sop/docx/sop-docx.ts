// The SOP AP as an editable Word document (issue 17, "Unduh Word", for offices that must amend an SOP in Word): the
// identity part as Word tables, then each procedure page as a Word table placed where the SOP layout puts it (exact
// column widths and row heights, the header with its merged cells) with the symbols, arrows and labels as Word shapes
// over it at the layout's positions. The same layout as the PDF, so the two print alike.
import { strToU8, zipSync } from 'fflate';
import { layoutSopDocument } from '../layout/document';
import type { Page, SopDocument, TextCell } from '../layout/document.schema';
import type { SopIdentityDraft } from '../identity.schema';
import type { Letterhead, RenderSopInput } from '../render/index';
import { escapeHtml as xml } from '../render/html-escape';
import { EMPTY_FIELD, formatNip, formatTanggal, NO_REVISION } from '../render/identity-part';
import { fitScale, HEADER_PADDING_X_MM } from '../render/procedure-page';
import { arrowShape, resetShapeIds, symbolShape, textShape } from './docx-drawing';

const TWIPS_PER_MM = 56.6929;
const tw = (mm: number) => Math.round(mm * TWIPS_PER_MM);
const halfPoints = (mm: number) => Math.max(8, Math.round((mm / 0.3528) * 2));

const NS =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ' +
  'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" ' +
  'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ' +
  'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"';

const BORDERS = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((side) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`).join('');

interface RunStyle {
  sizeMm: number;
  lineMm?: number;
  bold?: boolean;
  italic?: boolean;
  center?: boolean;
}

/** A break opportunity after each slash, as the PDF's text has ("Fungsional/Pelaksana" may wrap after the slash). */
const breakable = (text: string) => text.replace(/\/(?=\S)/g, '/\u200B');

function paragraph(text: string, style: RunStyle): string {
  const spacing = style.lineMm ? `<w:spacing w:before="0" w:after="0" w:line="${tw(style.lineMm)}" w:lineRule="exact"/>` : '<w:spacing w:before="0" w:after="0"/>';
  const rPr = `<w:rPr><w:rFonts w:ascii="Liberation Sans" w:hAnsi="Liberation Sans"/>${style.bold ? '<w:b/>' : ''}${style.italic ? '<w:i/>' : ''}<w:sz w:val="${halfPoints(style.sizeMm)}"/></w:rPr>`;
  return `<w:p><w:pPr>${spacing}${style.center ? '<w:jc w:val="center"/>' : ''}</w:pPr>${text ? `<w:r>${rPr}<w:t xml:space="preserve">${xml(breakable(text))}</w:t></w:r>` : ''}</w:p>`;
}

function cell(widthMm: number, content: string, options: { span?: number; vMerge?: 'restart' | 'continue'; shade?: boolean; center?: boolean } = {}): string {
  const props =
    `<w:tcW w:w="${tw(widthMm)}" w:type="dxa"/>${options.span && options.span > 1 ? `<w:gridSpan w:val="${options.span}"/>` : ''}` +
    `${options.vMerge ? `<w:vMerge${options.vMerge === 'restart' ? ' w:val="restart"' : ''}/>` : ''}` +
    `${options.shade ? '<w:shd w:val="clear" w:color="auto" w:fill="E6E6E6"/>' : ''}${options.center ? '<w:vAlign w:val="center"/>' : ''}`;
  return `<w:tc><w:tcPr>${props}</w:tcPr>${content || '<w:p/>'}</w:tc>`;
}

// ---------------------------------------------------------------------------------------------------- identity part

/** An image of the package: its part and the inline drawing that shows it. */
interface DocxImage {
  part: string;
  bytes: Uint8Array;
  contentType: string;
  inline: string;
}

/** The letterhead's logo as a picture of the document, 20 mm tall; SVG logos are left out (Word needs a PNG beside). */
function logoImage(dataUrl: string | undefined): DocxImage | undefined {
  const match = dataUrl ? /^data:image\/(png|jpeg);base64,([A-Za-z0-9+/]+={0,2})$/.exec(dataUrl) : null;
  if (!match) return undefined;
  const bytes = new Uint8Array(Buffer.from(match[2]!, 'base64'));
  const size = imageSize(bytes, match[1] as 'png' | 'jpeg');
  if (!size) return undefined;
  const emuPerMm = 36_000;
  const height = 20 * emuPerMm;
  const width = Math.round((height * size.width) / size.height);
  const extension = match[1] === 'png' ? 'png' : 'jpeg';
  return {
    part: `word/media/logo.${extension}`,
    bytes,
    contentType: `image/${extension}`,
    inline:
      `<w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="${width}" cy="${height}"/><wp:docPr id="9000" name="Logo"/>` +
      `<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture">` +
      `<pic:nvPicPr><pic:cNvPr id="9000" name="Logo"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="rIdLogo"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>` +
      `<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${width}" cy="${height}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing>`,
  };
}

/** Width and height of a PNG (IHDR) or JPEG (first SOFn marker), in pixels. */
function imageSize(bytes: Uint8Array, kind: 'png' | 'jpeg'): { width: number; height: number } | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (kind === 'png') return bytes.byteLength >= 24 ? { width: view.getUint32(16), height: view.getUint32(20) } : undefined;
  for (let i = 2; i + 9 < bytes.byteLength; ) {
    if (bytes[i] !== 0xff) return undefined;
    const marker = bytes[i + 1]!;
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) return { height: view.getUint16(i + 5), width: view.getUint16(i + 7) };
    i += 2 + view.getUint16(i + 2);
  }
  return undefined;
}

/** A date as the PDF prints it ("2 Januari 2026"), "…" when not filled in. */
const dateText = (value: string | undefined): string => (value?.trim() ? formatTanggal(value) : EMPTY_FIELD);

function identityPart(identity: SopIdentityDraft, title: string, width: number, letterhead: Letterhead, logo: DocxImage | undefined): string {
  const style = { sizeMm: 3 };
  const filled = (value: string | undefined) => (value && value.trim() ? value.trim() : EMPTY_FIELD);
  const official = identity.disahkanOleh ?? {};
  const fields: Array<[string, string[]]> = [
    ['Nomor SOP', [filled(identity.nomor)]],
    ['Tanggal Pembuatan', [dateText(identity.tanggalPembuatan)]],
    ['Tanggal Revisi', [identity.tanggalRevisi?.trim() ? dateText(identity.tanggalRevisi) : NO_REVISION]],
    ['Tanggal Efektif', [dateText(identity.tanggalEfektif)]],
    ['Disahkan oleh', [filled(official.jabatan), '', '', filled(official.nama), filled(official.pangkat), `NIP. ${official.nip?.trim() ? formatNip(official.nip) : EMPTY_FIELD}`]],
    ['Nama SOP', [identity.namaSop?.trim() || title]],
  ];
  // The letterhead on the left, over every field's row (SOP-FORMAT.md §1), as in the PDF.
  const letterWidth = width / 2;
  const labelWidth = 40;
  const colonWidth = 5;
  const valueWidth = width - letterWidth - labelWidth - colonWidth;
  const grid = `<w:tblGrid><w:gridCol w:w="${tw(letterWidth)}"/><w:gridCol w:w="${tw(labelWidth)}"/><w:gridCol w:w="${tw(colonWidth)}"/><w:gridCol w:w="${tw(valueWidth)}"/></w:tblGrid>`;
  const heading = { sizeMm: 3.5, bold: true, center: true };
  const letterContent = [
    logo ? `<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r>${logo.inline}</w:r></w:p>` : '',
    paragraph(filled(letterhead.pemda), heading),
    paragraph(filled(letterhead.unit), heading),
    letterhead.subUnit?.trim() ? paragraph(letterhead.subUnit.trim(), { ...heading, bold: false }) : '',
  ].join('');
  const rows = fields
    .map(([label, values], i) => {
      const letter = cell(letterWidth, i === 0 ? letterContent : '', { vMerge: i === 0 ? 'restart' : 'continue', center: true });
      return `<w:tr>${letter}${cell(labelWidth, paragraph(label, { ...style, bold: true }))}${cell(colonWidth, paragraph(':', style))}${cell(valueWidth, values.map((v) => paragraph(v, style)).join(''))}</w:tr>`;
    })
    .join('');
  const head = `<w:tbl><w:tblPr><w:tblW w:w="${tw(width)}" w:type="dxa"/><w:tblBorders>${BORDERS}</w:tblBorders><w:tblLayout w:type="fixed"/></w:tblPr>${grid}${rows}</w:tbl>`;
  const list = (items: string[] | undefined) => (items && items.length > 0 ? items.map((item, i) => paragraph(items.length > 1 ? `${i + 1}. ${item}` : item, style)).join('') : paragraph('-', style));
  const box = (label: string, items: string[] | undefined) => cell(width / 2, paragraph(`${label}:`, { ...style, bold: true }) + list(items));
  const half = `<w:tblGrid><w:gridCol w:w="${tw(width / 2)}"/><w:gridCol w:w="${tw(width / 2)}"/></w:tblGrid>`;
  const boxes =
    `<w:tbl><w:tblPr><w:tblW w:w="${tw(width)}" w:type="dxa"/><w:tblBorders>${BORDERS}</w:tblBorders><w:tblLayout w:type="fixed"/></w:tblPr>${half}` +
    `<w:tr>${box('Dasar Hukum', identity.dasarHukum)}${box('Kualifikasi Pelaksana', identity.kualifikasiPelaksana)}</w:tr>` +
    `<w:tr>${box('Keterkaitan', identity.keterkaitan)}${box('Peralatan/Perlengkapan', identity.peralatan)}</w:tr>` +
    `<w:tr>${box('Peringatan', identity.peringatan ? [identity.peringatan] : undefined)}${box('Pencatatan dan Pendataan', identity.pencatatan)}</w:tr></w:tbl>`;
  return head + paragraph('', style) + boxes;
}

// ----------------------------------------------------------------------------------------------------- procedure part

const near = (a: number, b: number) => Math.abs(a - b) < 0.05;

/** The header rows of a page's table, their cells spanning grid columns and rows as the layout's header cells do. */
function headerRows(page: Page, document: SopDocument): string {
  const columns = document.table.columns;
  const ys = [...new Set(page.header.flatMap((c) => [c.y, c.y + c.height]).map((y) => Math.round(y * 100) / 100))].sort((a, b) => a - b);
  const { fontSizeMm, lineHeightMm } = document.typography;
  const rows: string[] = [];
  for (let r = 0; r < ys.length - 1; r++) {
    const top = ys[r]!;
    const cells: string[] = [];
    for (let c = 0; c < columns.length; ) {
      const column = columns[c]!;
      const covering = page.header.find((h) => h.x <= column.x + 0.05 && h.x + h.width >= column.x + column.width - 0.05 && h.y <= top + 0.05 && h.y + h.height >= ys[r + 1]! - 0.05);
      if (!covering) {
        cells.push(cell(column.width, ''));
        c += 1;
        continue;
      }
      const span = columns.filter((k) => k.x >= covering.x - 0.05 && k.x + k.width <= covering.x + covering.width + 0.05).length;
      const startsHere = near(covering.y, top);
      const tall = covering.y + covering.height > ys[r + 1]! + 0.05;
      // A long word in a narrow column prints smaller, as in the PDF (procedure-page.ts): a word processor would break it.
      const scale = fitScale(covering.text, covering.width, true, Math.min(document.typography.paddingMm, HEADER_PADDING_X_MM), document);
      const content = startsHere ? paragraph(covering.text, { sizeMm: fontSizeMm * scale, lineMm: lineHeightMm * scale, bold: true, center: true }) : '';
      cells.push(cell(covering.width, content, { span, shade: true, center: true, ...(tall || !startsHere ? { vMerge: startsHere ? 'restart' : 'continue' } : {}) }));
      c += span;
    }
    rows.push(`<w:tr><w:trPr><w:tblHeader/><w:trHeight w:val="${tw(ys[r + 1]! - top)}" w:hRule="exact"/></w:trPr>${cells.join('')}</w:tr>`);
  }
  return rows.join('');
}

function bodyCell(text: TextCell | undefined, width: number, document: SopDocument): string {
  if (!text) return cell(width, '');
  const { fontSizeMm, lineHeightMm } = document.typography;
  const scale = fitScale(text.text, text.width, text.bold, document.typography.paddingMm, document);
  const style = { sizeMm: fontSizeMm * scale, lineMm: lineHeightMm * scale, center: text.align === 'center', bold: text.bold };
  const heading = text.heading ? paragraph(text.heading, { ...style, bold: true, italic: true }) : '';
  return cell(width, heading + paragraph(text.text, style));
}

function procedurePage(page: Page, document: SopDocument, title: string): string {
  const { table, typography } = document;
  const grid = `<w:tblGrid>${table.columns.map((c) => `<w:gridCol w:w="${tw(c.width)}"/>`).join('')}</w:tblGrid>`;
  const margins = `<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="${tw(typography.paddingMm)}" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="${tw(typography.paddingMm)}" w:type="dxa"/></w:tblCellMar>`;
  const position = `<w:tblpPr w:leftFromText="0" w:rightFromText="0" w:topFromText="0" w:bottomFromText="0" w:vertAnchor="page" w:horzAnchor="page" w:tblpX="${tw(table.x)}" w:tblpY="${tw(table.y)}"/>`;
  const body = page.bands
    .filter((band) => band.kind === 'row')
    .map((band) => {
      const cells = table.columns.map((column) => bodyCell(page.cells.find((c) => near(c.x, column.x) && c.y >= band.y - 0.05 && c.y < band.y + band.height - 0.05), column.width, document));
      return `<w:tr><w:trPr><w:trHeight w:val="${tw(band.height)}" w:hRule="exact"/></w:trPr>${cells.join('')}</w:tr>`;
    })
    .join('');
  const tbl = `<w:tbl><w:tblPr>${position}<w:tblW w:w="${tw(table.width)}" w:type="dxa"/><w:tblBorders>${BORDERS}</w:tblBorders><w:tblLayout w:type="fixed"/>${margins}</w:tblPr>${grid}${headerRows(page, document)}${body}</w:tbl>`;
  // The page's drawing: its title, the arrows, the symbols and the labels, anchored in the paragraph that opens the page.
  const shapes = [
    textShape({ x: table.x, y: Math.max(1, table.y - 6), width: table.width, height: 5 }, title, { sizeMm: 3.4, bold: true }),
    ...page.arrows.map((arrow) => arrowShape(arrow.points, arrow.message)),
    ...page.symbols.map((symbol) => symbolShape(symbol.kind, symbol, symbol.kind === 'off-page-connector' ? symbol.text : '')),
    ...page.arrows.flatMap((arrow) => (arrow.label ? [textShape(arrow.label.box, arrow.label.lines.join('\n'), { sizeMm: arrow.label.fontSizeMm, italic: true, fill: true })] : [])),
  ];
  return `<w:p><w:pPr><w:pageBreakBefore/><w:spacing w:before="0" w:after="0"/></w:pPr>${shapes.join('')}</w:p>${tbl}<w:p/>`;
}

/** The SOP of a map as a .docx file. */
export function sopDocx(input: Omit<RenderSopInput, 'verification' | 'appendixSvg'>): Uint8Array {
  resetShapeIds();
  const settings = { ...input.settings };
  const namaSop = input.identity?.namaSop?.trim() || input.mapName?.trim();
  const document = layoutSopDocument(input.definitions, { ...(input.identity ? { identity: input.identity } : {}), ...(namaSop ? { title: namaSop } : {}) }, settings);
  const { width, height } = document.paper;
  const margin = document.settings.marginMm;
  const landscape = width > height;
  const section =
    `<w:sectPr><w:pgSz w:w="${tw(width)}" w:h="${tw(height)}"${landscape ? ' w:orient="landscape"' : ''}/>` +
    `<w:pgMar w:top="${tw(margin)}" w:right="${tw(margin)}" w:bottom="${tw(margin)}" w:left="${tw(margin)}" w:header="0" w:footer="0" w:gutter="0"/></w:sectPr>`;
  const letterhead = input.letterhead ?? {};
  const logo = logoImage(letterhead.logoDataUrl);
  const body = [identityPart(input.identity ?? {}, document.title, width - 2 * margin, letterhead, logo), ...document.pages.map((page) => procedurePage(page, document, document.title))].join('');
  const documentXml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${NS}><w:body>${body}${section}</w:body></w:document>`;
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        (logo ? `<Default Extension="${logo.part.split('.').pop()}" ContentType="${logo.contentType}"/>` : '') +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/_rels/document.xml.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        (logo ? `<Relationship Id="rIdLogo" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="${logo.part.replace('word/', '')}"/>` : '') +
        '</Relationships>',
    ),
    'word/document.xml': strToU8(documentXml),
    ...(logo ? { [logo.part]: logo.bytes } : {}),
  });
}
