// What a BPMN document says, read from its XML as written (not through moddle, which is what the import tests check):
// per id its type, name, flow ends, lane members, event definitions and documentation; and where its diagram points.
import { attribute, deepText, elementsOf, localName, namespaceOf, parseXmlTree, prefixOf, textOnly, type XmlElement } from '../../server/bpmn/import/xml-tree';

const MODEL = 'http://www.omg.org/spec/BPMN/20100524/MODEL';
const BPMNDI = 'http://www.omg.org/spec/BPMN/20100524/DI';
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

export interface ElementFacts {
  type: string;
  /** The tag's local name: where it names a property (`childLaneSet`), `type` is from xsi:type. */
  tag: string;
  name?: string;
  source?: string;
  target?: string;
  flowNodeRefs?: string[];
  eventDefinitions?: string[];
  documentation?: string[];
}

export interface BpmnFacts {
  elements: Map<string, ElementFacts>;
  /** Every id in the document (any namespace the moddle-checked ids live in). */
  ids: Set<string>;
  /** bpmnElement of each DI shape and edge, and of each plane. */
  shapes: { id: string; target: string | undefined; plane?: string }[];
  planes: { id: string; target: string | undefined }[];
  /** The flow nodes inside a process (not a choreography), and the process that holds each. */
  processNodes: Map<string, string>;
  /** The processes the pools of each collaboration stand for. */
  pools: Map<string, string[]>;
}

const ns = (e: XmlElement) => namespaceOf(e, prefixOf(e.name));
const children = (e: XmlElement) => e.children.filter((c): c is XmlElement => c.kind === 'element');
const FLOW_NODE = /(Task|Event|Gateway|SubProcess|^task|^subProcess|^callActivity|^transaction)$/;
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

export function bpmnFacts(xml: string): BpmnFacts {
  const root = parseXmlTree(xml);
  const all = [...elementsOf(root)];
  const ids = new Set(all.flatMap((e) => attribute(e, 'id') ?? []));
  /** A reference as the schema allows it (`id` or `prefix:id`), read as the id. */
  const ref = (value: string | undefined) => {
    if (value === undefined) return undefined;
    const v = value.trim();
    return ids.has(v) || !v.includes(':') ? v : localName(v);
  };
  const elements = new Map<string, ElementFacts>();
  const shapes: BpmnFacts['shapes'] = [];
  const planes: BpmnFacts['planes'] = [];
  const processNodes = new Map<string, string>();
  const pools = new Map<string, string[]>();
  const processOf = (e: XmlElement) => {
    for (let p = e.parent; p; p = p.parent) if (localName(p.name) === 'process' && ns(p) === MODEL) return attribute(p, 'id');
    return undefined;
  };
  const planeOf = (e: XmlElement) => {
    for (let p = e.parent; p; p = p.parent) if (localName(p.name) === 'BPMNPlane') return attribute(p, 'id') ?? `<BPMNPlane> baris ${p.line}`;
    return undefined;
  };
  for (const element of all) {
    const id = attribute(element, 'id');
    const namespace = ns(element);
    const local = localName(element.name);
    if (namespace === BPMNDI) {
      const di = { id: id ?? `<${local}> baris ${element.line}`, target: ref(attribute(element, 'bpmnElement')) };
      if (local === 'BPMNShape' || local === 'BPMNEdge') shapes.push({ ...di, plane: planeOf(element) });
      if (local === 'BPMNPlane') planes.push(di);
    }
    if (namespace !== MODEL || id === undefined) continue;
    // An xsi:type names the element's type where the tag names only the property (`<expression xsi:type="tFormalExpression">`).
    const xsiType = element.attributes.find(([n]) => localName(n) === 'type' && namespaceOf(element, prefixOf(n)) === XSI)?.[1];
    const facts: ElementFacts = { tag: local, type: xsiType ? localName(xsiType).replace(/^t(?=[A-Z])/, '').replace(/^./, (c) => c.toLowerCase()) : local };
    const name = attribute(element, 'name');
    // Line ends and runs of white space in an attribute are the same to any XML reader (attribute-value normalisation).
    if (name !== undefined) facts.name = squash(name);
    if (local === 'sequenceFlow' || local === 'messageFlow') {
      facts.source = ref(attribute(element, 'sourceRef'));
      facts.target = ref(attribute(element, 'targetRef'));
    }
    const kids = children(element).filter((c) => ns(c) === MODEL);
    if (local === 'lane') facts.flowNodeRefs = kids.filter((c) => localName(c.name) === 'flowNodeRef').map((c) => ref(textOnly(c) ?? '')!).sort();
    const definitions = kids.filter((c) => localName(c.name).endsWith('EventDefinition') || localName(c.name) === 'eventDefinitionRef');
    if (definitions.length > 0) facts.eventDefinitions = definitions.map((c) => localName(c.name)).sort();
    const documentation = kids.filter((c) => localName(c.name) === 'documentation');
    if (documentation.length > 0) facts.documentation = documentation.map((c) => squash(deepText(c)));
    elements.set(id, facts);
    const process = processOf(element);
    if (FLOW_NODE.test(local) && process !== undefined) processNodes.set(id, process);
    if (local === 'participant' && element.parent) {
      const collaboration = attribute(element.parent, 'id') ?? '';
      const processRef = ref(attribute(element, 'processRef'));
      pools.set(collaboration, [...(pools.get(collaboration) ?? []), ...(processRef ? [processRef] : [])]);
    }
  }
  return { elements, ids, shapes, planes, processNodes, pools };
}

