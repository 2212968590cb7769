// The map model: who does what in a BPMN map (pools, lanes with jabatan/role/level, activities with their stage), from sk: attributes or, failing them, from names.
import type { ModdleElement } from 'bpmn-moddle';
import { readTitle, ROLE_CODES, type JabatanCode, type KoordinatorKind, type Office, type RoleCode, type TitleReading } from './kamus-jabatan';
import { isOutsidePartyName, suggestionsFor, type LaneSuggestion } from './kamus-suggestions';
import { synonymFor, type KamusSynonym } from './kamus-synonyms';
import { isJabatanCode, isOrgType, isPimpinanUnit, isUnitKind, levelRowOfOffice, orgTypeFromName, perangkatDaerahFromName, type Level, type OrgType, type UnitKind } from './levels';
import { isActivityKind, kindsFromName, type ActivityKind } from './activity-kind';
import { definedOnly } from './defined-only';
import { flowContent } from './flow-content';
import { readHandOffs, type HandOff, type Placement } from './hand-offs';
export type { Placement } from './hand-offs';
import { readLetters, type LetterFacts } from './letters';
import { requestApprovals } from './request-approval';
import { normaliseUnit } from './unit-name';

/** Stages of a mekanisme kerja (BPMN-CONVENTIONS.md "stage"; DPS Lampiran A). */
export const PHASES = ['perencanaan', 'pelaksanaan', 'evaluasi'] as const;
export type Phase = (typeof PHASES)[number];

/** The organisation type assumed when neither sk:orgType nor the pool's name says one. */
export const DEFAULT_ORG_TYPE: OrgType = 'dinas';

export interface PoolFacts {
  id: string;
  name: string;
  processId?: string;
  unit: string;
  orgType?: OrgType;
  /** True when sk:orgType declared the orgType. */
  orgTypeDeclared?: true;
  performanceOwner: boolean;
  /** True when the orgType or the performance owner came from names or order rather than sk: attributes. */
  inferred: boolean;
  /** sk:unitKind, when declared. */
  unitKind?: UnitKind;
  /** The perangkat daerah the pool belongs to, normalised: its own unit name if sk:unitKind="perangkat-daerah", else read from its name (levels.ts). */
  perangkatDaerah?: string;
}

export interface LaneFacts {
  id: string;
  name: string;
  poolId?: string;
  processId?: string;
  parentLaneId?: string;
  jabatan?: JabatanCode;
  /** A name naming several jabatan ("Pejabat Fungsional / Pelaksana"): any of them performs the lane. */
  jabatanChoices?: JabatanCode[];
  role?: RoleCode;
  /**
   * Every role the lane holds, `role` first: one lane can hold several ("Kepala Puskesmas (Pejabat Penilai Kinerja)"
   * is the Penilai Kinerja and, as the head of its unit, the Pimpinan Unit Organisasi — KLK Ps 1 angka 16, Ps 9).
   * Read with `hasRole`.
   */
  roles?: RoleCode[];
  /** The structural office the name states ("Asisten Pemerintahan" → asisten), which places the lane in its organisation table. */
  office?: Office;
  level?: Level;
  unit?: string;
  orgType?: OrgType;
  koordinator: boolean;
  koordinatorKind?: KoordinatorKind;
  /** True when any of jabatan, role or level came from the name rather than sk: attributes. */
  inferred: boolean;
  /**
   * An outside party, not a jabatan of the pemda (the public, a company, a bank): from sk:external="true", a repository
   * synonym, or a name naming one ("Pemohon", "Wajib Pajak", "Vendor"; kamus-suggestions.ts). It holds no jabatan,
   * role or level, and `inferred` says whether it came from the name.
   */
  external?: true;
  /** True when the lane carries any of sk:jabatan, sk:role, sk:external (valid or not): its performer is declared. */
  declared: boolean;
  /** True when a repository synonym of the kamus (kamus-synonyms.ts) gave what the name says. */
  bySynonym?: true;
  /** What the kamus suggests, when neither the name nor an sk: attribute says who performs the lane (kamus-suggestions.ts). */
  suggestions?: LaneSuggestion[];
}

export interface ActivityFacts {
  id: string;
  name: string;
  type: string;
  laneIds: string[];
  phase?: Phase;
  /** True when the phase came from a group rather than sk:phase. */
  inferred: boolean;
  /** sk:activityKind, else the kinds the name's keywords say (BPMN-CONVENTIONS.md). */
  kinds: ActivityKind[];
  /** True when the kinds came from the name. */
  kindsInferred: boolean;
}

