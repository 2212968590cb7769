// The reference library as data: every map description, the catalog, and the files the generator writes for them.
import { layout } from './layout';
import { MECHANISM_MAPS } from './maps/mekanisme-kerja';
import { ASSIGNMENT_MAPS } from './maps/penugasan';
import type { MapSpec } from './spec';
import { toXml } from './to-xml';

export const LIBRARY_DIR = new URL('../../processes/library/', import.meta.url);
export const BROKEN_DIR = new URL('../../test/processes/broken/', import.meta.url);
export const LIBRARY_MAPS: MapSpec[] = [...MECHANISM_MAPS, ...ASSIGNMENT_MAPS];

/** One catalog entry per map: what the template list shows and the server offers. */
export function catalogOf(maps: MapSpec[]) {
  return maps.map(({ id, title, kind, profile, group, orgType, scope, description, articles }) => ({ id, title, kind, profile, group, orgType, scope, description, articles }));
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

