// Serialises a BPMN model to XML in small pieces with pauses between them, so a big map never blocks the main thread:
// moddle's own writer turns each piece (≤ PIECE_ITEMS children of one collection) into XML, inside copies of the
// piece's ancestors that carry the same namespace declarations, and the pieces are joined where they belong.
// Pure (no DOM): the caller decides how to pause. The result parses to the same model as `moddle.toXML`'s; with
// `lean`, to that model without what no lint rule reads (edges' waypoints, labels' DI), which is a third less to
// write and parse.

/** What this needs of a moddle element (bpmn-moddle's objects). */
export interface XmlElement {
  $type: string;
  $attrs: Record<string, string>;
  $parent?: XmlElement;
  $descriptor: { properties: PropertyDescriptor[] };
  get(name: string): unknown;
  set(name: string, value: unknown): void;
}

interface PropertyDescriptor {
  name: string;
  isMany?: boolean;
  isAttr?: boolean;
  isReference?: boolean;
  isBody?: boolean;
  isVirtual?: boolean;
}

export interface XmlModdle {
  create(type: string, attrs?: Record<string, unknown>): unknown;
  toXML(element: unknown, options?: { format?: boolean; preamble?: boolean }): Promise<{ xml: string }>;
}

export interface SliceOptions {
  /** Called between pieces; resolve to go on. Throw (or reject) to stop, e.g. when the model changed meanwhile. */
  pause: () => Promise<void>;
  /** Children of one collection serialised together; smaller pieces mean shorter blocks. */
  pieceItems?: number;
  /**
   * Leave out what no lint rule reads: the waypoints of the diagram's edges and the DI of labels (`BPMNLabel`).
   * The rules read only which elements have DI and the bounds of shapes (no-bpmndi, no-overlapping-elements, the
   * map model's lanes and stage groups); test/client/sliced-xml.test.ts checks the findings stay the same.
   */
  lean?: boolean;
}

const NO_REPLACEMENTS: ReadonlyMap<string, unknown> = new Map();

/** What `lean` leaves out, by DI type. */
const LEFT_OUT: Readonly<Record<string, readonly string[]>> = {
  'bpmndi:BPMNEdge': ['waypoint', 'label'],
  'bpmndi:BPMNShape': ['label'],
};

export const PIECE_ITEMS = 60;
const PREAMBLE = '<?xml version="1.0" encoding="UTF-8"?>\n';
const SLOT_PREFIX = '__petakerja_slot_';

/** A piece's place: the real ancestor and the property of it that holds the next one down. */
interface Step {
  element: XmlElement;
  property: PropertyDescriptor;
}

const has = (element: XmlElement, name: string) => Object.prototype.hasOwnProperty.call(element, name);

/** A model element of a known type; generic ones (unknown extensions) are left whole inside their parent's piece. */
function isTyped(value: unknown): value is XmlElement {
  return typeof value === 'object' && value !== null && typeof (value as XmlElement).$type === 'string' && Array.isArray((value as XmlElement).$descriptor?.properties);
}

/** Child elements by property (flow elements, lanes, shapes…; a diagram's one plane), as serialised: own, non-empty. */
function collections(element: XmlElement): Array<{ property: PropertyDescriptor; items: XmlElement[] }> {
  const found: Array<{ property: PropertyDescriptor; items: XmlElement[] }> = [];
  if (!isTyped(element)) return found;
  for (const property of element.$descriptor.properties) {
    if (property.isAttr || property.isReference || property.isBody || property.isVirtual || !has(element, property.name)) continue;
    const value = element.get(property.name);
    const items = property.isMany ? value : [value];
    // Only collections of typed elements are split (a placeholder must be created of the first one's type).
    if (Array.isArray(items) && items.length > 0 && items.every(isTyped)) found.push({ property, items });
  }
  return found;
}

