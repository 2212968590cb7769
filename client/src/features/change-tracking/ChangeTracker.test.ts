import EventBus from 'diagram-js/lib/core/EventBus';
import { describe, expect, it } from 'vitest';
import ChangeTracker, { CHANGE_TRACKER_EVENT } from './ChangeTracker';

function setup() {
  const eventBus = new EventBus();
  const tracker = new ChangeTracker(eventBus);
  const reported: boolean[] = [];
  eventBus.on(CHANGE_TRACKER_EVENT, (event: { dirty: boolean }) => {
    reported.push(event.dirty);
  });
  const stack = (trigger: string) => eventBus.fire('commandStack.changed', { trigger });
  return { eventBus, tracker, reported, stack };
}

describe('ChangeTracker', () => {
  it('is dirty after a change and clean again once the change is undone', () => {
    // given
    const { tracker, reported, stack } = setup();

    // when
    stack('execute');
    const afterChange = tracker.isDirty();
    stack('undo');

    // then
    expect(afterChange).toBe(true);
    expect(tracker.isDirty()).toBe(false);
    expect(reported).toEqual([true, false]);
  });

  it('treats the saved state as clean, reached again by redo', () => {
    const { tracker, stack } = setup();
    stack('execute');
    tracker.markSaved();
    stack('undo');
    expect(tracker.isDirty()).toBe(true);
    stack('redo');
    expect(tracker.isDirty()).toBe(false);
  });

  it('stays dirty when a new change drops the redo step that led to the saved state', () => {
    const { tracker, stack } = setup();
    stack('execute');
    tracker.markSaved();
    stack('undo');
    stack('execute');
    stack('undo');
    expect(tracker.isDirty()).toBe(true);
  });

  it('starts clean after a successful import, but not after a failed one', () => {
    const { eventBus, tracker, stack } = setup();
    stack('execute');
    eventBus.fire('import.done', { error: new Error('unparsable content'), warnings: [] });
    expect(tracker.isDirty()).toBe(true);
    eventBus.fire('import.done', { error: null, warnings: [] });
    expect(tracker.isDirty()).toBe(false);
  });

  it('keeps a diagram replaced from a file dirty until it is saved', () => {
    const { tracker, stack } = setup();
    tracker.markUnsaved();
    stack('execute');
    stack('undo');
    expect(tracker.isDirty()).toBe(true);
    tracker.markSaved();
    expect(tracker.isDirty()).toBe(false);
  });
});