export interface MapModel {
  pools: PoolFacts[];
  lanes: LaneFacts[];
  activities: ActivityFacts[];
  /** Letters and documents passed around (letters.ts). */
  letters: LetterFacts[];
  /** Flows between lanes, and message flows (hand-offs.ts). */
  handOffs: HandOff[];
  /** Id of the pool that owns the performance (sk:performanceOwner, else the first pool). */
  performanceOwner?: string;
  /** The innermost lane holding an activity (or the sub-process around it). */
  laneOf(activityId: string): LaneFacts | undefined;
  lane(laneId: string): LaneFacts | undefined;
  pool(poolId: string): PoolFacts | undefined;
  /** Where an element (flow node or participant) sits: its innermost lane, its pool and their unit. */
  placement(id: string): Placement;
}

/** Scopes of work, ROLES.md §5 (read by scope.ts). */
export type Scope = 'dalam-unit' | 'lintas-unit' | 'lintas-pd' | 'lintas-instansi';

export interface ScopeReading {
  scope: Scope;
  /** True when the scope came from pool or unit names rather than sk:unit / sk:unitKind. */
  inferred: boolean;
}

const asElements = (value: unknown): ModdleElement[] => (Array.isArray(value) ? (value as ModdleElement[]) : []);
const textOf = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.trim() : undefined);
const isRoleCode = (value: unknown): value is RoleCode => typeof value === 'string' && (ROLE_CODES as readonly string[]).includes(value);

const list = (element: ModdleElement | undefined, property: string): ModdleElement[] => asElements(element?.get(property));

/** Lanes of every process and sub-process, nested lanes after their parent. */
function lanesOf(semantic: readonly ModdleElement[]): ModdleElement[] {
  const lanes: ModdleElement[] = [];
  const visitSet = (laneSet: ModdleElement): void => {
    for (const lane of list(laneSet, 'lanes')) {
      lanes.push(lane);
      const child = lane.get('childLaneSet') as ModdleElement | undefined;
      if (child) visitSet(child);
    }
  };
  for (const element of semantic) {
    if (element.$instanceOf('bpmn:Process') || element.$instanceOf('bpmn:SubProcess')) list(element, 'laneSets').forEach(visitSet);
  }
  return lanes;
}

/** The shapes of every diagram (their bounds place activities inside stage groups). */
function diagramShapes(definitions: ModdleElement): ModdleElement[] {
  return list(definitions, 'diagrams').flatMap((diagram) => list(diagram.get('plane') as ModdleElement | undefined, 'planeElement'));
}

/**
 * What the model reads: the semantic content (flow-content.ts, without walking the diagram's waypoints), the lanes
 * and the diagram's shapes.
 */
function modelElements(definitions: ModdleElement): ModdleElement[] {
  const semantic = flowContent(definitions).elements;
  return [...semantic, ...lanesOf(semantic), ...diagramShapes(definitions)];
}

function skAttr(element: ModdleElement, name: string): unknown {
  return element.get(`sk:${name}`);
}

function readPools(elements: ModdleElement[]): PoolFacts[] {
  const participants = elements.filter((element) => element.$type === 'bpmn:Participant');
  const owner = participants.find((participant) => skAttr(participant, 'performanceOwner') === true);
  return participants.map((participant, index) => {
    const name = textOf(participant.name) ?? '';
    const unit = textOf(skAttr(participant, 'unit')) ?? name;
    const declared = skAttr(participant, 'orgType');
    const orgType = isOrgType(declared) ? declared : orgTypeFromName(unit) ?? orgTypeFromName(name);
    const processRef = participant.get('processRef') as ModdleElement | undefined;
    const unitKind = skAttr(participant, 'unitKind');
    const perangkatDaerah = unitKind === 'perangkat-daerah' ? normaliseUnit(unit) : (perangkatDaerahFromName(unit) ?? perangkatDaerahFromName(name));
    return {
      id: participant.id ?? '',
      name,
      ...(processRef?.id ? { processId: processRef.id } : {}),
      unit,
      ...(orgType ? { orgType } : {}),
      ...(isOrgType(declared) ? { orgTypeDeclared: true as const } : {}),
      performanceOwner: owner ? owner === participant : index === 0,
      inferred: !isOrgType(declared) || !owner,
      ...(isUnitKind(unitKind) ? { unitKind } : {}),
      ...(perangkatDaerah ? { perangkatDaerah } : {}),
    };
  });
}

function processOf(element: ModdleElement): ModdleElement | undefined {
  let current = element.$parent;
  while (current && !current.$instanceOf('bpmn:Process')) current = current.$parent;
  return current;
}

