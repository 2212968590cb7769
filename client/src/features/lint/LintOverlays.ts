// Shows a badge on every element with findings (the in-browser lint's and the repository checks' on the saved
// revision), coloured by its worst severity; can be hidden while linting goes on.
// A new answer changes only the badges that differ, in time slices, so thousands of badges never block the page.
import type EventBus from 'diagram-js/lib/core/EventBus';
import type ElementRegistry from 'diagram-js/lib/core/ElementRegistry';
import type Overlays from 'diagram-js/lib/features/overlays/Overlays';
import { h } from '../../ui/dom';
import { isContainer, resolveElement } from './lintElements';
import { LINT_CHANGED_EVENT, type Finding, type LintState } from './lintProtocol';
import { badgeTitle, findingsByElement, worstSeverity } from './lintUtil';
import { REPOSITORY_FINDINGS_CHANGED_EVENT, type RepositoryFindingsState } from './RepositoryFindings';
import { eachInSlices } from './timeSlices';

interface Badge {
  overlayId: string;
  /** What the badge shows; an unchanged key keeps the badge as it is. */
  key: string;
}

export const LINT_OVERLAY_TYPE = 'petakerja-lint';
export const LINT_OVERLAYS_TOGGLED_EVENT = 'petakerja.lint.overlaysToggled';

export default class LintOverlays {
  static $inject = ['eventBus', 'overlays', 'elementRegistry'];

  private visible = true;
  private findings: readonly Finding[] = [];
  /** The repository checks' findings on the saved revision. */
  private repositoryFindings: readonly Finding[] = [];
  /** The badges on the canvas, by element id. */
  private readonly badges = new Map<string, Badge>();
  /** Bumped by each render; a slower render still under way stops. */
  private renders = 0;

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
    eventBus.on(REPOSITORY_FINDINGS_CHANGED_EVENT, (state: RepositoryFindingsState) => {
      if (state.status === 'pending') return;
      this.repositoryFindings = state.result?.findings ?? [];
      this.render();
    });
    // Leaving the map destroys the modeller while badges may still be added in slices: those slices stop (adding an
    // overlay to a destroyed canvas throws; seen when moving quickly from map to map on a busy machine).
    eventBus.on('diagram.destroy', () => {
      this.renders++;
      this.badges.clear();
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
    const render = ++this.renders;
    const wanted = new Map<string, { findings: Finding[]; key: string }>();
    if (this.visible) {
      for (const [id, findings] of findingsByElement([...this.findings, ...this.repositoryFindings])) {
        wanted.set(id, { findings, key: `${worstSeverity(findings)}|${findings.length}|${badgeTitle(findings)}` });
      }
    }
    const stale = [...this.badges].filter(([id, badge]) => wanted.get(id)?.key !== badge.key || !this.overlays.get(badge.overlayId));
    const fresh = [...wanted].filter(([id, want]) => {
      const badge = this.badges.get(id);
      return !badge || badge.key !== want.key || !this.overlays.get(badge.overlayId);
    });
    const cancelled = () => render !== this.renders;
    void eachInSlices(
      stale,
      ([id, badge]) => {
        this.overlays.remove(badge.overlayId);
        this.badges.delete(id);
      },
      cancelled,
    ).then((done) => done && eachInSlices(fresh, ([id, want]) => this.add(id, want.findings, want.key), cancelled));
  }

  private add(id: string, findings: Finding[], key: string): void {
    const element = resolveElement(this.elementRegistry, id);
    if (!element) return;
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
    const overlayId = this.overlays.add(element, LINT_OVERLAY_TYPE, {
      position: container ? { top: 4, left: 4 } : { top: -9, right: 9 },
      html: badge,
      // Readable when the whole map is in view: never drawn smaller than at 100 %.
      scale: { min: 1 },
    });
    this.badges.set(id, { overlayId, key });
  }
}
