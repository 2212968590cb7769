// The map's flow graph reduced to the SOP's rows (SOP-FORMAT.md §4): activities (as sop-activities.ts counts them),
// exclusive and event-based gateways with two or more exits (decisions) and the start and end events of top-level
// processes (terminators) are rows; every other node is passed through by the arrows: parallel, inclusive and
// joining gateways, intermediate and boundary events, the start and end events inside an expanded sub-process and the
// sub-process itself (its frame is not drawn: the arrow into it goes to its first rows, its ends continue with its
// outgoing flows). An event on the frame's border is not reached by entering the frame (issue 14 item 7: it would make
// the answer leading into the frame seem to end the process): an error, escalation or cancel event is reached from
// the end events inside that throw it, any other event (a timer, a message, an error nothing inside throws) leaves
// from the frame's first rows. A throwing link event jumps to its catching twin.
import type { ModdleElement } from 'bpmn-moddle';
import type { RowKind } from './procedure.schema';

export interface RowNode {
  element: ModdleElement;
  kind: RowKind;
  terminal?: 'start' | 'end';
}

export interface RowEdge {
  target: ModdleElement;
  label?: string;
  message: boolean;
  flowIds: string[];
}

interface RawEdge {
  target: ModdleElement;
  label?: string;
  message: boolean;
  flowId?: string;
  /** An edge from an activity to an event attached to it: the event's name labels it. */
  boundary?: boolean;
}

export interface RowGraph {
  /** Row nodes in document order (processes in pool order, each sub-process's content after it). */
  rows: RowNode[];
  /** Edges between rows, passing through the nodes that are not rows, in the order of the flows. */
  edges: Map<ModdleElement, RowEdge[]>;
  /** Start events of top-level processes, in the order of `rows`. */
  starts: ModdleElement[];
  /** Where a row's flow stops at an element the SOP does not draw, which leads nowhere: the SOP cannot show where it goes. */
  deadEnds: DeadEnd[];
}

export interface DeadEnd {
  from: ModdleElement;
  at: ModdleElement;
}

const list = (value: unknown): ModdleElement[] => (Array.isArray(value) ? (value as ModdleElement[]) : []);
const textOf = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.replace(/\s+/g, ' ').trim() : undefined);
const flowNodesOf = (container: ModdleElement) => list(container.get('flowElements')).filter((element) => element.$instanceOf('bpmn:FlowNode'));

/** An expanded sub-process holding activities is a frame, not a row (as sop-activities.ts reads it). */
export const isFrame = (element: ModdleElement): boolean => element.$instanceOf('bpmn:SubProcess') && flowNodesOf(element).some((child) => child.$instanceOf('bpmn:Activity'));

const isTopLevel = (element: ModdleElement) => element.$parent?.$instanceOf('bpmn:Process') === true;

function sequenceOut(element: ModdleElement, flows: ModdleElement[]): ModdleElement[] {
  return flows.filter((flow) => flow.$instanceOf('bpmn:SequenceFlow') && flow.get('sourceRef') === element);
}

const isEventSubProcess = (element: ModdleElement | undefined) => element?.$instanceOf('bpmn:SubProcess') === true && element.get('triggeredByEvent') === true;

const messageTouches = (element: ModdleElement, flows: ModdleElement[], end: 'sourceRef' | 'targetRef') =>
  flows.some((flow) => flow.$instanceOf('bpmn:MessageFlow') && flow.get(end) === element);

/**
 * The row a node is, if any. Terminators: the start and end events of top-level processes, the start events of event
 * sub-processes, and the end events of frames that do not continue (event sub-processes, frames without outgoing flows).
 * A start event a message flow leads to, or an end event that sends one, does not start or end the procedure: the flow
 * passes through it to the other pool (procedure.ts then draws each terminator on the first or last activity's row).
 */
