// Waits until the browser has painted the next frame: work that the first sight of a page does not need (the second
// panel's data, the lint, the properties panel) starts after it (issue 16).

/** The longest wait for a frame: a page in the background paints none, and its work must still start. */
const FALLBACK_MS = 250;

interface BackgroundScheduler {
  postTask(callback: () => void, options: { priority: 'background' }): Promise<void>;
}

/** A task at background priority where the browser has a scheduler (Chromium), else a plain task. */
export function backgroundTask(callback: () => void): void {
  const scheduler = (globalThis as { scheduler?: BackgroundScheduler }).scheduler;
  if (scheduler?.postTask) void scheduler.postTask(callback, { priority: 'background' });
  else setTimeout(callback, 0);
}

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
