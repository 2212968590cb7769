// The setup state and the session the server put in the page it served (server/http/app-shell.ts), read at boot
// (bootAhead.ts) and taken once by SessionState.load() instead of asking /api/setup and /api/session (issue 16). A page
// without them (a built client served by Vite's dev server, a damaged element) asks as before.
import { BOOT_ANSWERS_ELEMENT_ID, type BootAnswers } from '../../../server/http/boot-answers-element';

export { BOOT_ANSWERS_ELEMENT_ID };

let kept: BootAnswers | null = null;

function isBootAnswers(value: unknown): value is BootAnswers {
  if (typeof value !== 'object' || value === null) return false;
  const { setup, session } = value as Record<string, unknown>;
  if (typeof setup !== 'object' || setup === null || typeof (setup as Record<string, unknown>).needed !== 'boolean') return false;
  if (session === null) return true;
  if (typeof session !== 'object') return false;
  const { user, csrfToken } = session as Record<string, unknown>;
  return typeof csrfToken === 'string' && typeof user === 'object' && user !== null;
}

/** Keeps the answers from the element's text; false (nothing kept) when there is none or it cannot be read. */
export function keepBootAnswers(text: string | null | undefined): boolean {
  kept = null;
  if (!text) return false;
  try {
    const value: unknown = JSON.parse(text);
    if (isBootAnswers(value)) kept = value;
  } catch {
    // Not JSON: the requests answer instead.
  }
  return kept !== null;
}

/** The answers in the page without taking them (bootAhead reads who is signed in). */
export function peekBootAnswers(): BootAnswers | null {
  return kept;
}

/** The answers in the page, once; null when there were none (or they were taken already). */
export function takeBootAnswers(): BootAnswers | null {
  const taken = kept;
  kept = null;
  return taken;
}