export function rowKindOf(element: ModdleElement, flows: ModdleElement[]): RowNode | undefined {
  if (element.$instanceOf('bpmn:Activity')) return isFrame(element) ? undefined : { element, kind: 'process' };
  if ((element.$instanceOf('bpmn:ExclusiveGateway') || element.$instanceOf('bpmn:EventBasedGateway')) && sequenceOut(element, flows).length >= 2) {
    return { element, kind: 'decision' };
  }
  const parent = element.$parent;
  const inFrame = parent !== undefined && isFrame(parent);
  if (element.$instanceOf('bpmn:StartEvent') && (isTopLevel(element) || (inFrame && isEventSubProcess(parent))) && !messageTouches(element, flows, 'targetRef')) {
    return { element, kind: 'terminator', terminal: 'start' };
  }
  if (
    element.$instanceOf('bpmn:EndEvent') &&
    (isTopLevel(element) || (inFrame && (isEventSubProcess(parent) || sequenceOut(parent, flows).length === 0))) &&
    !messageTouches(element, flows, 'sourceRef')
  ) {
    return { element, kind: 'terminator', terminal: 'end' };
  }
  return undefined;
}

/** Flow nodes of the processes in order, each container's content right after it. */
function nodesInOrder(processes: ModdleElement[]): ModdleElement[] {
  const nodes: ModdleElement[] = [];
  const visit = (container: ModdleElement) => {
    for (const node of flowNodesOf(container)) {
      nodes.push(node);
      if (node.$instanceOf('bpmn:SubProcess')) visit(node);
    }
  };
  processes.forEach(visit);
  return nodes;
}

/** Sequence flows of the processes, then message flows, each in document order. */
function flowsInOrder(definitions: ModdleElement, processes: ModdleElement[]): ModdleElement[] {
  const flows: ModdleElement[] = [];
  const visit = (container: ModdleElement) => {
    for (const element of list(container.get('flowElements'))) {
      if (element.$instanceOf('bpmn:SequenceFlow')) flows.push(element);
      if (element.$instanceOf('bpmn:SubProcess')) visit(element);
    }
  };
  processes.forEach(visit);
  for (const root of list(definitions.get('rootElements'))) {
    if (root.$instanceOf('bpmn:Collaboration')) flows.push(...list(root.get('messageFlows')));
  }
  return flows;
}

/** Event definitions a thrown event is caught by on a frame's border, not by time or by a message from outside. */
const THROWN = ['bpmn:ErrorEventDefinition', 'bpmn:EscalationEventDefinition', 'bpmn:CancelEventDefinition', 'bpmn:CompensateEventDefinition'] as const;
const REF: Record<string, string> = { 'bpmn:ErrorEventDefinition': 'errorRef', 'bpmn:EscalationEventDefinition': 'escalationRef' };
const definitionsOf = (event: ModdleElement) => list(event.get('eventDefinitions'));
const thrownDefinition = (event: ModdleElement) => definitionsOf(event).find((definition) => THROWN.some((type) => definition.$instanceOf(type)));

/** Whether a boundary event catches what a throwing event inside its host throws: same kind, and the same error or escalation when both name one. */
function catches(boundary: ModdleElement, thrower: ModdleElement): boolean {
  const caught = thrownDefinition(boundary);
  const thrown = thrownDefinition(thrower);
  if (!caught || !thrown || caught.$type !== thrown.$type) return false;
  const ref = REF[caught.$type];
  if (!ref) return true;
  const [a, b] = [caught.get(ref), thrown.get(ref)];
  return !a || !b || a === b;
}

const isThrower = (node: ModdleElement) => (node.$instanceOf('bpmn:EndEvent') || node.$instanceOf('bpmn:IntermediateThrowEvent')) && thrownDefinition(node) !== undefined;

const linkOf = (event: ModdleElement) => definitionsOf(event).find((definition) => definition.$instanceOf('bpmn:LinkEventDefinition'));
const processOf = (node: ModdleElement): ModdleElement | undefined => {
  let at = node.$parent;
  while (at && !at.$instanceOf('bpmn:Process')) at = at.$parent;
  return at;
};

