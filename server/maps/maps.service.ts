// Use cases of the process-map repository: create, import, list, save revisions, read them back.
import type { PublicUser } from '../accounts/accounts.records';
import { canSeeUnit, forbiddenUnit, sameUnit, seesAllUnits } from '../accounts/permissions';
import { inProcessBpmnWork, type BpmnWork } from '../bpmn/work/work-pool';
import type { KamusSynonym } from '../lint/map-model/kamus-synonyms';
import { DEFAULT_PROFILE, MAP_KIND_LABELS, type Profile } from '../domain/vocabulary';
import type { EditGate } from '../review/edit-gate';
import { MapIndex, resolveCall, type LinkBasis } from '../repository/call-links';
import { readMapFacts } from '../repository/map-facts';
import type { MapPatch, MapStore, OriginalFile } from '../store/map-store';
import type { ImportedDocument, ImportInput, ImportOutput } from '../bpmn/import/import-pipeline';
import type { SopIdentityDraft } from '../sop/identity.schema';
import type { ImportWarning } from '../bpmn/import/import-warning';
import type { LaneAnswers, LaneMatch } from '../import/lane-matching';
import { compareCodes } from '../domain/hierarchy';
import { ancestorsOf, planMove } from '../store/move-plan';
import { parentNotFound } from '../store/store-errors';
import type { ProcessMap, Revision } from '../store/records';
import { EMPTY_LISTING, EMPTY_PAGE, ListingCache, type EncodedListing, type ListingFilter, type ListingPage } from './listing-cache';
import type { ReviewStates } from '../review/review-state-index';
import { callNotFound, writeCalledMap } from './call-link-writer';
import { revisionConflict } from '../store/store-errors';
import { AppError } from '../errors';
import type { CreateDetailMapBody, CreateMapBody, ImportQuery, MoveMapBody, SaveRevisionBody } from './maps.schema';
import { libraryEntry, type LibraryEntry, type TemplateLibrary } from './templates';

/** A call activity or collapsed sub-process of a map and the map it stands for (GET /api/maps/:id/links). */
export interface CallLink {
  elementId: string;
  name: string;
  type: 'callActivity' | 'subProcess';
  /** The child map, or null when none is found or the reader may not see it (`hidden`). */
  target: Pick<ProcessMap, 'id' | 'code' | 'name' | 'kind'> | null;
  /** How the target was found: sk:calledMap, calledElement (id or code), or the name of a child map. */
  basis?: LinkBasis;
  /** A target exists but belongs to a unit the reader may not see. */
  hidden?: true;
}

/** What the maps need of the kamus synonyms (server/settings/kamus.service.ts). */
export interface KamusRepository {
  list(): readonly KamusSynonym[];
  putAll(synonyms: readonly KamusSynonym[]): Promise<void>;
}

const NO_KAMUS: KamusRepository = { list: () => [], putAll: async () => {} };

/** POST /api/import/preview: the map as an import would store it, and what the import would tell. */
export interface ImportPreview {
  xml: string;
  suggested: ImportOutput['suggested'];
  warnings: ImportWarning[];
  /** Every lane and how the kamus jabatan (with the repository's synonyms) places it (lane-matching.ts). */
  lanes: LaneMatch[];
  /** For an SOP AP document: what was read besides the map (identity, rows) and what the reader guessed (issue 17). */
  document?: ImportedDocument;
}

/** Where an imported document's identity part goes: the new map's SOP record (the server sets it to its SopService). */
export interface SopIdentityWriter {
  putIdentity(actor: PublicUser, mapId: string, identity: SopIdentityDraft): Promise<void>;
}

export class MapsService {
  private readonly listings: ListingCache;
  /**
   * The repository's synonyms of the kamus jabatan: read by every lint of a map, taught by the lanes answered at import
   * (the server sets it to its KamusService; tools without a data directory have none).
   */
  kamus: KamusRepository = NO_KAMUS;
  /** Where an imported SOP document's identity is saved; none in tools without SOP records. */
  sopIdentity?: SopIdentityWriter;

  /** The repository's synonyms of the kamus jabatan. */
  synonyms(): readonly KamusSynonym[] {
    return this.kamus.list();
  }

