// Every file of the MIWG corpus and of test/fixtures/foreign/** (other tools' exports, crafted loss patterns) goes
// through the import reader, and the stored map is compared with the file: ids, types, names, flows, lanes, event
// definitions, documentation and diagram links. A difference no warning names is a silent loss and fails the test.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../server/bpmn/import/decode-bytes';
import { readImport } from '../../server/bpmn/import/import-pipeline';
import { DEFAULT_PROFILE } from '../../server/domain/vocabulary';
import { bpmnFacts, drawsFlowNodes, silentLosses } from '../helpers/bpmn-facts';
import { MIWG_DIR, ROOT, miwgFiles } from '../helpers/fixtures';

export const FOREIGN_DIR = path.join(ROOT, 'test/fixtures/foreign');

function bpmnFilesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.bpmn'))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

const files = [...miwgFiles(), ...bpmnFilesUnder(FOREIGN_DIR)];
const label = (file: string) => (file.startsWith(MIWG_DIR) ? `miwg/${path.relative(MIWG_DIR, file)}` : path.relative(FOREIGN_DIR, file));

describe('import round trip: nothing lost in silence, every map drawn', () => {
  it('reads the corpus and the foreign fixtures', () => {
    expect(files.filter((f) => f.startsWith(FOREIGN_DIR)).length).toBeGreaterThanOrEqual(10);
  });

  it.each(files.map((f) => [label(f), f]))('%s', async (_name, file) => {
    const bytes = new Uint8Array(readFileSync(file));
    const { xml, warnings } = await readImport({ bytes, given: {}, defaultProfile: DEFAULT_PROFILE, defaultName: 'Peta impor' });
    const before = bpmnFacts(decodeBytes(bytes).text);
    const after = bpmnFacts(xml);
    expect(silentLosses(before, after, warnings)).toEqual([]);
    expect(drawsFlowNodes(after), 'the stored map draws its flow nodes').toBe(true);
  });
});
