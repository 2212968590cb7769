// The history of a review record only grows: the store checks every next record against the current one with this,
// so no code path (or bug) can rewrite an audit entry, a signed document, a comment or a filled form.
import { isDeepStrictEqual } from 'node:util';
import { ReviewDocument, type Annotation, type Signature } from './review.schema';

/** Why `next` is not `current` plus additions, or null when it is. */
export function historyRewrite(current: ReviewDocument, next: ReviewDocument): string | null {
  if (next.mapId !== current.mapId) return 'the record belongs to another map';
  const kept = <T>(name: string, before: readonly T[], after: readonly T[], same: (a: T, b: T) => boolean = isDeepStrictEqual): string | null => {
    if (after.length < before.length) return `${name}: entries removed`;
    const changed = before.findIndex((entry, i) => !same(entry, after[i]!));
    return changed >= 0 ? `${name}[${changed}] changed` : null;
  };
  return (
    kept('transitions', current.transitions, next.transitions) ??
    kept('monitorings', current.monitorings, next.monitorings) ??
    kept('evaluations', current.evaluations, next.evaluations) ??
    kept('annotations', current.annotations, next.annotations, annotationGrows) ??
    kept('signatures', current.signatures, next.signatures, signatureGrows)
  );
}

const startsWith = <T>(longer: readonly T[], prefix: readonly T[]) =>
  longer.length >= prefix.length && prefix.every((entry, i) => isDeepStrictEqual(entry, longer[i]));

/** A thread keeps what was written; it may gain replies and status changes (its status follows the last change). */
function annotationGrows(before: Annotation, after: Annotation): boolean {
  const { replies: r0, statusChanges: s0, status: _s0, ...fixed0 } = before;
  const { replies: r1, statusChanges: s1, status: _s1, ...fixed1 } = after;
  return isDeepStrictEqual(fixed0, fixed1) && startsWith(r1, r0) && startsWith(s1, s0) && after.status === (s1.at(-1)?.status ?? 'terbuka');
}

/** A signed SOP never changes; it may gain scans, and once its withdrawal. */
function signatureGrows(before: Signature, after: Signature): boolean {
  const { scans: c0, withdrawn: w0, ...fixed0 } = before;
  const { scans: c1, withdrawn: w1, ...fixed1 } = after;
  return isDeepStrictEqual(fixed0, fixed1) && startsWith(c1, c0) && (w0 === undefined || isDeepStrictEqual(w0, w1));
}

/**
 * Runs a store's `update` change on a copy of `current` and checks what it proposes, as every review store must before
 * writing: a record of the schema, and no history rewritten. Throws (a program error, not a user's) otherwise.
 */
export function checkedReviewChange<T>(mapId: string, current: ReviewDocument, change: (current: ReviewDocument) => { next: ReviewDocument; result: T }): { next: ReviewDocument; result: T } {
  const { next: proposed, result } = change(structuredClone(current));
  const parsed = ReviewDocument.safeParse(proposed);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new Error(`Invalid review record for ${mapId}: ${first?.path.join('.')}: ${first?.message}`);
  }
  const rewrite = historyRewrite(current, parsed.data);
  if (rewrite) throw new Error(`Refused to rewrite the review history of ${mapId}: ${rewrite}`);
  return { next: parsed.data, result };
}
