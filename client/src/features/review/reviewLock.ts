// Saving a map (or its SOP identity) while it is frozen under review: the server's 409 REVIEW_LOCKED, told plainly.
import { ApiError } from '../../api/client';
import { UserFacingError } from '../../ui/errors';

/** A readable error for a REVIEW_LOCKED refusal; null for any other error. */
export function reviewLockedError(error: unknown): UserFacingError | null {
  if (!(error instanceof ApiError) || error.code !== 'REVIEW_LOCKED') return null;
  return new UserFacingError('Peta ini sedang dalam reviu sehingga tidak dapat disimpan.', [
    error.message,
    'Unduh perubahan Anda dengan Ekspor .bpmn bila ingin menyimpannya untuk nanti.',
  ]);
}

/** Said before even asking for a revision message when the review panel already knows the map is frozen. */
export function reviewLockedNotice(): UserFacingError {
  return new UserFacingError('Peta dan identitas SOP dibekukan selama reviu; perubahan tidak dapat disimpan sekarang.', [
    'Unduh perubahan Anda dengan Ekspor .bpmn bila ingin menyimpannya untuk nanti.',
  ]);
}
