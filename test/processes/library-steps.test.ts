// The reference library draws each mechanism step by step as its regulation's text does. catalog.json lists, per map,
// the steps it draws (scripts/processes/library.ts stepsOf): for each, the activity carrying its id in sk:step lies in
// the step's lane, comes after the step it follows along the flow (sequence and message flows; a loop back is not an
// order), sends a copy (tembusan) to every lane the text names, and its article resolves to the regulation's text.
import path from 'node:path';
import type { ModdleElement } from 'bpmn-moddle';
import { describe, expect, it } from 'vitest';
import { allElements, parseBpmn } from '../../server/bpmn/moddle';
import type { ArticlesFile } from '../../server/regulations/article-types';
import articlesJson from '../../server/regulations/articles.json' with { type: 'json' };
import { resolveCitation } from '../../server/regulations/citations';
import { readText, ROOT } from '../helpers/fixtures';

const articles = articlesJson as ArticlesFile;
const LIBRARY = path.join(ROOT, 'processes/library');

interface CatalogStep {
  id: string;
  article: string;
  text: string;
  lane: string;
  after?: string;
  copies?: string[];
}
interface CatalogEntry {
  id: string;
  kind: string;
  profile: string;
  orgType: string;
  steps?: CatalogStep[];
}
const catalog = JSON.parse(readText(path.join(LIBRARY, 'catalog.json'))) as CatalogEntry[];

/** The regulation each profile's maps follow. */
const REGULATION: Record<string, string> = {
  'gunung-mas': 'Perbup Gunung Mas 18/2024',
  badung: 'Perbup Badung 35/2023',
  denpasar: 'Perwali Denpasar 69/2023',
};

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Every element the library writes has an id. */
const idOf = (element: ModdleElement): string => element.id ?? '';

/** The map as the test reads it: activities by sk:step, lanes of flow nodes, the flow and the drawn boxes. */
async function readMap(id: string) {
  const { definitions } = await parseBpmn(readText(path.join(LIBRARY, `${id}.bpmn`)));
  const elements = [...allElements(definitions)];
  const laneOf = new Map<string, ModdleElement>();
  for (const lane of elements.filter((e) => e.$type === 'bpmn:Lane')) {
    for (const ref of (lane.get('flowNodeRef') as ModdleElement[]) ?? []) laneOf.set(idOf(ref), lane);
  }
  const bounds = new Map<string, Box>();
  for (const shape of elements.filter((e) => e.$type === 'bpmndi:BPMNShape')) {
    const b = shape.get('bounds') as Box;
    bounds.set(idOf(shape.get('bpmnElement') as ModdleElement), { x: b.x, y: b.y, width: b.width, height: b.height });
  }
  const edges = elements
    .filter((e) => e.$type === 'bpmn:SequenceFlow' || e.$type === 'bpmn:MessageFlow')
    .map((e) => ({ flow: e, from: idOf(e.get('sourceRef') as ModdleElement), to: idOf(e.get('targetRef') as ModdleElement) }));
  const byStep = new Map<string, ModdleElement[]>();
  for (const activity of elements.filter((e) => e.$instanceOf('bpmn:Activity'))) {
    const step = activity.get('sk:step') as string | undefined;
    if (step) byStep.set(step, [...(byStep.get(step) ?? []), activity]);
  }
  return { elements, laneOf, bounds, edges, byStep };
}

