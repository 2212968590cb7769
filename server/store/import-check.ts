// Checks of what a store-to-store transfer (server/cli/migrate.ts) hands a store's import methods: every body is
// re-hashed on arrival and refused when it does not match the sha256 its record names.
import { sha256 } from './blob-store';
import type { Revision } from './records';
import { importHashMismatch } from './store-errors';

/** Bytes as given, refused unless they hash to `expected`. */
export function verifiedOnArrival(what: string, expected: string, bytes: Uint8Array | undefined): Uint8Array {
  if (!bytes) throw importHashMismatch(what, expected, '(tidak ada)');
  const actual = sha256(bytes);
  if (actual !== expected) throw importHashMismatch(what, expected, actual);
  return bytes;
}

/**
 * The bodies a map's revisions name (each revision's BPMN, revision 1's original file), each checked against its
 * sha256; the answer holds each distinct body once, keyed by its hash.
 */
export function revisionBodies(mapId: string, revisions: readonly Revision[], bodies: ReadonlyMap<string, Uint8Array>): Map<string, Uint8Array> {
  if (revisions.length === 0 || revisions.some((r, i) => r.n !== i + 1)) {
    throw new Error(`Revision records of map ${mapId} to import are not numbered 1…n`);
  }
  const checked = new Map<string, Uint8Array>();
  for (const revision of revisions) {
    checked.set(revision.sha256, verifiedOnArrival(`BPMN revisi ${revision.n} peta ${mapId}`, revision.sha256, bodies.get(revision.sha256)));
    if (revision.original) {
      const { sha256: hash } = revision.original;
      checked.set(hash, verifiedOnArrival(`berkas asli impor peta ${mapId}`, hash, bodies.get(hash)));
    }
  }
  return checked;
}
