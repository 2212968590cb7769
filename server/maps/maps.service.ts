// Use cases of the process-map repository: create, import, list, save revisions, read them back.
import type { ModdleElement } from 'bpmn-moddle';
import { readMapKind } from '../bpmn/map-kind';
import { parseBpmn } from '../bpmn/moddle';
import { DEFAULT_PROFILE, MAP_KIND_LABELS, type Profile } from '../domain/vocabulary';
import type { MapFilter, MapPatch, MapStore } from '../store/map-store';
import type { ProcessMap, Revision } from '../store/records';
import { ListingCache, type EncodedListing } from './listing-cache';
import type { CreateMapBody, ImportQuery, SaveRevisionBody } from './maps.schema';
import type { TemplateLibrary } from './templates';

export const ANONYMOUS_AUTHOR = 'anonim';

export class MapsService {
  private readonly listings: ListingCache;

  constructor(
    private readonly store: MapStore,
    private readonly templates: TemplateLibrary,
    private readonly defaultProfile: Profile = DEFAULT_PROFILE,
  ) {
    this.listings = new ListingCache(store);
  }

  /** The listing `{ items }` as encoded JSON, ready to send. */
  listEncoded(filter: MapFilter): Promise<EncodedListing> {
    return this.listings.get(filter);
  }

  units(): Promise<string[]> {
    return this.store.listUnits();
  }

  get(id: string): Promise<ProcessMap> {
    return this.store.getMap(id);
  }

  async create(body: CreateMapBody): Promise<ProcessMap> {
    const profile = body.profile ?? this.defaultProfile;
    let xml: string;
    let message: string;
    if (body.xml !== undefined) {
      await parseBpmn(body.xml);
      xml = body.xml;
      message = 'Peta dibuat dari berkas BPMN';
    } else {
      xml = await this.templates.instantiate(body.kind, { name: body.name, unit: body.unit, profile });
      message = `Peta dibuat dari templat ${MAP_KIND_LABELS[body.kind].toLocaleLowerCase('id')}`;
    }
    const { xml: _xml, author, ...fields } = body;
    return this.store.createMap({ ...fields, profile }, { xml, author: author ?? ANONYMOUS_AUTHOR, message });
  }

  /** Imports a BPMN file written by any modeller; kind and name are read from it when not given. */
  async import(xml: string, query: ImportQuery): Promise<ProcessMap> {
    const { definitions } = await parseBpmn(xml);
    return this.store.createMap(
      {
        name: query.name ?? nameInFile(definitions) ?? 'Peta impor',
        kind: query.kind ?? readMapKind(definitions).kind,
        unit: query.unit ?? '',
        profile: query.profile ?? this.defaultProfile,
      },
      { xml, author: ANONYMOUS_AUTHOR, message: 'Diimpor dari berkas BPMN' },
    );
  }

  update(id: string, patch: MapPatch): Promise<ProcessMap> {
    return this.store.updateMap(id, patch);
  }

  revisions(id: string): Promise<Revision[]> {
    return this.store.listRevisions(id);
  }

  async saveRevision(id: string, body: SaveRevisionBody): Promise<{ map: ProcessMap; revision: Revision }> {
    await this.store.getMap(id);
    await parseBpmn(body.xml);
    return this.store.addRevision(id, body.baseRevision, {
      xml: body.xml,
      author: body.author ?? ANONYMOUS_AUTHOR,
      message: body.message,
    });
  }

  revisionXml(id: string, n: number): Promise<string> {
    return this.store.readRevisionXml(id, n);
  }
}

/** The first name the file gives its model: a pool, a process, or the definitions themselves. */
function nameInFile(definitions: ModdleElement): string | undefined {
  const roots = (definitions.get('rootElements') as ModdleElement[] | undefined) ?? [];
  const candidates = [
    ...roots.filter((e) => e.$instanceOf('bpmn:Collaboration')).flatMap((c) => (c.get('participants') as ModdleElement[]) ?? []),
    ...roots.filter((e) => e.$instanceOf('bpmn:Process')),
    definitions,
  ];
  return candidates.map((e) => e.name?.trim().slice(0, 200)).find((n): n is string => !!n);
}