function parentLaneOf(lane: ModdleElement): ModdleElement | undefined {
  const owner = lane.$parent?.$parent;
  return owner?.$type === 'bpmn:Lane' ? owner : undefined;
}

/** What a repository synonym says, as the kamus would read it from the name. */
function synonymReading(synonym: KamusSynonym): TitleReading {
  return { matched: [synonym.name], ...(synonym.jabatan ? { jabatan: synonym.jabatan } : {}), ...(synonym.role ? { role: synonym.role, roles: [synonym.role] } : {}) };
}

/** The lane's sk:external: the moddle types it Boolean; an untyped copy keeps the string. */
const isDeclaredExternal = (value: unknown) => value === true || value === 'true';

/**
 * Jabatan, role and level of one lane: sk: attributes first, each missing fact read from the name — through the
 * repository's synonyms first, then the kamus jabatan. A lane declared or read as an outside party holds none.
 */
function readLane(lane: ModdleElement, pool: PoolFacts | undefined, synonyms?: readonly KamusSynonym[]): LaneFacts {
  const name = textOf(lane.name) ?? '';
  const skJabatan = skAttr(lane, 'jabatan');
  const skRole = skAttr(lane, 'role');
  const skLevel = skAttr(lane, 'level');
  const skExternal = skAttr(lane, 'external');
  const declared = skJabatan !== undefined || skRole !== undefined || skExternal !== undefined;
  const unit = textOf(skAttr(lane, 'unit')) ?? pool?.unit;
  const base = { id: lane.id ?? '', name, koordinator: false, declared };
  const placing = () => definedOnly({ poolId: pool?.id, processId: processOf(lane)?.id, parentLaneId: parentLaneOf(lane)?.id, unit });
  const synonym = synonymFor(name, synonyms);
  if (isDeclaredExternal(skExternal)) return { ...base, ...placing(), external: true, inferred: false };
  // Any performer attribute, even an invalid code, keeps a lane from being read as an outside party: a wrong
  // declaration is reported (mk/lane-role), not explained away by the name.
  const declaresCodes = declared || isLevel(skLevel);
  if (!declaresCodes && synonym?.external) return { ...base, ...placing(), external: true, inferred: true, bySynonym: true };
  const reading = synonym && !synonym.external ? synonymReading(synonym) : readTitle(name);
  if (!declaresCodes && reading.matched.length === 0 && isOutsidePartyName(name)) return { ...base, ...placing(), external: true, inferred: true };
  const orgType = (unit && unit !== pool?.unit ? orgTypeFromName(unit) : undefined) ?? pool?.orgType;
  const table = orgType ?? DEFAULT_ORG_TYPE;
  const row = reading.office ? levelRowOfOffice(reading.office, table) : undefined;
  const nameJabatan = reading.jabatan ?? row?.jabatan;
  const nameRole = reading.role ?? (reading.office && isPimpinanUnit(reading.office, table) ? 'PIMPINAN_UNIT' : undefined);
  const jabatan = isJabatanCode(skJabatan) ? skJabatan : nameJabatan;
  // sk:role holds one code or several ("PENILAI_KINERJA PIMPINAN_UNIT"); the name may state several too.
  const declaredRoles = rolesOf(skRole);
  const officeLeads = reading.office !== undefined && isPimpinanUnit(reading.office, table);
  const nameRoles = [...(reading.roles ?? []), ...(officeLeads ? (['PIMPINAN_UNIT'] as const) : [])];
  // A lane declared as a leader whose title leads its unit is that unit's Pimpinan Unit Organisasi too. The added role
  // only ever clears a lane of a finding (reporting-line, review-chain, assignment-authority), so it leaves `inferred` be.
  const leaderRoles = (declared: RoleCode[]) => (officeLeads && declared.every((r) => LEADING_ROLES.includes(r)) ? ['PIMPINAN_UNIT' as const] : []);
  const roles = [...new Set(declaredRoles.length > 0 ? [...declaredRoles, ...leaderRoles(declaredRoles)] : nameRoles)];
  const role = declaredRoles[0] ?? nameRole;
  const nameLevel = synonym?.level ?? row?.level;
  const level = isLevel(skLevel) ? skLevel : nameLevel;
  // A choice of jabatan is read from the name only when the lane declares neither jabatan nor role.
  const jabatanChoices = jabatan === undefined && declaredRoles.length === 0 ? reading.jabatanChoices : undefined;
  const inferred =
    (!isJabatanCode(skJabatan) && (nameJabatan !== undefined || jabatanChoices !== undefined)) ||
    (declaredRoles.length === 0 && nameRole !== undefined) ||
    (!isLevel(skLevel) && nameLevel !== undefined);
  const facts: LaneFacts = { ...base, koordinator: reading.koordinator !== undefined, inferred };
  Object.assign(facts, placing(), definedOnly({ jabatan, jabatanChoices, role, roles: roles.length > 0 ? roles : undefined, office: reading.office, level, orgType, koordinatorKind: reading.koordinator, bySynonym: synonym ? (true as const) : undefined }));
  if (!jabatan && !jabatanChoices && !role && reading.matched.length === 0) facts.suggestions = suggestionsFor(name, 3);
  return facts;
}

