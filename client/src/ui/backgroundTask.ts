// Work the user is not waiting for, queued behind what the browser has to do first (frames, input; issue 16).

interface BackgroundScheduler {
  postTask(callback: () => void, options: { priority: 'background' }): Promise<void>;
}

/** A task at background priority where the browser has a scheduler (Chromium), else a plain task. */
export function backgroundTask(callback: () => void): void {
  const scheduler = (globalThis as { scheduler?: BackgroundScheduler }).scheduler;
  if (scheduler?.postTask) void scheduler.postTask(callback, { priority: 'background' });
  else setTimeout(callback, 0);
}
