// The repository checks' findings (map/*: calls to no map, peta relasi, levels) on the map's last saved revision,
// fetched from the server, which alone sees the other maps. The in-browser lint cannot compute them; the findings panel
// and the badges show them next to its findings, marked as coming from the repository, until the next save.
import type EventBus from 'diagram-js/lib/core/EventBus';
import type { MapRepositoryLint } from '../../api/types';

export const REPOSITORY_FINDINGS_CHANGED_EVENT = 'petakerja.lint.repositoryChanged';

export type RepositoryFindingsState =
  | { status: 'none'; result: null }
  | { status: 'pending'; result: MapRepositoryLint | null }
  | { status: 'done'; result: MapRepositoryLint }
  | { status: 'failed'; result: MapRepositoryLint | null; message: string };

export default class RepositoryFindings {
  static $inject = ['eventBus'];

  private state: RepositoryFindingsState = { status: 'none', result: null };
  /** Bumped by every load; an answer for an older one is dropped. */
  private loads = 0;

  constructor(private readonly eventBus: EventBus) {}

  getState(): RepositoryFindingsState {
    return this.state;
  }

  /** Fetches the findings (after opening the map, after each save); the previous ones stay shown meanwhile. */
  async load(fetch: () => Promise<MapRepositoryLint>): Promise<void> {
    const load = ++this.loads;
    this.update({ status: 'pending', result: this.state.result });
    try {
      const result = await fetch();
      if (load === this.loads) this.update({ status: 'done', result });
    } catch (error) {
      if (load === this.loads) this.update({ status: 'failed', result: this.state.result, message: error instanceof Error ? error.message : String(error) });
    }
  }

  private update(state: RepositoryFindingsState): void {
    this.state = state;
    this.eventBus.fire(REPOSITORY_FINDINGS_CHANGED_EVENT, state);
  }
}
