// Every row's record is validated with its zod schema when read, as the embedded store validates its documents.
import type { z } from 'zod';
import { createHash } from 'node:crypto';

export function parseRecord<S extends z.ZodType>(schema: S, value: unknown, what: string): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const first = parsed.error.issues[0];
  throw new Error(`Stored record ${what} does not match its schema: ${first?.path.join('.')}: ${first?.message}`);
}

/** Content-addressed rows (bpmn_bodies, review_files): `bytes` must still hash to `sha256`. */
export function verifiedBytes(sha256: string, bytes: Buffer): Uint8Array {
  if (createHash('sha256').update(bytes).digest('hex') !== sha256) {
    throw new Error(`Blob ${sha256} is corrupt: its content no longer matches its hash`);
  }
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
