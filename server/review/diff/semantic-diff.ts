// The model part of a revision diff: bpmn-js-differ's added, removed, changed and layout-changed elements, completed
// with what it leaves out (TECH-NOTES.md): lane membership, flows' ends, documentation and the elements it does not
// track (text annotations, associations). Property values are read from the two models, never from the differ
// (3.2.0 swaps oldValue and newValue). Pure: no Node or DOM APIs.
import type { ModdleElement } from 'bpmn-moddle';
import { diff as differ } from 'bpmn-js-differ';
import { allElements } from '../../bpmn/moddle';
import { unnamedLabeller } from './element-names';
import type { AttributeChange, ElementChange, FlowEnds, LanePlace } from './diff.schema';

/** Labels of the properties a reader meets, as the properties panel names them. */
const PROPERTY_LABELS: Record<string, string> = {
  $type: 'Jenis elemen',
  name: 'Nama',
  text: 'Teks',
  documentation: 'Dokumentasi',
  conditionExpression: 'Kondisi',
  default: 'Alur bawaan',
  isInterrupting: 'Menyela',
  eventDefinitions: 'Definisi peristiwa',
  loopCharacteristics: 'Pengulangan',
  attachedToRef: 'Melekat pada',
  'processRef.name': 'Nama proses',
  'sk:requirements': 'Kelengkapan',
  'sk:time': 'Waktu',
  'sk:output': 'Output',
  'sk:note': 'Keterangan',
  'sk:processType': 'Jenis proses',
  'sk:phase': 'Tahap',
  'sk:activityKind': 'Jenis kegiatan',
  'sk:jabatan': 'Jabatan',
  'sk:role': 'Peran',
  'sk:level': 'Tingkat',
  'sk:unit': 'Unit',
  'sk:external': 'Bukan jabatan pemda',
  'sk:unitKind': 'Jenis unit',
  'sk:orgType': 'Jenis organisasi',
  'sk:performanceOwner': 'Pemilik kinerja',
  'sk:letter': 'Jenis surat',
  'sk:purpose': 'Tujuan surat',
  'sk:competence': 'Kewenangan',
  'sk:target': 'Sasaran',
  'sk:duration': 'Jangka waktu',
};

export const propertyLabel = (property: string): string => PROPERTY_LABELS[property] ?? property;

/** Properties holding children or references that the diff reports in its own way (as elements, lanes, flows). */
const STRUCTURAL = new Set([
  'id',
  'flowElements',
  'artifacts',
  'laneSets',
  'lanes',
  'childLaneSet',
  'flowNodeRef',
  'participants',
  'messageFlows',
  'incoming',
  'outgoing',
  'sourceRef',
  'targetRef',
  'rootElements',
  'diagrams',
  'extensionElements',
  'dataObjectRef',
  'dataInputAssociations',
  'dataOutputAssociations',
  'boundaryEventRefs',
  'di',
]);

const FLOW_TYPES = ['bpmn:SequenceFlow', 'bpmn:MessageFlow', 'bpmn:Association', 'bpmn:DataAssociation'];
const isFlow = (element: ModdleElement) => FLOW_TYPES.some((type) => element.$instanceOf(type));
const isContainer = (element: ModdleElement) => element.$instanceOf('bpmn:Participant') || element.$instanceOf('bpmn:Lane');

const clean = (text: string) => text.replace(/\s+/g, ' ').trim();

interface ModelIndex {
  /** Every element drawn in the diagram (the bpmnElement of a BPMNShape or BPMNEdge), by id. */
  drawn: Map<string, ModdleElement>;
  /** Every element with an id, by id. */
  byId: Map<string, ModdleElement>;
  /** The innermost lane of each flow node, by the node's id. */
  laneOf: Map<string, ModdleElement>;
}

function indexModel(definitions: ModdleElement): ModelIndex {
  const drawn = new Map<string, ModdleElement>();
  const byId = new Map<string, ModdleElement>();
  const laneDepth = new Map<string, number>();
  const laneOf = new Map<string, ModdleElement>();
  for (const element of allElements(definitions)) {
    if (element.$type === 'bpmndi:BPMNShape' || element.$type === 'bpmndi:BPMNEdge') {
      const target = element.get('bpmnElement') as ModdleElement | undefined;
      if (target?.id) drawn.set(target.id, target);
    } else if (element.id && !element.$type.startsWith('bpmndi:') && !element.$type.startsWith('dc:')) {
      byId.set(element.id, element);
    }
    if (element.$instanceOf('bpmn:Lane')) {
      let depth = 0;
      for (let parent = element.$parent; parent; parent = parent.$parent) depth += parent.$instanceOf('bpmn:Lane') ? 1 : 0;
      for (const node of (element.get('flowNodeRef') as ModdleElement[] | undefined) ?? []) {
        if (!node?.id || (laneDepth.get(node.id) ?? -1) >= depth) continue;
        laneDepth.set(node.id, depth);
        laneOf.set(node.id, element);
      }
    }
  }
  return { drawn, byId, laneOf };
}

