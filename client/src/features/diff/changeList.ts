// The list beside the two diagrams: the changes grouped (Elemen, Identitas SOP, Baris SOP); an entry tied to a
// diagram element selects and centres it in both viewers.
import type { RevisionDiff } from '../../api/types';
import { h, type Child } from '../../ui/dom';
import { CHANGE_LABELS, elementChangeLines, elementTitle, identityChangeLine, renumberingLine, renumberingTitle, rowChangeLines, rowTitle } from './diffText';

const KIND_LABELS: Record<string, string> = { ...CHANGE_LABELS, renumbered: 'Dinomori ulang' };

export interface ChangeListOptions {
  typeLabel: (type: string) => string;
  /** Called with the element id of the entry the reader chose. */
  onSelect: (elementId: string) => void;
}

function entry(kind: string, title: string, lines: string[], elementId: string | undefined, options: ChangeListOptions, testId: string): HTMLElement {
  const content: Child[] = [
    h('span', { class: `diff-kind diff-kind-${kind}` }, KIND_LABELS[kind] ?? kind),
    h('span', { class: 'diff-entry-title' }, title),
    lines.length > 0 && h('ul', { class: 'diff-entry-lines' }, lines.map((line) => h('li', {}, line))),
  ];
  const body = elementId
    ? h('button', { type: 'button', class: 'diff-entry-button', 'data-element-id': elementId, onClick: () => options.onSelect(elementId) }, content)
    : h('div', { class: 'diff-entry-button' }, content);
  return h('li', { class: 'diff-entry', 'data-testid': testId, 'data-change': kind, ...(elementId ? { 'data-element-id': elementId } : {}) }, body);
}

/** `note` is shown above the entries, or alone when there are none. */
function group(title: string, testId: string, items: HTMLElement[], note: string, noteWithItems = false): HTMLElement {
  return h(
    'section',
    { class: 'diff-group', 'data-testid': testId },
    h('h3', { class: 'diff-group-title' }, title, h('span', { class: 'diff-group-count' }, String(items.length))),
    (items.length === 0 || noteWithItems) && h('p', { class: 'diff-group-note' }, note),
    items.length > 0 && h('ol', { class: 'diff-entries' }, items),
  );
}

export function changeList(diff: RevisionDiff, options: ChangeListOptions): HTMLElement {
  const { elements, identity, sopRows, sopRenumbered } = diff;
  if (elements.length === 0 && identity.changes.length === 0 && sopRows.length === 0 && sopRenumbered.length === 0) {
    return h(
      'div',
      { class: 'diff-empty', 'data-testid': 'diff-empty', role: 'status' },
      h('strong', {}, 'Tidak ada perbedaan'),
      h('span', {}, diff.dari === diff.ke ? 'Anda membandingkan revisi yang sama.' : `Revisi ${diff.dari} dan ${diff.ke} sama isinya: peta, identitas SOP dan baris SOP tidak berubah.`),
    );
  }
  const versionNote =
    identity.dariVersion === identity.keVersion
      ? identity.keVersion === null
        ? 'Belum ada identitas SOP yang disimpan.'
        : `Kedua revisi memakai identitas SOP versi ${identity.keVersion}; identitas tidak berubah.`
      : `Identitas SOP yang berlaku: versi ${identity.dariVersion ?? '–'} pada revisi ${diff.dari}, versi ${identity.keVersion ?? '–'} pada revisi ${diff.ke}.`;
  return h(
    'div',
    { class: 'diff-groups' },
    group(
      'Elemen',
      'diff-group-elements',
      elements.map((change) => entry(change.change, elementTitle(change, options.typeLabel), elementChangeLines(change, options.typeLabel), change.elementId, options, 'diff-element')),
      'Tidak ada elemen yang berubah.',
    ),
    group(
      'Identitas SOP',
      'diff-group-identity',
      identity.changes.map((change) => entry(change.change, change.label, [identityChangeLine(change)], undefined, options, 'diff-identity')),
      versionNote,
      true,
    ),
    group(
      'Baris SOP',
      'diff-group-rows',
      [
        ...sopRows.map((row) => entry(row.change, rowTitle(row), rowChangeLines(row), row.elementId, options, 'diff-row')),
        // One entry per run of renumbered rows; choosing it shows the first row of the run.
        ...sopRenumbered.map((run) => entry('renumbered', renumberingTitle(run), [renumberingLine(run)], run.elementIds[0], options, 'diff-row-renumbered')),
      ],
      'Tidak ada baris SOP yang berubah.',
    ),
  );
}