  constructor(
    private readonly store: MapStore,
    private readonly templates: TemplateLibrary,
    /** The repository's default profile (`serve --profile`): new maps get it, and lints of maps without sk:profile. */
    readonly defaultProfile: Profile = DEFAULT_PROFILE,
    /** The review cycle's say on saves (frozen in review, new draft after signing); none in tools without one. */
    private readonly editGate?: EditGate,
    /** Parsing, stamping and linting of posted BPMN: the server's worker pool; in process for tools. */
    readonly work: BpmnWork = inProcessBpmnWork,
    /** Each map's SOP state, carried by the listing's items (`sopState`) and filtered on. */
    reviewStates?: ReviewStates,
  ) {
    this.listings = new ListingCache(store, reviewStates);
  }

  /** The listing `{ items }` as encoded JSON, ready to send; users outside the bureau see their own unit only. */
  listEncoded(actor: PublicUser, filter: ListingFilter): Promise<EncodedListing> {
    const seen = this.visibleListing(actor, filter);
    return seen ? this.listings.get(seen) : Promise.resolve(EMPTY_LISTING);
  }

  /** One page `{ items, total }` of the listing `listEncoded` gives. */
  listPage(actor: PublicUser, filter: ListingFilter, page: ListingPage): Promise<EncodedListing> {
    const seen = this.visibleListing(actor, filter);
    return seen ? this.listings.page(seen, page) : Promise.resolve(EMPTY_PAGE);
  }

  /** The filter as `actor` may list: their own unit's maps when outside the bureau; none when that lists nothing. */
  private visibleListing(actor: PublicUser, filter: ListingFilter): ListingFilter | undefined {
    if (seesAllUnits(actor)) return filter;
    const otherUnit = filter.unit !== undefined && !sameUnit(filter.unit, actor.unit);
    return actor.unit === '' || otherUnit ? undefined : { ...filter, unit: actor.unit };
  }

  async units(actor: PublicUser): Promise<string[]> {
    const units = await this.store.listUnits();
    return units.filter((unit) => canSeeUnit(actor, unit));
  }

  /** The map, when `actor` may see its unit; FORBIDDEN_UNIT otherwise. */
  async get(actor: PublicUser, id: string): Promise<ProcessMap> {
    const map = await this.store.getMap(id);
    if (!canSeeUnit(actor, map.unit)) throw forbiddenUnit(map.unit);
    return map;
  }

  /** The reference library's maps, offered as templates (GET /api/templates). */
  templateCatalog(): readonly LibraryEntry[] {
    return this.templates.catalog();
  }

  async create(actor: PublicUser, body: CreateMapBody): Promise<ProcessMap> {
    const { xml: source, templateId, ...fields } = body;
    const entry = templateId === undefined ? undefined : libraryEntry(templateId);
    const facts = { kind: body.kind, profile: body.profile ?? entry?.profile ?? this.defaultProfile, unit: body.unit };
    const [xml, message] = entry
      ? [await this.templates.instantiateLibraryMap(entry.id, { ...facts, name: body.name }), `Peta dibuat dari templat pustaka "${entry.title}"`]
      : source === undefined
        ? [await this.templates.instantiate(body.kind, { ...facts, name: body.name }), `Peta dibuat dari templat ${MAP_KIND_LABELS[body.kind].toLocaleLowerCase('id')}`]
        : await this.work
            .stamp({ xml: source, given: { kind: body.kind, ...(body.profile ? { profile: body.profile } : {}), unit: body.unit }, defaultProfile: facts.profile, defaultName: body.name })
            .then((stamped) => {
              facts.profile = stamped.facts.profile;
              return [stamped.xml, 'Peta dibuat dari berkas BPMN'];
            });
    return this.store.createMap({ ...fields, profile: facts.profile }, { xml, author: actor.name, message });
  }

