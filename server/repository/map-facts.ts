// The facts the repository-wide checks need from one map revision (RULES.md §F), read in one streaming pass over the
// XML (saxes) instead of a full moddle parse: which activities call other maps, which pools and lanes belong to which
// unit, and the hand-offs that cross units (what passes between them). Fast enough for thousands of maps.
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { BPMN_MODEL_NS } from '../bpmn/xml-guard';
import { normaliseUnit } from '../lint/map-model/unit-name';

const SK_NS = 'urn:petakerja:bpmn:1';

/** An activity that stands for another map: a call activity, or a sub-process drawn without inner activities. */
export interface CallFacts {
  id: string;
  name: string;
  type: 'callActivity' | 'subProcess';
  calledElement?: string;
  /** `sk:calledMap`: the id of the map it calls. */
  calledMap?: string;
}

export interface UnitFacts {
  /** The unit's name as written (sk:unit, else the pool's name). */
  name: string;
  /** For comparing: lower case, punctuation as spaces (normaliseUnit). */
  key: string;
}

/** A flow between two units: a message flow between pools of different units, or a sequence flow between lanes whose units differ. */
export interface CrossUnitFacts {
  id: string;
  type: 'message' | 'sequence';
  from: UnitFacts;
  to: UnitFacts;
  /** What passes: the flow's name, else its letter (sk:letter), else the name of the activity it leaves. */
  what: string;
}

export interface MapFacts {
  /** `sk:mapKind` as declared, if any. */
  mapKind?: string;
  calls: CallFacts[];
  /** The units of the map's pools, in document order, without repeats. */
  units: UnitFacts[];
  crossUnit: CrossUnitFacts[];
}

const FLOW_NODES = new Set([
  'task', 'userTask', 'manualTask', 'serviceTask', 'sendTask', 'receiveTask', 'scriptTask', 'businessRuleTask',
  'callActivity', 'subProcess', 'transaction', 'adHocSubProcess',
  'startEvent', 'endEvent', 'intermediateThrowEvent', 'intermediateCatchEvent', 'boundaryEvent',
  'exclusiveGateway', 'parallelGateway', 'inclusiveGateway', 'eventBasedGateway', 'complexGateway',
]);
const ACTIVITY = /task$|^callActivity$|^subProcess$|^transaction$|^adHocSubProcess$/i;

interface Node {
  name: string;
  process: string;
}

const unitOf = (name: string): UnitFacts => ({ name: name.trim(), key: normaliseUnit(name) });
const attr = (tag: SaxesTagNS, local: string, uri = ''): string | undefined => {
  for (const a of Object.values(tag.attributes)) if (a.local === local && a.uri === uri) return a.value;
  return undefined;
};

