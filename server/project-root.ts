// The project's root directory (the one holding package.json), found from this module's own place: it runs from
// server/ under tsx and from a chunk in dist/server/ when compiled, so paths to processes/ and dist/client/ must not
// count `../` from here.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

function findRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`package.json not found above ${from}`);
  }
}

/** Absolute path of the project root, without a trailing slash. */
export const PROJECT_ROOT = findRoot(path.dirname(fileURLToPath(import.meta.url)));

/** A file URL inside the project root; `relative` ends with `/` for a directory. */
export function projectUrl(relative: string): URL {
  return new URL(relative, pathToFileURL(`${PROJECT_ROOT}/`));
}