  /**
   * Imports a BPMN file written by any modeller; kind and name are read from it when not given, and the map's
   * facts are written into it as sk: attributes (BPMN-CONVENTIONS.md: importers always write them).
   */
  async import(actor: PublicUser, bytes: Uint8Array, query: ImportQuery): Promise<{ map: ProcessMap; warnings: ImportWarning[]; document?: ImportedDocument }> {
    const read = await this.readImport(
      bytes,
      {
        ...(query.kind ? { kind: query.kind } : {}),
        ...(query.profile ? { profile: query.profile } : {}),
        unit: query.unit ?? '',
        ...(query.name ? { name: query.name } : {}),
      },
      query.lanes,
      false,
      // A document without a Nama SOP is named after its file.
      query.fileName?.replace(/\.[A-Za-z0-9]{1,5}$/, '').trim() || undefined,
    );
    const fileName = query.fileName ?? `${read.facts.name}.${read.document ? read.document.label.split('.')[1] ?? 'pdf' : 'bpmn'}`;
    const map = await this.store.createMap(read.facts, {
      xml: read.xml,
      author: actor.name,
      message: read.document ? `Diimpor dari dokumen SOP (${read.document.label}, ${read.document.pages} halaman)` : 'Diimpor dari berkas BPMN',
      original: { fileName, bytes },
    });
    // An SOP document's identity part becomes the map's SOP record (its first version).
    if (read.document && Object.keys(read.document.identity).length > 0) await this.sopIdentity?.putIdentity(actor, map.id, read.document.identity);
    // The answered lanes' names teach the kamus (issue 14 item 4): the next map with a lane of that name is read alike.
    await this.kamus.putAll(read.learnt);
    // A document's reading comes back too (what was read, what was guessed): a batch import lists it per file.
    return { map, warnings: read.warnings, ...(read.document ? { document: read.document } : {}) };
  }

  /** What an import of `bytes` would store and report, creating nothing (the import dialog's preview). */
  async previewImport(bytes: Uint8Array): Promise<ImportPreview> {
    const read = await this.readImport(bytes, {}, undefined, true);
    return { xml: read.xml, suggested: read.suggested, warnings: read.warnings, lanes: read.lanes, ...(read.document ? { document: read.document } : {}) };
  }

  /** The file an imported map was read from, byte for byte (ORIGINAL_NOT_FOUND for maps not imported). */
  async original(actor: PublicUser, id: string): Promise<OriginalFile & { downloadName: string }> {
    const map = await this.get(actor, id);
    const original = await this.store.readOriginal(id);
    const downloadName = /\.[A-Za-z0-9]{1,8}$/.test(original.fileName) ? original.fileName : `${original.fileName || map.name}.bpmn`;
    return { ...original, downloadName };
  }

  private readImport(bytes: Uint8Array, given: ImportInput['given'], lanes?: LaneAnswers, drawDocument = false, defaultName = 'Peta impor'): Promise<ImportOutput> {
    const synonyms = this.synonyms();
    return this.work.readImport({
      bytes,
      given,
      defaultProfile: this.defaultProfile,
      defaultName,
      ...(lanes ? { lanes } : {}),
      ...(synonyms.length > 0 ? { synonyms: [...synonyms] } : {}),
      ...(drawDocument ? { drawDocument } : {}),
    });
  }

  async update(actor: PublicUser, id: string, patch: MapPatch): Promise<ProcessMap> {
    await this.get(actor, id);
    return this.store.updateMap(id, patch);
  }

  /**
   * Moves the map and its subtree under `parentId` (null: the top level); the drafter must see both maps. Answers the
   * map as it ends up and every record that changed; `dryRun` computes them without writing (the move dialog's preview).
   */
  async move(actor: PublicUser, id: string, body: MoveMapBody): Promise<{ map: ProcessMap; changed: ProcessMap[] }> {
    const map = await this.get(actor, id);
    if (body.parentId !== null) {
      const parent = await this.store.getMap(body.parentId).catch(() => {
        throw parentNotFound(body.parentId!);
      });
      if (!canSeeUnit(actor, parent.unit)) throw forbiddenUnit(parent.unit);
    }
    const changed = body.dryRun
      ? planMove(await this.store.listMaps({}), id, body.parentId, new Date().toISOString())
      : await this.store.moveMap(id, body.parentId);
    return { map: changed.find((m) => m.id === id) ?? map, changed };
  }

  /** The map's ancestors the actor may see, the top-level map first (the breadcrumb). */
  async ancestors(actor: PublicUser, id: string): Promise<ProcessMap[]> {
    await this.get(actor, id);
    return ancestorsOf(await this.store.listMaps({}), id).filter((m) => canSeeUnit(actor, m.unit));
  }

  /** The map's children the actor may see, by code. */
  async children(actor: PublicUser, id: string): Promise<ProcessMap[]> {
    await this.get(actor, id);
    const maps = await this.store.listMaps({});
    return maps.filter((m) => m.parentId === id && canSeeUnit(actor, m.unit)).sort((a, b) => compareCodes(a.code, b.code));
  }

