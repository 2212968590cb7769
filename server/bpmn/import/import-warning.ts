// What an import changed or could not keep, told to the user before the map is created (docs/import.md).
import { z } from 'zod';

export const ImportWarning = z.object({
  /** Stable, UPPER_SNAKE: INVALID_UTF8, ID_CHANGED, UNKNOWN_ELEMENT, DIAGRAM_GENERATED … */
  code: z.string().regex(/^[A-Z][A-Z0-9_]*$/),
  /** The element's id, or a human label when it has none. */
  element: z.string().optional(),
  /** Indonesian: what was changed or dropped. */
  what: z.string(),
  /** Indonesian: why. */
  why: z.string(),
});
export type ImportWarning = z.infer<typeof ImportWarning>;

export function warning(code: string, what: string, why: string, element?: string): ImportWarning {
  return element === undefined ? { code, what, why } : { code, element, what, why };
}
