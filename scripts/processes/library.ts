// The reference library as data: every map description, the catalog, and the files the generator writes for them.
import { layout } from './layout';
import { MECHANISM_MAPS } from './maps/mekanisme-kerja';
import { ASSIGNMENT_MAPS } from './maps/penugasan';
import type { MapSpec } from './spec';
import { toXml } from './to-xml';

export const LIBRARY_DIR = new URL('../../processes/library/', import.meta.url);
export const BROKEN_DIR = new URL('../../test/processes/broken/', import.meta.url);
export const LIBRARY_MAPS: MapSpec[] = [...MECHANISM_MAPS, ...ASSIGNMENT_MAPS];

/** One catalog entry per map: what the template list shows and the server offers, and the steps of the text it draws. */
export function catalogOf(maps: MapSpec[]) {
  return maps.map((spec) => {
    const { id, title, kind, profile, group, orgType, scope, description, articles } = spec;
    return { id, title, kind, profile, group, orgType, scope, description, articles, steps: stepsOf(spec) };
  });
}

/**
 * The steps of the regulation's text a map draws, in the order of the text: the step id (sk:step on the activity that
 * draws it), the article, the step's words, the lane that carries it out, the step it follows when it is on another
 * branch than the step listed before it, and the lanes that receive a copy (tembusan) of the letter it sends.
 */
export function stepsOf(spec: MapSpec) {
  const laneName = (key: string) => spec.pools.flatMap((pool) => pool.lanes).find((lane) => lane.key === key)!.name;
  return spec.nodes.flatMap((node) =>
    node.type === 'task' && node.step
      ? [
          {
            id: node.step.id,
            article: node.step.article,
            text: node.step.text,
            lane: laneName(node.lane),
            ...(node.step.after ? { after: node.step.after } : {}),
            ...(node.step.copies ? { copies: node.step.copies.map(laneName) } : {}),
          },
        ]
      : [],
  );
}

/** Every file of the library, by name, as the generator writes it. */
export function buildLibrary(maps: MapSpec[] = LIBRARY_MAPS): Map<string, string> {
  const files = new Map<string, string>();
  const ids = new Set<string>();
  for (const spec of maps) {
    if (ids.has(spec.id)) throw new Error(`Peta ${spec.id} didefinisikan dua kali`);
    ids.add(spec.id);
    files.set(`${spec.id}.bpmn`, toXml(spec, layout(spec)));
  }
  files.set('catalog.json', `${JSON.stringify(catalogOf(maps), null, 2)}\n`);
  return files;
}

/** The broken variants (broken.ts) as fixtures, each opening with the rule it must trigger. */
export function buildBroken(variants: { name: string; rule: string; spec: MapSpec }[]): Map<string, string> {
  return new Map(
    variants.map(({ name, rule, spec }) => {
      const xml = toXml(spec, layout(spec));
      const [declaration, ...rest] = xml.split('\n');
      return [`${name}.bpmn`, [declaration, `<!-- expect: ${rule} -->`, ...rest].join('\n')];
    }),
  );
}