const LEADING_ROLES: readonly RoleCode[] = ['PENILAI_KINERJA', 'PIMPINAN_UNIT', 'PEMILIK_KINERJA'];

/** The role codes sk:role declares: one code, or several separated by spaces or commas. */
function rolesOf(value: unknown): RoleCode[] {
  if (typeof value !== 'string') return [];
  const codes = value.split(/[\s,]+/).filter(Boolean);
  return codes.length > 0 && codes.every(isRoleCode) ? codes : [];
}

/** Whether the lane holds the role: its `role` or any of its `roles` (one lane can hold several). */
export function hasRole(lane: Pick<LaneFacts, 'role' | 'roles'>, role: RoleCode): boolean {
  return lane.role === role || (lane.roles?.includes(role) ?? false);
}

function isLevel(value: unknown): value is Level {
  return value === 1 || value === 2 || value === 3;
}


interface Bounds { x: number; y: number; width: number; height: number }

/** DI bounds of every shape, by the id of the element it draws. */
function boundsById(elements: ModdleElement[]): Map<string, Bounds> {
  const bounds = new Map<string, Bounds>();
  for (const shape of elements) {
    if (shape.$type !== 'bpmndi:BPMNShape') continue;
    const drawn = shape.get('bpmnElement') as ModdleElement | undefined;
    const box = shape.get('bounds') as Bounds | undefined;
    if (drawn?.id && box && !bounds.has(drawn.id)) bounds.set(drawn.id, { x: Number(box.x), y: Number(box.y), width: Number(box.width), height: Number(box.height) });
  }
  return bounds;
}

/** The stage a label names ("Tahap Pelaksanaan", "EVALUASI"), if any. */
export function phaseFromLabel(label: string): Phase | undefined {
  const text = label.toLowerCase();
  return PHASES.find((phase) => new RegExp(`\\b${phase}\\b`).test(text));
}

interface StageGroup { phase: Phase; bounds: Bounds }

function stageGroups(elements: ModdleElement[], bounds: Map<string, Bounds>): StageGroup[] {
  return elements.flatMap((group) => {
    if (group.$type !== 'bpmn:Group' || !group.id) return [];
    const category = group.get('categoryValueRef') as ModdleElement | undefined;
    const phase = phaseFromLabel(textOf(category?.get('value')) ?? textOf(group.name) ?? '');
    const box = bounds.get(group.id);
    return phase && box ? [{ phase, bounds: box }] : [];
  });
}

const inside = (inner: Bounds, outer: Bounds): boolean =>
  inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;

/** The stage of the smallest stage group whose bounds contain the activity's. */
function phaseFromGroups(activityBounds: Bounds | undefined, groups: StageGroup[]): Phase | undefined {
  if (!activityBounds) return undefined;
  const around = groups.filter((group) => inside(activityBounds, group.bounds));
  around.sort((a, b) => a.bounds.width * a.bounds.height - b.bounds.width * b.bounds.height);
  return around[0]?.phase;
}

function readActivity(activity: ModdleElement, laneIds: string[], bounds: Map<string, Bounds>, groups: StageGroup[]): ActivityFacts {
  const declared = skAttr(activity, 'phase');
  const skPhase = PHASES.find((phase) => phase === declared);
  const groupPhase = skPhase ? undefined : phaseFromGroups(bounds.get(activity.id ?? ''), groups);
  const phase = skPhase ?? groupPhase;
  const name = textOf(activity.name) ?? '';
  const declaredKind = skAttr(activity, 'activityKind');
  const kinds = isActivityKind(declaredKind) ? [declaredKind] : kindsFromName(name);
  return {
    id: activity.id ?? '',
    name,
    type: activity.$type,
    laneIds,
    ...(phase ? { phase } : {}),
    inferred: groupPhase !== undefined,
    kinds,
    kindsInferred: !isActivityKind(declaredKind) && kinds.length > 0,
  };
}