/** The flow without its loops: edges found going back to a node on the current path of a depth-first walk are left out. */
function forwardGraph(edges: { from: string; to: string }[]) {
  const next = new Map<string, string[]>();
  for (const { from, to } of edges) next.set(from, [...(next.get(from) ?? []), to]);
  const targets = new Set(edges.map((e) => e.to));
  const roots = [...new Set(edges.map((e) => e.from))].filter((id) => !targets.has(id));
  const forward = new Map<string, string[]>();
  const backEdges: [string, string][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const visit = (id: string) => {
    state.set(id, 'open');
    for (const to of next.get(id) ?? []) {
      if (state.get(to) === 'open') {
        backEdges.push([id, to]);
        continue;
      }
      forward.set(id, [...(forward.get(id) ?? []), to]);
      if (!state.has(to)) visit(to);
    }
    state.set(id, 'done');
  };
  for (const root of roots) if (!state.has(root)) visit(root);
  const reaches = (from: string, to: string) => {
    const seen = new Set<string>();
    const stack = [...(forward.get(from) ?? [])];
    while (stack.length > 0) {
      const id = stack.pop()!;
      if (id === to) return true;
      if (seen.has(id)) continue;
      seen.add(id);
      stack.push(...(forward.get(id) ?? []));
    }
    return false;
  };
  return { reaches, backEdges };
}

const inside = (box: Box, area: Box) => {
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  return cx >= area.x && cx <= area.x + area.width && cy >= area.y && cy <= area.y + area.height;
};

describe('reference library: the steps of the text, drawn in order and in their lanes', () => {
  it('lists for every map the steps it draws, each with a unique id, an article of its profile\'s regulation, the text and a lane', () => {
    expect(catalog).toHaveLength(15);
    for (const entry of catalog) {
      const steps = entry.steps ?? [];
      expect(steps.length, entry.id).toBeGreaterThanOrEqual(entry.kind === 'mekanisme-kerja' ? 10 : 3);
      expect(new Set(steps.map((s) => s.id)).size, entry.id).toBe(steps.length);
      for (const step of steps) {
        expect(step.article.startsWith(`${REGULATION[entry.profile]} `), `${entry.id} ${step.id}: ${step.article}`).toBe(true);
        expect(step.text.length, `${entry.id} ${step.id}`).toBeGreaterThan(10);
        expect(step.lane, `${entry.id} ${step.id}`).not.toBe('');
      }
    }
  });

  it('cites, for every step, an article that resolves to the text of the shipped regulation and says what the step says', () => {
    const unresolved: string[] = [];
    const unlike: string[] = [];
    /** The longer words of a text (six letters or more), lower-cased. */
    const words = (text: string) => [...new Set(text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').split(' ').filter((w) => w.length >= 6))];
    for (const entry of catalog) {
      for (const step of entry.steps ?? []) {
        const references = resolveCitation(step.article, articles);
        if (references.length === 0 || references.some((r) => !r.shipped || r.text === '')) {
          unresolved.push(`${entry.id} ${step.id}: ${step.article}`);
          continue;
        }
        // The cited part (highlighted item, else the whole section) holds at least four in five of the step's words.
        const cited = references
          .map((r) => (r.highlight ? r.highlight.map((h) => r.text.slice(h.start, h.end)).join(' ') : r.text))
          .join(' ')
          .toLowerCase();
        const stepWords = words(step.text);
        const missing = stepWords.filter((w) => !cited.includes(w));
        if (missing.length > stepWords.length / 5) unlike.push(`${entry.id} ${step.id}: ${missing.join(', ')}`);
      }
    }
    expect(unresolved).toEqual([]);
    expect(unlike).toEqual([]);
  });

  it.each(catalog.map((entry) => [entry.id, entry] as const))('%s draws every listed step as one activity in its lane, in order', async (_id, entry) => {
    const map = await readMap(entry.id);
    const steps = entry.steps ?? [];
    expect(steps.length, entry.id).toBeGreaterThan(0);
    // Every sk:step on the map is listed, and every listed step is drawn by exactly one activity.
    expect([...map.byStep.keys()].sort()).toEqual(steps.map((s) => s.id).sort());
    const activityOf = (id: string) => {
      const drawn = map.byStep.get(id) ?? [];
      expect(drawn.map((a) => a.id), `${entry.id}: step ${id}`).toHaveLength(1);
      return drawn[0]!;
    };
    const { reaches } = forwardGraph(map.edges);
    steps.forEach((step, index) => {
      const activity = activityOf(step.id);
      expect(map.laneOf.get(idOf(activity))?.name, `${entry.id}: step ${step.id} (${activity.id})`).toBe(step.lane);
      if (index === 0) return;
      const previous = activityOf(step.after ?? steps[index - 1]!.id);
      expect(reaches(idOf(previous), idOf(activity)), `${entry.id}: ${step.id} after ${step.after ?? steps[index - 1]!.id}`).toBe(true);
    });
  });

  it.each(catalog.map((entry) => [entry.id, entry] as const))('%s sends each tembusan the text names to its recipient', async (_id, entry) => {
    const map = await readMap(entry.id);
    const lanes = map.elements.filter((e) => e.$type === 'bpmn:Lane');
    for (const step of (entry.steps ?? []).filter((s) => s.copies)) {
      const activity = map.byStep.get(step.id)![0]!;
      const copies = [
        // A copy kept in the writer's pool: a data object "Tembusan …" drawn in the recipient's lane.
        ...((activity.get('dataOutputAssociations') as ModdleElement[]) ?? [])
          .map((association) => association.get('targetRef') as ModdleElement)
          .filter((letter) => /^tembusan\b/i.test(letter.name ?? ''))
          .flatMap((letter) => lanes.filter((lane) => inside(map.bounds.get(idOf(letter))!, map.bounds.get(idOf(lane))!)).map((lane) => lane.name)),
        // A copy to another pool: a message flow "Tembusan …" to an activity of the recipient's lane.
        ...map.edges
          .filter((e) => e.from === idOf(activity) && e.flow.$type === 'bpmn:MessageFlow' && /^tembusan\b/i.test(e.flow.name ?? ''))
          .map((e) => map.laneOf.get(e.to)?.name),
      ];
      for (const recipient of step.copies!) expect(copies, `${entry.id}: tembusan of ${step.id} to ${recipient}`).toContain(recipient);
    }
  });

  it('returns work from evaluation to execution only where the text does (DPS Lampiran B.4 huruf c angka (2), kecamatan)', async () => {
    const looping: string[] = [];
    for (const entry of catalog) {
      const { edges } = await readMap(entry.id);
      if (forwardGraph(edges).backEdges.length > 0) looping.push(entry.id);
    }
    expect(looping).toEqual(['mk-kecamatan']);
  });
});