  /** The call activities and collapsed sub-processes of revision `n` (default: current) and the maps they stand for. */
  async links(actor: PublicUser, id: string, n?: number): Promise<{ revision: number; items: CallLink[] }> {
    const map = await this.get(actor, id);
    const revision = n ?? map.currentRevision;
    const { calls } = readMapFacts(await this.store.readRevisionXml(id, revision));
    const index = new MapIndex(await this.store.listMaps({}));
    const items = calls.map((call): CallLink => {
      const resolved = resolveCall(call, map, index);
      const link = { elementId: call.id, name: call.name, type: call.type };
      if (!resolved) return { ...link, target: null };
      if (!canSeeUnit(actor, resolved.target.unit)) return { ...link, target: null, hidden: true };
      const { id: targetId, code, name, kind } = resolved.target;
      return { ...link, target: { id: targetId, code, name, kind }, basis: resolved.basis };
    });
    return { revision, items };
  }

  /**
   * "Buat peta rincian": a new subproses map under `id` for its call activity or collapsed sub-process that finds
   * no map, named after the activity, with the parent's unit and profile; the parent gets a new revision whose
   * element carries `sk:calledMap` (BPMN-CONVENTIONS.md). Everything is checked before anything is written: the
   * review lock (409 REVIEW_LOCKED), a stale `baseRevision` (409 REVISION_CONFLICT), an element that is no call
   * (400 CALL_NOT_FOUND) or already leads to a map (409 CALL_ALREADY_LINKED).
   */
  async createDetailMap(actor: PublicUser, id: string, body: CreateDetailMapBody): Promise<{ map: ProcessMap; parent: ProcessMap; revision: Revision }> {
    const parent = await this.get(actor, id);
    await this.editGate?.assertEditable(id);
    if (body.baseRevision !== parent.currentRevision) throw revisionConflict(body.baseRevision, parent.currentRevision);
    const xml = await this.store.readRevisionXml(id, parent.currentRevision);
    const call = readMapFacts(xml).calls.find((c) => c.id === body.elementId);
    if (!call) throw callNotFound(body.elementId);
    const existing = resolveCall(call, parent, new MapIndex(await this.store.listMaps({})));
    if (existing) {
      throw new AppError(409, 'CALL_ALREADY_LINKED', `Aktivitas "${call.name || call.id}" sudah mengarah ke peta ${existing.target.code} ${existing.target.name}.`, {
        mapId: existing.target.id,
      });
    }
    const name = body.name ?? (call.name || `Rincian ${parent.name}`);
    const map = await this.create(actor, { name, kind: 'subproses', unit: parent.unit, profile: parent.profile, parentId: parent.id });
    // Only a save racing this one can still fail here (409); the new map then stays under its parent, unlinked, and
    // the activity finds it by name (call-links.ts) — nothing is lost.
    const saved = await this.saveRevision(actor, id, {
      xml: await writeCalledMap(xml, call.id, map.id),
      baseRevision: body.baseRevision,
      message: `Peta rincian "${map.name}" (${map.code}) dibuat untuk aktivitas "${call.name || call.id}"`,
    });
    return { map, parent: saved.map, revision: saved.revision };
  }

  async revisions(actor: PublicUser, id: string): Promise<Revision[]> {
    await this.get(actor, id);
    return this.store.listRevisions(id);
  }

  async saveRevision(actor: PublicUser, id: string, body: SaveRevisionBody): Promise<{ map: ProcessMap; revision: Revision }> {
    await this.get(actor, id);
    await this.work.validate(body.xml);
    await this.editGate?.assertEditable(id);
    const saved = await this.store.addRevision(id, body.baseRevision, { xml: body.xml, author: actor.name, message: body.message });
    await this.editGate?.edited(actor, id, saved.revision.n);
    return saved;
  }

  async revisionXml(actor: PublicUser, id: string, n: number): Promise<string> {
    await this.get(actor, id);
    return this.store.readRevisionXml(id, n);
  }

  /** The current revision's XML and its number (the modeller opened by address asks for it beside the map's record). */
  async currentXml(actor: PublicUser, id: string): Promise<{ n: number; xml: string }> {
    const map = await this.get(actor, id);
    return { n: map.currentRevision, xml: await this.store.readRevisionXml(id, map.currentRevision) };
  }
}