/** A property's value as the reader sees it; undefined when not set. */
function display(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return clean(value) || undefined;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    const parts = value.map(display).filter((part): part is string => part !== undefined);
    return parts.length > 0 ? parts.join('; ') : undefined;
  }
  if (typeof value === 'object' && '$type' in value) {
    const element = value as ModdleElement;
    const text = element.get('text') ?? element.get('body');
    if (typeof text === 'string') return display(text);
    if (element.name || element.id) return display(element.name ?? element.id);
    return element.$type.replace(/^bpmn:/, '');
  }
  return undefined;
}

/** Reads "processRef.name"-like paths of the differ's change keys. */
function valueAt(element: ModdleElement | undefined, path: string): string | undefined {
  if (path === '$type') return element?.$type;
  let value: unknown = element;
  for (const part of path.split('.')) {
    if (!value || typeof value !== 'object' || !('$type' in value)) return undefined;
    value = (value as ModdleElement).get(part);
  }
  return display(value);
}

interface PropertyDescriptor {
  name: string;
  type: string;
  isMany?: boolean;
  isReference?: boolean;
  ns?: { prefix: string; name: string };
}

const descriptorOf = (element: ModdleElement) =>
  (element as unknown as { $descriptor: { properties: PropertyDescriptor[]; propertiesByName: Record<string, PropertyDescriptor> } }).$descriptor;

/** Extension properties by their prefixed name ("sk:time"), BPMN ones by their plain name ("name"). */
function qualified(element: ModdleElement, name: string): string {
  const property = descriptorOf(element).propertiesByName[name];
  return property?.ns && property.ns.prefix !== 'bpmn' ? property.ns.name : name;
}

/** The differ's keys ("documentation[0]", "processRef.name", "time") as property paths, without structural ones. */
function differProperties(element: ModdleElement, attrs: Record<string, unknown>): string[] {
  const paths = Object.keys(attrs).map((key) => key.replace(/\[\d+\]$/, '')).map((path) => (path.includes('.') ? path : qualified(element, path)));
  return [...new Set(paths)].filter((path) => !path.split('.').some((part) => STRUCTURAL.has(part)));
}

/** Simple properties of the element's type (strings, numbers, booleans; sk: attributes included), and documentation. */
function ownProperties(element: ModdleElement): string[] {
  const simple = descriptorOf(element)
    .properties.filter((p) => !p.isMany && !p.isReference && ['String', 'Boolean', 'Integer', 'Real'].includes(p.type) && !STRUCTURAL.has(p.name))
    .map((p) => qualified(element, p.name));
  return ['$type', ...simple, 'documentation'];
}

function attributeChanges(oldElement: ModdleElement, newElement: ModdleElement, fromDiffer: string[]): AttributeChange[] {
  const properties = [...new Set([...ownProperties(newElement), ...ownProperties(oldElement), ...fromDiffer])];
  return properties.flatMap((property) => {
    const oldValue = valueAt(oldElement, property);
    const newValue = valueAt(newElement, property);
    if (oldValue === newValue) return [];
    return [{ property, label: propertyLabel(property), ...(oldValue !== undefined ? { oldValue } : {}), ...(newValue !== undefined ? { newValue } : {}) }];
  });
}

/** Names an unnamed element by its kind and place in its own model (element-names.ts). */
type Unnamed = (element: ModdleElement) => string;

function endsOf(flow: ModdleElement, unnamed: Unnamed): FlowEnds {
  // A data input association's sourceRef is a list: its first entry is the data it reads.
  const end = (value: unknown) => (Array.isArray(value) ? value[0] : value) as ModdleElement | undefined;
  const source = end(flow.get('sourceRef'));
  const target = end(flow.get('targetRef'));
  const nameOf = (element: ModdleElement | undefined) => display(element?.name) ?? (element?.$instanceOf('bpmn:TextAnnotation') ? display(element.get('text')) : undefined);
  return {
    ...(source?.id ? { sourceId: source.id } : {}),
    ...(nameOf(source) ? { sourceName: nameOf(source) } : {}),
    ...(target?.id ? { targetId: target.id } : {}),
    ...(nameOf(target) ? { targetName: nameOf(target) } : {}),
    ...(source ? { sourceLabel: endLabel(source, unnamed) } : {}),
    ...(target ? { targetLabel: endLabel(target, unnamed) } : {}),
  };
}

/** A flow's end as a reader names it: “its name”, or its kind and place among the unnamed ones. */
function endLabel(element: ModdleElement, unnamed: Unnamed): string {
  const name = display(element.name) ?? (element.$instanceOf('bpmn:TextAnnotation') ? display(element.get('text')) : undefined);
  return name ? `“${name}”` : unnamed(element);
}

