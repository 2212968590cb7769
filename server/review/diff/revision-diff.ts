// Composes the diff of two revisions of a map (issue 6, item 3): the model (semantic-diff), the SOP identity in force
// at each revision (identity-diff) and the SOP's procedure rows (sop-row-diff).
import type { PublicUser } from '../../accounts/accounts.records';
import { parseBpmn } from '../../bpmn/moddle';
import type { MapsService } from '../../maps/maps.service';
import { readProcedure } from '../../sop/layout/procedure';
import { versionAtRevision, type SopVersion } from '../../sop/sop.schema';
import { RevisionDiff, type DiffQuery } from './diff.schema';
import { identityDiff } from './identity-diff';
import { semanticDiff } from './semantic-diff';
import { collapseRenumbering, sopRowDiff } from './sop-row-diff';

/** The SOP records of a map (SopService satisfies it); its `history` lists every version, newest first. */
export interface SopHistory {
  get(actor: PublicUser, mapId: string): Promise<{ history: SopVersion[] }>;
}

/** The diff of two map revisions given as XML, with the SOP versions (oldest first) in force at them. */
export async function diffRevisions(input: {
  mapId: string;
  dari: number;
  ke: number;
  oldXml: string;
  newXml: string;
  sopVersions: readonly SopVersion[];
}): Promise<RevisionDiff> {
  const oldSop = versionAtRevision(input.sopVersions, input.dari);
  const newSop = versionAtRevision(input.sopVersions, input.ke);
  // The same file (a revision against itself, or saved again unchanged) has nothing to compare: skip the parsing.
  const model = input.oldXml === input.newXml ? { elements: [], sopRows: [], sopRenumbered: [] } : await modelDiff(input.oldXml, input.newXml);
  return RevisionDiff.parse({
    mapId: input.mapId,
    dari: input.dari,
    ke: input.ke,
    elements: model.elements,
    identity: {
      dariVersion: oldSop?.version ?? null,
      keVersion: newSop?.version ?? null,
      changes: identityDiff(oldSop?.identity, newSop?.identity),
    },
    sopRows: model.sopRows,
    sopRenumbered: model.sopRenumbered,
  });
}

async function modelDiff(oldXml: string, newXml: string): Promise<Pick<RevisionDiff, 'elements' | 'sopRows' | 'sopRenumbered'>> {
  const before = (await parseBpmn(oldXml)).definitions;
  const after = (await parseBpmn(newXml)).definitions;
  const { rows, renumbered } = collapseRenumbering(sopRowDiff(readProcedure(before), readProcedure(after)));
  return { elements: semanticDiff(before, after), sopRows: rows, sopRenumbered: renumbered };
}

export class RevisionDiffService {
  constructor(
    private readonly maps: MapsService,
    /** Absent when the application runs without SOP records: the identity part is then empty. */
    private readonly sop?: SopHistory,
  ) {}

  /** Revision `dari` against `ke` (defaults: the current revision against the one before it); both must exist. */
  async diff(actor: PublicUser, mapId: string, query: DiffQuery): Promise<RevisionDiff> {
    const map = await this.maps.get(actor, mapId);
    const ke = query.ke ?? map.currentRevision;
    const dari = query.dari ?? Math.max(1, ke - 1);
    const [oldXml, newXml, history] = await Promise.all([
      this.maps.revisionXml(actor, map.id, dari),
      this.maps.revisionXml(actor, map.id, ke),
      this.sop ? this.sop.get(actor, map.id).then((view) => view.history) : Promise.resolve([]),
    ]);
    return diffRevisions({ mapId: map.id, dari, ke, oldXml, newXml, sopVersions: [...history].reverse() });
  }
}
