// Serialises a BPMN model to XML in small pieces with pauses between them, so a big map never blocks the main thread:
// moddle's own writer turns each piece (≤ PIECE_ITEMS children of one collection) into XML, inside copies of the
// piece's ancestors that carry the same namespace declarations, and the pieces are joined where they belong.
// Pure (no DOM): the caller decides how to pause. The result parses to the same model as `moddle.toXML`'s; with
// `lean`, to that model without what no lint rule reads (edges' waypoints, labels' DI), which is a third less to
// write and parse. With a PieceCache, pieces whose elements are unchanged since an earlier call are not written again.

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
  /**
   * Pieces written by an earlier call, re-used where nothing they were written from has changed since (see PieceCache);
   * the result is the same text as without it.
   */
  cache?: PieceCache;
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

/** Marks a property that is not set, in a snapshot. */
const ABSENT = Symbol('absent');

/**
 * Everything moddle's writer reads of an element and its contained elements, in order: type, `$attrs`, and each
 * property it would write (own, not virtual) — values, contained elements (recursively), and references as the
 * object and the id written for it. Two snapshots equal value for value (===) mean the same XML. `visit` answers
 * false to stop (a difference found). Generic elements (unknown extensions) are not followed: an element holding one
 * answers false, and its piece is never cached.
 */
function snapshot(element: XmlElement, visit: (value: unknown) => boolean): boolean {
  const descriptor = element.$descriptor as { isGeneric?: boolean; properties: PropertyDescriptor[] };
  if (descriptor.isGeneric) return false;
  if (!visit(element)) return false;
  for (const name in element.$attrs) if (!visit(name) || !visit(element.$attrs[name])) return false;
  for (const property of descriptor.properties) {
    if (property.isVirtual) continue;
    if (!has(element, property.name)) {
      if (!visit(ABSENT)) return false;
      continue;
    }
    const value = (element as unknown as Record<string, unknown>)[property.name];
    if (property.isMany) {
      if (!Array.isArray(value)) return false;
      if (!visit(value.length)) return false;
      for (const item of value) if (!snapshotValue(item, property, visit)) return false;
    } else if (!snapshotValue(value, property, visit)) return false;
  }
  return true;
}

function snapshotValue(value: unknown, property: PropertyDescriptor, visit: (value: unknown) => boolean): boolean {
  if (property.isReference) return visit(value) && visit(typeof value === 'object' && value !== null ? (value as { id?: unknown }).id : undefined);
  if (typeof value === 'object' && value !== null) return isTyped(value) && snapshot(value, visit);
  return visit(value);
}

/** A snapshot of items as a list of values, or null when one holds something not followed (a generic element). */
function takeSnapshot(items: readonly XmlElement[]): unknown[] | null {
  const values: unknown[] = [];
  const push = (value: unknown) => {
    values.push(value);
    return true;
  };
  for (const item of items) if (!snapshot(item, push)) return null;
  return values;
}

function sameSnapshot(items: readonly XmlElement[], values: readonly unknown[]): boolean {
  let index = 0;
  const same = (value: unknown) => index < values.length && values[index++] === value;
  for (const item of items) if (!snapshot(item, same)) return false;
  return index === values.length;
}

interface CachedPiece {
  /** The ancestors' identities, properties and namespace declarations the piece was written inside. */
  context: string;
  items: readonly XmlElement[];
  values: readonly unknown[];
  xml: string;
  /** The holders' opening tags, whose declarations the document's root must carry. */
  tags: readonly string[];
  /** The last call that used the piece; pieces a whole call did not use are dropped. */
  used: number;
}

/**
 * The pieces of one model's XML from earlier calls (one per modeller). A piece is re-used only when it is the same
 * items (the same objects, in order) inside the same ancestors and a fresh snapshot of them equals the one taken when
 * it was written: any change bpmn-js makes anywhere in those elements — a name, a reference's target or that
 * target's id, a lane's or a flow's list — makes the snapshot differ, whichever command made it.
 */
export class PieceCache {
  private readonly pieces = new Map<XmlElement, CachedPiece>();
  private readonly ids = new WeakMap<object, number>();
  private nextId = 1;
  private call = 0;
  /** Pieces re-used and written by the last call (tests and benchmarks read them). */
  hits = 0;
  misses = 0;

  begin(): void {
    this.call++;
    this.hits = 0;
    this.misses = 0;
  }

  /** Drops the pieces the last complete call did not use (elements deleted, batches shifted). */
  sweep(): void {
    for (const [first, piece] of this.pieces) if (piece.used !== this.call) this.pieces.delete(first);
  }