/** How the reader tells the element apart without its id (ElementChange.label); undefined for named non-flows. */
function labelOf(element: ModdleElement, unnamed: Unnamed): string | undefined {
  if (isFlow(element)) {
    const ends = endsOf(element, unnamed);
    return `${ends.sourceLabel ?? '(tidak tersambung)'} → ${ends.targetLabel ?? '(tidak tersambung)'}`;
  }
  return named(element).name ? undefined : unnamed(element);
}

const placeOf = (lane: ModdleElement | undefined): LanePlace => ({
  ...(lane?.id ? { laneId: lane.id } : {}),
  ...(display(lane?.name) ? { laneName: display(lane?.name) } : {}),
});

const KIND_ORDER = { added: 0, removed: 1, changed: 2, moved: 3 } as const;

/** What differs between two parsed models, one entry per element, in a stable order. */
export function semanticDiff(oldDefinitions: ModdleElement, newDefinitions: ModdleElement): ElementChange[] {
  const changes = differ(oldDefinitions, newDefinitions);
  const before = indexModel(oldDefinitions);
  const after = indexModel(newDefinitions);
  const unnamedBefore = unnamedLabeller(oldDefinitions);
  const unnamedAfter = unnamedLabeller(newDefinitions);
  const isReported = (element: ModdleElement | undefined): element is ModdleElement =>
    !!element?.id && !element.$instanceOf('bpmn:Process') && !element.$instanceOf('bpmn:Collaboration') && !element.$instanceOf('bpmn:DataObject');

  const added = new Set([...Object.keys(changes._added), ...after.drawn.keys()].filter((id) => !before.byId.has(id) && isReported(after.byId.get(id))));
  const removed = new Set([...Object.keys(changes._removed), ...before.drawn.keys()].filter((id) => !after.byId.has(id) && isReported(before.byId.get(id))));
  const result: ElementChange[] = [];
  for (const id of added) {
    const element = after.byId.get(id)!;
    result.push({ elementId: id, type: element.$type, ...named(element), ...labelled(element, unnamedAfter), change: 'added', attributes: [], layoutChanged: false });
  }
  for (const id of removed) {
    const element = before.byId.get(id)!;
    result.push({ elementId: id, type: element.$type, ...named(element), ...labelled(element, unnamedBefore), change: 'removed', attributes: [], layoutChanged: false });
  }

  // Elements in both revisions: what the differ saw, what it misses, the lane and the flow's ends.
  const candidates = new Set([...Object.keys(changes._changed), ...Object.keys(changes._layoutChanged), ...after.drawn.keys(), ...after.laneOf.keys()]);
  for (const id of candidates) {
    const oldElement = before.byId.get(id);
    const newElement = after.byId.get(id);
    if (!isReported(oldElement) || !isReported(newElement)) continue;
    const attributes = attributeChanges(oldElement, newElement, differProperties(newElement, changes._changed[id]?.attrs ?? {}));
    const oldEnds = isFlow(oldElement) ? endsOf(oldElement, unnamedBefore) : undefined;
    const newEnds = isFlow(newElement) ? endsOf(newElement, unnamedAfter) : undefined;
    const reconnected = oldEnds && newEnds && (oldEnds.sourceId !== newEnds.sourceId || oldEnds.targetId !== newEnds.targetId) ? { from: oldEnds, to: newEnds } : undefined;
    const oldLane = before.laneOf.get(id);
    const newLane = after.laneOf.get(id);
    const lane = oldLane?.id !== newLane?.id ? { from: placeOf(oldLane), to: placeOf(newLane) } : undefined;
    // A flow's waypoints follow the shapes it joins, and a pool or lane grows with its content: not moves of their own.
    const layoutChanged = id in changes._layoutChanged && !isFlow(newElement) && !isContainer(newElement);
    if (attributes.length === 0 && !reconnected && !lane && !layoutChanged) continue;
    result.push({
      elementId: id,
      type: newElement.$type,
      ...named(newElement),
      ...labelled(newElement, unnamedAfter),
      change: attributes.length > 0 || reconnected ? 'changed' : 'moved',
      attributes,
      ...(reconnected ? { reconnected } : {}),
      ...(lane ? { lane } : {}),
      layoutChanged,
    });
  }
  return result.sort((a, b) => KIND_ORDER[a.change] - KIND_ORDER[b.change] || (a.name ?? a.label ?? a.elementId).localeCompare(b.name ?? b.label ?? b.elementId, 'id'));
}

function labelled(element: ModdleElement, unnamed: Unnamed): { label?: string } {
  const label = labelOf(element, unnamed);
  return label ? { label } : {};
}

function named(element: ModdleElement): { name?: string } {
  const name = display(element.name) ?? display(element.get('text'));
  return name ? { name } : {};
}
