// What the review cycle asks of every change to a map or its SOP identity: none while the SOP is submitted, in review
// or approved (the revision under review stays as reviewed), and a new draft cycle when the SOP was signed or withdrawn
// (the signed revision never changes; editing starts a new one).
import type { PublicUser } from '../accounts/accounts.records';
import { AppError } from '../errors';
import { CLOSED_STATES, edgeFrom, LOCKED_STATES } from './lifecycle';
import { cycleOf, STATE_LABELS, stateOf, type ReviewDocument } from './review.schema';
import type { ReviewStore } from './review-store';

/** Called by the map and SOP services around a save; both calls are cheap reads unless a new cycle starts. */
export interface EditGate {
  /** Throws 409 REVIEW_LOCKED while the map's SOP is under review. */
  assertEditable(mapId: string): Promise<void>;
  /** True when `revision` of the map was signed: an identity change must then go to a new map revision. */
  isSigned(mapId: string, revision: number): Promise<boolean>;
  /** After a save: opens a new draft cycle when the SOP was signed or withdrawn. */
  edited(actor: PublicUser, mapId: string, revision: number): Promise<void>;
}

export const reviewLocked = (doc: ReviewDocument) =>
  new AppError(
    409,
    'REVIEW_LOCKED',
    `SOP peta ini berstatus ${STATE_LABELS[stateOf(doc)].toLowerCase()}: peta dan identitas SOP tidak dapat diubah selama reviu. ` +
      'Penyusun dapat menarik kembali pengajuan yang belum direviu, atau menunggu permintaan perbaikan.',
    { state: stateOf(doc) },
  );

/** `sopVersionOf`: the map's current SOP identity version (0 when none), recorded with a new cycle. */
export function reviewEditGate(reviews: ReviewStore, sopVersionOf: (mapId: string) => Promise<number>): EditGate {
  return {
    async assertEditable(mapId) {
      const doc = await reviews.get(mapId);
      if (LOCKED_STATES.includes(stateOf(doc))) throw reviewLocked(doc);
    },
    async isSigned(mapId, revision) {
      return (await reviews.get(mapId)).signatures.some((s) => s.revision === revision);
    },
    async edited(actor, mapId, revision) {
      if (!CLOSED_STATES.includes(stateOf(await reviews.get(mapId)))) return;
      const sopVersion = await sopVersionOf(mapId);
      await reviews.update(mapId, (doc) => {
        const state = stateOf(doc);
        const edge = edgeFrom(state, 'revisi-baru');
        if (!edge) return { next: doc, result: undefined };
        const transition = {
          seq: doc.transitions.length + 1,
          cycle: cycleOf(doc) + 1,
          action: 'revisi-baru' as const,
          from: state,
          to: edge.to,
          by: { id: actor.id, name: actor.name },
          at: new Date().toISOString(),
          comment: `Perubahan setelah SOP ${STATE_LABELS[state].toLowerCase()}: revisi ${revision} memulai draf baru.`,
          revision,
          sopVersion,
        };
        return { next: { ...doc, transitions: [...doc.transitions, transition] }, result: undefined };
      });
    },
  };
}
