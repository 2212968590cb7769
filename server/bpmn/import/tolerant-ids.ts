// Fixes, before bpmn-moddle reads the file, the ids and references it would otherwise drop with their whole element:
// ids moddle refuses (spaces, non-ASCII letters, duplicates) are rewritten with every reference to them (ID_CHANGED),
// and QName references into the BPMN or target namespace (`bpmnElement="bpmn2:_abc"`, which the schema allows) are
// reduced to the local id. Works on the parsed tree, one attribute or reference element at a time.
import { BPMN_MODEL_NS } from '../xml-guard';
import { warning, type ImportWarning } from './import-warning';
import { attribute, elementsOf, localName, namespaceOf, prefixOf, setAttribute, setText, textOnly, type XmlElement } from './xml-tree';

/** The namespaces of the elements whose ids moddle checks (extension elements keep whatever ids they have). */
const CHECKED_NAMESPACES = new Set([
  BPMN_MODEL_NS,
  'http://www.omg.org/spec/BPMN/20100524/DI',
  'http://www.omg.org/spec/DD/20100524/DI',
  'http://www.omg.org/spec/DD/20100524/DC',
]);

/** The id moddle-xml accepts (moddle-xml's `addElement`): anything else drops the element and all it holds. */
const MODDLE_ID = /^([a-z][\w-.]*:)?[a-z_][\w-.]*$/i;

/** Attributes that hold a reference to an id (BPMN, DI; the names the BPMN 2.0 schema gives IDREF/QName references). */
export function isReferenceAttribute(name: string): boolean {
  if (name.startsWith('xmlns') || name.includes(':')) return false;
  return /Ref$|Element$/.test(name) || name === 'default' || name === 'calledElement' || name === 'labelStyle';
}

/** Elements whose body is a reference (`<bpmn:incoming>`, `<bpmn:flowNodeRef>`, `<bpmn:dataInputRefs>` …). */
export function isReferenceElement(element: XmlElement): boolean {
  const local = localName(element.name);
  return local === 'incoming' || local === 'outgoing' || /Refs?$/.test(local);
}

/** A valid replacement for `id`: accents stripped, other characters moddle refuses made `_`, unique among `taken`. */
function safeId(id: string, taken: Set<string>): string {
  let base = id
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\w.-]/g, '_');
  if (!/^[a-z_]/i.test(base)) base = `_${base}`;
  let candidate = base;
  for (let n = 2; taken.has(candidate); n++) candidate = `${base}_${n}`;
  return candidate;
}

const label = (element: XmlElement) => {
  const name = attribute(element, 'name');
  return `<${element.name}>${name ? ` "${name}"` : ''}`;
};

export interface TolerantIds {
  warnings: ImportWarning[];
  /** Old id → new id, for every id rewritten. */
  renamed: Map<string, string>;
}

export function fixIdsAndReferences(root: XmlElement): TolerantIds {
  const warnings: ImportWarning[] = [];
  const all = [...elementsOf(root)];
  const taken = new Set(all.flatMap((e) => attribute(e, 'id') ?? []));
  const seen = new Set<string>();
  const renamed = new Map<string, string>();
  for (const element of all) {
    const id = attribute(element, 'id');
    if (id === undefined || !CHECKED_NAMESPACES.has(namespaceOf(element, prefixOf(element.name)) ?? '')) continue;
    const duplicate = seen.has(id);
    seen.add(id);
    if (MODDLE_ID.test(id) && !duplicate) continue;
    const next = safeId(id, taken);
    taken.add(next);
    setAttribute(element, 'id', next);
    if (!duplicate) renamed.set(id, next);
    warnings.push(
      warning(
        'ID_CHANGED',
        `Id "${id}" dari ${label(element)} diganti menjadi "${next}"${duplicate ? '' : ' (begitu pula setiap rujukan kepadanya)'}.`,
        duplicate
          ? 'Id yang sama sudah dipakai elemen lain dalam berkas; id harus unik.'
          : 'Id ini tidak dapat dipakai pemodel BPMN (memuat spasi, huruf non-ASCII atau tanda lain); tanpa diganti, elemen ini beserta isinya akan hilang.',
        // The id the user's own modeller shows; the new one is in `what`.
        id,
      ),
    );
  }
  const targetNamespace = attribute(root, 'targetNamespace');
  const resolve = (element: XmlElement, value: string): string | undefined => {
    const trimmed = value.trim();
    const renamedTo = renamed.get(trimmed);
    if (renamedTo) return renamedTo;
    if (taken.has(trimmed) || !trimmed.includes(':')) return undefined;
    const namespace = namespaceOf(element, prefixOf(trimmed));
    const local = localName(trimmed);
    if ((namespace === BPMN_MODEL_NS || (namespace !== undefined && namespace === targetNamespace)) && (taken.has(local) || renamed.has(local))) {
      return renamed.get(local) ?? local;
    }
    return undefined;
  };
  for (const element of all) {
    for (const entry of element.attributes) {
      if (!isReferenceAttribute(entry[0])) continue;
      const fixed = resolve(element, entry[1]);
      if (fixed !== undefined) entry[1] = fixed;
    }
    if (isReferenceElement(element)) {
      const text = textOnly(element);
      const fixed = text === undefined ? undefined : resolve(element, text);
      if (fixed !== undefined) setText(element, fixed);
    }
  }
  return { warnings, renamed };
}
