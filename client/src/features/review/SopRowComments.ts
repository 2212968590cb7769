// "Komentar per baris SOP" above the SOP preview: how many open comment threads point at each row of the SOP table
// (the BPMN element a row comes from), and the comments on the identity fields.
import type { Api } from '../../api/client';
import type { AnnotationView } from '../../api/types';
import { h, replaceChildren } from '../../ui/dom';
import { identityFieldLabel, openThreadsBySopRow } from './reviewLabels';
import './review.css';

/** "Baris 3: 2 komentar", then "Nama SOP: 1 komentar" for identity fields; empty when nothing is open. */
export function sopRowCommentLines(items: readonly AnnotationView[]): string[] {
  const rows = openThreadsBySopRow(items).map(({ row, open }) => `Baris ${row}: ${open} komentar`);
  const fields = new Map<string, number>();
  for (const item of items) {
    if (item.status === 'terbuka' && item.anchor.kind === 'identitas') fields.set(item.anchor.field, (fields.get(item.anchor.field) ?? 0) + 1);
  }
  return [...rows, ...[...fields].map(([field, open]) => `${identityFieldLabel(field)}: ${open} komentar`)];
}

export class SopRowComments {
  readonly element = h('div', { class: 'sop-row-comments', 'data-testid': 'sop-row-comments', hidden: true });
  private request = 0;

  constructor(
    private readonly api: Api,
    private readonly mapId: string,
  ) {}

  async refresh(): Promise<void> {
    const request = ++this.request;
    let items: AnnotationView[];
    try {
      items = (await this.api.listAnnotations(this.mapId)).items;
    } catch {
      // Comments are an aid beside the preview; the Reviu panel reports failures.
      return;
    }
    if (request !== this.request) return;
    const lines = sopRowCommentLines(items);
    this.element.hidden = lines.length === 0;
    replaceChildren(
      this.element,
      h('strong', {}, 'Komentar terbuka per baris SOP: '),
      h('ul', { class: 'sop-row-comment-list' }, lines.map((line) => h('li', {}, line))),
    );
  }
}
