// A small element tree of one package part (issue 17's package reader), read with saxes. Names are given with the
// usual prefix of their namespace ("w:tc", "a:xfrm", "v:shape"), whatever prefix the file declared, so a part written
// by Word, Excel or LibreOffice reads alike.
import { SaxesParser } from 'saxes';

export interface XmlNode {
  /** `prefix:local` with the namespace's usual prefix; the local name alone for an unknown namespace. */
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  /** The text directly inside the element (for w:t, a:t, v, t). */
  text: string;
}

const PREFIXES: Record<string, string> = {
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main': 'w',
  'http://schemas.openxmlformats.org/spreadsheetml/2006/main': 's',
  'http://schemas.openxmlformats.org/drawingml/2006/main': 'a',
  'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing': 'xdr',
  'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing': 'wp',
  'http://schemas.microsoft.com/office/word/2010/wordprocessingShape': 'wps',
  'http://schemas.microsoft.com/office/word/2010/wordprocessingGroup': 'wpg',
  'http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas': 'wpc',
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships': 'r',
  'http://schemas.openxmlformats.org/package/2006/relationships': 'rel',
  'http://schemas.openxmlformats.org/markup-compatibility/2006': 'mc',
  'urn:schemas-microsoft-com:vml': 'v',
  'urn:schemas-microsoft-com:office:office': 'o',
  'urn:schemas-microsoft-com:office:word': 'w10',
  'http://schemas.openxmlformats.org/drawingml/2006/picture': 'pic',
};

const qualified = (uri: string, local: string) => (PREFIXES[uri] ? `${PREFIXES[uri]}:${local}` : local);

/** Parses one part; an ill-formed part throws (the caller refuses the package route and falls back). */
export function parseXml(xml: string): XmlNode {
  const parser = new SaxesParser({ xmlns: true });
  const stack: XmlNode[] = [];
  let root: XmlNode | undefined;
  parser.on('opentag', (tag) => {
    const attrs: Record<string, string> = {};
    for (const attr of Object.values(tag.attributes)) {
      if (attr.prefix === 'xmlns' || attr.name === 'xmlns') continue;
      attrs[attr.uri ? qualified(attr.uri, attr.local) : attr.local] = attr.value;
    }
    const node: XmlNode = { name: qualified(tag.uri, tag.local), attrs, children: [], text: '' };
    stack.at(-1)?.children.push(node);
    root ??= node;
    stack.push(node);
  });
  parser.on('closetag', () => void stack.pop());
  parser.on('text', (text) => {
    const top = stack.at(-1);
    if (top) top.text += text;
  });
  parser.write(xml).close();
  if (!root) throw new Error('part without a root element');
  return root;
}

export const child = (node: XmlNode | undefined, name: string): XmlNode | undefined => node?.children.find((c) => c.name === name);
export const children = (node: XmlNode | undefined, name: string): XmlNode[] => node?.children.filter((c) => c.name === name) ?? [];

/** Elements named `name` below `node`, in document order, not looking inside a match (nor inside `stop` elements). */
export function descendants(node: XmlNode, name: string | ((n: XmlNode) => boolean), stop: string[] = []): XmlNode[] {
  const test = typeof name === 'string' ? (n: XmlNode) => n.name === name : name;
  const found: XmlNode[] = [];
  const walk = (n: XmlNode) => {
    for (const c of n.children) {
      if (test(c)) found.push(c);
      else if (!stop.includes(c.name)) walk(c);
    }
  };
  walk(node);
  return found;
}

/** The first element on a path of child names. */
export const at = (node: XmlNode | undefined, ...path: string[]): XmlNode | undefined => path.reduce<XmlNode | undefined>((n, name) => child(n, name), node);

export const num = (value: string | undefined, fallback = 0): number => {
  const n = Number.parseFloat(value ?? '');
  return Number.isFinite(n) ? n : fallback;
};
