// The read-only counterpart of the properties panel: the facts of the selected element (or of the whole map).
import type BaseViewer from 'bpmn-js/lib/BaseViewer';
import type { Element } from 'bpmn-js/lib/model/Types';
import type Canvas from 'diagram-js/lib/core/Canvas';
import type { SkVocabulary } from '../../features/sk-properties/vocabulary';
import { h, replaceChildren, uniqueId } from '../../ui/dom';
import { elementFacts } from './elementFacts';

export class ElementDetails {
  readonly element: HTMLElement;
  private readonly body = h('div', { class: 'side-panel-body element-details-body' });

  constructor(private readonly vocabulary: SkVocabulary) {
    const titleId = uniqueId('element-details');
    this.element = h(
      'aside',
      { class: 'side-panel element-details', 'aria-labelledby': titleId, 'data-testid': 'element-details' },
      h('h2', { class: 'side-panel-title', id: titleId }, 'Rincian elemen'),
      this.body,
    );
  }

  /** Follows the viewer's selection; with nothing selected, shows the map as a whole. */
  attach(viewer: BaseViewer): void {
    const canvas = viewer.get<Canvas>('canvas');
    const root = (): Element => canvas.getRootElement() as Element;
    viewer.on<{ newSelection: Element[] }>('selection.changed', ({ newSelection }) => this.show(newSelection[0] ?? root()));
    this.show(root());
  }

  private show(element: Element): void {
    const facts = elementFacts(element, this.vocabulary);
    replaceChildren(
      this.body,
      h('dl', { class: 'facts' }, facts.map((fact) => [h('dt', {}, fact.label), h('dd', {}, fact.value)])),
      !facts.some((fact) => fact.data) && h('p', { class: 'muted element-details-empty' }, 'Belum ada data Petakerja untuk elemen ini.'),
      h('p', { class: 'field-hint' }, 'Pilih elemen pada diagram untuk melihat rinciannya.'),
    );
  }
}
