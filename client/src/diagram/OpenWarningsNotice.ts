// The notice over the canvas listing what bpmn-js warned about when it opened the map, and saying plainly when a
// model with flow nodes opened to an empty drawing. Dismissible; shown again on the next open.
import type BaseViewer from 'bpmn-js/lib/BaseViewer';
import type ElementRegistry from 'diagram-js/lib/core/ElementRegistry';
import { h } from '../ui/dom';
import { blankCanvasMessage, countFlowNodes, describeOpenWarnings, type OpenWarning } from './openWarnings';

/** Lines listed before "… dan N lainnya" folds the rest away. */
const FIRST_SHOWN = 8;

interface DrawnElement {
  parent?: unknown;
  businessObject?: { $instanceOf?: (type: string) => boolean };
}

/** How many flow nodes the opened diagram draws. */
function drawnFlowNodes(viewer: BaseViewer): number {
  return viewer
    .get<ElementRegistry>('elementRegistry')
    .filter((element) => {
      const drawn = element as unknown as DrawnElement;
      return drawn.parent !== undefined && drawn.businessObject?.$instanceOf?.('bpmn:FlowNode') === true;
    }).length;
}

/** What to tell about one open: the warnings in Indonesian and, for an empty drawing of a full model, why it is empty. */
export function openReport(viewer: BaseViewer, warnings: readonly unknown[]): { warnings: OpenWarning[]; blank: string | null } {
  const flowNodes = countFlowNodes(viewer.getDefinitions());
  const blank = flowNodes > 0 && drawnFlowNodes(viewer) === 0 ? blankCanvasMessage(flowNodes) : null;
  return { warnings: describeOpenWarnings(warnings), blank };
}

function warningItem(warning: OpenWarning): HTMLElement {
  return h('li', { 'data-testid': 'open-warning' }, h('span', { class: 'open-warning-element' }, warning.element), ': ', warning.what);
}

/**
 * Puts the notice into `container` (the canvas, positioned) in place of an earlier one; nothing when all is well.
 * Returns the notice, or null.
 */
export function showOpenWarnings(container: HTMLElement, viewer: BaseViewer, warnings: readonly unknown[]): HTMLElement | null {
  container.querySelector(':scope > .open-warnings')?.remove();
  const report = openReport(viewer, warnings);
  if (report.warnings.length === 0 && !report.blank) return null;
  const count = report.warnings.length;
  const first = report.warnings.slice(0, FIRST_SHOWN);
  const rest = report.warnings.slice(FIRST_SHOWN);
  const notice = h(
    'section',
    { class: `open-warnings notice ${report.blank ? 'notice-error' : 'notice-warning'}`, role: 'region', 'aria-label': 'Peringatan saat membuka peta', 'data-testid': 'open-warnings' },
    h(
      'div',
      { class: 'open-warnings-head' },
      h('p', { class: 'notice-title' }, report.blank ? 'Diagram kosong' : `${count} peringatan saat membuka peta`),
      h('button', { type: 'button', class: 'button button-ghost button-small', 'data-testid': 'open-warnings-dismiss', 'aria-label': 'Tutup peringatan', onClick: () => notice.remove() }, 'Tutup'),
    ),
    report.blank ? h('p', { 'data-testid': 'blank-canvas-notice' }, report.blank) : null,
    count > 0 && report.blank ? h('p', { class: 'open-warnings-sub' }, `${count} peringatan saat membuka peta:`) : null,
    count > 0 ? h('ul', { class: 'open-warnings-list' }, first.map(warningItem)) : null,
    rest.length > 0 ? h('details', {}, h('summary', {}, `… dan ${rest.length} lainnya`), h('ul', { class: 'open-warnings-list' }, rest.map(warningItem))) : null,
  );
  container.append(notice);
  return notice;
}