/** The namespace declarations (`xmlns`, `xmlns:p`) written on one opening tag, by name. */
function declarationsOf(tag: string): Map<string, string> {
  return new Map([...tag.matchAll(/\s(xmlns(?::[\w.-]+)?)="([^"]*)"/g)].map((match) => [match[1]!, match[2]!]));
}

/** The declarations an element carries itself (kept from its file in `$attrs`), as its holder copies them. */
function ownDeclarations(element: XmlElement): Map<string, string> {
  return new Map(Object.entries(element.$attrs).filter(([name]) => name === 'xmlns' || name.startsWith('xmlns:')));
}

class Slicer {
  private readonly pieceItems: number;
  private readonly split = new Map<XmlElement, boolean>();
  private readonly declarations = new Map<string, string>();
  private slots = 0;

  constructor(
    private readonly moddle: XmlModdle,
    private readonly options: SliceOptions,
  ) {
    this.pieceItems = options.pieceItems ?? PIECE_ITEMS;
  }

  /** Whether an element is too big to serialise in one piece. */
  needsSplit(element: XmlElement): boolean {
    const known = this.split.get(element);
    if (known !== undefined) return known;
    this.split.set(element, false);
    const big = collections(element).some(({ items }) => this.slotted(element, items));
    this.split.set(element, big);
    return big;
  }

  /** Whether a collection of an element is written piece by piece: a big one, or a lean plane's (see lean()). */
  private slotted(element: XmlElement, items: readonly XmlElement[]): boolean {
    if (this.options.lean === true && element.$type === 'bpmndi:BPMNPlane') return true;
    return items.length > this.pieceItems || items.some((item) => this.needsSplit(item));
  }

  /**
   * A copy of an element with the same properties and attributes; `replace` swaps some properties' values, and the
   * properties `leave` names are left out.
   */
  private copy(element: XmlElement, replace: ReadonlyMap<string, unknown>, leave: readonly string[] = []): XmlElement {
    const copy = this.moddle.create(element.$type) as XmlElement;
    for (const property of element.$descriptor.properties) {
      if (leave.includes(property.name)) continue;
      if (replace.has(property.name)) copy.set(property.name, replace.get(property.name));
      else if (has(element, property.name)) copy.set(property.name, element.get(property.name));
    }
    Object.assign(copy.$attrs, element.$attrs);
    return copy;
  }

  /** With `lean`, a copy of a DI element without what LEFT_OUT names; else (or with nothing to leave out) itself. */
  private lean(element: XmlElement): XmlElement {
    const left = this.options.lean ? LEFT_OUT[element.$type] : undefined;
    if (!left || !left.some((name) => has(element, name))) return element;
    return this.copy(element, NO_REPLACEMENTS, left);
  }

  /** An empty element of an ancestor's type with its namespace declarations, holding `child` in `property`. */
  private holder(step: Step, child: unknown): XmlElement {
    const holder = this.moddle.create(step.element.$type) as XmlElement;
    for (const [name, value] of Object.entries(step.element.$attrs)) if (name === 'xmlns' || name.startsWith('xmlns:')) holder.$attrs[name] = value;
    const children = [child as XmlElement | XmlElement[]].flat();
    holder.set(step.property.name, step.property.isMany ? children : children[0]);
    return holder;
  }

  /** The XML of `items` as children of the last step's property, inside copies of the ancestors. */
  private async serialiseWithin(path: readonly Step[], items: XmlElement[]): Promise<string> {
    let content: unknown = items;
    for (let index = path.length - 1; index >= 0; index--) content = this.holder(path[index]!, index === path.length - 1 ? items : content);
    const { xml } = await this.moddle.toXML(content, { format: false, preamble: false });
    let inner = xml;
    for (let level = 0; level < path.length; level++) {
      const open = /^<[^<>]*>/.exec(inner);
      const close = /<\/[^<>]*>$/.exec(inner);
      if (!open || !close || open[0].endsWith('/>')) throw new Error('unexpected serialisation of a piece');
      this.collect(open[0], level === 0 ? new Map() : ownDeclarations(path[level]!.element));
      inner = inner.slice(open[0].length, inner.length - close[0].length);
    }
    return inner;
  }

  /**
   * Remembers the namespace declarations a piece's holder needed; the document's root declares them all. A holder
   * below the root repeats its element's own declarations (a BPMNDiagram or process that re-declares the default
   * namespace, as Bizagi and Enterprise Explorer write): the element's own tag in the document declares those already,
   * in its scope, so they stay there and are not moved to the root, where they would clash with the root's.
   */
  private collect(tag: string, own: ReadonlyMap<string, string>): void {
    for (const [name, uri] of declarationsOf(tag)) {
      if (own.get(name) === uri) continue;
      const known = this.declarations.get(name);
      if (known !== undefined && known !== uri) throw new Error(`namespace prefix ${name} bound twice`);
      this.declarations.set(name, uri);
    }
  }

  async element(element: XmlElement, path: readonly Step[]): Promise<string> {
    if (!this.needsSplit(element)) {
      const xml = path.length === 0 ? (await this.moddle.toXML(element, { format: false, preamble: false })).xml : await this.serialiseWithin(path, [element]);
      await this.options.pause();
      return xml;
    }
    // The element with a placeholder where each big collection goes, then each collection piece by piece.
    const slotted = collections(element).filter(({ items }) => this.slotted(element, items));
    const replace = new Map<string, unknown>();
    const slots: Array<{ id: string; property: PropertyDescriptor; items: XmlElement[] }> = [];
    for (const { property, items } of slotted) {
      const id = `${SLOT_PREFIX}${this.slots++}__`;
      const placeholder = this.moddle.create(items[0]!.$type, { id }) as XmlElement;
      // Declared as the first item declares itself, so the writer needs no prefix at the root for the placeholder.
      Object.assign(placeholder.$attrs, Object.fromEntries(ownDeclarations(items[0]!)));
      replace.set(property.name, property.isMany ? [placeholder] : placeholder);
      slots.push({ id, property, items });
    }
    const shell = this.copy(element, replace);
    let xml = path.length === 0 ? (await this.moddle.toXML(shell, { format: false, preamble: false })).xml : await this.serialiseWithin(path, [shell]);
    await this.options.pause();
    for (const slot of slots) {
      const inner = [...path, { element, property: slot.property }];
      const parts: string[] = [];
      let batch: XmlElement[] = [];
      const flush = async () => {
        if (batch.length === 0) return;
        parts.push(await this.serialiseWithin(inner, batch));
        batch = [];
        await this.options.pause();
      };
      for (const original of slot.items) {
        const item = this.lean(original);
        if (this.needsSplit(item)) {
          await flush();
          parts.push(await this.element(item, inner));
        } else {
          batch.push(item);
          if (batch.length >= this.pieceItems) await flush();
        }
      }
      await flush();
      const placeholder = new RegExp(`<[^<>]*\\sid="${slot.id}"[^<>]*/>`);
      if (!placeholder.test(xml)) throw new Error('placeholder not found in serialisation');
      const joined = parts.join('');
      xml = xml.replace(placeholder, () => joined);
    }
    return xml;
  }

  /** The root's opening tag with every declaration a piece needed that it lacks. */
  declareAll(xml: string): string {
    const open = /^<[^<>]*?(\/?>)/.exec(xml);
    if (!open) throw new Error('no root element');
    const present = declarationsOf(open[0]);
    let extra = '';
    for (const [name, uri] of this.declarations) {
      const known = present.get(name);
      if (known === undefined) extra += ` ${name}="${uri}"`;
      else if (known !== uri) throw new Error(`namespace prefix ${name} bound twice`);
    }
    const end = open[0].length - open[1]!.length;
    return xml.slice(0, end) + extra + xml.slice(end);
  }
}

/** The model's XML, as `moddle.toXML(definitions, { format: false })` writes it, built piece by piece with pauses. */
export async function slicedXml(moddle: XmlModdle, definitions: XmlElement, options: SliceOptions): Promise<string> {
  const slicer = new Slicer(moddle, options);
  const xml = await slicer.element(definitions, []);
  return PREAMBLE + slicer.declareAll(xml);
}
