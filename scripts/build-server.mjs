// Compiles the server and CLI to JavaScript in dist/server/ with esbuild (the same TypeScript transform tsx applied at
// run time): `cli.js` and `bpmn-worker.js` are the entries, npm packages stay external, and code splitting puts each
// subcommand's `import()` with what only it needs in chunks of its own. `--if-needed` builds only when dist/server is
// missing or older than any file it was built from (the metafile of the last build lists them), package-lock.json,
// this script, or any file under server/ (a file added there since).
import { createRequire } from 'node:module';
import { chmodSync, existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { newestMtime } from './newest-mtime.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'dist/server');
const entry = path.join(outDir, 'cli.js');
const metaFile = path.join(outDir, 'meta.json');

export function serverBuildIsStale() {
  if (!existsSync(entry) || !existsSync(metaFile)) return true;
  const built = statSync(metaFile).mtimeMs;
  const inputs = Object.keys(JSON.parse(readFileSync(metaFile, 'utf8')).inputs).map((p) => path.join(root, p));
  const sources = [...inputs, path.join(root, 'server'), path.join(root, 'package-lock.json'), fileURLToPath(import.meta.url)];
  return sources.some((p) => newestMtime(p, Infinity) > built);
}

/**
 * The packages of the lint path are bundled in: Node loads each file of a package as a module of its own (zod is 95
 * files, bpmnlint's rules 33 CommonJS files lexed one by one), and that loading, not the code, was most of a one-shot
 * `lint`'s start-up. They are pure JavaScript without run-time file lookups. The heavy packages of the other
 * subcommands (express, puppeteer-core, pdf-lib, qrcode, lowdb, tar, …) stay external and load only with their chunk.
 */
const BUNDLED_PACKAGES = new Set(['zod', 'bpmnlint', 'bpmnlint-utils', 'bpmn-moddle', 'moddle', 'moddle-xml', 'saxen', 'saxes', 'xmlchars', 'min-dash']);

/**
 * Keeps the other npm packages external, like `packages: 'external'`, and completes extensionless deep imports of CommonJS
 * packages without an exports map (`bpmnlint/rules/label-required`): tsx resolved those, Node's ESM loader does not.
 */
const externalPackages = {
  name: 'external-packages',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, ({ path: specifier, resolveDir }) => {
      const deep = /^(@[^/]+\/[^/]+|[^@/][^/]*)\/(.+)$/.exec(specifier);
      if (BUNDLED_PACKAGES.has(deep?.[1] ?? specifier)) return undefined;
      if (specifier.startsWith('node:') || !deep || path.extname(deep[2])) return { path: specifier, external: true };
      const resolved = createRequire(path.join(resolveDir, 'index.js')).resolve(specifier);
      const extension = path.extname(resolved);
      return { path: resolved.endsWith(`${deep[2]}${extension}`) ? `${specifier}${extension}` : specifier, external: true };
    });
  },
};

export async function buildServer() {
  const { build } = await import('esbuild');
  // Built beside, then swapped in: a process starting meanwhile sees the old build or the new one, not half of each.
  const staging = `${outDir}.${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  const result = await build({
    absWorkingDir: root,
    entryPoints: { cli: 'server/cli.ts', 'bpmn-worker': 'server/bpmn/work/bpmn-worker.ts' },
    outdir: staging,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20.19',
    plugins: [externalPackages],
    // Every chunk beside the entries: work-pool.ts finds ./bpmn-worker.js next to whichever chunk holds it.
    chunkNames: '[name]-[hash]',
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'warning',
  });
  writeFileSync(path.join(staging, 'meta.json'), JSON.stringify(result.metafile));
  chmodSync(path.join(staging, 'cli.js'), 0o755);
  rmSync(outDir, { recursive: true, force: true });
  renameSync(staging, outDir);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (!process.argv.includes('--if-needed') || serverBuildIsStale()) {
    if (process.argv.includes('--if-needed')) console.error('Membangun server (esbuild)…');
    await buildServer();
  }
}
