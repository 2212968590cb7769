// The peta relasi of a process (docs/relasi.md): generated on demand from the lintas fungsi maps beneath it, compared
// with the relasi maps drawn beneath it, and saved as a new child map or as a new revision of one of them.
import { childrenByParent, compareCodes, descendantsOf } from '../../domain/hierarchy';
import type { PublicUser } from '../../accounts/accounts.records';
import { canSeeUnit } from '../../accounts/permissions';
import { parseBpmn } from '../../bpmn/moddle';
import type { ModdleElement } from 'bpmn-moddle';
import { AppError } from '../../errors';
import { normaliseUnit } from '../../lint/map-model/unit-name';
import type { MapsService } from '../../maps/maps.service';
import type { MapStore } from '../../store/map-store';
import type { ProcessMap, Revision } from '../../store/records';
import { readMapFacts, type UnitFacts } from '../map-facts';
import { compareRelations, relationKey, relationsDrawn, relationsFromHandOffs, type Relation } from '../relations';
import { generateRelasiXml, type RelasiSource } from './generate';
import type { RelasiDrawnView, RelasiSourceView, RelasiView, SaveRelasiBody } from './relasi.schema';

const PROCESS_KINDS = new Set<ProcessMap['kind']>(['proses', 'subproses']);
const SOURCE_KINDS = new Set<ProcessMap['kind']>(['lintas-fungsi', 'mekanisme-kerja']);
export const REGENERATED_MESSAGE = 'Dibuat ulang dari peta lintas fungsi';

/** Hierarchy codes in tree order: 1.2 before 1.10. */
const byCode = (a: ProcessMap, b: ProcessMap) => compareCodes(a.code, b.code) || a.id.localeCompare(b.id);

export class RelasiService {
  constructor(private readonly deps: { maps: MapsService; store: Pick<MapStore, 'listMaps'> }) {}

  /** The process's sources, the peta relasi generated from them, and each relasi map beneath it compared with them. */
  async view(actor: PublicUser, id: string): Promise<RelasiView> {
    const { process, sources, generated, drawnMaps } = await this.gather(actor, id);
    const drawn: RelasiDrawnView[] = [];
    for (const map of drawnMaps) {
      const xml = await this.deps.maps.revisionXml(actor, map.id, map.currentRevision);
      const relations = relationsDrawn(readMapFacts(xml), map.id);
      drawn.push({ map, revision: map.currentRevision, relations, comparison: compareRelations(generated.relations, relations) });
    }
    return { process, sources, generated: { xml: generateRelasiXml(generated.source), relations: generated.relations }, drawn };
  }

  /** Saves the generated peta relasi as a new child map of the process, or as a new revision of one of its relasi maps. */
  async save(actor: PublicUser, id: string, body: SaveRelasiBody): Promise<{ map: ProcessMap; revision?: Revision }> {
    const { process, generated, drawnMaps } = await this.gather(actor, id);
    if (generated.relations.length === 0) {
      throw new AppError(
        422,
        'NO_RELATIONS',
        'Belum ada serah terima antarunit pada peta lintas fungsi di bawah proses ini, sehingga belum ada peta relasi yang dapat dibuat.',
      );
    }
    if (!('baseRevision' in body)) {
      const xml = generateRelasiXml(generated.source);
      const map = await this.deps.maps.create(actor, {
        name: `Peta relasi ${process.name}`.slice(0, 200),
        kind: 'relasi',
        unit: process.unit,
        profile: process.profile,
        parentId: process.id,
        xml,
      });
      return { map };
    }
    const target = drawnMaps.find((m) => m.id === body.target);
    if (!target) {
      throw new AppError(400, 'NOT_A_RELASI_MAP', 'Peta tujuan bukan peta relasi di bawah proses ini; pilih peta relasi dari daftar atau buat peta relasi baru.', {
        target: body.target,
      });
    }
    const keepIds = await keptIds(await this.deps.maps.revisionXml(actor, target.id, target.currentRevision));
    const xml = generateRelasiXml({ ...generated.source, keepIds, mapUnit: target.unit, profile: target.profile });
    return this.deps.maps.saveRevision(actor, target.id, { xml, baseRevision: body.baseRevision, message: REGENERATED_MESSAGE });
  }

  private async gather(actor: PublicUser, id: string) {
    const process = await this.deps.maps.get(actor, id);
    if (!PROCESS_KINDS.has(process.kind)) {
      throw new AppError(400, 'NOT_A_PROCESS', 'Peta relasi dibuat untuk peta proses atau peta subproses; peta ini bukan salah satunya.', { kind: process.kind });
    }
    // The subtree in code order (the tree's order), limited to the maps the user may see.
    const all = await this.deps.store.listMaps({});
    const subtree = descendantsOf(childrenByParent(all), process.id)
      .filter((map) => canSeeUnit(actor, map.unit))
      .sort(byCode);

    const sources: RelasiSourceView[] = [];
    const units: UnitFacts[] = [];
    const facts = [];
    for (const map of subtree.filter((m) => SOURCE_KINDS.has(m.kind))) {
      const mapFacts = readMapFacts(await this.deps.maps.revisionXml(actor, map.id, map.currentRevision));
      facts.push({ mapId: map.id, facts: mapFacts });
      units.push(...mapFacts.units);
      sources.push({ map, revision: map.currentRevision, relations: relationsFromHandOffs([{ mapId: map.id, facts: mapFacts }]) });
    }
    const relations: Relation[] = relationsFromHandOffs(facts);
    const source: RelasiSource = { processName: process.name, processCode: process.code, unit: process.unit, profile: process.profile, relations, units };
    return { process, sources, generated: { source, relations }, drawnMaps: subtree.filter((m) => m.kind === 'relasi') };
  }
}

/**
 * The ids of a peta relasi being regenerated, so the revision diff shows what changed rather than everything
 * replaced: its pools by unit, its message flows between pools by relation (the first flow of each).
 */
async function keptIds(xml: string): Promise<NonNullable<RelasiSource['keepIds']>> {
  const participants = new Map<string, string>();
  const flows = new Map<string, string>();
  const { definitions } = await parseBpmn(xml);
  const roots = (definitions.get('rootElements') as ModdleElement[] | undefined) ?? [];
  for (const collaboration of roots.filter((e) => e.$instanceOf('bpmn:Collaboration'))) {
    for (const pool of (collaboration.get('participants') as ModdleElement[] | undefined) ?? []) {
      const key = normaliseUnit(String(pool.get('sk:unit') ?? '').trim() || String(pool.name ?? ''));
      if (key && pool.id && !participants.has(key)) participants.set(key, pool.id);
    }
  }
  for (const flow of readMapFacts(xml).crossUnit) {
    const key = relationKey(flow.from, flow.to);
    if (flow.type === 'message' && !flows.has(key)) flows.set(key, flow.id);
  }
  return { participants, flows };
}
