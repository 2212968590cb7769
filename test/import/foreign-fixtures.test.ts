// The public corpus of BPMN files written by other modellers (test/fixtures/foreign, issue 14): every file is
// accounted for in SOURCES.md with a licence that allows redistribution, and every file is well-formed XML whose
// root is BPMN 2.0 `definitions`. Parsing is done in process with saxes; no server is started.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';

const FOREIGN_DIR = fileURLToPath(new URL('../fixtures/foreign/', import.meta.url));
const BPMN_MODEL_NS = 'http://www.omg.org/spec/BPMN/20100524/MODEL';
const ALLOWED_LICENCES = new Set(['MIT', 'Apache-2.0', 'BSD-3-Clause', 'EPL-1.0', 'EPL-2.0', 'CC-BY-3.0', 'bpmn.io']);
const MAX_FILE_BYTES = 2 * 1024 * 1024;
const MAX_TOTAL_BYTES = 15 * 1024 * 1024;

function listBpmnFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return listBpmnFiles(path);
    return entry.name.endsWith('.bpmn') ? [relative(FOREIGN_DIR, path)] : [];
  });
}

interface SourceRow {
  file: string;
  source: string;
  licence: string;
}

/** Rows of the SOURCES.md table: `| tool | `file` | exporter | `repo@commit:path` | licence |`. */
function readSourceRows(): SourceRow[] {
  const text = readFileSync(join(FOREIGN_DIR, 'SOURCES.md'), 'utf8');
  return text.split('\n').flatMap((line) => {
    const cells = line.split('|').map((cell) => cell.trim());
    // '', tool, file, exporter, source, licence, ''
    if (cells.length !== 7) return [];
    const file = /^`([^`]+\.bpmn)`$/.exec(cells[2]);
    if (!file) return [];
    return [{ file: file[1], source: cells[4].replace(/`/g, ''), licence: cells[5] }];
  });
}

/** Decodes by BOM or the XML declaration's encoding, as a reader of the file would; bytes invalid in that encoding throw. */
function decode(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le', { fatal: true }).decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be', { fatal: true }).decode(bytes);
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const declared = /^<\?xml[^>]*encoding=["']([A-Za-z0-9._-]+)["']/.exec(bytes.subarray(start, start + 200).toString('latin1'));
  const label = declared?.[1].toLowerCase() ?? 'utf-8';
  return new TextDecoder(label.startsWith('utf-16') ? 'utf-8' : label, { fatal: true }).decode(bytes);
}

/** Parses the whole document; returns the root element's namespace and local name, or throws on malformed XML. */
function rootOf(xml: string): { uri: string; local: string } {
  const parser = new SaxesParser({ xmlns: true });
  let root: { uri: string; local: string } | undefined;
  parser.on('opentag', (tag) => {
    root ??= { uri: tag.uri, local: tag.local };
  });
  parser.on('error', (error) => {
    throw error;
  });
  parser.write(xml).close();
  if (!root) throw new Error('no root element');
  return root;
}

// crafted/ holds the import tests' own hand-written loss patterns (crafted/README.md), not copies of other tools'
// files: no upstream source, and one is deliberately not valid in its encoding.
const files = listBpmnFiles(FOREIGN_DIR)
  .filter((file) => !file.startsWith('crafted/'))
  .sort();
const rows = readSourceRows();

describe('foreign BPMN fixtures', () => {
  it('hold files from several tools, within the size limits', () => {
    expect(files.length).toBeGreaterThan(0);
    const tools = new Set(files.map((file) => file.split('/')[0]));
    expect(tools.size).toBeGreaterThan(3);
    let total = 0;
    for (const file of files) {
      const size = statSync(join(FOREIGN_DIR, file)).size;
      expect(size, file).toBeLessThan(MAX_FILE_BYTES);
      total += size;
    }
    expect(total).toBeLessThan(MAX_TOTAL_BYTES);
  });

  it('list every file in SOURCES.md with its source and a redistributable licence, and no file that is absent', () => {
    const byFile = new Map(rows.map((row) => [row.file, row]));
    expect(byFile.size, 'a file is listed twice').toBe(rows.length);
    for (const file of files) {
      const row = byFile.get(file);
      expect(row, `${file} is not listed in SOURCES.md`).toBeDefined();
      expect(row!.source, file).toMatch(/^[\w.-]+\/[\w.-]+@[0-9a-f]{40}:.+/);
      expect(ALLOWED_LICENCES.has(row!.licence), `${file}: licence "${row!.licence}"`).toBe(true);
    }
    expect(rows.map((row) => row.file).filter((file) => !files.includes(file))).toEqual([]);
  });

  it.each(files)('%s is well-formed XML with a BPMN 2.0 definitions root', (file) => {
    const root = rootOf(decode(readFileSync(join(FOREIGN_DIR, file))));
    expect(root).toEqual({ uri: BPMN_MODEL_NS, local: 'definitions' });
  });
});
