// Every map the import reader had to repair or lay out opens drawn in bpmn-js (the viewer bundle in headless
// Chromium): each flow node and lane of its processes on the canvas, no import error.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readImport } from '../../server/bpmn/import/import-pipeline';
import { DEFAULT_PROFILE } from '../../server/domain/vocabulary';
import { bpmnFacts } from '../helpers/bpmn-facts';
import { launchBrowser } from '../helpers/browser';
import { readText, ROOT, miwgFiles } from '../helpers/fixtures';

const FOREIGN_DIR = path.join(ROOT, 'test/fixtures/foreign');
const browser = await launchBrowser();

const files = [
  ...miwgFiles(),
  ...readdirSync(FOREIGN_DIR, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.bpmn'))
    .map((e) => path.join(e.parentPath, e.name)),
].sort();

/** The stored XML of each file whose diagram the import repaired or generated. */
const repaired: { file: string; xml: string; codes: string[] }[] = [];
for (const file of files) {
  const { xml, warnings } = await readImport({ bytes: new Uint8Array(readFileSync(file)), given: {}, defaultProfile: DEFAULT_PROFILE, defaultName: 'Peta impor' });
  const codes = [...new Set(warnings.map((w) => w.code).filter((c) => c.startsWith('DIAGRAM_')))];
  if (codes.length > 0) repaired.push({ file: path.relative(ROOT, file), xml, codes });
}

describe('repaired and generated diagrams open drawn in bpmn-js', () => {
  it('has maps of both kinds to show', () => {
    const all = repaired.flatMap((r) => r.codes);
    expect(all).toContain('DIAGRAM_GENERATED');
    expect(all).toContain('DIAGRAM_REPAIRED');
  });

  it('draws every flow node and lane of each', async () => {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><html><body><div id="canvas" style="width:1600px;height:900px"></div></body></html>');
    await page.addScriptTag({ content: readText(path.join(ROOT, 'node_modules/bpmn-js/dist/bpmn-viewer.production.min.js')) });
    const failures: string[] = [];
    for (const { file, xml, codes } of repaired) {
      const facts = bpmnFacts(xml);
      const expected = [
        ...facts.processNodes.keys(),
        ...[...facts.elements].filter(([, f]) => f.type === 'lane').map(([id]) => id),
      ];
      const result = await page.evaluate(
        async (xml, ids) => {
          const viewer = new (window as any).BpmnJS({ container: '#canvas' });
          try {
            await viewer.importXML(xml);
            const registry = viewer.get('elementRegistry');
            return { error: '', missing: ids.filter((id: string) => !registry.get(id)), shapes: registry.getAll().length };
          } catch (error) {
            return { error: (error as Error).message, missing: ids, shapes: 0 };
          } finally {
            viewer.destroy();
          }
        },
        xml,
        expected,
      );
      if (result.error || result.missing.length > 0 || (expected.length > 0 && result.shapes < 2)) {
        failures.push(`${file} (${codes.join(', ')}): ${result.error || `tidak tergambar: ${result.missing.slice(0, 5).join(', ')}${result.missing.length > 5 ? ` … (${result.missing.length})` : ''}`}`);
      }
    }
    await page.close();
    expect(failures).toEqual([]);
  });
});
