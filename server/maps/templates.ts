// The starter diagram of each map kind (processes/templates/<kind>.bpmn), filled in with the new map's facts.
import { readFile } from 'node:fs/promises';
import type { ModdleElement } from 'bpmn-moddle';
import { writeMapFacts } from '../bpmn/map-facts';
import { createModdle, parseBpmn } from '../bpmn/moddle';
import { MAP_KINDS, type MapKind, type Profile } from '../domain/vocabulary';

export const TEMPLATE_DIR = new URL('../../processes/templates/', import.meta.url);

export interface TemplateFacts {
  name: string;
  unit: string;
  profile: Profile;
}

export class TemplateLibrary {
  private constructor(private readonly sources: ReadonlyMap<MapKind, string>) {}

  /** Reads and checks every template once, at start-up: a broken template stops the server early. */
  static async load(dir: URL = TEMPLATE_DIR): Promise<TemplateLibrary> {
    const sources = new Map<MapKind, string>();
    for (const kind of MAP_KINDS) {
      const xml = await readFile(new URL(`${kind}.bpmn`, dir), 'utf8');
      await parseBpmn(xml);
      sources.set(kind, xml);
    }
    return new TemplateLibrary(sources);
  }

  /** The template of `kind` carrying the map's sk: facts, its name on the process and its unit on the owning pool. */
  async instantiate(kind: MapKind, facts: TemplateFacts): Promise<string> {
    const moddle = createModdle();
    const { definitions } = await parseBpmn(this.sources.get(kind)!, moddle);
    writeMapFacts(definitions, { kind, profile: facts.profile, unit: facts.unit });
    const roots = definitions.get('rootElements') as ModdleElement[];
    const process = roots.find((e) => e.$instanceOf('bpmn:Process'));
    process?.set('name', facts.name);
    const owner = roots
      .filter((e) => e.$instanceOf('bpmn:Collaboration'))
      .flatMap((c) => c.get('participants') as ModdleElement[])
      .find((p) => p.get('sk:performanceOwner') === true);
    if (owner && facts.unit) {
      owner.set('name', facts.unit);
      owner.set('sk:unit', facts.unit);
    }
    const { xml } = await moddle.toXML(definitions, { format: true });
    return xml;
  }
}
