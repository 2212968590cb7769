// Waits until the browser has painted the next frame: work that the first sight of a page does not need (the second
// panel's data, the lint, the properties panel) starts after it (issue 16).
import { backgroundTask } from './backgroundTask';

/** The longest wait for a frame: a page in the background paints none, and its work must still start. */
const FALLBACK_MS = 250;

export function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => {
    let settled = false;
    const settle = () => {
      if (settled) return;
      settled = true;
      clearTimeout(fallback);
      resolve();
    };
    const fallback = setTimeout(settle, FALLBACK_MS);
    // A task queued from an animation frame callback runs after that frame is painted; at background priority, it
    // lets the browser's own work (input, the next frames) go first.
    requestAnimationFrame(() => backgroundTask(settle));
  });
}
