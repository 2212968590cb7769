// Review steps in the audit log (issue 15, item 6): each transition a user takes (submit, take back, start review,
// send back, approve, sign, withdraw) is written as one audit event, beside the map's own review record.
import type { AuditEvent } from '../accounts/accounts.records';
import type { AuditLog } from '../store/account-store';
import type { Signature, Transition } from './review.schema';
import type { UserAction } from './lifecycle';

/** The audit event kind of a user's review action. */
export const reviewAuditEvent = (action: UserAction): AuditEvent['event'] => `sop-${action}`;

export interface ReviewAuditInput {
  username: string;
  ip: string;
  map: { id: string; name: string; unit: string };
  action: UserAction;
  transition: Transition;
  /** The SOP signed by this step (sahkan) or withdrawn by it (cabut). */
  signature?: Signature;
}

export function reviewAuditEntry({ username, ip, map, action, transition, signature }: ReviewAuditInput): AuditEvent {
  const comment = transition.comment.trim();
  return {
    at: transition.at,
    event: reviewAuditEvent(action),
    username: username.slice(0, 200),
    ip: ip.slice(0, 100),
    review: {
      mapId: map.id.slice(0, 100),
      mapName: map.name.slice(0, 400),
      ...(map.unit ? { unit: map.unit.slice(0, 200) } : {}),
      revision: transition.revision,
      from: transition.from,
      to: transition.to,
      ...(comment ? { comment: comment.slice(0, 1000) } : {}),
      ...(signature ? { code: signature.code } : {}),
      ...(signature?.electronic && action === 'sahkan'
        ? { certificate: { commonName: signature.electronic.certificate.commonName.slice(0, 400), fingerprint256: signature.electronic.certificate.fingerprint256, level: signature.electronic.level } }
        : {}),
    },
  };
}

/** Appends the entry; a failing audit write is logged but does not undo (nor fail) the step already stored. */
export async function recordReviewStep(audit: AuditLog | undefined, input: ReviewAuditInput, log: (error: unknown) => void = console.error): Promise<void> {
  if (!audit) return;
  await audit.append(reviewAuditEntry(input)).catch(log);
}
