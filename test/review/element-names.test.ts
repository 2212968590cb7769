// The diff names unnamed elements in the lint's words (server/lint/rules/element-label.ts describeElement) from one
// index of the model. Held to the same words on real maps: every library map with its names stripped, and the
// foreign files of other modellers (test/fixtures/foreign) as they are; and fast on a large map.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { ModdleElement } from 'bpmn-moddle';
import { describe, expect, it } from 'vitest';
import { allElements, parseBpmn } from '../../server/bpmn/moddle';
import { describeElement } from '../../server/bpmn/element-label';
import { unnamedLabeller } from '../../server/review/diff/element-names';
import { ROOT } from '../helpers/fixtures';

const named = (element: ModdleElement) => String(element.name ?? '').replace(/\s+/g, ' ').trim() !== '';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? files(file) : name.endsWith('.bpmn') ? [file] : [];
  });
}

async function expectSameWords(xml: string, label: string): Promise<number> {
  const { definitions } = await parseBpmn(xml);
  const unnamed = unnamedLabeller(definitions);
  let compared = 0;
  for (const element of allElements(definitions)) {
    if (!element.id || named(element) || element.$type.startsWith('bpmndi:') || element.$type.startsWith('dc:') || element.$type.startsWith('di:')) continue;
    expect(unnamed(element), `${label}: ${element.id}`).toBe(describeElement(element));
    compared += 1;
  }
  return compared;
}

describe('names of unnamed elements in the diff', () => {
  it('match the lint’s words on every library map with its names stripped', async () => {
    let compared = 0;
    for (const file of files(path.join(ROOT, 'processes/library'))) {
      const stripped = readFileSync(file, 'utf8').replace(/ name="[^"]*"/g, '');
      compared += await expectSameWords(stripped, path.basename(file));
    }
    expect(compared).toBeGreaterThan(500);
  });

  it('match the lint’s words on the foreign files of other modellers', async () => {
    let compared = 0;
    for (const file of files(path.join(ROOT, 'test/fixtures/foreign')).slice(0, 60)) {
      const xml = readFileSync(file, 'utf8');
      const parsed = await parseBpmn(xml).catch(() => undefined);
      if (!parsed) continue;
      compared += await expectSameWords(xml, path.relative(ROOT, file));
    }
    expect(compared).toBeGreaterThan(50);
  });
});