  context(path: readonly Step[], lean: boolean): string {
    let key = lean ? 'lean' : 'whole';
    for (const step of path) key += `/${this.idOf(step.element)}.${step.property.name}${JSON.stringify([...ownDeclarations(step.element)])}`;
    return key;
  }

  get(context: string, items: readonly XmlElement[]): CachedPiece | undefined {
    const piece = this.pieces.get(items[0]!);
    const hit =
      piece !== undefined &&
      piece.context === context &&
      piece.items.length === items.length &&
      piece.items.every((item, index) => item === items[index]) &&
      sameSnapshot(items, piece.values);
    if (!hit) return undefined;
    piece.used = this.call;
    this.hits++;
    return piece;
  }

  set(context: string, items: readonly XmlElement[], values: readonly unknown[] | null, xml: string, tags: readonly string[]): void {
    this.misses++;
    if (values === null) {
      this.pieces.delete(items[0]!);
      return;
    }
    this.pieces.set(items[0]!, { context, items: [...items], values, xml, tags, used: this.call });
  }

  /** A piece boundary after every `every`-th element in the order first seen; elements added later fall in between. */
  endsPiece(element: XmlElement, every: number): boolean {
    return this.idOf(element) % every === 0;
  }

  private idOf(element: object): number {
    let id = this.ids.get(element);
    if (id === undefined) {
      id = this.nextId++;
      this.ids.set(element, id);
    }
    return id;
  }
}

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

  /**
   * Whether a piece ends after `item`, its `length`-th. Without a cache, every PIECE_ITEMS items. With one, where the
   * item's cache number says (about as often), so that an element added or deleted changes only its own piece and not
   * every later one, with a piece never over twice the size.
   */
  private endsPiece(item: XmlElement, length: number): boolean {
    const cache = this.options.cache;
    if (!cache) return length >= this.pieceItems;
    return cache.endsPiece(item, this.pieceItems) || length >= 2 * this.pieceItems;
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
  private async serialiseWithin(path: readonly Step[], items: XmlElement[], tags: string[] = []): Promise<string> {
    let content: unknown = items;
    for (let index = path.length - 1; index >= 0; index--) content = this.holder(path[index]!, index === path.length - 1 ? items : content);
    const { xml } = await this.moddle.toXML(content, { format: false, preamble: false });
    let inner = xml;
    for (let level = 0; level < path.length; level++) {
      const open = /^<[^<>]*>/.exec(inner);
      const close = /<\/[^<>]*>$/.exec(inner);
      if (!open || !close || open[0].endsWith('/>')) throw new Error('unexpected serialisation of a piece');
      tags.push(open[0]);
      this.collect(open[0], level === 0 ? new Map() : ownDeclarations(path[level]!.element));
      inner = inner.slice(open[0].length, inner.length - close[0].length);
    }
    return inner;
  }

  /**
   * A batch of a collection's items (`originals`, written as `items`: their lean copies or themselves): from the cache
   * when it holds them unchanged, else written and remembered.
   */
  private async piece(path: readonly Step[], items: XmlElement[], originals: XmlElement[]): Promise<string> {
    const cache = this.options.cache;
    if (!cache) return this.serialiseWithin(path, items);
    const context = cache.context(path, this.options.lean === true);
    const cached = cache.get(context, originals);
    if (cached) {
      cached.tags.forEach((tag, level) => this.collect(tag, level === 0 ? new Map() : ownDeclarations(path[level]!.element)));
      return cached.xml;
    }
    // Taken in the same task as the writing (toXML does not yield), so it describes exactly what was written.
    const values = takeSnapshot(originals);
    const tags: string[] = [];
    const xml = await this.serialiseWithin(path, items, tags);
    cache.set(context, originals, values, xml, tags);
    return xml;
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
      let originals: XmlElement[] = [];
      const flush = async () => {
        if (batch.length === 0) return;
        parts.push(await this.piece(inner, batch, originals));
        batch = [];
        originals = [];
        await this.options.pause();
      };
      for (const original of slot.items) {
        const item = this.lean(original);
        if (this.needsSplit(item)) {
          await flush();
          parts.push(await this.element(item, inner));
        } else {
          batch.push(item);
          originals.push(original);
          if (this.endsPiece(original, batch.length)) await flush();
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
  options.cache?.begin();
  const xml = await slicer.element(definitions, []);
  options.cache?.sweep();
  return PREAMBLE + slicer.declareAll(xml);
}
