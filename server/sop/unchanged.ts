// A save of the SOP identity that changes nothing (issue 15, item 7) keeps the current version instead of adding one.
import { isDeepStrictEqual } from 'node:util';
import type { PutSopBody, SopVersion } from './sop.schema';

/** JSON's view of a value: absent and undefined properties alike, key order irrelevant to the comparison. */
const asJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value ?? {}));

/** True when `body`, loaded from `current`, carries the same identity and settings as `current`. */
export function unchangedSop(current: SopVersion | undefined, body: PutSopBody): current is SopVersion {
  return (
    current !== undefined &&
    body.version === current.version &&
    isDeepStrictEqual(asJson(current.identity), asJson(body.identity)) &&
    isDeepStrictEqual(asJson(current.settings), asJson(body.settings))
  );
}
