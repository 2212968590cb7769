// Whether the first administrator still has to be created, asked for at boot (bootAhead.ts) before the rest of the
// app's code is evaluated, so the session request follows it at once instead of a round trip later (issue 16). A plain
// `fetch`: a failure here shows nothing, SessionState then asks again through the API client and reports what it gets.

let ahead: Promise<boolean> | null = null;

export function askSetupAhead(): void {
  ahead = fetch('/api/setup', { credentials: 'same-origin', headers: { Accept: 'application/json' } }).then(async (response) => {
    if (!response.ok) throw new Error(`/api/setup answered ${response.status}`);
    const { needed } = (await response.json()) as { needed?: unknown };
    if (typeof needed !== 'boolean') throw new Error('/api/setup answered without "needed"');
    return needed;
  });
  ahead.catch(() => undefined);
}

/** The answer asked for at boot, once; null when none was asked for (or it was taken already). */
export function takeSetupAhead(): Promise<boolean> | null {
  const taken = ahead;
  ahead = null;
  return taken;
}
