// The starter diagram of each map kind (processes/templates/<kind>.bpmn) and the reference library of maps drawn
// from the regulations (processes/library/<id>.bpmn, listed in catalog.json), filled in with the new map's facts.
import { readFile } from 'node:fs/promises';
import type { ModdleElement } from 'bpmn-moddle';
import { z } from 'zod';
import libraryCatalog from '../../processes/library/catalog.json';
import { writeMapFacts } from '../bpmn/map-facts';
import { createModdle, parseBpmn } from '../bpmn/moddle';
import { MAP_KINDS, MapKind, Profile } from '../domain/vocabulary';
import { projectUrl } from '../project-root';

export const TEMPLATE_DIR = projectUrl('processes/templates/');
export const LIBRARY_DIR = projectUrl('processes/library/');

/** One map of the library, as scripts/processes/build.ts writes catalog.json. */
export const LibraryEntry = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string().min(1),
  kind: MapKind,
  profile: Profile,
  /** "mekanisme-kerja": the work mechanism of an organisation type; "penugasan": an assignment flow. */
  group: z.enum(['mekanisme-kerja', 'penugasan']),
  orgType: z.string(),
  scope: z.enum(['dalam-unit', 'lintas-unit', 'lintas-pd', 'lintas-instansi']),
  description: z.string(),
  articles: z.array(z.string()),
});
export type LibraryEntry = z.infer<typeof LibraryEntry>;

/** The catalog of the library, checked once when the module loads. */
export const LIBRARY_CATALOG: readonly LibraryEntry[] = z.array(LibraryEntry).parse(libraryCatalog);

export function libraryEntry(id: string): LibraryEntry | undefined {
  return LIBRARY_CATALOG.find((entry) => entry.id === id);
}

export interface TemplateFacts {
  name: string;
  unit: string;
  profile: Profile;
}

export class TemplateLibrary {
  private constructor(
    private readonly sources: ReadonlyMap<MapKind, string>,
    private readonly library: ReadonlyMap<string, string>,
  ) {}

  /** Reads and checks every template and library map once, at start-up: a broken one stops the server early. */
  static async load(dir: URL = TEMPLATE_DIR, libraryDir: URL = LIBRARY_DIR): Promise<TemplateLibrary> {
    const sources = new Map<MapKind, string>();
    for (const kind of MAP_KINDS) {
      const xml = await readFile(new URL(`${kind}.bpmn`, dir), 'utf8');
      await parseBpmn(xml);
      sources.set(kind, xml);
    }
    const library = new Map<string, string>();
    for (const entry of LIBRARY_CATALOG) {
      const xml = await readFile(new URL(`${entry.id}.bpmn`, libraryDir), 'utf8');
      await parseBpmn(xml);
      library.set(entry.id, xml);
    }
    return new TemplateLibrary(sources, library);
  }

  catalog(): readonly LibraryEntry[] {
    return LIBRARY_CATALOG;
  }

  /** The template of `kind` carrying the map's sk: facts, its name on the process and its unit on the owning pool. */
  instantiate(kind: MapKind, facts: TemplateFacts): Promise<string> {
    return fill(this.sources.get(kind)!, kind, facts);
  }

  /** The library map `id` (known to the catalog) filled in the same way. */
  instantiateLibraryMap(id: string, facts: TemplateFacts): Promise<string> {
    const entry = libraryEntry(id);
    const xml = this.library.get(id);
    if (!entry || xml === undefined) throw new Error(`Peta pustaka ${id} tidak dimuat`);
    return fill(xml, entry.kind, facts);
  }
}

async function fill(source: string, kind: MapKind, facts: TemplateFacts): Promise<string> {
  const moddle = createModdle();
  const { definitions } = await parseBpmn(source, moddle);
  writeMapFacts(definitions, { kind, profile: facts.profile, unit: facts.unit });
  const roots = definitions.get('rootElements') as ModdleElement[];
  const participants = roots.filter((e) => e.$instanceOf('bpmn:Collaboration')).flatMap((c) => c.get('participants') as ModdleElement[]);
  const owner = participants.find((p) => p.get('sk:performanceOwner') === true);
  const process = (owner?.get('processRef') as ModdleElement | undefined) ?? roots.find((e) => e.$instanceOf('bpmn:Process'));
  process?.set('name', facts.name);
  if (owner && facts.unit) {
    owner.set('name', facts.unit);
    owner.set('sk:unit', facts.unit);
  }
  const { xml } = await moddle.toXML(definitions, { format: true });
  return xml;
}
