// The "what will be included" part of the export dialog (issue 15, item 3): the SOPs in force (as signed) and the
// drafts, counted and listed, with the choice to add the drafts (marked DRAF on every page).
import { h, replaceChildren } from '../../ui/dom';
import type { ExportSummary } from './exportJob';

/** "3 disahkan, 2 draf tidak disertakan" / "… 2 draf disertakan (ditandai DRAF)". */
export function summaryLine(summary: Pick<ExportSummary, 'signed' | 'drafts'>, includeDrafts: boolean): string {
  const signed = summary.signed.length === 0 ? 'Belum ada SOP yang disahkan' : `${summary.signed.length} SOP disahkan disertakan`;
  if (summary.drafts.length === 0) return `${signed}; tidak ada draf.`;
  return includeDrafts
    ? `${signed}, ${summary.drafts.length} draf disertakan (ditandai DRAF di setiap halaman).`
    : `${signed}, ${summary.drafts.length} draf tidak disertakan.`;
}

/** How many SOPs the export would hold. */
export const includedCount = (summary: Pick<ExportSummary, 'signed' | 'drafts'>, includeDrafts: boolean): number =>
  summary.signed.length + (includeDrafts ? summary.drafts.length : 0);

export function renderSummary(area: HTMLElement, summary: ExportSummary, includeDrafts: boolean): void {
  if (summary.signed.length === 0 && summary.drafts.length === 0) {
    replaceChildren(
      area,
      h('p', { class: 'sop-export-count', 'data-testid': 'sop-export-count' }, `Unit ${summary.unit} belum memiliki peta lintas fungsi atau alur mekanisme kerja; tidak ada SOP untuk diekspor.`),
    );
    return;
  }
  const signed = summary.signed.map((sop) =>
    h('li', { 'data-testid': 'sop-export-signed-item' }, sop.nomor ? `${sop.nomor} — ` : '', sop.title, h('span', { class: 'sop-export-hint' }, ` (revisi ${sop.revision}, kode ${sop.code})`)),
  );
  const drafts = summary.drafts.map((sop) =>
    h('li', { 'data-testid': 'sop-export-draft-item', class: includeDrafts ? '' : 'sop-export-excluded' }, sop.title, h('span', { class: 'sop-export-hint' }, ` (${sop.stateLabel.toLowerCase()}, revisi ${sop.revision})`)),
  );
  replaceChildren(
    area,
    h('p', { class: 'sop-export-count', 'data-testid': 'sop-export-count' }, summaryLine(summary, includeDrafts)),
    signed.length > 0
      ? h('details', { open: signed.length <= 6 }, h('summary', {}, `Disahkan (${signed.length}), persis seperti yang ditandatangani`), h('ul', { class: 'sop-export-list' }, signed))
      : h('p', { class: 'sop-export-hint' }, 'Belum ada SOP yang disahkan di unit ini.'),
    drafts.length > 0
      ? h('details', { open: includeDrafts && drafts.length <= 6 }, h('summary', {}, `Draf (${drafts.length}), ${includeDrafts ? 'disertakan' : 'tidak disertakan'}`), h('ul', { class: 'sop-export-list' }, drafts))
      : '',
  );
}
