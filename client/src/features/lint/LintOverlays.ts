// Shows a badge on every element with findings, coloured by its worst severity; can be hidden while linting goes on.
import type EventBus from 'diagram-js/lib/core/EventBus';
import type ElementRegistry from 'diagram-js/lib/core/ElementRegistry';
import type Overlays from 'diagram-js/lib/features/overlays/Overlays';
import { h } from '../../ui/dom';
import { isContainer, resolveElement } from './lintElements';
import { LINT_CHANGED_EVENT, type Finding, type LintState } from './lintProtocol';
import { badgeTitle, findingsByElement, worstSeverity } from './lintUtil';

export const LINT_OVERLAY_TYPE = 'petakerja-lint';
export const LINT_OVERLAYS_TOGGLED_EVENT = 'petakerja.lint.overlaysToggled';

export default class LintOverlays {
  static $inject = ['eventBus', 'overlays', 'elementRegistry'];

  private visible = true;
  private findings: readonly Finding[] = [];

  constructor(
    private readonly eventBus: EventBus,
    private readonly overlays: Overlays,
    private readonly elementRegistry: ElementRegistry,
  ) {
    eventBus.on(LINT_CHANGED_EVENT, (state: LintState) => {
      if (state.status === 'pending') return;
      this.findings = state.result?.findings ?? [];
      this.render();
    });
  }

  isVisible(): boolean {
    return this.visible;
  }

  setVisible(visible: boolean): void {
    if (visible === this.visible) return;
    this.visible = visible;
    this.render();
    this.eventBus.fire(LINT_OVERLAYS_TOGGLED_EVENT, { visible });
  }

  private render(): void {
    this.overlays.remove({ type: LINT_OVERLAY_TYPE });
    if (!this.visible) return;
    for (const [id, findings] of findingsByElement(this.findings)) {
      const element = resolveElement(this.elementRegistry, id);
      if (!element) continue;
      const container = isContainer(element);
      const badge = h(
        'span',
        {
          class: `lint-badge lint-badge-${worstSeverity(findings)}${container ? ' lint-badge-header' : ''}`,
          title: badgeTitle(findings),
          'data-testid': 'lint-badge',
          'data-element': id,
        },
        String(findings.length),
      );
      this.overlays.add(element, LINT_OVERLAY_TYPE, {
        position: container ? { top: 4, left: 4 } : { top: -9, right: 9 },
        html: badge,
        // Readable when the whole map is in view: never drawn smaller than at 100 %.
        scale: { min: 1 },
      });
    }
  }
}