/** Reads the facts of one BPMN document; throws on XML that is not well-formed. */
export function readMapFacts(xml: string): MapFacts {
  const parser = new SaxesParser({ xmlns: true });
  let mapKind: string | undefined;
  const nodes = new Map<string, Node>();
  const pools: Array<{ id: string; name: string; unit?: string; process?: string }> = [];
  const lanes: Array<{ name: string; unit?: string; depth: number; refs: string[] }> = [];
  const flows: Array<{ id: string; type: 'message' | 'sequence'; name: string; source: string; target: string; letter?: string }> = [];
  const calls: Array<CallFacts & { innerActivities: number }> = [];
  // The open BPMN elements, innermost last, with what the reader needs of each.
  const stack: Array<{ local: string; id?: string; lane?: number; call?: number }> = [];
  let process = '';
  let text = '';

  parser.on('opentag', (tag) => {
    text = '';
    if (tag.uri !== BPMN_MODEL_NS) {
      stack.push({ local: '' });
      return;
    }
    const local = tag.local;
    const id = attr(tag, 'id');
    const entry: (typeof stack)[number] = { local, ...(id ? { id } : {}) };
    const declaredKind = attr(tag, 'mapKind', SK_NS);
    if (declaredKind && mapKind === undefined && (local === 'definitions' || local === 'collaboration' || local === 'process')) mapKind = declaredKind;
    if (local === 'process') process = id ?? '';
    else if (local === 'participant') pools.push({ id: id ?? '', name: attr(tag, 'name') ?? '', unit: attr(tag, 'unit', SK_NS), process: attr(tag, 'processRef') });
    else if (local === 'lane') {
      entry.lane = lanes.length;
      lanes.push({ name: attr(tag, 'name') ?? '', unit: attr(tag, 'unit', SK_NS), depth: stack.filter((e) => e.local === 'lane').length, refs: [] });
    } else if (local === 'sequenceFlow' || local === 'messageFlow') {
      flows.push({
        id: id ?? '',
        type: local === 'messageFlow' ? 'message' : 'sequence',
        name: (attr(tag, 'name') ?? '').trim(),
        source: attr(tag, 'sourceRef') ?? '',
        target: attr(tag, 'targetRef') ?? '',
        letter: attr(tag, 'letter', SK_NS),
      });
    } else if (FLOW_NODES.has(local) && id) {
      nodes.set(id, { name: (attr(tag, 'name') ?? '').trim(), process });
      if (ACTIVITY.test(local)) for (const open of stack) if (open.call !== undefined) calls[open.call]!.innerActivities++;
      if (local === 'callActivity' || local === 'subProcess') {
        entry.call = calls.length;
        const calledElement = attr(tag, 'calledElement');
        const calledMap = attr(tag, 'calledMap', SK_NS);
        calls.push({
          id,
          name: (attr(tag, 'name') ?? '').trim(),
          type: local,
          ...(calledElement ? { calledElement } : {}),
          ...(calledMap ? { calledMap } : {}),
          innerActivities: 0,
        });
      }
    }
    stack.push(entry);
  });
  parser.on('text', (chunk) => {
    text += chunk;
  });
  parser.on('closetag', () => {
    const entry = stack.pop();
    if (entry?.local === 'flowNodeRef') {
      const lane = stack.findLast((e) => e.lane !== undefined);
      if (lane) lanes[lane.lane!]!.refs.push(text.trim());
    }
  });
  parser.write(xml).close();

  // Where each node sits: its innermost lane's unit, else its pool's.
  const poolOfProcess = new Map(pools.filter((p) => p.process).map((p) => [p.process!, p]));
  const laneOfNode = new Map<string, { unit?: string; depth: number }>();
  for (const lane of lanes) {
    for (const ref of lane.refs) {
      const known = laneOfNode.get(ref);
      if (!known || lane.depth >= known.depth) laneOfNode.set(ref, { unit: lane.unit ?? known?.unit, depth: lane.depth });
    }
  }
  const poolUnit = (pool: { name: string; unit?: string } | undefined) => (pool ? unitOf(pool.unit?.trim() || pool.name) : undefined);
  const unitAt = (ref: string): UnitFacts | undefined => {
    const pool = pools.find((p) => p.id === ref);
    if (pool) return poolUnit(pool);
    const node = nodes.get(ref);
    if (!node) return undefined;
    const laneUnit = laneOfNode.get(ref)?.unit;
    return laneUnit?.trim() ? unitOf(laneUnit) : poolUnit(poolOfProcess.get(node.process));
  };

  const crossUnit: CrossUnitFacts[] = [];
  for (const flow of flows) {
    const from = unitAt(flow.source);
    const to = unitAt(flow.target);
    if (!from || !to || !from.key || !to.key || from.key === to.key) continue;
    const what = flow.name || (flow.letter ? letterName(flow.letter) : '') || nodes.get(flow.source)?.name || '';
    crossUnit.push({ id: flow.id, type: flow.type, from, to, what });
  }
  const units: UnitFacts[] = [];
  for (const pool of pools) {
    const unit = poolUnit(pool)!;
    if (unit.key && !units.some((u) => u.key === unit.key)) units.push(unit);
  }
  return {
    ...(mapKind ? { mapKind } : {}),
    calls: calls
      .filter((c) => c.type === 'callActivity' || c.calledMap !== undefined || c.calledElement !== undefined || c.innerActivities === 0)
      .map(({ innerActivities: _inner, ...call }) => call),
    units,
    crossUnit,
  };
}

const LETTER_NAMES: Record<string, string> = {
  'permohonan-pelibatan': 'Surat permohonan pelibatan',
  'jawaban-permohonan': 'Surat jawaban permohonan',
  penugasan: 'Surat penugasan',
  'pengajuan-sukarela': 'Pengajuan sukarela',
  laporan: 'Laporan',
  'perjanjian-kinerja': 'Perjanjian kinerja',
};
const letterName = (kind: string) => LETTER_NAMES[kind] ?? kind;
