// A small XML tree read with saxes (the parser the XML guard already uses), so the tolerant reader can fix ids and
// references element by element instead of by text substitution, and write the document back.
import { SaxesParser } from 'saxes';

export interface XmlElement {
  kind: 'element';
  /** The qualified name as written (`bpmn2:task`). */
  name: string;
  /** Attributes as written, in order (namespace declarations included). */
  attributes: [string, string][];
  children: XmlNode[];
  parent?: XmlElement;
  line: number;
}
export type XmlNode = XmlElement | { kind: 'text'; text: string } | { kind: 'cdata'; text: string } | { kind: 'comment'; text: string };

/** Parses well-formed XML (the guard has already checked it) into a tree; the XML declaration is left out. */
export function parseXmlTree(xml: string): XmlElement {
  const parser = new SaxesParser({ position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  const append = (node: XmlNode) => stack.at(-1)?.children.push(node);
  parser.on('opentag', (tag) => {
    const element: XmlElement = {
      kind: 'element',
      name: tag.name,
      attributes: Object.entries(tag.attributes as Record<string, string>),
      children: [],
      line: parser.line,
    };
    const parent = stack.at(-1);
    if (parent) {
      element.parent = parent;
      parent.children.push(element);
    } else {
      root = element;
    }
    if (!tag.isSelfClosing) stack.push(element);
  });
  parser.on('closetag', (tag) => {
    if (!tag.isSelfClosing) stack.pop();
  });
  parser.on('text', (text) => append({ kind: 'text', text }));
  parser.on('cdata', (text) => append({ kind: 'cdata', text }));
  parser.on('comment', (text) => append({ kind: 'comment', text }));
  parser.write(xml).close();
  if (!root) throw new Error('XML without a root element');
  return root;
}

export function attribute(element: XmlElement, name: string): string | undefined {
  return element.attributes.find(([n]) => n === name)?.[1];
}

export function setAttribute(element: XmlElement, name: string, value: string): void {
  const entry = element.attributes.find(([n]) => n === name);
  if (entry) entry[1] = value;
  else element.attributes.push([name, value]);
}

export const localName = (qname: string) => qname.slice(qname.indexOf(':') + 1);
export const prefixOf = (qname: string) => (qname.includes(':') ? qname.slice(0, qname.indexOf(':')) : '');

/** The namespace URI bound to `prefix` ('' = the default namespace) where `element` stands. */
export function namespaceOf(element: XmlElement, prefix: string): string | undefined {
  const declaration = prefix ? `xmlns:${prefix}` : 'xmlns';
  for (let e: XmlElement | undefined = element; e; e = e.parent) {
    const value = attribute(e, declaration);
    if (value !== undefined) return value;
  }
  return undefined;
}

export function* elementsOf(root: XmlElement): Generator<XmlElement> {
  const stack: XmlElement[] = [root];
  while (stack.length > 0) {
    const element = stack.pop()!;
    yield element;
    for (let i = element.children.length - 1; i >= 0; i--) {
      const child = element.children[i]!;
      if (child.kind === 'element') stack.push(child);
    }
  }
}

/** The text of an element that holds only text (a reference element such as `<bpmn:incoming>`), else undefined. */
export function textOnly(element: XmlElement): string | undefined {
  if (element.children.some((c) => c.kind === 'element')) return undefined;
  return element.children.map((c) => (c.kind === 'text' || c.kind === 'cdata' ? c.text : '')).join('');
}

export function setText(element: XmlElement, text: string): void {
  element.children = [{ kind: 'text', text }];
}

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttribute = (s: string) =>
  escapeText(s).replace(/"/g, '&quot;').replace(/\r/g, '&#13;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');

export function serializeXmlTree(root: XmlElement): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${serializeNode(root)}`;
}

/** The text of a node and everything inside it, markup left out. */
export function deepText(node: XmlNode): string {
  if (node.kind === 'text' || node.kind === 'cdata') return node.text;
  if (node.kind === 'comment') return '';
  return node.children.map(deepText).join('');
}

/** One node as XML, as written (namespace declarations of its ancestors are not repeated). */
export function serializeNode(node: XmlNode): string {
  const out: string[] = [];
  const write = (node: XmlNode) => {
    if (node.kind === 'text') out.push(escapeText(node.text));
    else if (node.kind === 'cdata') out.push(`<![CDATA[${node.text.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`);
    else if (node.kind === 'comment') out.push(`<!--${node.text}-->`);
    else {
      out.push(`<${node.name}`);
      for (const [name, value] of node.attributes) out.push(` ${name}="${escapeAttribute(value)}"`);
      if (node.children.length === 0) {
        out.push('/>');
        return;
      }
      out.push('>');
      for (const child of node.children) write(child);
      out.push(`</${node.name}>`);
    }
  };
  write(node);
  return out.join('');
}
