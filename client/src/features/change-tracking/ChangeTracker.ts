// Knows whether the diagram differs from its last saved (or imported) state by following the command stack.
import type EventBus from 'diagram-js/lib/core/EventBus';

export const CHANGE_TRACKER_EVENT = 'changeTracker.changed';

export interface ChangeTrackerEvent {
  dirty: boolean;
}

type StackTrigger = 'execute' | 'undo' | 'redo' | 'clear' | null;

export default class ChangeTracker {
  static $inject = ['eventBus'];

  /** Steps between the command stack's current state and the freshly imported diagram. */
  private position = 0;
  /** Where the saved state sits on the stack; null once undo/redo can no longer reach it. */
  private savedPosition: number | null = 0;
  private dirty = false;

  constructor(private readonly eventBus: EventBus) {
    eventBus.on('commandStack.changed', (event: { trigger: StackTrigger }) => this.follow(event.trigger));
    // An import clears the command stack without telling it: start counting afresh. A failed parse
    // leaves the old diagram in place, so only a successful import resets.
    eventBus.on('import.done', (event: { error: Error | null }) => {
      if (event.error) return;
      this.position = 0;
      this.markSaved();
    });
  }

  isDirty(): boolean {
    return this.dirty;
  }

  /** The current diagram is what the server holds now. */
  markSaved(): void {
    this.savedPosition = this.position;
    this.update();
  }

  /** The diagram was replaced outside the command stack (an imported file): nothing undoes it back to saved. */
  markUnsaved(): void {
    this.savedPosition = null;
    this.update();
  }

  private follow(trigger: StackTrigger): void {
    switch (trigger) {
      case 'execute':
        // A new command drops the redo stack; a saved state waiting there is gone.
        if (this.savedPosition !== null && this.savedPosition > this.position) this.savedPosition = null;
        this.position += 1;
        break;
      case 'undo':
        this.position -= 1;
        break;
      case 'redo':
        this.position += 1;
        break;
      case 'clear':
        this.savedPosition = this.dirty ? null : 0;
        this.position = 0;
        break;
      default:
        return;
    }
    this.update();
  }

  private update(): void {
    const dirty = this.position !== this.savedPosition;
    if (dirty === this.dirty) return;
    this.dirty = dirty;
    this.eventBus.fire(CHANGE_TRACKER_EVENT, { dirty } satisfies ChangeTrackerEvent);
  }
}