/** Lane ids listing the activity (or, inside a sub-process, the outermost sub-process around it) as a flowNodeRef. */
function lanesHolding(activity: ModdleElement, refs: Map<ModdleElement, string[]>): string[] {
  let current: ModdleElement | undefined = activity;
  while (current) {
    const laneIds = refs.get(current);
    if (laneIds) return laneIds;
    current = current.$parent?.$instanceOf('bpmn:SubProcess') ? current.$parent : undefined;
  }
  return [];
}

/** Reads pools, lanes and activities of a parsed BPMN document. */
export function readMap(definitions: ModdleElement, synonyms?: readonly KamusSynonym[]): MapModel {
  const elements = modelElements(definitions);
  const pools = readPools(elements);
  const poolByProcess = new Map(pools.flatMap((pool) => (pool.processId ? [[pool.processId, pool] as const] : [])));
  const laneElements = elements.filter((element) => element.$type === 'bpmn:Lane');
  const lanes = laneElements.map((lane) => readLane(lane, poolByProcess.get(processOf(lane)?.id ?? ''), synonyms));
  const refs = new Map<ModdleElement, string[]>();
  for (const lane of laneElements) {
    for (const node of asElements(lane.get('flowNodeRef'))) refs.set(node, [...(refs.get(node) ?? []), lane.id ?? '']);
  }
  const bounds = boundsById(elements);
  const groups = stageGroups(elements, bounds);
  const activities = elements
    .filter((element) => element.$instanceOf('bpmn:Activity'))
    .map((activity) => readActivity(activity, lanesHolding(activity, refs), bounds, groups));
  const letters = readLetters(elements);
  // Approving a request for involvement decides the assignment (request-approval.ts), unless sk:activityKind says otherwise.
  for (const id of requestApprovals(elements, letters)) {
    const activity = activities.find((a) => a.id === id);
    const declared = activity !== undefined && activity.kinds.length > 0 && !activity.kindsInferred;
    if (activity && !declared && !activity.kinds.includes('penetapan-penugasan')) Object.assign(activity, { kinds: [...activity.kinds, 'penetapan-penugasan'], kindsInferred: true });
  }
  const placeOf = placements(elements, refs, lanes, pools, poolByProcess);
  return buildModel(pools, lanes, activities, letters, readHandOffs(elements, placeOf, letters), placeOf);
}

/** Where each element sits: its innermost lane, its pool (a participant sits in itself) and their unit. */
function placements(
  elements: ModdleElement[],
  refs: Map<ModdleElement, string[]>,
  lanes: LaneFacts[],
  pools: PoolFacts[],
  poolByProcess: Map<string, PoolFacts>,
): (id: string) => Placement {
  const laneById = new Map(lanes.map((lane) => [lane.id, lane]));
  const depth = (lane: LaneFacts | undefined): number => (lane?.parentLaneId ? 1 + depth(laneById.get(lane.parentLaneId)) : 0);
  const byId = new Map<string, Placement>();
  for (const pool of pools) byId.set(pool.id, { pool: pool.id, unit: pool.unit });
  for (const element of elements) {
    if (!element.id || !element.$instanceOf('bpmn:FlowNode')) continue;
    const lane = lanesHolding(element, refs)
      .flatMap((id) => laneById.get(id) ?? [])
      .sort((a, b) => depth(b) - depth(a))[0];
    const pool = poolByProcess.get(processOf(element)?.id ?? '');
    byId.set(element.id, definedOnly({ lane: lane?.id, pool: pool?.id, unit: lane?.unit ?? pool?.unit }));
  }
  return (id) => byId.get(id) ?? {};
}

function buildModel(
  pools: PoolFacts[],
  lanes: LaneFacts[],
  activities: ActivityFacts[],
  letters: LetterFacts[],
  handOffs: HandOff[],
  placement: (id: string) => Placement,
): MapModel {
  const laneById = new Map(lanes.map((lane) => [lane.id, lane]));
  const poolById = new Map(pools.map((pool) => [pool.id, pool]));
  const activityById = new Map(activities.map((activity) => [activity.id, activity]));
  const depth = (lane: LaneFacts): number => (lane.parentLaneId ? 1 + depth(laneById.get(lane.parentLaneId) ?? { ...lane, parentLaneId: undefined }) : 0);
  const owner = pools.find((pool) => pool.performanceOwner);
  return {
    pools,
    lanes,
    activities,
    letters,
    handOffs,
    ...(owner ? { performanceOwner: owner.id } : {}),
    laneOf(activityId) {
      const held = (activityById.get(activityId)?.laneIds ?? []).flatMap((id) => laneById.get(id) ?? []);
      return held.sort((a, b) => depth(b) - depth(a))[0];
    },
    lane: (laneId) => laneById.get(laneId),
    pool: (poolId) => poolById.get(poolId),
    placement,
  };
}
