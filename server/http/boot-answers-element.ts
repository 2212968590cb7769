// The answers the client asks for first (GET /api/setup, GET /api/session), put by the server into the HTML it
// serves as the SPA shell, so the client need not ask for them before it routes (issue 16). Imported by the client
// too (client/src/session/bootAnswers.ts): nothing here may need Node.
import type { describeSession } from '../accounts/accounts.service';

/** The id of the `<script type="application/json">` element holding the answers. */
export const BOOT_ANSWERS_ELEMENT_ID = 'petakerja-boot';

/** Exactly what GET /api/session answers for a signed-in user. */
export type SessionAnswer = ReturnType<typeof describeSession>;

export interface BootAnswers {
  /** As GET /api/setup answers. */
  setup: { needed: boolean };
  /** As GET /api/session answers, or null where it answers 401 (no cookie, or a stale, expired or revoked one). */
  session: SessionAnswer | null;
}

/**
 * JSON for a script element's text: `<`, `>` and `&` escaped as \u sequences, so no text in the answers (`</script>`,
 * `<!--`) can end the element or change how the HTML parser reads it; U+2028/2029 escaped too. JSON.parse reads it back
 * unchanged.
 */
export function jsonInScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The shell's HTML with the answers in a non-executed JSON script element at the end of its head. */
export function embedBootAnswers(html: string, answers: BootAnswers): string {
  const element = `<script type="application/json" id="${BOOT_ANSWERS_ELEMENT_ID}">${jsonInScript(answers)}</script>`;
  const at = html.search(/<\/head>/i);
  return at < 0 ? element + html : html.slice(0, at) + element + html.slice(at);
}
