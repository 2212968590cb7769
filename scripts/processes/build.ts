// Builds the reference library of process maps: processes/library/<id>.bpmn and catalog.json from the map
// descriptions under maps/, and the broken variants under test/processes/broken/. `npm run processes:build` writes
// them; `--check` only compares (exit 1 on drift).
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { BROKEN_VARIANTS } from './broken';
import { BROKEN_DIR, buildBroken, buildLibrary, LIBRARY_DIR } from './library';

async function main(check: boolean): Promise<number> {
  let drift = 0;
  const outputs = [
    ...[...buildLibrary()].map(([name, content]) => [new URL(name, LIBRARY_DIR), content] as const),
    ...[...(buildBroken(BROKEN_VARIANTS))].map(([name, content]) => [new URL(name, BROKEN_DIR), content] as const),
  ];
  for (const [url, content] of outputs) {
    const name = fileURLToPath(url).split('/').slice(-3).join('/');
    const current = await readFile(url, 'utf8').catch(() => undefined);
    if (current === content) continue;
    if (check) {
      console.error(`${name} berbeda dari keluaran generator`);
      drift += 1;
    } else {
      await writeFile(url, content);
      console.log(`menulis ${name}`);
    }
  }
  return drift > 0 ? 1 : 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = await main(process.argv.includes('--check'));
}
