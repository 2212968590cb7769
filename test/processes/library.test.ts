// The reference library (processes/library/): every map parses, is lint-clean under its catalog profile (infos
// allowed), draws every flow node, lane, pool and flow, and is exactly what the generator writes; each broken
// variant (test/processes/broken/) triggers the rule it names.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { ModdleElement } from 'bpmn-moddle';
import { describe, expect, it } from 'vitest';
import { allElements, parseBpmn } from '../../server/bpmn/moddle';
import { Profile } from '../../server/domain/vocabulary';
import { lintDefinitions } from '../../server/lint/engine';
import { PLUGIN_RULES } from '../../server/lint/rules';
import { BROKEN_VARIANTS } from '../../scripts/processes/broken';
import { buildBroken, buildLibrary, LIBRARY_MAPS } from '../../scripts/processes/library';
import { readText, ROOT } from '../helpers/fixtures';

const LIBRARY = path.join(ROOT, 'processes/library');
const BROKEN = path.join(ROOT, 'test/processes/broken');
const catalog = JSON.parse(readText(path.join(LIBRARY, 'catalog.json'))) as { id: string; profile: string; kind: string; orgType: string }[];

describe('reference library of process maps', () => {
  it('holds a work mechanism per organisation type of ROLES.md §3 and the six assignment flows', () => {
    expect(catalog.map((entry) => entry.id).sort()).toEqual(LIBRARY_MAPS.map((spec) => spec.id).sort());
    expect(catalog.filter((entry) => entry.kind === 'mekanisme-kerja')).toHaveLength(9);
    expect(catalog.filter((entry) => entry.kind === 'lintas-fungsi')).toHaveLength(6);
    expect(readdirSync(LIBRARY).filter((f) => f.endsWith('.bpmn')).sort()).toEqual(catalog.map((entry) => `${entry.id}.bpmn`).sort());
  });

  it('is what the generator writes (npm run processes:build), maps, catalog and broken variants alike', () => {
    for (const [name, content] of buildLibrary()) expect(readText(path.join(LIBRARY, name)), name).toBe(content);
    for (const [name, content] of buildBroken(BROKEN_VARIANTS)) expect(readText(path.join(BROKEN, name)), name).toBe(content);
    expect(readdirSync(BROKEN).sort()).toEqual(BROKEN_VARIANTS.map((v) => `${v.name}.bpmn`).sort());
  });

  it.each(catalog.map((entry) => [entry.id, entry]))('%s lints without errors or warnings under its profile', async (_id, entry) => {
    const xml = readText(path.join(LIBRARY, `${entry.id}.bpmn`));
    const { definitions, warnings } = await parseBpmn(xml);
    expect(warnings).toEqual([]);
    expect(definitions.get('sk:profile')).toBe(entry.profile);
    expect(definitions.get('sk:mapKind')).toBe(entry.kind);
    const findings = await lintDefinitions(definitions, Profile.parse(entry.profile));
    expect(findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it.each(catalog.map((entry) => [entry.id]))('%s draws every flow node, lane, pool and flow, and writes the mutu baku', async (id) => {
    const { definitions } = await parseBpmn(readText(path.join(LIBRARY, `${id}.bpmn`)));
    const elements = [...allElements(definitions)];
    const drawn = new Set(
      elements.filter((e) => e.$type === 'bpmndi:BPMNShape' || e.$type === 'bpmndi:BPMNEdge').map((e) => (e.get('bpmnElement') as ModdleElement).id),
    );
    const mustDraw = elements.filter((e) => ['bpmn:FlowNode', 'bpmn:Lane', 'bpmn:Participant', 'bpmn:SequenceFlow', 'bpmn:MessageFlow', 'bpmn:DataObjectReference'].some((t) => e.$instanceOf(t)));
    expect(mustDraw.length).toBeGreaterThan(5);
    expect(mustDraw.filter((e) => !drawn.has(e.id)).map((e) => e.id)).toEqual([]);
    for (const activity of elements.filter((e) => e.$instanceOf('bpmn:Activity'))) {
      for (const attr of ['requirements', 'time', 'output']) expect(activity.get(`sk:${attr}`), `${activity.id} sk:${attr}`).toBeTruthy();
    }
    for (const lane of elements.filter((e) => e.$instanceOf('bpmn:Lane'))) expect(lane.get('sk:jabatan'), lane.id).toBeTruthy();
    for (const pool of elements.filter((e) => e.$instanceOf('bpmn:Participant'))) expect(pool.get('sk:unitKind'), pool.id).toBeTruthy();
  });

  const broken = readdirSync(BROKEN).filter((f) => f.endsWith('.bpmn'));
  const ruleOf = (file: string) => /<!-- expect: (\S+) -->/.exec(readText(path.join(BROKEN, file)))?.[1] ?? '';

  for (const file of broken) {
    const rule = ruleOf(file);
    // A rule not registered yet is skipped until it lands.
    it.skipIf(!(rule in PLUGIN_RULES))(`broken variant ${file} triggers ${rule}`, async () => {
    const { definitions } = await parseBpmn(readText(path.join(BROKEN, file)));
    const profile = Profile.parse(definitions.get('sk:profile'));
    const findings = await lintDefinitions(definitions, profile);
    expect(findings.filter((f) => f.rule === rule && f.severity !== 'info').length, findings.map((f) => f.rule).join(', ')).toBeGreaterThan(0);
    });
  }

  it('each broken variant differs from its library map in what its rule checks: the map itself is clean of that rule', async () => {
    for (const variant of BROKEN_VARIANTS) {
      const source = LIBRARY_MAPS.find((spec) => variant.name.startsWith(`${spec.id}-`))!;
      const { definitions } = await parseBpmn(readText(path.join(LIBRARY, `${source.id}.bpmn`)));
      const findings = await lintDefinitions(definitions, source.profile);
      expect(findings.filter((f) => f.rule === variant.rule), variant.name).toEqual([]);
    }
  });
});