/** Old id → new id of every ID_CHANGED warning. */
export function renamesOf(warnings: { code: string; what: string }[]): Map<string, string> {
  const renames = new Map<string, string>();
  for (const w of warnings) {
    const match = /^Id "(.*)" dari .* diganti menjadi "([^"]*)"/.exec(w.what);
    if (w.code === 'ID_CHANGED' && match) renames.set(match[1]!, match[2]!);
  }
  return renames;
}

/**
 * The differences between a file and the map stored from it that no warning names (by the element's id, old or new):
 * each is a silent loss. Empty when the import kept everything or said what it did not.
 */
export function silentLosses(before: BpmnFacts, after: BpmnFacts, warnings: { code: string; element?: string; what: string }[]): string[] {
  const renames = renamesOf(warnings);
  const named = new Set(warnings.flatMap((w) => w.element ?? []));
  const rename = (id: string | undefined) => (id === undefined ? undefined : (renames.get(id) ?? id));
  const losses: string[] = [];
  for (const id of before.ids) {
    const now = rename(id)!;
    if (!after.ids.has(now) && !named.has(id) && !named.has(now)) losses.push(`${id}: hilang`);
  }
  for (const [id, facts] of before.elements) {
    const now = rename(id)!;
    const stored = after.elements.get(now);
    if (!stored || named.has(id) || named.has(now)) continue;
    const expected: ElementFacts = {
      ...facts,
      ...(facts.source !== undefined ? { source: rename(facts.source) } : {}),
      ...(facts.target !== undefined ? { target: rename(facts.target) } : {}),
      ...(facts.flowNodeRefs ? { flowNodeRefs: facts.flowNodeRefs.map((r) => rename(r)!).sort() } : {}),
    };
    // A writer may leave out an xsi:type that is the property's own type, or write one where the tag was the type.
    if (expected.type === stored.type || expected.tag === stored.tag || expected.type === stored.tag || expected.tag === stored.type) expected.type = stored.type;
    expected.tag = stored.tag;
    for (const key of Object.keys(expected) as (keyof ElementFacts)[]) {
      if (JSON.stringify(expected[key]) !== JSON.stringify(stored[key])) {
        losses.push(`${id}: ${key} ${JSON.stringify(expected[key])} → ${JSON.stringify(stored[key])}`);
      }
    }
  }
  // A shape or edge that drew an element of the file must still draw it (shapes that pointed at nothing already did not).
  const drewSomething = new Set(before.shapes.filter((s) => s.target !== undefined && before.ids.has(s.target)).map((s) => rename(s.id)));
  for (const shape of after.shapes) {
    if ((!shape.target || !after.ids.has(shape.target)) && drewSomething.has(shape.id) && !named.has(shape.id)) {
      losses.push(`${shape.id}: bentuk gambar tidak lagi merujuk elemen (${shape.target ?? '-'})`);
    }
  }
  return losses;
}


/**
 * Whether the stored map, when a process has flow nodes, has a plane pointing at a process or collaboration that draws
 * at least one of that root's flow nodes (what bpmn-js opens: anything else is a blank canvas).
 */
export function drawsFlowNodes(after: BpmnFacts): boolean {
  if (after.processNodes.size === 0) return true;
  return after.planes.some((plane) => {
    const type = plane.target === undefined ? undefined : after.elements.get(plane.target)?.type;
    const processes = type === 'process' ? [plane.target!] : type === 'collaboration' ? (after.pools.get(plane.target!) ?? []) : [];
    return after.shapes.some((s) => s.plane === plane.id && s.target !== undefined && processes.includes(after.processNodes.get(s.target) ?? ''));
  });
}
