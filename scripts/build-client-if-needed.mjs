// Builds the client with Vite when dist/client is missing or older than any of its sources.
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { newestMtime } from './newest-mtime.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const built = path.join(root, 'dist/client/index.html');
// The client bundles server code that runs in the browser too: the lint engine (in its worker), the BPMN moddle
// extension, the vocabulary and the regulation texts.
const sources = ['client', 'server/bpmn', 'server/domain', 'server/lint', 'server/regulations', 'package-lock.json'].map((p) => path.join(root, p));

if (!existsSync(built) || statSync(built).mtimeMs < Math.max(...sources.map(newestMtime))) {
  console.log('Membangun antarmuka (Vite)…');
  execFileSync('npx', ['vite', 'build', '--config', 'client/vite.config.ts', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
}
