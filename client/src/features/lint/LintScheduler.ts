// Re-lints the diagram shortly after the user stops editing, in the worker, and announces only the newest answer.
import type EventBus from 'diagram-js/lib/core/EventBus';
import { LINT_CHANGED_EVENT, type LintResult, type LintState, type Profile } from './lintProtocol';
import type { LintBackend } from './LintWorkerClient';

export const LINT_DEBOUNCE_MS = 400;

interface XmlSource {
  saveXML(options?: { format?: boolean }): Promise<{ xml?: string }>;
}

export default class LintScheduler {
  static $inject = ['eventBus', 'bpmnjs', 'lintBackend'];

  private timer: ReturnType<typeof setTimeout> | null = null;
  /** Bumped by every run; an answer for an older run is stale and dropped. */
  private generation = 0;
  private profile: Profile | undefined;
  private state: LintState = { status: 'pending', result: null };
  private destroyed = false;

  constructor(
    private readonly eventBus: EventBus,
    private readonly source: XmlSource,
    private readonly backend: LintBackend,
  ) {
    eventBus.on('import.done', (event: { error?: unknown }) => {
      if (!event.error) this.schedule(0);
    });
    eventBus.on('commandStack.changed', () => this.schedule());
    eventBus.on('diagram.destroy', () => this.destroy());
  }

  /** The latest state: the last result stays available while a newer lint runs. */
  getState(): LintState {
    return this.state;
  }

  /** The profile asked for; undefined follows the map's own sk:profile. */
  getProfile(): Profile | undefined {
    return this.profile;
  }

  setProfile(profile: Profile | undefined): void {
    this.profile = profile;
    this.schedule(0);
  }

  schedule(delay = LINT_DEBOUNCE_MS): void {
    if (this.destroyed) return;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.run();
    }, delay);
  }

  private async run(): Promise<void> {
    const generation = ++this.generation;
    this.update({ status: 'pending', result: this.state.result });
    try {
      const { xml } = await this.source.saveXML({ format: false });
      if (generation !== this.generation || this.destroyed) return;
      const result: LintResult = await this.backend.lint(xml ?? '', this.profile);
      if (generation !== this.generation || this.destroyed) return;
      this.update({ status: 'done', result });
    } catch (error) {
      if (generation !== this.generation || this.destroyed) return;
      this.update({ status: 'failed', result: this.state.result, message: error instanceof Error ? error.message : String(error) });
    }
  }

  private update(state: LintState): void {
    this.state = state;
    this.eventBus.fire(LINT_CHANGED_EVENT, state);
  }

  private destroy(): void {
    this.destroyed = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.backend.terminate();
  }
}
