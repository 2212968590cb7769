// DrawingML shapes of an SOP's flowchart for a Word document (issue 17, "Unduh Word"): symbols, arrows and their
// labels as Word shapes anchored to the page at the positions the SOP layout computed, in millimetres; Word and
// LibreOffice draw them over the table, and the user can move them like any shape drawn by hand.
import { escapeHtml as xml } from '../render/html-escape';

/** English Metric Units per millimetre. */
export const EMU_PER_MM = 36_000;
const emu = (mm: number) => Math.max(0, Math.round(mm * EMU_PER_MM));

let serial = 0;
/** Each drawing object of a document needs an id of its own. */
export const resetShapeIds = () => void (serial = 0);

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A floating shape anchored to the page at `box` (mm), in front of the text, with `body` as its wps:wsp content. */
function anchored(box: Box, name: string, body: string): string {
  serial += 1;
  const size = `cx="${Math.max(1, emu(box.width))}" cy="${Math.max(1, emu(box.height))}"`;
  return (
    `<w:r><w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="${1000 + serial}" behindDoc="0" locked="0" layoutInCell="0" allowOverlap="1">` +
    `<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="page"><wp:posOffset>${emu(box.x)}</wp:posOffset></wp:positionH>` +
    `<wp:positionV relativeFrom="page"><wp:posOffset>${emu(box.y)}</wp:posOffset></wp:positionV><wp:extent ${size}/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>` +
    `<wp:docPr id="${serial}" name="${xml(name)} ${serial}"/><wp:cNvGraphicFramePr/>` +
    `<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:cNvSpPr/>` +
    `<wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext ${size}/></a:xfrm>${body}</wps:spPr>` +
    `<wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>`
  );
}

const LINE_MM = 0.25;
const line = (mm: number, extra = '') => `<a:ln w="${emu(mm)}"><a:solidFill><a:srgbClr val="000000"/></a:solidFill>${extra}</a:ln>`;
const WHITE = '<a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill>';

const GEOMETRY = { process: 'rect', terminator: 'flowChartTerminator', decision: 'flowChartDecision', 'off-page-connector': 'flowChartOffpageConnector' } as const;

/** One of the SOP AP symbols with a box; an off-page connector carries its letter. */
export function symbolShape(kind: keyof typeof GEOMETRY, box: Box, letter = ''): string {
  const shape = anchored(box, 'Simbol', `<a:prstGeom prst="${GEOMETRY[kind]}"><a:avLst/></a:prstGeom>${WHITE}${line(LINE_MM)}`);
  if (!letter) return shape;
  // The letter as a text box over the connector (a shape's own text would need wps:txbx, which LibreOffice reads too,
  // but a separate box keeps the symbol a plain shape a reader can recognise).
  return shape + textShape({ x: box.x, y: box.y + box.height * 0.15, width: box.width, height: box.height * 0.6 }, letter, { bold: true, sizeMm: 3, center: true });
}

/** An arrow along `points` (mm), its head at the last point; dashed for a message between pools. */
export function arrowShape(points: Array<{ x: number; y: number }>, dashed: boolean): string {
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const box = { x: Math.min(...xs), y: Math.min(...ys), width: Math.max(...xs) - Math.min(...xs), height: Math.max(...ys) - Math.min(...ys) };
  const w = Math.max(1, emu(box.width));
  const h = Math.max(1, emu(box.height));
  const path = points.map((p, i) => `<a:${i === 0 ? 'moveTo' : 'lnTo'}><a:pt x="${emu(p.x - box.x)}" y="${emu(p.y - box.y)}"/></a:${i === 0 ? 'moveTo' : 'lnTo'}>`).join('');
  const geometry = `<a:custGeom><a:avLst/><a:gdLst/><a:ahLst/><a:cxnLst/><a:rect l="0" t="0" r="r" b="b"/><a:pathLst><a:path w="${w}" h="${h}" fill="none">${path}</a:path></a:pathLst></a:custGeom>`;
  return anchored(box, 'Panah', `${geometry}<a:noFill/>${line(LINE_MM, `${dashed ? '<a:prstDash val="dash"/>' : ''}<a:tailEnd type="triangle" w="med" len="med"/>`)}`);
}

/** A text box without a border: an arrow's label, a connector's letter, a page's title. */
export function textShape(box: Box, text: string, options: { sizeMm: number; italic?: boolean; bold?: boolean; center?: boolean; fill?: boolean }): string {
  serial += 1;
  const size = `cx="${Math.max(1, emu(box.width))}" cy="${Math.max(1, emu(box.height))}"`;
  const halfPoints = Math.max(8, Math.round((options.sizeMm / 0.3528) * 2));
  const runs = text
    .split('\n')
    .map(
      (lineText) =>
        `<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>${options.center ? '<w:jc w:val="center"/>' : ''}</w:pPr>` +
        `<w:r><w:rPr><w:rFonts w:ascii="Liberation Sans" w:hAnsi="Liberation Sans"/>${options.bold ? '<w:b/>' : ''}${options.italic ? '<w:i/>' : ''}<w:sz w:val="${halfPoints}"/></w:rPr><w:t xml:space="preserve">${xml(lineText)}</w:t></w:r></w:p>`,
    )
    .join('');
  return (
    `<w:r><w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="${1000 + serial}" behindDoc="0" locked="0" layoutInCell="0" allowOverlap="1">` +
    `<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="page"><wp:posOffset>${emu(box.x)}</wp:posOffset></wp:positionH>` +
    `<wp:positionV relativeFrom="page"><wp:posOffset>${emu(box.y)}</wp:posOffset></wp:positionV><wp:extent ${size}/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>` +
    `<wp:docPr id="${serial}" name="Teks ${serial}"/><wp:cNvGraphicFramePr/>` +
    `<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:cNvSpPr txBox="1"/>` +
    `<wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext ${size}/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom>${options.fill ? WHITE : '<a:noFill/>'}<a:ln><a:noFill/></a:ln></wps:spPr>` +
    `<wps:txbx><w:txbxContent>${runs}</w:txbxContent></wps:txbx><wps:bodyPr wrap="square" lIns="0" tIns="0" rIns="0" bIns="0" anchor="t"><a:noAutofit/></wps:bodyPr></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>`
  );
}
