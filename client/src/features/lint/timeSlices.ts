// Work split into short slices with pauses between them, so the browser can paint and handle input meanwhile.
import { backgroundTask } from '../../ui/backgroundTask';

/** Longest stretch of work before giving the browser a turn; well under the 50 ms of a "long task". */
export const SLICE_MS = 10;

export class Cancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'Cancelled';
  }
}

/**
 * Resolves in a new task (a message is not throttled like nested timers are); `background`: a task at background
 * priority, which lets the browser's frames and input go first.
 */
export function nextTask(background = false): Promise<void> {
  if (background) return new Promise((resolve) => backgroundTask(resolve));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * A pause to call between small steps: returns at once while the slice has time left, else waits for the next task.
 * Throws Cancelled as soon as `cancelled()` says so.
 */
export function slicePauser(cancelled: () => boolean, sliceMs = SLICE_MS, background = false): () => Promise<void> {
  let sliceStart = performance.now();
  return async () => {
    if (cancelled()) throw new Cancelled();
    if (performance.now() - sliceStart < sliceMs) return;
    await nextTask(background);
    sliceStart = performance.now();
    if (cancelled()) throw new Cancelled();
  };
}

/** Runs `work` on each item, pausing between slices; false when cancelled before the end. */
export async function eachInSlices<T>(items: readonly T[], work: (item: T) => void, cancelled: () => boolean): Promise<boolean> {
  const pause = slicePauser(cancelled);
  try {
    for (const item of items) {
      await pause();
      work(item);
    }
    return true;
  } catch (error) {
    if (error instanceof Cancelled) return false;
    throw error;
  }
}