/** Throwing link events and the catching link events they jump to: the one their definition targets, else those of the same name in the same process. */
function linkPairs(nodes: ModdleElement[]): Array<[ModdleElement, ModdleElement]> {
  const catchers = nodes.filter((node) => node.$instanceOf('bpmn:IntermediateCatchEvent') && linkOf(node));
  const pairs: Array<[ModdleElement, ModdleElement]> = [];
  for (const thrower of nodes.filter((node) => node.$instanceOf('bpmn:IntermediateThrowEvent') && linkOf(node))) {
    const definition = linkOf(thrower)!;
    const target = definition.get('target') as ModdleElement | undefined;
    const name = textOf(definition.get('name')) ?? textOf(thrower.name);
    const targeted = catchers.filter((catcher) => target !== undefined && linkOf(catcher) === target);
    const named = catchers.filter((catcher) => name !== undefined && processOf(catcher) === processOf(thrower) && (textOf(linkOf(catcher)!.get('name')) ?? textOf(catcher.name)) === name);
    for (const catcher of targeted.length > 0 ? targeted : named) pairs.push([thrower, catcher]);
  }
  return pairs;
}

export function readRowGraph(definitions: ModdleElement, processes: ModdleElement[]): RowGraph {
  const nodes = nodesInOrder(processes);
  const flows = flowsInOrder(definitions, processes);
  const rowByElement = new Map<ModdleElement, RowNode>();
  for (const node of nodes) {
    const row = rowKindOf(node, flows);
    if (row) rowByElement.set(node, row);
  }

  const out = new Map<ModdleElement, RawEdge[]>();
  const add = (source: ModdleElement, edge: RawEdge) => out.set(source, [...(out.get(source) ?? []), edge]);
  const flowsOut = new Map<ModdleElement, RawEdge[]>();
  for (const flow of flows) {
    const source = flow.get('sourceRef') as ModdleElement | undefined;
    const target = flow.get('targetRef') as ModdleElement | undefined;
    if (!source?.$instanceOf('bpmn:FlowNode') || !target?.$instanceOf('bpmn:FlowNode')) continue;
    const label = textOf(flow.name);
    const edge: RawEdge = { target, message: flow.$instanceOf('bpmn:MessageFlow'), ...(label ? { label } : {}), ...(flow.id ? { flowId: flow.id } : {}) };
    flowsOut.set(source, [...(flowsOut.get(source) ?? []), edge]);
  }
  // A link event is a jump: the flow goes on from the catching link event of the same name (or the one it targets).
  for (const [thrower, catcher] of linkPairs(nodes)) flowsOut.set(thrower, [...(flowsOut.get(thrower) ?? []), { target: catcher, message: false }]);
  const hasSequenceOut = (node: ModdleElement) => (flowsOut.get(node) ?? []).some((edge) => !edge.message);
  // Events on the borders of frames, by frame.
  const borderEvents = new Map<ModdleElement, ModdleElement[]>();
  for (const node of nodes) {
    const host = node.$instanceOf('bpmn:BoundaryEvent') ? (node.get('attachedToRef') as ModdleElement | undefined) : undefined;
    if (host && isFrame(host)) borderEvents.set(host, [...(borderEvents.get(host) ?? []), node]);
  }
  /** The border events that catch what a throwing event inside a frame throws: of the innermost frame around it that catches it. */
  const catchersOf = (thrower: ModdleElement): ModdleElement[] => {
    for (let frame = thrower.$parent; frame && isFrame(frame); frame = frame.$parent) {
      const found = (borderEvents.get(frame) ?? []).filter((event) => catches(event, thrower));
      if (found.length > 0) return found;
    }
    return [];
  };
  // Border events that may interrupt a frame at any time (a timer, a message), and those catching what nothing inside
  // the frame throws (an error raised by a task's implementation): they leave from its first rows.
  const thrownTo = new Set(nodes.filter(isThrower).flatMap(catchersOf));
  const interrupting = new Map<ModdleElement, ModdleElement[]>();
  for (const [frame, events] of borderEvents) {
    const anytime = events.filter((event) => !thrownDefinition(event) || !thrownTo.has(event));
    if (anytime.length > 0) interrupting.set(frame, anytime);
  }
  for (const node of nodes) {
    if (isFrame(node)) {
      // Into the frame: to its start events, else to the nodes nothing inside leads to.
      const inner = flowNodesOf(node);
      const targets = new Set(inner.flatMap((child) => (flowsOut.get(child) ?? []).map((edge) => edge.target)));
      const starts = inner.filter((child) => child.$instanceOf('bpmn:StartEvent'));
      const entries = starts.length > 0 ? starts : inner.filter((child) => !targets.has(child) && !child.$instanceOf('bpmn:BoundaryEvent'));
      for (const entry of entries) add(node, { target: entry, message: false });
      // Message flows of the frame itself still leave from it.
      for (const edge of flowsOut.get(node) ?? []) if (edge.message) add(node, edge);
    } else {
      for (const edge of flowsOut.get(node) ?? []) add(node, edge);
    }
    // A throwing event inside a frame goes on with the border event catching it; the last other nodes inside a frame
    // continue with the frame's outgoing flows.
    const parent = node.$parent;
    const caught = isThrower(node) ? catchersOf(node) : [];
    for (const event of caught) add(node, { target: event, message: false, boundary: true });
    if (caught.length === 0 && parent && isFrame(parent) && !hasSequenceOut(node) && !parent.get('triggeredByEvent')) {
      for (const edge of flowsOut.get(parent) ?? []) if (!edge.message) add(node, edge);
    }
    if (node.$instanceOf('bpmn:BoundaryEvent')) {
      const host = node.get('attachedToRef') as ModdleElement | undefined;
      if (host && !isFrame(host)) add(host, { target: node, message: false, boundary: true });
    }
  }

  const deadEnds: DeadEnd[] = [];
  /** The edges from a node to the rows it leads to, through the nodes that are not rows. */
  const resolve = (source: ModdleElement, raw: RawEdge[] = out.get(source) ?? [], resolved: RowEdge[] = []): RowEdge[] => {
    const eventLabels = source.$instanceOf('bpmn:EventBasedGateway');
    const walk = (edge: RawEdge, label: string | undefined, message: boolean, flowIds: string[], seen: Set<ModdleElement>) => {
      const eventName = (edge.boundary || eventLabels) && edge.target.$instanceOf('bpmn:Event') ? textOf(edge.target.name) : undefined;
      const nextLabel = label ?? edge.label ?? eventName;
      const ids = edge.flowId ? [...flowIds, edge.flowId] : flowIds;
      const isMessage = message || edge.message;
      if (rowByElement.has(edge.target)) {
        const same = resolved.find((known) => known.target === edge.target && known.label === nextLabel);
        if (same) same.flowIds.push(...ids.filter((id) => !same.flowIds.includes(id)));
        else resolved.push({ target: edge.target, message: isMessage, flowIds: ids, ...(nextLabel ? { label: nextLabel } : {}) });
        return;
      }
      if (seen.has(edge.target)) return;
      seen.add(edge.target);
      const onward = out.get(edge.target) ?? [];
      if (onward.length === 0 && rowByElement.has(source)) deadEnds.push({ from: source, at: edge.target });
      for (const next of onward) walk(next, nextLabel, isMessage, ids, seen);
    };
    for (const edge of raw) walk(edge, undefined, false, [], new Set([source]));
    return resolved;
  };
  const edges = new Map<ModdleElement, RowEdge[]>();
  for (const row of rowByElement.values()) edges.set(row.element, resolve(row.element));
  // A frame's timer or message event leaves from the rows the frame starts with, labelled with the event's name.
  for (const [frame, events] of interrupting) {
    for (const entry of resolve(frame).filter((edge) => !edge.message)) {
      const resolved = edges.get(entry.target);
      if (resolved) resolve(entry.target, events.map((event) => ({ target: event, message: false, boundary: true })), resolved);
    }
  }

  const rows = nodes.flatMap((node) => rowByElement.get(node) ?? []);
  const unique = deadEnds.filter((dead, i) => deadEnds.findIndex((other) => other.from === dead.from && other.at === dead.at) === i);
  return { rows, edges, starts: rows.filter((row) => row.terminal === 'start').map((row) => row.element), deadEnds: unique };
}
