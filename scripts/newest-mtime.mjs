// The newest modification time of a file, or of any file below a directory: the build scripts' staleness check.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** `missing` is what a path that does not exist counts as (0: ignored; Infinity: always newer than any build). */
export function newestMtime(p, missing = 0) {
  if (!existsSync(p)) return missing;
  const stat = statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(p).map((name) => newestMtime(path.join(p, name), missing)));
}
