// The SOP AP document as one standalone HTML page (SOP-FORMAT.md §1–§2): the identity page, the procedure pages of the
// layout model (server/sop/layout/) and optionally the BPMN diagram as an appendix. Pure (no Node or DOM APIs): the
// same function renders the preview in the browser and the HTML the PDF pool prints. Inline CSS, no outside requests;
// fonts by family name (Liberation, embedded by Chromium when printing).
import type { ModdleElement } from 'bpmn-moddle';
import { SOP_AP_CSS } from '../../../sop-templates/sop-ap-css';
import type { SopIdentityDraft } from '../identity.schema';
import { layoutSopDocument } from '../layout/document';
import type { LayoutSettings, SopDocument } from '../layout/document.schema';
import { appendixPage } from './appendix';
import { escapeHtml, mm } from './html-escape';
import { htmlPage } from './html-page';
import { identityTable, type IdentityVerification, type Letterhead } from './identity-part';
import { procedurePage } from './procedure-page';

export type { Letterhead } from './identity-part';

/** A signed SOP's verification (issue 6): QR, code and revision on the identity page, code and revision in every footer. */
export type SopVerification = IdentityVerification;

/**
 * Height of the band at the bottom of each page kept for the page number ("Halaman i dari n"), in mm: the page's
 * bottom margin, where the @page rule prints it. The layout's margin is raised to leave it free.
 */
export const FOOTER_MM = 8;
const LEAST_MARGIN_MM = FOOTER_MM + 1;

export interface RenderSopInput {
  definitions: ModdleElement;
  /**
   * The map's name (the repository's, or the file's for the CLI): Nama SOP until the identity sets one. Without it the
   * process's own name serves, never a pool's (a pool names the unit, not the procedure).
   */
  mapName?: string;
  identity?: SopIdentityDraft;
  letterhead?: Letterhead;
  settings?: Partial<LayoutSettings>;
  appendixSvg?: string;
  /** Present on a signed (disahkan) SOP only. */
  verification?: SopVerification;
}

export interface RenderedSop {
  html: string;
  document: SopDocument;
  /** Pages as planned: the identity page, the procedure pages, the appendix (a very long identity can take more). */
  pageCount: number;
}

/** The page label the screen preview shows; in the PDF the footer template prints the same words. */
export const pageLabel = (page: number, pages: number): string => `Halaman ${page} dari ${pages}`;

const CODE_PATTERN = /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/;

/** "Kode verifikasi XXXX-XXXX-XXXX · Revisi n", printed beside the page number of a signed SOP. */
export function verificationLabel(verification: Pick<SopVerification, 'code' | 'revision'>): string {
  // The label also goes into a CSS string (the footer's margin box): only a well-formed code and an integer may.
  if (!CODE_PATTERN.test(verification.code)) throw new Error(`Kode verifikasi tidak sah: ${verification.code}`);
  if (!Number.isInteger(verification.revision) || verification.revision < 1) throw new Error(`Nomor revisi tidak sah: ${verification.revision}`);
  return `Kode verifikasi ${verification.code} · Revisi ${verification.revision}`;
}

export function renderSop(input: RenderSopInput): RenderedSop {
  const settings = { ...input.settings, marginMm: Math.max(LEAST_MARGIN_MM, input.settings?.marginMm ?? 10) };
  const namaSop = input.identity?.namaSop?.trim() || input.mapName?.trim();
  const document = layoutSopDocument(input.definitions, { ...(input.identity ? { identity: input.identity } : {}), ...(namaSop ? { title: namaSop } : {}) }, settings);
  const identity = input.identity ?? {};
  const title = document.title;
  const { width, height } = document.paper;
  const printed = height - FOOTER_MM;
  const pageCount = 1 + document.pages.length + (input.appendixSvg ? 1 : 0);

  const verified = input.verification ? verificationLabel(input.verification) : undefined;
  // The screen preview's label; the PDF prints the same words from the @page margin boxes.
  const label = (page: number) => (verified ? `${verified} · ${pageLabel(page, pageCount)}` : pageLabel(page, pageCount));
  const sections = [
    `<section class="page identity" style="width:${mm(width)}mm;min-height:${mm(printed)}mm">${identityTable(identity, input.letterhead ?? {}, title, input.verification)}<div class="page-label">${escapeHtml(label(1))}</div></section>`,
    ...document.pages.map((page, index) => procedurePage(page, document, { heightMm: printed, label: label(index + 2), title })),
  ];
  if (input.appendixSvg) sections.push(appendixPage(input.appendixSvg, width, printed, label(pageCount)));

  // The page number is a margin box of the page (CSS Paged Media, Chromium ≥ 131): real text, counted by Chromium itself,
  // also when a long identity part takes two sheets.
  const pageCss =
    `@page { size: ${mm(width)}mm ${mm(height)}mm; margin: 0 0 ${FOOTER_MM}mm 0; ` +
    `@bottom-right { content: "Halaman " counter(page) " dari " counter(pages); font-family: 'Liberation Sans', Arial, sans-serif; ` +
    `font-size: 2.6mm; color: #000; vertical-align: top; padding: 1.5mm 10mm 0 0; }` +
    (verified
      ? // The middle dot as a CSS escape (the escape takes the one space after it).
        ` @bottom-left { content: "${verified.replace('·', '\\00B7 ')}"; font-family: 'Liberation Sans', Arial, sans-serif; ` +
        `font-size: 2.6mm; color: #000; vertical-align: top; padding: 1.5mm 0 0 10mm; }`
      : '') +
    ` }`;
  const html = htmlPage({
    title: `SOP ${title}`,
    css: `${pageCss}${SOP_AP_CSS}`,
    bodyAttributes: `data-paper="${document.settings.paper}" data-orientation="${document.settings.orientation}"`,
    body: sections,
  });
  return { html, document, pageCount };
}

/** The SOP document as a complete standalone HTML page. */
export function renderSopHtml(input: RenderSopInput): string {
  return renderSop(input).html;
}
