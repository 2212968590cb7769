// `node --import ./test/helpers/record-loads.mjs …` with RECORD_LOADS=FILE: writes to FILE, one a line, every module
// the process loaded: each ESM resolution seen by a module.register() resolve hook (it runs in the loader thread, so it
// appends to the file itself) and, at exit, every CommonJS module in require's cache (require() calls inside CommonJS
// packages do not pass through ESM hooks on Node 20).
import { appendFileSync, writeFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';

const file = process.env.RECORD_LOADS;
if (!file) throw new Error('RECORD_LOADS=FILE is required');
writeFileSync(file, '');

const hooks = `
import { appendFileSync } from 'node:fs';
let file;
export function initialize(data) { file = data.file; }
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  appendFileSync(file, result.url + '\\n');
  return result;
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`, { data: { file } });

const cache = createRequire(import.meta.url).cache;
process.once('exit', () => appendFileSync(file, Object.keys(cache).map((p) => `file://${p}\n`).join('')));
