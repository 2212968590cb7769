// On the diagram, a small "↘ Buka peta 1.2.3" under each call activity or collapsed sub-process that stands for a
// child map (GET /api/maps/:id/links); clicking it drills into that map. One whose map is not found gets a warning
// marker instead; where the user may draft (`createDetail`), that marker is a button offering "Buat peta rincian".
// In the read-only viewer a double-click on the element drills in as well.
import type BaseViewer from 'bpmn-js/lib/BaseViewer';
import type ElementRegistry from 'diagram-js/lib/core/ElementRegistry';
import type EventBus from 'diagram-js/lib/core/EventBus';
import type Overlays from 'diagram-js/lib/features/overlays/Overlays';
import type { CallLink } from '../../api/types';
import { h } from '../../ui/dom';
import './hierarchy.css';

const OVERLAY_TYPE = 'petakerja-call-link';

export class CallLinkLayer {
  private links: readonly CallLink[] = [];
  private readonly createDetail: ((link: CallLink) => void) | undefined;

  constructor(
    private readonly diagram: BaseViewer,
    private readonly open: (mapId: string) => void,
    options: { doubleClick?: boolean; createDetail?: (link: CallLink) => void } = {},
  ) {
    this.createDetail = options.createDetail;
    const eventBus = diagram.get<EventBus>('eventBus');
    // The modeller imports again when changes are discarded or a file is imported: the links come back on it.
    eventBus.on('import.done', () => this.render());
    if (options.doubleClick) {
      eventBus.on('element.dblclick', 1500, (event: { element: { id: string } }) => {
        const target = this.links.find((link) => link.elementId === event.element.id)?.target;
        if (!target) return;
        this.open(target.id);
        return false;
      });
    }
  }

  show(links: readonly CallLink[]): void {
    this.links = links;
    this.render();
  }

  private render(): void {
    const overlays = this.diagram.get<Overlays>('overlays');
    const registry = this.diagram.get<ElementRegistry>('elementRegistry');
    overlays.remove({ type: OVERLAY_TYPE });
    for (const link of this.links) {
      if (!registry.get(link.elementId)) continue;
      const { target } = link;
      const html = target
        ? h(
            'button',
            {
              type: 'button',
              class: 'call-link',
              title: `Buka peta anak ${target.code} ${target.name}`,
              'data-testid': 'call-link',
              'data-element': link.elementId,
              'data-target': target.id,
              onClick: (event: Event) => {
                event.stopPropagation();
                this.open(target.id);
              },
              // The diagram must not take the click as the start of a drag or a selection.
              onMousedown: (event: Event) => event.stopPropagation(),
            },
            `↘ Buka peta ${target.code}`,
          )
        : !link.hidden && this.createDetail
          ? this.createButton(link, this.createDetail)
          : h(
            'span',
            {
              class: 'call-link-missing',
              role: 'img',
              title: link.hidden ? 'Peta anak milik unit lain; Anda tidak dapat membukanya' : 'Peta anak tidak ditemukan',
              'aria-label': link.hidden ? 'Peta anak milik unit lain' : 'Peta anak tidak ditemukan',
              'data-testid': 'call-link-missing',
              'data-element': link.elementId,
            },
            '!',
          );
      overlays.add(link.elementId, OVERLAY_TYPE, { position: { bottom: -4, left: 0 }, html, scale: { min: 0.8, max: 1.5 } });
    }
  }

  /** The "!" of a call whose map does not exist, as a button (click, Enter or Space) offering to create it. */
  private createButton(link: CallLink, create: (link: CallLink) => void): HTMLButtonElement {
    return h(
      'button',
      {
        type: 'button',
        class: 'call-link-missing is-action',
        title: 'Peta anak tidak ditemukan — buat peta rincian',
        'aria-label': `Peta anak "${link.name || link.elementId}" tidak ditemukan: buat peta rincian`,
        'data-testid': 'call-link-missing',
        'data-element': link.elementId,
        onClick: (event: Event) => {
          event.stopPropagation();
          create(link);
        },
        onMousedown: (event: Event) => event.stopPropagation(),
      },
      '!',
    );
  }
}
