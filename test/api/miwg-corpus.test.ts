import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createModdle } from '../../server/bpmn/moddle';
import { elementIds, idsOf, MIWG_DIR, miwgFiles, readText } from '../helpers/fixtures';
import { startTestServer } from '../helpers/server';

const { api } = await startTestServer();
const files = miwgFiles();

describe('MIWG corpus: BPMN files exported by other modellers', () => {
  it('has the corpus beside the repository', () => {
    expect(files.length).toBeGreaterThan(100);
  });

  it.each(files.map((f) => [path.relative(MIWG_DIR, f), f]))('%s imports and exports back with the same element ids', async (_name, file) => {
    const xml = readText(file);
    const imported = await api(`/api/import?name=${encodeURIComponent(path.basename(file))}`, {
      method: 'POST',
      headers: { 'content-type': 'application/xml' },
      body: xml,
    });
    expect(imported.status, JSON.stringify(imported.body)).toBe(201);
    const exported = await api(`/api/maps/${imported.body.map.id}/revisions/1/xml`);
    expect(exported.status).toBe(200);

    const original = await elementIds(xml);
    expect(await elementIds(exported.body)).toEqual(original);
    // Re-serialised through moddle with our sk: extension (as every writer of ours does), no element is lost.
    const moddle = createModdle();
    const { rootElement } = await moddle.fromXML(exported.body, 'bpmn:Definitions');
    const { xml: rewritten } = await moddle.toXML(rootElement, { format: true });
    expect(idsOf((await createModdle().fromXML(rewritten, 'bpmn:Definitions')).rootElement)).toEqual(original);
  });
});
